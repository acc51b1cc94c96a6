/// An .xlsx (OOXML SpreadsheetML) workbook, read through a callback that returns the bytes of
/// the package's zip members. Also reads .xlsm, .xltx and .xltm, which share the layout.
///
/// Reads `_rels/.rels` (to find the workbook part, `xl/workbook.xml` when it is absent), the
/// workbook (sheet names and relationship ids, in workbook order, hidden sheets included), its
/// relationships (`xl/_rels/workbook.xml.rels`: each sheet's part), the shared strings
/// (`xl/sharedStrings.xml`, rich-text runs concatenated, phonetic runs left out) and every
/// sheet part. The callback is not kept: every part is read during `init`.
public struct XLSXWorkbook: Sendable {
  /// The sheets' names, in workbook order.
  public let sheetNames: [String]
  /// The zip member that holds each sheet (`xl/worksheets/sheet1.xml` …), in workbook order.
  public let sheetPaths: [String]

  private enum Kind: Sendable { case worksheet, chartsheet }
  private let kinds: [Kind]
  /// Each sheet part's bytes as UTF-8, or nil when the member is missing.
  private let parts: [[UInt8]?]
  private let strings: StringTable

  /// Reads the workbook. `member(path)` returns the bytes of the zip member at `path` (no
  /// leading slash, e.g. `xl/workbook.xml`) or nil when the package has no such member.
  public init(member: (String) throws -> [UInt8]?) throws {
    func read(_ path: String) throws -> [UInt8]? {
      let bytes: [UInt8]?
      do {
        bytes = try member(path)
      } catch {
        throw SpreadsheetError.unreadablePart(path, cause: "\(error)")
      }
      return bytes.map(XMLText.utf8)
    }

    // The workbook part, from the package relationships when there are any.
    var workbookPath = "xl/workbook.xml"
    if let rootRels = try read("_rels/.rels") {
      for rel in Relationships.parse(rootRels)
      where rel.type.hasSuffix("/officeDocument") && !rel.external {
        workbookPath = PartPath.resolve(rel.target, from: "")
        break
      }
    }
    var workbookPart = try read(workbookPath)
    if workbookPart == nil && workbookPath != "xl/workbook.xml" {
      // A relationship that points nowhere: the usual path.
      workbookPart = try read("xl/workbook.xml")
      if workbookPart != nil { workbookPath = "xl/workbook.xml" }
    }
    guard let workbook = workbookPart else { throw SpreadsheetError.missingPart(workbookPath) }
    let declared = Self.parseSheets(workbook)
    let workbookDir = PartPath.directory(of: workbookPath)
    let relsPath =
      (workbookDir.isEmpty ? "" : workbookDir + "/") + "_rels/"
      + PartPath.fileName(of: workbookPath) + ".rels"
    let rels = try read(relsPath).map(Relationships.parse) ?? []
    var byId: [String: Relationships.Relationship] = [:]
    for rel in rels where byId[rel.id] == nil { byId[rel.id] = rel }

    // Shared strings: the related part, else the usual path.
    var stringsPath = (workbookDir.isEmpty ? "" : workbookDir + "/") + "sharedStrings.xml"
    if let rel = rels.first(where: { $0.type.hasSuffix("/sharedStrings") && !$0.external }) {
      stringsPath = PartPath.resolve(rel.target, from: workbookDir)
    }
    if let sst = try read(stringsPath) {
      strings = Self.parseSharedStrings(sst)
    } else {
      strings = StringTable()
    }

    var names: [String] = []
    var paths: [String] = []
    var kinds: [Kind] = []
    var parts: [[UInt8]?] = []
    for (position, sheet) in declared.enumerated() {
      let path: String
      var kind = Kind.worksheet
      if let id = sheet.relationshipId, let rel = byId[id], !rel.external {
        path = PartPath.resolve(rel.target, from: workbookDir)
        if rel.type.hasSuffix("/chartsheet") { kind = .chartsheet }
      } else {
        // No relationship (a package written without one): the usual name.
        path =
          (workbookDir.isEmpty ? "" : workbookDir + "/") + "worksheets/sheet\(position + 1).xml"
      }
      names.append(sheet.name)
      paths.append(path)
      kinds.append(kind)
      parts.append(kind == .worksheet ? try read(path) : [])
    }
    sheetNames = names
    sheetPaths = paths
    self.kinds = kinds
    self.parts = parts
  }

  /// The number of distinct strings in the shared-string table.
  public var sharedStringCount: Int { strings.count }

  /// The sheet's text (see ``SheetText``): cells joined by TAB, rows by LF, row N on line N.
  /// Values are shared strings, inline strings, `TRUE`/`FALSE` for booleans, error values such
  /// as `#N/A`, and numbers and dates exactly as written in the part (`13812345678`,
  /// `1.38123E+10`, a date's serial number); a formula gives its cached value. A chart sheet
  /// has no cells and gives empty text. Throws ``SpreadsheetError/tooManyEmptyRows(sheet:row:limit:)``
  /// or ``SpreadsheetError/tooManyEmptyCells(sheet:row:limit:)`` past the safety caps.
  public func sheetText(
    _ index: Int, maxEmptyLines: Int = SheetText.defaultMaxEmptyLines,
    maxEmptyCells: Int = SheetText.defaultMaxEmptyCells
  ) throws -> [UInt8] {
    guard index >= 0 && index < parts.count else {
      throw SpreadsheetError.noSuchSheet(index: index, count: parts.count)
    }
    if kinds[index] == .chartsheet { return [] }
    guard let part = parts[index] else { throw SpreadsheetError.missingPart(sheetPaths[index]) }
    var builder = SheetTextBuilder()
    try part.withUnsafeBufferPointer { xml in
      try XLSXSheetParser.parse(
        xml, part: sheetPaths[index], sharedStrings: strings.count, into: &builder)
    }
    return try builder.text(
      strings: strings, sheet: sheetNames[index], maxEmptyLines: maxEmptyLines,
      maxEmptyCells: maxEmptyCells)
  }

  // MARK: Workbook and shared strings

  private struct DeclaredSheet {
    var name: String
    var relationshipId: String?
  }

  private static func parseSheets(_ xml: [UInt8]) -> [DeclaredSheet] {
    xml.withUnsafeBufferPointer { buffer in
      var scanner = XMLScanner(buffer)
      var sheets: [DeclaredSheet] = []
      var inSheets = false
      loop: while true {
        switch scanner.next() {
        case .end:
          break loop
        case .startTag(let name, let attributes, let selfClosing):
          if scanner.equals(name, "sheets") {
            inSheets = !selfClosing
          } else if inSheets && scanner.equals(name, "sheet") {
            sheets.append(
              DeclaredSheet(
                name: scanner.string("name", in: attributes) ?? "Sheet\(sheets.count + 1)",
                relationshipId: scanner.string("id", in: attributes)))
          }
        case .endTag(let name):
          if scanner.equals(name, "sheets") { inSheets = false }
        case .text, .cdata:
          break
        }
      }
      return sheets
    }
  }

  /// Parses `<sst>`: each `<si>` is one string, the concatenation of its `<t>` elements
  /// (directly or in rich-text runs `<r>`), leaving out phonetic runs `<rPh>`.
  static func parseSharedStrings(_ xml: [UInt8]) -> StringTable {
    xml.withUnsafeBufferPointer { buffer in
      var table = StringTable()
      var scanner = XMLScanner(buffer)
      var text: [UInt8] = []
      var inItem = false
      var inText = false
      var phonetic = 0
      loop: while true {
        switch scanner.next() {
        case .end:
          break loop
        case .startTag(let name, _, let selfClosing):
          if selfClosing {
            if scanner.equals(name, "si") {
              table.append { _ in }
            }
          } else if scanner.equals(name, "t") {
            inText = inItem && phonetic == 0
          } else if scanner.equals(name, "si") {
            inItem = true
            text.removeAll(keepingCapacity: true)
          } else if scanner.equals(name, "rPh") {
            phonetic += 1
          }
        case .endTag(let name):
          if scanner.equals(name, "t") {
            inText = false
          } else if scanner.equals(name, "rPh") {
            phonetic = max(0, phonetic - 1)
          } else if scanner.equals(name, "si") && inItem {
            inItem = false
            inText = false
            phonetic = 0
            decodeOOXMLEscapes(&text, from: 0)
            table.append { $0.append(contentsOf: text) }
          }
        case .text(let range):
          if inText { scanner.appendDecoded(range, to: &text) }
        case .cdata(let range):
          if inText { text.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range])) }
        }
      }
      return table
    }
  }
}

/// Whether a zip is a workbook this module reads, from the names of its members.
public enum SpreadsheetKind {
  /// Whether a zip with these members is an .xlsx (or .xlsm, .xltx …): it has
  /// `[Content_Types].xml` and `xl/workbook.xml`. Leading `/` or `./` in names is ignored.
  public static func isXLSX(memberNames: [String]) -> Bool {
    var contentTypes = false
    var workbook = false
    for name in memberNames {
      var n = Substring(name)
      if n.hasPrefix("./") { n = n.dropFirst(2) } else if n.hasPrefix("/") { n = n.dropFirst() }
      if n == "[Content_Types].xml" { contentTypes = true }
      if n == "xl/workbook.xml" { workbook = true }
    }
    return contentTypes && workbook
  }

  /// Whether a file starting with `prefix` is a compound file (OLE2), the container of an .xls.
  /// Word and Outlook files are compound files too: ``XLSWorkbook`` says so when it finds no
  /// workbook stream.
  public static func isXLS(_ prefix: UnsafeRawBufferPointer) -> Bool {
    XLSWorkbook.isXLS(prefix)
  }
}

// MARK: - Package helpers

/// The relationships of a part (`*.rels`).
enum Relationships {
  struct Relationship {
    var id: String
    var type: String
    var target: String
    var external: Bool
  }

  static func parse(_ xml: [UInt8]) -> [Relationship] {
    xml.withUnsafeBufferPointer { buffer in
      var scanner = XMLScanner(buffer)
      var result: [Relationship] = []
      loop: while true {
        switch scanner.next() {
        case .end:
          break loop
        case .startTag(let name, let attributes, _):
          guard scanner.equals(name, "Relationship") else { continue }
          guard let target = scanner.string("Target", in: attributes) else { continue }
          result.append(
            Relationship(
              id: scanner.string("Id", in: attributes) ?? "",
              type: scanner.string("Type", in: attributes) ?? "",
              target: target,
              external: scanner.string("TargetMode", in: attributes) == "External"))
        default:
          continue
        }
      }
      return result
    }
  }
}

/// Paths of parts inside the package.
enum PartPath {
  /// Resolves a relationship target against the directory of the part that declares it:
  /// absolute targets (`/xl/…`) are taken from the package root, `.` and `..` are applied and
  /// percent escapes decoded.
  static func resolve(_ target: String, from directory: String) -> String {
    let decoded = percentDecoded(target)
    var components: [Substring] = []
    let absolute = decoded.hasPrefix("/")
    if !absolute { components = directory.split(separator: "/") }
    for piece in decoded.split(separator: "/", omittingEmptySubsequences: true) {
      if piece == "." { continue }
      if piece == ".." {
        if !components.isEmpty { components.removeLast() }
        continue
      }
      components.append(piece)
    }
    return components.joined(separator: "/")
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  private static func percentDecoded(_ s: String) -> String {
    guard s.contains("%") else { return s }
    let bytes = Array(s.utf8)
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x25, i + 2 < bytes.count, let h = hexValue(bytes[i + 1]),
        let l = hexValue(bytes[i + 2])
      {
        out.append(h << 4 | l)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: return b - 0x30
    case 0x61...0x66: return b - 0x61 + 10
    case 0x41...0x46: return b - 0x41 + 10
    default: return nil
    }
  }
}

/// The encoding of an XML part: OOXML parts are UTF-8 or UTF-16 (with a byte order mark).
enum XMLText {
  /// The part as UTF-8: UTF-16 parts (BOM `FF FE` or `FE FF`) are transcoded, others returned
  /// unchanged.
  static func utf8(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.count >= 2 else { return bytes }
    let little: Bool
    if bytes[0] == 0xFF && bytes[1] == 0xFE {
      little = true
    } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
      little = false
    } else {
      return bytes
    }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 2
    while i + 1 < bytes.count {
      let a = UInt16(bytes[i])
      let b = UInt16(bytes[i + 1])
      units.append(little ? a | b << 8 : a << 8 | b)
      i += 2
    }
    var out: [UInt8] = []
    out.reserveCapacity(units.count * 3 / 2)
    UTF16Text.append(units[...], to: &out)
    return out
  }
}

/// UTF-16 to UTF-8, lone surrogates becoming U+FFFD.
enum UTF16Text {
  static func append(_ units: ArraySlice<UInt16>, to out: inout [UInt8]) {
    var i = units.startIndex
    let end = units.endIndex
    while i < end {
      let u = UInt32(units[i])
      i += 1
      if u < 0x80 {
        out.append(UInt8(u))
      } else if u < 0xD800 || u > 0xDFFF {
        XMLScanner.appendUTF8(u, to: &out)
      } else if u < 0xDC00, i < end, (0xDC00...0xDFFF).contains(units[i]) {
        let low = UInt32(units[i])
        i += 1
        XMLScanner.appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
      } else {
        XMLScanner.appendUTF8(0xFFFD, to: &out)
      }
    }
  }
}
