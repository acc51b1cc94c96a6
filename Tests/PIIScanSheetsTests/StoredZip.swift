// Test support: a tiny zip writer and reader for STORED (uncompressed) entries, so that the
// tests build real .xlsx packages and read them back through a member callback, as the scanner
// does with its libarchive wrapper.

enum CRC32 {
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}

struct ZipError: Error, CustomStringConvertible {
  var description: String
}

enum StoredZip {
  /// A zip of `entries`, in order, all STORED, names flagged as UTF-8.
  static func write(_ entries: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (name, data) in entries {
      let nameBytes = Array(name.utf8)
      let crc = CRC32.checksum(data)
      let offset = out.count
      out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
      out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
      out += le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + data
      central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0)
      central += le16(0x21) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
      central += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0)
      central += le32(0) + le32(UInt32(offset)) + nameBytes
    }
    let centralOffset = out.count
    out += central
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count))
    out += le16(UInt16(entries.count)) + le32(UInt32(central.count)) + le32(UInt32(centralOffset))
    out += le16(0)
    return out
  }

  /// The members of a zip written by `write` (or any zip of STORED entries without a comment).
  static func read(_ zip: [UInt8]) throws -> [String: [UInt8]] {
    guard zip.count >= 22, u32(zip, zip.count - 22) == 0x0605_4B50 else {
      throw ZipError(description: "no end of central directory record")
    }
    let count = Int(u16(zip, zip.count - 22 + 10))
    var at = Int(u32(zip, zip.count - 22 + 16))
    var members: [String: [UInt8]] = [:]
    for _ in 0..<count {
      guard u32(zip, at) == 0x0201_4B50 else { throw ZipError(description: "bad central entry") }
      guard u16(zip, at + 10) == 0 else { throw ZipError(description: "not STORED") }
      let crc = u32(zip, at + 16)
      let size = Int(u32(zip, at + 20))
      let nameLength = Int(u16(zip, at + 28))
      let extra = Int(u16(zip, at + 30))
      let comment = Int(u16(zip, at + 32))
      let local = Int(u32(zip, at + 42))
      let name = String(decoding: zip[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      guard u32(zip, local) == 0x0403_4B50 else { throw ZipError(description: "bad local header") }
      let dataStart = local + 30 + Int(u16(zip, local + 26)) + Int(u16(zip, local + 28))
      let data = Array(zip[dataStart..<(dataStart + size)])
      guard CRC32.checksum(data) == crc else {
        throw ZipError(description: "CRC mismatch: \(name)")
      }
      members[name] = data
      at += 46 + nameLength + extra + comment
    }
    return members
  }

  private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  private static func le32(_ v: UInt32) -> [UInt8] {
    [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
  }
  private static func u16(_ b: [UInt8], _ o: Int) -> UInt16 { UInt16(b[o]) | UInt16(b[o + 1]) << 8 }
  private static func u32(_ b: [UInt8], _ o: Int) -> UInt32 {
    UInt32(u16(b, o)) | UInt32(u16(b, o + 2)) << 16
  }
}
