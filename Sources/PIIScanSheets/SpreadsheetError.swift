/// Why a workbook or one of its sheets could not be read. Every case names the part (a zip
/// member of an .xlsx, a stream or record of an .xls) and says what is wrong with it.
public enum SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A part the workbook cannot do without is absent (e.g. `xl/workbook.xml`, or the zip member
  /// a sheet's relationship points to).
  case missingPart(String)
  /// Reading the part failed; `cause` is the description of the reader's error.
  case unreadablePart(String, cause: String)
  /// The part is there but its structure makes no sense (truncated record, broken sector chain,
  /// a cell reference beyond the last column, a shared string index out of range …).
  case malformed(part: String, problem: String)
  /// `sheetText(_:)` was asked for a sheet that does not exist.
  case noSuchSheet(index: Int, count: Int)
  /// The sheet's rows are so far apart that its text would need more than `limit` empty lines
  /// (a safety cap against a forged row number); `row` is the row that would exceed it.
  case tooManyEmptyRows(sheet: String, row: Int, limit: Int)
  /// The sheet's rows hold so many missing cells before their cells that its text would need
  /// more than `limit` empty fields (a safety cap against forged column numbers); `row` is the
  /// row where the cap is passed.
  case tooManyEmptyCells(sheet: String, row: Int, limit: Int)
  /// The input is larger than this reader accepts.
  case tooLarge(part: String, size: Int, limit: Int)
  /// A compound file (OLE2) that holds no workbook stream: a Word or Outlook file, say.
  /// `streams` lists the top-level streams it does hold.
  case notAWorkbook(streams: [String])
  /// A workbook format this reader does not decode (BIFF2–BIFF7, or an unknown BOF version).
  case unsupportedVersion(part: String, version: String)
  /// The workbook is password-protected (an .xls with a FILEPASS record, or an encrypted .xlsx,
  /// which is stored as a compound file with an `EncryptedPackage` stream).
  case encrypted(part: String)

  public var description: String {
    switch self {
    case .missingPart(let part):
      return "\(part): missing from the workbook"
    case .unreadablePart(let part, let cause):
      return "\(part): could not be read: \(cause)"
    case .malformed(let part, let problem):
      return "\(part): \(problem)"
    case .noSuchSheet(let index, let count):
      return "sheet \(index): no such sheet (the workbook has \(count))"
    case .tooManyEmptyRows(let sheet, let row, let limit):
      return
        "sheet \"\(sheet)\": row \(row) would need more than \(limit) empty lines before it"
        + " (safety cap on missing rows)"
    case .tooManyEmptyCells(let sheet, let row, let limit):
      return
        "sheet \"\(sheet)\": row \(row) would bring the empty fields for missing cells past \(limit)"
        + " (safety cap on missing cells)"
    case .tooLarge(let part, let size, let limit):
      return "\(part): \(size) bytes is more than the \(limit) bytes this reader accepts"
    case .notAWorkbook(let streams):
      let list = streams.isEmpty ? "none" : streams.joined(separator: ", ")
      return "compound file: no Workbook stream, so not an Excel workbook (streams: \(list))"
    case .unsupportedVersion(let part, let version):
      return "\(part): \(version) is not supported (only BIFF8, Excel 97–2003, is read)"
    case .encrypted(let part):
      return "\(part): the workbook is encrypted (password-protected); its cells cannot be read"
    }
  }
}
