import Testing

@testable import PIIScanText

@Suite struct EncodingDetectorTests {
  static let chinese = SyntheticText.records(lines: 60, seed: 1)

  @Test func utf8WithoutBOM() {
    let report = detect(Array(Self.chinese.utf8))
    #expect(report.encoding == .utf8)
    #expect(!report.mixedLines)
    #expect(report.bomLength == 0)
    #expect(report.confidence > 0.9)
    #expect(report.reason.hasPrefix("valid UTF-8"))
  }

  @Test func utf8WithBOM() {
    let report = detect([0xEF, 0xBB, 0xBF] + Array(Self.chinese.utf8))
    #expect(
      report == EncodingReport(encoding: .utf8BOM, bomLength: 3, confidence: 1, reason: "BOM"))
  }

  @Test func asciiIsUTF8() {
    let report = detect(Array("name,phone\nZhang San,13800000000\n".utf8))
    #expect(report.encoding == .utf8)
    #expect(report.reason == "ASCII only")
  }

  @Test func emptyInput() {
    let report = detect([])
    #expect(report.encoding == .utf8)
    #expect(report.reason == "empty input")
  }

  @Test func gbkChineseText() {
    let bytes = Iconv.gb18030(Self.chinese)
    let report = detect(bytes)
    #expect(report.encoding == .gb18030)
    #expect(!report.mixedLines)
    #expect(report.confidence > 0.9)
    #expect(report.reason.hasPrefix("GB18030: "))
    #expect(report.reason.hasSuffix(" double-byte characters, 0 invalid"))
  }

  @Test func gb18030WithFourByteCharacters() throws {
    let text = SyntheticText.records(lines: 30, seed: 2, extras: true)
    let bytes = Iconv.gb18030(text)
    // 𠀀 is 95 32 82 36 and ¥ is 81 30 84 36: four-byte sequences, outside GBK.
    #expect(bytes.indices.contains { bytes[$0...].starts(with: [0x95, 0x32, 0x82, 0x36]) })
    #expect(bytes.indices.contains { bytes[$0...].starts(with: [0x81, 0x30, 0x84, 0x36]) })
    let report = detect(bytes)
    #expect(report.encoding == .gb18030)
    #expect(report.reason.contains("four-byte"))
    #expect(report.reason.hasSuffix(", 0 invalid"))
  }

  @Test(arguments: [false, true])
  func utf16WithBOM(bigEndian: Bool) {
    let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    let report = detect(bom + utf16Bytes(Self.chinese, bigEndian: bigEndian))
    #expect(report.encoding == (bigEndian ? .utf16be : .utf16le))
    #expect(report.bomLength == 2)
    #expect(report.reason == "BOM")
  }

  @Test(arguments: [false, true])
  func utf16WithoutBOMMostlyASCII(bigEndian: Bool) {
    var text = ""
    for index in 0..<200 { text += "id=\(index * 7919),phone=1380013\(1000 + index),name=张三\r\n" }
    let report = detect(utf16Bytes(text, bigEndian: bigEndian))
    #expect(report.encoding == (bigEndian ? .utf16be : .utf16le))
    #expect(report.bomLength == 0)
    #expect(
      report.reason.hasPrefix(
        bigEndian ? "zero bytes at even offsets" : "zero bytes at odd offsets"))
  }

  @Test(arguments: [false, true])
  func utf16WithoutBOMMostlyCJK(bigEndian: Bool) {
    // Prose with CJK punctuation and hardly any ASCII: few zero bytes.
    var generator = SeededGenerator(seed: 3)
    var text = ""
    for _ in 0..<300 {
      text +=
        SyntheticText.name(&generator) + "住在" + SyntheticText.places.randomElement(
          using: &generator)!
        + "，电话号码保密。"
    }
    let bytes = utf16Bytes(text, bigEndian: bigEndian)
    #expect(bytes.filter { $0 == 0 }.count * 20 < bytes.count)
    let report = detect(bytes)
    #expect(report.encoding == (bigEndian ? .utf16be : .utf16le))
    #expect(report.reason.contains("without BOM"))
    // Cut at an odd length, as a 64 KiB sample of a longer input may be.
    #expect(detect(Array(bytes.dropLast())).encoding == report.encoding)
  }

  @Test func mixedUTF8AndGBKLines() {
    let new = SyntheticText.records(lines: 20, seed: 4)
    let old = SyntheticText.records(lines: 20, seed: 5)
    let bytes = Array(new.utf8) + Iconv.gb18030(old)
    let report = detect(bytes)
    #expect(report.encoding == .gb18030)
    #expect(report.mixedLines)
    #expect(report.reason.hasPrefix("mixed lines: 20 UTF-8, 20 GB18030"))
  }

  @Test func damagedUTF8IsStillUTF8() {
    var bytes = Array(Self.chinese.utf8)
    let position = bytes.firstIndex(of: 0xE5)!
    bytes[position] = 0x81  // a lead byte replaced: three invalid sequences
    let report = detect(bytes)
    #expect(report.encoding == .utf8)
    #expect(!report.mixedLines)
    #expect(report.reason == "UTF-8 with 3 invalid sequences")
  }

  @Test func gbkWithAnOccasionalControlByteIsStillGB18030() {
    var bytes = Iconv.gb18030(Self.chinese)
    bytes.insert(0x0C, at: 100)
    bytes.insert(0x01, at: 500)
    #expect(detect(bytes).encoding == .gb18030)
  }

  @Test(arguments: [7, 8, 9] as [UInt64])
  func randomBinaryIsNotUTF16(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let report = detect(bytes)
    #expect(report.encoding == .utf8)
    #expect(report.looksBinary)
    #expect(report.confidence < 0.5)
  }

  @Test func littleEndianIntegersAreNotUTF16() {
    // An array of small 32-bit integers: zero bytes at odd offsets, but no text.
    var bytes: [UInt8] = []
    for value in 0..<4_000 {
      bytes += [UInt8(value % 251), UInt8(value % 3), 0, 0]
    }
    let report = detect(bytes)
    #expect(report.encoding == .utf8)
    #expect(report.looksBinary)
  }

  @Test func latin1IsNeitherUTF8NorGB18030() {
    // "café déjà vu" in ISO-8859-1: E9 and E0 followed by ASCII.
    var bytes: [UInt8] = []
    for _ in 0..<50 { bytes += [0x63, 0x61, 0x66, 0xE9, 0x20, 0x64, 0xE9, 0x6A, 0xE0, 0x0A] }
    let report = detect(bytes)
    #expect(report.encoding == .utf8)
    #expect(report.confidence < 0.5)
    #expect(report.reason.hasPrefix("neither"))
  }

  @Test func aSampleCutInsideACharacterIsStillUTF8() {
    let bytes = Array("张三,13800000000\n李四".utf8).dropLast()
    #expect(detect(Array(bytes)).encoding == .utf8)
  }

  @Test func aSampleCutInsideAGBKCharacterIsStillGB18030() {
    let bytes = Iconv.gb18030(Self.chinese).dropLast()
    let report = detect(Array(bytes))
    #expect(report.encoding == .gb18030)
    #expect(report.reason.hasSuffix(", 0 invalid"))
  }

  @Test func gb18030ByteOrderMark() {
    let report = detect([0x84, 0x31, 0x95, 0x33] + Iconv.gb18030("张三"))
    #expect(report.encoding == .gb18030)
    #expect(report.bomLength == 4)
  }

  @Test func onlyTheSampleIsRead() {
    // GBK after the first 64 KiB does not change the verdict.
    let head = Array(repeating: UInt8(ascii: "a"), count: EncodingDetector.sampleLength)
    #expect(detect(head + Iconv.gb18030("张三")).encoding == .utf8)
  }

  @Test func groupedNumbers() {
    #expect(EncodingDetector.grouped(0) == "0")
    #expect(EncodingDetector.grouped(999) == "999")
    #expect(EncodingDetector.grouped(4213) == "4,213")
    #expect(EncodingDetector.grouped(1_234_567) == "1,234,567")
  }

  @Test func validUTF8Check() {
    #expect(Array("张三".utf8).withUnsafeBytes { EncodingDetector.isValidUTF8($0) })
    #expect(!Iconv.gb18030("张三").withUnsafeBytes { EncodingDetector.isValidUTF8($0) })
    #expect([UInt8]().withUnsafeBytes { EncodingDetector.isValidUTF8($0) })
  }
}
