import Foundation

/// What a report says about the run that made it, so that a figure can be tied to the tool,
/// the rules and the settings that produced it: the tool's version, the rule set's SHA-256
/// (``RuleSet/sha256``), the as-of date, and the configuration in force (the configuration
/// file and its hash, the filters, the allowlist and baseline, what fails the run).
///
/// `--format json` writes it as the `tool` and `run` members of its top-level object, SARIF in
/// `tool.driver` and the run's `properties`.
public struct RunMetadata: Sendable {
  public var toolVersion: String
  public var rulesetSHA256: String
  /// YYYY-MM-DD.
  public var asOf: String
  /// Settings in force, in a fixed order: name and value (values are text).
  public var configuration: [(name: String, value: String)]

  public init(
    toolVersion: String, rulesetSHA256: String, asOf: String,
    configuration: [(name: String, value: String)]
  ) {
    self.toolVersion = toolVersion
    self.rulesetSHA256 = rulesetSHA256
    self.asOf = asOf
    self.configuration = configuration
  }

  /// `{"name":"piiscan","version":…,"ruleset_sha256":…}`.
  public var toolJSON: String {
    "{\"name\":\"piiscan\",\"version\":\(JSONText.quoted(toolVersion)),"
      + "\"ruleset_sha256\":\(JSONText.quoted(rulesetSHA256))}"
  }

  /// `{"as_of":…,"configuration":{…}}`.
  public var runJSON: String {
    "{\"as_of\":\(JSONText.quoted(asOf)),\"configuration\":"
      + JSONText.object(configuration.map { ($0.name, $0.value) }) + "}"
  }
}

/// The end of a run in numbers: what was read, found, left out and noticed. Standard error
/// shows it as text when it is a terminal (or with `--stats`); the JSON and SARIF reports
/// carry it as an object.
public struct RunSummary: Sendable {
  public var inputs = 0
  public var bytes: Int64 = 0
  public var seconds = 0.0
  /// Per category id: valid and invalid findings reported, in id order.
  public var categories: [(id: String, valid: Int, invalid: Int)] = []
  public var findings = 0
  /// Findings that fail the run (exit status 1).
  public var failing = 0
  public var suppressedByAllowlist = 0
  public var suppressedByBaseline = 0
  public var filtered = FilterCounts()
  public var notices: [(severity: String, count: Int)] = []

  public init() {}

  /// The summary of a run counted by `aggregate`, whose walk left out `filtered`.
  public init(aggregate: ScanAggregate, filtered: FilterCounts, seconds: Double) {
    inputs = aggregate.inputs
    bytes = aggregate.bytes
    self.seconds = seconds
    categories = aggregate.sortedTotals.map { ($0.category.id, $0.count.valid, $0.count.invalid) }
    findings = aggregate.findings
    failing = aggregate.failing
    suppressedByAllowlist = aggregate.suppressed[.allowlist] ?? 0
    suppressedByBaseline = aggregate.suppressed[.baseline] ?? 0
    self.filtered = filtered
    notices = Notice.Severity.allCases.sorted().map { ($0.rawValue, aggregate.notices[$0] ?? 0) }
  }

  /// The summary as JSON (an object; keys in a fixed order).
  public var json: String {
    var text = "{\"inputs\":\(inputs),\"bytes\":\(bytes),\"findings\":\(findings)"
    text += ",\"failing\":\(failing),\"by_category\":{"
    text += categories.map {
      "\(JSONText.quoted($0.id)):{\"valid\":\($0.valid),\"invalid\":\($0.invalid)}"
    }
    .joined(separator: ",")
    text += "},\"suppressed\":{\"allowlist\":\(suppressedByAllowlist)"
    text += ",\"baseline\":\(suppressedByBaseline)},\"filtered\":{"
    text += filtered.classes.map { "\"\($0.name)\":\($0.count)" }.joined(separator: ",")
    text += "},\"notices\":{"
    text += notices.map { "\"\($0.severity)\":\($0.count)" }.joined(separator: ",")
    return text + "}}"
  }

  /// Lines for people, on standard error; `color` marks what fails the run.
  public func text(color: Bool) -> String {
    let bold = color ? "\u{1B}[1m" : ""
    let red = color ? "\u{1B}[31m" : ""
    let green = color ? "\u{1B}[32m" : ""
    let reset = color ? "\u{1B}[0m" : ""
    var lines: [String] = []
    let rate = seconds > 0 ? Double(bytes) / seconds : 0
    lines.append(
      "\(bold)piiscan:\(reset) \(inputs) input\(inputs == 1 ? "" : "s"), "
        + "\(Self.bytes(bytes)) in \(Self.seconds(seconds))"
        + (seconds > 0 ? " (\(Self.bytes(Int64(rate)))/s)" : ""))
    let verdict =
      failing > 0
      ? "\(red)\(failing) finding\(failing == 1 ? " fails" : "s fail") the run\(reset)"
      : "\(green)nothing fails the run\(reset)"
    lines.append("  \(findings) finding\(findings == 1 ? "" : "s") reported; \(verdict)")
    for category in categories {
      lines.append(
        "  "
          + category.id.padding(
            toLength: max(28, category.id.count), withPad: " ",
            startingAt: 0)
          + " \(category.valid) valid, \(category.invalid) invalid")
    }
    if suppressedByAllowlist + suppressedByBaseline > 0 {
      lines.append(
        "  suppressed: \(suppressedByAllowlist) by the allowlist, "
          + "\(suppressedByBaseline) by the baseline")
    }
    if filtered.total > 0 {
      let parts = filtered.classes.filter { $0.count > 0 }.map { "\($0.count) \($0.name)" }
      lines.append("  paths left out: " + parts.joined(separator: ", "))
    }
    let noticed = notices.filter { $0.count > 0 }
    if !noticed.isEmpty {
      lines.append(
        "  notices: " + noticed.map { "\($0.count) \($0.severity)" }.joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func bytes(_ count: Int64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(count)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(count) B" : String(format: "%.1f", value) + " " + units[unit]
  }

  static func seconds(_ value: Double) -> String {
    value < 10 ? String(format: "%.2f s", value) : String(format: "%.0f s", value)
  }
}
