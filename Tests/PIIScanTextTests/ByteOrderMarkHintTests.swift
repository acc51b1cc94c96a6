import Testing

@testable import PIIScanText

/// A UTF-16 byte-order mark is a hint the content must confirm (issue 8, class 7): `FF FE` or
/// `FE FF` in front of UTF-8 or GBK text (a damaged or hand-edited file) does not make it
/// UTF-16, and the text after the mark decodes as it is.
@Suite struct ByteOrderMarkHintTests {
  static let chinese = SyntheticText.records(lines: 60, seed: 11)

  @Test(arguments: [false, true])
  func class7UTF16MarkBeforeUTF8IsUTF8(bigEndian: Bool) {
    let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    let report = detect(mark + Array(Self.chinese.utf8))
    #expect(report.encoding == .utf8, "\(report)")
    #expect(report.bomLength == 2)
    #expect(report.bomContradicted)
    #expect(report.reason.contains("contradicted"), "\(report.reason)")
  }

  @Test func class7UTF16MarkBeforeASCIIIsUTF8() {
    let report = detect([0xFF, 0xFE] + Array("name,id\nZhang San,11010519491231002X\n".utf8))
    #expect(report.encoding == .utf8, "\(report)")
    #expect(report.bomContradicted)
  }

  @Test func class7UTF16MarkBeforeGBKIsGB18030() {
    let report = detect([0xFF, 0xFE] + Iconv.gb18030(Self.chinese))
    #expect(report.encoding == .gb18030, "\(report)")
    #expect(report.bomLength == 2)
    #expect(report.bomContradicted)
  }

  /// Real UTF-16 keeps its mark: with zero bytes (any ASCII), and also without any (CJK only).
  @Test(arguments: [false, true])
  func class7RealUTF16KeepsItsMark(bigEndian: Bool) {
    let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    let ascii = detect(mark + utf16Bytes(Self.chinese, bigEndian: bigEndian))
    #expect(ascii.encoding == (bigEndian ? .utf16be : .utf16le))
    #expect(!ascii.bomContradicted)
    let cjkOnly = String(repeating: "张三李四王五住在北京市朝阳区。", count: 40)
    let bytes = utf16Bytes(cjkOnly, bigEndian: bigEndian)
    #expect(!bytes.contains(0))
    let cjk = detect(mark + bytes)
    #expect(cjk.encoding == (bigEndian ? .utf16be : .utf16le), "\(cjk)")
    #expect(!cjk.bomContradicted)
  }

  @Test func class7AMarkAloneStands() {
    #expect(detect([0xFF, 0xFE]).encoding == .utf16le)
    #expect(detect([0xFE, 0xFF]).encoding == .utf16be)
    #expect(!detect([0xFF, 0xFE]).bomContradicted)
  }

  /// The mark decodes as U+FEFF, as a real mark would, and the text after it as UTF-8, with its
  /// offsets mapped to the stored bytes after the mark.
  @Test(arguments: [false, true])
  func class7TextAfterAContradictedMarkDecodes(mixedLines: Bool) {
    let text = "姓名,身份证号\n王伟,11010519491231002X\n"
    let stored = [0xFF, 0xFE] + Array(text.utf8)
    let transcoder = Transcoder()
    stored.withUnsafeBytes { bytes in
      let decoded = transcoder.transcode(
        bytes, encoding: .utf8, mixedLines: mixedLines, alignmentOrigin: 0, markLength: 2)
      #expect(Array(decoded.utf8) == [0xEF, 0xBB, 0xBF] + Array(text.utf8))
      #expect(decoded.invalidCount == 0)
      #expect(decoded.storedOffset(forUTF8: 3) == 2)
      let id = Array(text.utf8).firstIndex(of: UInt8(ascii: "1"))!
      #expect(decoded.storedOffset(forUTF8: 3 + id) == 2 + id)
      #expect(decoded.utf8Offset(forStored: 2 + id) == 3 + id)
    }
  }

  @Test func class7GBKAfterAContradictedMarkDecodes() {
    let text = "姓名,身份证号\n王伟,11010519491231002X\n"
    let stored = [0xFF, 0xFE] + Iconv.gb18030(text)
    let transcoder = Transcoder()
    stored.withUnsafeBytes { bytes in
      let decoded = transcoder.transcode(
        bytes, encoding: .gb18030, mixedLines: false, alignmentOrigin: 0, markLength: 2)
      #expect(Array(decoded.utf8) == [0xEF, 0xBB, 0xBF] + Array(text.utf8))
      #expect(decoded.invalidCount == 0)
      #expect(decoded.storedOffset(forUTF8: 3) == 2)
    }
  }

  /// A mark length is only honoured where the bytes are a mark.
  @Test func class7MarkLengthWithoutAMarkChangesNothing() {
    let stored = Array("王伟,11010519491231002X\n".utf8)
    let transcoder = Transcoder()
    stored.withUnsafeBytes { bytes in
      let decoded = transcoder.transcode(
        bytes, encoding: .utf8, mixedLines: false, alignmentOrigin: 0, markLength: 2)
      #expect(Array(decoded.utf8) == stored)
    }
  }
}
