import ArgumentParser
import Foundation
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

  @Option(help: "Language of the text format: zh or en (default: from LANG/LC_ALL).")
  var lang: ReportLanguage?

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
        let language = lang ?? .fromEnvironment(ProcessInfo.processInfo.environment)
        let text = language == .zh ? Self.chinese : Self.english
        if findings.isEmpty { out.write("  \(text.nothing)\n") }
        for finding in findings {
          let description = presenter.describe(finding)
          let shown = presenter.value(finding)
          func line(_ key: String, _ content: String) {
            out.write("  " + Self.padded(key, to: 11) + " " + content + "\n")
          }
          let name = language == .zh ? finding.category.nameZh : finding.category.id
          line(text.category, text.categoryLine(name, finding.category.id, finding.rule.id))
          if shown != value { line(text.value, shown) }
          if finding.valid {
            let confidence =
              language == .zh
              ? ChineseText.confidence(finding.confidence) : finding.confidence.rawValue
            line(text.valid, text.yes(confidence))
          } else {
            let code = finding.reasonCode.map { " [\($0.id)]" } ?? ""
            let reason = description.reason ?? ""
            let shownReason =
              language == .zh ? ChineseText.reason(reason, code: finding.reasonCode) : reason
            line(text.valid, text.no(shownReason) + code)
          }
          for (key, detail) in presenter.details(description) {
            if language == .zh {
              line(ChineseText.detailKey(key), ChineseText.detailValue(key: key, value: detail))
            } else {
              line(key, detail)
            }
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

  /// The words of the text format in one language.
  struct Words: Sendable {
    var nothing: String
    var category: String
    var value: String
    var valid: String
    var categoryLine: @Sendable (_ name: String, _ id: String, _ rule: String) -> String
    var yes: @Sendable (_ confidence: String) -> String
    var no: @Sendable (_ reason: String) -> String
  }

  static let english = Words(
    nothing: "no rule recognises this value", category: "category", value: "value",
    valid: "valid", categoryLine: { name, _, rule in "\(name) (rule \(rule))" },
    yes: { "yes (\($0) confidence)" }, no: { "no: \($0)" })

  /// The category by its Chinese name, with its id for looking it up.
  static let chinese = Words(
    nothing: "没有规则识别此值", category: "类别", value: "值", valid: "是否有效",
    categoryLine: { name, id, rule in "\(name)（\(id)，规则 \(rule)）" },
    yes: { "是（置信度\($0)）" }, no: { "否：\($0)" })

  /// `text` padded with spaces to `width` terminal columns (a Chinese character takes two).
  static func padded(_ text: String, to width: Int) -> String {
    let used = text.unicodeScalars.reduce(0) { total, scalar in
      total
        + ((0x2E80...0xA4CF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
          ? 2 : 1)
    }
    return text + String(repeating: " ", count: max(0, width - used))
  }
}
