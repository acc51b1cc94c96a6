import Testing

@testable import PIIScanCore

/// The number and e-mail detectors on small texts: shapes, prefixes, boundaries and traps.
@Suite struct DetectorTests {
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  /// "category value valid" for each finding of `text`.
  func found(_ text: String) -> [String] {
    TextScan.findings(in: text, rules: Self.rules, settings: Self.settings).map {
      "\($0.category.id) \($0.value) \($0.valid)"
    }
  }

  func spans(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return TextScan.findings(in: text, rules: Self.rules, settings: Self.settings).map {
      String(decoding: bytes[Int($0.offset)..<Int($0.offset) + $0.length], as: UTF8.self)
    }
  }

  @Test func mobileWrittenForms() {
    for text in [
      "13912345670", "139 1234 5670", "139-1234-5670", "+86 139 1234 5670", "+8613912345670",
      "008613912345670", "0086 139 1234 5670", "86-13912345670", "(+86)13912345670",
      "1391234 5670", "139 12345670",
    ] {
      #expect(found("手机 \(text)。") == ["cn_mobile 13912345670 true"], "\(text)")
      #expect(spans("手机 \(text)。") == [text], "\(text)")
    }
  }

  @Test func numbersInsideLongerTokensAreNotTaken() {
    for text in [
      "1391234567012",  // a longer run
      "a13912345670", "13912345670b",  // alphanumeric tokens
      "3.13912345670", "13912345670.5",  // decimals
      "550e8400-e29b-41d4-a716-013912345670",  // a UUID's last group
      "1732800000000",  // millisecond timestamp
      "ab13912345670cd",
    ] {
      #expect(found(text).isEmpty, "\(text)")
    }
  }

  @Test func spreadsheetFloatArtefactIsStillTheNumber() {
    #expect(found("13912345670.0,") == ["cn_mobile 13912345670 true"])
  }

  @Test func separatedListOfDifferentNumbers() {
    #expect(
      found("电话 0755-86123456 13912345670") == [
        "cn_landline 0755-86123456 true", "cn_mobile 13912345670 true",
      ])
    #expect(
      found("13912345670 18612345678") == [
        "cn_mobile 13912345670 true", "cn_mobile 18612345678 true",
      ])
    #expect(
      found("13912345670/18612345678") == [
        "cn_mobile 13912345670 true", "cn_mobile 18612345678 true",
      ])
  }

  @Test func landlineForms() {
    #expect(found("(010)62345678") == ["cn_landline 010-62345678 true"])
    #expect(found("0571 8765432") == ["cn_landline 0571-8765432 true"])
    #expect(found("86-755-86123456") == ["cn_landline 0755-86123456 true"])
    #expect(spans("Tel: 021-87654321 ext. 88 ok") == ["021-87654321 ext. 88"])
    #expect(spans("021-87654321转123") == ["021-87654321转123"])
    #expect(found("400-810-8888").isEmpty)
  }

  @Test func idNumberForms() {
    #expect(found("id 110101 19900307 1233") == ["cn_resident_id 110101199003071233 true"])
    #expect(found("53010219900101001x") == ["cn_resident_id 53010219900101001X true"])
    // 15 digits: region + date, upgraded in details
    let findings = TextScan.findings(
      in: "身份证 110101900307123", rules: Self.rules, settings: Self.settings)
    #expect(findings.count == 1)
    #expect(
      findings.first?.details.contains { $0.key == "id18" && $0.value == "110101199003071233" }
        == true)
  }

  @Test func anIDFailingSeveralChecksIsNotAnID() {
    // 18 digits, bad region, bad date and bad checksum: some other number.
    #expect(found("993312994412341234").isEmpty)
    // ... but next to ID context it is an ID that fails.
    #expect(found("身份证号: 993312994412341234") == ["cn_resident_id 993312994412341234 false"])
  }

  @Test func bankCards() {
    #expect(found("6222 0212 3456 7890 128") == ["cn_bank_card 6222021234567890128 true"])
    // Unknown BIN with Luhn: only with card context.
    #expect(found("1234567812345670").isEmpty)
    #expect(found("卡号 1234567812345670") == ["cn_bank_card 1234567812345670 true"])
  }

  @Test func emails() {
    #expect(found("联系wang_wu@company-mail.cn谢谢") == ["email wang_wu@company-mail.cn true"])
    #expect(found("13912345670@163.com") == ["email 13912345670@163.com true"])
    #expect(found("a@b.c user@localhost").isEmpty)
    #expect(found(".hidden@x.org").map { $0 } == ["email hidden@x.org true"])
  }

  @Test func maskedValuesAreInformational() {
    #expect(
      found("110101********123X 139****5670") == [
        "cn_resident_id_masked 110101********123X true", "cn_mobile_masked 139****5670 true",
      ])
  }
}
