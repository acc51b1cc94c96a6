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

  /// The path as reports show it ("-" for standard input): see ``InputPath/display``.
  public var path: String
  /// The path as the file system holds it, which opening uses.
  public var location: InputPath
  public var kind: Kind
  /// Size in bytes when known (regular files), for progress.
  public var size: Int64?

  /// The path inside the archive (nested members joined with `!`), for members.
  public var member: String?

  public init(path: String, kind: Kind, size: Int64?, member: String? = nil) {
    self.init(location: InputPath(path), kind: kind, size: size, member: member)
  }

  public init(location: InputPath, kind: Kind, size: Int64?, member: String? = nil) {
    self.location = location
    self.path = location.display
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
    return ScanInput(
      location: location, kind: .member, size: nil, member: joined.isEmpty ? nil : joined)
  }

  /// `path` and, inside an archive, `!member`: how messages name the input.
  public var displayName: String {
    guard let member, !member.isEmpty else { return displayPath }
    return displayPath + "!" + member
  }
}

/// What an input is, for the evidence list of the sizing report.
public struct InputFacts: Sendable, Equatable {
  /// SHA-256 of its bytes as stored (of the decompressed bytes, for an archive member), hex.
  public var sha256: String?
  /// Bytes hashed.
  public var bytes: Int64
  /// Its shape: a record format (`delimited`, `sql`, `jsonLines`, `json`, `keyValue`, `text`,
  /// `sheet`) or a container (`gzip`, `zip`, `xls`…).
  public var format: String?
  /// Its text encoding (`utf8`, `gb18030`, `utf16le`…; `+gbk-lines` when lines of GBK stand
  /// in UTF-8); nil for a container.
  public var encoding: String?

  public init(sha256: String?, bytes: Int64, format: String?, encoding: String?) {
    self.sha256 = sha256
    self.bytes = bytes
    self.format = format
    self.encoding = encoding
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
  /// Its hash, format and encoding, when the scan records them (``ScanConfiguration/hashInputs``).
  public var facts: InputFacts?

  public init() {}
}

/// What kind of thing a notice says about an input: a small closed set of stable codes that
/// reports carry (`notice` in JSON, SARIF notifications), documented in README.md.
public enum NoticeKind: String, Sendable, CaseIterable, Comparable {
  /// Skipped on purpose (a FIFO or symbolic link in a walk, a special archive entry).
  case skipped
  /// Skipped: binary content (scan it with --binary).
  case binary
  /// Could not be opened or read.
  case unreadable
  /// Read only in part: it ends before its own structure says it should.
  case truncated
  /// Its structure is broken where it could not be read on.
  case corrupt
  /// Encrypted: its content cannot be read.
  case encrypted
  /// A safety limit was reached (decompressed bytes, ratio, nesting, a workbook's size).
  case limit
  /// Bytes that are not text in the input's encoding.
  case undecodable
  /// A format or feature piiscan does not read.
  case unsupported
  /// A user's regex stopped at PCRE2's match limit.
  case matchLimit = "match-limit"
  /// Bytes after the end of a compressed stream that are not another stream: scanned as they
  /// are, as a member of their own.
  case trailingData = "trailing-data"

  public static func < (a: NoticeKind, b: NoticeKind) -> Bool { a.rawValue < b.rawValue }
}

/// Something a report must say about an input besides its findings: that it was skipped,
/// could not be read, was cut short, or was partly undecodable. Nothing is skipped silently.
public struct Notice: Sendable, Equatable {
  public enum Severity: String, Sendable, Comparable, CaseIterable {
    /// Skipped on purpose (a binary file, a FIFO in a walk): the exit status is unchanged.
    case note
    /// Read only in part (a truncated stream, undecodable bytes): the exit status is unchanged.
    case warning
    /// Not read at all (unreadable, corrupt, encrypted, over a safety limit): exit status 2.
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
  }

  public var kind: NoticeKind
  public var severity: Severity
  /// What happened, for people; names no hidden character of any value.
  public var message: String

  public init(kind: NoticeKind, severity: Severity, message: String) {
    self.kind = kind
    self.severity = severity
    self.message = message
  }
}

/// A batch of findings of one input, in offset order: what a scan hands its sink.
public struct FindingBatch: Sendable {
  public var input: ScanInput
  public var findings: [Finding]

  public init(input: ScanInput, findings: [Finding]) {
    self.input = input
    self.findings = findings
  }
}

/// Everything besides findings that a scan tells its sink, in input order.
public enum ScanEvent: Sendable {
  /// An input begins (its findings and notices follow).
  case started(ScanInput)
  /// What a container (an archive, a compressed file, a workbook, a stream) is, once it has
  /// been read; its members are inputs of their own.
  case described(ScanInput, InputFacts)
  /// A notice about an input.
  case notice(ScanInput, Notice)
  /// An input is done: what was read, and whether reading stopped early.
  case finished(ScanInput, InputSummary)
  /// Bytes done so far (for progress), after each chunk.
  case progress(bytes: Int64)
}

/// Receives a scan's results on one thread, in input order and, within an input, in offset
/// order — the same order whatever the thread count or chunk size.
///
/// One method is required: batches of findings. Events (inputs starting and finishing,
/// notices, progress) arrive through the second, which does nothing unless a sink wants them.
public protocol FindingSink: AnyObject {
  func receive(_ batch: FindingBatch)
  func receive(_ event: ScanEvent)
}

extension FindingSink {
  public func receive(_ event: ScanEvent) {}
}

/// Passes everything to several sinks, in order (the aggregate first, then the reporter).
public final class SinkFanout: FindingSink {
  public let sinks: [any FindingSink]

  public init(_ sinks: [any FindingSink]) { self.sinks = sinks }

  public func receive(_ batch: FindingBatch) {
    for sink in sinks { sink.receive(batch) }
  }

  public func receive(_ event: ScanEvent) {
    for sink in sinks { sink.receive(event) }
  }
}
