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

  /// The `key=value` / `key: value` / `key：value` pairs in `range` (a line of free text, or a
  /// cell such as a remark "紧急联系人：陈姗贞"). A key is a short run of letters, digits, `_`,
  /// `.`, `-` or Han characters, not all digits (so "12:00" is no pair); a value runs to a
  /// space, `,`, `;`, `&`, `，` or `；`. Only separators within `keysWithin` bytes of the range's
  /// start are looked at.
  static func forEachPair(
    in w: ByteWindow, _ range: Range<Int>, record: Int, keysWithin: Int = .max,
    _ body: FieldBody
  ) {
    var i = range.lowerBound
    let separatorsEnd = range.lowerBound + min(keysWithin, range.count)
    while i < separatorsEnd {
      var separatorEnd: Int?
      if w[i] == 0x3D || w[i] == 0x3A {
        separatorEnd = i + 1
      } else if w[i] == 0xEF && w[i + 1] == 0xBC && w[i + 2] == 0x9A {
        separatorEnd = i + 3
      }
      guard let valueStart = separatorEnd, valueStart <= range.upperBound else {
        i += 1
        continue
      }
      // The key: back over key characters, at most 24 bytes.
      var keyStart = i
      var hasLetter = false
      while keyStart > range.lowerBound && i - keyStart < 24 {
        let b = w[keyStart - 1]
        if ByteClass.isLetter(b) || b >= 0x80 {
          hasLetter = true
        } else if !(ByteClass.isDigit(b) || b == 0x5F || b == 0x2E || b == 0x2D) {
          break
        }
        keyStart -= 1
      }
      // Don't cut a multi-byte character in half at the key's start.
      while keyStart < i && w[keyStart] & 0xC0 == 0x80 { keyStart += 1 }
      var start = valueStart
      while start < range.upperBound && w[start] == 0x20 { start += 1 }
      var end = start
      while end < range.upperBound {
        let b = w[end]
        if b == 0x20 || b == 0x2C || b == 0x3B || b == 0x26 || b == 0x09 || b == 0x22 { break }
        if b == 0xEF && w[end + 1] == 0xBC && (w[end + 2] == 0x8C || w[end + 2] == 0x9B) { break }
        end += 1
      }
      if hasLetter && keyStart < i && end > start
        && !(w[valueStart] == 0x2F && w[valueStart + 1] == 0x2F)
      {
        body(
          UnsafeRawBufferPointer(rebasing: w.bytes[keyStart..<i]), RecordReach.empty,
          start..<end, record)
      }
      i = max(valueStart, end)
    }
  }
}
