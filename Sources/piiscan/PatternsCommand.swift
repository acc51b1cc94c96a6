import ArgumentParser
import Foundation
import PIIScanCore

struct PatternsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "patterns",
    abstract: "List the rules and their categories; --test runs every rule's own examples.",
    discussion: """
      With --patterns, your own rules are listed after the built-in ones with their file and \
      how PCRE2 runs them; a regex that PCRE2 cannot start from a fixed first byte is flagged \
      on standard error, since it is tried at almost every position of the input.
      """)

  @Flag(help: "Run every rule's match, invalid and no-match examples; exit 1 if one fails.")
  var test = false

  @Option(
    name: .customLong("patterns"),
    help: ArgumentHelp(
      "Add your own rules: every *.toml file in DIR, or one .toml file; repeatable.",
      valueName: "dir"))
  var patterns: [String] = []

  func run() throws {
    let settings = DetectionSettings(asOf: .today())
    // With --test a failing example is reported below, like a built-in rule's.
    let rules = try CommandSupport.loadRules(
      only: nil, except: nil, patterns: patterns, settings: settings, checkExamples: !test)
    let out = ReportStream(descriptor: 1)
    defer { out.flush() }
    if !test {
      // Columns as wide as their longest entry: ids are printed whole, never cut.
      func width(_ texts: [String]) -> Int { (texts.map(\.count).max() ?? 0) + 2 }
      let engines = rules.rules.map { "\($0.finder.rawValue)/\($0.validator.name)" }
      let idWidth = width(rules.rules.map(\.id))
      let categoryWidth = width(rules.rules.map(\.category.id))
      let engineWidth = width(engines)
      for (rule, engine) in zip(rules.rules, engines) {
        var line =
          rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
          + rule.category.id.padding(toLength: categoryWidth, withPad: " ", startingAt: 0)
          + engine.padding(toLength: engineWidth, withPad: " ", startingAt: 0)
          + rule.description
        if rule.isUser { line += "  [\(rule.file); \(Self.engine(rule))]" }
        out.write(line + "\n")
      }
      out.flush()
      let diagnostics = Diagnostics()
      for rule in rules.rules where rule.isUser && rule.shape?.hasFirstCodeUnit == false {
        diagnostics.emit("piiscan: \(rule.file): \(rule.id): warning: \(Self.slowWarning)")
      }
      return
    }
    let results = rules.runExamples(settings: settings)
    let files = Dictionary(rules.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var failed = 0
    for result in results where !result.passed {
      failed += 1
      let origin = files[result.ruleID].flatMap { $0.isUser ? " (\($0.file))" : nil } ?? ""
      out.write(
        "FAIL \(result.ruleID)\(origin) \(result.expectation.rawValue): \(result.text)\n"
          + "     \(result.failure!)\n")
    }
    out.write("\(results.count - failed) passed, \(failed) failed\n")
    out.flush()
    if failed > 0 { throw ExitCode(1) }
  }

  /// How PCRE2 runs a user's regex: JIT-compiled (always, or the rule would not load) and
  /// where its search for a match start begins.
  static func engine(_ rule: Rule) -> String {
    guard let shape = rule.shape else { return "decided by its validator" }
    let jit = shape.isJITCompiled ? "JIT" : "interpreter"
    guard let first = shape.firstCodeUnit else { return "\(jit), no fixed first byte" }
    let shown =
      first >= 0x21 && first < 0x7F
      ? "'\(Character(UnicodeScalar(first)))'" : String(format: "0x%02X", first)
    return "\(jit), first byte \(shown)"
  }

  static let slowWarning =
    "the regex has no fixed first byte, so PCRE2 tries it at every position that could start "
    + "a match: about 1-3 GB/s instead of 10-30 GB/s for a regex that starts with a literal "
    + "(Patterns/README.md, \"Speed\"); if the value has a fixed prefix, start the regex with it"
}
