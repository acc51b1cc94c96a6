/// Output formats of `piiscan scan`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text, jsonl, json, csv
}

/// Categories that are reported but never counted as personal information (they do not make
/// the exit status 1): masked values and organisation identifiers.
public let informationalCategories: Set<String> = [
  "cn_resident_id_masked", "cn_mobile_masked", "cn_uscc",
]

/// The fields of one finding as reports show them (masked unless revealing).
public struct FindingPresenter: Sendable {
  public let rules: RuleSet
  public let reveal: Bool

  public init(rules: RuleSet, reveal: Bool) {
    self.rules = rules
    self.reveal = reveal
  }

  /// `text` as a JSON string literal.
  public static func jsonQuoted(_ text: String) -> String { JSONText.quoted(text) }

  public func category(_ finding: Finding) -> String { rules.rules[finding.ruleIndex].category }
  public func rule(_ finding: Finding) -> String { rules.rules[finding.ruleIndex].id }

  public func value(_ finding: Finding) -> String {
    if reveal { return finding.value }
    let rule = rules.rules[finding.ruleIndex]
    if rule.validator == .regex { return Redaction.maskIdentifier(finding.value) }
    return Redaction.mask(finding.value, category: rule.category)
  }

  /// The details to show, in order.
  public func details(_ finding: Finding) -> [(String, String)] {
    finding.details.compactMap { detail in
      if reveal { return (detail.key, detail.value) }
      guard let masked = detail.masked else { return (detail.key, detail.value) }
      return masked.isEmpty ? nil : (detail.key, masked)
    }
  }
}

/// A sink that writes findings; `finish()` writes whatever closes the report.
public protocol Reporter: ScanSink {
  /// What was written so far (for the exit status).
  var tally: FindingTally { get }
  func finish()
}

/// Counts what a scan found, for the exit status and summaries.
public struct FindingTally: Sendable {
  public var findings = 0
  /// Findings in categories that count as personal information.
  public var personal = 0
}

/// `path:line:column: category value …` — one line per finding, for people.
public final class TextReporter: Reporter {
  private let out: ReportStream
  private let presenter: FindingPresenter
  public private(set) var tally = FindingTally()

  public init(out: ReportStream, presenter: FindingPresenter) {
    self.out = out
    self.presenter = presenter
  }

  public func inputStarted(_ input: ScanInput) {}
  public func inputFinished(_ input: ScanInput, summary: InputSummary) {}

  /// Notices go to standard error (by the command), not into the text report.
  public func noticed(_ notice: Notice, in input: ScanInput) {}

  public func found(_ findings: [Finding], in input: ScanInput) {
    for finding in findings {
      tally.record(finding, presenter)
      var line = "\(input.displayName):\(finding.line):\(finding.column): "
      line += presenter.category(finding) + " " + presenter.value(finding)
      if finding.valid {
        line += " (valid, \(finding.confidence.rawValue))"
      } else {
        line += " (invalid: \(finding.reason ?? "?"), \(finding.confidence.rawValue))"
      }
      for (key, value) in presenter.details(finding) { line += " \(key)=\(value)" }
      out.write(line + "\n")
    }
  }

  public func finish() { out.flush() }
}

/// One JSON object per finding per line (`--format jsonl`), or one JSON array (`json`).
///
/// Fields, in this order: `path`, `member` (only inside archives), `line`, `column`, `offset`,
/// `length`, `category`, `rule`, `value`, `valid`, `reason` (only when invalid), `confidence`,
/// `details` (an object of strings), `record`. See README.md.
///
/// Notices (an input skipped, unreadable, cut short…) are objects of their own, in input order:
/// `{"path", "member"?, "notice": kind, "severity": note|warning|error, "message"}`; they have
/// no `category`, so a consumer of findings can filter on that key.
public final class JSONReporter: Reporter {
  private let out: ReportStream
  private let presenter: FindingPresenter
  private let asArray: Bool
  private var first = true
  public private(set) var tally = FindingTally()

  public init(out: ReportStream, presenter: FindingPresenter, asArray: Bool) {
    self.out = out
    self.presenter = presenter
    self.asArray = asArray
    if asArray { out.write("[") }
  }

  public func inputStarted(_ input: ScanInput) {}
  public func inputFinished(_ input: ScanInput, summary: InputSummary) {}

  public func noticed(_ notice: Notice, in input: ScanInput) {
    var object = "{\"path\":\(JSONText.quoted(input.displayPath))"
    if let member = input.member { object += ",\"member\":" + JSONText.quoted(member) }
    object += ",\"notice\":\(JSONText.quoted(notice.kind)),\"severity\":\"\(notice.severity.rawValue)\""
    object += ",\"message\":\(JSONText.quoted(notice.message))}"
    if asArray { out.write(first ? "\n" + object : ",\n" + object) } else { out.write(object + "\n") }
    first = false
  }

  public func found(_ findings: [Finding], in input: ScanInput) {
    var head = "{\"path\":\(JSONText.quoted(input.displayPath))"
    if let member = input.member { head += ",\"member\":" + JSONText.quoted(member) }
    let path = Array((head + ",\"line\":").utf8)
    for finding in findings {
      tally.record(finding, presenter)
      if asArray { out.append(first ? [0x0A] : [0x2C, 0x0A]) }
      first = false
      out.append(path)
      out.append(integer: Int64(finding.line))
      out.append(Self.columnKey)
      out.append(integer: Int64(finding.column))
      out.append(Self.offsetKey)
      out.append(integer: finding.offset)
      out.append(Self.lengthKey)
      out.append(integer: Int64(finding.length))
      out.append(ruleFields[finding.ruleIndex])
      out.append(jsonString: presenter.value(finding))
      out.append(finding.valid ? Self.validTrue : Self.validFalse)
      if let reason = finding.reason, !finding.valid {
        out.append(Self.reasonKey)
        out.append(jsonString: reason)
      }
      out.append(Self.confidenceKeys[finding.confidence.rank])
      var firstDetail = true
      for detail in finding.details {
        var value = detail.value
        if !presenter.reveal, let masked = detail.masked {
          if masked.isEmpty { continue }
          value = masked
        }
        if !firstDetail { out.append(byte: 0x2C) }
        firstDetail = false
        out.append(jsonString: detail.key)
        out.append(byte: 0x3A)
        out.append(jsonString: value)
      }
      out.append(Self.recordKey)
      out.append(integer: finding.record)
      out.append(asArray ? [0x7D] : [0x7D, 0x0A])
      out.endRecord()
    }
  }

  private static let columnKey = Array(",\"column\":".utf8)
  private static let offsetKey = Array(",\"offset\":".utf8)
  private static let lengthKey = Array(",\"length\":".utf8)
  private static let validTrue = Array(",\"valid\":true".utf8)
  private static let validFalse = Array(",\"valid\":false".utf8)
  private static let reasonKey = Array(",\"reason\":".utf8)
  private static let recordKey = Array("},\"record\":".utf8)
  /// By `Confidence.rank`.
  private static let confidenceKeys: [[UInt8]] = Confidence.allCases.sorted().map {
    Array(",\"confidence\":\"\($0.rawValue)\",\"details\":{".utf8)
  }
  /// `,"category":"…","rule":"…","value":` per rule index.
  private lazy var ruleFields: [[UInt8]] = presenter.rules.rules.map { rule in
    Array(
      (",\"category\":" + JSONText.quoted(rule.category) + ",\"rule\":" + JSONText.quoted(rule.id)
        + ",\"value\":").utf8)
  }

  public func finish() {
    if asArray { out.write(first ? "]\n" : "\n]\n") }
    out.flush()
  }
}

/// RFC 4180 CSV with a header row (`--format csv`); `details` is a JSON object in one field.
public final class CSVReporter: Reporter {
  static let header = [
    "path", "member", "line", "column", "offset", "length", "category", "rule", "value", "valid",
    "reason", "confidence", "details", "record",
  ]
  private let out: ReportStream
  private let presenter: FindingPresenter
  public private(set) var tally = FindingTally()

  public init(out: ReportStream, presenter: FindingPresenter) {
    self.out = out
    self.presenter = presenter
    out.write(CSVText.row(CSVReporter.header))
  }

  public func inputStarted(_ input: ScanInput) {}
  public func inputFinished(_ input: ScanInput, summary: InputSummary) {}
  /// Notices go to standard error (by the command): CSV rows are findings only.
  public func noticed(_ notice: Notice, in input: ScanInput) {}

  public func found(_ findings: [Finding], in input: ScanInput) {
    for finding in findings {
      tally.record(finding, presenter)
      out.write(
        CSVText.row([
          input.displayPath, input.member ?? "", String(finding.line), String(finding.column),
          String(finding.offset), String(finding.length), presenter.category(finding),
          presenter.rule(finding), presenter.value(finding), String(finding.valid),
          finding.valid ? "" : finding.reason ?? "", finding.confidence.rawValue,
          JSONText.object(presenter.details(finding)), String(finding.record),
        ]))
    }
  }

  public func finish() { out.flush() }
}

/// Per-input, per-category counts (`scan --count`): the cheap mode for very large runs.
///
/// Text: `VALID INVALID CATEGORY PATH` columns, one line per input and category, then a
/// `total` line per category when there were several inputs. JSON Lines, JSON and CSV carry
/// `path`, `category`, `valid`, `invalid`.
public final class CountReporter: Reporter {
  private let out: ReportStream
  private let format: OutputFormat
  private let rules: RuleSet
  private let informational: [Bool]
  /// Rule indices in category order, the order counts are printed in.
  private let order: [Int]
  /// Valid and invalid counts per rule index, for the current input and for all.
  private var currentValid: [Int]
  private var currentInvalid: [Int]
  private var totalValid: [Int]
  private var totalInvalid: [Int]
  private var inputsWithFindings = 0
  private var firstJSON = true
  public private(set) var tally = FindingTally()

  public init(out: ReportStream, format: OutputFormat, rules: RuleSet) {
    self.out = out
    self.format = format
    self.rules = rules
    informational = rules.rules.map { informationalCategories.contains($0.category) }
    order = rules.rules.indices.sorted { rules.rules[$0].category < rules.rules[$1].category }
    currentValid = [Int](repeating: 0, count: rules.rules.count)
    currentInvalid = currentValid
    totalValid = currentValid
    totalInvalid = currentValid
    switch format {
    case .csv: out.write(CSVText.row(["path", "category", "valid", "invalid"]))
    case .json: out.write("[")
    default: break
    }
  }

  public func inputStarted(_ input: ScanInput) {}
  /// Notices go to standard error (by the command).
  public func noticed(_ notice: Notice, in input: ScanInput) {}

  public func found(_ findings: [Finding], in input: ScanInput) {
    for finding in findings {
      let rule = finding.ruleIndex
      if finding.valid { currentValid[rule] += 1 } else { currentInvalid[rule] += 1 }
      if !informational[rule] { tally.personal += 1 }
    }
    tally.findings += findings.count
  }

  public func inputFinished(_ input: ScanInput, summary: InputSummary) {
    var any = false
    for rule in order where currentValid[rule] + currentInvalid[rule] > 0 {
      any = true
      totalValid[rule] += currentValid[rule]
      totalInvalid[rule] += currentInvalid[rule]
      write(path: input.displayName, rule: rule, valid: currentValid[rule], invalid: currentInvalid[rule])
      currentValid[rule] = 0
      currentInvalid[rule] = 0
    }
    if any { inputsWithFindings += 1 }
  }

  private func write(path: String, rule: Int, valid: Int, invalid: Int) {
    let category = rules.rules[rule].category
    switch format {
    case .text:
      out.write(
        pad(valid, 9) + " " + pad(invalid, 8) + "  "
          + category.padding(toLength: max(category.count, 26), withPad: " ", startingAt: 0)
          + " " + path + "\n")
    case .jsonl, .json:
      let object =
        "{\"path\":\(JSONText.quoted(path)),\"category\":\(JSONText.quoted(category)),"
        + "\"valid\":\(valid),\"invalid\":\(invalid)}"
      if format == .jsonl {
        out.write(object + "\n")
      } else {
        out.write((firstJSON ? "\n" : ",\n") + object)
        firstJSON = false
      }
    case .csv:
      out.write(CSVText.row([path, category, String(valid), String(invalid)]))
    }
  }

  private func pad(_ number: Int, _ width: Int) -> String {
    let text = String(number)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }

  public func finish() {
    if format == .text && inputsWithFindings > 1 {
      for rule in order where totalValid[rule] + totalInvalid[rule] > 0 {
        write(path: "total", rule: rule, valid: totalValid[rule], invalid: totalInvalid[rule])
      }
    }
    if format == .json { out.write(firstJSON ? "]\n" : "\n]\n") }
    out.flush()
  }
}

extension FindingTally {
  mutating func record(_ finding: Finding, _ presenter: FindingPresenter) {
    findings += 1
    if !informationalCategories.contains(presenter.category(finding)) { personal += 1 }
  }
}

import Foundation
