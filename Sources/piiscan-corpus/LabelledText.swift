/// One planted value's label, as written to `labels/labels.jsonl`.
///
/// `line` is 1-based; `column` is the 1-based column in Unicode scalars of the
/// first character of the written form (including a written `+86`, `0086`, `86-`
/// or the `(` of `(0755)`). The generator writes no combining characters or emoji,
/// so scalars and user-perceived characters coincide. In a workbook, `member` is the
/// sheet name, `line` the row number (row 1 = header) and `column` the column index
/// (A = 1).
struct Label: Sendable {
  var path: String
  var member: String? = nil
  var line: Int
  var column: Int
  var category: String
  var value: String
  var valid: Bool
  var reason: String?

  /// `{"path":…[,"member":…],"line":…,"column":…,"category":…,"value":…,"valid":…[,"reason":…]}`
  var json: String {
    var s = "{\"path\":" + JSON.quote(path)
    if let member { s += ",\"member\":" + JSON.quote(member) }
    s +=
      ",\"line\":\(line),\"column\":\(column),\"category\":"
      + JSON.quote(category) + ",\"value\":" + JSON.quote(value) + ",\"valid\":"
      + (valid ? "true" : "false")
    if let reason { s += ",\"reason\":" + JSON.quote(reason) }
    return s + "}"
  }
}

/// One planted decoy (a hard negative), as written to `labels/decoys.jsonl`.
struct DecoyLabel: Sendable {
  var path: String
  var member: String? = nil
  var line: Int
  var column: Int
  var kind: String
  var text: String

  var json: String {
    var s = "{\"path\":" + JSON.quote(path)
    if let member { s += ",\"member\":" + JSON.quote(member) }
    return s + ",\"line\":\(line),\"column\":\(column),\"kind\":" + JSON.quote(kind)
      + ",\"text\":" + JSON.quote(text) + "}"
  }
}

/// A piece of a field: plain text, a planted value or a decoy.
enum Piece {
  case text(String)
  case pi(Planted)
  case decoy(String, DecoyFactory.Kind)
}

/// A text file being written, which knows its current line and column, so that
/// every planted value and decoy is labelled where it lands.
struct LabelledText {
  let path: String
  private(set) var bytes: [UInt8] = []
  private(set) var line = 1
  private(set) var column = 1
  private(set) var labels: [Label] = []
  private(set) var decoys: [DecoyLabel] = []
  /// What the README says about the file's size, when lines mean nothing (a workbook).
  private(set) var summary: String?

  init(path: String) { self.path = path }

  /// A file built elsewhere (a workbook), with its labels and decoys.
  init(path: String, bytes: [UInt8], labels: [Label], decoys: [DecoyLabel], summary: String) {
    self.path = path
    self.bytes = bytes
    self.labels = labels
    self.decoys = decoys
    self.summary = summary
  }

  mutating func write(_ s: String) {
    for b in s.utf8 {
      bytes.append(b)
      if b == 10 {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
  }

  mutating func newline() { write("\n") }

  /// Labels `p` at the current position and writes its written form.
  mutating func plant(_ p: Planted) {
    labels.append(
      Label(
        path: path, line: line, column: column, category: p.category.rawValue, value: p.value,
        valid: p.valid, reason: p.reason?.rawValue))
    for record in p.also {
      labels.append(
        Label(
          path: path, line: line, column: column, category: record.rawValue, value: p.written,
          valid: true, reason: nil))
    }
    write(p.written)
  }

  mutating func decoy(_ text: String, _ kind: DecoyFactory.Kind) {
    decoys.append(
      DecoyLabel(path: path, line: line, column: column, kind: kind.rawValue, text: text))
    write(text)
  }

  /// Writes pieces; `escape` is applied to text pieces only (planted values and
  /// decoys never contain characters that need escaping in the formats used).
  mutating func write(_ pieces: [Piece], escape: (String) -> String = { $0 }) {
    for piece in pieces {
      switch piece {
      case .text(let s): write(escape(s))
      case .pi(let p):
        precondition(escape(p.written) == p.written, "planted value would be escaped: \(p.written)")
        plant(p)
      case .decoy(let s, let kind):
        precondition(escape(s) == s, "decoy would be escaped: \(s)")
        decoy(s, kind)
      }
    }
  }
}

extension [Piece] {
  /// The concatenated text, to decide whether a field needs quoting.
  var plainText: String {
    map { piece -> String in
      switch piece {
      case .text(let s): return s
      case .pi(let p): return p.written
      case .decoy(let s, _): return s
      }
    }.joined()
  }
}

enum JSON {
  /// A JSON string literal; non-ASCII characters are written as UTF-8, not escaped.
  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
