import Testing

@testable import PIIScanCore

/// What the validators' new facts become in a finding: validity, confidence and details, for
/// synthetic values scanned as a short text.
@Suite struct ValidationInReportsTests {
  typealias F = ValidationFixtures
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: ValidationFixtures.asOf)

  /// The one finding of `category` in `text`.
  func finding(_ text: String, _ category: String) throws -> Finding {
    let findings = TextScan.findings(in: text, rules: Self.rules, settings: Self.settings)
      .filter { $0.category.id == category }
    try #require(findings.count == 1, "\(text): \(findings.map(\.value.string))")
    return findings[0]
  }

  func detail(_ finding: Finding, _ key: String) -> String? {
    FindingDescriber(asOf: Self.settings.asOf).describe(finding).details
      .first { $0.key == key }?.value
  }

  // MARK: Resident IDs

  @Test func aHolderBornIn1870IsValidAtMediumConfidence() throws {
    let id = F.makeID("110105", "18700315", "123")
    let found = try finding("身份证号：\(id)", "cn_resident_id")
    #expect(found.valid, "\(found.reason ?? "")")
    #expect(found.confidence == .medium)
    #expect(detail(found, "implausible_age") == "true")
    #expect(detail(found, "birth_year") == "1870")
  }

  @Test func anOrdinaryHolderStaysAtHighConfidence() throws {
    let found = try finding("身份证号：\(F.makeID("110105", "19700315", "123"))", "cn_resident_id")
    #expect(found.valid)
    #expect(found.confidence == .high)
    #expect(detail(found, "implausible_age") == nil)
    #expect(detail(found, "region_retired_before_birth") == nil)
  }

  @Test func aBirthBefore1860IsInvalid() throws {
    let found = try finding("身份证号：\(F.makeID("110105", "18500315", "123"))", "cn_resident_id")
    #expect(!found.valid)
    #expect(found.reason == "birth date 1850-03-15 is before 1860-01-01")
  }

  @Test func gb11643Example1880IsAKnownSampleValue() throws {
    let found = try finding("身份证号：440524188001010014", "cn_resident_id")
    #expect(!found.valid)
    #expect(found.reason == "known sample value")
  }

  @Test func aRegionRetiredBeforeTheBirthIsValidAtMediumConfidence() throws {
    // 110104 宣武区, last listed 2009: someone born in 2015 cannot have been registered there.
    let found = try finding("身份证号：\(F.makeID("110104", "20150610", "246"))", "cn_resident_id")
    #expect(found.valid, "\(found.reason ?? "")")
    #expect(found.confidence == .medium)
    #expect(detail(found, "region_current") == "false")
    #expect(detail(found, "region_retired_before_birth") == "true")
    // Born while the code was in use: valid, high, nothing to say.
    let earlier = try finding("身份证号：\(F.makeID("110104", "19850610", "246"))", "cn_resident_id")
    #expect(earlier.confidence == .high)
    #expect(detail(earlier, "region_retired_before_birth") == nil)
  }

  @Test func regionNamesComeFromTheCorrectedTable() throws {
    let found = try finding("身份证号：\(F.makeID("430302", "19800101", "135"))", "cn_resident_id")
    #expect(detail(found, "region") == "湖南省湘潭市雨湖区")
  }

  // MARK: Landlines

  @Test(arguments: [("0634", "0531"), ("0565", "0551,0553,0555"), ("0852", "0851")])
  func aRetiredAreaCodeIsValidAndSaysSo(code: String, replacedBy: String) throws {
    let found = try finding("电话：\(code)-6234567", "cn_landline")
    #expect(found.valid, "\(found.reason ?? "")")
    #expect(detail(found, "area_code") == code)
    #expect(detail(found, "area_code_status") == "retired")
    #expect(detail(found, "area_code_replaced_by") == replacedBy)
  }

  @Test func aCurrentAreaCodeHasNoStatus() throws {
    let found = try finding("电话：0531-62345678", "cn_landline")
    #expect(found.valid)
    #expect(detail(found, "area_code_status") == nil)
    #expect(detail(found, "city") == "山东济南")
  }

  // MARK: Bank cards

  @Test func aCardOfARenamedBankShowsTheCurrentName() throws {
    let number = BankBINTableTests.number("621269", length: 16, luhn: true)
    let found = try finding("卡号：\(number)", "cn_bank_card")
    #expect(found.valid)
    #expect(detail(found, "bank") == "江西银行")
  }

  // Next to card words, a failing Luhn digit is excused only on the listed BINs.
  @Test(arguments: [("601428", 17, true), ("621483", 16, false), ("103", 19, false)])
  func aLuhnFailureIsExcusedOnlyOnListedBINs(prefix: String, length: Int, excused: Bool) throws {
    let number = BankBINTableTests.number(prefix, length: length, luhn: false)
    let found = try finding("银行卡号：\(number)", "cn_bank_card")
    #expect(found.valid == excused, "\(number): \(found.reason ?? "")")
    #expect(detail(found, "luhn") == "fail")
    if !excused { #expect(found.reason == "Luhn check fails") }
  }
}
