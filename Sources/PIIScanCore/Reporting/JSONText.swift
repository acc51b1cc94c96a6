import Foundation

/// JSON text for the reporters: strings escaped per RFC 8259 (control characters and DEL as
/// `\u00XX`), keys in a fixed order, UTF-8 passed through. The one JSON escaper of the project:
/// hand-written so that output is byte-stable and cheap.
enum JSONText {
  /// Appends `bytes` (UTF-8) to `buffer` as a JSON string literal.
  static func appendQuoted(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8]) {
    buffer.append(0x22)
    // Most strings need no escape at all: copy them in one go.
    if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
      buffer.append(contentsOf: bytes)
      buffer.append(0x22)
      return
    }
    for b in bytes {
      switch b {
      case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
      case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
      case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20, 0x7F:
        buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
      default: buffer.append(b)
      }
    }
    buffer.append(0x22)
  }

  static func appendQuoted(_ text: String, to buffer: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendQuoted(UnsafeRawBufferPointer($0), to: &buffer) }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// `text` as a JSON string literal.
  static func quoted(_ text: String) -> String {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(text.utf8.count + 2)
    appendQuoted(text, to: &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }

  /// `{"k":"v",...}` from ordered pairs.
  static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { quoted($0.0) + ":" + quoted($0.1) }.joined(separator: ",") + "}"
  }
}

/// CSV fields per RFC 4180: quoted when they hold a comma, quote or line break.
enum CSVText {
  static func field(_ text: String) -> String {
    if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
  }

  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\n"
  }
}
