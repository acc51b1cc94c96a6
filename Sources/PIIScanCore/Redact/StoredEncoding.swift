import PIIScanText

#if canImport(Glibc)
  import Glibc
#endif

/// Text as an input stores it: the encoding a redacted copy writes its replacements in, so a
/// GB18030 or UTF-16 file stays a GB18030 or UTF-16 file.
///
/// Findings give byte ranges in the stored bytes (``Finding/offset``, ``Finding/length``); the
/// written form of a value is read back from those bytes and its replacement is encoded into
/// the same encoding. GB18030 goes through the C library's iconv, as ``Transcoder`` does for
/// reading; UTF-8 and UTF-16 need nothing.
enum StoredEncoding: Equatable, Sendable {
  case utf8
  case gb18030
  case utf16le
  case utf16be
  /// UTF-8 with some lines in GBK: each range is read as UTF-8 when it is valid UTF-8, else as
  /// GB18030, and its replacement written in the same.
  case utf8WithGBKLines

  init(_ report: EncodingReport) {
    switch report.encoding {
    case .utf8, .utf8BOM: self = report.mixedLines ? .utf8WithGBKLines : .utf8
    case .gb18030: self = .gb18030
    case .utf16le: self = .utf16le
    case .utf16be: self = .utf16be
    }
  }

  /// Bytes per code unit: 2 for UTF-16, 1 otherwise.
  var unitSize: Int { self == .utf16le || self == .utf16be ? 2 : 1 }

  /// The text of stored `bytes`; nil when they are not text in this encoding.
  func decode(_ bytes: [UInt8]) -> String? {
    switch self {
    case .utf8: return String(validating: bytes, as: UTF8.self)
    case .gb18030:
      return Self.iconv(bytes, from: "GB18030", to: "UTF-8").flatMap {
        String(validating: $0, as: UTF8.self)
      }
    case .utf16le, .utf16be:
      guard bytes.count % 2 == 0 else { return nil }
      let units = stride(from: 0, to: bytes.count, by: 2).map { index in
        self == .utf16le
          ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
          : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
      }
      return String(validating: units, as: UTF16.self)
    case .utf8WithGBKLines:
      return String(validating: bytes, as: UTF8.self) ?? StoredEncoding.gb18030.decode(bytes)
    }
  }

  /// `text` in this encoding; for mixed files, in the encoding `original` (the bytes it
  /// replaces) is in. nil when a character cannot be written in it.
  func encode(_ text: String, replacing original: [UInt8] = []) -> [UInt8]? {
    switch self {
    case .utf8: return Array(text.utf8)
    case .gb18030:
      if text.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8) }
      return Self.iconv(Array(text.utf8), from: "UTF-8", to: "GB18030")
    case .utf16le, .utf16be:
      var bytes: [UInt8] = []
      for unit in text.utf16 {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        bytes += self == .utf16le ? [low, high] : [high, low]
      }
      return bytes
    case .utf8WithGBKLines:
      if String(validating: original, as: UTF8.self) != nil { return Array(text.utf8) }
      return StoredEncoding.gb18030.encode(text)
    }
  }

  /// Converts with iconv; nil when the bytes are invalid or a character has no mapping.
  static func iconv(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
    guard !bytes.isEmpty else { return [] }
    let descriptor = iconv_open(target, source)
    guard descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
    let produced: Int? = input.withUnsafeMutableBytes { inputBytes in
      output.withUnsafeMutableBytes { outputBytes in
        var inPointer: UnsafeMutablePointer<CChar>? = inputBytes.baseAddress!
          .assumingMemoryBound(to: CChar.self)
        var inLeft = inputBytes.count
        var outPointer: UnsafeMutablePointer<CChar>? = outputBytes.baseAddress!
          .assumingMemoryBound(to: CChar.self)
        var outLeft = outputBytes.count
        let status = Glibc.iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        guard status != -1, inLeft == 0 else { return nil }
        return outputBytes.count - outLeft
      }
    }
    return produced.map { Array(output[..<$0]) }
  }
}
