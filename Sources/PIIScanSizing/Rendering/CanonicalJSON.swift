/// A JSON value written canonically: object keys sorted by their UTF-8 bytes, two-space
/// indentation, integers only (no floating point, whose printing differs between platforms),
/// strings with the minimal escapes (`"`, `\`, control characters as `\u00XX`; everything
/// else, Chinese included, as UTF-8), and a final newline. Equal values give equal bytes.
enum CanonicalJSON: Equatable {
  case object([(String, CanonicalJSON)])
  case array([CanonicalJSON])
  case string(String)
  case integer(Int)
  case bool(Bool)
  case null

  static func == (a: CanonicalJSON, b: CanonicalJSON) -> Bool { a.text == b.text }

  /// An object from key-value pairs; pairs whose value is nil are left out.
  static func fields(_ pairs: KeyValuePairs<String, CanonicalJSON?>) -> CanonicalJSON {
    .object(pairs.compactMap { pair in pair.value.map { (pair.key, $0) } })
  }

  /// A string, or null.
  static func nullable(_ value: String?) -> CanonicalJSON { value.map { .string($0) } ?? .null }
  /// An integer, or null.
  static func nullable(_ value: Int?) -> CanonicalJSON { value.map { .integer($0) } ?? .null }

  /// The canonical text.
  var text: String {
    var out = ""
    write(to: &out, indent: 0)
    out += "\n"
    return out
  }

  private func write(to out: inout String, indent: Int) {
    switch self {
    case .object(let pairs):
      guard !pairs.isEmpty else {
        out += "{}"
        return
      }
      let sorted = pairs.sorted { utf8Less($0.0, $1.0) }
      out += "{\n"
      for (index, pair) in sorted.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        Self.writeString(pair.0, to: &out)
        out += ": "
        pair.1.write(to: &out, indent: indent + 2)
        out += index == sorted.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "}"
    case .array(let values):
      guard !values.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, value) in values.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        value.write(to: &out, indent: indent + 2)
        out += index == values.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "]"
    case .string(let value): Self.writeString(value, to: &out)
    case .integer(let value): out += String(value)
    case .bool(let value): out += value ? "true" : "false"
    case .null: out += "null"
    }
  }

  private static func writeString(_ value: String, to out: inout String) {
    out += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
