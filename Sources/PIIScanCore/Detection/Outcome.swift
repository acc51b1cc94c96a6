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
