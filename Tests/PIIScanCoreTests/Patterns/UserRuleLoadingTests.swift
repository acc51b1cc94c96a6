import Foundation
import Testing

@testable import PIIScanCore

/// A user's rule file (`--patterns`) is checked before anything is scanned: every problem is
/// reported at once, each naming the file, the rule and what to change.
@Suite struct UserRuleLoadingTests {
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  static let valid = """
    [[rules]]
    id = "acme-staff-number"
    category = "acme_staff_number"
    description = "ACME staff number."
    finder = "regex"
    validator = "regex"
    regex = '''(?<![A-Za-z0-9])ACME-[0-9]{6}(?![0-9])'''
    context = ["工号", "staff"]

    [rules.examples]
    match = ["工号：ACME-123456"]
    nomatch = ["ACME-12345", "XACME-123456"]
    """

  func load(_ files: [(String, String)]) throws(PatternLoadError) -> RuleSet {
    try RuleSet.embedded(
      adding: files.map { (path: $0.0, text: $0.1) }, settings: Self.settings)
  }

  /// The problems loading `toml` as `user/rules.toml` reports, as printed.
  func problems(_ toml: String) -> [String] {
    problems([("user/rules.toml", toml)])
  }

  func problems(_ files: [(String, String)]) -> [String] {
    do {
      _ = try load(files)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  func edited(_ old: String, _ new: String) -> String {
    precondition(Self.valid.contains(old), "the fixture has no \(old)")
    return Self.valid.replacingOccurrences(of: old, with: new)
  }

  @Test func aValidFileAddsARegexRuleAfterTheBuiltInOnes() throws {
    let builtIn = try RuleSet.embedded()
    let rules = try load([("user/rules.toml", Self.valid)])
    #expect(rules.rules.count == builtIn.rules.count + 1)
    let rule = try #require(rules.rules.last)
    #expect(rule.id == "acme-staff-number" && rule.category.id == "acme_staff_number")
    #expect(rule.isUser && rule.file == "user/rules.toml")
    #expect(rule.validator == .regex && rule.finder == .regex && !rule.requireContext)
    #expect(rule.shape?.isJITCompiled == true)
    #expect(rule.shape?.firstCodeUnit == UInt8(ascii: "A"))
    #expect(rules.regexRules == [rules.rules.count - 1])
    #expect(rules.categories.last == "acme_staff_number")
    #expect(!builtIn.rules.contains { $0.isUser })
  }

  /// The complete example of Patterns/README.md, "Your own rules", loads, its examples pass,
  /// and it finds what the README shows.
  @Test func theDocumentedExampleWorksAsDocumented() throws {
    let readme = try String(
      contentsOf: EmbeddedPatternsTests.patternsDirectory.appendingPathComponent("README.md"),
      encoding: .utf8)
    let section = try #require(readme.range(of: "## Your own rules"))
    let body = readme[section.upperBound...]
    let open = try #require(body.range(of: "```toml\n"))
    let close = try #require(body[open.upperBound...].range(of: "```\n"))
    let toml = String(body[open.upperBound..<close.lowerBound])
    let rules = try load([("acme-rules/acme.toml", toml)])
    #expect(rules.regexRules.map { rules.rules[$0].id } == ["acme-staff-number", "acme-contract"])
    let findings = TextScan.findings(
      in: "工号,部门,备注\nACME-123456,财务部,合同编号：HT20240001\n", rules: rules,
      settings: Self.settings)
    let shown = findings.map {
      "\($0.line):\($0.column): \($0.category.id) "
        + "\(FindingPresenter(reveal: false, asOf: CivilDate(year: 2026, month: 11, day: 29)!).value($0)) (\($0.confidence.rawValue))"
    }
    #expect(
      shown == [
        "2:1: acme_staff_number AC*******56 (high)", "2:22: acme_contract HT******01 (high)",
      ])
    #expect(readme.contains("export.csv:2:1: acme_staff_number AC*******56 (valid, high)\n"))
    #expect(readme.contains("export.csv:2:22: acme_contract HT******01 (valid, high)\n"))
  }

  @Test func theFinderMayBeLeftOut() {
    #expect(problems(edited("finder = \"regex\"\n", "")).isEmpty)
  }

  @Test func anUnknownKeyIsNamed() {
    #expect(
      problems(edited("context = [", "require_contex = true\ncontext = [")) == [
        "user/rules.toml: acme-staff-number: unknown key `require_contex` (known: id, category, "
          + "description, finder, validator, regex, context, require_context, examples)"
      ])
    #expect(
      problems(edited("nomatch =", "nomatches = [\"x\"]\nnomatch =")) == [
        "user/rules.toml: acme-staff-number: unknown key `examples.nomatches` (known: match, "
          + "invalid, nomatch)"
      ])
    #expect(
      problems("version = 2\n" + Self.valid) == [
        "user/rules.toml: unknown key `version` (a pattern file holds a [category] table and "
          + "[[rules]] tables)"
      ])
  }

  @Test func missingFieldsAreEachNamed() {
    #expect(
      problems(edited("id = \"acme-staff-number\"\n", "")) == [
        "user/rules.toml: rule #1: has no `id` (add a stable kebab-case id such as \"cn-mobile\")"
      ])
    #expect(
      problems(edited("category = \"acme_staff_number\"\n", "")) == [
        "user/rules.toml: acme-staff-number: has no `category` (a taxonomy id such as \"cn_mobile\")"
      ])
    #expect(
      problems(edited("validator = \"regex\"\n", "")) == [
        "user/rules.toml: acme-staff-number: has no `validator` (your rules use validator = \"regex\")"
      ])
    #expect(
      problems(edited("regex = '''(?<![A-Za-z0-9])ACME-[0-9]{6}(?![0-9])'''\n", "")) == [
        "user/rules.toml: acme-staff-number: has no `regex` (the PCRE2 pattern whose every match "
          + "is a value, such as 'ACME-[0-9]{6}')"
      ])
    #expect(
      problems(edited("match = [\"工号：ACME-123456\"]\n", "")) == [
        "user/rules.toml: acme-staff-number: has no `examples.match` (every rule carries at least "
          + "one text in which it finds exactly one value)"
      ])
    #expect(
      problems(edited("nomatch = [\"ACME-12345\", \"XACME-123456\"]", "")) == [
        "user/rules.toml: acme-staff-number: has no `examples.nomatch` (add at least one text in "
          + "which the rule must find nothing, such as a near miss)"
      ])
    #expect(
      problems("# only a comment\n") == [
        "user/rules.toml: has no rules (each rule is a [[rules]] table; see Patterns/README.md)"
      ])
  }

  @Test func anIDOrCategoryOfABuiltInRuleIsRefused() {
    #expect(
      problems(edited("id = \"acme-staff-number\"", "id = \"cn-mobile\"")) == [
        "user/rules.toml: cn-mobile: id \"cn-mobile\" is the id of a built-in rule "
          + "(Patterns/cn-mobile.toml); give your rule an id of its own, for example prefixed "
          + "with your organisation's name"
      ])
    #expect(
      problems(edited("category = \"acme_staff_number\"", "category = \"cn_mobile\"")) == [
        "user/rules.toml: acme-staff-number: category \"cn_mobile\" is the built-in rule "
          + "cn-mobile's; your rule reports a category of its own (a new snake_case name; "
          + "--except cn_mobile leaves the built-in one out)"
      ])
    // Soft categories are built-in ones too.
    #expect(
      problems(edited("category = \"acme_staff_number\"", "category = \"person_name_zh\"")).first?
        .contains("is the built-in rule person-name-zh's") == true)
  }

  @Test func anIDUsedTwiceInTheUsersFilesIsNamed() {
    let second = Self.valid.replacingOccurrences(of: "acme_staff_number", with: "acme_other")
    #expect(
      problems([("a.toml", Self.valid), ("b.toml", second)]) == [
        "b.toml: acme-staff-number: id is already used in a.toml (ids are unique and never reused)"
      ])
  }

  @Test func twoRulesMayShareACategoryOfTheirOwn() throws {
    let second = Self.valid.replacingOccurrences(
      of: "id = \"acme-staff-number\"", with: "id = \"acme-staff-number-old\""
    )
    .replacingOccurrences(of: "ACME-[0-9]{6}", with: "AC[0-9]{8}")
    .replacingOccurrences(of: "工号：ACME-123456", with: "工号：AC12345678")
    let rules = try load([("a.toml", Self.valid), ("b.toml", second)])
    #expect(rules.regexRules.count == 2)
    #expect(rules.categories.filter { $0 == "acme_staff_number" }.count == 1)
  }

  @Test func aRegexThatDoesNotCompileIsNamedWithItsOffset() {
    // The class swallows "{6}(?![0-9" up to the first ']', leaving the last ')' unmatched:
    // offset 36 of the rule's own regex (not of what the scanner compiles).
    #expect(
      problems(edited("ACME-[0-9]{6}(?![0-9])", "ACME-[0-9{6}(?![0-9])")) == [
        "user/rules.toml: acme-staff-number: regex does not compile at offset 36: unmatched "
          + "closing parenthesis (PCRE2 error 122); fix the pattern (PCRE2 syntax, best "
          + "written in a '''literal''' string)"
      ])
    #expect(
      problems(edited("ACME-[0-9]{6}(?![0-9])", "ACME-[0-9")).first?
        .contains(
          "regex does not compile at offset 25: missing terminating ] for character class "
            + "(PCRE2 error 106)") == true)
  }

  @Test func aRegexThatCanMatchNothingIsRefused() {
    #expect(
      problems(edited("ACME-[0-9]{6}(?![0-9])", "(?:ACME-[0-9]{6})?")) == [
        "user/rules.toml: acme-staff-number: regex can match empty text; every match must be at "
          + "least one character (make the value's characters required, not optional)"
      ])
  }

  @Test func aLongLookbehindIsRefused() {
    #expect(
      problems(edited("(?<![A-Za-z0-9])", "(?<!" + String(repeating: "x", count: 65) + ")")) == [
        "user/rules.toml: acme-staff-number: regex looks back 65 characters; at most 64 are "
          + "allowed (shorten the lookbehind, or use `context`)"
      ])
  }

  @Test func aRegexTheJITRefusesIsRefused() {
    #expect(
      problems(edited("regex = '''", "regex = '''(*NO_JIT)")) == [
        "user/rules.toml: acme-staff-number: PCRE2 could not JIT-compile the regex (remove "
          + "(*NO_JIT) or another verb the JIT does not support); without the JIT a scan would "
          + "be far too slow"
      ])
  }

  @Test func aUserRuleCannotUseABuiltInValidator() {
    #expect(
      problems(edited("finder = \"regex\"\nvalidator = \"regex\"", "validator = \"mobile\"")) == [
        "user/rules.toml: acme-staff-number: validator \"mobile\" belongs to the built-in rules; "
          + "a rule in your own file uses validator = \"regex\""
      ])
  }

  @Test func invalidExamplesAndContextSettingsAreChecked() {
    #expect(
      problems(edited("nomatch =", "invalid = [\"ACME-000000\"]\nnomatch =")) == [
        "user/rules.toml: acme-staff-number: has `examples.invalid`, but a regex rule has no "
          + "check for a value to fail: move them to `nomatch`, or drop them"
      ])
    #expect(
      problems(edited("context = [\"工号\", \"staff\"]", "context = []\nrequire_context = true")) == [
        "user/rules.toml: acme-staff-number: `require_context = true` needs at least one word in "
          + "`context`"
      ])
    #expect(
      problems(edited("context = [\"工号\", \"staff\"]", "context = \"工号\"")).first?
        .hasPrefix("user/rules.toml: ") == true)
  }

  @Test func failingExamplesAreProblems() {
    #expect(
      problems(edited("match = [\"工号：ACME-123456\"]", "match = [\"工号：ACME-12345\"]")) == [
        "user/rules.toml: acme-staff-number: match example \"工号：ACME-12345\": expected one "
          + "valid finding, found none (change the example or the regex)"
      ])
    #expect(
      problems(edited("\"XACME-123456\"", "\"X ACME-123456\"")) == [
        "user/rules.toml: acme-staff-number: nomatch example \"X ACME-123456\": expected no "
          + "finding, found ACME-123456 (valid) (change the example or the regex)"
      ])
    // With require_context, an example without a context word finds nothing.
    let required = edited(
      "context = [\"工号\", \"staff\"]", "context = [\"工号\"]\nrequire_context = true")
    #expect(problems(required).isEmpty)
    #expect(
      problems(required.replacingOccurrences(of: "工号：ACME-123456", with: "ACME-123456")) == [
        "user/rules.toml: acme-staff-number: match example \"ACME-123456\": expected one valid "
          + "finding, found none (change the example or the regex)"
      ])
  }

  @Test func everyProblemOfEveryFileIsReportedAtOnce() {
    let broken = """
      [[rules]]
      id = "cn-mobile"
      category = "Staff"
      validator = "regex"
      regex = '''ACME-(['''
      [rules.examples]
      match = ["ACME-1"]

      [[rules]]
      id = "acme-ok"
      category = "acme_ok"
      validator = "regex"
      regex = '''ACME-[0-9]{6}'''
      [rules.examples]
      match = ["ACME-12345"]
      nomatch = ["none"]
      """
    let found = problems([("a.toml", "[[rules]\nid ="), ("b.toml", broken), ("c.toml", Self.valid)])
    #expect(found.count == 6, "\(found)")
    #expect(found[0].hasPrefix("a.toml: line 1: "))
    #expect(found[0].hasSuffix("(the file is not valid TOML)"))
    #expect(found[1].hasPrefix("b.toml: cn-mobile: id \"cn-mobile\" is the id of a built-in rule"))
    #expect(found[2].hasPrefix("b.toml: cn-mobile: category \"Staff\" must be snake_case"))
    #expect(found[3].hasPrefix("b.toml: cn-mobile: regex does not compile at offset"))
    #expect(found[4].hasPrefix("b.toml: cn-mobile: has no `examples.nomatch`"))
    #expect(found[5].hasPrefix("b.toml: acme-ok: match example \"ACME-12345\""))
  }
}
