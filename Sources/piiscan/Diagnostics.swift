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

  func emit(_ line: String, newline: Bool = true) {
    var bytes = Array((newline ? line + "\n" : line).utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }
}

/// Reports unreadable inputs and notices on standard error and draws progress.
final class CommandSink: FindingSink {
  let diagnostics: Diagnostics
  let progress: ProgressMeter?
  /// Leave out notes (skipped on purpose); warnings and errors are always printed.
  let quiet: Bool

  init(diagnostics: Diagnostics, progress: ProgressMeter?, quiet: Bool = false) {
    self.diagnostics = diagnostics
    self.progress = progress
    self.quiet = quiet
  }

  func receive(_ batch: FindingBatch) {}

  func receive(_ event: ScanEvent) {
    switch event {
    case .finished:
      break  // an input that could not be read was a notice already
    case .notice(let input, let notice):
      progress?.finish()
      switch notice.severity {
      case .error: diagnostics.error(input.displayName, notice.message)
      case .note where quiet: break
      case .note, .warning: diagnostics.note(input.displayName, notice.message)
      }
    case .progress(let bytes):
      progress?.update(bytes: bytes)
    case .started, .described:
      break
    }
  }
}
