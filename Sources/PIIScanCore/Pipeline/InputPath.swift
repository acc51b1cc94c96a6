import PIIScanText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A path as the file system holds it — bytes, which need not be UTF-8 (names in GBK are
/// common on seized Chinese Windows disks) — kept whole from the directory entry or the command
/// line to `open()`, and shown in reports decoded where it can be.
public struct InputPath: Sendable, Hashable {
  /// The path's bytes, exactly as the file system has them (no NUL).
  public let bytes: [UInt8]
  /// How reports show it: as it is when it is UTF-8; decoded as GB18030 (GBK) when it is that;
  /// else with each byte that is not UTF-8 written `\xNN`.
  public let display: String
  /// Whether `display` differs from the bytes (a decoded or escaped name).
  public let isTranslated: Bool

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    (display, isTranslated) = Self.shown(bytes)
  }

  public init(_ text: String) {
    bytes = Array(text.utf8)
    display = text
    isTranslated = false
  }

  /// The path of `name` inside this directory.
  public func appending(_ name: [UInt8]) -> InputPath {
    var joined = bytes
    if joined.last != 0x2F { joined.append(0x2F) }
    joined.append(contentsOf: name)
    return InputPath(bytes: joined)
  }

  /// Calls `body` with the path as a C string, for system calls.
  public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    var terminated = bytes
    terminated.append(0)
    return try terminated.withUnsafeBufferPointer { buffer in
      try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
    }
  }

  /// Opens the path read-only (never creating, truncating or writing it).
  func openReadOnly() -> Int32 {
    withCString { open($0, O_RDONLY | O_CLOEXEC | O_NOCTTY) }
  }

  private static func shown(_ bytes: [UInt8]) -> (String, Bool) {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
    let decoded = bytes.withUnsafeBytes {
      Transcoder().transcode($0, encoding: .gb18030, mixedLines: false)
    }
    if decoded.invalidCount == 0, let text = String(validating: decoded.utf8, as: UTF8.self) {
      return (text, true)
    }
    var escaped = ""
    var rest = bytes[...]
    while !rest.isEmpty {
      // The longest valid UTF-8 stretch, then one byte escaped.
      var end = rest.endIndex
      while end > rest.startIndex,
        String(validating: rest[rest.startIndex..<end], as: UTF8.self) == nil
      {
        end -= 1
      }
      if end > rest.startIndex {
        escaped += String(decoding: rest[rest.startIndex..<end], as: UTF8.self)
        rest = rest[end...]
      } else {
        let byte = rest.first!
        let hex = Array("0123456789ABCDEF")
        escaped += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
        rest = rest.dropFirst()
      }
    }
    return (escaped, true)
  }
}
