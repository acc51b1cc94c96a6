import PIIScanPCRE2

/// Turns the digit runs the kernel found into validated findings: ID numbers, mobiles,
/// landlines, bank cards and their masked forms.
///
/// For each run not yet consumed it builds the number chain the run belongs to (groups joined
/// by one kind of separator, plus prefixes such as `+86` or `(0755)`), tries the chain's shape
/// against each enabled validator in priority order, and keeps the first valid interpretation,
/// else the first invalid one. A chain that fits no shape falls back to the run alone. Values are
/// never taken from inside a longer alphanumeric token, a decimal number or an e-mail address.
///
/// It runs for every digit run of a chunk, so it allocates nothing, copies no table entry and
/// counts nothing by reference: digits are gathered into a scratch buffer it owns, validators
/// read that buffer, and the tables are held directly (docs/ARCHITECTURE.md, Performance).
struct NumberDetector: Detector {
  private let settings: DetectionSettings
  private let id18: Rule?
  private let id15: Rule?
  private let permit: Rule?
  private let idMasked: Rule?
  private let mobile: Rule?
  private let mobileMasked: Rule?
  private let landline: Rule?
  private let bankCard: Rule?
  /// The 2023 外国人永久居留身份证 (18 digits, leading 9): a soft category whose rule the
  /// number finder serves too, since its digits are taken here before any field is read.
  private let foreignResidence: Rule?
  private let extensionPattern: PCRE2Pattern
  /// Words naming a device identifier: a 16-digit IMEISV under them is no card, whatever its
  /// digits begin with.
  private let deviceWords = ContextWords(["imei", "串号", "设备号", "国际移动设备识别码"])
  private let patternScratch = PCRE2MatchScratch()
  /// The digits of the candidate being looked at (``digitBytes``), then room for a landline's
  /// number and value (``Layout``).
  private let scratch = ScratchBytes(count: Layout.total)
  private var digitCount = 0
  private let regions = RegionCodeTable.shared
  private let prefixes = MobilePrefixTable.shared
  private let areaCodes = LandlineAreaCodes.shared
  private let bins = BankBINTable.shared
  private let samples = KnownSampleValues.shared
  private var w = ByteWindow(bytes: UnsafeRawBufferPointer(start: nil, count: 0))
  /// Positions before this were consumed by an earlier finding.
  private var consumedUntil = 0
  /// The end of the last finding (``consumedUntil`` also moves past runs that gave none).
  private var foundUntil = 0
  /// Full-width digits folded to ASCII (``FullWidth``), and where each folded byte came from.
  private let fold = FullWidth.Scratch()
  /// While a folded copy is looked at: the chunk's own window (``w`` is then the copy), which
  /// context words and fields are read in.
  private var original: ByteWindow?
  private var ownStart = 0

  init(rules: RuleSet, settings: DetectionSettings) {
    self.settings = settings
    id18 = rules.rule(for: .residentID18)
    id15 = rules.rule(for: .residentID15)
    permit = rules.rule(for: .residencePermit)
    idMasked = rules.rule(for: .residentIDMasked)
    mobile = rules.rule(for: .mobile)
    mobileMasked = rules.rule(for: .mobileMasked)
    landline = rules.rule(for: .landline)
    bankCard = rules.rule(for: .bankCard)
    foreignResidence = rules.fieldRuleObject(for: .cnForeignPermanentResidenceID)
    do {
      // A landline extension written after the number: "转123", "分机 123", "ext. 123", "x123".
      extensionPattern = try PCRE2Pattern(
        #"[ \t]{0,2}(?:转|分机|ext\.?|x|#)[ \t]{0,2}([0-9]{1,6})(?![0-9A-Za-z])"#,
        options: [.anchored, .caseless])
    } catch {
      preconditionFailure("built-in extension pattern: \(error)")
    }
  }

  /// Whether any numeric rule is enabled (else the kernel's runs need not be looked at).
  var isEnabled: Bool {
    [id18, id15, permit, idMasked, mobile, mobileMasked, landline, bankCard, foreignResidence]
      .contains { $0 != nil }
  }

  private var profile = InputProfile.unstructured

  mutating func detect(
    _ chunk: ChunkContext, found: inout [Outcome], stopped: inout [String: Int]
  ) {
    w = chunk.view.window
    profile = chunk.profile
    consumedUntil = 0
    foundUntil = 0
    ownStart = chunk.view.ownStart
    let candidates = chunk.candidates
    // A chain cut by the chunk's start: its runs before the owned start tell what the previous
    // chunk's values consumed; what they give is that chunk's and is dropped.
    var discarded: [Outcome] = []
    for i in candidates.primingStarts.indices {
      let length = Int(candidates.primingLengths[i])
      if length & CandidateKernel.wideRun != 0 {
        processWide(runStart: Int(candidates.primingStarts[i]), into: &discarded)
      } else {
        process(runStart: Int(candidates.primingStarts[i]), length: length, into: &discarded)
      }
    }
    for i in candidates.runStarts.indices {
      let length = Int(candidates.runLengths[i])
      if length & CandidateKernel.wideRun != 0 {
        processWide(runStart: Int(candidates.runStarts[i]), into: &found)
      } else {
        process(runStart: Int(candidates.runStarts[i]), length: length, into: &found)
      }
    }
  }

  /// Looks at the number written around the full-width digit run at `start` ("１３８ １２３４
  /// ５６７８", "＋８６ １３８…", "４３０３…１３Ｘ"): folds it, with the bytes around it, into
  /// ASCII and reads the copy as any other number, then maps each finding's span back to the
  /// bytes as stored. Context words and fields are still read in the chunk's own window.
  mutating func processWide(runStart start: Int, into out: inout [Outcome]) {
    if start < consumedUntil || original != nil { return }
    let window = w
    // An earlier run that gave nothing may be this number's first group ("0755-８６１２…").
    guard let region = FullWidth.region(around: start, in: window, notBefore: foundUntil),
      let copy = fold.fold(window, region.context)
    else { return }
    let savedConsumed = consumedUntil
    let savedFound = foundUntil
    original = window
    w = copy
    consumedUntil = fold.foldedIndex(of: region.number.lowerBound)
    foundUntil = consumedUntil
    let numberEnd = fold.foldedIndex(of: region.number.upperBound)
    var found: [Outcome] = []
    var i = consumedUntil
    while i < numberEnd {
      guard ByteClass.isDigit(w[i]) else {
        i += 1
        continue
      }
      var j = i
      while ByteClass.isDigit(w[j]) { j += 1 }
      if j - i >= CandidateKernel.minimumRun { process(runStart: i, length: j - i, into: &found) }
      i = j
    }
    w = window
    original = nil
    consumedUntil = max(savedConsumed, region.number.upperBound)
    foundUntil = savedFound
    for var outcome in found {
      let lower = fold.originalIndex(of: outcome.span.lowerBound)
      outcome.span = lower..<fold.originalIndex(of: outcome.span.upperBound)
      // The chunk that owns the value's first full-width digit reports it (its kernel reported
      // that run; a prefix such as "＋" or "0755-" before it gives the earlier chunk nothing).
      var firstWide = outcome.span.lowerBound
      while firstWide < outcome.span.upperBound
        && !(window[firstWide] == 0xEF && window[firstWide + 1] == 0xBC
          && window[firstWide + 2] &- 0x90 < 10)
      {
        firstWide += 1
      }
      if firstWide < ownStart { continue }
      consumedUntil = max(consumedUntil, outcome.span.upperBound)
      foundUntil = max(foundUntil, outcome.span.upperBound)
      out.append(outcome)
    }
  }

  /// Looks at the digit run `start..<start + length`; appends what it finds to `out`.
  mutating func process(runStart start: Int, length: Int, into out: inout [Outcome]) {
    if start < consumedUntil { return }
    defer { consumedUntil = max(consumedUntil, start + length) }
    let before = w[start - 1]
    let after = w[start + length]
    // The kernel reports only runs that can be a value alone (10–19 digits) or that are joined
    // to more of a number (CandidateKernel.standalone, piiscan_run_filter).
    // Digits next to '@' are an e-mail's local part or domain: the e-mail finder's.
    if before == 0x40 || after == 0x40 { return }
    if after == 0x2A || ((after | 0x20) == 0x78 && (w[start + length + 1] | 0x20) == 0x78) {
      if let outcome = masked(runStart: start, length: length) {
        out.append(outcome)
        consumedUntil = outcome.span.upperBound
        foundUntil = consumedUntil
      }
      return
    }
    let chainStart = w.chainStart(of: start, notBefore: consumedUntil)
    let chain = NumberChain(window: w, start: chainStart)
    if w.couldBeValue(chain), let outcome = classify(chain) {
      out.append(outcome)
      consumedUntil = outcome.span.upperBound
      foundUntil = consumedUntil
      appendOtherReadings(into: &out)
      return
    }
    if chainStart != start {
      // "+86 138-1234-5678": the groups before the run are joined by another separator than
      // the run's own groups; the number is the run's chain, with its prefix before it.
      let own = NumberChain(window: w, start: start)
      if own.count > 1, w.couldBeValue(own), let outcome = classify(own) {
        out.append(outcome)
        consumedUntil = outcome.span.upperBound
        foundUntil = consumedUntil
        appendOtherReadings(into: &out)
        return
      }
    }
    if chain.count > 1 || chainStart != start {
      let single = NumberChain(window: w, start: start, length: length)
      if w.couldBeValue(single), let outcome = classify(single) {
        out.append(outcome)
        consumedUntil = outcome.span.upperBound
        foundUntil = consumedUntil
        appendOtherReadings(into: &out)
      }
    }
  }

  /// Appends the readings ``classifyEveryReading(_:)`` kept (check only; empty in a scan).
  private mutating func appendOtherReadings(into out: inout [Outcome]) {
    guard !otherReadings.isEmpty else { return }
    out += otherReadings
    otherReadings.removeAll()
  }

  /// Whether a context word of rule `rule` labels the value at `start` (see ``ValueContext``).
  @inline(__always) private func hasContext(_ rule: Rule, before start: Int) -> Bool {
    if settings.assumeContext { return true }
    return labels(rule.context, before: start)
  }

  /// Whether `words` label the value at `start` (see ``ValueContext``), read in the chunk's
  /// own window also while a folded copy is looked at.
  private func labels(_ words: ContextWords, before start: Int) -> Bool {
    if let original {
      return ValueContext.labels(
        words, valueAt: fold.originalIndex(of: start), in: original, profile: profile)
    }
    return ValueContext.labels(words, valueAt: start, in: w, profile: profile)
  }

  // MARK: Classification

  /// `piiscan check`'s readings of a chain besides the one ``classify(_:)`` returned: with
  /// ``DetectionSettings/assumeContext`` every validator whose shape the chain fits is asked,
  /// so an 18-digit number is explained as an ID and as a card of an 18-digit BIN.
  private var otherReadings: [Outcome] = []

  private mutating func classify(_ c: NumberChain) -> Outcome? {
    if settings.assumeContext { return classifyEveryReading(c) }
    return classifyFirst(c)
  }

  /// Every reading of `c` (check only): what ``classifyFirst(_:)`` gives and every other
  /// shape's valid reading; the first valid one is returned, the others are kept in
  /// ``otherReadings`` for ``process(runStart:length:into:)`` to append after it.
  private mutating func classifyEveryReading(_ c: NumberChain) -> Outcome? {
    typealias S = NumberChain
    let sig = c.signature
    var all: [Outcome] = []
    if let first = classifyFirst(c) { all.append(first) }
    // A further reading counts when it passes its checks: a valid ID is not also "a card of
    // an unknown BIN that fails Luhn".
    func add(_ outcome: Outcome?) {
      guard let outcome, outcome.valid, !all.contains(where: { $0.rule === outcome.rule })
      else { return }
      all.append(outcome)
    }
    if id15 != nil, !c.trailingX, sig == S.shape(15) || sig == S.shape(6, 6, 3) {
      add(residentID15(c))
    }
    if mobile != nil, !c.trailingX { add(mobileNumber(c)) }
    if landline != nil, !c.trailingX { add(landlineNumber(c)) }
    if bankCard != nil, !c.trailingX { add(bankCardNumber(c)) }
    guard !all.isEmpty else { return nil }
    let chosen = all.firstIndex(where: \.valid) ?? 0
    let outcome = all.remove(at: chosen)
    otherReadings = all
    return outcome
  }

  private mutating func classifyFirst(_ c: NumberChain) -> Outcome? {
    var firstInvalid: Outcome?
    func consider(_ outcome: Outcome?) -> Outcome? {
      guard let outcome else { return nil }
      if outcome.valid { return outcome }
      if firstInvalid == nil { firstInvalid = outcome }
      return nil
    }
    let sig = c.signature
    let total = c.digitCount
    typealias S = NumberChain

    if id18 != nil || permit != nil || foreignResidence != nil {
      let plain18 = c.count == 1 && ((total == 17 && c.trailingX) || (total == 18 && !c.trailingX))
      // "110101 19900307 1233", and the 4-4-4-4-2 groups of forms that split it like a card
      let spaced18 =
        (sig == S.shape(6, 8, 4) && !c.trailingX) || (sig == S.shape(6, 8, 3) && c.trailingX)
        || (sig == S.shape(4, 4, 4, 4, 2) && !c.trailingX)
        || (sig == S.shape(4, 4, 4, 4, 1) && c.trailingX)
      if plain18 || spaced18, let outcome = residentID18(c) {
        if outcome.valid { return outcome }
        // An ID number that fails a check, where the context says ID, is an ID number with a
        // typo, not whatever other shape (a card) it happens to fit.
        if hasContext(outcome.rule, before: outcome.span.lowerBound) { return outcome }
        firstInvalid = outcome
      }
    }
    if id15 != nil, !c.trailingX, sig == S.shape(15) || sig == S.shape(6, 6, 3) {
      if let found = consider(residentID15(c)) { return found }
    }
    if mobile != nil, !c.trailingX, let found = consider(mobileNumber(c)) { return found }
    if landline != nil, !c.trailingX, let found = consider(landlineNumber(c)) { return found }
    if bankCard != nil, !c.trailingX, let found = consider(bankCardNumber(c)) { return found }
    return firstInvalid
  }

  /// Where ``scratch`` keeps what: the candidate's digits, then a landline's area code and
  /// local number side by side (for the table) and its value (`AREA-LOCAL`).
  private enum Layout {
    static let digits = 0
    static let number = 64
    static let value = 96
    static let total = 128
  }

  /// The candidate's digits, as gathered by ``collectDigits(_:from:)``.
  @inline(__always) private var digitBytes: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: scratch.base + Layout.digits, count: digitCount)
  }

  @inline(__always) private func digit(_ i: Int) -> UInt8 { scratch.base[Layout.digits + i] }

  /// Gathers the digits of groups `first...` of `c` into the scratch buffer.
  private mutating func collectDigits(_ c: NumberChain, from first: Int = 0) {
    digitCount = 0
    guard let window = w.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    let out = scratch.base + Layout.digits
    for k in first..<c.count {
      // A chain's groups lie inside the window (they were read through it) and hold at most
      // DetectionLimits.maxChainBytes digits, well within the scratch buffer's first 64 bytes.
      let n = c.lengths(k)
      (out + digitCount).update(from: window + c.starts(k), count: n)
      digitCount += n
    }
  }

  /// Drops the first `n` gathered digits (a country code written without a separator).
  private mutating func dropDigits(_ n: Int) {
    let out = scratch.base + Layout.digits
    for i in 0..<(digitCount - n) { out[i] = out[i + n] }
    digitCount -= n
  }

  @inline(__always) private func valueString() -> FindingValue { FindingValue(digitBytes) }

  /// Whether the digits are a published sample value of `category` (a bit filter answers
  /// "no" without building a string).
  @inline(__always) private func isKnownSample(_ category: String) -> Bool {
    samples.contains(digitBytes, category: category)
  }

  // MARK: Resident ID numbers

  private mutating func residentID18(_ c: NumberChain) -> Outcome? {
    let span = c.start..<(c.end + (c.trailingX ? 1 : 0))
    guard w.bounded(span) else { return nil }
    collectDigits(c)
    if c.trailingX {
      scratch.base[Layout.digits + digitCount] = 0x58
      digitCount += 1
    }
    // No resident ID starts with 9 (no region code does): a number that does is a 外国人永久
    // 居留身份证 when its structure holds (MOD 11-2, a birth date, a mainland accepting
    // province), or when the text says so; otherwise it is an ID number only where the text
    // says ID (checked below, with a reason that names the leading 9).
    if digit(0) == 0x39, let rule = foreignResidence {
      let fpr = ResidentID.verdictForeignPermanentResidence(
        digitBytes, asOf: settings.asOf, regions: regions)
      if fpr.failureCount == 0 {
        return Outcome(
          rule: rule, span: span, value: valueString(), valid: true, reasonCode: nil,
          confidence: fpr.lowersConfidence ? .medium : .high)
      }
      if !settings.assumeContext, hasContext(rule, before: span.lowerBound) {
        return Outcome(
          rule: rule, span: span, value: valueString(), valid: false,
          reasonCode: fpr.reasonCode, confidence: .high)
      }
    }
    guard id18 != nil || permit != nil else { return nil }
    if digit(0) == 0x39, let id18, !hasContext(id18, before: span.lowerBound) { return nil }
    let check = ResidentID.verdict18(digitBytes, asOf: settings.asOf, regions: regions)
    let value = valueString()
    guard let rule = check.isResidencePermit ? permit : id18 else { return nil }
    if check.failureCount == 0 {
      if isKnownSample("cn_resident_id") {
        return Outcome(
          rule: rule, span: span, value: value, valid: false, reasonCode: .knownSample,
          confidence: .high)
      }
      return Outcome(
        rule: rule, span: span, value: value, valid: true, reasonCode: nil,
        confidence: check.lowersConfidence ? .medium : .high)
    }
    // A number that fails one check is an ID with a typo, a fabricated or a truncated one;
    // one failing several is some other 18-digit number, unless the context says ID.
    let context = hasContext(rule, before: span.lowerBound)
    guard check.failureCount == 1 || context else { return nil }
    return Outcome(
      rule: rule, span: span, value: value, valid: false, reasonCode: check.reasonCode,
      confidence: context ? .high : .medium)
  }

  private mutating func residentID15(_ c: NumberChain) -> Outcome? {
    guard let rule = id15 else { return nil }
    let span = c.start..<c.end
    guard w.bounded(span) else { return nil }
    collectDigits(c)
    let check = ResidentID.verdict15(digitBytes, asOf: settings.asOf, regions: regions)
    let context = hasContext(rule, before: span.lowerBound)
    if check.failureCount == 0 {
      let value = valueString()
      if isKnownSample("cn_resident_id_15") {
        return Outcome(
          rule: rule, span: span, value: value, valid: false, reasonCode: .knownSample,
          confidence: .high)
      }
      return Outcome(
        rule: rule, span: span, value: value, valid: true, reasonCode: nil,
        confidence: context ? .high : .medium)
    }
    guard context else { return nil }
    return Outcome(
      rule: rule, span: span, value: valueString(), valid: false, reasonCode: check.reasonCode,
      confidence: .medium)
  }

  // MARK: Mobile numbers

  private mutating func mobileNumber(_ c: NumberChain) -> Outcome? {
    guard let rule = mobile else { return nil }
    var spanStart = c.start
    var first = 0
    var skip = 0
    var flags: FindingFlags = []
    if let prefix = w.countryPrefix(c) {
      (spanStart, first, skip) = prefix
      flags = .countryCode
    } else if c.count == 1, c.lengths(0) == 12, w[c.start] == 0x30, w[c.start + 1] == 0x31,
      w[c.start + 2] >= 0x33
    {
      // "015011111111": the trunk 0 dialled before a mobile from a landline. No area code
      // begins 01 but 010, which has 8-digit local numbers (11 digits in all).
      skip = 1
    }
    let sig = c.signature(from: first)
    typealias S = NumberChain
    let shapeOK: Bool
    if skip > 0 {
      shapeOK = c.count == 1 && c.lengths(0) - skip == 11
    } else {
      shapeOK =
        sig == S.shape(11) || sig == S.shape(3, 4, 4) || sig == S.shape(3, 8)
        || sig == S.shape(7, 4)
    }
    guard shapeOK else { return nil }
    let span = spanStart..<c.end
    guard w.bounded(span) else { return nil }
    collectDigits(c, from: first)
    if skip > 0 { dropDigits(skip) }
    guard digit(0) == 0x31, digit(1) >= 0x33 else { return nil }
    let value = valueString()
    let allocation = prefixes.allocation(digitBytes)
    if allocation == .unallocated {
      return Outcome(
        rule: rule, span: span, value: value, valid: false, reasonCode: .prefixUnallocated,
        confidence: hasContext(rule, before: span.lowerBound) ? .high : .medium, flags: flags)
    }
    if allocation == .nonPersonal {
      return Outcome(
        rule: rule, span: span, value: value, valid: false, reasonCode: .prefixNonPersonal,
        confidence: .medium, flags: flags)
    }
    if isKnownSample("cn_mobile") {
      return Outcome(
        rule: rule, span: span, value: value, valid: false, reasonCode: .knownSample,
        confidence: .high, flags: flags)
    }
    return Outcome(
      rule: rule, span: span, value: value, valid: true, reasonCode: nil, confidence: .high,
      flags: flags)
  }

  // MARK: Landlines

  private mutating func landlineNumber(_ c: NumberChain) -> Outcome? {
    guard let rule = landline else { return nil }
    typealias S = NumberChain
    // The area code then the local number, side by side in the scratch buffer.
    let number = scratch.base + Layout.number
    var areaCount = 0
    var spanStart = c.start
    var localFirst = 0
    var extensionGroup: Int? = nil
    var separated = true
    func appendArea(_ range: Range<Int>) {
      for i in range {
        number[areaCount] = w[i]
        areaCount += 1
      }
    }

    // "(0755)12345678", "（0755） 1234 5678"
    if let paren = w.parenthesisedAreaCode(before: c.start) {
      spanStart = paren.spanStart
      appendArea(paren.digits)
    } else if let prefix = w.countryPrefix(c), prefix.skip == 0, prefix.firstGroup == 1,
      c.count >= 3, c.lengths(1) == 2 || c.lengths(1) == 3
    {
      // "+86-10-12345678", "+86 755 12345678": the area code without its trunk 0.
      spanStart = prefix.spanStart
      number[0] = 0x30
      areaCount = 1
      appendArea(c.starts(1)..<c.starts(1) + c.lengths(1))
      localFirst = 2
    } else if c.count >= 2, w[c.start] == 0x30, c.lengths(0) == 3 || c.lengths(0) == 4 {
      appendArea(c.start..<c.start + c.lengths(0))
      localFirst = 1
    } else if c.count == 1, w[c.start] == 0x30, (10...12).contains(c.lengths(0)) {
      // Written without a separator: the area code table decides where it ends.
      collectDigits(c)
      let areaLength = areaCodes.codeLength(digitBytes)
      guard areaLength > 0 else { return nil }
      let localLength = digitCount - areaLength
      guard localLength == 8 || (localLength == 7 && areaLength == 4) else { return nil }
      separated = false
      areaCount = areaLength
    } else {
      return nil
    }

    var localCount = 0
    if separated {
      let rest = c.signature(from: localFirst)
      if rest == S.shape(7) || rest == S.shape(8) || rest == S.shape(4, 4) || rest == S.shape(3, 4)
      {
        // the whole rest is the local number
      } else if c.separator == 0x2D, c.count - localFirst == 2,
        c.lengths(localFirst) == 7 || c.lengths(localFirst) == 8, c.lengths(localFirst + 1) <= 6
      {
        extensionGroup = localFirst + 1
      } else {
        return nil
      }
      for k in localFirst..<(extensionGroup ?? c.count) {
        for i in c.starts(k)..<c.starts(k) + c.lengths(k) {
          number[areaCount + localCount] = w[i]
          localCount += 1
        }
      }
    } else {
      number.update(from: scratch.base + Layout.digits, count: digitCount)
      localCount = digitCount - areaCount
    }
    if areaCount == 3 && localCount != 8 { return nil }

    var spanEnd = c.end
    var extensionDigits: Range<Int>?
    if let group = extensionGroup {
      extensionDigits = c.starts(group)..<c.starts(group) + c.lengths(group)
    } else if let (range, digitsRange) = writtenExtension(at: c.end) {
      spanEnd = range.upperBound
      extensionDigits = digitsRange
    }
    let span = spanStart..<spanEnd
    guard w.bounded(span) else { return nil }

    // The value: AREA-LOCAL.
    let value = scratch.base + Layout.value
    value.update(from: number, count: areaCount)
    value[areaCount] = 0x2D
    (value + areaCount + 1).update(from: number + areaCount, count: localCount)
    var outcome = Outcome(
      rule: rule, span: span,
      value: FindingValue(UnsafeRawBufferPointer(start: value, count: areaCount + 1 + localCount)),
      valid: true, reasonCode: nil,
      confidence: separated ? .high : .medium, flags: separated ? [] : .unseparated)
    if let extensionDigits {
      let window = w
      outcome.aux = Finding.packExtension(extensionDigits.lazy.map { window[$0] })
    }
    // The table's code for the whole number must be the one written (not a shorter or longer
    // code that the digits happen to begin with).
    let areaMatches =
      areaCodes.codeLength(UnsafeRawBufferPointer(start: number, count: areaCount + localCount))
      == areaCount
    let firstLocal = number[areaCount]
    if !areaMatches {
      guard separated else { return nil }
      outcome.valid = false
      outcome.reasonCode = .areaCodeUnknown
      outcome.confidence = .low
    } else if firstLocal < 0x32 || firstLocal > 0x38 {
      guard separated else { return nil }
      outcome.valid = false
      outcome.reasonCode = .localNumberInvalid
      outcome.confidence = .low
    }
    return outcome
  }

  /// An extension written after a landline ("转123", "ext 123"): the whole written range and
  /// the range of its digits.
  @inline(__always) private func writtenExtension(at end: Int) -> (Range<Int>, Range<Int>)? {
    let b = w[end]
    guard
      b == 0x20 || b == 0x09 || b == 0x23 || (b | 0x20) == 0x65 || (b | 0x20) == 0x78 || b >= 0xE5
    else { return nil }
    let limit = w.lineEnd(after: end, limit: 24)
    let subject = UnsafeRawBufferPointer(rebasing: w.bytes[0..<limit])
    guard
      let whole = try? extensionPattern.firstMatch(in: subject, from: end, using: patternScratch),
      let group = extensionPattern.captureRange(1, in: patternScratch)
    else { return nil }
    return (whole, group)
  }

  // MARK: Bank cards

  private mutating func bankCardNumber(_ c: NumberChain) -> Outcome? {
    guard let rule = bankCard else { return nil }
    typealias S = NumberChain
    let sig = c.signature
    let single = c.count == 1 && (15...19).contains(c.lengths(0))
    let grouped =
      sig == S.shape(4, 4, 4, 4) || sig == S.shape(4, 4, 4, 4, 3) || sig == S.shape(4, 4, 4, 4, 2)
      || sig == S.shape(4, 4, 4, 4, 1) || sig == S.shape(4, 4, 4, 3) || sig == S.shape(4, 6, 5)
    guard single || grouped else { return nil }
    let span = c.start..<c.end
    guard w.bounded(span) else { return nil }
    collectDigits(c)
    let luhn = Luhn.isValid(digitBytes)
    let value = valueString()
    let n = digitCount
    // 15-digit numbers are IMEIs and other Luhn-checked serials far more often than cards:
    // only a BIN known to issue 15-digit cards (AmEx co-brands) makes one a card.
    let bin = bins.entryIndex(digitBytes)
    if n == 15 && bin.flatMap(bins.cardLength(at:)) != 15 { return nil }
    // An IMEISV (16 digits) under an IMEI field or word is the device's, not a card.
    if n == 16, !settings.assumeContext, labels(deviceWords, before: span.lowerBound) {
      return nil
    }
    guard let bin else {
      // 89… is the telecom industry's identifier (SIM ICCIDs are 89 86 …), never a bank's.
      if digit(0) == 0x38 && digit(1) == 0x39 { return nil }
      guard hasContext(rule, before: span.lowerBound) else { return nil }
      return Outcome(
        rule: rule, span: span, value: value, valid: luhn, reasonCode: .unknownBIN,
        confidence: luhn ? .medium : .low)
    }
    if isKnownSample("cn_bank_card") {
      return Outcome(
        rule: rule, span: span, value: value, valid: false, reasonCode: .knownSample,
        confidence: .high)
    }
    let lengthOK = bins.cardLength(at: bin).map { $0 == n } ?? true
    if !lengthOK {
      guard hasContext(rule, before: span.lowerBound) else { return nil }
      return Outcome(
        rule: rule, span: span, value: value, valid: false, reasonCode: .lengthForBIN,
        confidence: .medium)
    }
    if luhn {
      return Outcome(
        rule: rule, span: span, value: value, valid: true, reasonCode: nil, confidence: .high)
    }
    // Nine numbers in ten fail Luhn, so a failing one is a card only where the text says card:
    // 19-digit snowflake ids and order numbers begin with 103 or 9558 as often as cards do.
    // Next to card words, a BIN whose real cards are reported to fail Luhn (and only at the
    // length reported) is still a card; any other failure is a card with a typo. Without card
    // words, a failing number is reported (invalid) only on a BIN of six digits or more, which
    // few numbers that are no card begin with; on a shorter one (103, 9558, 95599) it is not a
    // card at all.
    let context = hasContext(rule, before: span.lowerBound)
    if context && bins.isLegacyLuhnExempt(at: bin, length: n) {
      return Outcome(
        rule: rule, span: span, value: value, valid: true, reasonCode: nil, confidence: .medium)
    }
    guard context || bins.binLength(at: bin) >= 6 else { return nil }
    return Outcome(
      rule: rule, span: span, value: value, valid: false, reasonCode: .luhn,
      confidence: context ? .high : .medium)
  }

  // MARK: Masked values

  /// "110101********123X", "1101**********12", "138****5678", "138xxxx5678".
  private mutating func masked(runStart start: Int, length: Int) -> Outcome? {
    var i = start + length
    let maskByte = w[i]
    while w[i] == maskByte || (maskByte != 0x2A && (w[i] | 0x20) == 0x78) { i += 1 }
    let maskCount = i - start - length
    guard maskCount >= 3 else { return nil }
    var j = i
    while ByteClass.isDigit(w[j]) { j += 1 }
    var end = j
    if (w[end] | 0x20) == 0x78 && !ByteClass.isAlphanumeric(w[end + 1]) { end += 1 }
    let total = end - start
    let span = start..<end
    guard w.bounded(span) else { return nil }
    if total == 11, length == 3, maskCount >= 4, end - i >= 2, let mobileMasked,
      w[start] == 0x31, w[start + 1] >= 0x33
    {
      return Outcome(
        rule: mobileMasked, span: span, value: FindingValue(w.bytes[span]), valid: true,
        reasonCode: nil, confidence: .medium)
    }
    if total == 18 || total == 15, maskCount >= 4, let idMasked {
      return Outcome(
        rule: idMasked, span: span, value: FindingValue(w.bytes[span]), valid: true,
        reasonCode: nil, confidence: .medium)
    }
    return nil
  }
}

/// The window's boundary and shape rules for numbers: pure functions of its bytes, kept on the
/// window so that the detector's hot path never copies the detector to call them.
extension ByteWindow {
  /// The start of the chain holding the run at `start`: earlier groups of one or two digits
  /// ("86", "10") joined by a separator. A longer earlier group is a run of its own, already
  /// looked at, and no group before `consumedUntil` (an earlier value's).
  func chainStart(of start: Int, notBefore consumedUntil: Int) -> Int {
    var s = start
    for _ in 0..<2 {
      let separator = self[s - 1]
      guard separator == 0x20 || separator == 0x2D, ByteClass.isDigit(self[s - 2]) else { break }
      var k = s - 2
      while ByteClass.isDigit(self[k - 1]) { k -= 1 }
      guard s - 1 - k <= 2, k >= consumedUntil else { break }
      s = k
    }
    return s
  }

  /// Whether the byte before `start` lets a value start there.
  func boundedBefore(_ start: Int) -> Bool {
    let b = self[start - 1]
    if ByteClass.isAlphanumeric(b) || b == 0x40 { return false }
    // The fraction of a decimal number ("116.4073981234", "1.3800138000").
    if b == 0x2E && ByteClass.isDigit(self[start - 2]) { return false }
    // A group of a hyphenated alphanumeric token: a UUID's last group, "SKU-2024-...".
    if b == 0x2D && isInsideHyphenatedToken(before: start - 1) { return false }
    return true
  }

  /// Whether the hyphen at `hyphen` joins this value to a token with letters in it
  /// ("b6a9-041256372875", "ORD-..."), looking back over at most 40 bytes of it.
  /// A run of hyphens ("----" in combo lists) separates fields rather than joining a token.
  func isInsideHyphenatedToken(before hyphen: Int) -> Bool {
    var i = hyphen - 1
    let lowest = hyphen - 40
    while i >= lowest {
      let b = self[i]
      if ByteClass.isLetter(b) { return true }
      if b == 0x2D {
        if !ByteClass.isAlphanumeric(self[i - 1]) { return false }
      } else if !ByteClass.isDigit(b) {
        return false
      }
      i -= 1
    }
    return false
  }

  /// Whether the byte at `end` lets a value end there.
  func boundedAfter(_ end: Int) -> Bool {
    let b = self[end]
    if ByteClass.isAlphanumeric(b) || b == 0x40 { return false }
    if b == 0x2E && ByteClass.isDigit(self[end + 1]) {
      // "13812345678.0": a spreadsheet's float artefact, still the number.
      return self[end + 1] == 0x30 && !ByteClass.isDigit(self[end + 2])
    }
    return true
  }

  func bounded(_ span: Range<Int>) -> Bool {
    boundedBefore(span.lowerBound) && boundedAfter(span.upperBound)
  }

  /// A necessary condition for any shape below, cheap enough to run on every chain: dates
  /// ("2019-07-14"), versions and short codes stop here.
  func couldBeValue(_ c: NumberChain) -> Bool {
    let total = c.digitCount + (c.trailingX ? 1 : 0)
    // Mobiles (11, +2/+4 for 86/0086), landlines (10-12, + country code and extension),
    // ID numbers (15, 18), cards (15-19).
    if total >= 10 && total <= 26 { return true }
    // A local number after a bracketed area code: "(0755)8612 3456".
    if total == 7 || total == 8 {
      var p = c.start - 1
      if self[p] == 0x20 { p -= 1 }
      return self[p] == 0x29 || self[p] == 0x89
    }
    return false
  }

  /// The span start of a "+86"/"0086"/"86-" prefix written before a chain's digits, and the
  /// index of the first group after it.
  func countryPrefix(_ c: NumberChain) -> (spanStart: Int, firstGroup: Int, skip: Int)? {
    let plus = self[c.start - 1] == 0x2B
    if c.count >= 2 {
      // "+86 138…", "86-138…", "86 138 1234 5678" (86 without its plus, as forms write it)
      if c.group(0, is: "86", in: self) {
        return (plus ? c.start - 1 : c.start, 1, 0)
      }
      if c.group(0, is: "0086", in: self) { return (c.start, 1, 0) }
    } else {
      let n = c.lengths(0)
      // "+8613912345670", and "8613912345670" without the plus: 13 digits, 86 then a mobile.
      if (plus ? n >= 12 : n == 13) && self[c.start] == 0x38 && self[c.start + 1] == 0x36
        && self[c.start + 2] == 0x31
      {
        return (plus ? c.start - 1 : c.start, 0, 2)
      }
      if n >= 14 && self[c.start] == 0x30 && self[c.start + 1] == 0x30 && self[c.start + 2] == 0x38
        && self[c.start + 3] == 0x36
      {
        return (c.start, 0, 4)
      }
    }
    // A prefix joined by another separator than the number's groups: "+86 138-1234-5678",
    // "0086-139 1234 5670", "86 139-1234-5670".
    let separator = self[c.start - 1]
    if (separator == 0x20 || separator == 0x2D) && c.count >= 2,
      self[c.start - 3] == 0x38 && self[c.start - 2] == 0x36
    {
      let before = self[c.start - 4]
      if before == 0x2B { return (c.start - 4, 0, 0) }
      if before == 0x30 && self[c.start - 5] == 0x30 && !ByteClass.isAlphanumeric(self[c.start - 6])
      {
        return (c.start - 5, 0, 0)
      }
      if !ByteClass.isAlphanumeric(before) && before != 0x2E { return (c.start - 3, 0, 0) }
    }
    // "(+86)138…" and "(+86) 138…"
    var p = c.start - 1
    if self[p] == 0x20 { p -= 1 }
    if self[p] == 0x29 && self[p - 1] == 0x36 && self[p - 2] == 0x38 && self[p - 3] == 0x2B
      && self[p - 4] == 0x28
    {
      return (p - 4, 0, 0)
    }
    return nil
  }

  /// An area code in parentheses right before `start`: "(0755)", "（010） ", as the span's start
  /// and the window range of the code's digits.
  func parenthesisedAreaCode(before start: Int) -> (spanStart: Int, digits: Range<Int>)? {
    var p = start - 1
    if self[p] == 0x20 { p -= 1 }
    // ')' or the full-width '）' (EF BC 89)
    let closeLength: Int
    if self[p] == 0x29 {
      closeLength = 1
    } else if self[p] == 0x89 && self[p - 1] == 0xBC && self[p - 2] == 0xEF {
      closeLength = 3
    } else {
      return nil
    }
    let digitsEnd = p - closeLength + 1
    var k = digitsEnd
    while ByteClass.isDigit(self[k - 1]) && digitsEnd - k < 5 { k -= 1 }
    let n = digitsEnd - k
    guard n == 3 || n == 4, self[k] == 0x30 else { return nil }
    // '(' or '（' (EF BC 88)
    if self[k - 1] == 0x28 { return (k - 1, k..<digitsEnd) }
    if self[k - 1] == 0x88 && self[k - 2] == 0xBC && self[k - 3] == 0xEF {
      return (k - 3, k..<digitsEnd)
    }
    return nil
  }

}

/// Numbers typed with full-width characters (Chinese input methods): digits U+FF10–U+FF19,
/// and the ＋ － ＊ （ ） Ｘ ｘ and ideographic space that go with them. Each is three bytes of UTF-8
/// and folds to its one ASCII byte, so a number can be read by the ASCII code once folded.
enum FullWidth {
  /// The ASCII byte the character at `p` folds to, when it is one of these (three bytes).
  @inline(__always) static func folded(_ w: ByteWindow, at p: Int) -> UInt8? {
    let lead = w[p]
    if lead == 0xEF {
      let second = w[p + 1]
      let third = w[p + 2]
      if second == 0xBC {
        if third &- 0x90 < 10 { return third &- 0x90 &+ 0x30 }
        switch third {
        case 0x8B: return 0x2B  // ＋
        case 0x8D: return 0x2D  // －
        case 0x8A: return 0x2A  // ＊
        case 0x88: return 0x28  // （
        case 0x89: return 0x29  // ）
        case 0xB8: return 0x58  // Ｘ
        default: return nil
        }
      }
      if second == 0xBD && third == 0x98 { return 0x78 }  // ｘ
      return nil
    }
    if lead == 0xE3 && w[p + 1] == 0x80 && w[p + 2] == 0x80 { return 0x20 }  // ideographic space
    return nil
  }

  /// Whether an ASCII byte can be part of a written number (digits, separators, prefixes,
  /// brackets, masks, a check X).
  @inline(__always) static func isNumberByte(_ b: UInt8) -> Bool {
    ByteClass.isDigit(b) || b == 0x20 || b == 0x2D || b == 0x2B || b == 0x28 || b == 0x29
      || b == 0x2A || b == 0x58 || b == 0x78
  }

  /// The written number around the full-width digit at `start` (`number`: the characters a
  /// number can be made of, at most 16 characters back, not before `notBefore`, and 40 ahead),
  /// and `context`, the bytes to fold with it: 16 more bytes on each side, for the boundary
  /// checks and an extension ("转123") after it. Nil when that would not fit the scratch.
  static func region(around start: Int, in w: ByteWindow, notBefore: Int) -> (
    number: Range<Int>, context: Range<Int>
  )? {
    var lower = start
    var steps = 0
    while steps < 16 && lower > notBefore {
      if lower - 3 >= notBefore, let b = folded(w, at: lower - 3), b != 0x58, b != 0x78 {
        lower -= 3
      } else if isNumberByte(w[lower - 1]) && w[lower - 1] != 0x58 && w[lower - 1] != 0x78 {
        lower -= 1
      } else {
        break
      }
      steps += 1
    }
    var upper = start
    steps = 0
    while steps < 40 && upper < w.count {
      if folded(w, at: upper) != nil {
        upper += 3
      } else if isNumberByte(w[upper]) {
        upper += 1
      } else {
        break
      }
      steps += 1
    }
    let context = max(0, lower - 16)..<min(w.count, upper + 16)
    guard context.count <= Scratch.capacity else { return nil }
    return (lower..<upper, context)
  }

  /// The folded copy and its map back to the window, owned by one detector and reused.
  // SAFETY: owned by one detector; the buffers are freed in deinit and never escape.
  final class Scratch {
    static let capacity = 256
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    /// `origin[k]`: the window position folded byte k came from; `origin[count]` is the end.
    let origin = UnsafeMutablePointer<Int32>.allocate(capacity: capacity + 1)
    private(set) var count = 0
    private var lower = 0

    deinit {
      bytes.deallocate()
      origin.deallocate()
    }

    /// Folds `range` of `w` into the copy and returns a window over it.
    func fold(_ w: ByteWindow, _ range: Range<Int>) -> ByteWindow? {
      guard range.count <= Self.capacity else { return nil }
      lower = range.lowerBound
      count = 0
      var p = range.lowerBound
      while p < range.upperBound {
        origin[count] = Int32(truncatingIfNeeded: p)
        if p + 3 <= range.upperBound, let b = FullWidth.folded(w, at: p) {
          bytes[count] = b
          p += 3
        } else {
          bytes[count] = w[p]
          p += 1
        }
        count += 1
      }
      origin[count] = Int32(truncatingIfNeeded: range.upperBound)
      return ByteWindow(bytes: UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The window position of folded byte `k` (`count`: the folded range's end).
    @inline(__always) func originalIndex(of k: Int) -> Int { Int(origin[min(max(k, 0), count)]) }

    /// The folded index of window position `p` (the first folded byte at or after it).
    func foldedIndex(of p: Int) -> Int {
      var k = 0
      while k < count && Int(origin[k]) < p { k += 1 }
      return k
    }
  }
}

/// Names of the card types in the BIN table.
enum BankCardTypes {
  static func name(_ code: String) -> String {
    switch code {
    case "DC": "借记卡"
    case "CC": "信用卡"
    case "SCC": "准贷记卡"
    case "PC": "预付费卡"
    default: code
    }
  }
}
