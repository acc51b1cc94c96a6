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

  public init() {}

  public func receive(_ batch: FindingBatch) {
    for finding in batch.findings {
      let key = ObjectIdentifier(finding.category)
      var entry = current[key] ?? (finding.category, Count())
      if finding.valid { entry.count.valid += 1 } else { entry.count.invalid += 1 }
      current[key] = entry
      if finding.isPersonal { personal += 1 }
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
