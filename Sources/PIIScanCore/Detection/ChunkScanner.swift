import CPIIScanKernels

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
  /// Newlines in the owned range.
  public var newlineCount: Int = 0
  /// Absolute offset just after the owned range's last newline, if it has one.
  public var lastLineStart: Int64?
  /// Characters from the last line start (or the owned start, if no newline) to the owned
  /// end; computed only when the next chunk starts inside that line.
  public var trailingCharacters: Int = 0
  /// Whether the owned range ends at a line end (then `trailingCharacters` is unused).
  public var endsAtLineEnd: Bool = true

  public init() {}
}

/// Scans one chunk at a time for one worker: kernel pass, candidate detectors, then chunk-local
/// locations. Owns every per-worker buffer, so a scan allocates only for what it finds.
public final class ChunkScanner {
  private let kernel = CandidateKernel()
  /// Rule index per validator, by `ValidatorKind.ordinal`.
  private let ruleIndex: [Int]
  private var numbers: NumberDetector
  private var emails: EmailDetector
  private var outcomes: [Outcome] = []
  /// Whether to compute lines, columns and records (not needed for `--count`).
  public let locate: Bool

  public init(rules: RuleSet, settings: DetectionSettings, locate: Bool = true) {
    var ruleIndex = [Int](repeating: -1, count: ValidatorKind.allCases.count)
    for kind in ValidatorKind.allCases { ruleIndex[kind.ordinal] = rules.ruleIndex(for: kind) ?? -1 }
    self.ruleIndex = ruleIndex
    numbers = NumberDetector(rules: rules, settings: settings)
    emails = EmailDetector(rules: rules, settings: settings)
    self.locate = locate
    outcomes.reserveCapacity(1024)
  }

  /// Scans `view` of an input with `profile` and returns its findings and line bookkeeping.
  public func scan(_ view: ChunkView, profile: InputProfile = .unstructured) -> ChunkResult {
    var result = ChunkResult()
    result.ownedBytes = view.ownEnd - view.ownStart
    guard let base = view.bytes.baseAddress else { return result }
    outcomes.removeAll(keepingCapacity: true)
    numbers.begin(window: view.bytes, base: view.base, profile: profile)
    emails.begin(window: view.bytes)
    let wantNumbers = numbers.isEnabled
    let wantEmails = emails.isEnabled
    var emailOutcomes: [Outcome] = []

    var from = view.ownStart
    while from < view.ownEnd {
      let to = min(view.ownEnd, from + CandidateKernel.blockSize)
      kernel.scan(view.bytes, from: from, to: to)
      result.newlineCount += kernel.newlineCount
      if wantNumbers {
        for i in 0..<kernel.runCount {
          numbers.process(runStart: kernel.runStart(i), length: kernel.runLength(i), into: &outcomes)
        }
      }
      if wantEmails {
        for i in 0..<kernel.atCount { emails.process(at: kernel.atPosition(i), into: &emailOutcomes) }
      }
      from = to
    }
    if !emailOutcomes.isEmpty {
      outcomes.append(contentsOf: emailOutcomes)
      outcomes.sort { $0.span.lowerBound < $1.span.lowerBound }
    }

    result.findings.reserveCapacity(outcomes.count)
    for outcome in outcomes {
      result.findings.append(
        Finding(
          offset: view.base + Int64(outcome.span.lowerBound), length: outcome.span.count,
          ruleIndex: ruleIndex[outcome.validator.ordinal], value: outcome.value, valid: outcome.valid,
          reason: outcome.reason, confidence: outcome.confidence, details: outcome.details))
    }

    // Line bookkeeping for the merge.
    let bytes = base.assumingMemoryBound(to: UInt8.self)
    if result.newlineCount > 0 {
      let last = piiscan_last_newline(bytes + view.ownStart, view.ownEnd - view.ownStart)
      result.lastLineStart = view.base + Int64(view.ownStart + last + 1)
    }
    result.endsAtLineEnd = view.endsAtLineEnd
    if !result.endsAtLineEnd {
      let from = result.lastLineStart.map { Int($0 - view.base) } ?? view.ownStart
      result.trailingCharacters = piiscan_count_utf8_chars(bytes + from, view.ownEnd - from)
    }
    if locate && !result.findings.isEmpty {
      locateFindings(&result.findings, in: view)
      if profile.format != .text {
        let locator = FieldLocator(profile: profile)
        let window = ByteWindow(bytes: view.bytes)
        for index in result.findings.indices {
          let position = Int(result.findings[index].offset - view.base)
          if let record = locator.locate(position, in: window, base: view.base).record {
            result.findings[index].structuredRecord = record
          }
        }
      }
    }
    return result
  }

  /// Fills each finding's chunk-local line, column and line start, walking the chunk once.
  private func locateFindings(_ findings: inout [Finding], in view: ChunkView) {
    let base = view.bytes.baseAddress!
    let bytes = base.assumingMemoryBound(to: UInt8.self)
    var position = view.ownStart
    var line = 0
    var lineStart: Int? = view.startsAtLineStart ? view.ownStart : nil
    // Characters from the reference point (lineStart, or ownStart) to `position`.
    var characters = 0
    for index in findings.indices {
      let target = Int(findings[index].offset - view.base)
      if target < position {
        // Only a prefix before the owned start ("+86" of a number owned here) can be behind.
        findings[index].localLine = line
        findings[index].localColumn = -piiscan_count_utf8_chars(bytes + target, position - target)
        findings[index].localLineStart = -1
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
        characters = piiscan_count_utf8_chars(bytes + start, target - start)
      } else {
        characters += piiscan_count_utf8_chars(bytes + position, target - position)
      }
      position = target
      findings[index].localLine = line
      findings[index].localColumn = characters
      findings[index].localLineStart = lineStart.map { view.base + Int64($0) } ?? -1
    }
  }
}

