import Testing

@testable import PIIScanCore

/// Device and SIM identifiers as they are written (issue 12, class 5): a hyphenated IMEI is
/// Luhn-checked, a 16-digit IMEISV under an IMEI field is the device's and no card, an ICCID
/// of any country is Luhn-checked. Check digits come from ``StrongReference``.
@Suite struct TelecomFormsTests {
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  func found(_ text: String) -> [String] {
    TextScan.findings(in: text, rules: Self.rules, settings: Self.settings).map {
      "\($0.category.id) \($0.valid)"
    }
  }

  static let imei = StrongReference.luhn("35209900176148")

  static func hyphenated(_ imei: String) -> String {
    let c = Array(imei)
    return String(c[0..<2]) + "-" + String(c[2..<8]) + "-" + String(c[8..<14]) + "-"
      + String(c[14])
  }

  @Test func aHyphenatedIMEIIsLuhnChecked() {
    #expect(found("IMEI：\(Self.hyphenated(Self.imei))") == ["telecom_account_opening true"])
    let wrong = String(Self.imei.dropLast()) + String((Int(String(Self.imei.last!))! + 1) % 10)
    #expect(!StrongReference.passesLuhn(wrong))
    #expect(found("IMEI：\(Self.hyphenated(wrong))") == ["telecom_account_opening false"])
  }

  @Test func anIMEISVUnderAnIMEIFieldIsNoCard() {
    // 16 digits on a card BIN that pass Luhn: a card anywhere else.
    let number = StrongReference.luhn("622202123456789")
    #expect(found("IMEI: \(number)") == ["telecom_account_opening true"])
    #expect(found("imei,name\n\(number),x\n") == ["telecom_account_opening true"])
    #expect(found("卡号 \(number)").allSatisfy { $0.hasPrefix("cn_bank_card") })
  }

  @Test(arguments: ["8901410321111851072", "8944110321111851072", "8986001234567890123"])
  func anICCIDOfAnyCountryIsLuhnChecked(payload: String) {
    let good = StrongReference.luhn(payload)
    #expect(found("ICCID: \(good)") == ["telecom_account_opening true"], "\(good)")
    let bad = StrongReference.luhn(payload, valid: false)
    #expect(found("ICCID: \(bad)") == ["telecom_account_opening false"], "\(bad)")
  }
}
