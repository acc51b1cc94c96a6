@testable import PIIScanSheets

// Test support: minimal SpreadsheetML packages written by hand, zipped with StoredZip and read
// back through a member callback.

enum OOXML {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// A worksheet part around `sheetData` (the content of `<sheetData>`).
  static func worksheet(_ sheetData: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <worksheet xmlns="\(main)" xmlns:r="\(rel)"><dimension ref="A1"/>\
    <sheetViews><sheetView workbookViewId="0"/></sheetViews>\
    <sheetData>\(sheetData)</sheetData><pageMargins left="0.7" right="0.7"/></worksheet>
    """
  }

  /// A shared-string part with these `<si>` items (raw XML of each item's content).
  static func sharedStrings(_ items: [String]) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <sst xmlns="\(main)" count="\(items.count)" uniqueCount="\(items.count)">\
    \(items.map { "<si>\($0)</si>" }.joined())</sst>
    """
  }

  /// A shared-string part of plain strings.
  static func sharedStrings(plain strings: [String]) -> String {
    sharedStrings(strings.map { "<t>\(escape($0))</t>" })
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// The members of a package with these sheets (name, worksheet XML) and shared strings.
  static func package(
    sheets: [(String, String)], sharedStrings: String? = nil
  ) -> [(String, [UInt8])] {
    var members: [(String, [UInt8])] = []
    func add(_ name: String, _ text: String) { members.append((name, Array(text.utf8))) }
    var overrides = ""
    for k in sheets.indices {
      overrides +=
        "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    add(
      "[Content_Types].xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      \(overrides)</Types>
      """)
    add(
      "_rels/.rels",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/>\
      </Relationships>
      """)
    var sheetList = ""
    var relList = ""
    for (k, sheet) in sheets.enumerated() {
      sheetList += "<sheet name=\"\(escape(sheet.0))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
      relList +=
        "<Relationship Id=\"rId\(k + 1)\" Type=\"\(rel)/worksheet\" "
        + "Target=\"worksheets/sheet\(k + 1).xml\"/>"
    }
    if sharedStrings != nil {
      relList +=
        "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(rel)/sharedStrings\" "
        + "Target=\"sharedStrings.xml\"/>"
    }
    add(
      "xl/workbook.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="\(main)" xmlns:r="\(rel)"><bookViews><workbookView/></bookViews>\
      <sheets>\(sheetList)</sheets></workbook>
      """)
    add(
      "xl/_rels/workbook.xml.rels",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      \(relList)</Relationships>
      """)
    for (k, sheet) in sheets.enumerated() { add("xl/worksheets/sheet\(k + 1).xml", sheet.1) }
    if let sharedStrings { add("xl/sharedStrings.xml", sharedStrings) }
    return members
  }

  /// Zips the members, unzips them, and opens the workbook through a member callback.
  static func open(_ members: [(String, [UInt8])]) throws -> XLSXWorkbook {
    let unzipped = try StoredZip.read(StoredZip.write(members))
    return try XLSXWorkbook(member: { unzipped[$0] })
  }

  static func open(sheets: [(String, String)], sharedStrings: String? = nil) throws
    -> XLSXWorkbook
  {
    try open(package(sheets: sheets, sharedStrings: sharedStrings))
  }
}

/// The text of a sheet as a string, and its lines.
func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

func lines(_ bytes: [UInt8]) -> [String] {
  text(bytes).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
