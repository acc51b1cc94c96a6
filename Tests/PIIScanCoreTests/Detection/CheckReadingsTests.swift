import Testing

@testable import PIIScanCore

/// `piiscan check` explains every reading a value has, as `scan` would find it (issue 12,
/// class 7). Values come from ``StrongReference``.
@Suite struct CheckReadingsTests {
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  func readings(_ value: String, as category: String? = nil) -> [String] {
    ValueReadings.of(value, rules: Self.rules, settings: Self.settings, as: category).map {
      "\($0.category.id) \($0.valid)"
    }
  }

  @Test func anEighteenDigitCardOnAnEighteenDigitBINIsAlsoACard() {
    // 438588 (兴业银行) issues 18-digit cards; as an ID the number fails every check.
    let card = StrongReference.luhn("43858812345678901")
    #expect(readings(card) == ["cn_resident_id false", "cn_bank_card true"])
    #expect(readings(card, as: "cn_bank_card") == ["cn_bank_card true"])
    #expect(readings(card, as: "cn_resident_id") == ["cn_resident_id false"])
  }

  @Test func aValidIDIsNotAlsoAFailingCard() {
    let id = StrongReference.id18("11010519900307123")
    #expect(readings(id) == ["cn_resident_id true"])
  }

  @Test func a0086MobileIsAMobile() {
    #expect(readings("008613912345670") == ["cn_mobile true"])
    #expect(readings("+86 139-1234-5670") == ["cn_mobile true"])
  }

  @Test func bareTelecomIdentifiersAndCreditCodesAreRecognised() {
    // An IMEI (15 digits, Luhn) is also shaped like a 15-digit ID that fails.
    let imei = StrongReference.luhn("35209900176148")
    #expect(readings(imei).contains("telecom_account_opening true"))
    let iccid = StrongReference.luhn("8986001234567890123")
    #expect(readings(iccid) == ["telecom_account_opening true"])
    #expect(readings("91110000600037341L") == ["cn_uscc true"])
    // A credit code or an ID is not "a telecom value" merely because a SIM field could hold it.
    #expect(!readings("91110000600037341L").contains { $0.hasPrefix("telecom") })
  }

  @Test func aPermanentResidenceIDIsExplained() {
    let number = StrongReference.id18("93184019850101001")
    #expect(readings(number).contains("cn_foreign_permanent_residence_id true"))
  }
}
