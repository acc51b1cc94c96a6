/// A small, forgiving XML tokenizer over UTF-8 bytes, enough for the parts of an OOXML package.
///
/// It reports start tags, end tags, text and CDATA sections, and skips comments, processing
/// instructions and DOCTYPE declarations. Names are reported without their namespace prefix
/// (`x:c` and `c` are both `c`); namespaces are otherwise ignored. Nothing is validated: a
/// stray `<` that starts no tag is text, an unterminated tag or comment ends the document, and
/// end tags need not match start tags. Text is reported raw; ``appendDecoded(_:to:)`` decodes
/// its entities.
struct XMLScanner {
  enum Token: Equatable {
    /// `name` is the local name; `attributes` is everything between the name and `>` or `/>`.
    case startTag(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
    case endTag(name: Range<Int>)
    /// Character data between tags, entities not yet decoded.
    case text(Range<Int>)
    /// The content of a CDATA section, literal.
    case cdata(Range<Int>)
    case end
  }

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    // A UTF-8 byte order mark is not text.
    position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  mutating func next() -> Token {
    let count = bytes.count
    while position < count {
      let start = position
      if bytes[start] != 0x3C {  // text up to the next '<'
        var i = start + 1
        while i < count && bytes[i] != 0x3C { i += 1 }
        position = i
        return .text(start..<i)
      }
      let p = start + 1
      guard p < count else {
        position = count
        return .text(start..<count)
      }
      let first = bytes[p]
      if first == 0x2F {  // '/': end tag
        let nameEnd = scanName(from: p + 1)
        guard let gt = find(0x3E, from: nameEnd) else { return finish() }
        position = gt + 1
        return .endTag(name: localName(p + 1..<nameEnd))
      }
      if first == 0x3F {  // '?': processing instruction or XML declaration
        guard let close = find2(0x3F, 0x3E, from: p + 1) else { return finish() }
        position = close + 2
        continue
      }
      if first == 0x21 {  // '!': comment, CDATA or declaration
        if hasPrefix("<!--", at: start) {
          guard let close = find3(0x2D, 0x2D, 0x3E, from: start + 4) else { return finish() }
          position = close + 3
          continue
        }
        if hasPrefix("<![CDATA[", at: start) {
          let contentStart = start + 9
          guard let close = find3(0x5D, 0x5D, 0x3E, from: contentStart) else {
            position = count
            return .cdata(contentStart..<count)
          }
          position = close + 3
          return .cdata(contentStart..<close)
        }
        // <!DOCTYPE …> possibly with an internal subset in brackets.
        var depth = 0
        var i = p + 1
        while i < count {
          let b = bytes[i]
          if b == 0x5B {
            depth += 1
          } else if b == 0x5D {
            depth -= 1
          } else if b == 0x3E && depth <= 0 {
            break
          }
          i += 1
        }
        position = i + 1
        continue
      }
      guard Self.isNameStart(first) else {  // a '<' that starts no tag is text
        position = p
        return .text(start..<p)
      }
      let nameEnd = scanName(from: p)
      // The tag ends at the first '>' outside a quoted attribute value.
      var i = nameEnd
      var quote: UInt8 = 0
      while i < count {
        let b = bytes[i]
        if quote != 0 {
          if b == quote { quote = 0 }
        } else if b == 0x3E {
          break
        } else if b == 0x22 || b == 0x27 {
          quote = b
        }
        i += 1
      }
      guard i < count else { return finish() }
      position = i + 1
      let selfClosing = i > nameEnd && bytes[i - 1] == 0x2F
      return .startTag(
        name: localName(p..<nameEnd), attributes: nameEnd..<(selfClosing ? i - 1 : i),
        selfClosing: selfClosing)
    }
    return .end
  }

  private mutating func finish() -> Token {
    position = bytes.count
    return .end
  }

  // MARK: Names

  static func isNameStart(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b == 0x3A || b >= 0x80
  }

  private func scanName(from start: Int) -> Int {
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x2F || b == 0x3E { break }
      i += 1
    }
    return i
  }

  /// The part of a qualified name after its last ':'.
  func localName(_ name: Range<Int>) -> Range<Int> {
    var i = name.upperBound
    while i > name.lowerBound {
      if bytes[i - 1] == 0x3A { return i..<name.upperBound }
      i -= 1
    }
    return name
  }

  /// Whether the bytes in `range` are exactly `literal` (ASCII).
  func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
    guard range.count == literal.utf8CodeUnitCount else { return false }
    let p = literal.utf8Start
    var j = 0
    for i in range {
      if bytes[i] != p[j] { return false }
      j += 1
    }
    return true
  }

  // MARK: Attributes

  /// Calls `body` with the local name and the raw value (entities not decoded) of each
  /// attribute in `range`. Forgiving: an attribute without a value has an empty one, and an
  /// unquoted value runs to the next white space.
  func forEachAttribute(in range: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Void) {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      while i < end && Self.isSpace(bytes[i]) { i += 1 }
      guard i < end else { return }
      let nameStart = i
      while i < end && bytes[i] != 0x3D && !Self.isSpace(bytes[i]) { i += 1 }
      let name = localName(nameStart..<i)
      while i < end && Self.isSpace(bytes[i]) { i += 1 }
      guard i < end, bytes[i] == 0x3D else {
        if !name.isEmpty { body(name, i..<i) }
        if i == nameStart { i += 1 }
        continue
      }
      i += 1
      while i < end && Self.isSpace(bytes[i]) { i += 1 }
      guard i < end else {
        body(name, end..<end)
        return
      }
      let q = bytes[i]
      if q == 0x22 || q == 0x27 {
        let valueStart = i + 1
        var j = valueStart
        while j < end && bytes[j] != q { j += 1 }
        body(name, valueStart..<j)
        i = j + 1
      } else {
        let valueStart = i
        while i < end && !Self.isSpace(bytes[i]) { i += 1 }
        body(name, valueStart..<i)
      }
    }
  }

  /// The raw value of the attribute whose local name is `name`, if the tag has it.
  func attribute(_ name: StaticString, in range: Range<Int>) -> Range<Int>? {
    var found: Range<Int>?
    forEachAttribute(in: range) { n, v in
      if found == nil && equals(n, name) { found = v }
    }
    return found
  }

  /// The decoded value of attribute `name` as a string.
  func string(_ name: StaticString, in range: Range<Int>) -> String? {
    guard let raw = attribute(name, in: range) else { return nil }
    var out: [UInt8] = []
    appendDecoded(raw, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }

  // MARK: Text

  /// Appends the bytes in `range` with the entities `&amp; &lt; &gt; &quot; &apos;`, `&#NNN;`
  /// and `&#xHH;` decoded. An entity that is unknown or malformed is kept as written.
  func appendDecoded(_ range: Range<Int>, to out: inout [UInt8]) {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      var j = i
      while j < end && bytes[j] != 0x26 { j += 1 }
      if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
      guard j < end else { return }
      // bytes[j] == '&'
      if let (scalar, next) = entity(at: j, end: end) {
        Self.appendUTF8(scalar, to: &out)
        i = next
      } else {
        out.append(0x26)
        i = j + 1
      }
    }
  }

  /// The character of the entity at `amp` and the index after its ';'.
  private func entity(at amp: Int, end: Int) -> (UInt32, Int)? {
    var semi = amp + 1
    let limit = min(end, amp + 12)
    while semi < limit && bytes[semi] != 0x3B { semi += 1 }
    guard semi < limit else { return nil }
    let body = amp + 1..<semi
    if body.count >= 2 && bytes[body.lowerBound] == 0x23 {  // '#'
      var i = body.lowerBound + 1
      var radix: UInt32 = 10
      if bytes[i] == 0x78 || bytes[i] == 0x58 {
        radix = 16
        i += 1
      }
      guard i < semi else { return nil }
      var value: UInt32 = 0
      while i < semi {
        guard let digit = Self.digitValue(bytes[i], radix: radix) else { return nil }
        value = value * radix + digit
        if value > 0x10FFFF { return nil }
        i += 1
      }
      guard value != 0, !(0xD800...0xDFFF).contains(value) else { return nil }
      return (value, semi + 1)
    }
    let scalar: UInt32
    if equals(body, "amp") {
      scalar = 0x26
    } else if equals(body, "lt") {
      scalar = 0x3C
    } else if equals(body, "gt") {
      scalar = 0x3E
    } else if equals(body, "quot") {
      scalar = 0x22
    } else if equals(body, "apos") {
      scalar = 0x27
    } else {
      return nil
    }
    return (scalar, semi + 1)
  }

  private static func digitValue(_ b: UInt8, radix: UInt32) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x61...0x66 where radix == 16: return UInt32(b - 0x61 + 10)
    case 0x41...0x46 where radix == 16: return UInt32(b - 0x41 + 10)
    default: return nil
    }
  }

  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (scalar >> 6)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (scalar >> 12)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (scalar >> 18)))
      out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }

  // MARK: Searching

  private func hasPrefix(_ literal: StaticString, at start: Int) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard start + n <= bytes.count else { return false }
    return equals(start..<start + n, literal)
  }

  private func find(_ b: UInt8, from start: Int) -> Int? {
    var i = start
    while i < bytes.count {
      if bytes[i] == b { return i }
      i += 1
    }
    return nil
  }

  private func find2(_ a: UInt8, _ b: UInt8, from start: Int) -> Int? {
    var i = start
    while i + 1 < bytes.count {
      if bytes[i] == a && bytes[i + 1] == b { return i }
      i += 1
    }
    return nil
  }

  private func find3(_ a: UInt8, _ b: UInt8, _ c: UInt8, from start: Int) -> Int? {
    var i = start
    while i + 2 < bytes.count {
      if bytes[i] == a && bytes[i + 1] == b && bytes[i + 2] == c { return i }
      i += 1
    }
    return nil
  }
}

/// Decodes the `_xHHHH_` escapes OOXML uses in string content for characters XML cannot carry
/// (`_x000D_` for CR, `_x0009_` for TAB, `_x005F_` for a literal underscore that starts such a
/// sequence), in place, from `start` to the end of `bytes`.
func decodeOOXMLEscapes(_ bytes: inout [UInt8], from start: Int) {
  let count = bytes.count
  // Fast check: most strings have no "_x".
  var first = -1
  var i = start
  while i + 6 < count {
    if bytes[i] == 0x5F && bytes[i + 1] == 0x78 && bytes[i + 6] == 0x5F {
      first = i
      break
    }
    i += 1
  }
  guard first >= 0 else { return }
  var read = first
  var write = first
  while read < count {
    if read + 6 < count, bytes[read] == 0x5F, bytes[read + 1] == 0x78, bytes[read + 6] == 0x5F,
      let value = hex4(bytes, read + 2)
    {
      var utf8: [UInt8] = []
      let scalar = (0xD800...0xDFFF).contains(value) ? 0xFFFD : value
      XMLScanner.appendUTF8(scalar, to: &utf8)
      // The UTF-8 form of a BMP scalar is at most 3 bytes, shorter than the 7-byte escape.
      for b in utf8 {
        bytes[write] = b
        write += 1
      }
      read += 7
    } else {
      bytes[write] = bytes[read]
      write += 1
      read += 1
    }
  }
  bytes.removeSubrange(write..<count)
}

private func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32? {
  var value: UInt32 = 0
  for k in 0..<4 {
    let b = bytes[at + k]
    let d: UInt32
    switch b {
    case 0x30...0x39: d = UInt32(b - 0x30)
    case 0x61...0x66: d = UInt32(b - 0x61 + 10)
    case 0x41...0x46: d = UInt32(b - 0x41 + 10)
    default: return nil
    }
    value = value << 4 | d
  }
  return value
}
