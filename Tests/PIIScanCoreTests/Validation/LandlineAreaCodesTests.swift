import Testing

@testable import PIIScanCore

@Suite struct LandlineAreaCodesTests {
  let table = LandlineAreaCodes.shared

  func lookup(_ digits: String) -> AreaCode? { table.lookup(Array(digits.utf8)) }

  @Test func rowCount() {
    #expect(table.count == 324)
    #expect(table.allAreaCodes.filter { $0.code.utf8.count == 3 }.count == 10)
  }

  @Test func beijingThreeDigits() throws {
    let code = try #require(lookup("01012345678"))
    #expect(code.code == "010")
    #expect(code.province == "北京")
    #expect(code.city == "北京")
    #expect(table.areaCodeLength(Array("01012345678".utf8)) == 3)
  }

  @Test func shenzhenFourDigits() {
    let code = lookup("075512345678")
    #expect(code?.code == "0755")
    #expect(code?.province == "广东")
    #expect(code?.city == "深圳")
    #expect(table.areaCodeLength(Array("075512345678".utf8)) == 4)
  }

  @Test(arguments: [
    ("020", "广州"), ("021", "上海"), ("022", "天津"), ("023", "重庆"), ("024", "沈阳"),
    ("025", "南京"), ("027", "武汉"), ("028", "成都"), ("029", "西安"), ("0311", "石家庄"),
    ("0531", "济南"), ("0991", "乌鲁木齐"), ("0977", "海西"), ("0979", "海西"),
  ])
  func knownCodes(code: String, city: String) {
    let match = lookup(code + "88886666")
    #expect(match?.code == code)
    #expect(match?.city == city)
  }

  @Test(arguments: ["02612345678", "12345678", "40012345678", "0", "01", "0000", "075X1234567"])
  func unknownOrMalformed(_ digits: String) {
    #expect(lookup(digits) == nil)
    #expect(table.areaCodeLength(Array(digits.utf8)) == nil)
  }

  @Test func threeDigitCodeNeedsOnlyThreeDigits() {
    #expect(lookup("010")?.code == "010")
    #expect(lookup("075") == nil)
    #expect(lookup("0755")?.code == "0755")
  }

  @Test func internationalFormWithoutTrunkZero() {
    #expect(table.lookup(withoutTrunkPrefix: Array("1012345678".utf8))?.code == "010")
    #expect(table.lookup(withoutTrunkPrefix: Array("75512345678".utf8))?.code == "0755")
    #expect(table.lookup(withoutTrunkPrefix: Array("2612345678".utf8)) == nil)
    #expect(table.lookup(withoutTrunkPrefix: Array("075512345678".utf8)) == nil)
  }
}
