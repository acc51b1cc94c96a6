import Testing

@testable import PIIScanText

/// Positions in the stored bytes that a decoded window answers for: where it replaced bytes.
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
}
