/// `姓名：张三` text (profiles, forms): a record is a block of lines up to a blank line, a field
/// is the key before the first colon of a line (full-width or ASCII, within its first 40 bytes),
/// and every further `key：value` pair on the line (a one-line profile
/// "姓名：赵峰，身份证：…，住址：…"; see ``FreeTextRecords/forEachPair``).
enum KeyValueRecords: RecordFormat {
  static func forEachField(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>, _ body: FieldBody
  ) {
    RecordReach.forEachLine(w, owned) { line in
      var i = line.lowerBound
      let limit = min(line.upperBound, line.lowerBound + 40)
      var colonEnd: Int?
      while i < limit {
        if w[i] == 0x3A {
          colonEnd = i + 1
          break
        }
        if w[i] == 0xEF && w[i + 1] == 0xBC && w[i + 2] == 0x9A {
          colonEnd = i + 3
          break
        }
        if w[i] == 0x20 || w[i] == 0x2C || w[i] == 0x09 { break }
        i += 1
      }
      let record = blockStart(line.lowerBound, w) ?? line.lowerBound
      guard let colonEnd, i > line.lowerBound else {
        // No key at the line's start: its pairs, as in free text ("姓名=孙立|性别=男").
        FreeTextRecords.forEachPair(
          in: w, line, record: record, keysWithin: RecordReach.reach, body)
        return
      }
      var start = colonEnd
      while start < line.upperBound && (w[start] == 0x20 || w[start] == 0x09) { start += 1 }
      guard start < line.upperBound else { return }
      let end = FreeTextRecords.valueEnd(from: start, in: start..<line.upperBound, w)
      body(
        UnsafeRawBufferPointer(rebasing: w.bytes[line.lowerBound..<i]), RecordReach.empty,
        start..<end, record)
      // The other pairs of a one-line profile, keys within reach of the line's start.
      let used = end - line.lowerBound
      if end < line.upperBound && used < RecordReach.reach {
        FreeTextRecords.forEachPair(
          in: w, end..<line.upperBound, record: record, keysWithin: RecordReach.reach - used,
          body)
      }
    }
  }

  static func locate(_ profile: InputProfile, _ p: Int, in w: ByteWindow) -> FieldContext {
    // The record of the line holding p, found from the line's start as the fields' records are
    // (a one-line profile's later values are as far into the line as they are).
    let line = RecordReach.realLineStart(p, w)
    let record = line.flatMap { blockStart($0, w) } ?? line
    return FieldContext(record: record.map(w.absolute), field: RecordReach.key(before: p, w))
  }

  /// The first line of the block of non-blank lines holding `p`.
  static func blockStart(_ p: Int, _ w: ByteWindow) -> Int? {
    var i = p
    let lowest = max(0, p - RecordReach.lookBack)
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
