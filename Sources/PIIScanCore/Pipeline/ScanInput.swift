/// One input of a scan, as given on the command line or found in a directory walk.
public struct ScanInput: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// A regular file, read at any offset by any worker.
    case regularFile
    /// Something read front to back: a pipe, a FIFO, a character device.
    case stream
    /// The process's standard input.
    case standardInput
  }

  /// The path as given or as found in the walk ("-" for standard input). Used to open it.
  public var path: String
  public var kind: Kind
  /// Size in bytes when known (regular files), for progress.
  public var size: Int64?

  public init(path: String, kind: Kind, size: Int64?) {
    self.path = path
    self.kind = kind
    self.size = size
  }

  /// The name reports show.
  public var displayPath: String { kind == .standardInput ? "<stdin>" : path }
}

/// What happened to one input.
public struct InputSummary: Sendable {
  /// Bytes scanned.
  public var bytes: Int64 = 0
  /// Set when the input, or part of it, could not be read.
  public var error: InputError?

  public init() {}
}

/// Receives a scan's results on one thread, in input order and, within an input, in offset
/// order — the same order whatever the thread count or chunk size.
public protocol ScanSink: AnyObject {
  func inputStarted(_ input: ScanInput)
  /// Findings of one chunk, located (line, column, record) unless the scan does not locate.
  func found(_ findings: [Finding], in input: ScanInput)
  func inputFinished(_ input: ScanInput, summary: InputSummary)
  /// Bytes done so far (for progress), called after each chunk.
  func progressed(bytes: Int64)
}

extension ScanSink {
  public func progressed(bytes: Int64) {}
}
