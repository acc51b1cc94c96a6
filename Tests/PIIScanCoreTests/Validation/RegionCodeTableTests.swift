import Testing

@testable import PIIScanCore

@Suite struct RegionCodeTableTests {
  let table = RegionCodeTable.shared

  @Test func rowCounts() {
    #expect(table.count == 7_196)
    let regions = table.allRegions
    #expect(regions.filter(\.isCurrent).count == 3_213)
    #expect(regions.filter { $0.level == .county }.count == 6_606)
    #expect(regions.filter { $0.level == .prefecture }.count == 555)
    #expect(regions.filter { $0.level == .province }.count == 35)
    #expect(regions.map(\.code) == regions.map(\.code).sorted())
  }

  @Test func composedNames() {
    #expect(table.region(code: 110101)?.name == "北京市东城区")
    #expect(table.region(code: 130102)?.name == "河北省石家庄市长安区")
    #expect(table.region(code: 130100)?.name == "河北省石家庄市")
    #expect(table.region(code: 130000)?.name == "河北省")
    #expect(table.region(code: 441900)?.name == "广东省东莞市")
    // 419000 (省直辖县级) has no name: skipped.
    #expect(table.region(code: 419001)?.name == "河南省济源市")
  }

  @Test func renamedCodesUseTheLatestName() throws {
    let region = try #require(table.region(code: 120110))
    #expect(region.ownName == "东丽区")
    #expect(region.historicalNames == ["东郊区", "东丽区"])
    #expect(region.name == "天津市东丽区")
    #expect(table.region(code: 419001)?.historicalNames == ["义马市", "济源市"])
  }

  @Test func abolishedCodeKeepsItsYears() throws {
    let region = try #require(table.region(code: 110103))
    #expect(region.name == "北京市崇文区")
    #expect(!region.isCurrent)
    #expect(region.firstYear == 1980)
    #expect(region.lastYear == 2009)
    #expect(region.level == .county)
    let current = try #require(table.region(code: 110105))
    #expect(current.isCurrent)
    #expect(current.lastYear == nil)
  }

  @Test func unnamedPythonStdnumCodes() throws {
    let region = try #require(table.region(code: 130101))
    #expect(region.ownName == "")
    #expect(region.historicalNames.isEmpty)
    #expect(region.name == "河北省石家庄市")
    #expect(region.firstYear == nil && region.lastYear == nil && !region.isCurrent)
  }

  @Test func postTwentyTwentyOneAdditions() {
    for code in [460302, 460303, 540481, 540581, 653228, 653229, 659012] {
      #expect(table.region(code: code)?.isCurrent == true, "\(code)")
    }
    // Removed from the current list, kept as historical.
    #expect(table.region(code: 540422)?.isCurrent == false)
  }

  @Test func provinceAndPrefecture() {
    #expect(table.province(code: 110101)?.name == "北京市")
    #expect(table.province(code: 440305)?.code == 440000)
    #expect(table.prefecture(code: 440305)?.name == "广东省深圳市")
    #expect(table.prefecture(code: 440000) == nil)
    #expect(table.province(code: 990101) == nil)
  }

  @Test(arguments: [990101, 710101, 0, -1, 1_000_000, 110199])
  func unknownCodes(_ code: Int) {
    #expect(table.region(code: code) == nil)
    #expect(!table.contains(code: code))
  }

  @Test func firstAndLastCodesAreFound() throws {
    let all = table.allRegions
    let first = try #require(all.first)
    let last = try #require(all.last)
    #expect(table.region(code: first.code) == first)
    #expect(table.region(code: last.code) == last)
    #expect(all.allSatisfy { table.region(code: $0.code)?.code == $0.code })
  }
}
