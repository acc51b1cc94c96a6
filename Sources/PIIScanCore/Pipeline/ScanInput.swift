/// One input of a scan, as given on the command line or found in a directory walk.
public struct ScanInput: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// A regular file, read at any offset by any worker.
    case regularFile
    /// Something read front to back: a pipe, a FIFO, a character device.
    case stream
    /// The process's standard input.
    case standardInput
    /// A member of an archive or a compressed stream, read through its container.
    case member
  }

  /// The path as given or as found in the walk ("-" for standard input). Used to open it.
  public var path: String
  public var kind: Kind
  /// Size in bytes when known (regular files), for progress.
  public var size: Int64?

  /// The path inside the archive (nested members joined with `!`), for members.
  public var member: String?

  public init(path: String, kind: Kind, size: Int64?, member: String? = nil) {
    self.path = path
    self.kind = kind
    self.size = size
    self.member = member
  }

  /// The name reports show for the outermost input.
  public var displayPath: String { path == "-" ? "<stdin>" : path }

  /// The member `name` of this input (nested members joined by `!`; a nameless member, the
  /// stream inside a gzip, keeps its container's name).
  func member(_ name: String) -> ScanInput {
    let joined = [member, name.isEmpty ? nil : name].compactMap { $0 }.joined(separator: "!")
    return ScanInput(path: path, kind: .member, size: nil, member: joined.isEmpty ? nil : joined)
  }

  /// `path` and, inside an archive, `!member`: how messages name the input.
  public var displayName: String {
    guard let member, !member.isEmpty else { return displayPath }
    return displayPath + "!" + member
  }
}

/// What happened to one input.
public struct InputSummary: Sendable {
  /// Bytes scanned.
  public var bytes: Int64 = 0
  /// Set when the input, or part of it, could not be read.
  public var error: InputError?
  /// Byte sequences that could not be decoded in its encoding.
  public var undecodable = 0
  /// Searches of regex rules that PCRE2 stopped at its match limit, by rule id.
  public var stoppedSearches: [String: Int] = [:]

  public init() {}
}

/// Something a report must say about an input besides its findings: that it was skipped,
/// could not be read, was cut short, or was partly undecodable. Nothing is skipped silently.
public struct Notice: Sendable, Equatable {
  public enum Severity: String, Sendable {
    /// Skipped on purpose (a binary file, a FIFO in a walk): the exit status is unchanged.
    case note
    /// Read only in part (a truncated stream, undecodable bytes): the exit status is unchanged.
    case warning
    /// Not read at all (unreadable, corrupt, encrypted, over a safety limit): exit status 2.
    case error
  }

  /// A short word: skipped, binary, unreadable, truncated, corrupt, encrypted, limit,
  /// undecodable, unsupported, match-limit.
  public var kind: String
  public var severity: Severity
  public var message: String

  public init(kind: String, severity: Severity, message: String) {
    self.kind = kind
    self.severity = severity
    self.message = message
  }
}

/// Receives a scan's results on one thread, in input order and, within an input, in offset
/// order — the same order whatever the thread count or chunk size.
public protocol ScanSink: AnyObject {
  func inputStarted(_ input: ScanInput)
  /// Findings of one chunk, located (line, column, record) unless the scan does not locate.
  func found(_ findings: [Finding], in input: ScanInput)
  func inputFinished(_ input: ScanInput, summary: InputSummary)
  /// A notice about an input, in input order.
  func noticed(_ notice: Notice, in input: ScanInput)
  /// Bytes done so far (for progress), called after each chunk.
  func progressed(bytes: Int64)
}

extension ScanSink {
  public func progressed(bytes: Int64) {}
}
