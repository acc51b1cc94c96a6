import Foundation

/// Every reading a value held alone has (`piiscan check`): what a scan finds in it, read as if
/// context words stood next to it, and what each identifier-like soft validator says of it as
/// if it stood in a field of its category — so a Hong Kong identity card, a passport or a
/// credit code is explained without a header, and an IMEI, IMSI or ICCID by its checks.
public enum ValueReadings {
  /// Soft validators whose shape is strong enough to try on any value.
  static let shapeChecked: Set<FieldValidator> = [
    .travelDocument, .foreignPermanentResidence, .militaryOfficerID, .hkIdentityCard,
    .vehiclePlate, .uscc, .telecom,
  ]

  /// The readings of `value`, strong ones first; with `category`, only that category's, its
  /// validator run whatever the value looks like. Without it, a soft validator's "invalid" is
  /// a reading only when nothing else explains the value (a mistyped permit, not an ID number
  /// that is no credit code).
  public static func of(
    _ value: String, rules: RuleSet, settings: DetectionSettings, as category: String? = nil
  ) -> [Finding] {
    var settings = settings
    settings.assumeContext = true
    var findings = TextScan.findings(in: value, rules: rules, settings: settings)
    if let category { findings = findings.filter { $0.category.id == category } }
    let whole = Array(value.utf8)
    let explained = !findings.isEmpty
    var invalid: [Finding] = []
    for rule in rules.rules {
      guard case .field(let validator) = rule.validator,
        let soft = SoftCategory(rawValue: rule.category.id),
        category.map({ $0 == rule.category.id }) ?? shapeChecked.contains(validator),
        !findings.contains(where: { $0.category === rule.category })
      else { continue }
      guard
        let verdict = whole.withUnsafeBytes({
          SoftClassifier.classify($0, expected: soft, asOf: settings.asOf)
        }), verdict.category == soft,
        category != nil || verdict.valid || verdict.confidence != .low,
        // A telecom value by its shape alone only when it is one of the checked kinds (an
        // IMEI, IMSI or ICCID), not any token a SIM-card field would take.
        category != nil || validator != .telecom
          || verdict.details.contains(where: { $0.key == "kind" })
      else { continue }
      let trimmed = value.trimmingCharacters(in: .whitespaces)
      let reading = Finding(
        offset: 0, length: whole.count, rule: rule, value: FindingValue(trimmed),
        valid: verdict.valid, reasonCode: verdict.reasonCode, confidence: verdict.confidence,
        flags: .soft)
      if verdict.valid || category != nil {
        findings.append(reading)
      } else {
        invalid.append(reading)
      }
    }
    if !explained && !findings.contains(where: \.valid) { findings += invalid }
    return findings
  }
}
