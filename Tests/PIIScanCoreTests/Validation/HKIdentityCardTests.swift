import Testing

@testable import PIIScanCore

/// Hong Kong identity card numbers: the check character against a reference written here from
/// the published rule, the written forms, and where a scan finds them.
@Suite struct HKIdentityCardTests {
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  /// The check character by the rule as stated, done another way: the number is padded to
  /// eight characters with a leading space (value 36), each character mapped by a lookup string.
  static func reference(_ letters: String, _ digits: String) -> Character {
    let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
    let padded = Array(String(repeating: " ", count: 2 - letters.count) + letters + digits)
    var sum = 0
    for (position, character) in padded.enumerated() {
      sum += alphabet.firstIndex(of: character)! * (9 - position)
    }
    let check = (11 - sum % 11) % 11
    return check == 10 ? "A" : Character(String(check))
  }

  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func theIssuesWorkedValuesCheck() {
    #expect(Self.reference("B", "654321") == "4")
    #expect(Self.reference("A", "123456") == "3")
    #expect(
      HKIdentityCard.checkCharacter(letters: Self.bytes("B"), digits: Self.bytes("654321")) == 0x34)
  }

  @Test func theCheckAgreesWithTheReferenceOnManyNumbers() {
    var generator = SystemRandomNumberGenerator()
    let letters = Array("ABCDEFGHJKLMNPRSTVWXYZ")
    for _ in 0..<2000 {
      let first = String(letters.randomElement(using: &generator)!)
      let prefix = Bool.random(using: &generator) ? first : first + String(letters.randomElement()!)
      let digits = (0..<6).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
      let expected = Self.reference(prefix, digits)
      let computed = HKIdentityCard.checkCharacter(
        letters: Self.bytes(prefix), digits: Self.bytes(digits))
      #expect(Character(UnicodeScalar(computed)) == expected, "\(prefix)\(digits)")
    }
  }

  @Test func writtenForms() throws {
    for text in ["A123456(3)", "A1234563", "a123456(3)", "A123456（3）"] {
      let written = try #require(Self.bytes(text).withUnsafeBytes { HKIdentityCard.read($0) })
      #expect(written.normalized == "A123456(3)", "\(text)")
      #expect(written.length == Self.bytes(text).count)
      #expect(HKIdentityCard.isValid(written))
    }
    for text in ["A12345(3)", "123456(3)", "ABC123456(3)", "A123456(B)", "A1234X6(3)"] {
      let written = Self.bytes(text).withUnsafeBytes { HKIdentityCard.read($0) }
      #expect(written == nil || written!.length != Self.bytes(text).count, "\(text)")
    }
  }

  func found(_ text: String) -> [String] {
    TextScan.findings(in: text, rules: Self.rules, settings: Self.settings)
      .filter { $0.category.id == "cn_hk_identity_card" }
      .map { "\($0.value) \($0.valid) \($0.reasonCode?.id ?? "-")" }
  }

  @Test func inAFieldItsHeaderNames() {
    #expect(found("香港身份证号,姓名\nB654321(4),陈大文\n") == ["B654321(4) true -"])
    #expect(found("hkid,name\nB6543214,陈大文\n") == ["B6543214 true -"])
    #expect(found("香港身份证号,姓名\nB654321(5),陈大文\n") == ["B654321(5) false checksum"])
  }

  @Test func underAnIdentityDocumentColumnByItsShape() {
    #expect(found("证件号码,姓名\nA123456(3),陈大文\n") == ["A123456(3) true -"])
    // The shape with a wrong check character is nothing there.
    #expect(found("证件号码,姓名\nA123456(4),陈大文\n").isEmpty)
  }

  @Test func inFreeTextOnlyAfterAContextWord() {
    #expect(found("旅客持香港身份证 A123456(3) 入境。") == ["A123456(3) true -"])
    #expect(found("型号 A123456(3) 的配件已售罄。").isEmpty)
  }

  @Test func isMaskedKeepingItsLetterAndCheck() {
    let category = CategoryRegistry.builtIn["cn_hk_identity_card"]!
    #expect(Redaction.mask("B654321(4)", category: category) == "B******(4)")
    #expect(category.tier == .fiveThousand && category.isPersonal && category.isIdentifier)
  }
}
