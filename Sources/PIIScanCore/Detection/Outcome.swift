/// What a validator made of one candidate: the value, its span, and whether it passed.
struct Outcome {
  var validator: ValidatorKind
  /// The written form's byte range in the chunk window (prefixes such as "+86" included).
  var span: Range<Int>
  var value: String
  var valid: Bool
  var reason: String?
  var confidence: Confidence
  var details: [FindingDetail]
  /// The rule, when the validator alone does not say (field rules, one per category).
  var rule: Int?
  /// The record's start in the window, when the detector knows it (a field's record).
  var record: Int?
  /// Whether it gives way to a strong value it overlaps (a soft value does; a record kind such
  /// as a call-detail record does not: the mobile under 主叫号码 is both).
  var yields = false

  /// The order findings are reported in: by start; at one start, strong before soft, then the
  /// shorter first, then by rule, so the order never depends on how a chunk was cut.
  static func precedes(_ a: Outcome, _ b: Outcome) -> Bool {
    if a.span.lowerBound != b.span.lowerBound { return a.span.lowerBound < b.span.lowerBound }
    if a.yields != b.yields { return !a.yields }
    if a.span.upperBound != b.span.upperBound { return a.span.upperBound < b.span.upperBound }
    return (a.rule ?? -1, a.validator.ordinal) < (b.rule ?? -1, b.validator.ordinal)
  }

  init(
    validator: ValidatorKind, span: Range<Int>, value: String, valid: Bool, reason: String?,
    confidence: Confidence, details: [FindingDetail]
  ) {
    self.validator = validator
    self.span = span
    self.value = value
    self.valid = valid
    self.reason = reason
    self.confidence = confidence
    self.details = details
  }
}

/// The settings every detector needs, fixed for a whole scan.
public struct DetectionSettings: Sendable {
  /// The date "today" means: birth dates after it are invalid, ages are computed at it.
  public var asOf: CivilDate
  /// Treat every candidate as if context words stood next to it (`piiscan check`), so that a
  /// value failing several checks is still explained.
  public var assumeContext: Bool
  /// Build each finding's value string and details (region, birth date, carrier…). Off for
  /// `--count`, which prints neither: validity and category do not depend on it.
  public var describe: Bool

  public init(asOf: CivilDate, assumeContext: Bool = false, describe: Bool = true) {
    self.asOf = asOf
    self.assumeContext = assumeContext
    self.describe = describe
  }
}
