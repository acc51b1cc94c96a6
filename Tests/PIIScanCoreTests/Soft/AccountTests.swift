import Testing

@testable import PIIScanCore

@Suite struct AccountTests {
  @Test func qq() {
    #expect(Soft.classify("12345", .qqNumber)?.valid == true)
    #expect(Soft.classify("12345678901", .qqNumber)?.valid == true)
    #expect(Soft.classify("5220690431@qq.com", .qqNumber)?.normalized == "5220690431")
    #expect(Soft.classify("01234567", .qqNumber)?.reason == "QQ numbers do not start with 0")
    #expect(Soft.classify("1234", .qqNumber)?.reason == "QQ numbers have 5-11 digits")
    #expect(Soft.classify("123456789012", .qqNumber)?.reason == "QQ numbers have 5-11 digits")
    #expect(Soft.classify("abc123", .qqNumber)?.reason == "not a QQ number")
  }

  @Test func wechat() {
    for value in [
      "zhangsan_88", "Abc-12345", "wxid_a1b2c3d4e5f6g7", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M",
    ] {
      #expect(Soft.classify(value, .wechatID)?.valid == true, "\(value)")
    }
    #expect(Soft.classify("13812345678", .wechatID)?.confidence == .low)  // legacy numeric ID
    #expect(Soft.classify("abc12", .wechatID)?.reason == "WeChat IDs have 6-20 characters")
    #expect(Soft.classify("a123456789012345678901", .wechatID)?.valid == false)
    #expect(Soft.classify("_abcdefg", .wechatID)?.reason == "WeChat IDs start with a letter")
    #expect(Soft.classify("张三的微信", .wechatID)?.reason == "not a WeChat ID")
  }

  @Test func bankAccounts() throws {
    #expect(Soft.classify("1234 5678 9012 3", .cnBankAccount)?.normalized == "1234567890123")
    #expect(Soft.classify("44050123456789012", .cnBankAccount)?.category == .cnBankAccount)
    #expect(Soft.classify("1234567", .cnBankAccount)?.reason == "account numbers have 8-25 digits")
    #expect(Soft.classify("账户余额", .cnBankAccount)?.reason == "not an account number")
    // A Luhn-valid card with a known BIN under an account header is reported as a card.
    let card = try #require(Soft.classify("6222021234567890128", .cnBankAccount))
    #expect(card.category == .cnBankCard && card.valid)
  }

  @Test func credentials() throws {
    let plain = try #require(Soft.classify("abc123456", .credential))
    #expect(plain.valid && Soft.detail(plain, "form") == "plain")
    #expect(plain.details.first { $0.key == "length" }?.masked == "")
    #expect(
      Soft.detail(Soft.classify("e10adc3949ba59abbe56e057f20f883e", .credential), "form")
        == "md5-like hash")
    #expect(Soft.classify("******", .credential)?.reason == "masked")
    #expect(Soft.classify("NULL", .credential) == nil)
    #expect(Soft.classify("", .credential) == nil)
  }

  @Test func telecomAccountOpening() {
    let iccid = Soft.classify("89860012345678901238", .telecomAccountOpening)
    #expect(
      iccid?.valid == true && Soft.detail(iccid, "kind") == "ICCID"
        && Soft.detail(iccid, "carrier") == "中国移动")
    // The same with its check digit wrong.
    #expect(
      Soft.classify("89860012345678901234", .telecomAccountOpening)?.reason
        == "ICCID check digit (Luhn) fails")
    let imsi = Soft.classify("460011234567890", .telecomAccountOpening)
    #expect(Soft.detail(imsi, "kind") == "IMSI" && Soft.detail(imsi, "carrier") == "中国联通")
    #expect(Soft.classify("460991234567890", .telecomAccountOpening)?.valid == false)
    // An IMEI whose Luhn check passes, then the same with the last digit changed.
    #expect(Soft.classify("354855960098605", .telecomAccountOpening)?.valid == true)
    #expect(
      Soft.classify("354855960098606", .telecomAccountOpening)?.reason
        == "IMEI check digit (Luhn) fails")
    #expect(Soft.classify("2019-03-14 12:41:32", .telecomAccountOpening)?.confidence == .medium)
  }

  /// Record kinds accept any non-empty value under their header, at medium confidence.
  @Test func recordKinds() {
    for category in SoftCategory.allCases where category.isRecordKind {
      let verdict = Soft.classify("113.9213,22.5312", category)
      #expect(
        verdict?.valid == true && verdict?.confidence == .medium && verdict?.category == category)
      #expect(Soft.classify("NULL", category) == nil)
    }
  }

  /// The strong categories are validated elsewhere.
  @Test func strongCategoriesAreNotClassifiedHere() {
    for category in SoftCategory.allCases where category.isStrongHeaderOnly {
      #expect(Soft.classify("13800138000", category) == nil)
    }
  }
}
