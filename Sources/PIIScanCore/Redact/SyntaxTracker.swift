/// Where a value stands in the syntax of its file — inside a quoted CSV field, a JSON string,
/// an SQL string, or bare — so that its replacement keeps the file parseable.
///
/// A replacement written where a value stood must not end the string it is in, nor leave a
/// bare JSON number or SQL literal that is no longer one: `"age":36` cannot become
/// `"age":3*`. ``RedactionContext`` says what may be written at a place; this tracker finds
/// the place by reading the stored bytes in order, as the file's own parser would, with its
/// quotes, doubled quotes, backslash escapes and SQL comments. It reads code units of the
/// stored encoding (two bytes in UTF-16; the bytes of a GB18030 character are skipped
/// together, since its trail byte may be `\` or `|`), so it sees only ASCII syntax.
struct SyntaxTracker {
  enum Syntax: Equatable {
    /// Lines of text, `key：value` blocks, logs: any character but a line break may stand.
    case plain
    /// Delimited text: RFC 4180 quoting.
    case delimited
    /// JSON and JSON Lines.
    case json
    /// SQL dumps: `'…'` and `"…"` strings with doubled quotes or backslash escapes, `` `…` ``
    /// identifiers, `-- `, `#` and `/* */` comments.
    case sql
  }

  let syntax: Syntax
  let encoding: StoredEncoding

  /// The quote of the string being read (`"`, `'` or `` ` ``), if in one.
  private var quote: UInt16?
  /// A backslash was just read inside a string.
  private var escaped = false
  /// A quote that may end the string, or be the first of a doubled one, was just read.
  private var pendingQuote = false
  /// At the start of a delimited field (where a quote opens a quoted field).
  private var atFieldStart = true
  private var comment: Comment = .none
  /// The previous unit, for two-unit tokens (`--`, `/*`, `*/`).
  private var previous: UInt16 = 0
  /// The first byte of a UTF-16 code unit.
  private var pending: [UInt8] = []
  /// Bytes of a GB18030 character still to skip, and whether the next is its second.
  private var skip = 0
  private var awaitingSecond = false

  private enum Comment { case none, line, block }

  init(syntax: Syntax, encoding: StoredEncoding) {
    self.syntax = syntax
    self.encoding = encoding
  }

  /// What may be written at the current place.
  var context: RedactionContext {
    switch syntax {
    case .plain: return .plain
    case .delimited: return quote != nil && !pendingQuote ? .quoted(0x22) : .delimitedBare
    case .json: return quote != nil ? .jsonString : .jsonBare
    case .sql:
      guard let quote, !pendingQuote else { return .sqlBare }
      return .quoted(UInt8(quote))
    }
  }

  /// Reads the next stored byte.
  mutating func feed(_ byte: UInt8) {
    guard syntax != .plain else { return }
    switch encoding {
    case .utf16le, .utf16be:
      pending.append(byte)
      guard pending.count == 2 else { return }
      let unit =
        encoding == .utf16le
        ? UInt16(pending[0]) | UInt16(pending[1]) << 8
        : UInt16(pending[0]) << 8 | UInt16(pending[1])
      pending.removeAll(keepingCapacity: true)
      read(unit)
    case .gb18030:
      if skip > 0 {
        skip -= 1
        // A four-byte character has a digit for its second byte.
        if awaitingSecond {
          awaitingSecond = false
          if (0x30...0x39).contains(byte) { skip = 2 }
        }
        return
      }
      if byte >= 0x81 {
        skip = 1
        awaitingSecond = true
        read(0x100)
        return
      }
      read(UInt16(byte))
    case .utf8WithGBKLines:
      // Read as UTF-8: a GBK trail byte is never a quote, comma, semicolon or tab, so only a
      // `\` or `|` inside a GBK character can be misread, in a mixed file.
      read(UInt16(byte))
    case .utf8:
      read(UInt16(byte))
    }
  }

  /// Reads one code unit (0x100 and above: a non-ASCII character).
  private mutating func read(_ unit: UInt16) {
    defer { previous = unit }
    switch syntax {
    case .plain: return
    case .delimited: readDelimited(unit)
    case .json: readJSON(unit)
    case .sql: readSQL(unit)
    }
  }

  private mutating func readDelimited(_ unit: UInt16) {
    if quote != nil {
      if pendingQuote {
        pendingQuote = false
        if unit == 0x22 { return }  // "" inside a quoted field
        quote = nil
      } else {
        if unit == 0x22 { pendingQuote = true }
        return
      }
    }
    if unit == 0x22 && atFieldStart {
      quote = 0x22
      atFieldStart = false
    } else {
      // Any of the delimiters piiscan reads (`,` tab `|` `;`) or a line starts a field.
      atFieldStart = unit == 0x2C || unit == 0x09 || unit == 0x7C || unit == 0x3B || unit == 0x0A
    }
  }

  private mutating func readJSON(_ unit: UInt16) {
    if quote != nil {
      if escaped {
        escaped = false
      } else if unit == 0x5C {
        escaped = true
      } else if unit == 0x22 {
        quote = nil
      }
    } else if unit == 0x22 {
      quote = 0x22
    }
  }

  private mutating func readSQL(_ unit: UInt16) {
    switch comment {
    case .line:
      if unit == 0x0A { comment = .none }
      return
    case .block:
      if previous == 0x2A && unit == 0x2F {
        comment = .none
        // A `*/` must not start a new token with its `/`.
        previous = 0
      }
      return
    case .none:
      break
    }
    if let open = quote {
      if pendingQuote {
        pendingQuote = false
        if unit == open { return }  // a doubled quote stays inside
        quote = nil
      } else {
        if escaped {
          escaped = false
        } else if unit == 0x5C && open != 0x60 {
          escaped = true
        } else if unit == open {
          pendingQuote = true
        }
        return
      }
    }
    switch unit {
    case 0x27, 0x22, 0x60: quote = unit
    case 0x23: comment = .line
    case 0x2D where previous == 0x2D: comment = .line
    case 0x2A where previous == 0x2F: comment = .block
    default: break
    }
  }
}

/// What a replacement may hold where it is written, and how it is wrapped.
enum RedactionContext: Equatable {
  /// Free text: anything but a line break.
  case plain
  /// An unquoted delimited field: no quote, delimiter or line break.
  case delimitedBare
  /// Inside a string quoted by this ASCII character (a CSV field, an SQL string): no quote,
  /// backslash or line break.
  case quoted(UInt8)
  /// Inside a JSON string: no quote, backslash or control character.
  case jsonString
  /// A bare JSON value (a number): digits stay bare, anything else is written as a string.
  case jsonBare
  /// A bare SQL literal (a number): digits stay bare, anything else is written as a string.
  case sqlBare

  /// `text` made safe here: characters that would break the syntax become `*` (they are
  /// characters the replacement kept from the value, never ones it needs), and a replacement
  /// that is no longer a number where a bare number stood is quoted.
  func written(_ text: String) -> String {
    let forbidden: (Character) -> Bool
    switch self {
    case .plain: forbidden = { $0.isNewline }
    case .delimitedBare:
      forbidden = {
        $0.isNewline || $0 == "\"" || $0 == "," || $0 == "\t" || $0 == "|" || $0 == ";"
      }
    case .quoted(let quote):
      let q = Character(Unicode.Scalar(quote))
      forbidden = { $0.isNewline || $0 == q || $0 == "\\" }
    case .jsonString, .jsonBare:
      forbidden = {
        $0.isNewline || $0 == "\"" || $0 == "\\" || $0.unicodeScalars.first!.value < 0x20
      }
    case .sqlBare:
      forbidden = { $0.isNewline || $0 == "'" || $0 == "\\" }
    }
    let safe = String(text.map { forbidden($0) ? "*" : $0 })
    let isNumber = !safe.isEmpty && safe.allSatisfy { $0.isASCII && $0.isNumber }
    switch self {
    case .jsonBare where !isNumber: return "\"" + safe + "\""
    case .sqlBare where !isNumber: return "'" + safe + "'"
    default: return safe
    }
  }
}
