import Foundation
import Testing

@testable import PIIScanCore

/// Every rule carries its own examples; this runs them all (as `piiscan patterns --test` does).
@Suite struct PatternExamplesTests {
  static let results = try! RuleSet.embedded().runExamples(
    settings: DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!))

  @Test func everyRuleHasExamplesOfEachKind() throws {
    let rules = try RuleSet.embedded()
    for rule in rules.rules {
      #expect(!rule.examples.match.isEmpty, "\(rule.id) has no match example")
      #expect(!rule.examples.nomatch.isEmpty, "\(rule.id) has no nomatch example")
    }
  }

  @Test(arguments: results)
  func example(_ result: RuleExampleResult) {
    #expect(
      result.passed,
      "\(result.ruleID) \(result.expectation.rawValue) \"\(result.text)\": \(result.failure ?? "")")
  }
}

extension RuleExampleResult: CustomTestStringConvertible {
  public var testDescription: String { "\(ruleID) \(expectation.rawValue): \(text)" }
}

/// The embedded copy of Patterns/ must be regenerated whenever Patterns/ changes.
@Suite struct EmbeddedPatternsTests {
  static let patternsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Patterns")

  @Test func embeddedFilesMatchPatternsDirectory() throws {
    let enumerator = FileManager.default.enumerator(atPath: Self.patternsDirectory.path)!
    var onDisk: [String] = []
    while let path = enumerator.nextObject() as? String {
      if path.hasSuffix(".toml") || path.hasSuffix(".tsv") { onDisk.append(path) }
    }
    #expect(onDisk.sorted() == EmbeddedPatterns.paths, "run `make patterns`")
    for path in onDisk {
      let text = try String(
        contentsOf: Self.patternsDirectory.appendingPathComponent(path), encoding: .utf8)
      #expect(EmbeddedPatterns.text(path) == text, "\(path) changed: run `make patterns`")
    }
  }
}

/// A broken pattern file is reported with its file, its rule and what to change; all problems
/// at once.
@Suite struct RuleSetLoadingTests {
  func problems(_ toml: String) -> [String] {
    do {
      _ = try RuleSet(files: [(path: "user/rules.toml", text: toml)])
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  static let valid = """
    [[rules]]
    id = "x-mobile"
    category = "cn_mobile"
    validator = "mobile"
    [rules.examples]
    match = ["13912345670"]
    """

  /// A rule whose regex decides its values (the e-mail validator's).
  static let withRegex = """
    [[rules]]
    id = "x-email"
    category = "email"
    validator = "email"
    regex = '[a-z]+@[a-z]+[.]com'
    [rules.examples]
    match = ["a@b.com"]
    """

  @Test func aValidFileLoads() { #expect(problems(Self.valid).isEmpty) }

  @Test func notTOML() {
    let found = problems("[[rules]\nid = ")
    #expect(found.count == 1 && found[0].hasPrefix("user/rules.toml: line 1"))
  }

  @Test func missingID() {
    let found = problems(Self.valid.replacingOccurrences(of: "id = \"x-mobile\"\n", with: ""))
    #expect(
      found == [
        "user/rules.toml: rule #1: has no `id` (add a stable kebab-case id such as \"cn-mobile\")"
      ])
  }

  @Test func badRegexNamesTheOffset() {
    let found = problems(
      Self.withRegex.replacingOccurrences(of: "'[a-z]+@[a-z]+[.]com'", with: "'[a-z+@'"))
    #expect(found.count == 1)
    #expect(found[0].hasPrefix("user/rules.toml: x-email: regex does not compile"))
    #expect(found[0].contains("offset"))
  }

  @Test func aRegexThatWouldDecideNothingIsRefused() {
    let found = problems(
      Self.valid.replacingOccurrences(
        of: "[rules.examples]", with: "regex = '1[0-9]{10}'\n[rules.examples]"))
    #expect(found.count == 1)
    #expect(found[0].contains("decides its values alone: remove the regex"))
  }

  @Test func unknownValidatorAndBadCategoryAreBothReported() {
    let found = problems(
      Self.valid.replacingOccurrences(of: "\"mobile\"", with: "\"nope\"")
        .replacingOccurrences(of: "cn_mobile", with: "Mobile"))
    #expect(found.count == 2)
    #expect(found.contains { $0.contains("unknown validator \"nope\"") })
    #expect(found.contains { $0.contains("category \"Mobile\" must be snake_case") })
  }

  @Test func duplicateIDs() {
    let twice =
      Self.valid + "\n" + Self.valid.replacingOccurrences(of: "\"mobile\"", with: "\"landline\"")
    let found = problems(twice)
    #expect(found.contains { $0.contains("id is already used") })
  }
}
