import PIIScanPCRE2
import Testing

@Suite struct PCRE2ErrorTests {
  @Test func limitCodesAreMatchLimits() {
    let limits = [
      PCRE2Error.Code.matchLimit, PCRE2Error.Code.depthLimit, PCRE2Error.Code.heapLimit,
      PCRE2Error.Code.jitStackLimit,
    ]
    #expect(limits == [-47, -53, -63, -46])
    for code in limits {
      #expect(PCRE2Error(code: code).isMatchLimit)
      #expect(!PCRE2Error(code: code).isCompileError)
    }
    for code: Int32 in [-1, PCRE2Error.Code.badOffset, 114] {
      #expect(!PCRE2Error.isMatchLimit(code: code))
    }
  }

  @Test func messagesComeFromPCRE2() {
    #expect(PCRE2Error(code: PCRE2Error.Code.matchLimit).message.contains("match limit"))
    #expect(PCRE2Error(code: 9_999).message == "unknown PCRE2 error code 9999")
  }

  @Test func descriptionNamesCodeOffsetPatternAndMessage() throws {
    let error = try #require(compileError("a(b"))
    #expect(
      error.description
        == #"PCRE2 error 114 at offset 3 in pattern "a(b": missing closing parenthesis"#)
    let limit = PCRE2Error(code: PCRE2Error.Code.matchLimit)
    #expect(limit.description == "PCRE2 error -47: " + limit.message)
  }

  @Test func equalErrorsCompareEqual() {
    #expect(compileError("a(b") == compileError("a(b"))
    #expect(compileError("a(b") != compileError("a(bc"))
  }
}
