/// Walks the records that overlap a chunk's owned range and hands each field — its name and
/// the byte range of its value — to a callback: the cells of a delimited row, the values of an
/// SQL tuple, the members of JSON objects, the value of a `key：value` line.
///
/// Every chunk that overlaps a record reads it from its start, so a record cut by a chunk
/// boundary (a line longer than a chunk) is parsed the same way on both sides; callers keep the
/// values that start in their owned range. What decides a field depends only on bytes within
/// ``reach`` of the field, so the fields found never depend on where chunks are cut: a record
/// is read from its start only when that start is within ``reach`` of the owned range, and a
/// field whose value starts more than ``reach`` bytes into its record is not enumerated (the
/// same bound the field context of strong findings has). Fields are enumerated per line (a
/// quoted CSV cell may not span lines here).
struct FieldEnumerator {
  let profile: InputProfile

  static var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

  /// What a field callback gets: the field's name, a second name to try when the first says
  /// nothing (an SQL column's COMMENT, the key of the JSON object holding the member; often
  /// empty), the value's byte range and the record's start. Names are valid during the call.
  typealias Body = (
    _ name: UnsafeRawBufferPointer, _ alternate: UnsafeRawBufferPointer, _ value: Range<Int>,
    _ record: Int
  ) -> Void

  /// Calls `body` for each field. Positions are relative to the window.
  func forEachField(in w: ByteWindow, owned: Range<Int>, _ body: Body) {
    switch profile.format {
    case .delimited: delimitedFields(w, owned, body)
    case .sql: sqlFields(w, owned, body)
    case .jsonLines, .json: jsonFields(w, owned, body)
    case .keyValue: keyValueFields(w, owned, body)
    case .text: inlinePairs(w, owned, body)
    }
  }

  /// How far into its record a field's value may start and still be enumerated: at most
  /// ``FieldLocator/lookBack``, which every chunk's context covers even after decoding.
  static let reach = FieldLocator.lookBack

  /// Where the first line to read for `owned` starts: the line holding the owned start when
  /// its real start is within ``reach`` (``FieldLocator/realLineStart(_:_:)`` looks no
  /// further), else the first line starting in the range (possibly past its end).
  static func firstLineStart(_ w: ByteWindow, _ owned: Range<Int>) -> Int {
    var start = owned.lowerBound
    guard start > 0 && w[start - 1] != 0x0A else { return start }
    if let real = FieldLocator.realLineStart(start, w) { return real }
    while start < owned.upperBound && w[start] != 0x0A { start += 1 }
    return start + 1
  }

  /// The lines that overlap `owned`: the one holding the owned start when its real start is
  /// within ``reach``, then every line starting in the range. A line runs to its newline or to
  /// the window's end.
  private func forEachLine(_ w: ByteWindow, _ owned: Range<Int>, _ body: (Range<Int>) -> Void) {
    var start = Self.firstLineStart(w, owned)
    while start < owned.upperBound {
      let end = w.firstIndex(of: 0x0A, in: start..<w.count) ?? w.count
      var trimmed = end
      if trimmed > start && w[trimmed - 1] == 0x0D { trimmed -= 1 }
      body(start..<trimmed)
      start = end + 1
    }
  }

  private func delimitedFields(
    _ w: ByteWindow, _ owned: Range<Int>,
    _ body: Body
  ) {
    guard let delimiter = profile.delimiter else { return }
    let columns = profile.columns
    forEachLine(w, owned) { line in
      // The header row names the columns; it is no record.
      if profile.headerRow && w.startsInput
        && (line.lowerBound == 0 || (line.lowerBound == 3 && w[0] == 0xEF))
      {
        return
      }
      let run = profile.delimiterRun
      // A line of a combo list without a separator ("----") is no row of it (a file that
      // starts as a combo list may go on as anything).
      if run > 1 && !w.containsRun(of: delimiter, run, in: line) { return }
      var i = line.lowerBound
      var column = 0
      while i <= line.upperBound && column < columns.count && i - line.lowerBound <= Self.reach {
        var value: Range<Int>
        if i < line.upperBound && w[i] == 0x22 {
          var j = i + 1
          while j < line.upperBound {
            if w[j] == 0x22 {
              if w[j + 1] == 0x22 { j += 2; continue }
              break
            }
            j += 1
          }
          value = (i + 1)..<min(j, line.upperBound)
          i = j + 1
          while i < line.upperBound && w[i] != delimiter { i += 1 }
        } else {
          var j = i
          while j < line.upperBound {
            if w[j] == delimiter {
              var k = j
              while k < line.upperBound && w[k] == delimiter { k += 1 }
              if k - j >= run { break }
              j = k
              continue
            }
            j += 1
          }
          value = i..<j
          i = j
        }
        columns[column].withUnsafeBytes { body($0, Self.empty, value, line.lowerBound) }
        column += 1
        // Past the separator (a run of delimiters in a combo list).
        var skipped = 0
        while i < line.upperBound && w[i] == delimiter && skipped < max(run, 1) * 4 {
          i += 1
          skipped += 1
          if run == 1 { break }
        }
        if skipped == 0 { i += 1 }
      }
    }
  }

  private func sqlFields(
    _ w: ByteWindow, _ owned: Range<Int>,
    _ body: Body
  ) {
    // Tuples whose '(' is in the owned range: from the first tuple start at or after it.
    let locator = FieldLocator(profile: profile)
    // From the tuple the owned range starts in, if its start is within reach.
    var i = locator.tupleStart(owned.lowerBound, w) ?? owned.lowerBound
    while i < owned.upperBound {
      guard w[i] == 0x28, locator.tupleStart(i + 1, w) == i else {
        i += 1
        continue
      }
      let record = i
      let columns = profile.sql.columns(at: w.absolute(record))
      // Parse the tuple: values separated by top-level commas, strings quoted.
      var index = 0
      var j = i + 1
      var done = false
      while !done && j < w.count && j - record <= Self.reach {
        while w[j] == 0x20 { j += 1 }
        var value: Range<Int>
        if w[j] == 0x27 || w[j] == 0x22 {
          let quote = w[j]
          var k = j + 1
          while k < w.count {
            if w[k] == 0x5C { k += 2; continue }
            if w[k] == quote {
              if w[k + 1] == quote { k += 2; continue }
              break
            }
            k += 1
          }
          value = (j + 1)..<min(k, w.count)
          j = k + 1
        } else {
          var k = j
          var depth = 0
          while k < w.count {
            let b = w[k]
            if b == 0x28 { depth += 1 } else if b == 0x29 {
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
        while j < w.count && w[j] == 0x20 { j += 1 }
        if let columns, index < columns.count {
          columns[index].name.withUnsafeBytes { name in
            columns[index].comment.withUnsafeBytes { comment in body(name, comment, value, record) }
          }
        }
        index += 1
        if j >= w.count || w[j] == 0x29 || w[j] == 0x0A { done = true } else { j += 1 }
      }
      i = max(i + 1, j)
    }
  }

  private func jsonFields(
    _ w: ByteWindow, _ owned: Range<Int>,
    _ body: Body
  ) {
    let locator = FieldLocator(profile: profile)
    forEachLine(w, owned) { line in
      let record = profile.format == .jsonLines ? line.lowerBound : (locator.objectStart(line.lowerBound, w) ?? line.lowerBound)
      var i = line.lowerBound
      // Keys of the objects opened on this line, to name a member whose own key says nothing
      // ("address": {"home": "…"}).
      var parents: [Range<Int>] = []
      var pendingParent: Range<Int>?
      while i < line.upperBound && i - line.lowerBound <= Self.reach {
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
        let parent = parents.last.map { UnsafeRawBufferPointer(rebasing: w.bytes[$0]) } ?? Self.empty
        body(name, parent, value, record)
      }
    }
  }

  /// `key=value`, `key: value` and `key：value` pairs anywhere in free-text lines (logs:
  /// "实名认证请求 name=阎恒浩 idNo=…"). A key is a short run of letters, digits, `_`, `.`, `-`
  /// or Han characters, not all digits (so "12:00" is no pair); a value runs to a space, `,`,
  /// `;`, `&`, `，` or `；`.
  private func inlinePairs(_ w: ByteWindow, _ owned: Range<Int>, _ body: Body) {
    forEachLine(w, owned) { line in
      Self.forEachPair(in: w, line, record: line.lowerBound, keysWithin: Self.reach, body)
    }
  }

  /// The `key=value` / `key: value` / `key：value` pairs in `range` (a line of free text, or a
  /// cell such as a remark "紧急联系人：陈姗贞").
  /// Only separators within `keysWithin` bytes of the range's start are looked at.
  static func forEachPair(
    in w: ByteWindow, _ range: Range<Int>, record: Int, keysWithin: Int = .max, _ body: Body
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
      if hasLetter && keyStart < i && end > start && !(w[valueStart] == 0x2F && w[valueStart + 1] == 0x2F) {
        body(UnsafeRawBufferPointer(rebasing: w.bytes[keyStart..<i]), empty, start..<end, record)
      }
      i = max(valueStart, end)
    }
  }

  private func keyValueFields(
    _ w: ByteWindow, _ owned: Range<Int>,
    _ body: Body
  ) {
    let locator = FieldLocator(profile: profile)
    forEachLine(w, owned) { line in
      // key：value — the first colon within the first 40 bytes.
      var i = line.lowerBound
      let limit = min(line.upperBound, line.lowerBound + 40)
      var colonEnd: Int?
      while i < limit {
        if w[i] == 0x3A { colonEnd = i + 1; break }
        if w[i] == 0xEF && w[i + 1] == 0xBC && w[i + 2] == 0x9A { colonEnd = i + 3; break }
        if w[i] == 0x20 || w[i] == 0x2C || w[i] == 0x09 { break }
        i += 1
      }
      guard let colonEnd, i > line.lowerBound else { return }
      var start = colonEnd
      while start < line.upperBound && (w[start] == 0x20 || w[start] == 0x09) { start += 1 }
      guard start < line.upperBound else { return }
      let record =
        profile.format == .keyValue ? (locator.blockStart(line.lowerBound, w) ?? line.lowerBound) : line.lowerBound
      body(
        UnsafeRawBufferPointer(rebasing: w.bytes[line.lowerBound..<i]), Self.empty,
        start..<line.upperBound, record)
    }
  }
}
