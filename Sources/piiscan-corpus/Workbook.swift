// A minimal OOXML workbook writer (.xlsx): sheets of cells as shared strings, inline
// strings or numbers, packed in a zip of STORED (uncompressed) entries with CRC-32 and
// fixed timestamps, so the same cells always give the same bytes. Written here to keep
// the generator free of dependencies.

/// One cell of a sheet: its text, how it is stored, and what it plants.
struct SheetCell {
  enum Storage { case shared, inline, number }
  var text: String
  var storage: Storage
  var planted: Planted?
  var decoy: DecoyFactory.Kind?

  static func text(_ s: String, inline: Bool = false) -> SheetCell {
    SheetCell(text: s, storage: inline ? .inline : .shared, planted: nil, decoy: nil)
  }
  static func pi(_ p: Planted, inline: Bool = false, number: Bool = false) -> SheetCell {
    SheetCell(
      text: p.written, storage: number ? .number : (inline ? .inline : .shared), planted: p,
      decoy: nil)
  }
  static func decoy(_ s: String, _ kind: DecoyFactory.Kind) -> SheetCell {
    SheetCell(text: s, storage: .shared, planted: nil, decoy: kind)
  }
}

struct Sheet {
  var name: String
  /// Row 1 first; `nil` cells are left out (empty).
  var rows: [[SheetCell?]]
}

enum Workbook {
  /// The .xlsx bytes of `sheets`, and the labels and decoys of their planted cells
  /// (`member` = sheet name, `line` = row, `column` = column index, A = 1).
  static func build(path: String, sheets: [Sheet]) -> (
    bytes: [UInt8], labels: [Label], decoys: [DecoyLabel]
  ) {
    var shared: [String] = []
    var sharedIndex: [String: Int] = [:]
    var sharedCount = 0
    var labels: [Label] = []
    var decoys: [DecoyLabel] = []
    var sheetXML: [String] = []
    for sheet in sheets {
      var xml =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
      let width = sheet.rows.map(\.count).max() ?? 1
      xml += "<dimension ref=\"A1:\(columnName(width))\(sheet.rows.count)\"/><sheetData>"
      for (r, row) in sheet.rows.enumerated() {
        let rowNumber = r + 1
        xml += "<row r=\"\(rowNumber)\">"
        for (c, cell) in row.enumerated() {
          guard let cell, !cell.text.isEmpty else { continue }
          let ref = columnName(c + 1) + String(rowNumber)
          switch cell.storage {
          case .shared:
            let index: Int
            if let known = sharedIndex[cell.text] {
              index = known
            } else {
              index = shared.count
              sharedIndex[cell.text] = index
              shared.append(cell.text)
            }
            sharedCount += 1
            xml += "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>"
          case .inline:
            xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escape(cell.text))</t></is></c>"
          case .number:
            xml += "<c r=\"\(ref)\"><v>\(cell.text)</v></c>"
          }
          if let p = cell.planted {
            labels.append(
              Label(
                path: path, member: sheet.name, line: rowNumber, column: c + 1,
                category: p.category.rawValue, value: p.value, valid: p.valid,
                reason: p.reason?.rawValue))
            for record in p.also {
              labels.append(
                Label(
                  path: path, member: sheet.name, line: rowNumber, column: c + 1,
                  category: record.rawValue, value: p.written, valid: true, reason: nil))
            }
          }
          if let kind = cell.decoy {
            decoys.append(
              DecoyLabel(
                path: path, member: sheet.name, line: rowNumber, column: c + 1,
                kind: kind.rawValue, text: cell.text))
          }
        }
        xml += "</row>"
      }
      xml += "</sheetData></worksheet>"
      sheetXML.append(xml)
    }
    var strings =
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
      + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(sharedCount)\" uniqueCount=\"\(shared.count)\">"
    for s in shared { strings += "<si><t>\(escape(s))</t></si>" }
    strings += "</sst>"

    let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    var contentTypes =
      declaration
      + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
      + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
      + #"<Default Extension="xml" ContentType="application/xml"/>"#
      + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
    for i in sheets.indices {
      contentTypes +=
        "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    contentTypes +=
      #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
      + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
      + "</Types>"
    let rootRels =
      declaration
      + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
      + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
      + "</Relationships>"
    var workbook =
      declaration
      + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
    var workbookRels =
      declaration
      + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for (i, sheet) in sheets.enumerated() {
      workbook +=
        "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
      workbookRels +=
        "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    workbook += "</sheets></workbook>"
    let n = sheets.count
    workbookRels +=
      "<Relationship Id=\"rId\(n + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      + "<Relationship Id=\"rId\(n + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
      + "</Relationships>"
    let styles =
      declaration
      + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
      + #"<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>"#
      + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
      + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
      + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
      + #"<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>"#
      + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
      + "</styleSheet>"

    var zip = StoredZip()
    zip.add("[Content_Types].xml", contentTypes)
    zip.add("_rels/.rels", rootRels)
    zip.add("xl/workbook.xml", workbook)
    zip.add("xl/_rels/workbook.xml.rels", workbookRels)
    for (i, xml) in sheetXML.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", xml) }
    zip.add("xl/sharedStrings.xml", strings)
    zip.add("xl/styles.xml", styles)
    return (zip.finish(), labels, decoys)
  }

  /// `A`, `B`, … `Z`, `AA`, … for a 1-based column index.
  static func columnName(_ index: Int) -> String {
    var n = index
    var out: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      out.insert(Character(UnicodeScalar(UInt8(65 + r))), at: 0)
      n = (n - 1) / 26
    }
    return String(out)
  }

  /// XML text and attribute escaping.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}

/// A zip archive of STORED entries (PKWARE APPNOTE 4.3: local headers, central
/// directory, end record), every entry dated 2026-11-29 00:00:00.
struct StoredZip {
  private var bytes: [UInt8] = []
  private var central: [UInt8] = []
  private var count = 0
  /// MS-DOS date: (year - 1980) << 9 | month << 5 | day; time 00:00:00.
  private static let dosDate = UInt16((2026 - 1980) << 9 | 11 << 5 | 29)
  private static let dosTime: UInt16 = 0

  mutating func add(_ name: String, _ text: String) {
    let data = Array(text.utf8)
    let nameBytes = Array(name.utf8)
    let crc = CRC32.checksum(data)
    let offset = UInt32(bytes.count)
    // Local file header.
    append32(&bytes, 0x0403_4B50)
    append16(&bytes, 20)  // version needed: 2.0
    append16(&bytes, 0)  // flags
    append16(&bytes, 0)  // method: stored
    append16(&bytes, StoredZip.dosTime)
    append16(&bytes, StoredZip.dosDate)
    append32(&bytes, crc)
    append32(&bytes, UInt32(data.count))
    append32(&bytes, UInt32(data.count))
    append16(&bytes, UInt16(nameBytes.count))
    append16(&bytes, 0)  // extra length
    bytes += nameBytes
    bytes += data
    // Central directory record.
    append32(&central, 0x0201_4B50)
    append16(&central, 20)  // version made by: 2.0, MS-DOS attributes
    append16(&central, 20)
    append16(&central, 0)
    append16(&central, 0)
    append16(&central, StoredZip.dosTime)
    append16(&central, StoredZip.dosDate)
    append32(&central, crc)
    append32(&central, UInt32(data.count))
    append32(&central, UInt32(data.count))
    append16(&central, UInt16(nameBytes.count))
    append16(&central, 0)  // extra length
    append16(&central, 0)  // comment length
    append16(&central, 0)  // disk number
    append16(&central, 0)  // internal attributes
    append32(&central, 0)  // external attributes
    append32(&central, offset)
    central += nameBytes
    count += 1
  }

  func finish() -> [UInt8] {
    var out = bytes
    let centralOffset = UInt32(out.count)
    out += central
    append32(&out, 0x0605_4B50)
    append16(&out, 0)
    append16(&out, 0)
    append16(&out, UInt16(count))
    append16(&out, UInt16(count))
    append32(&out, UInt32(central.count))
    append32(&out, centralOffset)
    append16(&out, 0)  // comment length
    return out
  }

}

/// Little-endian integers, as zip writes them.
private func append16(_ out: inout [UInt8], _ v: UInt16) {
  out.append(UInt8(v & 0xFF))
  out.append(UInt8(v >> 8))
}

private func append32(_ out: inout [UInt8], _ v: UInt32) {
  for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
}

/// CRC-32 (ISO-HDLC: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF),
/// as zip uses it.
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ data: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
