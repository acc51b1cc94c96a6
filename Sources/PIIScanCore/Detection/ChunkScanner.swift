import CPIIScanKernels
import PIIScanText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one chunk produced: its findings in offset order and what the ordered merge needs to
/// give them lines, columns and records.
public struct ChunkResult: Sendable {
  public var findings: [Finding] = []
  /// Bytes in the owned range.
  public var ownedBytes: Int = 0
  /// Absolute offset just past the owned range.
  public var ownedEnd: Int64 = 0
  /// Newlines in the owned range.
  public var newlineCount: Int = 0
  /// Absolute offset just after the owned range's last newline, if it has one.
  public var lastLineStart: Int64?
  /// Characters from the last line start (or the owned start, if no newline) to the owned
  /// end; computed only when the next chunk starts inside that line.
  public var trailingCharacters: Int = 0
  /// Whether the owned range ends at a line end (then `trailingCharacters` is unused).
  public var endsAtLineEnd: Bool = true
  /// Byte sequences in the owned range that could not be decoded (replaced by U+FFFD).
  public var undecodable: Int = 0
  /// Searches of regex rules that PCRE2 stopped at its match limit, by rule id.
  public var stoppedSearches: [String: Int] = [:]
  /// Set when the input ended before its chunk did (a file that shrank while it was scanned):
  /// the findings are those of what was still there.
  public var readError: InputError?

  public init() {}
}

/// Scans one chunk at a time for one worker: kernel pass, candidate detectors, then chunk-local
/// locations. Owns every per-worker buffer, so a scan allocates only for what it finds.
public final class ChunkScanner {
  private let kernel = CandidateKernel()
  /// Made on the first window that is not UTF-8: its GB18030 table costs more to build than
  /// the rest of start-up, and most inputs never need it.
  private lazy var transcoder: Transcoder = {
    let transcoder = Transcoder()
    transcoder.validUTF8 = { piiscan_valid_utf8($0, $1) != 0 }
    return transcoder
  }()
  // The detectors, in the order they run: strong ones, then the soft one (which gives way
  // to the strong values found before it). Held by their own types, not as `any Detector`,
  // so that their calls are direct and their state is reached without a box.
  private var numbers: NumberDetector?
  private var emails: EmailDetector?
  private var regexes: RegexDetector?
  private var soft: SoftDetector?
  private var candidates = Candidates()
  private var outcomes: [Outcome] = []
  /// Whether to compute lines, columns and records (not needed for `--count`).
  public let locate: Bool

  public init(rules: RuleSet, settings: DetectionSettings, locate: Bool = true) {
    func enabled<D: Detector>(_ detector: D) -> D? { detector.isEnabled ? detector : nil }
    numbers = enabled(NumberDetector(rules: rules, settings: settings))
    emails = enabled(EmailDetector(rules: rules, settings: settings))
    // Users' regex rules before the soft detector: a soft value (a name, a document number)
    // gives way to what a user's rule says a value is, as it does to a built-in strong one.
    regexes = enabled(RegexDetector(rules: rules, settings: settings))
    soft = enabled(SoftDetector(rules: rules, settings: settings))
    wantsCandidates = numbers != nil || emails != nil
    self.locate = locate
    outcomes.reserveCapacity(1024)
  }

  /// Whether a detector reads the kernel's candidates (numbers, e-mails).
  private let wantsCandidates: Bool

  /// The runs before the owned start of a chain of digit groups that reaches into it ("5220
  /// 0176 | 0933 3072", a line longer than a chunk cut mid-number), so the number detector
  /// knows what the previous chunk's values already consumed and a tail of a card is not read
  /// again as a landline.
  private func primingRuns(_ view: ChunkView) {
    let w = view.window
    var start = view.ownStart
    let lowest = max(0, view.ownStart - 48)
    while start > lowest {
      let b = w[start - 1]
      if ByteClass.isDigit(b) || ((b == 0x20 || b == 0x2D) && ByteClass.isDigit(w[start - 2])) {
        start -= 1
      } else {
        break
      }
    }
    guard start < view.ownStart else { return }
    kernel.scan(view.bytes, from: start, to: view.ownStart)
    for i in 0..<kernel.runCount {
      candidates.primingStarts.append(Int32(kernel.runStart(i)))
      candidates.primingLengths.append(Int32(kernel.runLength(i)))
    }
  }

  /// Scans `stored` of an input with `profile` and returns its findings and line bookkeeping.
  ///
  /// Text that is not UTF-8 (GB18030, UTF-16, or lines of GBK in a UTF-8 file) is decoded first
  /// into a per-worker buffer; detectors read the decoded text and every offset they report is
  /// mapped back to the stored bytes.
  public func scan(_ stored: ChunkView, profile: InputProfile = .unstructured) -> ChunkResult {
    let view = decoded(stored, profile: profile)
    var result = ChunkResult()
    result.ownedBytes = stored.ownEnd - stored.ownStart
    result.ownedEnd = stored.absolute(stored.ownEnd)
    if let mapping = view.mapping, mapping.text.invalidCount > 0 {
      // The replacements whose stored bytes start in the owned range: each is counted by one
      // chunk, and a U+FFFD the input holds is no replacement.
      result.undecodable = mapping.text.invalidCount(inStored: stored.ownStart..<stored.ownEnd)
    }
    guard let base = view.bytes.baseAddress else { return result }
    outcomes.removeAll(keepingCapacity: true)
    candidates.removeAll()

    // One pass of the kernel over the owned range: newlines, digit runs, '@' bytes.
    if wantsCandidates { primingRuns(view) }
    var from = view.ownStart
    while from < view.ownEnd {
      let to = min(view.ownEnd, from + CandidateKernel.blockSize)
      kernel.scan(view.bytes, from: from, to: to)
      result.newlineCount += kernel.newlineCount
      if wantsCandidates {
        for i in 0..<kernel.runCount {
          candidates.runStarts.append(Int32(kernel.runStart(i)))
          candidates.runLengths.append(Int32(kernel.runLength(i)))
        }
        for i in 0..<kernel.atCount { candidates.atPositions.append(Int32(kernel.atPosition(i))) }
      }
      from = to
    }
    let chunk = ChunkContext(view: view, profile: profile, candidates: candidates)
    if numbers != nil { run(&numbers!, chunk, &result) }
    if emails != nil { run(&emails!, chunk, &result) }
    if regexes != nil { run(&regexes!, chunk, &result) }
    if soft != nil { run(&soft!, chunk, &result) }

    result.findings.reserveCapacity(outcomes.count)
    for outcome in outcomes {
      let start = view.absolute(outcome.span.lowerBound)
      var finding = Finding(
        offset: start, length: Int(view.absolute(outcome.span.upperBound) - start),
        rule: outcome.rule, value: outcome.value, valid: outcome.valid,
        reasonCode: outcome.reasonCode, confidence: outcome.confidence, flags: outcome.flags)
      finding.aux = outcome.aux
      finding.windowPosition = Int32(outcome.span.lowerBound)
      if let record = outcome.record, profile.format != .text {
        finding.record = view.absolute(record)
        finding.flags.insert(.structuredRecord)
      }
      result.findings.append(finding)
    }

    // Line bookkeeping for the merge.
    let bytes = base.assumingMemoryBound(to: UInt8.self)
    var lastLineStart: Int?
    if result.newlineCount > 0 {
      let last = piiscan_last_newline(bytes + view.ownStart, view.ownEnd - view.ownStart)
      lastLineStart = view.ownStart + last + 1
      result.lastLineStart = view.absolute(view.ownStart + last + 1)
    } else if view.base == 0 && view.ownStart < 3 && view.bytes.count >= 3 && bytes[0] == 0xEF
      && bytes[1] == 0xBB && bytes[2] == 0xBF
    {
      // The first line starts after a byte-order mark (EF BB BF once decoded), also for the
      // chunks after this one when the line runs on: its record starts there, and the mark is
      // no character of it.
      lastLineStart = max(view.ownStart, min(3, view.ownEnd))
      result.lastLineStart = view.absolute(lastLineStart!)
    }
    result.endsAtLineEnd = view.endsAtLineEnd
    if !result.endsAtLineEnd {
      let from = lastLineStart ?? view.ownStart
      result.trailingCharacters = Self.columns(
        bytes + from, view.ownEnd - from, sheet: profile.isSheet)
    }
    if locate && !result.findings.isEmpty {
      locateFindings(&result.findings, in: view, sheet: profile.isSheet)
      if profile.format != .text {
        let window = view.window
        for index in result.findings.indices
        where !result.findings[index].flags.contains(.structuredRecord) {
          let position = Int(result.findings[index].windowPosition)
          if let record = profile.locate(position, in: window).record {
            result.findings[index].record = record
            result.findings[index].flags.insert(.structuredRecord)
          }
        }
      }
    }
    return result
  }

  /// Runs one detector on the chunk and keeps the outcomes in order.
  @inline(__always)
  private func run<D: Detector>(
    _ detector: inout D, _ chunk: ChunkContext, _ result: inout ChunkResult
  ) {
    let before = outcomes.count
    detector.detect(chunk, found: &outcomes, stopped: &result.stoppedSearches)
    guard outcomes.count > before else { return }
    // What came before is in order; put the new ones in order and merge the two.
    if !Self.isSorted(outcomes[before...]) { outcomes[before...].sort(by: Outcome.precedes) }
    guard before > 0, Outcome.precedes(outcomes[before], outcomes[before - 1]) else { return }
    merged.removeAll(keepingCapacity: true)
    merged.reserveCapacity(outcomes.count)
    var i = 0
    var j = before
    while i < before && j < outcomes.count {
      // On a tie the earlier detector's outcome goes first, as a stable sort would put it.
      if Outcome.precedes(outcomes[j], outcomes[i]) {
        merged.append(outcomes[j])
        j += 1
      } else {
        merged.append(outcomes[i])
        i += 1
      }
    }
    merged.append(contentsOf: outcomes[i..<before])
    merged.append(contentsOf: outcomes[j...])
    swap(&outcomes, &merged)
  }

  /// The buffer ``run(_:_:_:)`` merges into.
  private var merged: [Outcome] = []

  private static func isSorted(_ outcomes: ArraySlice<Outcome>) -> Bool {
    var index = outcomes.startIndex + 1
    while index < outcomes.endIndex {
      if Outcome.precedes(outcomes[index], outcomes[index - 1]) { return false }
      index += 1
    }
    return true
  }

  /// The view the detectors read: `stored` itself when it is UTF-8, else its decoded text.
  private func decoded(_ stored: ChunkView, profile: InputProfile) -> ChunkView {
    let report = profile.encoding
    var encoding = report.encoding
    var mixed = report.mixedLines
    if encoding == .utf8 || encoding == .utf8BOM {
      // A UTF-8 file may hold GBK further on than its profile read ("an old system's dump
      // appended to a new one"): a window that is not valid UTF-8 is decoded line by line.
      let whole = Self.wholeCharacters(
        stored.bytes, startsInput: stored.base == 0, endsInput: stored.reachesEndOfInput)
      if mixed == false
        && (whole.isEmpty
          || piiscan_valid_utf8(whole.baseAddress!.assumingMemoryBound(to: UInt8.self), whole.count)
            != 0)
      {
        return stored
      }
      mixed = true
      encoding = .utf8
    }
    let text = transcoder.transcode(
      stored.bytes, encoding: encoding, mixedLines: mixed,
      alignmentOrigin: Int((Int64(report.bomLength) - stored.base) & 1),
      markLength: report.bomContradicted && stored.base == 0 ? report.bomLength : 0,
      base: stored.base)
    // A cut inside a character (a line longer than a chunk) gives it to the chunk that holds
    // its first byte, as it does when the window is read undecoded.
    return ChunkView(
      bytes: text.utf8, base: stored.base,
      ownStart: text.utf8Offset(ofCharacterAtOrAfterStored: stored.ownStart),
      ownEnd: text.utf8Offset(ofCharacterAtOrAfterStored: stored.ownEnd),
      reachesEndOfInput: stored.reachesEndOfInput,
      mapping: OffsetMap(text))
  }

  /// `bytes` without a partial UTF-8 character at either end: a window's edges may cut one.
  /// An edge that is the input's own start or end is kept: a sequence cut there is invalid
  /// (counted as undecodable) in every window that holds it, not only in those that also
  /// hold some other invalid byte.
  static func wholeCharacters(
    _ bytes: UnsafeRawBufferPointer, startsInput: Bool = false, endsInput: Bool = false
  ) -> UnsafeRawBufferPointer {
    var start = 0
    while !startsInput && start < min(3, bytes.count) && bytes[start] & 0xC0 == 0x80 {
      start += 1
    }
    var end = bytes.count
    guard !endsInput else { return UnsafeRawBufferPointer(rebasing: bytes[start..<end]) }
    // Back over continuation bytes to the last lead byte; drop it if its sequence is short.
    var lead = end - 1
    while lead > start && lead > end - 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
    if lead >= start {
      let b = bytes[lead]
      let needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
      if end - lead < needed { end = lead }
    }
    return UnsafeRawBufferPointer(rebasing: bytes[start..<max(start, end)])
  }

  /// Fills each finding's chunk-local line, column and line start, walking the chunk once.
  /// Columns `count` bytes at `p` span: characters, or for a sheet's text the cells passed
  /// (tabs), so a value in cell G2 is in column 7.
  @inline(__always)
  static func columns(_ p: UnsafePointer<UInt8>, _ count: Int, sheet: Bool) -> Int {
    guard sheet else { return piiscan_count_utf8_chars(p, count) }
    var tabs = 0
    for i in 0..<count where p[i] == 0x09 { tabs += 1 }
    return tabs
  }

  private func locateFindings(_ findings: inout [Finding], in view: ChunkView, sheet: Bool) {
    let base = view.bytes.baseAddress!
    let bytes = base.assumingMemoryBound(to: UInt8.self)
    var position = view.ownStart
    var line = 0
    var lineStart: Int? = view.startsAtLineStart ? view.ownStart : nil
    // A byte-order mark (EF BB BF once decoded) is not a character of the first line.
    if view.base == 0 && view.ownStart == 0 && view.bytes.count >= 3 && bytes[0] == 0xEF
      && bytes[1] == 0xBB && bytes[2] == 0xBF
    {
      lineStart = 3
    }
    // Characters from the reference point (lineStart, or ownStart) to `position`.
    var characters = 0
    for index in findings.indices {
      let target = Int(findings[index].windowPosition)
      if target < position {
        // Only a prefix before the owned start ("+86" of a number owned here) can be behind.
        findings[index].line = line
        findings[index].column = -Self.columns(bytes + target, position - target, sheet: sheet)
        continue
      }
      var cursor = position
      while cursor < target,
        let hit = memchr(base + cursor, 0x0A, target - cursor)
      {
        let newline = base.distance(to: UnsafeRawPointer(hit))
        line += 1
        lineStart = newline + 1
        cursor = newline + 1
      }
      if let start = lineStart, start > position {
        characters = Self.columns(bytes + start, target - start, sheet: sheet)
      } else {
        characters += Self.columns(bytes + position, target - position, sheet: sheet)
      }
      position = target
      findings[index].line = line
      findings[index].column = characters
      if let lineStart {
        findings[index].flags.insert(.lineStartKnown)
        if !findings[index].flags.contains(.structuredRecord) {
          findings[index].record = view.absolute(lineStart)
        }
      }
    }
  }
}
