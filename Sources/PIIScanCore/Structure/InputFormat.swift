import CPIIScanKernels

/// The shape of an input, which decides what a record is and where a value's field name is.
public enum InputFormat: String, Sendable, Equatable {
  /// CSV/TSV and other delimited text with a header row: a record is a row, a field is a column.
  case delimited
  /// An SQL dump: a record is an `INSERT … VALUES` tuple, a field a column of its table.
  case sql
  /// One JSON object per line: a record is a line, a field is the nearest key.
  case jsonLines
  /// A JSON document: a record is the innermost object around a value, a field its key.
  case json
  /// `姓名：张三` lines: a record is a block of lines up to a blank line, a field the key.
  case keyValue
  /// Anything else: a record is a line.
  case text
}

extension InputFormat {
  /// Decides the format from the first bytes of an input (BOM already removed).
  static func sniff(_ bytes: UnsafeRawBufferPointer, delimited: Bool) -> InputFormat {
    var lines: [Range<Int>] = []
    var start = 0
    while start < bytes.count && lines.count < 400 {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      var trimmed = start..<end
      while !trimmed.isEmpty && isSpace(bytes[trimmed.lowerBound]) {
        trimmed = (trimmed.lowerBound + 1)..<trimmed.upperBound
      }
      while !trimmed.isEmpty && isSpace(bytes[trimmed.upperBound - 1]) {
        trimmed = trimmed.lowerBound..<(trimmed.upperBound - 1)
      }
      if !trimmed.isEmpty { lines.append(trimmed) }
      start = end + 1
    }
    guard !lines.isEmpty else { return .text }
    if contains(bytes, "INSERT INTO") || contains(bytes, "CREATE TABLE")
      || contains(bytes, "insert into") || contains(bytes, "create table")
    {
      return .sql
    }
    let objects = lines.filter { bytes[$0.lowerBound] == 0x7B && bytes[$0.upperBound - 1] == 0x7D }
    if lines.count >= 2 && objects.count * 10 >= lines.count * 8 { return .jsonLines }
    let first = bytes[lines[0].lowerBound]
    if first == 0x5B || first == 0x7B { return .json }
    if delimited { return .delimited }
    let keyed = lines.filter { isKeyValueLine(bytes, $0) }
    if keyed.count * 10 >= lines.count * 3 && keyed.count >= 2 { return .keyValue }
    return .text
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

  private static func contains(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
    guard let base = bytes.baseAddress, bytes.count >= text.utf8CodeUnitCount else { return false }
    return piiscan_find(
      base.assumingMemoryBound(to: UInt8.self), bytes.count, text.utf8Start,
      text.utf8CodeUnitCount) >= 0
  }

  /// "姓名：张三", "mobile: 139…": a short key, a colon (full-width or ASCII), then a value.
  static func isKeyValueLine(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) -> Bool {
    var i = line.lowerBound
    let limit = min(line.upperBound, line.lowerBound + 40)
    while i < limit {
      let b = bytes[i]
      if b == 0x3A { return i > line.lowerBound && i + 1 < line.upperBound }
      if b == 0xEF && i + 2 < line.upperBound && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x9A {
        return i > line.lowerBound && i + 3 < line.upperBound
      }
      if b == 0x20 || b == 0x2C || b == 0x09 { return false }
      i += 1
    }
    return false
  }
}
