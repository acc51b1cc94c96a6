import PIIScanSizing

/// Output formats of `piiscan scan`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text, jsonl, json, csv
}

/// The fields of one finding as reports show them (masked unless revealing), derived when the
/// finding is written.
public struct FindingPresenter: Sendable {
  public let reveal: Bool
  public let describer: FindingDescriber
  public let fingerprints: FindingFingerprint

  public init(
    reveal: Bool, asOf: CivilDate, fingerprints: FindingFingerprint = .standard
  ) {
    self.reveal = reveal
    describer = FindingDescriber(asOf: asOf)
    self.fingerprints = fingerprints
  }

  /// `text` as a JSON string literal.
  public static func jsonQuoted(_ text: String) -> String { JSONText.quoted(text) }

  public func value(_ finding: Finding) -> String {
    let value = finding.value.string
    return reveal ? value : Redaction.mask(value, category: finding.category)
  }

  public func describe(_ finding: Finding) -> FindingDescription { describer.describe(finding) }

  /// The details to show, in order.
  public func details(_ description: FindingDescription) -> [(String, String)] {
    description.details.compactMap { detail in
      if reveal { return (detail.key, detail.value) }
      guard let masked = detail.masked else { return (detail.key, detail.value) }
      return masked.isEmpty ? nil : (detail.key, masked)
    }
  }

  public func fingerprint(_ finding: Finding, in input: ScanInput) -> String {
    fingerprints.of(finding, in: input)
  }
}

/// A sink that writes a report; `finish()` writes whatever closes it.
public protocol Reporter: FindingSink {
  func finish()
}

/// `path:line:column: category value (valid|invalid: reason, confidence) key=value …` — one
/// line per finding, for people. Notices go to standard error (by the command).
///
/// In Chinese (`--lang zh`) the same line names the category by its Chinese name and says
/// the rest in Chinese: `path:line:column: 居民身份证号码 110101********1233（无效：校验码错误：
/// 校验位不符，置信度中）地区=北京市东城区 性别=男`. The path, the value and the facts read
/// from tables are the same in both.
///
/// With ``color`` (a terminal: `--color`), the location is dimmed, the category bold and the
/// verdict red for a valid value, yellow for an invalid one.
public final class TextReporter: Reporter {
  private let out: ReportStream
  private let presenter: FindingPresenter
  private let language: ReportLanguage
  /// Colour with ANSI escapes.
  public var color = false

  public init(out: ReportStream, presenter: FindingPresenter, language: ReportLanguage = .en) {
    self.out = out
    self.presenter = presenter
    self.language = language
  }

  public func receive(_ batch: FindingBatch) {
    let name = batch.input.displayName
    let (dim, bold, red, yellow, reset) =
      color
      ? ("\u{1B}[2m", "\u{1B}[1m", "\u{1B}[31m", "\u{1B}[33m", "\u{1B}[0m")
      : ("", "", "", "", "")
    for finding in batch.findings {
      let description = presenter.describe(finding)
      var line = "\(dim)\(name):\(finding.line):\(finding.column):\(reset) "
      let reason = description.reason(reveal: presenter.reveal) ?? "?"
      switch language {
      case .en:
        line += bold + finding.category.id + reset + " " + presenter.value(finding)
        if finding.valid {
          line += " \(red)(valid, \(finding.confidence.rawValue))\(reset)"
        } else {
          line += " \(yellow)(invalid: \(reason), \(finding.confidence.rawValue))\(reset)"
        }
        for (key, value) in presenter.details(description) { line += " \(key)=\(value)" }
      case .zh:
        line += bold + finding.category.nameZh + reset + " " + presenter.value(finding)
        let confidence = "置信度" + ChineseText.confidence(finding.confidence)
        if finding.valid {
          line += "\(red)（有效，\(confidence)）\(reset)"
        } else {
          let chinese = ChineseText.reason(reason, code: finding.reasonCode)
          line += "\(yellow)（无效：\(chinese)，\(confidence)）\(reset)"
        }
        var separator = ""
        for (key, value) in presenter.details(description) {
          line +=
            separator + ChineseText.detailKey(key) + "="
            + ChineseText.detailValue(key: key, value: value)
          separator = " "
        }
      }
      out.append(line)
      out.append(byte: 0x0A)
      out.endRecord()
    }
  }

  public func finish() { out.flush() }
}

/// One JSON object per finding per line (`--format jsonl`), or one JSON array (`json`).
///
/// Fields, in this order: `path`, `member` (only inside archives), `line`, `column`, `offset`,
/// `length`, `category`, `rule`, `value`, `valid`, `reason` and `reason_code` (only when
/// invalid), `confidence`, `details` (an object of strings), `record`, `fingerprint`. See
/// README.md.
///
/// Notices (an input skipped, unreadable, cut short…) are objects of their own, in input order:
/// `{"path", "member"?, "notice": kind, "severity": note|warning|error, "message"}`; they have
/// no `category`, so a consumer of findings can filter on that key.
public final class JSONReporter: Reporter {
  private let out: ReportStream
  private let presenter: FindingPresenter
  private let asArray: Bool
  private var first = true
  /// `,"category":"…","rule":"…","value":` per rule serial.
  private var ruleFields: [Int: [UInt8]] = [:]

  public init(out: ReportStream, presenter: FindingPresenter, asArray: Bool) {
    self.out = out
    self.presenter = presenter
    self.asArray = asArray
    if asArray { out.write("[") }
  }

  public func receive(_ event: ScanEvent) {
    guard case .notice(let input, let notice) = event else { return }
    var object = "{\"path\":\(JSONText.quoted(input.displayPath))"
    if let member = input.member { object += ",\"member\":" + JSONText.quoted(member) }
    object += ",\"notice\":\(JSONText.quoted(notice.kind.rawValue))"
    object += ",\"severity\":\"\(notice.severity.rawValue)\""
    object += ",\"message\":\(JSONText.quoted(notice.message))}"
    if asArray {
      out.write(first ? "\n" + object : ",\n" + object)
    } else {
      out.write(object + "\n")
    }
    first = false
  }

  public func receive(_ batch: FindingBatch) {
    let input = batch.input
    var head = "{\"path\":\(JSONText.quoted(input.displayPath))"
    if let member = input.member { head += ",\"member\":" + JSONText.quoted(member) }
    let path = Array((head + ",\"line\":").utf8)
    for finding in batch.findings {
      let description = presenter.describe(finding)
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
      out.append(fields(of: finding.rule))
      out.append(jsonString: presenter.value(finding))
      out.append(finding.valid ? Self.validTrue : Self.validFalse)
      if !finding.valid {
        out.append(Self.reasonKey)
        out.append(jsonString: description.reason(reveal: presenter.reveal) ?? "")
        if let code = finding.reasonCode {
          out.append(Self.reasonCodeKey)
          out.append(jsonString: code.id)
        }
      }
      out.append(Self.confidenceKeys[finding.confidence.rank])
      var firstDetail = true
      for (key, value) in presenter.details(description) {
        if !firstDetail { out.append(byte: 0x2C) }
        firstDetail = false
        out.append(jsonString: key)
        out.append(byte: 0x3A)
        out.append(jsonString: value)
      }
      out.append(Self.recordKey)
      out.append(integer: finding.record)
      out.append(Self.fingerprintKey)
      out.append(jsonString: presenter.fingerprint(finding, in: input))
      out.append(asArray ? [0x7D] : [0x7D, 0x0A])
      out.endRecord()
    }
  }

  private func fields(of rule: Rule) -> [UInt8] {
    if let cached = ruleFields[rule.serial] { return cached }
    let bytes = Array(
      (",\"category\":" + JSONText.quoted(rule.category.id) + ",\"rule\":"
        + JSONText.quoted(rule.id) + ",\"value\":").utf8)
    ruleFields[rule.serial] = bytes
    return bytes
  }

  private static let columnKey = Array(",\"column\":".utf8)
  private static let offsetKey = Array(",\"offset\":".utf8)
  private static let lengthKey = Array(",\"length\":".utf8)
  private static let validTrue = Array(",\"valid\":true".utf8)
  private static let validFalse = Array(",\"valid\":false".utf8)
  private static let reasonKey = Array(",\"reason\":".utf8)
  private static let reasonCodeKey = Array(",\"reason_code\":".utf8)
  private static let recordKey = Array("},\"record\":".utf8)
  private static let fingerprintKey = Array(",\"fingerprint\":".utf8)
  /// By `Confidence.rank`.
  private static let confidenceKeys: [[UInt8]] = Confidence.allCases.sorted().map {
    Array(",\"confidence\":\"\($0.rawValue)\",\"details\":{".utf8)
  }

  public func finish() {
    if asArray { out.write(first ? "]\n" : "\n]\n") }
    out.flush()
  }
}

/// RFC 4180 CSV with a header row (`--format csv`); `details` is a JSON object in one field.
/// Notices are rows too: their `category` is empty, `reason_code` holds the notice's kind,
/// `confidence` its severity and `reason` its message.
public final class CSVReporter: Reporter {
  static let header = [
    "path", "member", "line", "column", "offset", "length", "category", "rule", "value", "valid",
    "reason", "reason_code", "confidence", "details", "record", "fingerprint",
  ]
  private let out: ReportStream
  private let presenter: FindingPresenter
  /// The details object of the record being written, reused from record to record.
  private var details: [UInt8] = []

  public init(out: ReportStream, presenter: FindingPresenter) {
    self.out = out
    self.presenter = presenter
    out.write(CSVText.row(CSVReporter.header))
  }

  public func receive(_ event: ScanEvent) {
    guard case .notice(let input, let notice) = event else { return }
    out.write(
      CSVText.row([
        input.displayPath, input.member ?? "", "", "", "", "", "", "", "", "", notice.message,
        notice.kind.rawValue, notice.severity.rawValue, "", "", "",
      ]))
  }

  public func receive(_ batch: FindingBatch) {
    let input = batch.input
    let prefix = Array(
      (CSVText.field(input.displayPath) + "," + CSVText.field(input.member ?? "") + ",").utf8)
    for finding in batch.findings {
      let description = presenter.describe(finding)
      out.append(prefix)
      out.append(integer: Int64(finding.line))
      out.append(byte: 0x2C)
      out.append(integer: Int64(finding.column))
      out.append(byte: 0x2C)
      out.append(integer: finding.offset)
      out.append(byte: 0x2C)
      out.append(integer: Int64(finding.length))
      out.append(byte: 0x2C)
      out.append(csvField: finding.category.id)
      out.append(byte: 0x2C)
      out.append(csvField: finding.rule.id)
      out.append(byte: 0x2C)
      out.append(csvField: presenter.value(finding))
      out.append(finding.valid ? Self.validTrue : Self.validFalse)
      if !finding.valid {
        out.append(csvField: description.reason(reveal: presenter.reveal) ?? "")
      }
      out.append(byte: 0x2C)
      if let code = finding.reasonCode, !finding.valid { out.append(code.id) }
      out.append(byte: 0x2C)
      out.append(finding.confidence.rawValue)
      out.append(byte: 0x2C)
      details.removeAll(keepingCapacity: true)
      details.append(0x7B)
      for (index, (key, value)) in presenter.details(description).enumerated() {
        if index > 0 { details.append(0x2C) }
        JSONText.appendQuoted(key, to: &details)
        details.append(0x3A)
        JSONText.appendQuoted(value, to: &details)
      }
      details.append(0x7D)
      details.withUnsafeBytes { out.append(csvField: $0) }
      out.append(byte: 0x2C)
      out.append(integer: finding.record)
      out.append(byte: 0x2C)
      out.append(presenter.fingerprint(finding, in: input))
      out.append(byte: 0x0A)
      out.endRecord()
    }
  }

  private static let validTrue = Array(",true,".utf8)
  private static let validFalse = Array(",false,".utf8)

  public func finish() { out.flush() }
}

/// Per-input, per-category counts (`scan --count`): the cheap mode for very large runs, a view
/// of the run's ``ScanAggregate``.
///
/// Text: `VALID INVALID CATEGORY PATH` columns, one line per input and category, then a
/// `total` line per category when there were several inputs. JSON Lines, JSON and CSV carry
/// `path`, `category`, `valid`, `invalid`; notices are objects (rows) of their own there, as in
/// the findings formats.
public final class CountReporter: Reporter {
  private let out: ReportStream
  private let format: OutputFormat
  private let aggregate: ScanAggregate
  private var firstJSON = true

  /// - Parameter aggregate: the run's aggregate, fed before this reporter.
  public init(out: ReportStream, format: OutputFormat, aggregate: ScanAggregate) {
    self.out = out
    self.format = format
    self.aggregate = aggregate
    switch format {
    case .csv: out.write(CSVText.row(["path", "member", "category", "valid", "invalid", "notice"]))
    case .json: out.write("[")
    default: break
    }
  }

  public func receive(_ batch: FindingBatch) {}

  public func receive(_ event: ScanEvent) {
    switch event {
    case .finished(let input, _):
      for (category, count) in aggregate.lastFinished {
        write(input: input, path: input.displayName, category: category.id, count: count)
      }
    case .notice(let input, let notice):
      writeNotice(notice, in: input)
    default:
      break
    }
  }

  private func write(
    input: ScanInput?, path: String, category: String, count: ScanAggregate.Count
  ) {
    switch format {
    case .text:
      out.write(
        pad(count.valid, 9) + " " + pad(count.invalid, 8) + "  "
          + category.padding(toLength: max(category.count, 26), withPad: " ", startingAt: 0)
          + " " + path + "\n")
    case .jsonl, .json:
      var object = "{\"path\":\(JSONText.quoted(input?.displayPath ?? path))"
      if let member = input?.member { object += ",\"member\":" + JSONText.quoted(member) }
      object +=
        ",\"category\":\(JSONText.quoted(category)),"
        + "\"valid\":\(count.valid),\"invalid\":\(count.invalid)}"
      writeObject(object)
    case .csv:
      out.write(
        CSVText.row([
          input?.displayPath ?? path, input?.member ?? "", category, String(count.valid),
          String(count.invalid), "",
        ]))
    }
  }

  private func writeNotice(_ notice: Notice, in input: ScanInput) {
    switch format {
    case .text:
      break  // on standard error, by the command
    case .jsonl, .json:
      var object = "{\"path\":\(JSONText.quoted(input.displayPath))"
      if let member = input.member { object += ",\"member\":" + JSONText.quoted(member) }
      object += ",\"notice\":\(JSONText.quoted(notice.kind.rawValue))"
      object += ",\"severity\":\"\(notice.severity.rawValue)\""
      object += ",\"message\":\(JSONText.quoted(notice.message))}"
      writeObject(object)
    case .csv:
      out.write(
        CSVText.row([input.displayPath, input.member ?? "", "", "", "", notice.kind.rawValue]))
    }
  }

  private func writeObject(_ object: String) {
    if format == .jsonl {
      out.write(object + "\n")
    } else {
      out.write((firstJSON ? "\n" : ",\n") + object)
      firstJSON = false
    }
  }

  private func pad(_ number: Int, _ width: Int) -> String {
    let text = String(number)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }

  public func finish() {
    if format == .text && aggregate.inputsWithFindings > 1 {
      for (category, count) in aggregate.sortedTotals {
        write(input: nil, path: "total", category: category.id, count: count)
      }
    }
    if format == .json { out.write(firstJSON ? "]\n" : "\n]\n") }
    out.flush()
  }
}
