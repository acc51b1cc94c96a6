/// Where a value sits in the structure of its input: the record it belongs to and the name of
/// its field (a column header, an SQL column, a JSON key, the key of a `key：value` line).
struct FieldContext {
  /// Absolute offset of the record's start, when the structure decides it (a tuple, an object,
  /// a block); nil means "the line", which the ordered merge resolves.
  var record: Int64?
  /// The field's name, lower-cased, when there is one.
  var field: [UInt8]?
}

/// What a field callback gets: the field's name, a second name to try when the first says
/// nothing (an SQL column's COMMENT, the key of the JSON object holding the member; often
/// empty), the value's byte range and the record's start. Names are valid during the call.
typealias FieldBody = (
  _ name: UnsafeRawBufferPointer, _ alternate: UnsafeRawBufferPointer, _ value: Range<Int>,
  _ record: Int
) -> Void

/// One shape of record — a delimited row, a combo-list line, an SQL tuple, a JSON object, a
/// `key：value` block, a line of free text — and the two things every detector asks of it:
/// the fields of the records that overlap a chunk's owned range, and the record and field a
/// value at a position belongs to (docs/FORMATS.md).
///
/// **Same answers on every chunking.** Every chunk that overlaps a record reads it from its
/// start, so a record cut by a chunk boundary (a line longer than a chunk) is parsed the same
/// way on both sides; callers keep the values that start in their owned range. What decides a
/// field depends only on bytes within ``RecordReach/reach`` of the field: a record is read from
/// its start only when that start is within reach of the owned range, a field whose value
/// starts further into its record is not listed, and a position's record and field are looked
/// for no further back than ``RecordReach/lookBack`` — bounds every chunk's context covers.
protocol RecordFormat {
  /// Calls `body` for each field of the records that overlap `owned`. Positions are relative
  /// to the window.
  static func forEachField(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>, _ body: FieldBody)

  /// The record and field of the value at `p`.
  static func locate(_ profile: InputProfile, _ p: Int, in w: ByteWindow) -> FieldContext
}

extension InputProfile {
  /// The record format of this input.
  var recordFormat: any RecordFormat.Type {
    switch format {
    case .delimited: isCombo || delimiterRun > 1 ? ComboRecords.self : DelimitedRecords.self
    case .sql: SQLRecords.self
    case .jsonLines, .json: JSONRecords.self
    case .keyValue: KeyValueRecords.self
    case .text: FreeTextRecords.self
    }
  }

  /// The fields of the records that overlap `owned` (see ``RecordFormat``).
  func forEachField(in w: ByteWindow, owned: Range<Int>, _ body: FieldBody) {
    recordFormat.forEachField(self, in: w, owned: owned, body)
  }

  /// The record and field of the value at `p` (see ``RecordFormat``).
  func locate(_ p: Int, in w: ByteWindow) -> FieldContext {
    recordFormat.locate(self, p, in: w)
  }
}

/// The bounds within which record formats read, and the line helpers they share.
enum RecordReach {
  /// How far back a record's or field's start is looked for.
  static let lookBack = 2048
  /// How far into its record a field's value may start and still be listed: at most
  /// ``lookBack``, which every chunk's context covers even after decoding.
  static let reach = lookBack

  static var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

  /// The start of the line holding `p`, if it is within reach and really a line start.
  static func realLineStart(_ p: Int, _ w: ByteWindow) -> Int? {
    let start = w.lineStart(before: p, limit: lookBack)
    return (start == 0 && w.startsInput) || w[start - 1] == 0x0A ? start : nil
  }

  /// Where the first line to read for `owned` starts: the line holding the owned start when
  /// its real start is within reach, else the first line starting in the range (possibly past
  /// its end).
  static func firstLineStart(_ w: ByteWindow, _ owned: Range<Int>) -> Int {
    var start = owned.lowerBound
    guard start > 0 && w[start - 1] != 0x0A else { return start }
    if let real = realLineStart(start, w) { return real }
    while start < owned.upperBound && w[start] != 0x0A { start += 1 }
    return start + 1
  }

  /// The lines that overlap `owned`: the one holding the owned start when its real start is
  /// within reach, then every line starting in the range. A line runs to its newline (a
  /// carriage return before it dropped) or to the window's end.
  static func forEachLine(_ w: ByteWindow, _ owned: Range<Int>, _ body: (Range<Int>) -> Void) {
    var start = firstLineStart(w, owned)
    while start < owned.upperBound {
      let end = w.firstIndex(of: 0x0A, in: start..<w.count) ?? w.count
      var trimmed = end
      if trimmed > start && w[trimmed - 1] == 0x0D { trimmed -= 1 }
      body(start..<trimmed)
      start = end + 1
    }
  }

  /// The key of a `key：value`, `key: value` or `key=value` right before `p` on its line.
  static func key(before p: Int, _ w: ByteWindow) -> [UInt8]? {
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
}
