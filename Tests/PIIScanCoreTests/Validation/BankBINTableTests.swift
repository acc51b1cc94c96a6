import Testing

@testable import PIIScanCore

@Suite struct BankBINTableTests {
  let table = BankBINTable.shared

  func lookup(_ number: String) -> BankBIN? { table.lookup(Array(number.utf8)) }

  @Test func rowCounts() {
    #expect(table.count == 2_219)
    #expect(table.distinctBINCount == 2_207)
    // caijf rows all have a length; cardbin-only rows never do.
    #expect(table.allEntries.filter { $0.cardLength != nil }.count == 1_698)
  }

  @Test func majorBankBIN() throws {
    let bin = try #require(lookup("6222020200112345679"))
    #expect(bin.bin == "622202")
    #expect(bin.bank == "中国工商银行")
    #expect(bin.cardType == "DC")
    #expect(bin.cardLength == 19)
  }

  @Test func longestPrefixWins() {
    // 603265 江苏银行 (16) and 60326500 无锡市商业银行 (16).
    #expect(lookup("6032650012345678")?.bin == "60326500")
    #expect(lookup("6032651012345678")?.bin == "603265")
  }

  @Test func matchingLengthBeatsALongerPrefix() {
    // 621260001 咸丰常农商村镇银行 (19) versus 621260 平安银行 CC (16) / 常熟农商 DC (19).
    #expect(lookup("6212600011234567890")?.bin == "621260001")
    let sixteen = lookup("6212600011234567")
    #expect(sixteen?.bin == "621260")
    #expect(sixteen?.bank == "平安银行")
    #expect(sixteen?.cardLength == 16)
    #expect(lookup("6212601234567890123")?.bank == "常熟农村商业银行")
  }

  @Test func sameBINDifferentLengths() {
    // 622302: 广东省农村信用社联合社 (16) and 中国工商银行 (18).
    #expect(lookup("6223021234567890")?.bank == "广东省农村信用社联合社")
    #expect(lookup("622302123456789012")?.bank == "中国工商银行")
    // No row has 19 digits: a row is still returned, and its length shows the mismatch.
    let mismatch = lookup("6223021234567890123")
    #expect(mismatch?.bin == "622302")
    #expect(mismatch?.cardLength != 19)
  }

  @Test func shortLegacyBINs() {
    #expect(lookup("9558801234567890123")?.bin == "95588")
    #expect(lookup("9558101234567890123")?.bin == "9558")
    #expect(lookup("1031234567890123456")?.bank == "中国农业银行")
    #expect(lookup("9559912345678901234")?.bin == "95599")
  }

  @Test func cardbinRowsHaveUnknownLength() throws {
    // 356833 中国银行 and 牡丹灵通卡-type rows come from cardbin only.
    let bin = try #require(lookup("3568331234567890"))
    #expect(bin.bank == "中国银行")
    #expect(bin.cardLength == nil)
    #expect(bin.cardType == nil)
    // 准贷记卡 must read as SCC, not CC.
    #expect(lookup("5440331234567890")?.cardType == "SCC")
  }

  @Test(arguments: ["1234567890123456", "0000000000000000", "62220202001X2345679", "62", ""])
  func unknownOrMalformed(_ number: String) {
    #expect(lookup(number) == nil)
  }

  @Test func legacyLuhnExemptions() throws {
    let cmb = try #require(lookup("6214832018989180"))
    #expect(cmb.bin == "621483")
    #expect(cmb.bank == "招商银行")
    #expect(!Luhn.isValid(Array("6214832018989180".utf8)))
    #expect(table.isLegacyLuhnExempt(cmb, length: 16))

    let bocom = try #require(lookup("60142870670591508"))
    #expect(bocom.bin == "601428")
    #expect(bocom.cardLength == 17)
    #expect(!Luhn.isValid(Array("60142870670591508".utf8)))
    #expect(table.isLegacyLuhnExempt(bocom, length: 17))
    #expect(!table.isLegacyLuhnExempt(bocom, length: 19))  // wrong length is never excused
  }

  @Test(arguments: [
    ("9558101234567890123", true), ("1031234567890123456", true), ("9555512345678901", true),
    ("6222020200112345679", false),  // UnionPay 62: Luhn applies
    ("438588123456789012", false),  // 兴业 438588 (18 digits), Visa range
    ("376966123456789", false),  // 中信 AmEx 376966 (15 digits)
  ])
  func legacyRuleByScheme(number: String, exempt: Bool) throws {
    let bin = try #require(table.lookup(Array(number.utf8)))
    #expect(table.isLegacyLuhnExempt(bin, length: number.count) == exempt, "\(bin.bin)")
  }
}
