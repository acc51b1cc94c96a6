@testable import PIIScanCore

/// A sink that keeps everything a scan gives it, for tests: the one collector the suites share.
final class CollectingSink: FindingSink {
  /// Every finding with its input, in order.
  var findings: [(input: ScanInput, finding: Finding)] = []
  var notices: [(input: ScanInput, notice: Notice)] = []
  /// Inputs that finished with an error.
  var errors: [(input: ScanInput, error: InputError)] = []
  /// Everything as comparable lines, in the order it came.
  var lines: [String] = []

  func receive(_ batch: FindingBatch) {
    for f in batch.findings {
      findings.append((batch.input, f))
      lines.append(
        "\(f.offset)+\(f.length) \(f.rule.id) \(f.value) \(f.valid) "
          + "\(f.reasonCode?.id ?? "-") L\(f.line) C\(f.column) R\(f.record)")
    }
  }

  func receive(_ event: ScanEvent) {
    switch event {
    case .notice(let input, let notice):
      notices.append((input, notice))
      lines.append(
        "notice \(input.displayName) \(notice.kind) \(notice.severity) \(notice.message)")
    case .finished(let input, let summary):
      if let error = summary.error {
        errors.append((input, error))
        lines.append("error \(error)")
      }
    case .started, .described, .progress:
      break
    }
  }

  /// The values found, as text.
  var values: [String] { findings.map(\.finding.value.string) }
}

extension Finding {
  /// The reason and details a report shows, as of the tests' date (2026-11-29).
  var testDescription: FindingDescription {
    FindingDescriber(asOf: CivilDate(year: 2026, month: 11, day: 29)!).describe(self)
  }
  /// The human reason, as a report shows it.
  var reason: String? { testDescription.reason }
  /// The details, as a report shows them with --reveal.
  var details: [FindingDetail] { testDescription.details }
}
