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
///
/// Every invocation parses the tables it uses at start-up, so reading them is kept cheap: rows
/// are found in the text's UTF-8 bytes 8 bytes at a time, fields are byte ranges, numbers and
/// flags are read from the bytes, and a `String` is made only for a field a table keeps.
enum ReferenceTable {
  /// One data row: its 1-based line number and the byte ranges of its fields.
  ///
  /// Valid only inside the `forEachRow` body it is passed to (it points into the table's
  /// bytes); never store it.
  struct Row {
    /// The whole table's UTF-8.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Field `i` is `bytes[bounds[2 * i] ..< bounds[2 * i + 1]]`.
    let bounds: UnsafeBufferPointer<Int>
    /// The 1-based line number in the table text.
    let line: Int
    /// The table name, for errors.
    let table: String

    /// The offset of field `index`'s first byte in the table.
    @inline(__always)
    func start(_ index: Int) -> Int { bounds[2 &* index] }

    /// The offset just past field `index`'s last byte in the table.
    @inline(__always)
    func end(_ index: Int) -> Int { bounds[2 &* index &+ 1] }

    /// The byte range of field `index` in the table.
    @inline(__always)
    func range(_ index: Int) -> Range<Int> { start(index)..<end(index) }

    /// The number of UTF-8 bytes in field `index`.
    @inline(__always)
    func length(_ index: Int) -> Int { end(index) &- start(index) }

    /// Whether field `index` is empty.
    @inline(__always)
    func isEmpty(_ index: Int) -> Bool { end(index) == start(index) }

    /// Field `index` as a `String`.
    @inline(__always)
    func string(_ index: Int) -> String { ReferenceTable.string(bytes, range(index)) }

    /// Whether field `index` is exactly `literal`.
    ///
    /// Compared byte for byte: the literals used are ASCII words, which no other text is
    /// canonically equivalent to, so this is `String` equality.
    @inline(__always)
    func field(_ index: Int, is literal: StaticString) -> Bool {
      literal.withUTF8Buffer { other in
        length(index) == other.count && ReferenceTable.equal(bytes, start(index), other)
      }
    }

    /// An error located at this row.
    func error(_ message: String) -> TableParseError {
      TableParseError(table: table, line: line, message: message)
    }

    /// Field `index` as a non-negative integer made of ASCII digits only.
    @inline(__always)
    func digits(_ index: Int, column: String, lengths: ClosedRange<Int>) throws -> Int {
      let count = length(index)
      guard count >= lengths.lowerBound, count <= lengths.upperBound,
        let value = ReferenceTable.digits(bytes, range(index))
      else { throw digitsError(index, column: column, lengths: lengths) }
      return value
    }

    @inline(never)
    private func digitsError(_ index: Int, column: String, lengths: ClosedRange<Int>)
      -> TableParseError
    {
      let count =
        lengths.count == 1
        ? "\(lengths.lowerBound)" : "\(lengths.lowerBound)–\(lengths.upperBound)"
      return error("\(column) must be \(count) digits, got '\(string(index))'")
    }

    /// Field `index` as an optional integer: empty is nil.
    @inline(__always)
    func optionalInt(_ index: Int, column: String, range: ClosedRange<Int>) throws -> Int? {
      if isEmpty(index) { return nil }
      guard let value = ReferenceTable.digits(bytes, self.range(index)), range.contains(value)
      else { throw optionalIntError(index, column: column, range: range) }
      return value
    }

    @inline(never)
    private func optionalIntError(_ index: Int, column: String, range: ClosedRange<Int>)
      -> TableParseError
    {
      let bounds = "\(range.lowerBound)...\(range.upperBound)"
      return error("\(column) must be empty or a number in \(bounds), got '\(string(index))'")
    }

    /// Field `index` as a `Y`/`N` flag.
    @inline(__always)
    func flag(_ index: Int, column: String) throws -> Bool {
      if length(index) == 1 {
        switch bytes[start(index)] {
        case UInt8(ascii: "Y"): return true
        case UInt8(ascii: "N"): return false
        default: break
        }
      }
      throw flagError(index, column: column)
    }

    @inline(never)
    private func flagError(_ index: Int, column: String) -> TableParseError {
      error("\(column) must be Y or N, got '\(string(index))'")
    }
  }

  /// Checks the header line of `text` against `header`, then calls `body` with each data row.
  ///
  /// - Parameters:
  ///   - text: The whole table.
  ///   - table: The table's name, used in errors.
  ///   - header: The expected column names, in order.
  ///   - body: Called with each data row, in file order.
  /// - Throws: `TableParseError` for a missing or wrong header or a row with the wrong number
  ///   of fields; or what `body` throws.
  static func forEachRow(
    _ text: String, table: String, header: [String], _ body: (Row) throws -> Void
  ) throws {
    try withUTF8(text) { try forEachRow(in: $0, table: table, header: header, body) }
  }

  /// Like `forEachRow(_:table:header:_:)`, over the table's UTF-8.
  static func forEachRow(
    in bytes: UnsafeBufferPointer<UInt8>, table: String, header: [String],
    _ body: (Row) throws -> Void
  ) throws {
    let fieldCount = header.count
    // SAFETY: allocated here and freed on exit; rows see it only during `body`.
    let bounds = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * max(fieldCount, 1))
    defer { bounds.deallocate() }
    var sawHeader = false
    var lineNumber = 0
    var lineStart = 0
    var fields = 0
    var fieldStart = 0

    // Ends the line at `lineEnd` (its `\n`, or the end of the text).
    func endLine(_ lineEnd: Int) throws {
      lineNumber += 1
      defer {
        lineStart = lineEnd &+ 1
        fieldStart = lineStart
        fields = 0
      }
      var end = lineEnd
      if end > lineStart && bytes[end &- 1] == 0x0D { end &-= 1 }
      if end == lineStart || bytes[lineStart] == UInt8(ascii: "#") { return }
      // The last field; a tolerated `\r` is not part of it.
      if fields < fieldCount {
        bounds[2 &* fields] = fieldStart
        bounds[2 &* fields &+ 1] = end
      }
      fields &+= 1
      if !sawHeader {
        let matches =
          fields == fieldCount
          && header.indices.allSatisfy {
            string(bytes, bounds[2 * $0]..<bounds[2 * $0 + 1]) == header[$0]
          }
        guard matches else {
          throw TableParseError(
            table: table, line: lineNumber,
            message: "expected the header '\(header.joined(separator: "\\t"))', "
              + "got '\(string(bytes, lineStart..<end))'")
        }
        sawHeader = true
        return
      }
      guard fields == fieldCount else {
        throw TableParseError(
          table: table, line: lineNumber,
          message: "expected \(fieldCount) tab-separated fields, got \(fields)")
      }
      try body(
        Row(bytes: bytes, bounds: UnsafeBufferPointer(bounds), line: lineNumber, table: table))
    }

    // Handles the byte at `offset` if it is a tab or a line feed.
    @inline(__always)
    func separator(at offset: Int) throws {
      switch bytes[offset] {
      case 0x09:
        if fields < fieldCount {
          bounds[2 &* fields] = fieldStart
          bounds[2 &* fields &+ 1] = offset
        }
        fields &+= 1
        fieldStart = offset &+ 1
      case 0x0A:
        try endLine(offset)
      default:
        break
      }
    }

    // Tabs and line feeds are the only bytes below 0x0B that matter; look for those 8 bytes at
    // a time. Bit 7 of byte i of `low` is set if byte i is below 0x0B, and may also be set for
    // a byte 0x0B right after one (the subtraction's borrow); `separator` checks the byte.
    let raw = UnsafeRawBufferPointer(bytes)
    let count = bytes.count
    var offset = 0
    while offset &+ 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      var low = (word &- 0x0B0B_0B0B_0B0B_0B0B) & ~word & 0x8080_8080_8080_8080
      while low != 0 {
        try separator(at: offset &+ low.trailingZeroBitCount &>> 3)
        low &= low &- 1
      }
      offset &+= 8
    }
    while offset < count {
      try separator(at: offset)
      offset &+= 1
    }
    if lineStart < count { try endLine(count) }
    guard sawHeader else {
      throw TableParseError(
        table: table, line: lineNumber, message: "no header line (the table is empty)")
    }
  }

  /// Calls `body` with the UTF-8 of `text`.
  static func withUTF8<Result>(
    _ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    var text = text
    // SAFETY: the buffer is used only inside the closure, while `text` is alive and unchanged.
    return try text.withUTF8(body)
  }

  /// The bytes at `range` of a table as a `String`.
  @inline(__always)
  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// Whether the bytes at `offset` in `bytes` are those of `other`.
  @inline(__always)
  static func equal(
    _ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ other: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let raw = UnsafeRawBufferPointer(bytes)
    let otherRaw = UnsafeRawBufferPointer(other)
    let count = other.count
    var index = 0
    while index &+ 8 <= count {
      guard
        raw.loadUnaligned(fromByteOffset: offset &+ index, as: UInt64.self)
          == otherRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      else { return false }
      index &+= 8
    }
    while index < count {
      guard bytes[offset &+ index] == other[index] else { return false }
      index &+= 1
    }
    return true
  }

  /// The value of the ASCII digits at `range` (1 to 18 of them), or nil.
  @inline(__always)
  static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    let count = range.count
    guard count > 0, count <= 18 else { return nil }
    if count <= 8 && range.lowerBound &+ 8 <= bytes.count {
      return eightDigits(
        UnsafeRawBufferPointer(bytes).loadUnaligned(
          fromByteOffset: range.lowerBound, as: UInt64.self),
        count: count)
    }
    var value = 0
    for index in range {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int(digit)
    }
    return value
  }

  /// The value of the first `count` (1...8) bytes of `word`, loaded from memory, if they are
  /// all ASCII digits; else nil.
  ///
  /// All 8 at once (D. Lemire, "Quickly parsing eight digits", 2018): the bytes past `count`
  /// are shifted out and "0"s shifted in as leading digits.
  @inline(__always)
  private static func eightDigits(_ word: UInt64, count: Int) -> Int? {
    let zeros: UInt64 = 0x3030_3030_3030_3030
    let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
    let shift = UInt64(8 &- count) &* 8
    let text = (UInt64(littleEndian: word) << shift) | (zeros >> (64 &- shift))
    // A byte is a digit if its high nibble is 3, also after adding 6.
    guard text & high == zeros, (text &+ 0x0606_0606_0606_0606) & high == zeros else {
      return nil
    }
    var value = text &- zeros
    value = (value &* 10) &+ (value &>> 8)
    let low: UInt64 = 0x0000_00FF_0000_00FF
    value =
      ((value & low) &* (100 &+ (1_000_000 &<< 32))
        &+ ((value &>> 16) & low) &* (1 &+ (10_000 &<< 32))) &>> 32
    return Int(value)
  }

  /// Makes one `String` per distinct field value of a table, so that rows repeating a value
  /// (a bank, a province) share one string instead of each making its own.
  struct StringInterner {
    /// The table's UTF-8.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Open addressing: an index into `strings`, or -1 for an empty slot.
    private var slots = [Int32](repeating: -1, count: 64)
    private var strings: [String] = []
    /// `strings[i]` was made from `ranges[i]`, whose hash is `hashes[i]`.
    private var ranges: [Range<Int>] = []
    private var hashes: [UInt64] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The bytes at `range` as a `String`, the same one as for equal bytes before.
    mutating func string(_ range: Range<Int>) -> String {
      let hash = Self.hash(bytes, range)
      var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
      while slots[slot] >= 0 {
        let index = Int(slots[slot])
        if hashes[index] == hash, ranges[index].count == range.count,
          ReferenceTable.equal(
            bytes, range.lowerBound, UnsafeBufferPointer(rebasing: bytes[ranges[index]]))
        {
          return strings[index]
        }
        slot = (slot + 1) & (slots.count - 1)
      }
      let string = ReferenceTable.string(bytes, range)
      slots[slot] = Int32(strings.count)
      strings.append(string)
      ranges.append(range)
      hashes.append(hash)
      if strings.count * 2 > slots.count { grow() }
      return string
    }

    /// Doubles the slots, keeping the load at most one half.
    private mutating func grow() {
      slots = [Int32](repeating: -1, count: slots.count * 2)
      for (index, hash) in hashes.enumerated() {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(index)
      }
    }

    /// A hash of the bytes at `range`, 8 at a time.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
      let raw = UnsafeRawBufferPointer(bytes)
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      var offset = range.lowerBound
      while offset &+ 8 <= range.upperBound {
        hash =
          (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
          &* 0x0000_0100_0000_01B3
        hash ^= hash &>> 29
        offset &+= 8
      }
      while offset < range.upperBound {
        hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
        offset &+= 1
      }
      hash ^= hash &>> 32
      return hash &* 0x9E37_79B9_7F4A_7C15
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
