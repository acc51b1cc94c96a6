import Foundation
import Testing

/// A spreadsheet export gives what the same rows as CSV give: each sheet is scanned as a
/// member named after it, row N on line N, its first row naming the columns.
@Suite struct SpreadsheetTests {
  static let original = "samples/data/csv/members_pinyin.csv"

  /// The cells of a CSV text (quoted cells may hold commas and doubled quotes).
  static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
      var cells: [String] = []
      var cell = ""
      var quoted = false
      var chars = Array(line.replacingOccurrences(of: "\r", with: ""))
      var i = 0
      while i < chars.count {
        let c = chars[i]
        if quoted {
          if c == "\"" && i + 1 < chars.count && chars[i + 1] == "\"" {
            cell.append("\"")
            i += 1
          } else if c == "\"" {
            quoted = false
          } else {
            cell.append(c)
          }
        } else if c == "\"" {
          quoted = true
        } else if c == "," {
          cells.append(cell)
          cell = ""
        } else {
          cell.append(c)
        }
        i += 1
      }
      cells.append(cell)
      chars = []
      rows.append(cells)
    }
    return rows
  }

  static func escaped(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// Column letters of a zero-based index: 0 → A, 26 → AA.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var name = ""
    while n > 0 {
      let r = (n - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + r))) + name
      n = (n - 1) / 26
    }
    return name
  }

  /// The rows as a minimal .xlsx: inline strings on a sheet named `sheet`, plus a second empty
  /// sheet; digits-only cells stored as numbers, as a spreadsheet would keep them.
  static func writeWorkbook(_ rows: [[String]], sheet: String, to directory: URL) throws {
    func write(_ path: String, _ text: String) throws {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try write(
      "[Content_Types].xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
      <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
      </Types>
      """)
    try write(
      "_rels/.rels",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
      </Relationships>
      """)
    try write(
      "xl/workbook.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
      <sheet name="\(escaped(sheet))" sheetId="1" r:id="rId1"/><sheet name="空白" sheetId="2" r:id="rId2"/>\
      </sheets></workbook>
      """)
    try write(
      "xl/_rels/workbook.xml.rels",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
      </Relationships>
      """)
    var data = ""
    for (r, row) in rows.enumerated() {
      data += "<row r=\"\(r + 1)\">"
      for (c, value) in row.enumerated() where !value.isEmpty {
        let ref = "\(columnName(c))\(r + 1)"
        // Up to 15 digits is what a spreadsheet keeps exactly as a number.
        if value.count <= 15, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber),
          value.first != "0"
        {
          data += "<c r=\"\(ref)\"><v>\(value)</v></c>"
        } else {
          data += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escaped(value))</t></is></c>"
        }
      }
      data += "</row>"
    }
    let sheetXML = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      """
    try write("xl/worksheets/sheet1.xml", sheetXML + data + "</sheetData></worksheet>")
    try write("xl/worksheets/sheet2.xml", sheetXML + "</sheetData></worksheet>")
  }

  /// "category value line" of each finding, and the members named.
  static func findings(_ path: String) throws -> (keys: [String], members: Set<String>) {
    let result = try Binary.run([
      "scan", "--format", "jsonl", "--reveal", "--as-of", "2026-11-29", path,
    ])
    var keys: [String] = []
    var members = Set<String>()
    for line in result.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      guard let category = object["category"] as? String else { continue }
      keys.append("\(category) \(object["value"]!) \(object["line"]!)")
      if let member = object["member"] as? String { members.insert(member) }
    }
    return (keys, members)
  }

  @Test func anXLSXGivesTheFindingsOfTheSameRowsAsCSV() throws {
    let text = try String(
      contentsOf: Binary.packageRoot.appendingPathComponent(Self.original), encoding: .utf8)
    let rows = Self.rows(text)
    #expect(rows.count > 50)
    let directory = try Binary.temporaryDirectory("xlsx")
    let parts = directory.appendingPathComponent("parts")
    try Self.writeWorkbook(rows, sheet: "会员", to: parts)
    try InputFormsTests.shell("zip -q -X -r ../book.xlsx '[Content_Types].xml' _rels xl", in: parts)
    let book = directory.appendingPathComponent("book.xlsx").path

    let csv = try Self.findings(Binary.packageRoot.appendingPathComponent(Self.original).path)
    let xlsx = try Self.findings(book)
    #expect(xlsx.members == ["会员"])
    #expect(csv.keys.count > 500)
    #expect(xlsx.keys == csv.keys)
    for (got, want) in zip(xlsx.keys, csv.keys) where got != want {
      Issue.record("first difference: got \(got), want \(want)")
      break
    }

    // Columns are cells: the ID number (sfzh) is in the 7th column, G.
    let run = try Binary.run(["scan", "--format", "jsonl", "--only", "cn_resident_id", book])
    let first =
      try JSONSerialization.jsonObject(with: Data(run.stdout.split(separator: "\n")[0].utf8))
      as! [String: Any]
    #expect(first["column"] as? Int == 7)

    // The same workbook inside a zip, and read from standard input.
    try InputFormsTests.shell("zip -q outer.zip book.xlsx", in: directory)
    let nested = try Self.findings(directory.appendingPathComponent("outer.zip").path)
    #expect(nested.keys == csv.keys)
    #expect(nested.members == ["book.xlsx!会员"])
    let piped = try Binary.run(
      ["scan", "--format", "jsonl", "--reveal", "--as-of", "2026-11-29", "-"],
      input: try Data(contentsOf: URL(fileURLWithPath: book)))
    #expect(piped.stdout.split(separator: "\n").count == csv.keys.count)
    #expect(piped.stdout.contains("\"path\":\"<stdin>\",\"member\":\"会员\""))
  }

  @Test func anXLSGivesTheFindingsOfTheSameRowsAsCSV() throws {
    let text = try String(
      contentsOf: Binary.packageRoot.appendingPathComponent(Self.original), encoding: .utf8)
    // The fixture holds the header and the first 30 records.
    let head =
      text.split(separator: "\n", omittingEmptySubsequences: false).prefix(31).joined(
        separator: "\n") + "\n"
    let directory = try Binary.temporaryDirectory("xls")
    let csvPath = directory.appendingPathComponent("head.csv")
    try head.write(to: csvPath, atomically: true, encoding: .utf8)
    let csv = try Self.findings(csvPath.path)
    let xls = try Self.findings(
      Binary.packageRoot.appendingPathComponent("Tests/PIIScanEndToEndTests/Fixtures/members.xls")
        .path)
    #expect(csv.keys.count > 300)
    #expect(xls.members == ["会员"])
    #expect(xls.keys == csv.keys)
    for (got, want) in zip(xls.keys, csv.keys) where got != want {
      Issue.record("first difference: got \(got), want \(want)")
      break
    }
  }

  @Test func aMissingSheetIsNamedAndTheOtherPartsAreStillScanned() throws {
    let directory = try Binary.temporaryDirectory("xlsx-broken")
    let parts = directory.appendingPathComponent("parts")
    try Self.writeWorkbook([["姓名", "手机号"], ["张伟", "13912345670"]], sheet: "客户", to: parts)
    // A sheet the workbook names but the package lacks, and a part no sheet refers to (a
    // comment, say): the sheet is named as unread; the part is scanned as it is.
    try FileManager.default.removeItem(at: parts.appendingPathComponent("xl/worksheets/sheet1.xml"))
    try "<comment>客户手机 13912345670</comment>".write(
      to: parts.appendingPathComponent("xl/comments1.xml"), atomically: true, encoding: .utf8)
    try InputFormsTests.shell("zip -q -X -r ../book.xlsx '[Content_Types].xml' _rels xl", in: parts)
    let result = try Binary.run([
      "scan", "--format", "jsonl", directory.appendingPathComponent("book.xlsx").path,
    ])
    #expect(result.status == 2, "an unread sheet is an error")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains { $0.contains("\"member\":\"客户\"") && $0.contains("\"notice\":\"corrupt\"") })
    #expect(
      lines.contains {
        $0.contains("\"member\":\"xl/comments1.xml\"") && $0.contains("\"category\":\"cn_mobile\"")
      })
    // Structure parts (styles, relationships, content types) are not reported as members.
    #expect(!result.stdout.contains(".rels"))
  }

  @Test func aZipThatIsNoWorkbookIsScannedPartByPart() throws {
    let directory = try Binary.temporaryDirectory("xlsx-not")
    let parts = directory.appendingPathComponent("parts")
    try FileManager.default.createDirectory(
      at: parts.appendingPathComponent("xl"), withIntermediateDirectories: true)
    try "手机 13912345670\n".write(
      to: parts.appendingPathComponent("xl/notes.txt"), atomically: true, encoding: .utf8)
    try "邮箱 zhang.wei@example.cn\n".write(
      to: parts.appendingPathComponent("readme.txt"), atomically: true, encoding: .utf8)
    try InputFormsTests.shell("zip -q -X -r ../f.zip readme.txt xl", in: parts)
    let result = try Binary.run([
      "scan", "--format", "jsonl", directory.appendingPathComponent("f.zip").path,
    ])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines.first?.contains("\"member\":\"readme.txt\"") == true)
    #expect(lines.last?.contains("\"member\":\"xl/notes.txt\"") == true)
  }
}
