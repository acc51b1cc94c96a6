/// The parts of a gzip member header (RFC 1952 §2.3) the reader reports.
enum GzipHeader {
  /// The original file name stored in the header (`FNAME`), as its bytes.
  ///
  /// gzip(1) writes the name's bytes as the file system had them, so they are usually UTF-8
  /// on Linux and may be GBK from Chinese Windows tools, whatever RFC 1952 says (ISO 8859-1).
  ///
  /// - Parameter bytes: The start of the stream.
  /// - Returns: The name, `nil` when the header has none or `bytes` ends before it does.
  static func originalName(in bytes: [UInt8]) -> [UInt8]? {
    let fixedLength = 10
    let flagExtra: UInt8 = 0x04
    let flagName: UInt8 = 0x08
    guard bytes.count >= fixedLength, bytes[0] == 0x1F, bytes[1] == 0x8B else { return nil }
    let flags = bytes[3]
    guard flags & flagName != 0 else { return nil }
    var index = fixedLength
    if flags & flagExtra != 0 {
      guard bytes.count >= index + 2 else { return nil }
      index += 2 + (Int(bytes[index]) | Int(bytes[index + 1]) << 8)
    }
    guard index <= bytes.count, let end = bytes[index...].firstIndex(of: 0) else { return nil }
    return Array(bytes[index..<end])
  }
}
