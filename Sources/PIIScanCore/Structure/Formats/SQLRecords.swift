/// An SQL dump: a record is an `INSERT … VALUES` tuple (many per line in extended inserts), a
/// field is the column of its table at the value's position (names from `CREATE TABLE`, with
/// their `COMMENT`s, or from the `INSERT`'s own column list; see ``SQLSchema``).
enum SQLRecords: RecordFormat {
  static func forEachField(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>, _ body: FieldBody
  ) {
    // Tuples whose '(' is in the owned range, from the tuple the owned range starts in if its
    // start is within reach.
    var i = tupleStart(owned.lowerBound, w) ?? nextTupleStart(from: owned.lowerBound, w)
    while i < owned.upperBound {
      let record = i
      let columns = profile.sql.columns(at: w.absolute(record))
      // Every tuple start (as `tupleStart` sees it) ends the tuple before it, so where a tuple
      // ends depends only on its own bytes, never on where the parse began: a quote left open
      // (a damaged dump) cannot swallow the tuples after it on one chunking and not on another.
      let next = nextTupleStart(from: i + 1, w)
      // Parse the tuple: values separated by top-level commas, strings quoted.
      var index = 0
      var j = i + 1
      var done = false
      // Nothing past the reach or the next tuple is read, not even to close a string.
      let limit = min(w.count, record + RecordReach.reach + 1, next)
      while !done && j < limit {
        while j < limit && w[j] == 0x20 { j += 1 }
        guard j < limit else { break }
        var value: Range<Int>
        if w[j] == 0x27 || w[j] == 0x22 {
          let quote = w[j]
          var k = j + 1
          while k < limit {
            if w[k] == 0x5C {
              k += 2
              continue
            }
            if w[k] == quote {
              if w[k + 1] == quote {
                k += 2
                continue
              }
              break
            }
            k += 1
          }
          value = (j + 1)..<min(k, limit)
          j = k + 1
        } else {
          var k = j
          var depth = 0
          while k < limit {
            let b = w[k]
            if b == 0x28 {
              depth += 1
            } else if b == 0x29 {
              if depth == 0 { break }
              depth -= 1
            } else if b == 0x2C && depth == 0 {
              break
            }
            k += 1
          }
          value = j..<k
          while value.upperBound > value.lowerBound && w[value.upperBound - 1] == 0x20 {
            value = value.lowerBound..<(value.upperBound - 1)
          }
          j = k
        }
        while j < limit && w[j] == 0x20 { j += 1 }
        if let columns, index < columns.count {
          columns[index].name.withUnsafeBytes { name in
            columns[index].comment.withUnsafeBytes { comment in body(name, comment, value, record) }
          }
        }
        index += 1
        if j >= limit || w[j] == 0x29 || w[j] == 0x0A { done = true } else { j += 1 }
      }
      i = next
    }
  }

  /// The first tuple start (a `(` that ``tupleStart(_:_:)`` names for the position after it)
  /// at or after `from`, or the window's end. Decided by the few bytes before each `(` alone.
  static func nextTupleStart(from: Int, _ w: ByteWindow) -> Int {
    var i = max(0, from)
    while let open = w.firstIndex(of: 0x28, in: i..<w.count) {
      if isTupleStart(open, w) { return open }
      i = open + 1
    }
    return w.count
  }

  /// Whether the `(` at `i` opens an `INSERT` tuple: one preceded by `),` or by `VALUES`,
  /// with at most ``maxGap`` bytes of white space between them (a longer run would make the
  /// answer depend on how far back the window reaches).
  static func isTupleStart(_ i: Int, _ w: ByteWindow) -> Bool {
    var j = i - 1
    while j >= i - maxGap && isSpace(w[j]) { j -= 1 }
    if w[j] == 0x2C {
      var k = j - 1
      while k >= j - maxGap && isSpace(w[k]) { k -= 1 }
      return w[k] == 0x29
    }
    return j >= 5 && (w[j] | 0x20) == 0x73 && (w[j - 1] | 0x20) == 0x65
      && (w[j - 2] | 0x20) == 0x75 && (w[j - 3] | 0x20) == 0x6C && (w[j - 4] | 0x20) == 0x61
      && (w[j - 5] | 0x20) == 0x76
  }

  static func locate(_ profile: InputProfile, _ p: Int, in w: ByteWindow) -> FieldContext {
    guard let tuple = tupleStart(p, w) else {
      return FieldContext(field: RecordReach.key(before: p, w))
    }
    let record = w.absolute(tuple)
    guard let index = fieldIndex(from: tuple + 1, to: p, w),
      let columns = profile.sql.columns(at: record), index < columns.count
    else { return FieldContext(record: record) }
    return FieldContext(
      record: record, field: columns[index].name + [0x20] + columns[index].comment)
  }

  /// The `(` that opens the `INSERT` tuple holding `p`: one preceded by `),` or by `VALUES`.
  static func tupleStart(_ p: Int, _ w: ByteWindow) -> Int? {
    var i = p - 1
    let lowest = max(0, p - RecordReach.lookBack)
    while i >= lowest {
      if w[i] == 0x28 && isTupleStart(i, w) { return i }
      i -= 1
    }
    return nil
  }

  /// The most white space looked over between a tuple's `(` and the `,` or `VALUES` before it.
  static let maxGap = 64

  @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
  }

  /// How many top-level commas stand between `from` and `p`, outside quoted strings.
  static func fieldIndex(from: Int, to p: Int, _ w: ByteWindow) -> Int? {
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
}
