import Testing

@testable import PIIScanText

/// Positions in the stored bytes that a decoded window answers for: where it replaced bytes,
/// and which character a position inside one belongs to.
@Suite struct TranscodedPositionsTests {
  /// Replacements are counted by where their stored bytes start; a U+FFFD in the text is a
  /// character like any other.
  @Test func replacementsAreCountedByWhereTheyStart() {
    // 0: 'a'; 1: FF; 2..<5: U+FFFD as written; 5..<7: E4 B8 (cut short before 'b'); 7: 'b';
    // 8..<11: 中; 11: 80 (a lone continuation byte).
    let bytes: [UInt8] = [0x61, 0xFF, 0xEF, 0xBF, 0xBD, 0xE4, 0xB8, 0x62, 0xE4, 0xB8, 0xAD, 0x80]
    let transcoder = Transcoder()
    bytes.withUnsafeBytes { raw in
      let text = transcoder.transcode(raw, encoding: .utf8, mixedLines: false)
      #expect(text.invalidCount == 3)
      #expect(text.invalidCount(inStored: 0..<bytes.count) == 3)
      #expect(text.invalidCount(inStored: 0..<1) == 0)
      #expect(text.invalidCount(inStored: 1..<2) == 1)
      #expect(text.invalidCount(inStored: 2..<5) == 0)
      #expect(text.invalidCount(inStored: 5..<6) == 1)
      #expect(text.invalidCount(inStored: 6..<11) == 0)
      #expect(text.invalidCount(inStored: 11..<12) == 1)
      #expect(text.invalidCount(inStored: 2..<12) == 2)
    }
  }

  /// A stored position inside a character maps to the character after it; a character start
  /// maps to itself.
  @Test func aPositionInsideACharacterRoundsUpToTheNextOne() {
    // 张 is E5 BC A0 in UTF-8 and D5 C5 in GB18030; 0xFF makes the UTF-8 window a repaired
    // copy instead of the stored bytes themselves.
    let utf8 = Array("a张b".utf8) + [0xFF]
    let gbk = Iconv.gb18030("a张b")
    let transcoder = Transcoder()
    utf8.withUnsafeBytes { raw in
      let text = transcoder.transcode(raw, encoding: .utf8, mixedLines: false)
      let offsets = (0...6).map { text.utf8Offset(ofCharacterAtOrAfterStored: $0) }
      #expect(offsets == [0, 1, 4, 4, 4, 5, 8])
    }
    gbk.withUnsafeBytes { raw in
      let text = transcoder.transcode(raw, encoding: .gb18030, mixedLines: false)
      #expect((0...4).map { text.utf8Offset(ofCharacterAtOrAfterStored: $0) } == [0, 1, 4, 4, 5])
    }
  }
}
