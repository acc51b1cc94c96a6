import PIIScanPCRE2
import Testing

/// Compilation, JIT and the pattern facts read with `pcre2_pattern_info`.
@Suite struct PCRE2PatternTests {
  @Test func missingParenthesisReportsCodeMessageAndOffset() throws {
    let error = try #require(compileError("a(b"))
    #expect(error.code == PCRE2Error.Code.missingClosingParenthesis)
    #expect(error.code == 114)
    #expect(error.message == "missing closing parenthesis")
    #expect(error.patternOffset == 3)
    #expect(error.pattern == "a(b")
    #expect(error.isCompileError)
    #expect(!error.isMatchLimit)
  }

  @Test func reversedClassRangeReportsItsOffset() throws {
    let error = try #require(compileError("xy[z-a]"))
    #expect(error.code == PCRE2Error.Code.classRangeOrder)
    #expect(error.message == "range out of order in character class")
    #expect(error.patternOffset == 5)
  }

  @Test func compileErrorOffsetIsInBytes() throws {
    // Two 3-byte characters before the "(": a Character count would say 3.
    let error = try #require(compileError("姓名(x"))
    #expect(error.code == PCRE2Error.Code.missingClosingParenthesis)
    #expect(error.patternOffset == 8)
  }

  @Test func patternIsCompiledWithItsByteLength() throws {
    let bytePattern = try PCRE2Pattern("姓名")
    #expect(bytePattern.minimumLength == 6)
    #expect(try firstMatch(bytePattern, in: utf8("客户姓名")) == 6..<12)
    #expect(try firstMatch(bytePattern, in: utf8("客户姓")) == nil)

    // In UTF mode PCRE2 counts the minimum length in characters.
    let utfPattern = try PCRE2Pattern("姓名", options: .matchInvalidUTF)
    #expect(utfPattern.minimumLength == 2)
  }

  @Test func emptyPatternCompilesAndMatchesEverywhere() throws {
    let pattern = try PCRE2Pattern("")
    #expect(try allMatches(pattern, in: utf8("ab")) == [0..<0, 1..<1, 2..<2])
  }

  @Test func jitCompilesNormalPatterns() throws {
    #if arch(x86_64) || arch(arm64)
      #expect(PCRE2Pattern.isJITAvailable)
    #endif
    let pattern = try PCRE2Pattern(#"1[3-9]\d{9}"#)
    #expect(pattern.isJITCompiled == PCRE2Pattern.isJITAvailable)
    #expect(pattern.hasFirstCodeUnit)
    #expect(pattern.firstCodeUnit == UInt8(ascii: "1"))
    #expect(pattern.minimumLength == 11)
    #expect(pattern.maxLookbehind == 0)
  }

  @Test func interpreterIsKeptWhenJITIsNotUsed() throws {
    let subject = utf8("tel 13800138000.")
    let jitted = try PCRE2Pattern(#"1[3-9]\d{9}"#)
    let interpreted = try PCRE2Pattern(#"1[3-9]\d{9}"#, jit: false)
    let refused = try PCRE2Pattern(#"(*NO_JIT)1[3-9]\d{9}"#)
    #expect(!interpreted.isJITCompiled)
    #expect(!refused.isJITCompiled)
    for pattern in [jitted, interpreted, refused] {
      #expect(try firstMatch(pattern, in: subject) == 4..<15)
    }
  }

  @Test func patternFactsForWarnings() throws {
    let email = try PCRE2Pattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")
    #expect(!email.hasFirstCodeUnit)
    #expect(email.firstCodeUnit == nil)
    #expect(email.minimumLength == 3)

    let atFirst = try PCRE2Pattern("@[A-Za-z0-9.-]+")
    #expect(atFirst.hasFirstCodeUnit)
    #expect(atFirst.firstCodeUnit == UInt8(ascii: "@"))

    let bounded = try PCRE2Pattern(#"(?<![0-9])\d{6}(?<=\d{3})"#)
    #expect(bounded.maxLookbehind == 3)
  }

  @Test func captureCountAndNamedGroups() throws {
    let pattern = try PCRE2Pattern(#"(?<area>\d{3})-(?<number>\d{4})(x)?(?:y)?"#)
    #expect(pattern.captureCount == 3)
    #expect(pattern.captureIndex(named: "area") == 1)
    #expect(pattern.captureIndex(named: "number") == 2)
    #expect(pattern.captureIndex(named: "missing") == nil)
    #expect(pattern.captureNames == ["area": 1, "number": 2])

    let none = try PCRE2Pattern("abc")
    #expect(none.captureCount == 0)
    #expect(none.captureNames.isEmpty)
  }

  @Test func duplicateNamesMapToTheLowestGroup() throws {
    let pattern = try PCRE2Pattern(
      #"(?<id>\d{18})|(?<id>\d{15})|(?<name>[a-z]+)"#, options: .dupNames)
    #expect(pattern.captureCount == 3)
    #expect(pattern.captureIndex(named: "id") == 1)
    #expect(pattern.captureIndex(named: "name") == 3)
  }

  @Test func plainUTFIsRefused() throws {
    // PCRE2_UTF (0x00080000) without PCRE2_MATCH_INVALID_UTF.
    let plainUTF = PCRE2Options(rawValue: 0x0008_0000)
    let error = try #require(compileError("abc", options: plainUTF))
    #expect(error.code == PCRE2Error.Code.badOptions)

    let inPattern = try #require(compileError("(*UTF)abc"))
    #expect(inPattern.code == PCRE2Error.Code.utfIsDisabled)

    let allowed = try PCRE2Pattern("(*UTF)abc", options: .matchInvalidUTF)
    #expect(allowed.options == .matchInvalidUTF)
  }

  @Test func unsupportedOptionBitsAreRefused() throws {
    // PCRE2_AUTO_CALLOUT (0x4) is a real PCRE2 option that this wrapper does not offer.
    let error = try #require(compileError("abc", options: PCRE2Options(rawValue: 0x4)))
    #expect(error.code == PCRE2Error.Code.badOptions)
    #expect(error.pattern == "abc")
  }
}
