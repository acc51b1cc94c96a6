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
  /// Per rule (by ``Rule/serial``), for the input being read: counted per finding without
  /// hashing, and folded into categories when the input finishes.
  private var currentByRule: [Count] = []
  private var ruleBySerial: [Rule?] = []
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
    // Taken out of the object for the loop, so the counting runs on a local array.
    var counts: [Count] = []
    swap(&counts, &currentByRule)
    defer { swap(&counts, &currentByRule) }
    for finding in batch.findings {
      let serial = finding.rule.serial
      if serial >= counts.count {
        counts.append(contentsOf: repeatElement(Count(), count: serial + 1 - counts.count))
        ruleBySerial.append(contentsOf: repeatElement(nil, count: serial + 1 - ruleBySerial.count))
      }
      if ruleBySerial[serial] == nil { ruleBySerial[serial] = finding.rule }
      if finding.valid { counts[serial].valid += 1 } else { counts[serial].invalid += 1 }
      // Counted per finding, not at the input's end: a run cut short (a closed pipe) still
      // knows that it found something.
      if finding.isPersonal { personal += 1 }
      if fails(finding) { failing += 1 }
    }
    findings += batch.findings.count
  }

  /// The input's counts per category; resets them.
  private func takeCurrent() -> [ObjectIdentifier: (category: Category, count: Count)] {
    var byCategory: [ObjectIdentifier: (category: Category, count: Count)] = [:]
    for (serial, count) in currentByRule.enumerated() where count.total > 0 {
      guard let rule = ruleBySerial[serial] else { continue }
      let key = ObjectIdentifier(rule.category)
      var entry = byCategory[key] ?? (rule.category, Count())
      entry.count.valid += count.valid
      entry.count.invalid += count.invalid
      byCategory[key] = entry
      currentByRule[serial] = Count()
    }
    return byCategory
  }

  public func receive(_ event: ScanEvent) {
    switch event {
    case .notice(_, let notice):
      notices[notice.severity, default: 0] += 1
    case .finished(_, let summary):
      inputs += 1
      bytes += summary.bytes
      if summary.error != nil { unreadable += 1 }
      let current = takeCurrent()
      lastFinished = current.values.sorted { $0.category.id < $1.category.id }
      for (key, entry) in current {
        var total = totals[key] ?? (entry.category, Count())
        total.count.valid += entry.count.valid
        total.count.invalid += entry.count.invalid
        totals[key] = total
      }
      if !current.isEmpty { inputsWithFindings += 1 }
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
