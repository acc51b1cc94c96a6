import PIIScanPCRE2
import Testing

/// `notBOL` and `notEOL`: a window of a bigger text says its edges are not line edges, so
/// `^` and `$` match only at the newlines inside it, with and without the JIT.
@Suite struct PCRE2MatchOptionsTests {
  func first(
    _ pattern: PCRE2Pattern, _ text: String, from offset: Int = 0, _ options: PCRE2MatchOptions
  ) throws -> Range<Int>? {
    try utf8(text).withUnsafeBytes { bytes in
      try pattern.firstMatch(in: bytes, from: offset, options: options, using: PCRE2MatchScratch())
    }
  }

  @Test(arguments: [true, false])
  func notBOLKeepsCaretOffTheSubjectsStart(jit: Bool) throws {
    let pattern = try PCRE2Pattern("^A[0-9]", options: [.multiline], jit: jit)
    #expect(try first(pattern, "A1 x\nA2", []) == 0..<2)
    #expect(try first(pattern, "A1 x\nA2", .notBOL) == 5..<7)
    #expect(try first(pattern, "A1 x", .notBOL) == nil)
  }

  @Test(arguments: [true, false])
  func notEOLKeepsDollarOffTheSubjectsEnd(jit: Bool) throws {
    let pattern = try PCRE2Pattern("A[0-9]$", options: [.multiline], jit: jit)
    #expect(try first(pattern, "x A1\nA2", []) == 2..<4)
    #expect(try first(pattern, "x A1\nA2", from: 4, []) == 5..<7)
    #expect(try first(pattern, "x A1\nA2", from: 4, .notEOL) == nil)
    #expect(try first(pattern, "x A1\nA2", [.notBOL, .notEOL]) == 2..<4)
  }

  @Test func theOptionsArePCRE2sBits() {
    #expect(PCRE2MatchOptions.notBOL.rawValue == 0x0000_0001)
    #expect(PCRE2MatchOptions.notEOL.rawValue == 0x0000_0002)
  }
}
