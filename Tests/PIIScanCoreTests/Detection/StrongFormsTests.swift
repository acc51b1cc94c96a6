import Testing

@testable import PIIScanCore

/// Strong identifiers as they are really written (issue 12, class 8): country prefixes joined
/// by another separator, 86 without its plus, a trunk 0, IDs in card-like groups, groups two
/// spaces apart, and full-width digits for every number category, with spans on the stored
/// bytes. Check characters come from ``StrongReference``.
@Suite struct StrongFormsTests {
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  /// "category value valid «written»" for each finding of `text`.
  func found(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return TextScan.findings(in: text, rules: Self.rules, settings: Self.settings).map {
      let written = String(
        decoding: bytes[Int($0.offset)..<Int($0.offset) + $0.length], as: UTF8.self)
      return "\($0.category.id) \($0.value) \($0.valid) «\(written)»"
    }
  }

  /// ASCII digits (and X, -, +, *, parentheses, space) as a Chinese input method types them.
  static func wide(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar -> Unicode.Scalar in
          switch scalar {
          case "0"..."9", "X", "x", "-", "+", "*", "(", ")":
            Unicode.Scalar(scalar.value - 0x20 + 0xFF00)!
          case " ": "\u{3000}"
          default: scalar
          }
        }))
  }

  static let id = StrongReference.id18("11010519900307123")
  static let idX = "44030519851111009X"  // checked below against the reference
  static let card = StrongReference.luhn("622202123456789012")

  @Test func referenceValuesAreWhatTheyClaim() {
    #expect(StrongReference.mod112("44030519851111009") == "X")
    #expect(StrongReference.passesLuhn(Self.card))
  }

  @Test(arguments: [
    "+86 139-1234-5670", "+86-139 1234 5670", "0086 139-1234-5670", "86 13912345670",
    "86 139 1234 5670", "8613912345670",
  ])
  func aMobileWithACountryPrefixWrittenAnyWay(written: String) {
    #expect(found("手机：\(written)。") == ["cn_mobile 13912345670 true «\(written)»"])
  }

  @Test func aTrunkZeroBeforeAMobile() {
    #expect(found("电话 015011112222 ok") == ["cn_mobile 15011112222 true «015011112222»"])
    // 010 numbers have eight local digits: eleven in all, still a Beijing landline.
    #expect(found("电话 01062345678 ok") == ["cn_landline 010-62345678 true «01062345678»"])
  }

  @Test func traps() {
    // 86 glued to a longer number, or a version, is no country code.
    #expect(found("v1.86 13912345670").first == "cn_mobile 13912345670 true «13912345670»")
    #expect(found("a186 13912345670").first == "cn_mobile 13912345670 true «13912345670»")
    // Thirteen digits that do not continue with a mobile after 86.
    #expect(found("id 8620231129123").isEmpty)
    // A 12-digit number with a leading 0 and no mobile after it.
    #expect(found("编号 012345678901").isEmpty)
  }

  @Test func anIDInCardLikeGroups() {
    let grouped = stride(from: 0, to: 18, by: 4).map { start -> String in
      let lower = Self.id.index(Self.id.startIndex, offsetBy: start)
      let upper = Self.id.index(lower, offsetBy: min(4, 18 - start))
      return String(Self.id[lower..<upper])
    }.joined(separator: " ")
    #expect(found("身份证 \(grouped) 办理") == ["cn_resident_id \(Self.id) true «\(grouped)»"])
    let withX = "4403 0519 8511 1100 9X"
    #expect(found("身份证 \(withX)") == ["cn_resident_id \(Self.idX) true «\(withX)»"])
  }

  @Test func cardGroupsTwoSpacesApart() {
    let c = Array(Self.card)
    let written = [0, 4, 8, 12, 16].map { String(c[$0..<min($0 + 4, c.count)]) }
      .joined(separator: "  ")
    #expect(found("卡号 \(written) 。") == ["cn_bank_card \(Self.card) true «\(written)»"])
    // Groups of one chain are all one gap apart: a mixed chain is not one number.
    #expect(found("x 6222  0212 3456 y").isEmpty)
  }

  @Test func fullWidthDigitsInEveryNumberCategory() {
    let cases: [(String, String)] = [
      ("身份证 " + Self.wide(Self.id), "cn_resident_id \(Self.id) true"),
      ("身份证号：" + Self.wide(Self.idX), "cn_resident_id \(Self.idX) true"),
      ("身份证 " + Self.wide("110105900307123"), "cn_resident_id_15 110105900307123 true"),
      ("手机 " + Self.wide("13912345670"), "cn_mobile 13912345670 true"),
      ("手机 " + Self.wide("+86 139-1234-5670"), "cn_mobile 13912345670 true"),
      ("电话 " + Self.wide("(0755)86123456"), "cn_landline 0755-86123456 true"),
      ("电话 " + Self.wide("0755-86123456"), "cn_landline 0755-86123456 true"),
      ("卡号 " + Self.wide(Self.card), "cn_bank_card \(Self.card) true"),
      ("手机 " + Self.wide("139****5670"), "cn_mobile_masked 139****5670 true"),
    ]
    for (text, expected) in cases {
      let written = String(text.drop { $0 != " " && $0 != "：" }.dropFirst())
      #expect(found(text + "，谢谢") == ["\(expected) «\(written)»"], "\(text)")
    }
  }

  @Test func fullWidthNumbersMixedWithASCII() {
    let text = "电话0755-" + Self.wide("86123456") + " 手机 " + Self.wide("139") + "12345670"
    #expect(
      found(text) == [
        "cn_landline 0755-86123456 true «0755-\(Self.wide("86123456"))»",
        "cn_mobile 13912345670 true «\(Self.wide("139"))12345670»",
      ])
  }

  @Test func fullWidthTraps() {
    for text in [
      "第" + Self.wide("12") + "页", Self.wide("2024") + "年" + Self.wide("11") + "月",
      "订单" + Self.wide("12345678"), "价格：" + Self.wide("1380") + "元",
      Self.wide("3.1415926535"),
    ] {
      #expect(found(text).isEmpty, "\(text)")
    }
  }

  @Test func aFullWidthIDFailingItsCheckIsReportedWhereTheTextSaysID() {
    let wrong = StrongReference.id18("11010519900307123", valid: false)
    #expect(
      found("身份证号码 " + Self.wide(wrong))
        == ["cn_resident_id \(wrong) false «\(Self.wide(wrong))»"])
  }
}
