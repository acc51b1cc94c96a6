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

  // Retired codes stay in the table (numbers written with them are in old records), marked
  // with the year and the codes that took their area over.
  @Test(arguments: [
    ("0565", "巢湖", 2011, ["0551", "0553", "0555"]), ("0634", "莱芜", 2019, ["0531"]),
    ("0852", "遵义", nil, ["0851"]), ("0853", "安顺", nil, ["0851"]),
  ])
  func retiredCodesAreKeptAndMarked(code: String, city: String, year: Int?, replacedBy: [String])
    throws
  {
    let entry = try #require(lookup(code + "2345678"))
    #expect(entry.code == code)
    #expect(entry.city == city)
    #expect(entry.isRetired)
    #expect(entry.retiredYear == year)
    #expect(entry.replacedBy == replacedBy)
    for replacement in replacedBy {
      let current = try #require(lookup(replacement + "62345678"))
      #expect(!current.isRetired, "\(replacement)")
      #expect(current.replacedBy.isEmpty)
    }
  }

  @Test(arguments: ["010", "0551", "0531", "0755", "0851", "0431"])
  func currentCodesAreNotRetired(_ code: String) throws {
    let entry = try #require(lookup(code + "62345678"))
    #expect(!entry.isRetired)
    #expect(entry.retiredYear == nil)
  }

  @Test func onlyTheDocumentedCodesAreRetired() {
    let retired = table.allAreaCodes.filter(\.isRetired).map(\.code)
    #expect(Set(retired) == ["0565", "0634", "0852", "0853"])
  }

  // Places the source list had wrong (吉林/吉林 for every Jilin code, 鞍山 for 马鞍山).
  @Test(arguments: [
    ("0431", "吉林", "长春"), ("0432", "吉林", "吉林"), ("0433", "吉林", "延边"),
    ("0434", "吉林", "四平"), ("0435", "吉林", "通化"), ("0436", "吉林", "白城"),
    ("0437", "吉林", "辽源"), ("0438", "吉林", "松原"), ("0439", "吉林", "白山"),
    ("0457", "黑龙江", "大兴安岭"), ("0555", "安徽", "马鞍山"), ("0412", "辽宁", "鞍山"),
  ])
  func placesOfCorrectedCodes(code: String, province: String, city: String) throws {
    let entry = try #require(lookup(code + "2345678"))
    #expect(entry.province == province)
    #expect(entry.city == city)
  }
}
