import Foundation
import Testing

@testable import PIIScanCore

/// What a masked report prints of a finding depends only on what the mask shows (and on the
/// finding's verdict): two values with the same masked form and the same verdict print the same
/// reason and details. Checked by changing the hidden characters of values and scanning again.
@Suite struct MaskedDescriptionTests {
  static let rules = try! RuleSet.embedded()
  static let asOf = CivilDate(year: 2026, month: 11, day: 29)!
  static let settings = DetectionSettings(asOf: asOf, assumeContext: true)
  static let presenter = FindingPresenter(reveal: false, asOf: asOf)

  /// What a masked report prints of the one finding of `category` in `text`, with its verdict.
  static func printed(_ text: String, _ category: String) -> (verdict: String, shown: String)? {
    let findings = TextScan.findings(in: text, rules: rules, settings: settings)
      .filter { $0.category.id == category }
    guard findings.count == 1, let finding = findings.first else { return nil }
    let description = presenter.describe(finding)
    let details = presenter.details(description).map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    let verdict = "\(finding.valid) \(finding.reasonCode?.id ?? "-") \(presenter.value(finding))"
    return (verdict, "\(description.reason(reveal: false) ?? "-") | \(details)")
  }

  /// `value` with the characters its mask hides replaced by random digits.
  static func variant(
    _ value: String, category: String, using generator: inout some RandomNumberGenerator
  ) -> String {
    let masked = Array(Redaction.mask(value, category: CategoryRegistry.builtIn[category]!))
    let raw = Array(value)
    guard masked.count == raw.count else { return value }
    return String(
      zip(raw, masked).map { r, m in
        m == "*" && r.isASCII && r.isNumber
          ? Character(String(Int.random(in: 0...9, using: &generator))) : r
      })
  }

  @Test(arguments: [
    (
      "cn_resident_id", "身份证号：",
      [
        "110101199003071233", "11010519800101001X", "440305200001011234",
        "110101201801011236", "110101199002301236", "110101203001011235", "440524188001010014",
      ]
    ),
    ("cn_resident_id_15", "身份证号：", ["110101900307123", "440305850101123"]),
    (
      "cn_mobile", "手机：",
      ["13912345670", "17406123456", "13491234567", "17001234567", "14012345678"]
    ),
    ("cn_landline", "电话：", ["0755-86123456", "010-12345678", "0755-16123456", "0565-2123456"]),
    ("cn_bank_card", "卡号：", ["6222021234567890128", "6212751018983321363", "6228480402564890018"]),
  ])
  func theMaskedDescriptionDependsOnlyOnWhatTheMaskShows(
    category: String, cue: String, values: [String]
  ) {
    var generator = SplitMix(seed: 20_261_204)
    var compared = 0
    for value in values {
      guard let base = Self.printed(cue + value, category) else { continue }
      for _ in 0..<1500 {
        let other = Self.variant(value, category: category, using: &generator)
        guard other != value, let seen = Self.printed(cue + other, category),
          seen.verdict == base.verdict
        else { continue }
        compared += 1
        #expect(seen.shown == base.shown, "\(value) vs \(other)")
      }
    }
    #expect(compared >= 10, "\(category): too few variants with the same verdict")
  }
}

/// A small seeded generator (SplitMix64), so the variants are the same on every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
