/// Free text (logs, documents, prose): a record is a line; its fields are the `key=value`,
/// `key: value` and `key：value` pairs in it ("实名认证请求 name=阎恒浩 idNo=…"), and a value's
/// field is the key right before it. Names and addresses without a key are found by the soft
/// detector's free-text grammar, not here.
enum FreeTextRecords: RecordFormat {
  static func forEachField(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>, _ body: FieldBody
  ) {
    RecordReach.forEachLine(w, owned) { line in
      forEachPair(in: w, line, record: line.lowerBound, keysWithin: RecordReach.reach, body)
    }
  }

  static func locate(_ profile: InputProfile, _ p: Int, in w: ByteWindow) -> FieldContext {
    FieldContext(field: RecordReach.key(before: p, w))
  }

  /// The `key=value` / `key: value` / `key：value` pairs in `range` (a line of free text, a
  /// one-line profile "姓名：赵峰，身份证：…，住址：…", or a cell such as a remark
  /// "紧急联系人：陈姗贞"). A key is a short run of letters, digits, `_`, `.`, `-`, brackets or Han
  /// characters, not all digits (so "12:00" is no pair). A value runs to the separator (`，`
  /// `,` `;` `；` `|` `、` `&` a space or a tab) before the next key, or to the range's end: an
  /// address with a comma or a space in it stays whole, and a key without a value before it
  /// does not end it. Only separators within `keysWithin` bytes of the range's start are
  /// looked at, and a value's end no further than ``valueSearch`` bytes past its start.
  static func forEachPair(
    in w: ByteWindow, _ range: Range<Int>, record: Int, keysWithin: Int = .max,
    _ body: FieldBody
  ) {
    var i = range.lowerBound
    let separatorsEnd = range.lowerBound + min(keysWithin, range.count)
    // The next pair's key and colon, when the value before it found them.
    var next: (key: Int, colon: Int)?
    while i < separatorsEnd {
      guard let valueStart = colonEnd(at: i, w), valueStart <= range.upperBound else {
        i += 1
        continue
      }
      let (keyStart, hasLetter) =
        next?.colon == i ? (next!.key, true) : keyStart(before: i, lowest: range.lowerBound, w)
      // Not a key ("12:00", "http://"): no value is looked for.
      guard hasLetter && keyStart < i && !(w[valueStart] == 0x2F && w[valueStart + 1] == 0x2F)
      else {
        i = valueStart
        continue
      }
      var start = valueStart
      while start < range.upperBound && w[start] == 0x20 { start += 1 }
      let end = valueEnd(from: start, in: range, w, next: &next)
      if end > start {
        body(
          UnsafeRawBufferPointer(rebasing: w.bytes[keyStart..<i]), RecordReach.empty,
          start..<end, record)
        i = max(valueStart, next?.colon ?? end)
      } else {
        i = valueStart
      }
    }
  }

  /// How far past its start a value's end is looked for: longer values are not classified
  /// (``SoftDetector/maxValueLength``), so the search never needs to see further, and every
  /// chunk's window covers it.
  static let valueSearch = 1025

  /// The longest key, in bytes.
  static let maxKeyLength = 30

  /// The end of the `=`, `:` or `：` at `i`, if there is one.
  @inline(__always) static func colonEnd(at i: Int, _ w: ByteWindow) -> Int? {
    let b = w[i]
    if b == 0x3D || b == 0x3A { return i + 1 }
    if b == 0xEF && w[i + 1] == 0xBC && w[i + 2] == 0x9A { return i + 3 }
    return nil
  }

  /// Whether the byte (or the character ending) at `i` separates pairs, and how many bytes
  /// it has: `，` `；` `、` `｜` and the full-width space end at their last byte.
  @inline(__always) static func separatorLength(endingAt i: Int, _ w: ByteWindow) -> Int {
    let b = w[i]
    switch b {
    case 0x20, 0x09, 0x2C, 0x3B, 0x7C, 0x26, 0x22: return 1
    case 0x8C, 0x9B: return w[i - 1] == 0xBC && w[i - 2] == 0xEF ? 3 : 0
    case 0x81, 0x80: return w[i - 1] == 0x80 && w[i - 2] == 0xE3 ? 3 : 0
    case 0x9C: return w[i - 1] == 0xBD && w[i - 2] == 0xEF ? 3 : 0
    default: return 0
    }
  }

  /// Whether a separator character starts at `i`, and its length.
  @inline(__always) static func separatorLength(startingAt i: Int, _ w: ByteWindow) -> Int {
    let b = w[i]
    switch b {
    case 0x20, 0x09, 0x2C, 0x3B, 0x7C, 0x26, 0x22: return 1
    case 0xEF:
      let c = w[i + 2]
      return (w[i + 1] == 0xBC && (c == 0x8C || c == 0x9B)) || (w[i + 1] == 0xBD && c == 0x9C)
        ? 3 : 0
    case 0xE3: return w[i + 1] == 0x80 && (w[i + 2] == 0x81 || w[i + 2] == 0x80) ? 3 : 0
    default: return 0
    }
  }

  /// Whether `b` may be part of a key (ASCII letters, digits, `_ . - ( )`; bytes of other
  /// characters are checked for separators by the caller).
  @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
    b >= 0x80 || ByteClass.isAlphanumeric(b) || b == 0x5F || b == 0x2E || b == 0x2D
      || b == 0x28 || b == 0x29
  }

  /// The start of the key ending at `i` (back over key characters, at most ``maxKeyLength``
  /// bytes, stopping at a separator), and whether it holds a letter or a Han character.
  static func keyStart(before i: Int, lowest: Int, _ w: ByteWindow) -> (Int, Bool) {
    var keyStart = i
    var hasLetter = false
    while keyStart > lowest && i - keyStart < maxKeyLength {
      let b = w[keyStart - 1]
      guard isKeyByte(b), b < 0x80 || separatorLength(endingAt: keyStart - 1, w) == 0 else {
        break
      }
      // '：' and '。' end a key too.
      if b == 0x9A && w[keyStart - 2] == 0xBC && w[keyStart - 3] == 0xEF { break }
      if b == 0x82 && w[keyStart - 2] == 0x80 && w[keyStart - 3] == 0xE3 { break }
      if ByteClass.isLetter(b) || b >= 0x80 { hasLetter = true }
      keyStart -= 1
    }
    // Don't cut a multi-byte character in half at the key's start.
    while keyStart < i && w[keyStart] & 0xC0 == 0x80 { keyStart += 1 }
    return (keyStart, hasLetter)
  }

  /// Where the value starting at `start` ends: at the separators before the next key (with
  /// `knownKeysOnly`, the next key the header dictionary knows, or one of ASCII letters), else
  /// at the range's end (no further than ``valueSearch`` bytes), trailing separators dropped.
  ///
  /// Found colon first: each `=`, `:` or `：` after the value's start is looked at, and the
  /// key before it (``keyStart(before:lowest:_:)``) must follow a separator; so a value without
  /// a later pair costs one pass over its bytes.
  static func valueEnd(
    from start: Int, in range: Range<Int>, knownKeysOnly: Bool = false, _ w: ByteWindow
  ) -> Int {
    var next: (key: Int, colon: Int)?
    return valueEnd(from: start, in: range, knownKeysOnly: knownKeysOnly, w, next: &next)
  }

  /// ``valueEnd(from:in:knownKeysOnly:_:)``, also giving the key and colon of the pair that
  /// ends the value (nil when it runs to the range's end).
  static func valueEnd(
    from start: Int, in range: Range<Int>, knownKeysOnly: Bool = false, _ w: ByteWindow,
    next: inout (key: Int, colon: Int)?
  ) -> Int {
    next = nil
    let limit = min(range.upperBound, start + valueSearch, w.count)
    var end = limit
    var c = start
    guard let base = w.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return start }
    while c < limit {
      let b = base[c]
      guard b == 0x3D || b == 0x3A || (b == 0xEF && w[c + 1] == 0xBC && w[c + 2] == 0x9A) else {
        c += 1
        continue
      }
      let after = c + (b == 0xEF ? 3 : 1)
      let (key, hasLetter) = keyStart(before: c, lowest: start, w)
      if hasLetter, key < c, key > start, separatorLength(endingAt: key - 1, w) > 0,
        after < range.upperBound, !(w[after] == 0x2F && w[after + 1] == 0x2F),
        !knownKeysOnly || !hasHan(key..<c, w)
          || HeaderDictionary.isKnown(UnsafeRawBufferPointer(rebasing: w.bytes[key..<c]))
      {
        end = key
        next = (key, c)
        break
      }
      c = after
    }
    // No separator at the value's end.
    while end > start {
      let length = separatorLength(endingAt: end - 1, w)
      if length == 0 || end - length < start { break }
      end -= length
    }
    return end
  }

  /// Whether `range` holds a byte of a non-ASCII character.
  private static func hasHan(_ range: Range<Int>, _ w: ByteWindow) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      if w[i] >= 0x80 { return true }
      i += 1
    }
    return false
  }

  /// The first token of a value (up to its first separator, bracket or full stop): what a
  /// value followed by prose ("name=阎恒浩 登录成功", "户主:孔月凤（本人签字）") holds when the
  /// whole does not pass.
  static func firstToken(_ value: Range<Int>, _ w: ByteWindow) -> Range<Int> {
    var j = value.lowerBound
    while j < value.upperBound {
      let b = w[j]
      if separatorLength(startingAt: j, w) > 0 || b == 0x28
        || (b == 0xEF && w[j + 1] == 0xBC && w[j + 2] == 0x88)
        || (b == 0xE3 && w[j + 1] == 0x80 && w[j + 2] == 0x82)
      {
        return value.lowerBound..<j
      }
      j += 1
    }
    return value
  }
}
