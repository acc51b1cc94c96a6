import Testing

@testable import PIIScanCore

/// The gitignore rules, one case each, written from the rules of the gitignore manual page
/// (not from the matcher's code): what each kind of pattern must and must not match.
@Suite struct PathPatternTests {
  /// Whether `pattern` (one line of an ignore file) matches `path`.
  private func matches(_ pattern: String, _ path: String, directory: Bool = false) -> Bool {
    PathPattern(line: pattern)!.matches(Array(path.utf8), isDirectory: directory)
  }

  @Test func blankLinesAndCommentsAreNoPatterns() {
    #expect(PathPattern(line: "") == nil)
    #expect(PathPattern(line: "   ") == nil)
    #expect(PathPattern(line: "# a comment") == nil)
    // A backslash before the hash makes it a pattern for names starting with '#'.
    #expect(matches("\\#notes", "#notes"))
    #expect(!matches("\\#notes", "notes"))
  }

  @Test func trailingSpacesAreDroppedUnlessEscaped() {
    #expect(matches("build   ", "build"))
    #expect(!matches("build   ", "build "))
    #expect(matches("build\\ ", "build "))
    #expect(!matches("build\\ ", "build"))
    #expect(matches("data.csv\r", "data.csv"))  // a CRLF ignore file
  }

  @Test func anExclamationMarkNegatesAndCanBeEscaped() {
    let negated = PathPattern(line: "!keep.log")!
    #expect(negated.negated)
    #expect(negated.matches(Array("keep.log".utf8), isDirectory: false))
    let literal = PathPattern(line: "\\!important")!
    #expect(!literal.negated)
    #expect(literal.matches(Array("!important".utf8), isDirectory: false))
  }

  @Test func aPatternWithoutASlashMatchesANameAtAnyDepth() {
    #expect(matches("*.log", "app.log"))
    #expect(matches("*.log", "var/logs/app.log"))
    #expect(matches("secrets", "a/b/secrets"))
    #expect(!matches("*.log", "app.log.gz"))
    #expect(!matches("secrets", "a/secrets.txt"))
  }

  @Test func aSlashAtTheStartOrInTheMiddleAnchorsThePattern() {
    #expect(matches("/bar", "bar"))
    #expect(!matches("/bar", "a/bar"))
    #expect(matches("doc/frotz", "doc/frotz"))
    #expect(!matches("doc/frotz", "a/doc/frotz"))
  }

  @Test func aTrailingSlashMatchesDirectoriesOnly() {
    #expect(matches("frotz/", "frotz", directory: true))
    #expect(matches("frotz/", "a/frotz", directory: true))
    #expect(!matches("frotz/", "frotz", directory: false))
    // doc/frotz/ has a slash in the middle: anchored.
    #expect(matches("doc/frotz/", "doc/frotz", directory: true))
    #expect(!matches("doc/frotz/", "a/doc/frotz", directory: true))
  }

  @Test func aStarStopsAtASlash() {
    #expect(matches("foo/*", "foo/test.json"))
    #expect(matches("foo/*", "foo/bar", directory: true))
    #expect(!matches("foo/*", "foo/bar/hello.c"))
    #expect(matches("a*c", "abbbc"))
    #expect(matches("a*c", "ac"))
  }

  @Test func aQuestionMarkIsOneCharacterButNotASlash() {
    #expect(matches("file?.txt", "file1.txt"))
    #expect(!matches("file?.txt", "file10.txt"))
    #expect(!matches("a?b", "a/b"))
  }

  @Test func bracketsMatchOneCharacterOfASetOrRange() {
    #expect(matches("dump[0-9].sql", "dump7.sql"))
    #expect(!matches("dump[0-9].sql", "dumpx.sql"))
    #expect(matches("dump[!0-9].sql", "dumpx.sql"))
    #expect(matches("dump[^0-9].sql", "dumpx.sql"))
    #expect(!matches("dump[!0-9].sql", "dump1.sql"))
    #expect(matches("[ab]c", "bc"))
    #expect(!matches("[ab]c", "cc"))
    // An unclosed bracket is a literal.
    #expect(matches("a[b", "a[b"))
  }

  @Test func leadingDoubleStarMatchesInEveryDirectory() {
    #expect(matches("**/foo", "foo"))
    #expect(matches("**/foo", "x/y/foo"))
    #expect(matches("**/foo/bar", "foo/bar"))
    #expect(matches("**/foo/bar", "x/foo/bar"))
    #expect(!matches("**/foo/bar", "x/foo/baz"))
  }

  @Test func trailingDoubleStarMatchesEverythingInside() {
    #expect(matches("abc/**", "abc/x"))
    #expect(matches("abc/**", "abc/x/y/z.txt"))
    #expect(!matches("abc/**", "abc"))
    #expect(!matches("abc/**", "xabc/y"))
  }

  @Test func middleDoubleStarMatchesZeroOrMoreDirectories() {
    #expect(matches("a/**/b", "a/b"))
    #expect(matches("a/**/b", "a/x/b"))
    #expect(matches("a/**/b", "a/x/y/b"))
    #expect(!matches("a/**/b", "a/xb"))
    #expect(!matches("a/**/b", "b/a/b"))
  }

  @Test func otherDoubleStarsAreOrdinaryStars() {
    #expect(matches("a**b", "axyzb"))
    #expect(!matches("a**b", "a/b"))
  }

  @Test func theLastMatchingPatternDecides() {
    let rules = IgnoreRules(text: "*.log\n!keep.log\n", origin: "test")
    #expect(rules.decision(for: Array("x.log".utf8), isDirectory: false)?.negated == false)
    #expect(rules.decision(for: Array("keep.log".utf8), isDirectory: false)?.negated == true)
    #expect(rules.decision(for: Array("x.txt".utf8), isDirectory: false) == nil)
    let reversed = IgnoreRules(text: "!keep.log\n*.log\n", origin: "test")
    #expect(reversed.decision(for: Array("keep.log".utf8), isDirectory: false)?.negated == false)
  }

  @Test func namesNeedNotBeUTF8() {
    // GBK bytes for a name: matched byte for byte.
    let name: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0x2E, 0x63, 0x73, 0x76]
    let pattern = PathPattern(line: "*.csv")!
    #expect(pattern.matches(name, isDirectory: false))
  }

  @Test func manyStarsDoNotTakeExponentialTime() {
    let pattern = PathPattern(line: "*a*a*a*a*a*a*a*a*a*a*b")!
    #expect(!pattern.matches(Array(String(repeating: "a", count: 200).utf8), isDirectory: false))
  }
}
