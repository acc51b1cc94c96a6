import PIIScanPCRE2
import Testing

/// `firstMatch`, `forEachMatch`, captures and anchoring, with and without the JIT.
@Suite struct PCRE2PatternMatchingTests {
  @Test(arguments: [true, false])
  func firstMatchAtVariousStartOffsets(jit: Bool) throws {
    let pattern = try PCRE2Pattern(#"\d+"#, jit: jit)
    let subject = utf8("12ab345")
    #expect(try firstMatch(pattern, in: subject, from: 0) == 0..<2)
    #expect(try firstMatch(pattern, in: subject, from: 1) == 1..<2)
    #expect(try firstMatch(pattern, in: subject, from: 2) == 4..<7)
    #expect(try firstMatch(pattern, in: subject, from: 5) == 5..<7)
    #expect(try firstMatch(pattern, in: subject, from: 7) == nil)
  }

  @Test(arguments: [true, false])
  func matchesAtTheVeryEnd(jit: Bool) throws {
    let digits = try PCRE2Pattern(#"\d+"#, jit: jit)
    #expect(try firstMatch(digits, in: utf8("ab12")) == 2..<4)
    let end = try PCRE2Pattern("$", jit: jit)
    #expect(try firstMatch(end, in: utf8("ab"), from: 2) == 2..<2)
  }

  @Test(arguments: [true, false])
  func startOffsetOutsideTheSubjectThrows(jit: Bool) throws {
    let pattern = try PCRE2Pattern("a", jit: jit)
    for offset in [-1, 4] {
      let error = #expect(throws: PCRE2Error.self) {
        try firstMatch(pattern, in: utf8("abc"), from: offset)
      }
      #expect(error?.code == PCRE2Error.Code.badOffset)
      #expect(error?.isMatchLimit == false)
    }
  }

  @Test(arguments: [true, false])
  func lookbehindSeesBytesBeforeTheStartOffset(jit: Bool) throws {
    let pattern = try PCRE2Pattern(#"(?<![0-9])\d{3}"#, jit: jit)
    // From offset 1 the "234" is preceded by "1", so the first valid match is "567".
    #expect(try firstMatch(pattern, in: utf8("1234 567"), from: 1) == 5..<8)
  }

  @Test(arguments: [true, false])
  func anchoredPatternMatchesOnlyAtTheStartOffset(jit: Bool) throws {
    let anchored = try PCRE2Pattern(#"\d{3}"#, options: .anchored, jit: jit)
    let subject = utf8("ab123 456")
    #expect(try firstMatch(anchored, in: subject, from: 0) == nil)
    #expect(try firstMatch(anchored, in: subject, from: 2) == 2..<5)
    #expect(try firstMatch(anchored, in: subject, from: 3) == nil)
    #expect(try firstMatch(anchored, in: subject, from: 6) == 6..<9)

    let unanchored = try PCRE2Pattern(#"\d{3}"#, jit: jit)
    #expect(try firstMatch(unanchored, in: subject, from: 0) == 2..<5)
    #expect(try firstMatch(unanchored, in: subject, from: 3) == 6..<9)
  }

  @Test(arguments: [true, false])
  func anchoredForEachMatchFindsOnlyAdjacentMatches(jit: Bool) throws {
    let anchored = try PCRE2Pattern(#"\d"#, options: .anchored, jit: jit)
    #expect(try allMatches(anchored, in: utf8("12a3")) == [0..<1, 1..<2])
  }

  @Test(arguments: [true, false])
  func emptySubjectWithNilBaseAddress(jit: Bool) throws {
    let empty = UnsafeRawBufferPointer(start: nil, count: 0)
    let scratch = PCRE2MatchScratch()
    let star = try PCRE2Pattern("x*", jit: jit)
    let letter = try PCRE2Pattern("a", jit: jit)
    #expect(try star.firstMatch(in: empty, using: scratch) == 0..<0)
    #expect(try letter.firstMatch(in: empty, using: scratch) == nil)
    var found: [Range<Int>] = []
    try star.forEachMatch(in: empty, using: scratch) { range in
      found.append(range)
      return true
    }
    #expect(found == [0..<0])
    #expect(throws: PCRE2Error(code: PCRE2Error.Code.badOffset)) {
      try star.firstMatch(in: empty, from: 1, using: scratch)
    }
  }

  @Test(arguments: [true, false])
  func forEachMatchFindsAllNonOverlappingMatches(jit: Bool) throws {
    let pattern = try PCRE2Pattern(#"\d+"#, jit: jit)
    #expect(try allMatches(pattern, in: utf8("a1b22c333")) == [1..<2, 3..<5, 6..<9])
    #expect(try allMatches(pattern, in: utf8("a1b22c333"), from: 4) == [4..<5, 6..<9])
    let pair = try PCRE2Pattern(#"\d\d"#, jit: jit)
    #expect(try allMatches(pair, in: utf8("12345")) == [0..<2, 2..<4])
  }

  @Test(arguments: [true, false])
  func forEachMatchHandlesEmptyMatches(jit: Bool) throws {
    let star = try PCRE2Pattern("x*", jit: jit)
    #expect(try allMatches(star, in: utf8("axxb")) == [0..<0, 1..<3, 3..<3, 4..<4])
    #expect(try allMatches(star, in: utf8("xx")) == [0..<2, 2..<2])
    #expect(try allMatches(star, in: []) == [0..<0])
    // Perl's /g rule: after an empty match, a non-empty match at the same offset is taken.
    let lazy = try PCRE2Pattern("a*?", jit: jit)
    #expect(try allMatches(lazy, in: utf8("aa")) == [0..<0, 0..<1, 1..<1, 1..<2, 2..<2])
  }

  @Test(arguments: [true, false])
  func emptyMatchesAdvanceByCharacterInUTFMode(jit: Bool) throws {
    let bytes = try PCRE2Pattern("x*", jit: jit)
    #expect(try allMatches(bytes, in: utf8("姓")) == [0..<0, 1..<1, 2..<2, 3..<3])
    let characters = try PCRE2Pattern("x*", options: .matchInvalidUTF, jit: jit)
    #expect(try allMatches(characters, in: utf8("姓x名")) == [0..<0, 3..<4, 4..<4, 7..<7])
  }

  @Test func forEachMatchStopsWhenBodyReturnsFalse() throws {
    let pattern = try PCRE2Pattern(#"\d"#)
    var calls = 0
    try utf8("1234").withUnsafeBytes { bytes in
      try pattern.forEachMatch(in: bytes, using: PCRE2MatchScratch()) { _ in
        calls += 1
        return calls < 2
      }
    }
    #expect(calls == 2)
  }

  @Test func forEachMatchPropagatesBodyErrors() throws {
    struct Stop: Error {}
    let pattern = try PCRE2Pattern(#"\d"#)
    var calls = 0
    #expect(throws: Stop.self) {
      try utf8("1234").withUnsafeBytes { bytes in
        try pattern.forEachMatch(in: bytes, using: PCRE2MatchScratch()) { _ in
          calls += 1
          throw Stop()
        }
      }
    }
    #expect(calls == 1)
  }

  @Test(arguments: [true, false])
  func captureRangesAfterFirstMatch(jit: Bool) throws {
    let pattern = try PCRE2Pattern(#"(?<area>\d{3})-(?<number>\d{4})(x)?"#, jit: jit)
    let scratch = PCRE2MatchScratch()
    #expect(try firstMatch(pattern, in: utf8("tel 010-1234."), using: scratch) == 4..<12)
    #expect(pattern.captureRange(0, in: scratch) == 4..<12)
    #expect(pattern.captureRange(1, in: scratch) == 4..<7)
    #expect(pattern.captureRange(2, in: scratch) == 8..<12)
    #expect(pattern.captureRange(3, in: scratch) == nil)
    #expect(pattern.captureRange(named: "number", in: scratch) == 8..<12)
    #expect(pattern.captureRange(named: "missing", in: scratch) == nil)

    #expect(try firstMatch(pattern, in: utf8("no phone"), using: scratch) == nil)
    #expect(pattern.captureRange(0, in: scratch) == nil)
    #expect(pattern.captureRange(1, in: scratch) == nil)
  }

  @Test func captureRangesInsideForEachMatch() throws {
    let pattern = try PCRE2Pattern(#"([a-z])(\d)?"#)
    let scratch = PCRE2MatchScratch()
    var groups: [[Range<Int>?]] = []
    try utf8("a1 b c3").withUnsafeBytes { bytes in
      try pattern.forEachMatch(in: bytes, using: scratch) { _ in
        groups.append([pattern.captureRange(1, in: scratch), pattern.captureRange(2, in: scratch)])
        return true
      }
    }
    #expect(groups == [[0..<1, 1..<2], [3..<4, nil], [5..<6, 6..<7]])
  }

  @Test func stringConveniences() throws {
    let pattern = try PCRE2Pattern("姓名")
    let scratch = PCRE2MatchScratch()
    #expect(try pattern.matches("客户姓名：张三", using: scratch))
    #expect(try !pattern.matches("客户：张三", using: scratch))
    #expect(try pattern.firstMatch(in: "客户姓名：张三", using: scratch) == 6..<12)
    #expect(try pattern.firstMatch(in: "客户姓名：张三", from: 7, using: scratch) == nil)
  }
}
