import Testing

@testable import PIIScanSheets

@Suite struct XLSXWorkbookTests {
  @Test func sharedStringsIncludingRichTextAndPreservedSpace() throws {
    let strings = OOXML.sharedStrings([
      "<t>姓名</t>",
      "<t>手机</t>",
      // Rich text: runs with properties, concatenated.
      "<r><rPr><b/><sz val=\"11\"/></rPr><t>张</t></r><r><t xml:space=\"preserve\"> 三</t></r>",
      // Leading and trailing spaces kept.
      "<t xml:space=\"preserve\">  李四  </t>",
      // Phonetic runs are readings, not text.
      "<t>王五</t><rPh sb=\"0\" eb=\"2\"><t>wang wu</t></rPh><phoneticPr fontId=\"1\"/>",
      "<t/>",
    ])
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
      <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>13812345678</v></c></row>\
      <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>5</v></c></row>\
      <row r="4"><c r="A4" t="s" s="3"><v> 4 </v></c></row>
      """)
    let book = try OOXML.open(sheets: [("Sheet1", sheet)], sharedStrings: strings)
    #expect(book.sharedStringCount == 6)
    #expect(
      text(try book.sheetText(0)) == "姓名\t手机\n张 三\t13812345678\n  李四  \n王五")
  }

  @Test func inlineStrings() throws {
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c>\
      <c r="B1" t="inlineStr"><is><r><t>地</t></r><r><rPr><i/></rPr><t>址</t></r></is></c></row>\
      <row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">11010119900307803X</t></is></c>\
      <c r="B2" t="inlineStr"><is><t>北京市东城区</t><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c></row>
      """)
    let book = try OOXML.open(sheets: [("人员", sheet)])
    #expect(book.sheetNames == ["人员"])
    #expect(text(try book.sheetText(0)) == "身份证号\t地址\n11010119900307803X\t北京市东城区")
  }

  @Test func numbersStayAsWritten() throws {
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1"><v>13812345678</v></c><c r="B1"><v>1.38123E+10</v></c>\
      <c r="C1" t="n"><v>0.1</v></c><c r="D1"><v>-5</v></c><c r="E1" s="7"><v>45292</v></c>\
      <c r="F1"><v>1E-3</v></c><c r="G1"><v>110101199003077777</v></c>\
      <c r="H1"><v>
        42
      </v></c></row>
      """)
    let book = try OOXML.open(sheets: [("n", sheet)])
    #expect(
      text(try book.sheetText(0))
        == "13812345678\t1.38123E+10\t0.1\t-5\t45292\t1E-3\t110101199003077777\t42")
  }

  @Test func missingCellsAndRowsKeepLineNumbers() throws {
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>\
      <c r="C1" t="inlineStr"><is><t>c</t></is></c></row>\
      <row r="2"><c r="B2"><v>2</v></c></row>\
      <row r="5" spans="1:5"><c r="E5"><v>5</v></c></row>\
      <row r="6"><c r="A6" s="1"/><c r="B6" s="1"/></row>\
      <row r="8" customHeight="1"/>\
      <row r="9"><c r="AA9"><v>27</v></c></row>
      """)
    let book = try OOXML.open(sheets: [("gaps", sheet)])
    let result = lines(try book.sheetText(0))
    #expect(result.count == 9)
    #expect(result[0] == "a\t\tc")
    #expect(result[1] == "\t2")
    #expect(result[2] == "" && result[3] == "")
    #expect(result[4] == "\t\t\t\t5")
    #expect(result[5] == "")  // styled but empty cells add nothing
    #expect(result[6] == "" && result[7] == "")
    #expect(result[8] == String(repeating: "\t", count: 26) + "27")
  }

  @Test func firstRowMissing() throws {
    let sheet = OOXML.worksheet("<row r=\"3\"><c r=\"B3\"><v>1</v></c></row>")
    let book = try OOXML.open(sheets: [("s", sheet)])
    #expect(text(try book.sheetText(0)) == "\n\n\t1")
  }

  @Test func rowsAndCellsWithoutReferencesFollowThePreviousOne() throws {
    let sheet = OOXML.worksheet(
      """
      <row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>\
      <row><c><v>7</v></c></row>\
      <row r="5"><c r="B5"><v>8</v></c><c><v>9</v></c></row>\
      <row><c r="C6"><v>10</v></c></row>
      """)
    let book = try OOXML.open(sheets: [("s", sheet)])
    #expect(text(try book.sheetText(0)) == "1\t2\t\t\t5\t6\n7\n\n\n\t8\t9\n\t\t10")
  }

  @Test func twoSheetsInWorkbookOrder() throws {
    // The relationships list the sheets in another order than the workbook; names follow
    // the workbook.
    var members = OOXML.package(sheets: [
      ("客户", OOXML.worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")),
      ("Orders", OOXML.worksheet("<row r=\"2\"><c r=\"B2\"><v>2</v></c></row>")),
    ])
    let workbook = """
      <workbook xmlns="\(OOXML.main)" xmlns:r="\(OOXML.rel)"><sheets>\
      <sheet name="Orders" sheetId="2" r:id="rId2"/>\
      <sheet name="客户" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>
      """
    members = members.map { $0.0 == "xl/workbook.xml" ? ($0.0, Array(workbook.utf8)) : $0 }
    let book = try OOXML.open(members)
    #expect(book.sheetNames == ["Orders", "客户"])
    #expect(book.sheetPaths == ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet1.xml"])
    #expect(text(try book.sheetText(0)) == "\n\t2")
    #expect(text(try book.sheetText(1)) == "1")
    #expect(throws: SpreadsheetError.noSuchSheet(index: 2, count: 2)) {
      try book.sheetText(2)
    }
  }

  @Test func chineseText() throws {
    let strings = OOXML.sharedStrings(plain: [
      "姓名", "身份证号", "手机号", "住址", "张伟", "广东省深圳市南山区科技园南区高新南七道１８号", "𠀋𡈽",
    ])
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
      <c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>\
      <row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="str"><v>440305199001011234</v></c>\
      <c r="C2"><v>13912345678</v></c><c r="D2" t="s"><v>5</v></c><c r="E2" t="s"><v>6</v></c></row>
      """)
    let book = try OOXML.open(sheets: [("通讯录", sheet)], sharedStrings: strings)
    #expect(book.sheetNames == ["通讯录"])
    #expect(
      text(try book.sheetText(0))
        == "姓名\t身份证号\t手机号\t住址\n张伟\t440305199001011234\t13912345678\t"
        + "广东省深圳市南山区科技园南区高新南七道１８号\t𠀋𡈽")
  }

  @Test func entitiesAndCDATA() throws {
    let strings = OOXML.sharedStrings([
      "<t>A&amp;B &lt;c&gt; &quot;q&quot; &apos;s&apos;</t>",
      "<t>&#20013;&#x6587;&#X4E2D; &#128512;</t>",
      "<t>&unknown; &amp &#xZZ; &#0; &</t>",
      "<t><![CDATA[<raw> & ]]></t>",
    ])
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
      <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c>\
      <c r="C2" t="inlineStr"><is><t>x &gt; y</t></is></c><c r="D2" t="str"><v>&lt;&gt;</v></c></row>
      """)
    let members = OOXML.package(
      sheets: [("R&D", sheet)],
      sharedStrings: strings)
    let book = try OOXML.open(members)
    #expect(book.sheetNames == ["R&D"])
    #expect(
      lines(try book.sheetText(0)) == [
        "A&B <c> \"q\" 's'\t中文中 😀",
        "&unknown; &amp &#xZZ; &#0; &\t<raw> & \tx > y\t<>",
      ])
  }

  @Test func tabsAndNewlinesInsideCellsBecomeSpaces() throws {
    let strings = OOXML.sharedStrings([
      "<t xml:space=\"preserve\">line one\nline two\r\nthree\tfour</t>",
      "<t>a&#10;b&#13;c&#9;d</t>",
      // OOXML's own escapes: _x000D_ is CR, _x0009_ TAB; _x005F_ keeps a literal "_x".
      "<t>e_x000D_\nf_x0009_g _x005F_x0041_ _x4E2D_</t>",
    ])
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
      <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>x\ty
      z</t></is></c></row>
      """)
    let book = try OOXML.open(sheets: [("s", sheet)], sharedStrings: strings)
    #expect(
      lines(try book.sheetText(0)) == [
        "line one line two  three four\ta b c d", "e  f g _x0041_ 中\tx y z",
      ])
  }

  @Test func booleansErrorsDatesAndFormulas() throws {
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>\
      <c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="d"><v>2024-01-01T00:00:00</v></c>\
      <c r="E1"><f>SUM(A2:A3)</f><v>3</v></c>\
      <c r="F1" t="str"><f>CONCATENATE("138","12345678")</f><v>13812345678</v></c>\
      <c r="G1"><f>A1</f></c>\
      <c r="H1" t="s"><f>never mind</f></c></row>
      """)
    let book = try OOXML.open(sheets: [("s", sheet)])
    #expect(
      text(try book.sheetText(0))
        == "TRUE\tFALSE\t#N/A\t2024-01-01T00:00:00\t3\t13812345678")
  }

  @Test func namespacePrefixesCommentsAndDeclarations() throws {
    let sheet = """
      \u{FEFF}<?xml version="1.0"?>
      <!DOCTYPE worksheet [ <!ENTITY e "x"> ]>
      <!-- a comment with <c> inside -->
      <x:worksheet xmlns:x="\(OOXML.main)"><x:sheetData>\
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c>\
      <?pi <c r="B1"><v>0</v></c> ?><x:c r='B1' t='n'><x:v>7</x:v></x:c></x:row>\
      </x:sheetData></x:worksheet>
      """
    let book = try OOXML.open(sheets: [("s", sheet)])
    #expect(text(try book.sheetText(0)) == "前缀\t7")
  }

  @Test func cellsOutOfOrderAndOverwritten() throws {
    let sheet = OOXML.worksheet(
      """
      <row r="3"><c r="B3"><v>32</v></c><c r="A3"><v>31</v></c></row>\
      <row r="1"><c r="A1"><v>old</v></c></row>\
      <row r="1"><c r="A1"><v>11</v></c></row>
      """)
    let book = try OOXML.open(sheets: [("s", sheet)])
    #expect(text(try book.sheetText(0)) == "11\n\n31\t32")
  }

  @Test func cellsOutsideSheetDataAreIgnored() throws {
    let sheet = """
      <worksheet xmlns="\(OOXML.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>\
      </sheetData><extLst><ext><c r="A2"><v>2</v></c></ext></extLst></worksheet>
      """
    let book = try OOXML.open(sheets: [("s", sheet)])
    #expect(text(try book.sheetText(0)) == "1")
  }

  @Test func emptyLineCapIsReported() throws {
    let sheet = OOXML.worksheet(
      """
      <row r="1"><c r="A1"><v>1</v></c></row><row r="50"><c r="A50"><v>50</v></c></row>\
      <row r="101"><c r="A101"><v>101</v></c></row>
      """)
    let book = try OOXML.open(sheets: [("far", sheet)])
    #expect(lines(try book.sheetText(0, maxEmptyLines: 98)).count == 101)
    #expect(throws: SpreadsheetError.tooManyEmptyRows(sheet: "far", row: 101, limit: 97)) {
      try book.sheetText(0, maxEmptyLines: 97)
    }
    // The default cap is Excel's row count: a value in the last row is still read.
    let last = OOXML.worksheet("<row r=\"1048576\"><c r=\"A1048576\"><v>9</v></c></row>")
    let lastBook = try OOXML.open(sheets: [("last", last)])
    let bytes = try lastBook.sheetText(0)
    #expect(bytes.count == 1_048_575 + 1)
    #expect(bytes.last == 0x39)
    // A forged row number far beyond it is refused.
    let forged = OOXML.worksheet("<row r=\"900000000\"><c r=\"A900000000\"><v>9</v></c></row>")
    #expect(throws: SpreadsheetError.self) {
      try OOXML.open(sheets: [("forged", forged)]).sheetText(0)
    }
  }

  @Test func emptyCellCapIsReported() throws {
    var data = ""
    for r in 1...10 { data += "<row r=\"\(r)\"><c r=\"XFD\(r)\"><v>\(r)</v></c></row>" }
    let book = try OOXML.open(sheets: [("wide", OOXML.worksheet(data))])
    let result = lines(try book.sheetText(0))
    #expect(result.count == 10)
    #expect(result[9] == String(repeating: "\t", count: 16_383) + "10")
    #expect(throws: SpreadsheetError.tooManyEmptyCells(sheet: "wide", row: 4, limit: 50_000)) {
      try book.sheetText(0, maxEmptyCells: 50_000)
    }
  }

  @Test func errorsNameThePartAndTheProblem() throws {
    // No workbook part.
    #expect(throws: SpreadsheetError.missingPart("xl/workbook.xml")) {
      try XLSXWorkbook(member: { _ in nil })
    }
    // The callback fails.
    struct Boom: Error, CustomStringConvertible { var description: String { "disk on fire" } }
    let failing = #expect(throws: SpreadsheetError.self) {
      try XLSXWorkbook(member: { _ in throw Boom() })
    }
    #expect(failing == .unreadablePart("_rels/.rels", cause: "disk on fire"))
    // A shared string index beyond the table.
    let sheet = OOXML.worksheet("<row r=\"1\"><c r=\"C7\" t=\"s\"><v>5</v></c></row>")
    let book = try OOXML.open(
      sheets: [("s", sheet)], sharedStrings: OOXML.sharedStrings(plain: ["a"]))
    let error = #expect(throws: SpreadsheetError.self) { try book.sheetText(0) }
    #expect(
      error?.description
        == "xl/worksheets/sheet1.xml: cell C7 refers to shared string 5, but the table has 1")
    // A column beyond XFD.
    let wide = OOXML.worksheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")
    let wideError = #expect(throws: SpreadsheetError.self) {
      try OOXML.open(sheets: [("s", wide)]).sheetText(0)
    }
    #expect(wideError?.description.contains("XFE1") == true)
    // A sheet whose part is missing: the others are still read.
    var members = OOXML.package(sheets: [
      ("a", OOXML.worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")),
      ("b", OOXML.worksheet("")),
    ])
    members.removeAll { $0.0 == "xl/worksheets/sheet2.xml" }
    let partial = try OOXML.open(members)
    #expect(text(try partial.sheetText(0)) == "1")
    #expect(throws: SpreadsheetError.missingPart("xl/worksheets/sheet2.xml")) {
      try partial.sheetText(1)
    }
  }

  @Test func packageRelationshipsAndAbsoluteTargets() throws {
    let members: [(String, [UInt8])] = [
      ("[Content_Types].xml", Array("<Types/>".utf8)),
      (
        "_rels/.rels",
        Array(
          """
          <Relationships><Relationship Id="x" Type="\(OOXML.rel)/officeDocument" \
          Target="/book/main.xml"/></Relationships>
          """.utf8)
      ),
      (
        "book/main.xml",
        Array(
          """
          <workbook xmlns:r="\(OOXML.rel)"><sheets><sheet name="One" r:id="a"/>\
          <sheet name="Chart" r:id="b"/><sheet name="Two" r:id="c"/></sheets></workbook>
          """.utf8)
      ),
      (
        "book/_rels/main.xml.rels",
        Array(
          """
          <Relationships>\
          <Relationship Id="a" Type="\(OOXML.rel)/worksheet" Target="/data/one%20sheet.xml"/>\
          <Relationship Id="b" Type="\(OOXML.rel)/chartsheet" Target="charts/c.xml"/>\
          <Relationship Id="c" Type="\(OOXML.rel)/worksheet" Target="./sub/../two.xml"/>\
          <Relationship Id="s" Type="\(OOXML.rel)/sharedStrings" Target="../strings.xml"/>\
          <Relationship Id="e" Type="\(OOXML.rel)/worksheet" Target="http://x/" TargetMode="External"/>\
          </Relationships>
          """.utf8)
      ),
      ("strings.xml", Array(OOXML.sharedStrings(plain: ["共享"]).utf8)),
      ("data/one sheet.xml", Array(OOXML.worksheet("<row><c t=\"s\"><v>0</v></c></row>").utf8)),
      ("book/two.xml", Array(OOXML.worksheet("<row><c><v>2</v></c></row>").utf8)),
    ]
    let book = try OOXML.open(members)
    #expect(book.sheetNames == ["One", "Chart", "Two"])
    #expect(book.sheetPaths == ["data/one sheet.xml", "book/charts/c.xml", "book/two.xml"])
    #expect(text(try book.sheetText(0)) == "共享")
    #expect(try book.sheetText(1).isEmpty)
    #expect(text(try book.sheetText(2)) == "2")
  }

  @Test func utf16Parts() throws {
    func utf16LE(_ s: String) -> [UInt8] {
      [0xFF, 0xFE] + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
    func utf16BE(_ s: String) -> [UInt8] {
      [0xFE, 0xFF] + s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
    var members = OOXML.package(
      sheets: [("表", OOXML.worksheet("<row><c t=\"s\"><v>0</v></c><c><v>1</v></c></row>"))],
      sharedStrings: OOXML.sharedStrings(plain: ["王芳𠀋"]))
    members = members.map { name, bytes in
      let s = String(decoding: bytes, as: UTF8.self)
      if name == "xl/sharedStrings.xml" { return (name, utf16LE(s)) }
      if name == "xl/worksheets/sheet1.xml" { return (name, utf16BE(s)) }
      return (name, bytes)
    }
    let book = try OOXML.open(members)
    #expect(text(try book.sheetText(0)) == "王芳𠀋\t1")
  }

  @Test func emptySheetAndEmptyWorkbook() throws {
    let book = try OOXML.open(sheets: [("empty", OOXML.worksheet(""))])
    #expect(try book.sheetText(0).isEmpty)
    let none = try OOXML.open(sheets: [])
    #expect(none.sheetNames.isEmpty)
  }

  @Test func detectsXLSXByMemberNames() {
    #expect(SpreadsheetKind.isXLSX(memberNames: ["[Content_Types].xml", "xl/workbook.xml"]))
    #expect(
      SpreadsheetKind.isXLSX(memberNames: OOXML.package(sheets: [("s", "")]).map(\.0)))
    #expect(SpreadsheetKind.isXLSX(memberNames: ["/[Content_Types].xml", "./xl/workbook.xml"]))
    #expect(!SpreadsheetKind.isXLSX(memberNames: ["[Content_Types].xml", "word/document.xml"]))
    #expect(!SpreadsheetKind.isXLSX(memberNames: ["xl/workbook.xml"]))
    #expect(!SpreadsheetKind.isXLSX(memberNames: ["[Content_Types].xml", "xl/workbook.bin"]))
  }

  @Test func largeSheetKeepsEveryRow() throws {
    var data = ""
    for r in 1...20_000 {
      data += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"s\"><v>\(r % 3)</v></c>"
      data += "<c r=\"B\(r)\"><v>\(13_800_000_000 + r)</v></c></row>"
    }
    let book = try OOXML.open(
      sheets: [("big", OOXML.worksheet(data))],
      sharedStrings: OOXML.sharedStrings(plain: ["甲", "乙", "丙"]))
    let result = lines(try book.sheetText(0))
    #expect(result.count == 20_000)
    #expect(result[0] == "乙\t13800000001")
    #expect(result[19_999] == "丙\t13800020000")
  }
}
