/// SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards: one run, one result per
/// finding, in input order.
///
/// - `tool.driver` names piiscan, its version and every rule that fired: its id, a short and a
///   full description (the category's names), help naming the item of the 2013 notice, and a
///   default level (`error` for a personal category, `note` for an informational one).
/// - Each result has its `ruleId`, a masked `message` (the value as `--format text` shows it:
///   masked unless `--reveal`), one location (the input's path as a relative URI reference,
///   or a `file://` URI for an absolute path; a member of an archive or a sheet of a workbook
///   as a logical location of kind `member`, the region then counting the member's bytes),
///   a `region` with `startLine`, `startColumn`, `byteOffset` and `byteLength`,
///   `partialFingerprints` holding the finding's fingerprint (``FindingFingerprint``) under
///   ``fingerprintKey``, and `properties` (category, valid, reason and reason code,
///   confidence). Its level is `error` when the finding fails the run, `note` otherwise.
/// - Notices are the invocation's `toolExecutionNotifications` (descriptor id: the notice
///   kind), and the run's `properties` carry ``RunMetadata`` and the ``RunSummary``.
///
/// Results are written as they arrive and the tool and invocation at the end (a JSON object's
/// members have no order), so memory does not grow with the number of findings.
public final class SARIFReporter: Reporter {
  /// The key of `partialFingerprints` that holds piiscan's fingerprint.
  public static let fingerprintKey = "piiscanFingerprint/v1"
  static let schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  private let out: ReportStream
  private let presenter: FindingPresenter
  private let metadata: RunMetadata
  private let aggregate: ScanAggregate
  private let summary: () -> RunSummary
  private var first = true
  /// Rules that fired, in the order they first did, by serial.
  private var rules: [Rule] = []
  private var seen = Set<Int>()
  private var notifications: [String] = []
  private var hadErrors = false

  /// - Parameters:
  ///   - aggregate: The run's aggregate (fed before this reporter), which says what fails.
  ///   - summary: Called once at the end for the run's properties.
  public init(
    out: ReportStream, presenter: FindingPresenter, metadata: RunMetadata,
    aggregate: ScanAggregate, summary: @escaping () -> RunSummary
  ) {
    self.out = out
    self.presenter = presenter
    self.metadata = metadata
    self.aggregate = aggregate
    self.summary = summary
    out.write(
      "{\"$schema\":\(JSONText.quoted(Self.schema)),\"version\":\"2.1.0\",\"runs\":[{"
        + "\"results\":[")
  }

  public func receive(_ batch: FindingBatch) {
    let input = batch.input
    let location = Self.artifactLocation(input)
    for finding in batch.findings {
      if seen.insert(finding.rule.serial).inserted { rules.append(finding.rule) }
      let description = presenter.describe(finding)
      var text = first ? "\n" : ",\n"
      first = false
      text += "{\"ruleId\":\(JSONText.quoted(finding.rule.id))"
      text += ",\"level\":\"\(aggregate.fails(finding) ? "error" : "note")\""
      var message = finding.category.id + " " + presenter.value(finding)
      let reason = finding.valid ? nil : description.reason(reveal: presenter.reveal)
      if let reason {
        message += " (invalid: \(reason), \(finding.confidence.rawValue) confidence)"
      } else {
        message += " (valid, \(finding.confidence.rawValue) confidence)"
      }
      text += ",\"message\":{\"text\":\(JSONText.quoted(message))}"
      text += ",\"locations\":[{\"physicalLocation\":{" + location + ",\"region\":{"
      text += "\"startLine\":\(max(1, finding.line)),\"startColumn\":\(max(1, finding.column))"
      text += ",\"byteOffset\":\(finding.offset),\"byteLength\":\(finding.length)}}"
      text += Self.logicalLocations(input) + "}]"
      text += ",\"partialFingerprints\":{\(JSONText.quoted(Self.fingerprintKey)):"
      text += JSONText.quoted(presenter.fingerprint(finding, in: input)) + "}"
      text += ",\"properties\":{\"category\":\(JSONText.quoted(finding.category.id))"
      text += ",\"valid\":\(finding.valid)"
      if let reason {
        text += ",\"reason\":\(JSONText.quoted(reason))"
        if let code = finding.reasonCode { text += ",\"reason_code\":\(JSONText.quoted(code.id))" }
      }
      text += ",\"confidence\":\"\(finding.confidence.rawValue)\"}}"
      out.write(text)
      out.endRecord()
    }
  }

  public func receive(_ event: ScanEvent) {
    guard case .notice(let input, let notice) = event else { return }
    let level: String
    switch notice.severity {
    case .note: level = "note"
    case .warning: level = "warning"
    case .error:
      level = "error"
      hadErrors = true
    }
    notifications.append(
      "{\"level\":\"\(level)\",\"message\":{\"text\":\(JSONText.quoted(notice.message))}"
        + ",\"descriptor\":{\"id\":\(JSONText.quoted(notice.kind.rawValue))}"
        + ",\"locations\":[{\"physicalLocation\":{\(Self.artifactLocation(input))}"
        + Self.logicalLocations(input) + "}]}")
  }

  public func finish() {
    var text = (first ? "" : "\n") + "],\"tool\":{\"driver\":{\"name\":\"piiscan\""
    text += ",\"version\":\(JSONText.quoted(metadata.toolVersion))"
    text += ",\"semanticVersion\":\(JSONText.quoted(metadata.toolVersion))"
    text += ",\"rules\":[" + rules.map(Self.descriptor).joined(separator: ",") + "]}}"
    text += ",\"invocations\":[{\"executionSuccessful\":\(!hadErrors)"
    text += ",\"toolExecutionNotifications\":[" + notifications.joined(separator: ",") + "]}]"
    text += ",\"columnKind\":\"unicodeCodePoints\""
    text += ",\"properties\":{\"ruleset_sha256\":\(JSONText.quoted(metadata.rulesetSHA256))"
    text += ",\"as_of\":\(JSONText.quoted(metadata.asOf))"
    text += ",\"configuration\":" + JSONText.object(metadata.configuration.map { ($0, $1) })
    text += ",\"summary\":" + summary().json + "}}]}\n"
    out.write(text)
    out.flush()
  }

  /// A rule's `reportingDescriptor`.
  static func descriptor(_ rule: Rule) -> String {
    let category = rule.category
    let short = rule.description.isEmpty ? category.nameEn : rule.description
    var text = "{\"id\":\(JSONText.quoted(rule.id)),\"name\":\(JSONText.quoted(category.id))"
    text += ",\"shortDescription\":{\"text\":\(JSONText.quoted(short))}"
    text += ",\"fullDescription\":{\"text\":"
    text += JSONText.quoted("\(category.nameEn) (\(category.nameZh)), category \(category.id)")
    text += "},\"help\":{\"text\":"
    let kind = category.isPersonal ? "personal information" : "informational, not personal"
    text += JSONText.quoted(
      "\(category.nameZh): \(kind); item of 公通字〔2013〕12号: \(category.noticeItem). "
        + "Accept a value in piiscan.toml [allowlist] or with --baseline.")
    text += "},\"defaultConfiguration\":{\"level\":\"\(category.isPersonal ? "error" : "note")\"}"
    text += ",\"properties\":{\"category\":\(JSONText.quoted(category.id))"
    text += ",\"personal\":\(category.isPersonal)"
    if let tier = category.tier { text += ",\"tier\":\(tier.rawValue)" }
    text += ",\"tags\":[\"privacy\",\"pii\"]}}"
    return text
  }

  /// `"artifactLocation":{"uri":…}` for an input.
  static func artifactLocation(_ input: ScanInput) -> String {
    "\"artifactLocation\":{\"uri\":\(JSONText.quoted(uri(input.displayPath)))}"
  }

  /// `,"logicalLocations":[…]` naming an archive member or a sheet, or nothing.
  static func logicalLocations(_ input: ScanInput) -> String {
    guard let member = input.member, !member.isEmpty else { return "" }
    return ",\"logicalLocations\":[{\"fullyQualifiedName\":\(JSONText.quoted(member))"
      + ",\"kind\":\"member\"}]"
  }

  /// A path as a URI reference: relative paths percent-encoded as RFC 3986 asks (every byte
  /// outside the unreserved set and `/`), absolute ones as `file://` URIs.
  static func uri(_ path: String) -> String {
    var bytes = Array(path.utf8)[...]
    while bytes.starts(with: [0x2E, 0x2F]) { bytes = bytes.dropFirst(2) }
    let hex = Array("0123456789ABCDEF")
    var text = bytes.first == 0x2F ? "file://" : ""
    for byte in bytes {
      switch byte {
      case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F:
        text.append(Character(UnicodeScalar(byte)))
      default:
        text += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
      }
    }
    return text
  }
}
