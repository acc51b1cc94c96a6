import PIIScanArchive
import PIIScanSheets

/// Redacts an .xlsx workbook: the cells that hold personal values are rewritten in their sheet
/// parts, and the rest of the package is copied.
///
/// The scan reads each sheet as text (``SheetText``: row N on line N, cells joined by TAB), and
/// its findings give byte ranges in that text. The text is redacted as any text is; the cells
/// whose text changed are then found by line and field, and each is written back into the sheet
/// part as an inline string (`<c r="B5" s="3" t="inlineStr"><is><t>张*</t></is></c>`), keeping
/// its reference and style; a formula in such a cell is dropped with its cached value. A shared
/// string that only rewritten cells used is emptied, so the original value is not left in
/// `sharedStrings.xml`. Parts the scan reads as text of their own (document properties,
/// comments…) are redacted as text; the package's structure is copied.
///
/// Not rewritten: cells without a reference (`r`) when one of them is to change (the copy is
/// refused), .xls workbooks, and anything the scan does not read.
final class WorkbookRewriter {
  typealias Part = (entry: ArchiveEntry, bytes: [UInt8])

  let parts: [Part]
  /// The workbook's own name as a member (nil for an input file).
  let member: String?
  let findings: FindingCollector
  let maker: ReplacementMaker
  private(set) var tally = RedactionTally()

  init(parts: [Part], member: String?, findings: FindingCollector, maker: ReplacementMaker) {
    self.parts = parts
    self.member = member
    self.findings = findings
    self.maker = maker
  }

  private func memberName(_ name: String) -> String {
    [member, name].compactMap { $0 }.joined(separator: "!")
  }

  /// The package's parts, rewritten; `text` redacts a part the scan read as a member of its
  /// own.
  func rewrite(text: (_ bytes: [UInt8], _ name: String) throws -> [UInt8]) throws -> [Part] {
    var read = Set<String>()
    let book: XLSXWorkbook
    do {
      book = try XLSXWorkbook(member: { name in
        read.insert(WorkbookParts.normalized(name))
        return part(name)?.bytes
      })
    } catch {
      throw RedactionError("the workbook \(member ?? "") cannot be read: \(error)")
    }
    var out = parts
    var cleared: Set<Int> = []
    var stillUsed: Set<Int> = []
    var sheetIndexes: [Int: Int] = [:]  // part index → sheet index
    for (sheet, path) in book.sheetPaths.enumerated() {
      if let index = index(of: path) { sheetIndexes[index] = sheet }
    }
    for (index, sheet) in sheetIndexes.sorted(by: { $0.value < $1.value }) {
      let name = book.sheetNames[sheet].isEmpty ? "sheet\(sheet + 1)" : book.sheetNames[sheet]
      let key = MemberKey(name: memberName(name), occurrence: 1)
      let edits = RedactionEdit.plan(findings.findings[key] ?? [])
      let original = try book.sheetText(sheet)
      var changed: [CellReference: String] = [:]
      if !edits.isEmpty {
        let (redacted, replaced) = try TextRewriter.rewrite(
          original, edits: edits, maker: maker, syntax: .plain)
        tally.add(replaced)
        changed = Self.changedCells(original: original, redacted: redacted)
      }
      let (xml, used, released) = try Self.rewriteSheet(
        parts[index].bytes, cells: changed, sheet: name)
      out[index].bytes = xml
      stillUsed.formUnion(used)
      cleared.formUnion(released)
    }
    // The shared strings no cell uses any more.
    let unused = cleared.subtracting(stillUsed)
    if !unused.isEmpty,
      let index = parts.indices.first(where: {
        WorkbookParts.normalized(parts[$0].entry.name).hasSuffix("sharedStrings.xml")
      })
    {
      out[index].bytes = Self.emptyStrings(parts[index].bytes, unused)
    }
    // The parts the scan read as members of their own.
    for index in parts.indices where parts[index].entry.kind == .file {
      let name = parts[index].entry.name
      if sheetIndexes[index] != nil || read.contains(WorkbookParts.normalized(name))
        || WorkbookParts.isStructure(name)
      {
        continue
      }
      out[index].bytes = try text(parts[index].bytes, memberName(name))
    }
    return out
  }

  private func index(of path: String) -> Int? {
    let wanted = WorkbookParts.normalized(path)
    return parts.indices.first { WorkbookParts.normalized(parts[$0].entry.name) == wanted }
  }

  private func part(_ name: String) -> Part? { index(of: name).map { parts[$0] } }

  /// A cell by row and column, both from 1.
  struct CellReference: Hashable {
    var row: Int
    var column: Int
  }

  /// The cells whose text differs between a sheet's text and its redacted text, with their new
  /// text (lines and fields line up: no replacement holds a TAB or a line break).
  static func changedCells(original: [UInt8], redacted: [UInt8]) -> [CellReference: String] {
    let before = original.split(separator: 0x0A, omittingEmptySubsequences: false)
    let after = redacted.split(separator: 0x0A, omittingEmptySubsequences: false)
    var changed: [CellReference: String] = [:]
    for (row, (old, new)) in zip(before, after).enumerated() where old != new {
      let oldCells = old.split(separator: 0x09, omittingEmptySubsequences: false)
      let newCells = new.split(separator: 0x09, omittingEmptySubsequences: false)
      for (column, (a, b)) in zip(oldCells, newCells).enumerated() where a != b {
        let bytes = Array(b)
        let text =
          String(validating: bytes, as: UTF8.self) ?? StoredEncoding.gb18030.decode(bytes)
          ?? String(repeating: "*", count: Swift.max(1, bytes.count))
        changed[CellReference(row: row + 1, column: column + 1)] = text
      }
    }
    return changed
  }

  /// The sheet part with `cells` written as inline strings; the shared strings the other cells
  /// use, and those the rewritten cells used.
  static func rewriteSheet(_ xml: [UInt8], cells: [CellReference: String], sheet: String) throws
    -> (xml: [UInt8], used: Set<Int>, released: Set<Int>)
  {
    var out: [UInt8] = []
    out.reserveCapacity(xml.count + cells.count * 32)
    var used: Set<Int> = []
    var released: Set<Int> = []
    var done = 0
    var row = 0
    var column = 0
    var index = 0
    while let open = xml[index...].firstIndex(of: 0x3C) {  // <
      guard let close = tagEnd(xml, from: open) else { break }
      let tag = xml[open...close]
      if isStart(tag, named: "row") {
        row = attribute("r", in: tag).flatMap { Int($0) } ?? row + 1
        column = 0
        index = close + 1
        continue
      }
      guard isStart(tag, named: "c") else {
        index = close + 1
        continue
      }
      let selfClosing = xml[close - 1] == 0x2F  // />
      var end = close
      if !selfClosing {
        guard let closing = find(Array("</c>".utf8), in: xml, from: close + 1) else {
          throw RedactionError("sheet \(sheet): a cell is not closed")
        }
        end = closing + 3
      }
      let reference = attribute("r", in: tag)
      if let reference, let position = cellPosition(reference) {
        row = position.row
        column = position.column
      } else {
        column += 1
      }
      let position = CellReference(row: row, column: column)
      let type = attribute("t", in: tag)
      let sharedIndex =
        type == "s" && !selfClosing ? valueText(xml[(close + 1)..<end]).flatMap { Int($0) } : nil
      if let text = cells[position] {
        guard let reference else {
          throw RedactionError(
            "sheet \(sheet): a cell to rewrite (row \(row), column \(column)) has no reference")
        }
        out += xml[done..<open]
        var cell = "<c r=\"\(reference)\""
        if let style = attribute("s", in: tag) { cell += " s=\"\(style)\"" }
        cell += " t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
        out += Array(cell.utf8)
        done = end + 1
        if let sharedIndex { released.insert(sharedIndex) }
      } else if let sharedIndex {
        used.insert(sharedIndex)
      }
      index = end + 1
    }
    out += xml[done...]
    return (out, used, released)
  }

  /// The shared-string part with the strings at `indexes` emptied (`<si><t/></si>`).
  static func emptyStrings(_ xml: [UInt8], _ indexes: Set<Int>) -> [UInt8] {
    var out: [UInt8] = []
    var done = 0
    var index = 0
    var position = -1
    while let open = xml[index...].firstIndex(of: 0x3C), let close = tagEnd(xml, from: open) {
      let tag = xml[open...close]
      index = close + 1
      guard isStart(tag, named: "si") else { continue }
      position += 1
      guard indexes.contains(position) else { continue }
      if xml[close - 1] == 0x2F { continue }  // <si/> is empty already
      guard let end = find(Array("</si>".utf8), in: xml, from: close + 1) else { break }
      out += xml[done..<open]
      out += Array("<si><t/></si>".utf8)
      done = end + 5
      index = done
    }
    out += xml[done...]
    return out
  }

  // MARK: XML pieces

  /// The index of the `>` that ends the tag starting at `open` (quotes respected).
  static func tagEnd(_ xml: [UInt8], from open: Int) -> Int? {
    var quote: UInt8?
    var index = open + 1
    while index < xml.count {
      let byte = xml[index]
      if let q = quote {
        if byte == q { quote = nil }
      } else if byte == 0x22 || byte == 0x27 {
        quote = byte
      } else if byte == 0x3E {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Whether `tag` is a start tag of element `name` (no prefix: SpreadsheetML's default
  /// namespace).
  static func isStart(_ tag: ArraySlice<UInt8>, named name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard tag.count > bytes.count + 1, tag.dropFirst().starts(with: bytes) else { return false }
    let next = tag[tag.startIndex + 1 + bytes.count]
    return next == 0x20 || next == 0x3E || next == 0x2F || next == 0x09 || next == 0x0A
      || next == 0x0D
  }

  /// An attribute's value in a start tag.
  static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
    let needle = Array(" \(name)=".utf8)
    var index = tag.startIndex
    while let found = find(needle, in: tag, from: index) {
      let quoteIndex = found + needle.count
      guard quoteIndex < tag.endIndex else { return nil }
      let quote = tag[quoteIndex]
      guard quote == 0x22 || quote == 0x27,
        let end = tag[(quoteIndex + 1)...].firstIndex(of: quote)
      else { return nil }
      return String(decoding: tag[(quoteIndex + 1)..<end], as: UTF8.self)
    }
    return nil
  }

  /// The text of the `<v>` element in a cell's content.
  static func valueText(_ content: ArraySlice<UInt8>) -> String? {
    guard let open = find(Array("<v>".utf8), in: content, from: content.startIndex),
      let close = find(Array("</v>".utf8), in: content, from: open + 3)
    else { return nil }
    return String(decoding: content[(open + 3)..<close], as: UTF8.self)
  }

  /// Row and column of a reference such as `AB12`.
  static func cellPosition(_ reference: String) -> CellReference? {
    var column = 0
    var digits = ""
    for character in reference.uppercased() {
      if let ascii = character.asciiValue, (0x41...0x5A).contains(ascii), digits.isEmpty {
        column = column * 26 + Int(ascii - 0x40)
      } else if character.isASCII && character.isNumber {
        digits.append(character)
      } else if character != "$" {
        return nil
      }
    }
    guard column > 0, let row = Int(digits) else { return nil }
    return CellReference(row: row, column: column)
  }

  static func find<C: Collection>(_ needle: [UInt8], in haystack: C, from start: C.Index)
    -> C.Index? where C.Element == UInt8, C.Index == Int
  {
    guard !needle.isEmpty else { return start }
    var index = start
    while index + needle.count <= haystack.endIndex {
      if haystack[index] == needle[0]
        && haystack[index..<(index + needle.count)].elementsEqual(needle)
      {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Text for XML character data: `&`, `<` and `>` escaped, and the characters XML 1.0 does not
  /// allow (C0 controls other than TAB, LF and CR) written as a space.
  static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(scalar.value < 0x20 ? " " : scalar)
      }
    }
    return out
  }
}
