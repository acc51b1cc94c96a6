import Testing

@testable import PIIScanSheets

@Suite struct XLSWorkbookTests {
  func open(_ file: [UInt8]) throws -> XLSWorkbook {
    try file.withUnsafeBytes { try XLSWorkbook(bytes: $0) }
  }

  /// Synthetic people: a name, an address and a note, all Chinese.
  static func person(_ k: Int) -> [String] {
    let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英")
    let name =
      "\(surnames[k % surnames.count])\(given[(k * 7) % given.count])\(given[(k * 3 + 1) % given.count])"
    let address = "浙江省杭州市西湖区文三路\(k)号\(k % 30 + 1)幢\(k % 6 + 1)单元"
    return [name, address, "备注：第\(k)位客户，联系电话见附表"]
  }

  @Test func sheetNamesAndSharedStringsAcrossContinueRecords() throws {
    // 900 CJK strings of 3–25 characters: an SST of some 28 KB in four records.
    let count = 300
    var items: [SSTWriter.Item] = [.init(text: "姓名"), .init(text: "住址"), .init(text: "备注")]
    for k in 0..<count { items += Self.person(k).map { SSTWriter.Item(text: $0) } }
    let sst = SSTWriter().records(items)
    #expect(sst.count >= 3)
    #expect(sst.dropFirst().allSatisfy { $0.type == 0x003C })
    var cells: [Record] = (0..<3).map { Record.labelSST(0, $0, $0) }
    for k in 0..<count {
      for c in 0..<3 { cells.append(.labelSST(k + 1, c, 3 + 3 * k + c)) }
      cells.append(.number(k + 1, 3, 13_800_000_000 + Double(k)))
    }
    let workbook = WorkbookStream(
      sheets: [("客户名单", 0, cells), ("Sheet2", 0, [])], sst: sst)
    let book = try open(workbook.file())
    #expect(book.sheetNames == ["客户名单", "Sheet2"])
    #expect(book.sharedStringCount == items.count)
    let result = lines(try book.sheetText(0))
    #expect(result.count == count + 1)
    #expect(result[0] == "姓名\t住址\t备注")
    for k in 0..<count {
      #expect(result[k + 1] == (Self.person(k) + ["\(13_800_000_000 + k)"]).joined(separator: "\t"))
    }
    #expect(try book.sheetText(1).isEmpty)
  }

  @Test func stringsSplitInEveryWayCONTINUEAllows() throws {
    // Tiny records so that nearly every string is split; continuations switch between
    // compressed and UTF-16; rich-text runs and phonetic blocks straddle records too.
    let items: [SSTWriter.Item] = [
      .init(text: "张三丰ABCDEFGHIJ"), .init(text: "Latin only, compressed text"),
      .init(text: "混合Mixed文字text与数字12345"), .init(text: "", runs: 0),
      .init(text: "富文本格式的姓名字段", runs: 5), .init(text: "带拼音的字段", phonetic: Array(0..<37)),
      .init(text: "富文本与拼音", runs: 3, phonetic: Array(repeating: 7, count: 21)),
      .init(text: "𠀋𡈽𡌛 supplementary"), .init(text: "最后一个"),
    ]
    let expected = items.map(\.text)
    for limit in [13, 17, 24, 31, 64] {
      for recompress in [false, true] {
        for headerMayEnd in [false, true] {
          let writer = SSTWriter(
            limit: limit, recompressContinuations: recompress, headerMayEndRecord: headerMayEnd)
          let cells = items.indices.map { Record.labelSST($0, 0, $0) }
          let book = try open(
            WorkbookStream(sheets: [("s", 0, cells)], sst: writer.records(items)).file())
          #expect(book.sharedStringCount == items.count)
          let got = lines(try book.sheetText(0))
          // The empty string is an empty line.
          #expect(got == expected, "limit \(limit) recompress \(recompress) header \(headerMayEnd)")
        }
      }
    }
  }

  @Test func numbersAsExcelShowsThem() throws {
    let cells: [Record] = [
      .number(0, 0, 13_812_345_678), .number(0, 1, 3.14159), .number(0, 2, -0.5),
      .number(0, 3, 1.5e-7), .number(0, 4, Double("110101199003077777")!), .number(0, 5, 45292),
      .number(0, 6, 0.1 + 0.2), .number(0, 7, 1e21),
    ]
    let book = try open(WorkbookStream(sheets: [("n", 0, cells)]).file())
    #expect(
      text(try book.sheetText(0))
        == "13812345678\t3.14159\t-0.5\t1.5E-07\t110101199003078000\t45292\t0.3\t1E+21")
  }

  @Test func rkAndMulRKValues() throws {
    let cells: [Record] = [
      .rk(0, 0, RK.int(138)), .rk(0, 1, RK.int(-536_870_912)), .rk(0, 2, RK.int100(12345)),
      .rk(0, 3, RK.double(0.5)), .rk(0, 4, RK.double100(2.5)),
      .rk(0, 5, RK.double(Double(sign: .plus, exponent: 70, significand: 1))),
      .mulRK(1, 1, [RK.int(1), RK.int100(-250), RK.double(0.75), RK.int(536_870_911)]),
    ]
    let book = try open(WorkbookStream(sheets: [("rk", 0, cells)]).file())
    #expect(
      lines(try book.sheetText(0)) == [
        "138\t-536870912\t123.45\t0.5\t0.025\t1.18059162071741E+21",
        "\t1\t-2.5\t0.75\t536870911",
      ])
  }

  @Test func booleansErrorsFormulasAndLabels() throws {
    let cells: [Record] = [
      .boolErr(0, 0, 1, error: false), .boolErr(0, 1, 0, error: false),
      .boolErr(0, 2, 0x2A, error: true), .boolErr(0, 3, 0x07, error: true),
      .formula(1, 0, number: 13_912_345_678),
      .formula(1, 1, kind: 0), Record(type: 0x04BC, data: Array(repeating: 0, count: 8)),
      .string("公式结果：李四"),
      .formula(1, 2, kind: 1, value: 1), .formula(1, 3, kind: 2, value: 0x17),
      .formula(1, 4, kind: 3), .number(1, 5, 6),
      // A STRING without a pending formula is ignored.
      .string("stray"),
      .label(2, 0, "标签文本"), .label(2, 1, "plain label"), .blank(2, 2),
      Record(type: 0x00D6, data: Record.cell(2, 3) + Record.unicodeString("富") + le16(0)),
    ]
    let book = try open(WorkbookStream(sheets: [("f", 0, cells)]).file())
    #expect(
      lines(try book.sheetText(0)) == [
        "TRUE\tFALSE\t#N/A\t#DIV/0!",
        "13912345678\t公式结果：李四\tTRUE\t#REF!\t\t6",
        "标签文本\tplain label\t\t富",
      ])
  }

  @Test func missingRowsAndCellsKeepLineNumbers() throws {
    let cells: [Record] = [
      .number(0, 2, 1), .number(3, 0, 4), .number(3, 255, 5), .number(9, 1, 10),
      // Out of order, and a cell written twice (the later wins).
      .number(5, 1, 7), .number(5, 0, 6), .number(5, 1, 8),
    ]
    let book = try open(WorkbookStream(sheets: [("g", 0, cells)]).file())
    let result = lines(try book.sheetText(0))
    #expect(result.count == 10)
    #expect(result[0] == "\t\t1")
    #expect(result[1] == "" && result[2] == "")
    #expect(result[3] == "4" + String(repeating: "\t", count: 255) + "5")
    #expect(result[4] == "")
    #expect(result[5] == "6\t8")
    #expect(result[9] == "\t10")
    #expect(lines(try book.sheetText(0, maxEmptyLines: 6)).count == 10)
    #expect(throws: SpreadsheetError.tooManyEmptyRows(sheet: "g", row: 10, limit: 5)) {
      try book.sheetText(0, maxEmptyLines: 5)
    }
    #expect(throws: SpreadsheetError.tooManyEmptyCells(sheet: "g", row: 4, limit: 256)) {
      try book.sheetText(0, maxEmptyCells: 256)
    }
  }

  @Test func tabsAndNewlinesInsideCells() throws {
    let sst = SSTWriter().records([.init(text: "第一行\n第二行\r\n\t缩进")])
    let cells: [Record] = [.labelSST(0, 0, 0), .label(0, 1, "a\tb")]
    let book = try open(WorkbookStream(sheets: [("t", 0, cells)], sst: sst).file())
    #expect(text(try book.sheetText(0)) == "第一行 第二行   缩进\ta b")
  }

  @Test func embeddedChartsAndChartSheetsHaveNoCells() throws {
    let cells: [Record] = [
      .number(0, 0, 1),
      // A chart embedded in the worksheet: its own BOF … EOF, whose cache records are not cells.
      .bof(0x0020), .number(0, 0, 999), .number(5, 5, 999), .eof,
      .number(1, 0, 2),
    ]
    let workbook = WorkbookStream(sheets: [
      ("data", 0, cells), ("chart", 2, [.number(0, 0, 3)]), ("Module1", 6, []),
    ])
    let book = try open(workbook.file())
    #expect(book.sheetNames == ["data", "chart"])
    #expect(text(try book.sheetText(0)) == "1\n2")
    #expect(try book.sheetText(1).isEmpty)
  }

  @Test func smallAndLargeStreamsAndLongFATs() throws {
    // Small: the Workbook stream lives in the mini stream.
    let small = WorkbookStream(sheets: [("s", 0, [.number(0, 0, 1)])])
    #expect(small.bytes().count < 4096)
    #expect(text(try open(small.file()).sheetText(0)) == "1")
    // Padded past the cutoff: regular sectors.
    #expect(text(try open(small.file(padTo: 5000)).sheetText(0)) == "1")
    // Past 109 FAT sectors (some 7 MB): the FAT continues in DIFAT sectors.
    let big = small.file(padTo: 7_500_000)
    #expect(Int(big[44]) | Int(big[45]) << 8 > 109)
    #expect(big[72] > 0)
    #expect(text(try open(big).sheetText(0)) == "1")
  }

  @Test func refusesEncryptedAndOtherVersions() throws {
    let filePass = Record(type: 0x002F, data: le16(1) + Array(repeating: 0, count: 52))
    let encrypted = WorkbookStream(
      sheets: [("s", 0, [.number(0, 0, 1)])], globalsExtra: [filePass])
    #expect(throws: SpreadsheetError.encrypted(part: "Workbook stream (FILEPASS record)")) {
      try open(encrypted.file())
    }
    let biff5 = WorkbookStream(sheets: [("s", 0, [])], version: 0x0500)
    let error = #expect(throws: SpreadsheetError.self) { try open(biff5.file()) }
    #expect(error?.description.contains("BIFF5") == true)
    #expect(
      throws: SpreadsheetError.unsupportedVersion(
        part: "Book stream", version: "BIFF5/BIFF7 (Excel 5.0–95)")
    ) {
      try open(WorkbookStream(sheets: [("s", 0, [])]).file(streamName: "Book"))
    }
    let encryptedXLSX = CompoundFileWriter.write([
      ("EncryptionInfo", [1, 2, 3]), ("EncryptedPackage", Array(repeating: 9, count: 5000)),
    ])
    #expect(
      throws: SpreadsheetError.encrypted(part: "EncryptedPackage stream (an encrypted .xlsx)")
    ) {
      try open(encryptedXLSX)
    }
    let word = CompoundFileWriter.write([("WordDocument", [0, 1]), ("1Table", [2])])
    #expect(throws: SpreadsheetError.notAWorkbook(streams: ["1Table", "WordDocument"])) {
      try open(word)
    }
  }

  @Test func refusesBrokenFiles() throws {
    let good = WorkbookStream(sheets: [("s", 0, [.number(0, 0, 1)])]).file(padTo: 5000)
    // Not a compound file at all.
    #expect(throws: SpreadsheetError.self) { try open(Array("PK\u{3}\u{4}".utf8) + good) }
    // Truncated: the Workbook stream's sectors are gone.
    let truncated = #expect(throws: SpreadsheetError.self) { try open(Array(good.prefix(2048))) }
    #expect(truncated?.description.hasPrefix("compound file") == true)
    // A sector chain that loops onto itself.
    var looping = good
    let fatOffset = 512 * (1 + (Int(good[76]) | Int(good[77]) << 8))
    // The Workbook stream starts at sector 0; make sector 0 point to itself.
    looping[fatOffset] = 0
    looping[fatOffset + 1] = 0
    looping[fatOffset + 2] = 0
    looping[fatOffset + 3] = 0
    #expect(throws: SpreadsheetError.self) { try open(looping) }
    // A record that runs past the end of the stream.
    var stream = WorkbookStream(sheets: [("s", 0, [])]).bytes()
    stream.removeLast(4)  // the sheet's EOF
    stream += le16(0x0203) + le16(14) + [1, 2]
    let cut = CompoundFileWriter.write([("Workbook", stream)])
    let sheetError = #expect(throws: SpreadsheetError.self) { try open(cut).sheetText(0) }
    #expect(sheetError?.description.contains("runs past the end") == true)
    // A LABELSST beyond the SST.
    let beyond = WorkbookStream(sheets: [("s", 0, [.labelSST(0, 0, 3)])])
    #expect(throws: SpreadsheetError.self) { try open(beyond.file()).sheetText(0) }
    // No such sheet.
    #expect(throws: SpreadsheetError.noSuchSheet(index: 1, count: 1)) {
      try open(good).sheetText(1)
    }
  }

  @Test func refusesFilesAbove512MiB() {
    // The size is checked before any byte is read, so the buffer need not be that large.
    let small: [UInt8] = CompoundFile.magic
    small.withUnsafeBytes { buffer in
      let huge = UnsafeRawBufferPointer(start: buffer.baseAddress, count: 600 << 20)
      #expect(
        throws: SpreadsheetError.tooLarge(part: "xls file", size: 600 << 20, limit: 512 << 20)
      ) {
        try XLSWorkbook(bytes: huge)
      }
    }
  }

  @Test func recognisesTheCompoundFileSignature() {
    let file = WorkbookStream(sheets: [("s", 0, [])]).file()
    #expect(file.withUnsafeBytes { XLSWorkbook.isXLS($0) })
    #expect(
      file.withUnsafeBytes { SpreadsheetKind.isXLS(UnsafeRawBufferPointer(rebasing: $0[0..<8])) })
    #expect(
      !file.withUnsafeBytes { XLSWorkbook.isXLS(UnsafeRawBufferPointer(rebasing: $0[0..<7])) })
    #expect(!Array("PK\u{3}\u{4}0000".utf8).withUnsafeBytes { XLSWorkbook.isXLS($0) })
  }
}
