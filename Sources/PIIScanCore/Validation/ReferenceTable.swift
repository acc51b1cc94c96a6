/// A problem in a reference table (`Patterns/tables/*.tsv`), naming the table and the line.
///
/// An embedded table that fails to parse is a build defect, so the `shared` instances trap
/// with this error's description; tables supplied at run time throw it.
public struct TableParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The table's file name (or the path it was read from).
  public var table: String
  /// The 1-based line number in the table text; 0 when the problem is not tied to a line.
  public var line: Int
  /// What is wrong, and where useful, what was expected.
  public var message: String

  /// Creates an error for `table` at `line`.
  public init(table: String, line: Int, message: String) {
    self.table = table
    self.line = line
    self.message = message
  }

  /// `"<table>:<line>: <message>"`.
  public var description: String { "\(table):\(line): \(message)" }
}

/// The reference tables shipped in `Patterns/tables/` and how they are read.
///
/// Format (shared by every table): UTF-8, `\n` line ends (a trailing `\r` is tolerated),
/// leading `#` comment lines giving what the table is, its origin, licence, copy date and
/// derivation, then one header line naming the columns, then tab-separated rows. Blank lines
/// and further `#` lines are skipped. Every row must have exactly as many fields as the header.
enum ReferenceTable {
  /// One data row: its 1-based line number and its fields.
  struct Row {
    var line: Int
    var fields: [Substring]
    /// The table name, for errors.
    var table: String

    /// An error located at this row.
    func error(_ message: String) -> TableParseError {
      TableParseError(table: table, line: line, message: message)
    }

    /// Field `index` as a non-negative integer made of ASCII digits only.
    func digits(_ index: Int, column: String, lengths: ClosedRange<Int>) throws -> Int {
      let field = fields[index]
      guard lengths.contains(field.utf8.count), let value = Self.parseDigits(field) else {
        let count =
          lengths.count == 1
          ? "\(lengths.lowerBound)" : "\(lengths.lowerBound)–\(lengths.upperBound)"
        throw error("\(column) must be \(count) digits, got '\(field)'")
      }
      return value
    }

    /// Field `index` as an optional integer: empty is nil.
    func optionalInt(_ index: Int, column: String, range: ClosedRange<Int>) throws -> Int? {
      let field = fields[index]
      if field.isEmpty { return nil }
      guard let value = Self.parseDigits(field), range.contains(value) else {
        let bounds = "\(range.lowerBound)...\(range.upperBound)"
        throw error("\(column) must be empty or a number in \(bounds), got '\(field)'")
      }
      return value
    }

    /// Field `index` as a `Y`/`N` flag.
    func flag(_ index: Int, column: String) throws -> Bool {
      switch fields[index] {
      case "Y": return true
      case "N": return false
      default: throw error("\(column) must be Y or N, got '\(fields[index])'")
      }
    }

    /// The value of an all-ASCII-digit string (at most 18 digits), or nil.
    static func parseDigits(_ text: Substring) -> Int? {
      var value = 0
      var count = 0
      for byte in text.utf8 {
        let digit = byte &- UInt8(ascii: "0")
        guard digit < 10, count < 18 else { return nil }
        value = value * 10 + Int(digit)
        count += 1
      }
      return count == 0 ? nil : value
    }
  }

  /// Splits `text` into rows after checking the header line against `header`.
  ///
  /// - Parameters:
  ///   - text: The whole table.
  ///   - table: The table's name, used in errors.
  ///   - header: The expected column names, in order.
  /// - Returns: The data rows, in file order.
  /// - Throws: `TableParseError` for a missing or wrong header or a row with the wrong number
  ///   of fields.
  static func rows(_ text: String, table: String, header: [String]) throws -> [Row] {
    // Works on the UTF-8 bytes directly: Substring index arithmetic made the 7,196-row region
    // table cost ~125 M instructions (~40 ms) at start-up; byte scanning costs a tenth.
    var text = text
    return try text.withUTF8 { bytes in
      var rows: [Row] = []
      var sawHeader = false
      var lineNumber = 0
      var lineStart = 0
      var fields: [Substring] = []
      while lineStart < bytes.count {
        lineNumber += 1
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let next = lineEnd + 1
        if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        defer { lineStart = next }
        if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
        fields.removeAll(keepingCapacity: true)
        var fieldStart = lineStart
        for index in lineStart...lineEnd where index == lineEnd || bytes[index] == 0x09 {
          fields.append(
            Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self)))
          fieldStart = index + 1
        }
        if !sawHeader {
          guard fields.elementsEqual(header, by: { $0 == $1 }) else {
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
            throw TableParseError(
              table: table, line: lineNumber,
              message: "expected the header '\(header.joined(separator: "\\t"))', got '\(line)'")
          }
          sawHeader = true
          continue
        }
        guard fields.count == header.count else {
          throw TableParseError(
            table: table, line: lineNumber,
            message: "expected \(header.count) tab-separated fields, got \(fields.count)")
        }
        rows.append(Row(line: lineNumber, fields: fields, table: table))
      }
      guard sawHeader else {
        throw TableParseError(
          table: table, line: lineNumber, message: "no header line (the table is empty)")
      }
      return rows
    }
  }

  /// Parses an embedded table, trapping if it is missing or malformed.
  ///
  /// A missing or malformed embedded table is a build defect (the generated
  /// `EmbeddedPatterns` is out of date or a table was edited badly), never a user error, so
  /// this stops with a message naming the table instead of throwing.
  static func loadEmbedded<Table>(_ relativePath: String, _ parse: (String) throws -> Table)
    -> Table
  {
    guard let text = EmbeddedPatterns.text(relativePath) else {
      preconditionFailure(
        "embedded table Patterns/\(relativePath) is missing: "
          + "regenerate EmbeddedPatterns (build defect)")
    }
    do {
      return try parse(text)
    } catch {
      preconditionFailure("embedded table Patterns/\(relativePath) is malformed: \(error)")
    }
  }
}

/// Calls `body` with the bytes of `value`, without copying when they are contiguous.
///
/// The validators' public entry points take `UnsafeRawBufferPointer` (fast from any module)
/// and have `@inlinable` overloads for `some Collection<UInt8>` that forward through this, so
/// `[UInt8]`, `ArraySlice<UInt8>`, `Data` or `String.UTF8View` callers are specialised in their
/// own module instead of going through unspecialised generic code.
@inlinable
func withValidatorBytes<Result>(
  _ value: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> Result
) -> Result {
  // SAFETY: the buffer pointer is used only inside the closure, while `value`'s storage is
  // guaranteed alive and unmodified.
  if let result = value.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
    return result
  }
  // SAFETY: as above, for a temporary copy (non-contiguous collections only).
  return Array(value).withUnsafeBytes(body)
}

/// ASCII helpers shared by the validators (inputs are bytes the scanner has normalised).
enum ValidationBytes {
  /// The digit value of `byte` if it is `'0'...'9'`, else nil.
  @inline(__always)
  static func digit(_ byte: UInt8) -> Int? {
    let value = byte &- UInt8(ascii: "0")
    return value < 10 ? Int(value) : nil
  }

  /// The value of the `length` ASCII digits at `offset`, or nil if one is not a digit.
  @inline(__always)
  static func number(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> Int? {
    var value = 0
    for index in offset..<(offset + length) {
      guard let digit = digit(bytes[index]) else { return nil }
      value = value &* 10 &+ digit
    }
    return value
  }

  /// A printable form of one byte for messages: the character if printable ASCII, else `\xNN`.
  static func describe(_ byte: UInt8) -> String {
    if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
    let hex = String(byte, radix: 16, uppercase: true)
    return "\\x" + (hex.count == 1 ? "0" + hex : hex)
  }
}
