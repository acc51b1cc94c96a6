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
    // 603265 江苏银行 (16) and 60326500 (16, listed as 无锡市商业银行, now 江苏银行).
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

  /// A number of `length` digits starting with `prefix`, with its Luhn check digit right
  /// (`luhn` true) or off by one (false), by the textbook oracle.
  static func number(_ prefix: String, length: Int, luhn: Bool) -> String {
    var body = prefix
    var filler = 3
    while body.count < length - 1 {
      body += String(filler % 10)
      filler += 7
    }
    for check in 0...9 where LuhnTests.oracle(body + String(check)) {
      return body + String(luhn ? check : (check + 1) % 10)
    }
    preconditionFailure("some check digit passes Luhn")
  }

  // Only BINs with a published report of a real card failing Luhn are exempt, each for the
  // card length reported. Numbers here are synthetic.
  @Test(arguments: [("601428", 17, "交通银行"), ("622173", 19, "江苏银行"), ("456351", 19, "中国银行")])
  func reportedBINsAreExempt(prefix: String, length: Int, bank: String) throws {
    let failing = Self.number(prefix, length: length, luhn: false)
    #expect(!LuhnTests.oracle(failing))
    let bin = try #require(lookup(failing))
    #expect(bin.bin == prefix)
    #expect(bin.bank == bank)
    #expect(bin.isLuhnExempt)
    #expect(table.isLuhnExempt(bin))
    #expect(table.isLuhnExempt(bin: prefix))
    #expect(table.isLegacyLuhnExempt(bin, length: length))
    #expect(!table.isLegacyLuhnExempt(bin, length: length - 1))  // wrong length: never excused
  }

  @Test(arguments: [
    ("621483", 16),  // 招商银行 UnionPay IC BIN: numbered under the Luhn rule
    ("103", 19),  // 中国农业银行 legacy BIN; 19-digit snowflake ids start 103 too
    ("9558", 19), ("95599", 19), ("95555", 16), ("601382", 19),  // legacy domestic BINs
    ("622202", 19), ("438588", 18), ("376966", 15),
  ])
  func otherBINsExpectLuhn(prefix: String, length: Int) throws {
    let failing = Self.number(prefix, length: length, luhn: false)
    let bin = try #require(lookup(failing), "\(failing)")
    #expect(bin.bin == prefix)
    #expect(!bin.isLuhnExempt)
    #expect(!table.isLuhnExempt(bin))
    #expect(!table.isLuhnExempt(bin: prefix))
    #expect(!table.isLegacyLuhnExempt(bin, length: failing.count))
    // A passing number of the same BIN is a card as ever.
    #expect(lookup(Self.number(prefix, length: length, luhn: true))?.bin == prefix)
  }

  @Test func exemptionsAreFewAndHaveLengths() {
    let exempt = table.allEntries.filter(\.isLuhnExempt)
    #expect(Set(exempt.map(\.bin)) == ["601428", "622173", "456351"])
    #expect(exempt.allSatisfy { $0.cardLength != nil })
    #expect(!table.isLuhnExempt(bin: "60142"))
    #expect(!table.isLuhnExempt(bin: "6014280"))
    #expect(!table.isLuhnExempt(bin: "x01428"))
    #expect(!table.isLuhnExempt(bin: ""))
  }

  // Banks are named as they are now; the name the BIN lists used is kept as a former name.
  @Test(arguments: [
    ("621269", "江西银行", "南昌银行"),  // 南昌银行 became 江西银行 in 2015
    ("60326500", "江苏银行", "无锡市商业银行"),  // merged into 江苏银行 in 2007
    ("406365", "广发银行", "广东发展银行"),  // renamed 2011
  ])
  func renamedBanksUseTheCurrentName(bin: String, bank: String, former: String) throws {
    let entry = try #require(table.allEntries.first { $0.bin == bin })
    #expect(entry.bank == bank)
    #expect(entry.formerBanks == [former])
  }

  @Test func noRowNamesABankByAFormerNameOrAShortSpelling() {
    let banks = Set(table.allEntries.map(\.bank))
    for old in ["南昌银行", "广东发展银行", "包商银行", "华融湘江银行", "德阳商业银行", "无锡市商业银行"] {
      #expect(!banks.contains(old), "\(old)")
    }
    for short in ["工商银行", "建设银行", "农业银行", "光大银行", "民生银行", "邮储银行"] {
      #expect(!banks.contains(short), "\(short)")
    }
    #expect(table.allEntries.filter { !$0.formerBanks.isEmpty }.count > 100)
    // A bank that was not renamed has no former name.
    #expect(lookup("6222020200112345679")?.formerBanks == [])
  }
}
