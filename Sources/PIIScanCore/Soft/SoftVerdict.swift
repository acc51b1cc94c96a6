/// What a soft classifier says about one value.
///
/// - Note: a value type; safe to share across tasks.
public struct SoftVerdict: Sendable, Equatable {
  /// The category the value belongs to. Usually the one asked for; a document number whose own
  /// prefix names a sibling document (an `H…` number under a 港澳通行证 header) gets that
  /// sibling's category, and a bank-card number under an account header gets `cnBankCard`.
  public var category: SoftCategory
  /// Whether the value passed every check of its category.
  public var valid: Bool
  /// Which check failed, when `valid` is false (English, short: "implausible age").
  public var reason: String?
  /// The machine code of `reason` (see ``ReasonCode``); nil when valid.
  public var reasonCode: ReasonCode? {
    guard !valid else { return nil }
    return reason.map(ReasonCode.ofSoftReason) ?? .format
  }
  /// How sure the classification is.
  public var confidence: Confidence
  /// The value as reported: trimmed, and put in one canonical form where the category has one
  /// (gender 男/女, dates `YYYY-MM-DD`, plates without separators, documents upper-case).
  public var normalized: String
  /// Derived facts an investigator needs (surname, province/city/district…); a detail whose
  /// `masked` is `""` is left out of masked output.
  public var details: [FindingDetail]

  /// Creates a verdict.
  public init(
    category: SoftCategory, valid: Bool, reason: String? = nil, confidence: Confidence,
    normalized: String, details: [FindingDetail] = []
  ) {
    self.category = category
    self.valid = valid
    self.reason = reason
    self.confidence = confidence
    self.normalized = normalized
    self.details = details
  }
}
