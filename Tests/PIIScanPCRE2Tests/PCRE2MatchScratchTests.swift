import PIIScanPCRE2
import Testing

/// Reusing one scratch, and the limits it carries.
@Suite struct PCRE2MatchScratchTests {
  /// A classic catastrophic-backtracking case: 2^40 ways to split the a's.
  static let catastrophicSubject = utf8(String(repeating: "a", count: 40) + "b")

  @Test(arguments: [true, false])
  func catastrophicPatternHitsTheMatchLimit(jit: Bool) throws {
    let pattern = try PCRE2Pattern("(a+)+$", jit: jit)
    let scratch = PCRE2MatchScratch(matchLimit: 10_000)
    let error = #expect(throws: PCRE2Error.self) {
      try firstMatch(pattern, in: Self.catastrophicSubject, using: scratch)
    }
    #expect(error?.isMatchLimit == true)
    #expect(error?.code == PCRE2Error.Code.matchLimit)
    #expect(error?.pattern == nil)
    #expect(pattern.captureRange(0, in: scratch) == nil)

    // The scratch stays usable after a limit hit.
    #expect(try firstMatch(pattern, in: utf8("xaaa"), using: scratch) == 1..<4)
    #expect(pattern.captureRange(1, in: scratch) == 1..<4)
  }

  @Test func tinyJITStackHitsTheStackLimit() throws {
    // Each iteration of the group leaves a backtracking point on the JIT stack.
    let pattern = try PCRE2Pattern("(a|b)*$")
    try #require(pattern.isJITCompiled)
    let scratch = PCRE2MatchScratch(matchLimit: .max, jitStackSize: 4096)
    let error = #expect(throws: PCRE2Error.self) {
      try firstMatch(pattern, in: utf8(String(repeating: "a", count: 100_000)), using: scratch)
    }
    #expect(error?.code == PCRE2Error.Code.jitStackLimit)
    #expect(error?.isMatchLimit == true)
    // The default 1 MiB stack copes with a short subject.
    #expect(try firstMatch(pattern, in: utf8("abab")) == 0..<4)
  }

  @Test func oneScratchServesPatternsWithDifferentCaptureCounts() throws {
    let scratch = PCRE2MatchScratch()
    let phone = try PCRE2Pattern(#"(\d{3})-(\d{4})"#)
    // More groups than the scratch starts with, so it must grow.
    let groupCount = PCRE2MatchScratch.defaultPairCapacity + 36
    let many = try PCRE2Pattern(String(repeating: "(a)", count: groupCount))
    #expect(many.captureCount == groupCount)
    let manySubject = utf8("x" + String(repeating: "a", count: groupCount))

    #expect(try firstMatch(phone, in: utf8("tel 010-1234"), using: scratch) == 4..<12)
    #expect(phone.captureRange(2, in: scratch) == 8..<12)

    #expect(try firstMatch(many, in: manySubject, using: scratch) == 1..<(1 + groupCount))
    #expect(many.captureRange(groupCount, in: scratch) == groupCount..<(groupCount + 1))
    #expect(many.captureRange(1, in: scratch) == 1..<2)

    #expect(try firstMatch(phone, in: utf8("010-1234"), using: scratch) == 0..<8)
    #expect(phone.captureRange(1, in: scratch) == 0..<3)
    #expect(phone.captureRange(2, in: scratch) == 4..<8)

    #expect(try firstMatch(many, in: manySubject, using: scratch) == 1..<(1 + groupCount))
    #expect(many.captureRange(groupCount - 1, in: scratch) == (groupCount - 1)..<groupCount)
  }

  @Test func limitsAreRecorded() {
    let scratch = PCRE2MatchScratch(matchLimit: 5, depthLimit: 6, jitStackSize: 1 << 16)
    #expect(scratch.matchLimit == 5)
    #expect(scratch.depthLimit == 6)
    #expect(scratch.jitStackSize == 1 << 16)
  }
}
