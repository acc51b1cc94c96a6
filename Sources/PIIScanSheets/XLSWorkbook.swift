/// A legacy .xls workbook: BIFF8 (Excel 97–2003) records in the `Workbook` stream of a compound
/// file (OLE2).
///
/// Reads the workbook globals (BOF, BOUNDSHEET for the sheets' names and offsets, SST for the
/// shared strings across CONTINUE records) and, per sheet, LABELSST, LABEL, RSTRING, NUMBER,
/// RK, MULRK, BOOLERR and FORMULA (the cached result, its string in the STRING record that
/// follows). Numbers are IEEE doubles written as in ``NumberText`` (integers without `.0`,
/// 15 significant digits); dates are serial day numbers and stay numbers, since number formats
/// are not applied. Other BIFF versions (a `Book` stream: BIFF5/BIFF7) and encrypted workbooks
/// (FILEPASS) are refused with an error that says so.
public struct XLSWorkbook: Sendable {
  /// The largest file accepted: .xls files are small (65,536 rows × 256 columns at most).
  public static let maxFileSize = 512 << 20

  /// The sheets' names, in workbook order (worksheets, macro sheets and chart sheets; Visual
  /// Basic modules are not sheets).
  public let sheetNames: [String]

  private struct Sheet: Sendable {
    var offset: Int
    var chart: Bool
  }

  private let sheets: [Sheet]
  private let stream: [UInt8]
  private let strings: StringTable
  /// What each extended format (XF, by index) makes of a number: a date, a zero-padded code.
  private let cellFormats: [CellFormat]
  /// Whether serial dates count from 1904-01-01 (DATEMODE), not from 1900.
  private let date1904: Bool
  private static let part = "Workbook stream"

  /// Whether a file starting with `prefix` is a compound file (magic `D0 CF 11 E0 A1 B1 1A E1`).
  /// Any compound file passes (Word and Outlook files too); `init` tells them apart.
  public static func isXLS(_ prefix: UnsafeRawBufferPointer) -> Bool {
    guard prefix.count >= 8 else { return false }
    for k in 0..<8 where prefix[k] != CompoundFile.magic[k] { return false }
    return true
  }

  /// Reads the workbook from the whole file in memory (refused above ``maxFileSize``).
  public init(bytes: UnsafeRawBufferPointer) throws {
    guard bytes.count <= Self.maxFileSize else {
      throw SpreadsheetError.tooLarge(part: "xls file", size: bytes.count, limit: Self.maxFileSize)
    }
    let file = try CompoundFile(bytes)
    let top = file.topLevelEntries()
    func topStream(_ name: String) -> CompoundFile.Entry? {
      top.first { $0.type == 2 && $0.name.lowercased() == name.lowercased() }
    }
    guard let workbook = topStream("Workbook") else {
      if topStream("Book") != nil {
        throw SpreadsheetError.unsupportedVersion(
          part: "Book stream", version: "BIFF5/BIFF7 (Excel 5.0–95)")
      }
      if topStream("EncryptedPackage") != nil {
        throw SpreadsheetError.encrypted(part: "EncryptedPackage stream (an encrypted .xlsx)")
      }
      throw SpreadsheetError.notAWorkbook(streams: top.filter { $0.type == 2 }.map(\.name).sorted())
    }
    let stream = try file.read(workbook)
    var names: [String] = []
    var sheets: [Sheet] = []
    var strings = StringTable()
    var formats: [Int: String] = [:]
    var xfFormats: [Int] = []
    var date1904 = false
    try stream.withUnsafeBufferPointer { buffer in
      let records = BIFFStream(bytes: buffer, part: Self.part)
      guard let bof = try records.record(at: 0) else {
        throw SpreadsheetError.malformed(part: Self.part, problem: "empty stream")
      }
      try Self.checkBOF(bof, records, part: Self.part)
      var scratch: [UInt16] = []
      var offset = bof.next
      while let record = try records.record(at: offset) {
        offset = record.next
        switch record.type {
        case BIFF.eof:
          return
        case BIFF.filePass:
          throw SpreadsheetError.encrypted(part: "Workbook stream (FILEPASS record)")
        case BIFF.boundSheet:
          guard record.data.count >= 8 else {
            throw SpreadsheetError.malformed(
              part: Self.part, problem: "BOUNDSHEET record too short")
          }
          let start = record.data.lowerBound
          let position = Int(records.u32(start))
          let type = buffer[start + 5]
          var reader = ContinuedReader(
            buffer, segments: [start + 6..<record.data.upperBound], part: Self.part)
          var name: [UInt8] = []
          try reader.unicodeString(shortLength: true, scratch: &scratch, to: &name)
          if type == 6 { continue }  // a Visual Basic module
          names.append(String(decoding: name, as: UTF8.self))
          sheets.append(Sheet(offset: position, chart: type == 2))
        case BIFF.sst:
          let (segments, next) = try records.continued(record)
          offset = next
          strings = try Self.parseSST(buffer, segments: segments, scratch: &scratch)
        case BIFF.format:
          // A number format: its index, then its code as a unicode string.
          guard record.data.count >= 5 else { continue }
          let start = record.data.lowerBound
          var reader = ContinuedReader(
            buffer, segments: [start + 2..<record.data.upperBound], part: Self.part)
          var code: [UInt8] = []
          if (try? reader.unicodeString(scratch: &scratch, to: &code)) != nil {
            formats[Int(records.u16(start))] = String(decoding: code, as: UTF8.self)
          }
        case BIFF.xf:
          guard record.data.count >= 4 else { continue }
          xfFormats.append(Int(records.u16(record.data.lowerBound + 2)))
        case BIFF.dateMode:
          guard record.data.count >= 2 else { continue }
          date1904 = records.u16(record.data.lowerBound) == 1
        default:
          continue
        }
      }
    }
    self.stream = stream
    self.sheetNames = names
    self.sheets = sheets
    self.strings = strings
    self.cellFormats = xfFormats.map { CellFormat(index: $0, code: formats[$0]) }
    self.date1904 = date1904
  }

  /// The number of strings in the shared-string table (SST).
  public var sharedStringCount: Int { strings.count }

  /// The sheet's text (see ``SheetText``): cells joined by TAB, rows by LF, row N on line N.
  /// A chart sheet has no cells and gives empty text. Throws
  /// ``SpreadsheetError/tooManyEmptyRows(sheet:row:limit:)`` or
  /// ``SpreadsheetError/tooManyEmptyCells(sheet:row:limit:)`` past the safety caps.
  public func sheetText(
    _ index: Int, maxEmptyLines: Int = SheetText.defaultMaxEmptyLines,
    maxEmptyCells: Int = SheetText.defaultMaxEmptyCells
  ) throws -> [UInt8] {
    guard index >= 0 && index < sheets.count else {
      throw SpreadsheetError.noSuchSheet(index: index, count: sheets.count)
    }
    let sheet = sheets[index]
    if sheet.chart { return [] }
    let part = "sheet \"\(sheetNames[index])\""
    var builder = SheetTextBuilder()
    try stream.withUnsafeBufferPointer { buffer in
      try Self.parseSheet(
        buffer, at: sheet.offset, part: part, strings: strings,
        numbers: NumberStyle(formats: cellFormats, date1904: date1904), into: &builder)
    }
    return try builder.text(
      strings: strings, sheet: sheetNames[index], maxEmptyLines: maxEmptyLines,
      maxEmptyCells: maxEmptyCells)
  }

  // MARK: Records

  /// Checks that `record` is a BIFF8 BOF; returns its substream type (5 globals, 0x10
  /// worksheet, 0x20 chart, 0x40 macro sheet).
  @discardableResult
  private static func checkBOF(_ record: BIFFRecord, _ records: BIFFStream, part: String) throws
    -> UInt16
  {
    if let old = BIFF.oldBOFs[record.type] {
      throw SpreadsheetError.unsupportedVersion(part: part, version: old)
    }
    guard record.type == BIFF.bof, record.data.count >= 4 else {
      throw SpreadsheetError.malformed(
        part: part, problem: "does not start with a BOF record (found 0x\(hex(record.type)))")
    }
    let version = records.u16(record.data.lowerBound)
    guard version == BIFF.version8 else {
      let name: String
      switch version {
      case 0x0500: name = "BIFF5/BIFF7 (Excel 5.0–95)"
      case 0x0400: name = "BIFF4"
      case 0x0300: name = "BIFF3"
      case 0x0200: name = "BIFF2"
      default: name = "BIFF version 0x\(hex(version))"
      }
      throw SpreadsheetError.unsupportedVersion(part: part, version: name)
    }
    return records.u16(record.data.lowerBound + 2)
  }

  private static func parseSST(
    _ buffer: UnsafeBufferPointer<UInt8>, segments: [Range<Int>], scratch: inout [UInt16]
  ) throws -> StringTable {
    let part = "Workbook stream SST"
    var reader = ContinuedReader(buffer, segments: segments, part: part)
    _ = try reader.u32()  // total references
    let unique = Int(try reader.u32())
    var table = StringTable()
    for _ in 0..<unique {
      // A table that claims more strings than it holds is read as far as it goes.
      if reader.isAtEnd { break }
      try table.append { out in
        try reader.unicodeString(scratch: &scratch, to: &out)
      }
    }
    return table
  }

  private static func parseSheet(
    _ buffer: UnsafeBufferPointer<UInt8>, at start: Int, part: String, strings: StringTable,
    numbers: NumberStyle, into builder: inout SheetTextBuilder
  ) throws {
    let records = BIFFStream(bytes: buffer, part: part)
    guard let bof = try records.record(at: start) else {
      throw SpreadsheetError.malformed(
        part: part, problem: "its offset \(start) lies outside the Workbook stream")
    }
    if try checkBOF(bof, records, part: part) == 0x20 { return }  // a chart
    var depth = 1  // charts embedded in a worksheet are nested BOF … EOF substreams
    var offset = bof.next
    var scratch: [UInt16] = []
    var pendingString: (row: Int, column: Int)? = nil

    func tooShort(_ record: BIFFRecord) -> SpreadsheetError {
      .malformed(
        part: part,
        problem: "record 0x\(hex(record.type)) at offset \(record.data.lowerBound - 4) is too short"
      )
    }

    func commitText(_ text: String, row: Int, column: Int) {
      let from = builder.arena.count
      builder.arena.append(contentsOf: text.utf8)
      builder.commit(row: row, column: column, from: from)
    }

    func commitNumber(_ value: Double, row: Int, column: Int, xf: UInt16) {
      let from = builder.arena.count
      numbers.append(value, xf: Int(xf), to: &builder.arena)
      builder.commit(row: row, column: column, from: from)
    }

    while let record = try records.record(at: offset) {
      offset = record.next
      let type = record.type
      if type == BIFF.bof {
        depth += 1
        continue
      }
      if type == BIFF.eof {
        depth -= 1
        if depth == 0 { return }
        continue
      }
      guard depth == 1 else { continue }
      let d = record.data.lowerBound
      let length = record.data.count
      switch type {
      case BIFF.labelSST:
        guard length >= 10 else { throw tooShort(record) }
        pendingString = nil
        let index = Int(records.u32(d + 6))
        guard index < strings.count else {
          throw SpreadsheetError.malformed(
            part: part,
            problem: "a LABELSST cell refers to shared string \(index), but the SST has"
              + " \(strings.count)")
        }
        builder.commitShared(
          row: Int(records.u16(d)) + 1, column: Int(records.u16(d + 2)) + 1, index: index)
      case BIFF.label, BIFF.richString:
        guard length >= 9 else { throw tooShort(record) }
        pendingString = nil
        let (segments, next) = try records.continued(record)
        offset = next
        var reader = ContinuedReader(
          buffer, segments: [d + 6..<segments[0].upperBound] + segments.dropFirst(), part: part)
        let from = builder.arena.count
        try reader.unicodeString(scratch: &scratch, to: &builder.arena)
        builder.commit(
          row: Int(records.u16(d)) + 1, column: Int(records.u16(d + 2)) + 1, from: from)
      case BIFF.number:
        guard length >= 14 else { throw tooShort(record) }
        pendingString = nil
        commitNumber(
          records.f64(d + 6), row: Int(records.u16(d)) + 1, column: Int(records.u16(d + 2)) + 1,
          xf: records.u16(d + 4))
      case BIFF.rk:
        guard length >= 10 else { throw tooShort(record) }
        pendingString = nil
        commitNumber(
          BIFF.rkValue(records.u32(d + 6)), row: Int(records.u16(d)) + 1,
          column: Int(records.u16(d + 2)) + 1, xf: records.u16(d + 4))
      case BIFF.mulRK:
        guard length >= 6 else { throw tooShort(record) }
        pendingString = nil
        let row = Int(records.u16(d)) + 1
        let first = Int(records.u16(d + 2)) + 1
        let count = (length - 6) / 6
        for k in 0..<count {
          commitNumber(
            BIFF.rkValue(records.u32(d + 4 + 6 * k + 2)), row: row, column: first + k,
            xf: records.u16(d + 4 + 6 * k))
        }
      case BIFF.boolErr:
        guard length >= 8 else { throw tooShort(record) }
        pendingString = nil
        let value = buffer[d + 6]
        let text =
          buffer[d + 7] != 0 ? BIFF.errorText(value) : value != 0 ? "TRUE" : "FALSE"
        commitText(text, row: Int(records.u16(d)) + 1, column: Int(records.u16(d + 2)) + 1)
      case BIFF.formula:
        guard length >= 14 else { throw tooShort(record) }
        pendingString = nil
        let row = Int(records.u16(d)) + 1
        let column = Int(records.u16(d + 2)) + 1
        if buffer[d + 12] == 0xFF && buffer[d + 13] == 0xFF {
          switch buffer[d + 6] {
          case 0: pendingString = (row, column)  // the text is in the STRING record that follows
          case 1: commitText(buffer[d + 8] != 0 ? "TRUE" : "FALSE", row: row, column: column)
          case 2: commitText(BIFF.errorText(buffer[d + 8]), row: row, column: column)
          default: break  // an empty string
          }
        } else {
          commitNumber(records.f64(d + 6), row: row, column: column, xf: records.u16(d + 4))
        }
      case BIFF.string:
        guard let (row, column) = pendingString else { continue }
        pendingString = nil
        let (segments, next) = try records.continued(record)
        offset = next
        var reader = ContinuedReader(buffer, segments: segments, part: part)
        let from = builder.arena.count
        try reader.unicodeString(scratch: &scratch, to: &builder.arena)
        builder.commit(row: row, column: column, from: from)
      default:
        continue
      }
    }
  }
}
