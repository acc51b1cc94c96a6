/// Whether a rule's context words label the value at a position: the one definition of
/// "context" every detector uses (number rules and regex rules alike).
enum ValueContext {
  /// Whether one of `words` stands shortly before `start` on the same line (at most
  /// ``DetectionLimits/contextBefore`` bytes), or names the field `start` sits in (a column
  /// header, an SQL column, a JSON key, the key of a `key：value`).
  ///
  /// The words must label this value, not an earlier one: the look-back stops at the line
  /// start and at the last long number before the value ("卡号6222…，编号1861…": 卡号 is not
  /// 编号's), but reads past short ones ("身份证号(15位)：…"). Everything looked at lies within
  /// ``RecordReach/lookBack`` bytes of `start`, so the answer never depends on the chunking.
  static func labels(
    _ words: ContextWords, valueAt start: Int, in w: ByteWindow, profile: InputProfile
  ) -> Bool {
    guard !words.isEmpty else { return false }
    var lower = start
    let lowest = w.lineStart(before: start, limit: DetectionLimits.contextBefore)
    while lower > lowest {
      guard ByteClass.isDigit(w[lower - 1]) else {
        lower -= 1
        continue
      }
      var runStart = lower - 1
      while runStart > lowest && ByteClass.isDigit(w[runStart - 1]) { runStart -= 1 }
      // A long number, or a group of one ("4218 6549 8007 7626"), belongs to another value.
      let separator = w[runStart - 1]
      if lower - runStart >= 5 { break }
      if (separator == 0x20 || separator == 0x2D) && ByteClass.isDigit(w[runStart - 2]) { break }
      lower = runStart
    }
    if words.occur(in: w, lower..<start) { return true }
    // A combo list's columns have no names: nothing more to look at.
    if profile.format == .delimited && profile.delimiterRun > 1 { return false }
    guard let field = profile.locate(start, in: w).field
    else { return false }
    return field.withUnsafeBytes { words.occur(in: ByteWindow(bytes: $0), 0..<$0.count) }
  }
}
