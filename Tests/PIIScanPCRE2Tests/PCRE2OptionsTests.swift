import PIIScanPCRE2
import Testing

/// Each compile option changes what matches.
@Suite struct PCRE2OptionsTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let pattern: String
    let options: PCRE2Options
    let subject: String
    let expected: Range<Int>?

    init(_ pattern: String, _ options: PCRE2Options, _ subject: String, _ expected: Range<Int>?) {
      self.pattern = pattern
      self.options = options
      self.subject = subject
      self.expected = expected
    }

    var testDescription: String {
      "\(pattern) [\(options.rawValue)] in \(subject.debugDescription)"
    }
  }

  static let cases: [Case] = [
    Case("abc", [], "xABCx", nil),
    Case("abc", .caseless, "xABCx", 1..<4),
    Case("^b", [], "a\nb", nil),
    Case("^b", .multiline, "a\nb", 2..<3),
    Case("a.b", [], "a\nb", nil),
    Case("a.b", .dotAll, "a\nb", 0..<3),
    Case("a b # comment", .extended, "xab", 1..<3),
    Case(#"\d+"#, .endAnchored, "12ab34", 4..<6),
    Case(#"\d+"#, .anchored, "ab34", nil),
    Case("a.c", .literal, "abc a.c", 4..<7),
    Case("姓.", [.literal, .matchInvalidUTF], "姓名 姓.", 7..<11),
    Case("a+", .ungreedy, "aaa", 0..<1),
    Case(#"\d$"#, [], "1\n", 0..<1),
    Case(#"\d$"#, .dollarEndOnly, "1\n", nil),
    Case(#"\w+"#, .matchInvalidUTF, "张三ab", 6..<8),
    Case(#"\w+"#, [.matchInvalidUTF, .ucp], "张三ab", 0..<8),
    Case(#"(a)(?<n>b)"#, .noAutoCapture, "ab", 0..<2),
    Case(#"\d{3}"#, .noStartOptimize, "ab123", 2..<5),
  ]

  @Test(arguments: cases)
  func optionChangesTheMatch(_ testCase: Case) throws {
    for jit in [true, false] {
      let pattern = try PCRE2Pattern(testCase.pattern, options: testCase.options, jit: jit)
      #expect(try firstMatch(pattern, in: utf8(testCase.subject)) == testCase.expected)
    }
  }

  @Test func noAutoCaptureKeepsOnlyNamedGroups() throws {
    let pattern = try PCRE2Pattern(#"(a)(?<n>b)"#, options: .noAutoCapture)
    #expect(pattern.captureCount == 1)
    #expect(pattern.captureIndex(named: "n") == 1)
  }

  @Test func matchInvalidUTFSetsBothBits() {
    // PCRE2_UTF | PCRE2_MATCH_INVALID_UTF
    #expect(PCRE2Options.matchInvalidUTF.rawValue == 0x0408_0000)
    #expect(PCRE2Options.supported.contains(.matchInvalidUTF))
  }
}
