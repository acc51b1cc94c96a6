/// Minimal JSON text building for the reporters: strings escaped per RFC 8259, keys in a fixed
/// order, UTF-8 passed through. Hand-written so that output is byte-stable and cheap.
enum JSONText {
  static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
    return out
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

import Foundation
