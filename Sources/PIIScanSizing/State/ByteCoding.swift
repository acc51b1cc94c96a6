/// Appends little-endian integers and length-prefixed strings to a byte array (the small
/// sections of a state file; docs/STATE-FORMAT.md).
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  mutating func u8(_ value: UInt8) { bytes.append(value) }

  mutating func u32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func u64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func count(_ value: Int) { u64(UInt64(value)) }

  mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

  mutating func string(_ value: String) {
    u32(UInt32(value.utf8.count))
    bytes.append(contentsOf: value.utf8)
  }

  mutating func optionalString(_ value: String?) {
    if let value {
      u8(1)
      string(value)
    } else {
      u8(0)
    }
  }

  mutating func strings(_ values: [String]) {
    u32(UInt32(values.count))
    for value in values { string(value) }
  }

  mutating func key(_ value: SizingKey) {
    u64(value.high)
    u64(value.low)
  }
}

/// Reads what ``ByteWriter`` wrote, throwing on anything out of bounds or malformed.
struct ByteReader {
  private let bytes: [UInt8]
  private var position = 0
  private let path: String?

  init(_ bytes: [UInt8], path: String?) {
    self.bytes = bytes
    self.path = path
  }

  var isAtEnd: Bool { position == bytes.count }

  private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
    guard count >= 0, bytes.count - position >= count else {
      throw SizingError.corrupt(path, "a section ends too early")
    }
    defer { position += count }
    return bytes[position..<position + count]
  }

  mutating func u8() throws -> UInt8 { try take(1).first! }

  mutating func u32() throws -> UInt32 {
    try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
  }

  mutating func u64() throws -> UInt64 {
    try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// A count that must fit what is left (each item taking at least `itemBytes`).
  mutating func count(itemBytes: Int = 1) throws -> Int {
    let value = try u64()
    guard value <= UInt64(bytes.count - position) / UInt64(max(1, itemBytes)) || itemBytes == 0
    else { throw SizingError.corrupt(path, "a count is larger than its section") }
    return Int(value)
  }

  /// A non-negative counter (a count of records, values…).
  mutating func counter() throws -> Int {
    let value = try u64()
    guard value <= UInt64(Int.max) else { throw SizingError.corrupt(path, "a counter overflows") }
    return Int(value)
  }

  mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }

  mutating func string() throws -> String {
    let length = Int(try u32())
    let slice = try take(length)
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw SizingError.corrupt(path, "a string is not UTF-8")
    }
    return text
  }

  mutating func optionalString() throws -> String? {
    switch try u8() {
    case 0: return nil
    case 1: return try string()
    default: throw SizingError.corrupt(path, "a flag is neither 0 nor 1")
    }
  }

  mutating func strings() throws -> [String] {
    let count = Int(try u32())
    guard count <= bytes.count - position else {
      throw SizingError.corrupt(path, "a count is larger than its section")
    }
    return try (0..<count).map { _ in try string() }
  }

  mutating func key() throws -> SizingKey {
    SizingKey(high: try u64(), low: try u64())
  }
}
