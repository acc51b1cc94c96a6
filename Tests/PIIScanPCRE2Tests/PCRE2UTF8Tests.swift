import PIIScanPCRE2
import Testing

/// Chinese text as UTF-8: `.matchInvalidUTF` patterns over dirty bytes, and byte patterns.
@Suite struct PCRE2UTF8Tests {
  /// "abc", two invalid bytes, "姓名：张三", an invalid byte, "姓名:李四", an invalid byte.
  static let dirty: [UInt8] =
    utf8("abc") + [0xFF, 0xFE] + utf8("姓名：张三") + [0xFE] + utf8("姓名:李四") + [0xFF]

  @Test(arguments: [true, false])
  func invalidUTFPatternMatchesAroundInvalidBytes(jit: Bool) throws {
    let pattern = try PCRE2Pattern(#"姓名[:：](\p{Han}{2})"#, options: .matchInvalidUTF, jit: jit)
    #expect(pattern.isJITCompiled == (jit && PCRE2Pattern.isJITAvailable))
    let scratch = PCRE2MatchScratch()
    var names: [String] = []
    var wholes: [Range<Int>] = []
    try Self.dirty.withUnsafeBytes { bytes in
      try pattern.forEachMatch(in: bytes, using: scratch) { whole in
        let group = try #require(pattern.captureRange(1, in: scratch))
        names.append(String(decoding: bytes[group], as: UTF8.self))
        wholes.append(whole)
        return true
      }
    }
    #expect(names == ["张三", "李四"])
    // "abc" + 2 invalid bytes = 5; "姓名：张三" is 15 bytes; then 1 invalid byte.
    #expect(wholes == [5..<20, 21..<34])
  }

  @Test(arguments: [true, false])
  func invalidBytesNeverMatch(jit: Bool) throws {
    let dot = try PCRE2Pattern(".", options: .matchInvalidUTF, jit: jit)
    let subject: [UInt8] = [0xFF] + utf8("姓") + [0xFE, 0x80] + utf8("a")
    #expect(try allMatches(dot, in: subject) == [1..<4, 6..<7])
    let notA = try PCRE2Pattern("[^a]+", options: .matchInvalidUTF, jit: jit)
    #expect(try allMatches(notA, in: [0xFF] + utf8("bc") + [0xFE]) == [1..<3])
  }

  @Test(arguments: [true, false])
  func startOffsetInsideACharacterIsAllowed(jit: Bool) throws {
    let pattern = try PCRE2Pattern("名", options: .matchInvalidUTF, jit: jit)
    #expect(try firstMatch(pattern, in: utf8("姓名"), from: 1) == 3..<6)
  }

  @Test(arguments: [true, false])
  func bytePatternMatchesChineseLiterally(jit: Bool) throws {
    let subject = utf8("客户姓名：张三")
    let literal = try PCRE2Pattern("姓名(?::|：)", jit: jit)
    #expect(try firstMatch(literal, in: subject) == 6..<15)
    // Without UTF a class holds bytes: [:：] is ":" or one of the three bytes of "：", so it
    // matches only the first byte of "：". Write alternatives instead, as above.
    let byteClass = try PCRE2Pattern("姓名[:：]", jit: jit)
    #expect(try firstMatch(byteClass, in: subject) == 6..<13)
    let characterClass = try PCRE2Pattern("姓名[:：]", options: .matchInvalidUTF, jit: jit)
    #expect(try firstMatch(characterClass, in: subject) == 6..<15)
    // "." is one byte.
    let dot = try PCRE2Pattern(".", jit: jit)
    #expect(try allMatches(dot, in: utf8("姓")) == [0..<1, 1..<2, 2..<3])
  }

  @Test func bytePatternAcceptsInvalidBytes() throws {
    let pattern = try PCRE2Pattern(#"姓名\xFF"#)
    #expect(try firstMatch(pattern, in: [0xFE] + utf8("姓名") + [0xFF]) == 1..<8)
  }
}
