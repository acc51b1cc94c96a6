import Testing

@testable import PIIScanCore

/// The 2023 外国人永久居留身份证 (18 digits, leading 9) is found by the number finder as its own
/// category, never as a resident ID (issue 12, class 3). Values are built with the reference
/// MOD 11-2 of ``StrongReference``: `9`, a 2-digit accepting province, a 3-digit nationality,
/// the birth date, a 3-digit sequence, the check.
@Suite struct ForeignPermanentResidenceTests {
  static let rules = try! RuleSet.embedded()
  static let asOf = CivilDate(year: 2026, month: 11, day: 29)!
  static let settings = DetectionSettings(asOf: asOf)

  func found(_ text: String) -> [String] {
    TextScan.findings(in: text, rules: Self.rules, settings: Self.settings).map {
      "\($0.category.id) \($0.value) \($0.valid)"
    }
  }

  static let fpr = "cn_foreign_permanent_residence_id"

  /// Province 31 上海, 44 广东, 11 北京; nationalities 840, 392, 410; sequences of three digits.
  static let good = [
    StrongReference.id18("93184019850101001"), StrongReference.id18("94439219920229002"),
    StrongReference.id18("91141020010731123"),
  ]

  @Test(arguments: good)
  func aValidNumberIsThePermanentResidenceIDAnywhere(number: String) {
    for text in [
      "外国人永久居留身份证：\(number)", "永居证 \(number)", "证件 \(number) 已核验", "\(number)",
      "name,doc\nJohn,\(number)\n",
    ] {
      #expect(found(text) == ["\(Self.fpr) \(number) true"], "\(text)")
    }
  }

  @Test(arguments: good)
  func aWrongCheckDigitIsThePermanentResidenceIDOnlyWhereTheTextSaysSo(number: String) {
    let wrong = StrongReference.id18(String(number.prefix(17)), valid: false)
    #expect(found("外国人永久居留身份证号码：\(wrong)") == ["\(Self.fpr) \(wrong) false"])
    #expect(found("永居证 \(wrong)") == ["\(Self.fpr) \(wrong) false"])
    // Without words it is nothing: resident IDs never start with 9.
    #expect(found("编号 \(wrong) 完").isEmpty)
    // Where the text says resident ID, it is an ID number that fails.
    #expect(found("身份证号 \(wrong)") == ["cn_resident_id \(wrong) false"])
  }

  @Test(arguments: [
    "97184019850101001",  // 71 Taiwan is no accepting province
    "98184019850101001",  // 81 Hong Kong neither
    "90084019850101001",  // 00 is no province
    "93184018591231001",  // born before 1860
    "93184020270101001",  // born after the as-of date
    "93184019850230001",  // 30 February
  ])
  func aBrokenStructureIsNoPermanentResidenceID(body: String) {
    let number = StrongReference.id18(body)
    #expect(!found(number).contains("\(Self.fpr) \(number) true"), "\(number)")
    #expect(!found(number).contains { $0.hasPrefix("cn_resident_id ") }, "\(number)")
  }

  @Test func anAllDigitCreditCodeIsNoPermanentResidenceID() {
    // A USCC of digits only, 91 + region 110108 + …: as an 18-digit number its "birth date"
    // would be 08xx, so its structure fails even when MOD 11-2 happens to pass.
    let number = StrongReference.id18("91110108551234567")
    #expect(!found("代码 \(number)").contains("\(Self.fpr) \(number) true"))
  }

  /// The scan's allocation-free verdict agrees with the full check on numbers that pass and on
  /// each kind of failure.
  @Test func theVerdictAgreesWithTheFullCheck() {
    var numbers = Self.good
    for body in ["97184019850101001", "93184019850230001", "93184020270101001"] {
      numbers.append(StrongReference.id18(body))
    }
    numbers += Self.good.map { StrongReference.id18(String($0.prefix(17)), valid: false) }
    numbers += ["831840198501010013", "93184019850101001", "9318401985010100AB"]
    for number in numbers {
      let bytes = Array(number.utf8)
      let check = ResidentID.checkForeignPermanentResidence(bytes, asOf: Self.asOf)
      let verdict = bytes.withUnsafeBytes {
        ResidentID.verdictForeignPermanentResidence($0, asOf: Self.asOf)
      }
      #expect((verdict.failureCount == 0) == check.isValid, "\(number)")
      #expect(verdict.failureCount == check.failures.count, "\(number)")
    }
  }
}
