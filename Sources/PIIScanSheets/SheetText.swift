/// The text contract shared by the .xlsx and .xls readers.
///
/// A sheet becomes UTF-8 text that reads like a tab-separated file: the cells of a row are
/// joined by TAB in column order (a missing cell is an empty field), rows are joined by LF, and
/// spreadsheet row N is on line N (missing rows are empty lines). Trailing empty cells are not
/// written, and the text does not end with a line feed. TAB, CR and LF inside a cell are
/// replaced by a space so that every row stays one line. Bytes of a part that are not UTF-8
/// (a damaged part, or a non-conforming writer's GBK) are passed on as they are: the scanner
/// decodes such a line as GB18030 when that explains it, instead of losing it to U+FFFD.
public enum SheetText {
  /// The default cap on empty lines in one sheet's text: the number of rows an Excel sheet can
  /// have, so no genuine sheet reaches it, while a forged row number cannot make the text huge.
  public static let defaultMaxEmptyLines = 1_048_576
  /// The default cap on empty fields (the TABs written for missing cells before a cell) in one
  /// sheet's text: 64 Mi, far above what a genuine sheet needs, while a forged sheet with one
  /// cell in its last column on every row cannot turn a few bytes per row into 16 KB of TABs.
  public static let defaultMaxEmptyCells = 64 << 20
}

/// Strings referenced by index (an .xlsx shared-string table, an .xls SST), stored back to back
/// as UTF-8.
struct StringTable: Sendable {
  private(set) var bytes: [UInt8] = []
  private(set) var ends: [Int] = []

  var count: Int { ends.count }

  /// Closes the string that was appended to `bytes` since the previous one.
  mutating func append(_ body: (inout [UInt8]) throws -> Void) rethrows {
    try body(&bytes)
    ends.append(bytes.count)
  }

  func range(_ index: Int) -> Range<Int> {
    (index == 0 ? 0 : ends[index - 1])..<ends[index]
  }

  func string(_ index: Int) -> String {
    String(decoding: bytes[range(index)], as: UTF8.self)
  }
}

/// Collects a sheet's cells in any order and writes the sheet's text.
struct SheetTextBuilder {
  private struct Cell {
    var row: Int32
    var column: Int32
    /// The value's bytes in `arena`, or (when `shared`) the index of a string in the table.
    var start: Int
    var end: Int
    var shared: Bool
  }

  /// Cell values that are not shared strings, back to back.
  var arena: [UInt8] = []
  private var cells: [Cell] = []
  private var inOrder = true

  init() {}

  var isEmpty: Bool { cells.isEmpty }

  /// Adds the value written to `arena` from `start` to its end as the cell at `row`, `column`
  /// (both 1-based). An empty value adds no cell.
  mutating func commit(row: Int, column: Int, from start: Int) {
    guard arena.count > start else { return }
    add(Cell(row: Int32(row), column: Int32(column), start: start, end: arena.count, shared: false))
  }

  /// Adds the shared string `index` as the cell at `row`, `column`.
  mutating func commitShared(row: Int, column: Int, index: Int) {
    add(Cell(row: Int32(row), column: Int32(column), start: index, end: index, shared: true))
  }

  private mutating func add(_ cell: Cell) {
    if inOrder, let last = cells.last,
      last.row > cell.row || (last.row == cell.row && last.column >= cell.column)
    {
      inOrder = false
    }
    cells.append(cell)
  }

  /// The sheet's text (see ``SheetText``). Where two cells claim the same position the later
  /// one wins, as it would when a writer overwrites a cell.
  func text(
    strings: StringTable, sheet: String, maxEmptyLines: Int, maxEmptyCells: Int
  ) throws -> [UInt8] {
    var order: [Int] = []
    if !inOrder {
      order = Array(cells.indices)
      order.sort { a, b in
        let x = cells[a]
        let y = cells[b]
        if x.row != y.row { return x.row < y.row }
        if x.column != y.column { return x.column < y.column }
        return a < b
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(arena.count + cells.count * 2)
    var line = 1
    var lineHasCell = false
    var column = 1
    var emptyLines = 0
    var emptyCells = 0
    let n = cells.count
    try strings.bytes.withUnsafeBufferPointer { table in
      try arena.withUnsafeBufferPointer { values in
        var k = 0
        while k < n {
          let cell = cells[inOrder ? k : order[k]]
          k += 1
          // A cell overwritten by a later one at the same position is skipped.
          if !inOrder, k < n {
            let next = cells[order[k]]
            if next.row == cell.row && next.column == cell.column { continue }
          }
          // A shared string that is empty is no value, like a cell without one.
          if cell.shared && strings.range(cell.start).isEmpty { continue }
          let row = Int(cell.row)
          if row > line {
            emptyLines += row - line - 1 + (lineHasCell ? 0 : 1)
            if emptyLines > maxEmptyLines {
              throw SpreadsheetError.tooManyEmptyRows(sheet: sheet, row: row, limit: maxEmptyLines)
            }
            for _ in line..<row { out.append(0x0A) }
            line = row
            column = 1
          }
          lineHasCell = true
          let target = Int(cell.column)
          if target > column {
            emptyCells += target - column
            if emptyCells > maxEmptyCells {
              throw SpreadsheetError.tooManyEmptyCells(sheet: sheet, row: row, limit: maxEmptyCells)
            }
            for _ in column..<target { out.append(0x09) }
            column = target
          }
          let source = cell.shared ? table : values
          let range = cell.shared ? strings.range(cell.start) : cell.start..<cell.end
          for i in range {
            let byte = source[i]
            out.append(byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0x20 : byte)
          }
        }
      }
    }
    return out
  }
}
