import CPIIScanKernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A report written to a file (`--output`): under a temporary name beside it, renamed into
/// place when the run ends, so the file is never half a report — an interrupted run (SIGINT,
/// SIGTERM, SIGHUP) removes the temporary file and leaves what was there before.
public final class OutputFile {
  /// Where the report is written while the run goes on.
  public let stream: ReportStream
  public let path: String
  private let temporary: String
  private let slot: Int32
  private var done = false

  /// Creates the temporary file beside `path` (never `path` itself, which may be evidence the
  /// caller has checked it is not).
  public init(path: String) throws(InputError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    temporary = directory + ".\(name).piiscan-\(getpid()).partial"
    _ = piiscan_install_interrupt_cleanup()
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0 {
      throw InputError("cannot be written: \(systemErrorText(errno))", code: errno)
    }
    slot = piiscan_register_cleanup(temporary, 0)
    stream = ReportStream(descriptor: fd)
  }

  /// Flushes the report and gives it its name.
  public func commit() throws(InputError) {
    guard !done else { return }
    done = true
    stream.flush()
    defer { piiscan_unregister_cleanup(slot) }
    if let error = stream.error {
      unlink(temporary)
      throw InputError("cannot be written: \(error.message)")
    }
    close(stream.descriptor)
    if rename(temporary, path) != 0 {
      let code = errno
      unlink(temporary)
      throw InputError("cannot be written: \(systemErrorText(code))", code: code)
    }
  }

  deinit {
    if !done {
      unlink(temporary)
      piiscan_unregister_cleanup(slot)
    }
  }
}
