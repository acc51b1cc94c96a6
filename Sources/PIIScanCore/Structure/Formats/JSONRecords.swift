/// JSON Lines (a record is a line) and JSON documents (a record is the innermost object around
/// a value): a field is the nearest key, and the key of the enclosing object names a member
/// whose own key says nothing (`"address": {"home": "…"}`).
enum JSONRecords: RecordFormat {
  static func forEachField(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>, _ body: FieldBody
  ) {
    RecordReach.forEachLine(w, owned) { line in
      let record =
        profile.format == .jsonLines
        ? line.lowerBound : (objectStart(line.lowerBound, w) ?? line.lowerBound)
      var i = line.lowerBound
      // Keys of the objects opened on this line, to name a member whose own key says nothing.
      var parents: [Range<Int>] = []
      var pendingParent: Range<Int>?
      while i < line.upperBound && i - line.lowerBound <= RecordReach.reach {
        if w[i] == 0x7B {
          parents.append(pendingParent ?? 0..<0)
          pendingParent = nil
          i += 1
          continue
        }
        if w[i] == 0x7D {
          if !parents.isEmpty { parents.removeLast() }
          i += 1
          continue
        }
        guard w[i] == 0x22 else {
          i += 1
          continue
        }
        // A string: a key when a ':' follows it.
        var j = i + 1
        while j < line.upperBound && w[j] != 0x22 {
          if w[j] == 0x5C { j += 1 }
          j += 1
        }
        let key = (i + 1)..<j
        var k = j + 1
        while k < line.upperBound && (w[k] == 0x20 || w[k] == 0x09) { k += 1 }
        guard k < line.upperBound, w[k] == 0x3A else {
          i = j + 1
          continue
        }
        k += 1
        while k < line.upperBound && (w[k] == 0x20 || w[k] == 0x09) { k += 1 }
        var value: Range<Int>
        if k < line.upperBound && w[k] == 0x22 {
          var e = k + 1
          while e < line.upperBound && w[e] != 0x22 {
            if w[e] == 0x5C { e += 1 }
            e += 1
          }
          value = (k + 1)..<min(e, line.upperBound)
          i = e + 1
        } else if k < line.upperBound && (w[k] == 0x7B || w[k] == 0x5B) {
          pendingParent = w[k] == 0x7B ? key : nil
          i = k  // a nested object or array: its members come next
          continue
        } else {
          var e = k
          while e < line.upperBound && w[e] != 0x2C && w[e] != 0x7D && w[e] != 0x5D { e += 1 }
          value = k..<e
          i = e
        }
        let name = UnsafeRawBufferPointer(rebasing: w.bytes[key])
        let parent =
          parents.last.map { UnsafeRawBufferPointer(rebasing: w.bytes[$0]) } ?? RecordReach.empty
        body(name, parent, value, record)
      }
    }
  }

  static func locate(_ profile: InputProfile, _ p: Int, in w: ByteWindow) -> FieldContext {
    let record =
      profile.format == .jsonLines
      ? RecordReach.realLineStart(p, w) : objectStart(p, w)
    return FieldContext(record: record.map(w.absolute), field: key(before: p, w))
  }

  /// The key of the JSON member whose value holds `p`: `"key": "…p…"` or `"key": p`.
  static func key(before p: Int, _ w: ByteWindow) -> [UInt8]? {
    var i = p - 1
    let lowest = max(0, p - 256)
    // Back to the opening quote of the string holding p, if p is inside one.
    var j = i
    while j >= lowest && w[j] != 0x22 && w[j] != 0x3A && w[j] != 0x2C && w[j] != 0x7B { j -= 1 }
    if j >= lowest && w[j] == 0x22 { i = j - 1 } else { i = p - 1 }
    while w[i] == 0x20 || w[i] == 0x09 { i -= 1 }
    guard w[i] == 0x3A else { return nil }
    i -= 1
    while w[i] == 0x20 || w[i] == 0x09 { i -= 1 }
    guard w[i] == 0x22 else { return nil }
    let end = i
    i -= 1
    while i >= lowest && w[i] != 0x22 { i -= 1 }
    guard i >= lowest, end - i - 1 > 0 else { return nil }
    return (i + 1..<end).map { ByteClass.lowercased(w[$0]) }
  }

  /// The `{` of the innermost JSON object holding `p` (strings are not skipped: braces inside
  /// strings are rare enough in dumps to accept the occasional wrong record).
  static func objectStart(_ p: Int, _ w: ByteWindow) -> Int? {
    var depth = 0
    var i = p - 1
    let lowest = max(0, p - RecordReach.lookBack)
    while i >= lowest {
      let b = w[i]
      if b == 0x7D {
        depth += 1
      } else if b == 0x7B {
        if depth == 0 { return i }
        depth -= 1
      }
      i -= 1
    }
    return nil
  }
}
