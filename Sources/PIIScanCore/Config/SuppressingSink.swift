#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Leaves out of a scan's results the findings an allowlist accepts or a baseline holds,
/// counting each in the aggregate, and passes the rest on: placed in front of the sinks that
/// count, report and decide the exit status, so that none of them sees a suppressed finding.
///
/// `beforeBaseline` (the `--write-baseline` writer) sees every finding the allowlist leaves,
/// including those the old baseline holds, so that a rewritten baseline keeps them.
public final class SuppressingSink: FindingSink {
  private let allowlist: Allowlist?
  private let baseline: Baseline?
  private let fingerprints: FindingFingerprint
  private let aggregate: ScanAggregate
  private let beforeBaseline: (any FindingSink)?
  private let downstream: any FindingSink
  /// The input whose lines are read for the allowlist's `contexts`, and its descriptor.
  private var lineSource: (input: ScanInput, descriptor: Int32)?

  public init(
    allowlist: Allowlist?, baseline: Baseline?, fingerprints: FindingFingerprint,
    aggregate: ScanAggregate, beforeBaseline: (any FindingSink)? = nil,
    downstream: any FindingSink
  ) {
    self.allowlist = allowlist?.isEmpty == true ? nil : allowlist
    self.baseline = baseline
    self.fingerprints = fingerprints
    self.aggregate = aggregate
    self.beforeBaseline = beforeBaseline
    self.downstream = downstream
  }

  deinit { closeLineSource() }

  public func receive(_ batch: FindingBatch) {
    var kept = batch.findings
    if let allowlist {
      if allowlist.acceptsPath(of: batch.input) {
        for finding in kept { aggregate.suppress(finding, by: .allowlist) }
        kept = []
      } else {
        kept = kept.filter { finding in
          let line = allowlist.needsLines ? self.line(of: finding, in: batch.input) : nil
          guard allowlist.accepts(finding, line: line) else { return true }
          aggregate.suppress(finding, by: .allowlist)
          return false
        }
      }
    }
    if let beforeBaseline, !kept.isEmpty {
      beforeBaseline.receive(FindingBatch(input: batch.input, findings: kept))
    }
    if let baseline, !kept.isEmpty {
      kept = kept.filter { finding in
        guard baseline.contains(fingerprints.of(finding, in: batch.input)) else { return true }
        aggregate.suppress(finding, by: .baseline)
        return false
      }
    }
    if !kept.isEmpty { downstream.receive(FindingBatch(input: batch.input, findings: kept)) }
  }

  public func receive(_ event: ScanEvent) {
    if case .finished(let input, _) = event, lineSource?.input == input { closeLineSource() }
    downstream.receive(event)
  }

  /// The stored bytes of the line holding `finding` (at most 4 KiB either side of it), for a
  /// regular file read directly. Inside archives and on standard input the line is gone by
  /// the time the finding arrives, so `contexts` do not apply there (docs/CI.md says so).
  private func line(of finding: Finding, in input: ScanInput) -> [UInt8]? {
    guard input.kind == .regularFile, input.member == nil else { return nil }
    if lineSource?.input != input {
      closeLineSource()
      let descriptor = input.location.openReadOnly()
      guard descriptor >= 0 else { return nil }
      lineSource = (input, descriptor)
    }
    guard let descriptor = lineSource?.descriptor else { return nil }
    let reach: Int64 = 4096
    let start = max(0, finding.offset - reach)
    let count = Int(finding.offset - start) + finding.length + Int(reach)
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes {
      pread(descriptor, $0.baseAddress, count, off_t(start))
    }
    guard read > 0 else { return nil }
    bytes.removeSubrange(Int(read)...)
    let valueAt = Int(finding.offset - start)
    guard valueAt <= bytes.count else { return nil }
    let lineStart = bytes[..<valueAt].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let valueEnd = min(bytes.count, valueAt + finding.length)
    let lineEnd = bytes[valueEnd...].firstIndex(of: 0x0A) ?? bytes.count
    return Array(bytes[lineStart..<lineEnd])
  }

  private func closeLineSource() {
    if let descriptor = lineSource?.descriptor { close(descriptor) }
    lineSource = nil
  }
}
