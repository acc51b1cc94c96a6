/// What a scan found, counted as it goes: findings per category (valid and invalid) for each
/// input and for the whole run, the notices, the inputs and bytes read.
///
/// The exit status, `--count` and the end-of-run summary are all views of this one aggregate,
/// which is fed as a sink (first, before any reporter: ``SinkFanout``).
public final class ScanAggregate: FindingSink {
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

  public init() {}

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
    }
    findings += batch.findings.count
  }

  /// The input's counts per category, and its personal findings; resets them.
  private func takeCurrent() -> (
    byCategory: [ObjectIdentifier: (category: Category, count: Count)], personal: Int
  ) {
    var byCategory: [ObjectIdentifier: (category: Category, count: Count)] = [:]
    var personal = 0
    for (serial, count) in currentByRule.enumerated() where count.total > 0 {
      guard let rule = ruleBySerial[serial] else { continue }
      let key = ObjectIdentifier(rule.category)
      var entry = byCategory[key] ?? (rule.category, Count())
      entry.count.valid += count.valid
      entry.count.invalid += count.invalid
      byCategory[key] = entry
      if rule.category.isPersonal { personal += count.valid }
      currentByRule[serial] = Count()
    }
    return (byCategory, personal)
  }

  public func receive(_ event: ScanEvent) {
    switch event {
    case .notice(_, let notice):
      notices[notice.severity, default: 0] += 1
    case .finished(_, let summary):
      inputs += 1
      bytes += summary.bytes
      if summary.error != nil { unreadable += 1 }
      let (current, personalHere) = takeCurrent()
      personal += personalHere
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
