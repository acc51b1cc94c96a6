/// What a validator made of one candidate: the value, its span, and whether it passed.
struct Outcome {
  /// The rule it belongs to.
  unowned(unsafe) var rule: Rule
  /// The written form's byte range in the chunk window (prefixes such as "+86" included).
  var span: Range<Int>
  var value: FindingValue
  var valid: Bool
  var reasonCode: ReasonCode?
  var confidence: Confidence
  var flags: FindingFlags = []
  /// See ``Finding/aux``.
  var aux: UInt64 = 0
  /// The record's start in the window, when the detector knows it (a field's record).
  var record: Int?

  /// Whether it gives way to a strong value it overlaps (a soft value does; a record kind such
  /// as a call-detail record does not: the mobile under 主叫号码 is both).
  var yields: Bool { flags.contains(.soft) }

  /// The order findings are reported in: by start; at one start, strong before soft, then the
  /// shorter first, then by rule, so the order never depends on how a chunk was cut.
  static func precedes(_ a: Outcome, _ b: Outcome) -> Bool {
    if a.span.lowerBound != b.span.lowerBound { return a.span.lowerBound < b.span.lowerBound }
    if a.yields != b.yields { return !a.yields }
    if a.span.upperBound != b.span.upperBound { return a.span.upperBound < b.span.upperBound }
    return a.rule.orderKey < b.rule.orderKey
  }

  init(
    rule: Rule, span: Range<Int>, value: FindingValue, valid: Bool, reasonCode: ReasonCode?,
    confidence: Confidence, flags: FindingFlags = []
  ) {
    self.rule = rule
    self.span = span
    self.value = value
    self.valid = valid
    self.reasonCode = valid ? nil : reasonCode
    self.confidence = confidence
    self.flags = flags
  }
}

/// The settings every detector needs, fixed for a whole scan.
public struct DetectionSettings: Sendable {
  /// The date "today" means: birth dates after it are invalid, ages are computed at it.
  public var asOf: CivilDate
  /// Treat every candidate as if context words stood next to it (`piiscan check`), so that a
  /// value failing several checks is still explained.
  public var assumeContext: Bool

  public init(asOf: CivilDate, assumeContext: Bool = false) {
    self.asOf = asOf
    self.assumeContext = assumeContext
  }
}
