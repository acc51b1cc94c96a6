import PIIScanCore

#if canImport(Glibc)
  import Glibc
#endif

/// Messages on standard error, each naming the input it is about; remembers whether any input
/// could not be read (exit status 2).
final class Diagnostics {
  private(set) var errored = false

  /// "piiscan: PATH: what happened".
  func error(_ path: String, _ message: String) {
    errored = true
    emit("piiscan: \(path): \(message)")
  }

  /// A note that does not change the exit status (a skipped FIFO, say).
  func note(_ path: String, _ message: String) {
    emit("piiscan: \(path): \(message)")
  }

  func emit(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }
}

/// Passes scan results to the reporter, reports unreadable inputs and draws progress.
final class CommandSink: ScanSink {
  let reporter: Reporter
  let diagnostics: Diagnostics
  let progress: ProgressMeter?

  init(reporter: Reporter, diagnostics: Diagnostics, progress: ProgressMeter?) {
    self.reporter = reporter
    self.diagnostics = diagnostics
    self.progress = progress
  }

  func inputStarted(_ input: ScanInput) { reporter.inputStarted(input) }

  func found(_ findings: [Finding], in input: ScanInput) { reporter.found(findings, in: input) }

  func inputFinished(_ input: ScanInput, summary: InputSummary) {
    if let error = summary.error {
      progress?.finish()
      diagnostics.error(input.displayName, error.message)
    }
    reporter.inputFinished(input, summary: summary)
  }

  func noticed(_ notice: Notice, in input: ScanInput) {
    progress?.finish()
    switch notice.severity {
    case .error: diagnostics.error(input.displayName, notice.message)
    case .note, .warning: diagnostics.note(input.displayName, notice.message)
    }
    reporter.noticed(notice, in: input)
  }

  func progressed(bytes: Int64) { progress?.update(bytes: bytes) }
}
