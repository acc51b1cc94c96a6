/// Where a value sits in the structure of its input: the record it belongs to and the name of
/// its field (a column header, an SQL column, a JSON key, the key of a `key：value` line).
struct FieldContext {
  /// Absolute offset of the record's start, when the structure decides it (a tuple, an object,
  /// a block); nil means "the line", which the ordered merge resolves.
  var record: Int64?
  /// The field's name, lower-cased, when there is one.
  var field: [UInt8]?
}

/// Finds a value's record and field by looking a bounded distance around it, so the answer is
/// the same whichever chunk the value falls in (every window holds ``ChunkLayout/overlap``
/// bytes of context, more than any look-back here).
struct FieldLocator {
  static let lookBack = 2048

  let profile: InputProfile

  func locate(_ p: Int, in w: ByteWindow) -> FieldContext {
    switch profile.format {
    case .delimited:
      guard let start = Self.realLineStart(p, w) else { return FieldContext() }
      // A combo list's columns have no names.
      if profile.delimiterRun > 1 { return FieldContext(record: w.absolute(start)) }
      return FieldContext(record: w.absolute(start), field: column(p, lineStart: start, w))
    case .sql:
      guard let tuple = tupleStart(p, w) else { return FieldContext(field: key(before: p, w)) }
      let record = w.absolute(tuple)
      guard let index = fieldIndex(from: tuple + 1, to: p, w),
        let columns = profile.sql.columns(at: record), index < columns.count
      else { return FieldContext(record: record) }
      return FieldContext(record: record, field: columns[index].name + [0x20] + columns[index].comment)
    case .jsonLines:
      return FieldContext(record: Self.realLineStart(p, w).map(w.absolute), field: jsonKey(before: p, w))
    case .json:
      return FieldContext(record: objectStart(p, w).map(w.absolute), field: jsonKey(before: p, w))
    case .keyValue:
      return FieldContext(record: blockStart(p, w).map(w.absolute), field: key(before: p, w))
    case .text:
      return FieldContext(field: key(before: p, w))
    }
  }

  /// The start of the line holding `p`, if it is within reach and really a line start.
  static func realLineStart(_ p: Int, _ w: ByteWindow) -> Int? {
    let start = w.lineStart(before: p, limit: FieldLocator.lookBack)
    return (start == 0 && w.startsInput) || w[start - 1] == 0x0A ? start : nil
  }

  /// The header of the delimited column holding `p`.
  private func column(_ p: Int, lineStart: Int, _ w: ByteWindow) -> [UInt8]? {
    guard let delimiter = profile.delimiter else { return nil }
    var column = 0
    var quoted = false
    var i = lineStart
    while i < p {
      let b = w[i]
      if b == 0x22 {
        quoted.toggle()
      } else if b == delimiter && !quoted {
        var j = i
        while j < p && w[j] == delimiter { j += 1 }
        if j - i >= profile.delimiterRun { column += 1 }
        i = j
        continue
      }
      i += 1
    }
    return column < profile.columns.count ? profile.columns[column] : nil
  }

  /// The `(` that opens the `INSERT` tuple holding `p`: one preceded by `),` or by `VALUES`.
  func tupleStart(_ p: Int, _ w: ByteWindow) -> Int? {
    var i = p - 1
    let lowest = max(0, p - FieldLocator.lookBack)
    while i >= lowest {
      if w[i] == 0x28 {
        var j = i - 1
        while w[j] == 0x20 || w[j] == 0x0A || w[j] == 0x0D || w[j] == 0x09 { j -= 1 }
        if w[j] == 0x2C {
          var k = j - 1
          while w[k] == 0x20 || w[k] == 0x0A || w[k] == 0x0D || w[k] == 0x09 { k -= 1 }
          if w[k] == 0x29 { return i }
        } else if j >= 5, (w[j] | 0x20) == 0x73, (w[j - 1] | 0x20) == 0x65, (w[j - 2] | 0x20) == 0x75,
          (w[j - 3] | 0x20) == 0x6C, (w[j - 4] | 0x20) == 0x61, (w[j - 5] | 0x20) == 0x76
        {
          return i  // VALUES (
        }
      }
      i -= 1
    }
    return nil
  }

  /// How many top-level commas stand between `from` and `p`, outside quoted strings.
  func fieldIndex(from: Int, to p: Int, _ w: ByteWindow) -> Int? {
    var index = 0
    var quote: UInt8 = 0
    var depth = 0
    var i = from
    while i < p {
      let b = w[i]
      if quote != 0 {
        if b == 0x5C {
          i += 1
        } else if b == quote {
          if w[i + 1] == quote { i += 1 } else { quote = 0 }
        }
      } else if b == 0x27 || b == 0x22 {
        quote = b
      } else if b == 0x28 {
        depth += 1
      } else if b == 0x29 {
        if depth == 0 { return nil }  // the tuple ended before p
        depth -= 1
      } else if b == 0x2C && depth == 0 {
        index += 1
      }
      i += 1
    }
    return index
  }

  /// The key of the JSON member whose value holds `p`: `"key": "…p…"` or `"key": p`.
  func jsonKey(before p: Int, _ w: ByteWindow) -> [UInt8]? {
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

  /// The key of a `key：value`, `key: value` or `key=value` right before `p` on its line.
  func key(before p: Int, _ w: ByteWindow) -> [UInt8]? {
    var i = p - 1
    while w[i] == 0x20 || w[i] == 0x09 || w[i] == 0x22 || w[i] == 0x27 { i -= 1 }
    if w[i] == 0x9A && w[i - 1] == 0xBC && w[i - 2] == 0xEF {
      i -= 3  // '：'
    } else if w[i] == 0x3A || w[i] == 0x3D {
      i -= 1
    } else {
      return nil
    }
    while w[i] == 0x20 || w[i] == 0x09 || w[i] == 0x22 || w[i] == 0x27 { i -= 1 }
    let end = i + 1
    let lowest = max(0, end - 48)
    while i >= lowest {
      let b = w[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x2C || b == 0x3B || b == 0x7C || b == 0x7B
        || b == 0x28 || b == 0x26 || b == 0x3F || b == 0x22 || b == 0x27
      {
        break
      }
      // '，' (EF BC 8C), '；' (EF BC 9B), '、' (E3 80 81) end a key too.
      if (b == 0x8C || b == 0x9B) && w[i - 1] == 0xBC && w[i - 2] == 0xEF { break }
      if b == 0x81 && w[i - 1] == 0x80 && w[i - 2] == 0xE3 { break }
      i -= 1
    }
    guard end - (i + 1) > 0 else { return nil }
    return (i + 1..<end).map { ByteClass.lowercased(w[$0]) }
  }

  /// The `{` of the innermost JSON object holding `p` (strings are not skipped: braces inside
  /// strings are rare enough in dumps to accept the occasional wrong record).
  func objectStart(_ p: Int, _ w: ByteWindow) -> Int? {
    var depth = 0
    var i = p - 1
    let lowest = max(0, p - FieldLocator.lookBack)
    while i >= lowest {
      let b = w[i]
      if b == 0x7D { depth += 1 } else if b == 0x7B {
        if depth == 0 { return i }
        depth -= 1
      }
      i -= 1
    }
    return nil
  }

  /// The first line of the block of non-blank lines holding `p`.
  func blockStart(_ p: Int, _ w: ByteWindow) -> Int? {
    var i = p
    let lowest = max(0, p - FieldLocator.lookBack)
    while i > lowest {
      if w[i - 1] == 0x0A {
        // A blank line ("\n\n" or "\n\r\n") before position i ends the previous block.
        if w[i - 2] == 0x0A || (w[i - 2] == 0x0D && w[i - 3] == 0x0A) { return i }
      }
      i -= 1
    }
    return i == 0 && w.startsInput ? 0 : nil
  }
}
