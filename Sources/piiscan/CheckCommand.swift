import ArgumentParser
import PIIScanCore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Explain values: their category, whether they are valid or which check fails, "
      + "and what they reveal (region, birth date, sex, carrier, issuing bank).",
    discussion: """
      Each VALUE is read as if it stood in a column of its own kind, so a number that fails \
      several checks is still explained, and every reading it has is given (a number can be \
      both an ID and a card); --as CATEGORY reads it as one category only. Values are printed \
      as given: check is for values you already hold.

      Exit status: 0 when at least one value is valid, 1 otherwise, 64 for a usage error.
      """)

  @Argument(help: "Values to explain, e.g. 11010519491231002X or 13912345670.")
  var values: [String]

  @Option(help: "Output format: text or jsonl.")
  var format: CheckFormat = .text

  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      "Read every value as this category (a taxonomy id), and say why it is not one if it is not.",
      valueName: "category"))
  var category: String?

  @Option(
    help: ArgumentHelp(
      "Judge birth dates and ages as of this date (YYYY-MM-DD).", valueName: "date"))
  var asOf: String?

  @Option(
    name: .customLong("patterns"),
    help: ArgumentHelp(
      "Add your own rules: every *.toml file in DIR, or one .toml file; repeatable.",
      valueName: "dir"))
  var patterns: [String] = []

  enum CheckFormat: String, ExpressibleByArgument {
    case text, jsonl
  }

  func validate() throws {
    if let asOf, CivilDate(iso: asOf) == nil {
      throw ValidationError("--as-of must be a date written YYYY-MM-DD, not \"\(asOf)\"")
    }
  }

  func run() throws {
    if let category,
      !(try CommandSupport.loadRules(only: nil, except: nil)).categories.contains(category)
    {
      throw ValidationError("--as: unknown category \(category) (see piiscan patterns)")
    }
    let settings = DetectionSettings(
      asOf: asOf.flatMap { CivilDate(iso: $0) } ?? .today(), assumeContext: true)
    let rules = try CommandSupport.loadRules(
      only: nil, except: nil, patterns: patterns, settings: DetectionSettings(asOf: settings.asOf))
    let presenter = FindingPresenter(reveal: true, asOf: settings.asOf)
    let out = ReportStream(descriptor: 1)
    var anyValid = false
    for value in values {
      let findings = ValueReadings.of(value, rules: rules, settings: settings, as: category)
      anyValid = anyValid || findings.contains { $0.valid }
      switch format {
      case .text:
        out.write(value + "\n")
        if findings.isEmpty {
          out.write("  no rule recognises this value\n")
        }
        for finding in findings {
          let description = presenter.describe(finding)
          let shown = presenter.value(finding)
          out.write("  category    \(finding.category.id) (rule \(finding.rule.id))\n")
          if shown != value { out.write("  value       \(shown)\n") }
          if finding.valid {
            out.write("  valid       yes (\(finding.confidence.rawValue) confidence)\n")
          } else {
            let code = finding.reasonCode.map { " [\($0.id)]" } ?? ""
            out.write("  valid       no: \(description.reason ?? "")\(code)\n")
          }
          for (key, detail) in presenter.details(description) {
            out.write(
              "  " + key.padding(toLength: max(key.count, 11), withPad: " ", startingAt: 0)
                + " \(detail)\n")
          }
        }
      case .jsonl:
        var object = "{\"input\":\(quoted(value)),\"findings\":["
        object += findings.map { finding in
          let description = presenter.describe(finding)
          var item = "{\"category\":\(quoted(finding.category.id))"
          item += ",\"rule\":\(quoted(finding.rule.id))"
          item += ",\"value\":\(quoted(finding.value.string)),\"valid\":\(finding.valid)"
          if !finding.valid {
            item += ",\"reason\":\(quoted(description.reason ?? ""))"
            if let code = finding.reasonCode { item += ",\"reason_code\":\(quoted(code.id))" }
          }
          item += ",\"confidence\":\"\(finding.confidence.rawValue)\",\"details\":{"
          item += presenter.details(description).map { "\(quoted($0.0)):\(quoted($0.1))" }
            .joined(separator: ",")
          return item + "}}"
        }.joined(separator: ",")
        out.write(object + "]}\n")
      }
    }
    out.flush()
    if !anyValid { throw ExitCode(1) }
  }

  private func quoted(_ text: String) -> String { FindingPresenter.jsonQuoted(text) }
}
