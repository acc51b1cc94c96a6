/// What a scan found, counted as it goes: findings per category (valid and invalid) for each
/// input and for the whole run, the notices, the inputs and bytes read, and the findings an
/// allowlist or a baseline suppressed before they reached it.
///
/// The exit status, `--count` and the end-of-run summary are all views of this one aggregate,
/// which is fed as a sink (first, before any reporter: ``SinkFanout``).
public final class ScanAggregate: FindingSink {
  /// Why a finding was left out of the reports and the exit status.
  public enum Suppression: String, Sendable, CaseIterable {
    /// The `[allowlist]` of the configuration file accepts it.
    case allowlist
    /// The `--baseline` report holds its fingerprint.
    case baseline
  }

  /// Which findings fail a run (exit status 1): `valid` ones in a personal category (the
  /// default), or with `invalid` also those that fail a check (typos, fabricated values,
  /// published samples). Informational categories never fail a run.
  public enum FailOn: String, Sendable, CaseIterable {
    case valid, invalid
  }

  /// Valid and invalid findings of one category.
  public struct Count: Sendable, Equatable {
    public var valid = 0
    public var invalid = 0
    public var total: Int { valid + invalid }
  }

  /// Per category, for the whole run.
  public private(set) var totals: [ObjectIdentifier: (category: Category, count: Count)] = [:]
  /// Per category, for the input being read.
  private var current: [ObjectIdentifier: (category: Category, count: Count)] = [:]
  /// The counts of the input that finished last, in category-id order (for `--count`).
  public private(set) var lastFinished: [(category: Category, count: Count)] = []
  /// Every finding.
  public private(set) var findings = 0
  /// Findings that count as personal information: valid, in a personal category.
  public private(set) var personal = 0
  /// Notices by severity.
  public private(set) var notices: [Notice.Severity: Int] = [:]
  /// Inputs finished, and those that could not be read (in part or whole).
  public private(set) var inputs = 0
  public private(set) var unreadable = 0
  /// Inputs with at least one finding.
  public private(set) var inputsWithFindings = 0
  public private(set) var bytes: Int64 = 0
  /// Findings left out, by why (they are in no other count).
  public private(set) var suppressed: [Suppression: Int] = [:]
  /// Which findings fail the run.
  public let failOn: FailOn
  /// Findings that fail the run under ``failOn``: the exit status is 1 when there is one.
  public private(set) var failing = 0

  public init(failOn: FailOn = .valid) { self.failOn = failOn }

  /// Counts a finding that an allowlist or a baseline left out.
  public func suppress(_ finding: Finding, by reason: Suppression) {
    suppressed[reason, default: 0] += 1
  }

  /// Whether `finding` fails the run under ``failOn``.
  public func fails(_ finding: Finding) -> Bool {
    finding.category.isPersonal && (finding.valid || failOn == .invalid)
  }

  public func receive(_ batch: FindingBatch) {
    for finding in batch.findings {
      let key = ObjectIdentifier(finding.category)
      var entry = current[key] ?? (finding.category, Count())
      if finding.valid { entry.count.valid += 1 } else { entry.count.invalid += 1 }
      current[key] = entry
      if finding.isPersonal { personal += 1 }
      if fails(finding) { failing += 1 }
    }
    findings += batch.findings.count
  }

  public func receive(_ event: ScanEvent) {
    switch event {
    case .notice(_, let notice):
      notices[notice.severity, default: 0] += 1
    case .finished(_, let summary):
      inputs += 1
      bytes += summary.bytes
      if summary.error != nil { unreadable += 1 }
      lastFinished = current.values.sorted { $0.category.id < $1.category.id }
      for (key, entry) in current {
        var total = totals[key] ?? (entry.category, Count())
        total.count.valid += entry.count.valid
        total.count.invalid += entry.count.invalid
        totals[key] = total
      }
      if !current.isEmpty { inputsWithFindings += 1 }
      current.removeAll(keepingCapacity: true)
    case .started, .described, .progress:
      break
    }
  }

  /// The run's counts per category, in category-id order.
  public var sortedTotals: [(category: Category, count: Count)] {
    totals.values.sorted { $0.category.id < $1.category.id }
  }

  /// Whether something could not be read: an unreadable input or an error notice.
  public var hadReadErrors: Bool { unreadable > 0 || (notices[.error] ?? 0) > 0 }
}
