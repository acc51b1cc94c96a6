import Testing

@testable import PIIScanCore

/// The byte-level table parsers against plain `String` readings of the same tables, and the
/// paths the embedded tables do not take (unsorted rows, odd bytes, names made on demand).
@Suite struct ReferenceTableParsingTests {
  /// The data rows of an embedded table, split with `String` APIs, after the header.
  static func rows(_ path: String) throws -> [[String]] {
    let text = try #require(EmbeddedPatterns.text(path))
    let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    return lines.dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// An embedded table with its data rows reversed (so no longer sorted).
  static func reversed(_ path: String) throws -> String {
    let text = try #require(EmbeddedPatterns.text(path))
    let lines = text.split(separator: "\n").map(String.init)
    let head = lines.prefix { $0.hasPrefix("#") }.count + 1
    return (lines.prefix(head) + lines.dropFirst(head).reversed()).joined(separator: "\n") + "\n"
  }

  // MARK: Region codes

  @Test func everyRegionMatchesAStringReading() throws {
    let rows = try Self.rows(RegionCodeTable.embeddedPath)
    var latest: [Int: String] = [:]
    for row in rows {
      latest[Int(row[0]) ?? -1] = row[1].split(separator: "|").last.map(String.init) ?? ""
    }
    let regions = RegionCodeTable.shared.allRegions
    try #require(regions.count == rows.count)
    for (region, row) in zip(regions, rows) {
      let code = try #require(Int(row[0]))
      let names = row[1].split(separator: "|").map(String.init)
      let own = names.last ?? ""
      var full = ""
      if row[2] != "province" { full += latest[code / 10_000 * 10_000] ?? "" }
      // A county code xx00yy sits directly under its province: no prefecture name.
      if row[2] == "county" && code / 100 % 100 != 0 { full += latest[code / 100 * 100] ?? "" }
      full += own
      #expect(region.code == code)
      #expect(region.name == full, "\(code)")
      #expect(region.ownName == own, "\(code)")
      #expect(region.hasOwnName == !own.isEmpty, "\(code)")
      #expect(region.historicalNames == names, "\(code)")
      #expect(region.level.rawValue == row[2])
      #expect(region.firstYear == Int(row[3]), "\(code)")
      #expect(region.lastYear == (row[4] == "current" ? nil : Int(row[4])), "\(code)")
      #expect(region.isCurrent == (row[5] == "Y"), "\(code)")
    }
  }

  @Test func unsortedRegionRowsGiveTheSameTable() throws {
    let table = try RegionCodeTable(tsv: Self.reversed(RegionCodeTable.embeddedPath))
    // Equal regions of two tables: their names are compared too.
    #expect(table.allRegions == RegionCodeTable.shared.allRegions)
    #expect(table.region(code: 130102)?.name == "河北省石家庄市长安区")
  }

  @Test func repeatedCodeInUnsortedRows() throws {
    let header = "code\tname\tlevel\tfirst_year\tlast_year\tcurrent\n"
    let rows = "110102\tb\tcounty\t\t\tN\n110101\ta\tcounty\t\t\tN\n110102\tc\tcounty\t\t\tN\n"
    #expect(
      throws: TableParseError(
        table: "cn-region-codes.tsv", line: 4,
        message: "code 110102 appears twice (first on line 2)")
    ) {
      try RegionCodeTable(tsv: header + rows)
    }
  }

  @Test func separatorsInNames() throws {
    let header = "code\tname\tlevel\tfirst_year\tlast_year\tcurrent\n"
    let table = try RegionCodeTable(
      tsv: header + "110000\t北京|北京市\tprovince\t\t\tN\n110101\ta||b|\tcounty\t\t\tN\n"
        + "110102\t|\tcounty\t\t\tN\n110103\tx|\u{301}y\tcounty\t\t\tN\n"
        + "110104\t東|\u{FF9E}\tcounty\t\t\tN")
    let beijing = try #require(table.region(code: 110101))
    #expect(beijing.historicalNames == ["a", "b"])
    #expect(beijing.ownName == "b")
    #expect(beijing.name == "北京市b")
    let bar = try #require(table.region(code: 110102))
    #expect(bar.historicalNames.isEmpty)
    #expect(bar.ownName.isEmpty && !bar.hasOwnName)
    #expect(bar.name == "北京市")
    // A `|` followed by a combining mark is not a separator, as in `split(separator: "|")`.
    #expect(table.region(code: 110103)?.historicalNames == ["x|\u{301}y"])
    #expect(table.region(code: 110104)?.historicalNames == ["東|\u{FF9E}"])
  }

  @Test func regionsPrintTheirNames() throws {
    let region = try #require(RegionCodeTable.shared.region(code: 110101))
    #expect(
      String(describing: region)
        == "Region(code: 110101, name: \"北京市东城区\", ownName: \"东城区\", "
        + "historicalNames: [\"东城区\"], level: PIIScanCore.RegionLevel.county, "
        + "isCurrent: true, firstYear: Optional(1980), lastYear: nil)")
  }

  @Test func equalityAndHashing() throws {
    let header = "code\tname\tlevel\tfirst_year\tlast_year\tcurrent\n"
    let a = try RegionCodeTable(tsv: header + "110101\t东城区\tcounty\t1980\tcurrent\tY\n")
    let b = try RegionCodeTable(tsv: header + "110101\t东城区\tcounty\t1980\tcurrent\tY\n")
    let c = try RegionCodeTable(tsv: header + "110101\t西城区\tcounty\t1980\tcurrent\tY\n")
    let d = try RegionCodeTable(tsv: header + "110101\t西城区|东城区\tcounty\t1980\tcurrent\tY\n")
    let region = try #require(a.region(code: 110101))
    #expect(region == b.region(code: 110101))
    #expect(Set([region, try #require(b.region(code: 110101))]).count == 1)
    #expect(region != c.region(code: 110101))
    #expect(region != d.region(code: 110101))
  }

  @Test func namesFromConcurrentTasks() async throws {
    let table = try RegionCodeTable(tsv: Self.reversed(RegionCodeTable.embeddedPath))
    let names = await withTaskGroup(of: String?.self) { group in
      for _ in 0..<8 { group.addTask { table.region(code: 130102)?.name } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(names.count == 8)
    #expect(names.allSatisfy { $0 == "河北省石家庄市长安区" })
  }

  // MARK: Bank BINs

  @Test func everyBINRowMatchesAStringReading() throws {
    // By BIN length, BIN and table order.
    let rows = try Self.rows(BankBINTable.embeddedPath).enumerated().sorted {
      ($0.element[0].count, Int($0.element[0]) ?? -1, $0.offset)
        < ($1.element[0].count, Int($1.element[0]) ?? -1, $1.offset)
    }.map(\.element)
    let entries = BankBINTable.shared.allEntries
    try #require(entries.count == rows.count)
    for (entry, row) in zip(entries, rows) {
      #expect(entry.bin == row[0])
      #expect(entry.bank == row[1])
      #expect(entry.cardType == (row[2].isEmpty ? nil : row[2]))
      #expect(entry.cardLength == Int(row[3]))
      #expect(entry.isLuhnExempt == (row[4] == "Y"))
      #expect(entry.formerBanks == row[5].split(separator: "|").map(String.init))
    }
  }

  @Test func unsortedBINRowsGiveTheSameTable() throws {
    let table = try BankBINTable(tsv: Self.reversed(BankBINTable.embeddedPath))
    #expect(table.count == BankBINTable.shared.count)
    #expect(table.distinctBINCount == BankBINTable.shared.distinctBINCount)
    // Rows of one BIN keep table order, which reversing the table reverses.
    let reversedGroups = Dictionary(grouping: table.allEntries, by: \.bin)
    let groups = Dictionary(grouping: BankBINTable.shared.allEntries, by: \.bin)
    #expect(reversedGroups.mapValues { Array($0.reversed()) } == groups)
  }

  // MARK: Mobile prefixes

  @Test func prefixesOutsideTheTablesRange() throws {
    let header = "prefix\tlength\tcarrier\tcarrier_zh\tcategory\tpersonal\n"
    let table = try MobilePrefixTable(
      tsv: header
        + "200\t11\tA\t甲\tbasic\tY\n99999\t11\tB\t乙\tbasic\tY\n13800\t11\tC\t丙\tbasic\tY\n")
    #expect(table.lookup(Array("20012345678".utf8))?.carrier == "A")
    #expect(table.lookup(Array("99999123456".utf8))?.carrier == "B")
    #expect(table.lookup(Array("13800123456".utf8))?.carrier == "C")
    for number in ["00000000000", "13799999999", "13801000000", "19912345678", "99998123456"] {
      #expect(table.lookup(Array(number.utf8)) == nil, "\(number)")
    }
  }

  // MARK: Rows and fields

  @Test func fieldsNextToControlBytesAndAtTheEnd() throws {
    // 0x0B right after a tab, other control bytes, CRLF, and a last row with no line end
    // whose fields are read without 8 bytes after them.
    let header = "code\tprovince\tcity\tstatus\tretired\treplaced_by\r\n"
    let table = try LandlineAreaCodes(
      tsv: header + "010\t北京\t\u{0B}\u{08}北京\tcurrent\t\t\r\n0755\t广东\t深圳\tretired\t\t010")
    #expect(table.count == 2)
    #expect(table.lookup(Array("01012345678".utf8))?.city == "\u{0B}\u{08}北京")
    #expect(table.lookup(Array("075512345678".utf8))?.city == "深圳")
    #expect(table.lookup(Array("075512345678".utf8))?.replacedBy == ["010"])
  }

  @Test(arguments: ["1101a1", "11010", "1101010", "110 01", "11010１", "/10101", ":10101"])
  func codesThatAreNotSixDigits(_ code: String) {
    let header = "code\tname\tlevel\tfirst_year\tlast_year\tcurrent\n"
    #expect(
      throws: TableParseError(
        table: "cn-region-codes.tsv", line: 2,
        message: "code must be 6 digits, got '\(code)'")
    ) {
      try RegionCodeTable(tsv: header + "\(code)\tx\tcounty\t\t\tN\n")
    }
  }

  @Test func numbersOfEveryLengthAndPlace() {
    // Ranges near the end have fewer than 8 bytes after them: read one by one.
    let text = "0123456789012345678 12345678 9"
    ReferenceTable.withUTF8(text) { bytes in
      for start in 0..<19 {
        for end in (start + 1)...min(start + 18, 19) {
          let expected = Int(text.dropFirst(start).prefix(end - start))
          #expect(ReferenceTable.digits(bytes, start..<end) == expected, "\(start)..<\(end)")
        }
      }
      #expect(ReferenceTable.digits(bytes, 0..<19) == nil)  // 19 digits
      #expect(ReferenceTable.digits(bytes, 3..<3) == nil)
      #expect(ReferenceTable.digits(bytes, 18..<22) == nil)
      #expect(ReferenceTable.digits(bytes, 20..<28) == 12_345_678)
      #expect(ReferenceTable.digits(bytes, 24..<28) == 5_678)
      #expect(ReferenceTable.digits(bytes, 29..<30) == 9)
      #expect(ReferenceTable.digits(bytes, 27..<30) == nil)
    }
  }
}
