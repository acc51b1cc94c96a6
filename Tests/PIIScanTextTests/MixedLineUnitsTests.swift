import Testing

@testable import PIIScanText

/// Mixed-line decoding decides each line, or each segment of a long line, from that unit's
/// bytes alone, so that any window holding a unit decodes it the same.
@Suite struct MixedLineUnitsTests {
  /// One line of about 14 KB: runs of UTF-8 Hanzi, runs of GBK text among ASCII, a run of Hanzi
  /// with no separator byte longer than a segment, and a few damaged bytes.
  static func longMixedLine() -> [UInt8] {
    var bytes: [UInt8] = []
    for n in 0..<40 {
      bytes += Array("第\(n)段：张伟，手机号13912345670，住址北京市朝阳区建国路\(n)号；".utf8)
      if n % 3 == 1 {
        bytes += Array(" old:".utf8) + Iconv.gb18030("王秀英 女 汉族 李娜") + Array(" 186 ".utf8)
      }
      if n % 4 == 2 { bytes += [0xFF, 0x20] }
      if n % 10 == 5 { bytes += Array(String(repeating: "甲乙丙丁戊己庚辛壬癸", count: 50).utf8) }
      if n % 10 == 8 { bytes += Iconv.gb18030(String(repeating: "子丑寅卯辰巳午未申酉", count: 30)) }
    }
    bytes.append(0x0A)
    return bytes
  }

  /// Transcodes `bytes[range]` as the window of a UTF-8 file with mixed lines, with the
  /// scanner's kind of UTF-8 check.
  static func window<R>(
    _ bytes: [UInt8], _ range: Range<Int>, _ body: (TranscodedText) -> R
  ) -> R {
    let transcoder = Transcoder()
    transcoder.validUTF8 = { UTF8Check.firstInvalid($0, 0, $1) == nil }
    return bytes[range].withUnsafeBytes { raw in
      body(
        transcoder.transcode(
          raw, encoding: .utf8, mixedLines: true, alignmentOrigin: 0,
          base: Int64(range.lowerBound)))
    }
  }

  /// The decoded text of stored `part` and the replacements in it, from a window.
  static func decoded(_ text: TranscodedText, _ part: Range<Int>) -> ([UInt8], Int) {
    let from = text.utf8Offset(forStored: part.lowerBound)
    let to = text.utf8Offset(forStored: part.upperBound)
    return (Array(text.utf8[from..<to]), text.invalidCount(inStored: part))
  }

  @Test func everyWindowDecodesWhatItHoldsAwayFromItsEdgesAsTheWholeLineDoes() {
    let line = Self.longMixedLine()
    #expect(line.count > 6 * MixedLineUnits.longestUnit)
    let margin = MixedLineUnits.longestUnit + 4
    /// The position just after the first space at or after `p`, or after the last space at
    /// or before `p` (`forward` false): a character boundary in both encodings.
    func boundary(_ p: Int, forward: Bool) -> Int {
      var q = max(1, p)
      while q > 1 && q < line.count && line[q - 1] != 0x20 { q += forward ? 1 : -1 }
      return q
    }
    var compared = 0
    Self.window(line, 0..<line.count) { whole in
      for start in stride(from: 0, to: line.count - 2 * margin, by: 173) {
        for length in [2 * margin + 50, 3 * margin + 7, 4096] {
          let end = min(line.count, start + length)
          let lower = boundary(start + margin, forward: true)
          let upper = boundary(end - margin, forward: false)
          guard lower < upper else { continue }
          let inner = lower..<upper
          let want = Self.decoded(whole, inner)
          let got = Self.window(line, start..<end) {
            Self.decoded($0, (inner.lowerBound - start)..<(inner.upperBound - start))
          }
          let same = got.0 == want.0
          #expect(same, "window \(start)..<\(end), part \(inner)")
          #expect(got.1 == want.1, "window \(start)..<\(end), part \(inner)")
          compared += 1
        }
      }
    }
    #expect(compared > 60)
  }

  /// The units of a long line are decided each on its own: long runs of GBK records between
  /// long runs of UTF-8 ones decode each in its encoding, but for the few segments that hold
  /// the end of one run and the start of the next (one decision for the whole line would get
  /// half of it wrong).
  @Test func eachSegmentOfALongLineIsDecodedInItsOwnEncoding() {
    var line: [UInt8] = []
    var expected = ""
    for n in 0..<8 {
      var utf8Part = ""
      var gbkPart = ""
      for k in 0..<120 {
        utf8Part += "客户资料，编号\(n)-\(k) "
        gbkPart += "会员名单, 序号\(n)-\(k) "
      }
      line += Array(utf8Part.utf8) + Iconv.gb18030(gbkPart)
      expected += utf8Part + gbkPart
    }
    line += [0x0A]
    expected += "\n"
    #expect(line.count > 20 * MixedLineUnits.longestUnit)
    let text = Self.window(line, 0..<line.count) { String(decoding: $0.utf8, as: UTF8.self) }
    let want = expected.split(separator: " ")
    let got = text.split(separator: " ")
    #expect(got.count == want.count)
    let same = zip(want, got).filter { $0 == $1 }.count
    #expect(same >= want.count * 3 / 4, "\(same) of \(want.count)")
  }

  /// Valid UTF-8 is never split by a cut, even in a run of Hanzi with no separator byte.
  @Test func aCutNeverSplitsValidUTF8() {
    let run = Array(String(repeating: "甲乙丙丁戊己庚辛壬癸", count: 200).utf8) + [0xFF, 0x0A]
    for base in [0, 1, 2, 1000, 1023, 1024, 5000] {
      let transcoder = Transcoder()
      run.withUnsafeBytes { raw in
        let text = transcoder.transcode(
          raw, encoding: .utf8, mixedLines: true, alignmentOrigin: 0, base: Int64(base))
        #expect(text.invalidCount == 1, "base \(base)")
        #expect(Array(text.utf8.prefix(run.count - 2)) == Array(run.prefix(run.count - 2)))
      }
      var from = 0
      run.withUnsafeBufferPointer { buffer in
        while from < run.count {
          let to = MixedLineUnits.segmentEnd(
            buffer.baseAddress!, from: from, lineEnd: run.count, base: Int64(base))
          #expect(to > from && to - from <= MixedLineUnits.longestUnit)
          #expect(to == run.count || run[to] & 0xC0 != 0x80, "cut at \(to), base \(base)")
          from = to
        }
      }
    }
  }
}
