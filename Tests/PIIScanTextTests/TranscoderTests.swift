import Testing

@testable import PIIScanText

@Suite struct TranscoderTests {
  @Test func gbkTextMatchesIconv() throws {
    let text = SyntheticText.records(lines: 3_000, seed: 11, extras: true)
    let bytes = Iconv.gb18030(text)
    let reference = try #require(Iconv.fromGB18030(bytes))
    let (utf8, invalid) = transcode(bytes, .gb18030)
    #expect(invalid == 0)
    #expect(utf8 == reference)
    #expect(utf8 == Array(text.utf8))
  }

  @Test func everyTwoByteCodeMatchesIconv() throws {
    var bytes: [UInt8] = []
    var reference: [UInt8] = []
    for lead in 0x81...0xFE {
      for trail in 0x40...0xFE where trail != 0x7F {
        let code = [UInt8(lead), UInt8(trail)]
        bytes += code
        reference += try #require(Iconv.fromGB18030(code), "\(code)")
      }
    }
    let (utf8, invalid) = transcode(bytes, .gb18030)
    #expect(invalid == 0)
    #expect(utf8 == reference)
  }

  @Test func everyFourByteBMPCodeMatchesIconv() {
    var bytes: [UInt8] = []
    var reference: [UInt8] = []
    var rejected = 0
    for linear in 0..<GB18030Table.fourByteBMPCount {
      let code: [UInt8] = [
        UInt8(0x81 + linear / 12_600), UInt8(0x30 + linear / 1_260 % 10),
        UInt8(0x81 + linear / 10 % 126), UInt8(0x30 + linear % 10),
      ]
      bytes += code
      if let converted = Iconv.fromGB18030(code) {
        reference += converted
      } else {
        reference += [0xEF, 0xBF, 0xBD]
        rejected += 1
      }
    }
    let (utf8, invalid) = transcode(bytes, .gb18030)
    #expect(invalid == rejected)
    #expect(utf8 == reference)
  }

  /// Four-byte codes across the whole code space, including the supplementary planes, the gap
  /// between the BMP and them, and beyond U+10FFFF: valid where iconv accepts, one U+FFFD where
  /// it rejects.
  @Test func fourByteCodesAcrossTheSpaceMatchIconv() {
    var bytes: [UInt8] = []
    var reference: [UInt8] = []
    var rejected = 0
    for b1 in 0x81...0xFE {
      for b2 in 0x30...0x39 {
        for (b3, b4) in [(0x81, 0x30), (0x81, 0x39), (0xA5, 0x30), (0xC0, 0x35), (0xFE, 0x39)] {
          let code = [UInt8(b1), UInt8(b2), UInt8(b3), UInt8(b4)]
          bytes += code
          if let converted = Iconv.fromGB18030(code) {
            reference += converted
          } else {
            reference += [0xEF, 0xBF, 0xBD]
            rejected += 1
          }
        }
      }
    }
    #expect(rejected > 1_000)
    let (utf8, invalid) = transcode(bytes, .gb18030)
    #expect(invalid == rejected)
    #expect(utf8 == reference)
    // The last plane's last character, and one past it.
    #expect(transcode([0xE3, 0x32, 0x9A, 0x35], .gb18030).utf8 == Array("\u{10FFFF}".utf8))
    #expect(transcode([0xE3, 0x32, 0x9A, 0x36], .gb18030).invalid == 1)
  }

  @Test func gb18030InvalidBytesAreReplacedAndCounted() {
    let replacement = Array("\u{FFFD}".utf8)
    // A lead byte before a newline: one invalid byte, the newline survives.
    #expect(
      transcode([0x41, 0xD5, 0x0A, 0x42], .gb18030) == (
        Array("A".utf8) + replacement + [0x0A, 0x42], 1
      ))
    // 80 and FF are never valid.
    #expect(transcode([0x80, 0x31, 0xFF], .gb18030) == (replacement + [0x31] + replacement, 2))
    // A lead byte and a digit that do not make a four-byte sequence: the digit survives.
    #expect(transcode([0xD5, 0x31, 0x32], .gb18030) == (replacement + [0x31, 0x32], 1))
    // A complete four-byte sequence that maps to nothing: one invalid sequence.
    #expect(transcode([0x84, 0x31, 0xA5, 0x30, 0x41], .gb18030) == (replacement + [0x41], 1))
    // A lead byte cut off by the end of the window.
    #expect(transcode([0x41, 0xD5], .gb18030) == (Array("A".utf8) + replacement, 1))
    #expect(transcode([0x81, 0x30, 0x81], .gb18030) == (replacement + [0x30] + replacement, 2))
  }

  @Test func windowsStartingInsideAGBKCharacterResynchronise() throws {
    let bytes = Iconv.gb18030(SyntheticText.records(lines: 40, seed: 12, extras: true))
    let whole = transcode(bytes, .gb18030).utf8
    let transcoder = Transcoder()
    for start in 0..<200 {
      let window = Array(bytes[start...])
      let lineStart = try #require(
        window.withUnsafeBytes {
          StoredNewlines.firstLineStart(in: $0, from: 0, encoding: .gb18030, alignmentOrigin: 0)
        })
      try window.withUnsafeBytes { raw in
        let text = transcoder.transcode(raw, encoding: .gb18030, mixedLines: false)
        let utf8Start = text.utf8Offset(forStored: lineStart)
        // From the first line start on, the window decodes as the whole input does.
        let tail = Array(text.utf8[utf8Start...])
        let expected = try #require(Iconv.fromGB18030(Array(bytes[(start + lineStart)...])))
        #expect(tail == expected, "window from \(start)")
        #expect(whole.suffix(tail.count).elementsEqual(tail))
      }
    }
  }

  @Test(arguments: [false, true])
  func utf16MatchesSwiftsOwnEncoding(bigEndian: Bool) {
    let text = SyntheticText.records(lines: 500, seed: 13, extras: true) + "😀 emoji, 𠀀\n"
    let (utf8, invalid) = transcode(
      utf16Bytes(text, bigEndian: bigEndian), bigEndian ? .utf16be : .utf16le)
    #expect(invalid == 0)
    #expect(utf8 == Array(text.utf8))
  }

  @Test(arguments: [false, true])
  func utf16MatchesIconv(bigEndian: Bool) throws {
    let text = SyntheticText.records(lines: 200, seed: 14, extras: true)
    let bytes = utf16Bytes(text, bigEndian: bigEndian)
    let reference = try #require(
      Iconv.convert(bytes, from: bigEndian ? "UTF-16BE" : "UTF-16LE", to: "UTF-8"))
    #expect(transcode(bytes, bigEndian ? .utf16be : .utf16le).utf8 == reference)
  }

  @Test func utf16InvalidUnitsAreReplacedAndCounted() {
    let replacement = Array("\u{FFFD}".utf8)
    // An unpaired high surrogate, then A; a lone low surrogate, then B.
    let bytes: [UInt8] = [0x3D, 0xD8, 0x41, 0x00, 0x00, 0xDC, 0x42, 0x00]
    #expect(transcode(bytes, .utf16le) == (replacement + [0x41] + replacement + [0x42], 2))
    // A high surrogate at the very end.
    #expect(transcode([0x41, 0x00, 0x3D, 0xD8], .utf16le) == ([0x41] + replacement, 1))
    // Big-endian: a pair split by the end of the window, with only one byte of its second unit.
    #expect(
      transcode([0x00, 0x41, 0xD8, 0x3D, 0xDE], .utf16be) == ([0x41] + replacement + replacement, 2)
    )
  }

  @Test(arguments: [false, true])
  func utf16OddWindows(bigEndian: Bool) {
    let replacement = Array("\u{FFFD}".utf8)
    let encoding: TextEncoding = bigEndian ? .utf16be : .utf16le
    let bytes = utf16Bytes("张三13800000000", bigEndian: bigEndian)
    // Odd length: the last byte is a partial code unit.
    #expect(
      transcode(Array(bytes.dropLast()), encoding) == (Array("张三1380000000".utf8) + replacement, 1))
    // Starting one byte into a code unit, told where units start.
    #expect(
      transcode(Array(bytes.dropFirst()), encoding, alignmentOrigin: 1)
        == (replacement + Array("三13800000000".utf8), 1))
    // Both ends cut: a partial unit at each end.
    #expect(
      transcode(Array(bytes.dropFirst().dropLast()), encoding, alignmentOrigin: -1)
        == (replacement + Array("三1380000000".utf8) + replacement, 2))
    // The same window, wrongly told that units start at 0, decodes to something without crashing.
    #expect(transcode(Array(bytes.dropFirst()), encoding).utf8.count > 0)
    #expect(transcode([bytes[0]], encoding) == (replacement, 1))
  }

  @Test func validUTF8IsTheStoredBytes() {
    let bytes = Array(SyntheticText.records(lines: 10, seed: 15).utf8)
    let transcoder = Transcoder()
    bytes.withUnsafeBytes { raw in
      let text = transcoder.transcode(raw, encoding: .utf8, mixedLines: false)
      #expect(text.utf8.baseAddress == raw.baseAddress)
      #expect(text.utf8.count == raw.count)
      #expect(text.invalidCount == 0)
    }
  }

  @Test func invalidUTF8IsRepaired() {
    let replacement = Array("\u{FFFD}".utf8)
    // A cut three-byte sequence is one maximal subpart; C0 and a lone continuation are one each.
    let bytes: [UInt8] = [0x61, 0xE4, 0xB8, 0x62, 0xC0, 0x80, 0x63]
    #expect(
      transcode(bytes, .utf8) == (
        [0x61] + replacement + [0x62] + replacement + replacement + [0x63], 3
      ))
    #expect(transcode(bytes, .utf8BOM).invalid == 3)
  }

  @Test func mixedLinesDecodeEachLineInItsEncoding() {
    let new = SyntheticText.records(lines: 30, seed: 16)
    let old = SyntheticText.records(lines: 30, seed: 17, extras: true)
    var bytes: [UInt8] = []
    var expected: [UInt8] = []
    let newLines = new.split(separator: "\n").map { String($0) + "\n" }
    let oldLines = old.split(separator: "\n").map { String($0) + "\n" }
    for index in 0..<max(newLines.count, oldLines.count) {
      if index < newLines.count {
        bytes += Array(newLines[index].utf8)
        expected += Array(newLines[index].utf8)
      }
      if index < oldLines.count {
        bytes += Iconv.gb18030(oldLines[index])
        expected += Array(oldLines[index].utf8)
      }
    }
    #expect(transcode(bytes, .gb18030, mixedLines: true) == (expected, 0))
    #expect(transcode(bytes, .utf8, mixedLines: true) == (expected, 0))
    // A broken UTF-8 line stays UTF-8 (repaired), not mojibake.
    let broken = Array("张三李四王五\n".utf8)
    let damaged = Array(broken[0..<4]) + Array(broken[5...])
    let repaired = transcode(damaged, .gb18030, mixedLines: true)
    #expect(repaired.invalid == 1)
    #expect(String(decoding: repaired.utf8, as: UTF8.self) == "张\u{FFFD}李四王五\n")
    // Damaged UTF-8 that happens to be valid GB18030 is still repaired UTF-8.
    var damaged2 = Array("张三李四王五赵六\n".utf8)
    damaged2[6] = 0x81  // the lead byte of 李 (E6)
    #expect(Iconv.fromGB18030(damaged2) != nil)
    let kept = transcode(damaged2, .gb18030, mixedLines: true)
    #expect(kept.invalid == 3)  // 81, then 9D and 8E, continuation bytes without a lead
    #expect(String(decoding: kept.utf8, as: UTF8.self) == "张三\u{FFFD}\u{FFFD}\u{FFFD}四王五赵六\n")
  }

  @Test func buffersAreReused() {
    let bytes = Iconv.gb18030(SyntheticText.records(lines: 100, seed: 18))
    let transcoder = Transcoder()
    let first = bytes.withUnsafeBytes {
      transcoder.transcode($0, encoding: .gb18030, mixedLines: false).utf8.baseAddress
    }
    let second = bytes.withUnsafeBytes {
      transcoder.transcode($0, encoding: .gb18030, mixedLines: false).utf8.baseAddress
    }
    #expect(first == second)
    let smaller = Array(bytes.prefix(1_000))
    let third = smaller.withUnsafeBytes {
      transcoder.transcode($0, encoding: .gb18030, mixedLines: false).utf8.baseAddress
    }
    #expect(first == third)
  }

  @Test func withoutAGB18030MappingNonASCIIIsReplacedAndCounted() {
    let bytes = Iconv.gb18030("张三,13800138000;𠀀\n")
    let transcoder = Transcoder(table: nil)
    bytes.withUnsafeBytes { raw in
      let text = transcoder.transcode(raw, encoding: .gb18030, mixedLines: false)
      #expect(text.invalidCount == 3)
      #expect(
        String(decoding: text.utf8, as: UTF8.self) == "\u{FFFD}\u{FFFD},13800138000;\u{FFFD}\n")
      #expect(text.storedRange(forUTF8: 7..<18) == 5..<16)
    }
  }

  @Test func aViewKeepsItsTranscoderAlive() {
    let bytes = Iconv.gb18030("张三,13800138000\n")
    bytes.withUnsafeBytes { raw in
      weak var weakTranscoder: Transcoder?
      let text: TranscodedText = {
        let transcoder = Transcoder()
        weakTranscoder = transcoder
        return transcoder.transcode(raw, encoding: .gb18030, mixedLines: false)
      }()
      #expect(weakTranscoder != nil)
      #expect(String(decoding: text.utf8, as: UTF8.self) == "张三,13800138000\n")
    }
  }

  @Test func emptyWindows() {
    for encoding in TextEncoding.allCases {
      let (utf8, invalid) = transcode([], encoding)
      #expect(utf8.isEmpty && invalid == 0)
      let transcoder = Transcoder()
      [UInt8]().withUnsafeBytes { raw in
        let text = transcoder.transcode(raw, encoding: encoding, mixedLines: true)
        #expect(text.utf8Offset(forStored: 0) == 0)
        #expect(text.storedOffset(forUTF8: 5) == 0)
      }
    }
  }
}
