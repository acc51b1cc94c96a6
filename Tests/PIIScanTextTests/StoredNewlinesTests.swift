import Testing

@testable import PIIScanText

@Suite struct StoredNewlinesTests {
  func lineStart(
    _ bytes: [UInt8], from: Int = 0, _ encoding: TextEncoding, origin: Int = 0
  ) -> Int? {
    bytes.withUnsafeBytes {
      StoredNewlines.firstLineStart(in: $0, from: from, encoding: encoding, alignmentOrigin: origin)
    }
  }

  @Test func utf8AndGB18030() {
    let gbk = Iconv.gb18030("张三,13800000000\n李四\n")
    #expect(lineStart(gbk, .gb18030) == 17)
    #expect(lineStart(gbk, from: 17, .gb18030) == gbk.count)
    #expect(lineStart(gbk, from: gbk.count, .gb18030) == nil)
    #expect(lineStart(Array("ab\ncd".utf8), .utf8) == 3)
    #expect(lineStart(Array("ab\ncd".utf8), from: 3, .utf8BOM) == nil)
    #expect(lineStart([], .gb18030) == nil)
  }

  @Test func everyGBKNewlineIsARealOne() throws {
    let text = SyntheticText.records(lines: 200, seed: 31, extras: true)
    let bytes = Iconv.gb18030(text)
    var starts: [Int] = []
    var from = 0
    while let next = lineStart(bytes, from: from, .gb18030) {
      starts.append(next)
      from = next
    }
    #expect(starts.count == text.filter { $0 == "\n" }.count)
    var previous = 0
    for start in starts {
      // Each line decodes on its own and ends with the newline.
      let line = try #require(Iconv.fromGB18030(Array(bytes[previous..<start])))
      #expect(line.last == 0x0A && line.filter { $0 == 0x0A }.count == 1)
      previous = start
    }
  }

  @Test func utf16LittleEndian() {
    // 上 U+4E0A is 0A 4E; ੁ U+0A41 followed by 一 U+4E00 is 41 0A 00 4E.
    let bytes = utf16Bytes("上\u{0A41}一\n张", bigEndian: false)
    #expect(bytes[0] == 0x0A && bytes[3] == 0x0A && bytes[4] == 0x00)
    #expect(lineStart(bytes, .utf16le) == 8)
    #expect(lineStart(bytes, from: 1, .utf16le) == 8)
    #expect(lineStart(bytes, from: 7, .utf16le) == nil)
    #expect(lineStart(Array(bytes.dropLast(3)), .utf16le) == nil)  // 0A without its 00
    // The same bytes one further into a window: the origin says where units start.
    #expect(lineStart([0x41] + bytes, .utf16le, origin: 1) == 9)
    #expect(lineStart([0x41] + bytes, .utf16le, origin: -7) == 9)
    // Told the wrong origin, it takes the 0A 00 straddling ੁ and 一 for a newline.
    #expect(lineStart([0x41] + bytes, .utf16le, origin: 0) == 6)
  }

  @Test func utf16BigEndian() {
    // 一 U+4E00 followed by ੁ U+0A41 is 4E 00 0A 41; U+0A00 is 0A 00.
    let bytes = utf16Bytes("一\u{0A41}\u{0A00}\n张", bigEndian: true)
    #expect(bytes[1] == 0x00 && bytes[2] == 0x0A)
    #expect(lineStart(bytes, .utf16be) == 8)
    #expect(lineStart(bytes, from: 6, .utf16be) == 8)
    #expect(lineStart(bytes, from: 7, .utf16be) == nil)
    #expect(lineStart([0x00] + bytes, .utf16be, origin: 1) == 9)
  }

  @Test(arguments: [false, true])
  func everyUTF16NewlineIsARealOne(bigEndian: Bool) {
    // Text full of characters with a 0A byte: 上 U+4E0A, 上 U+4E0A+… and U+0A0x.
    var text = ""
    for index in 0..<500 {
      text += "上\u{0A41}一上\u{0A05}\(index)" + (index % 7 == 0 ? "\n" : "")
    }
    let bytes = utf16Bytes(text, bigEndian: bigEndian)
    var count = 0
    var from = 0
    while let next = lineStart(bytes, from: from, bigEndian ? .utf16be : .utf16le) {
      let unit =
        bigEndian ? [bytes[next - 2], bytes[next - 1]] : [bytes[next - 1], bytes[next - 2]]
      #expect(unit == [0x00, 0x0A])
      #expect(next % 2 == 0)
      count += 1
      from = next
    }
    #expect(count == text.filter { $0 == "\n" }.count)
  }

  func characterStart(
    _ bytes: [UInt8], from: Int = 0, _ encoding: TextEncoding, origin: Int = 0
  ) -> Int? {
    bytes.withUnsafeBytes {
      StoredNewlines.firstCharacterStart(
        in: $0, from: from, encoding: encoding, alignmentOrigin: origin)
    }
  }

  @Test func gb18030CharacterStartsAreStartsInEveryDecoding() throws {
    // One long line: Hanzi, four-byte characters and digits, with commas now and then.
    let line = SyntheticText.records(lines: 60, seed: 41, extras: true)
      .map { $0 == "\n" ? "," : $0 }
    let bytes = Iconv.gb18030(String(line))
    let whole = transcode(bytes, .gb18030).utf8
    var checked = 0
    for from in stride(from: 0, to: bytes.count, by: 7) {
      guard let cut = characterStart(bytes, from: from, .gb18030) else { continue }
      #expect(cut >= from)
      // Decoding from any earlier byte, even mid-character, is in step at the cut.
      for windowStart in [max(0, cut - 5), max(0, cut - 1)] {
        let window = Array(bytes[windowStart...])
        let tail = window.withUnsafeBytes { raw in
          let text = Transcoder().transcode(raw, encoding: .gb18030, mixedLines: false)
          return Array(text.utf8[text.utf8Offset(forStored: cut - windowStart)...])
        }
        #expect(whole.suffix(tail.count).elementsEqual(tail))
        #expect(tail == (try #require(Iconv.fromGB18030(Array(bytes[cut...])))))
      }
      checked += 1
    }
    #expect(checked > 100)
    #expect(characterStart(Iconv.gb18030("张三李四"), .gb18030) == nil)
  }

  @Test func utf8AndUTF16CharacterStarts() {
    let utf8 = Array("张,😀".utf8)
    #expect(characterStart(utf8, from: 1, .utf8) == 3)
    #expect(characterStart(utf8, from: 5, .utf8) == nil)
    // 😀 is D83D DE00: a cut never goes between the two halves.
    let le = utf16Bytes("a😀b", bigEndian: false)
    #expect(characterStart(le, from: 3, .utf16le) == 6)
    #expect(characterStart(le, from: 1, .utf16le) == 2)
    let be = utf16Bytes("a😀b", bigEndian: true)
    #expect(characterStart(be, from: 4, .utf16be) == 6)
    #expect(characterStart([0x00] + be, from: 4, .utf16be, origin: 1) == 7)
    #expect(characterStart(be, from: 7, .utf16be) == nil)
  }
}
