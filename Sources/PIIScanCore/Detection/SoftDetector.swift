/// Finds the soft categories — names, addresses, employers, education, documents, record
/// kinds — where a person reading the dump would find them: in fields whose name says what
/// they hold (a column header, an SQL column, a JSON key, a `key：value` key), and in free text
/// by cue words and strong grammar.
///
/// Every field of every record in the owned range is looked at, but a field is classified only
/// when its name is in the header dictionary (a cached lookup per distinct name), and a free-text
/// line is given to the extractor only when it holds one of a few trigger characters, so the
/// cost on text without such fields stays small (Benchmarks/ records it).
final class SoftDetector: Detector {
  private let rules: RuleSet
  private let settings: DetectionSettings
  private var headerCategories: [[UInt8]: SoftCategory?] = [:]

  init(rules: RuleSet, settings: DetectionSettings) {
    self.rules = rules
    self.settings = settings
  }

  var isEnabled: Bool { rules.hasFieldRules }

  /// The longest value a field or free-text finding may have. Every value starting in a
  /// chunk's owned range and no longer than this lies wholly inside the chunk's window, so a
  /// value cut by the window's end is never classified, whatever the chunk size.
  static let maxValueLength = 1024

  /// Appends the soft findings that start in `view`'s owned range to `out`, skipping values
  /// that overlap `strong` (the spans strong detectors reported, sorted): a validated ID number
  /// under a "证件号码" header is not also a document number.
  ///
  /// Records cut by a chunk boundary are read whole on both sides (see ``RecordFormat``);
  /// each side keeps the values starting in its owned range. A value crossing into the next
  /// chunk may overlap a strong finding that chunk owns; the emitter settles that case.
  func detect(_ chunk: ChunkContext, found: inout [Outcome], stopped: inout [String: Int]) {
    detect(chunk.view, profile: chunk.profile, strong: found.map(\.span), into: &found)
  }

  func detect(
    _ view: ChunkView, profile: InputProfile, strong: [Range<Int>], into out: inout [Outcome]
  ) {
    let w = view.window
    let owned = view.ownStart..<view.ownEnd
    var found: [Outcome] = []
    // Values of fields whose name is known: free text does not look inside them. Kept whatever
    // the field's verdict and whatever strong finding overlaps it, so this depends only on
    // the record's bytes.
    var fieldSpans: [Range<Int>] = []
    var comboRow = ComboRow()
    profile.forEachField(in: w, owned: owned) { name, alternate, value, record in
      if name.elementsEqual(InputProfile.comboColumn) {
        comboField(
          value, record: record, row: &comboRow, inferred: profile.comboCategories, w: w,
          strong: strong, into: &found)
        return
      }
      guard
        let category = headerCategory(name) ?? (alternate.isEmpty ? nil : headerCategory(alternate))
      else {
        // A field no header explains may still hold labelled pairs: a remark cell with
        // "紧急联系人：陈姗贞".
        if profile.format != .text && value.count >= 6 {
          FreeTextRecords.forEachPair(in: w, value, record: record) { key, _, pairValue, record in
            if let category = headerCategory(key) {
              classifyPair(
                category, Self.trimmed(pairValue, w), record: record, w: w, strong: strong,
                into: &found)
            }
          }
        }
        return
      }
      var span = Self.trimmed(value, w)
      if profile.format == .text || profile.format == .keyValue, category != .cnResidentID {
        if category == .communicationContent {
          // A message runs on past its speakers' keys ("甲：在吗？；乙：好的") to the next key
          // that names a field.
          let start = span.lowerBound
          let reach = min(w.count, start + FreeTextRecords.valueSearch)
          let lineEnd = w.firstIndex(of: 0x0A, in: start..<reach) ?? reach
          let end = FreeTextRecords.valueEnd(
            from: start, in: start..<lineEnd, knownKeysOnly: true, w)
          span = Self.trimmed(start..<end, w)
        }
        // A pair's value runs to the next key: when neither it nor its first token is of the
        // key's kind, free text may still find what it holds ("户主:孔月凤（本人签字）。").
        if classifyPair(category, span, record: record, w: w, strong: strong, into: &found) {
          fieldSpans.append(span)
        }
        return
      }
      if !span.isEmpty { fieldSpans.append(span) }
      if category == .cnResidentID {
        // "证件号码" columns hold every kind of identity document: what is no ID number may be
        // a passport, a permit or an officer's card by its own shape.
        document(span, record: record, w: w, strong: strong, into: &found)
        return
      }
      classifyField(category, span, record: record, w: w, strong: strong, into: &found)
    }
    if profile.format == .text || profile.format == .keyValue {
      freeText(w, owned, profile: profile, strong: strong, fields: fieldSpans, into: &found)
    }
    for outcome in found where owned.contains(outcome.span.lowerBound) { out.append(outcome) }
  }

  /// Where a combo list's row is: which field comes next, and whether the one before it was
  /// the account.
  struct ComboRow {
    var record = -1
    var index = 0
    var afterAccount = false
  }

  /// A field of a combo list: a name by its own shape (all Han, a surname, 2–4 characters or a
  /// dotted minority name), a full address by its grammar (province or city down to the road
  /// and number), or as what the list's rows agree its position holds (`inferred`, from the
  /// sniffed prefix); a password as the field right after the account, whatever its
  /// shape ("7758521" after a mobile is a password, not a QQ number). The account is the
  /// row's first field when it is an e-mail, a mobile (with or without +86) or a QQ-like
  /// number.
  private func comboField(
    _ value: Range<Int>, record: Int, row: inout ComboRow, inferred: [SoftCategory?],
    w: ByteWindow, strong: [Range<Int>], into found: inout [Outcome]
  ) {
    let position = row.record == record ? row.index : 0
    if row.record != record { row = ComboRow(record: record) }
    defer { row.index += 1 }
    let span = Self.trimmed(value, w)
    guard !span.isEmpty, span.count <= Self.maxValueLength else {
      row.afterAccount = false
      return
    }
    let bytes = UnsafeRawBufferPointer(rebasing: w.bytes[span])
    // An account: an e-mail, or a number of 5–19 digits (a QQ number, a mobile written with
    // +86 or spaces or masked with '*', a card whose PIN follows). Judged by the bytes alone (not by the strong
    // findings, which a chunk knows only for its own range), so a row cut by a chunk boundary
    // reads the same on both sides.
    let digits = bytes.filter { $0 != 0x20 && $0 != 0x2D }
    let number = digits.first == 0x2B ? digits.dropFirst() : digits[...]
    let isAccount =
      row.index == 0
      && (bytes.contains(0x40)
        || (number.count >= 5 && number.count <= 19
          && number.allSatisfy { ByteClass.isDigit($0) || $0 == 0x2A }
          && number.filter(ByteClass.isDigit).count >= 5))
    let followsAccount = row.afterAccount
    row.afterAccount = isAccount
    if isAccount || Self.overlaps(span, strong) || bytes.contains(0x40) { return }
    if followsAccount, let rule = rules.fieldRuleObject(for: .credential),
      let verdict = SoftClassifier.classify(bytes, expected: .credential, asOf: settings.asOf),
      verdict.valid
    {
      found.append(outcome(verdict, span: span, rule: rule, record: record, in: w))
      return
    }
    if position < inferred.count, let category = inferred[position],
      !category.isStrongHeaderOnly, category != .cnResidentID
    {
      if classifyField(category, span, record: record, w: w, strong: strong, into: &found) {
        return
      }
    }
    if bytes.allSatisfy({ $0 >= 0x80 || $0 == 0x2E }),
      let rule = rules.fieldRuleObject(for: .personNameZh),
      let verdict = SoftClassifier.classify(bytes, expected: .personNameZh, asOf: settings.asOf),
      verdict.valid
    {
      found.append(outcome(verdict, span: span, rule: rule, record: record, in: w))
      return
    }
    // A full address: Han characters and a number (路8号, 3栋502室).
    if span.count >= 15, bytes[0] >= 0xE0, bytes.contains(where: ByteClass.isDigit),
      let rule = rules.fieldRuleObject(for: .homeAddress),
      let verdict = SoftClassifier.classify(bytes, expected: .homeAddress, asOf: settings.asOf),
      verdict.valid, verdict.confidence == .high
    {
      found.append(outcome(verdict, span: span, rule: rule, record: record, in: w))
    }
  }

  /// A value under an identity-document header that no strong detector took: a passport,
  /// permit, officer's card or foreign permanent-residence ID when its own shape says so.
  private func document(
    _ span: Range<Int>, record: Int, w: ByteWindow, strong: [Range<Int>],
    into found: inout [Outcome]
  ) {
    guard !span.isEmpty, span.count <= 64, !Self.overlaps(span, strong),
      let verdict = SoftClassifier.classifyUnlabelled(
        UnsafeRawBufferPointer(rebasing: w.bytes[span]), asOf: settings.asOf),
      Self.documentCategories.contains(verdict.category),
      let rule = rules.fieldRuleObject(for: verdict.category)
    else { return }
    var found1 = outcome(verdict, span: span, rule: rule, record: record, in: w)
    found1.flags.insert(.byShape)
    found.append(found1)
  }

  static let documentCategories: Set<SoftCategory> = [
    .cnPassport, .cnHKMOHomeReturnPermit, .cnHKMOExitEntryPermit, .cnTWCompatriotPermit,
    .cnForeignPermanentResidenceID, .cnMilitaryOfficerID, .cnHKIdentityCard,
  ]

  /// The value `span` of a field whose name says `category` (a column, a key, a pair inside a
  /// cell), checked by that category's grammar. A strong value it overlaps wins, except for a
  /// record kind, which is reported alongside it.
  ///
  /// Returns whether the value passed as this category (valid, or invalid but of its kind).
  /// When `judgeOverlapping` is false (the common case) a value overlapping a strong one is
  /// not classified and false is returned; when true it is classified, but still not
  /// reported, so the answer depends on the value's bytes alone, not on which strong findings
  /// this chunk owns.
  @discardableResult
  private func classifyField(
    _ category: SoftCategory, _ span: Range<Int>, record: Int, w: ByteWindow,
    strong: [Range<Int>], judgeOverlapping: Bool = false, into found: inout [Outcome]
  ) -> Bool {
    guard !category.isStrongHeaderOnly, let rule = rules.fieldRuleObject(for: category),
      !span.isEmpty, span.count <= Self.maxValueLength
    else { return false }
    let hidden = !category.isRecordKind && Self.overlaps(span, strong)
    guard !hidden || judgeOverlapping else { return false }
    guard
      let verdict = SoftClassifier.classify(
        UnsafeRawBufferPointer(rebasing: w.bytes[span]), expected: category, asOf: settings.asOf),
      // A low-confidence failure means "not this kind of value at all": not a finding.
      verdict.valid || verdict.confidence != .low
    else { return false }
    if hidden { return true }
    found.append(
      outcome(
        verdict, span: span, rule: rules.fieldRuleObject(for: verdict.category) ?? rule,
        record: record, in: w))
    return true
  }

  /// The value of a `key：value` pair in text, which runs to the next key: when the whole
  /// does not pass, its first token may ("name=阎恒浩 登录成功", "姓名：赵峰 男"). Returns whether
  /// either passed, judged by the bytes alone (a strong value overlapping it only keeps it
  /// from being reported).
  @discardableResult
  private func classifyPair(
    _ category: SoftCategory, _ span: Range<Int>, record: Int, w: ByteWindow,
    strong: [Range<Int>], into found: inout [Outcome]
  ) -> Bool {
    if classifyField(
      category, span, record: record, w: w, strong: strong, judgeOverlapping: true, into: &found)
    {
      return true
    }
    let token = Self.trimmed(FreeTextRecords.firstToken(span, w), w)
    guard token.count < span.count else { return false }
    return classifyField(
      category, token, record: record, w: w, strong: strong, judgeOverlapping: true, into: &found)
  }

  private func headerCategory(_ name: UnsafeRawBufferPointer) -> SoftCategory? {
    let key = Array(name)
    if let cached = headerCategories[key] { return cached }
    let category = HeaderDictionary.category(ofHeader: name)
    if headerCategories.count < 4096 { headerCategories[key] = category }
    return category
  }

  /// A finding's outcome: the value as written (trimmed). What the verdict says beyond
  /// validity (its normal form, the surname, the address's levels) is derived again from the
  /// value when the finding is written (``FindingDescriber``).
  private func outcome(
    _ verdict: SoftVerdict, span: Range<Int>, rule: Rule, record: Int?, in w: ByteWindow
  ) -> Outcome {
    var outcome = Outcome(
      rule: rule, span: span, value: FindingValue(w.bytes[span]), valid: verdict.valid,
      reasonCode: verdict.reasonCode, confidence: verdict.confidence,
      flags: verdict.category.isRecordKind ? [] : .soft)
    outcome.record = record
    return outcome
  }

  /// Values of shape-found rules (a Hong Kong identity card) in a free-text line, each where
  /// one of its rule's context words labels it (``ValueContext``): the shape alone is too
  /// common to count.
  private func contextual(
    _ line: Range<Int>, _ w: ByteWindow, profile: InputProfile, strong: [Range<Int>],
    taken: [Range<Int>], into found: inout [Outcome]
  ) {
    guard let rule = rules.fieldRuleObject(for: .cnHKIdentityCard) else { return }
    var i = line.lowerBound
    while i < line.upperBound {
      let b = w[i]
      guard ByteClass.isLetter(b), i == 0 || !ByteClass.isAlphanumeric(w[i - 1]) else {
        i += 1
        continue
      }
      let rest = UnsafeRawBufferPointer(rebasing: w.bytes[i..<line.upperBound])
      if let written = HKIdentityCard.read(rest),
        !ByteClass.isAlphanumeric(w[i + written.length]),
        ValueContext.labels(rule.context, valueAt: i, in: w, profile: profile)
      {
        let span = i..<(i + written.length)
        if !Self.overlaps(span, strong), !Self.overlaps(span, taken),
          let verdict = SoftClassifier.classify(
            UnsafeRawBufferPointer(rebasing: w.bytes[span]), expected: .cnHKIdentityCard,
            asOf: settings.asOf)
        {
          var outcome = outcome(verdict, span: span, rule: rule, record: nil, in: w)
          outcome.flags.insert(.freeText)
          found.append(outcome)
          i = span.upperBound
          continue
        }
      }
      i += 1
    }
  }

  /// Names after cue words, full addresses, documents and plates in lines of free text.
  private func freeText(
    _ w: ByteWindow, _ owned: Range<Int>, profile: InputProfile, strong: [Range<Int>],
    fields: [Range<Int>], into found: inout [Outcome]
  ) {
    // The line holding the owned start is read from its start when that is within reach, and
    // every line only in its first `RecordReach.reach` bytes, so a long line cut by a chunk
    // boundary gives the same values on both sides.
    var start = RecordReach.firstLineStart(w, owned)
    let taken = fields.sorted { $0.lowerBound < $1.lowerBound }
    while start < owned.upperBound {
      let end = w.firstIndex(of: 0x0A, in: start..<w.count) ?? w.count
      let line = start..<min(end, start + RecordReach.reach)
      start = end + 1
      // Names without a cue word are looked for only in sentences that hold a strong value's
      // shape: a line naming no one is the common case in prose, and must stay the cheap one.
      let (trigger, personal) = Self.freeTextGate(w, line)
      guard trigger || personal else { continue }
      for (range, verdict) in FreeTextExtractor.extract(
        line: UnsafeRawBufferPointer(rebasing: w.bytes[line]), unlabelledNames: personal)
      {
        let span = (line.lowerBound + range.lowerBound)..<(line.lowerBound + range.upperBound)
        guard let rule = rules.fieldRuleObject(for: verdict.category),
          verdict.valid || verdict.confidence != .low,
          !Self.overlaps(span, strong), !Self.overlaps(span, taken)
        else { continue }
        var found1 = outcome(verdict, span: span, rule: rule, record: nil, in: w)
        found1.flags.insert(.freeText)
        found.append(found1)
      }
      contextual(line, w, profile: profile, strong: strong, taken: taken, into: &found)
    }
  }

  /// Whether a line holds a character that free-text values hang on: 号 村 组 (addresses),
  /// 姓 联 收 户 机 持 患 (cue words for names), 字 (军官证 X字第…号), 护 证 (documents), or a Han
  /// character followed by a capital letter (a plate: 粤B…).
  static func mayHoldFreeText(_ w: ByteWindow, _ line: Range<Int>) -> Bool {
    var i = line.lowerBound
    while i + 2 < line.upperBound {
      let b = w[i]
      guard b >= 0xE0 else {
        i += 1
        continue
      }
      let code = UInt32(b) << 16 | UInt32(w[i + 1]) << 8 | UInt32(w[i + 2])
      switch code {
      case 0xE58FB7, 0xE69D91, 0xE7BB84, 0xE5A793, 0xE88194, 0xE694B6, 0xE688B7, 0xE69CBA,
        0xE68C81, 0xE682A3, 0xE5AD97, 0xE68AA4, 0xE8AF81:
        return true
      default:
        if w[i + 3] &- 0x41 < 26 && b >= 0xE4 && b <= 0xE9 { return true }
      }
      i += b >= 0xF0 ? 4 : 3
    }
    return false
  }

  /// What a line offers the free-text grammar, in one pass: whether it holds a trigger
  /// character (``mayHoldFreeText(_:_:)``), and whether it is a sentence of Chinese prose
  /// holding the shape of a strong value, where names without a cue word are looked for: an `@`
  /// or a run of at least seven ASCII digits (single spaces or hyphens between groups allowed),
  /// and a full-width comma, full stop, semicolon or colon (log lines and records have ASCII
  /// punctuation). Bytes alone decide, so a line cut by a chunk boundary is judged alike on
  /// both sides.
  static func freeTextGate(_ w: ByteWindow, _ line: Range<Int>) -> (trigger: Bool, personal: Bool) {
    guard let base = w.bytes.baseAddress, !line.isEmpty else { return (false, false) }
    let bytes = base.assumingMemoryBound(to: UInt8.self)
    let end = min(line.upperBound, w.count)
    var trigger = false
    var strong = false
    var prose = false
    var digits = 0
    var i = line.lowerBound
    while i < end {
      let b = bytes[i]
      if b < 0xE0 {
        if b &- 0x30 < 10 {
          digits += 1
          if digits >= 7 { strong = true }
        } else if b == 0x40 {
          strong = true
        } else if !((b == 0x20 || b == 0x2D) && digits > 0) {
          // A grouped number (151 3504 5522, 010-8612…) counts as one run.
          digits = 0
        }
        i += 1
        continue
      }
      digits = 0
      guard i + 2 < end else { break }
      let code = UInt32(b) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
      switch code {
      case 0xE58FB7, 0xE69D91, 0xE7BB84, 0xE5A793, 0xE88194, 0xE694B6, 0xE688B7, 0xE69CBA,
        0xE68C81, 0xE682A3, 0xE5AD97, 0xE68AA4, 0xE8AF81:
        trigger = true
      case 0xEFBC8C, 0xEFBC9B, 0xEFBC9A, 0xE38082:  // ，；：。
        prose = true
      default:
        if i + 3 < end && bytes[i + 3] &- 0x41 < 26 && b >= 0xE4 && b <= 0xE9 { trigger = true }
      }
      if trigger && strong && prose { break }
      i += b >= 0xF0 ? 4 : 3
    }
    return (trigger, strong && prose)
  }

  /// `value` without spaces or quotes at either end.
  static func trimmed(_ value: Range<Int>, _ w: ByteWindow) -> Range<Int> {
    var lower = value.lowerBound
    var upper = value.upperBound
    while lower < upper
      && (w[lower] == 0x20 || w[lower] == 0x09 || w[lower] == 0x22 || w[lower] == 0x27)
    {
      lower += 1
    }
    while upper > lower
      && (w[upper - 1] == 0x20 || w[upper - 1] == 0x09 || w[upper - 1] == 0x22
        || w[upper - 1] == 0x27 || w[upper - 1] == 0x0D)
    {
      upper -= 1
    }
    return lower..<upper
  }

  /// Whether `span` overlaps any of `sorted` spans.
  static func overlaps(_ span: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid].upperBound <= span.lowerBound { low = mid + 1 } else { high = mid }
    }
    return low < sorted.count && sorted[low].lowerBound < span.upperBound
  }
}
