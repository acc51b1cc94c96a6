/// Builds HTML (and the SVG inside it) as text, escaping everything that comes from the report.
///
/// Every string from the report — paths, member names, masked values, notices, the caller's
/// labels — may hold `<`, `&` or quotes (a file named `<a>.csv`); it goes through ``escape(_:)``
/// on its way in, so nothing in the data can open an element, an attribute or a reference.
struct HTMLText {
  private(set) var text = ""

  /// `&`, `<`, `>`, `"` and `'` as character references; control characters other than tab
  /// and newline (which HTML forbids) as U+FFFD.
  static func escape(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Markup written as it is: only literals of this module, never data.
  mutating func raw(_ markup: String) { text += markup }

  /// Text content, escaped.
  mutating func text(_ content: String) { text += Self.escape(content) }

  /// `<name attributes>content</name>`, the attribute values escaped.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:],
    _ content: (inout HTMLText) -> Void
  ) {
    open(name, attributes)
    content(&self)
    text += "</\(name)>"
  }

  /// `<name attributes>escaped text</name>`.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String
  ) {
    open(name, attributes)
    text(content)
    text += "</\(name)>"
  }

  /// An element without content (`<rect …/>` in SVG).
  mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
    text += "<" + name + Self.attributes(attributes) + "/>"
  }

  private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
    text += "<" + name + Self.attributes(attributes) + ">"
  }

  private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
    attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
  }
}
