import PIIScanArchive
import PIIScanSheets

/// The wording of every notice the pipeline gives, in one place: what kind it is, how serious,
/// and the sentence a person reads. None of them quotes a value.
enum NoticeText {
  static let binary = Notice(
    kind: .binary, severity: .note,
    message: "skipped: binary content (NUL or control bytes); scan it with --binary")

  static let encryptedMember = Notice(
    kind: .encrypted, severity: .error, message: "not read: the member is encrypted")

  static let specialMember = Notice(
    kind: .skipped, severity: .note,
    message: "skipped: special entry (device, FIFO) inside the archive")

  static func symbolicLinkMember(target: String?) -> Notice {
    Notice(
      kind: .skipped, severity: .note,
      message: "skipped: symbolic link\(target.map { " to \($0)" } ?? "") inside the archive")
  }

  /// A regular file that grew while it was scanned: read to the size it had when opened.
  static func grew(from size: Int64, to now: Int64) -> Notice {
    Notice(
      kind: .truncated, severity: .warning,
      message: "grew from \(size) to \(now) bytes while it was scanned: the first \(size) bytes "
        + "(its size when opened) were read")
  }

  /// What stopped an input from being read (in whole or in part): a notice in every report,
  /// naming where reading stopped when the error says.
  static func unreadable(_ error: InputError) -> Notice {
    let kind: NoticeKind = error.message.contains("shrank") ? .truncated : .unreadable
    return Notice(kind: kind, severity: .error, message: error.message)
  }

  /// A stream cut at `--max-bytes`.
  static func streamLimit(_ limit: Int64) -> Notice {
    Notice(
      kind: .limit, severity: .warning,
      message:
        "stopped after \(limit) bytes (--max-bytes): the stream goes on, the rest was not read")
  }

  /// A regular file read only to `--max-bytes`.
  static func fileLimit(_ read: Int64, of size: Int64) -> Notice {
    Notice(
      kind: .limit, severity: .warning,
      message: "stopped after \(read) of \(size) bytes (--max-bytes): the rest was not read")
  }

  static let emptyFIFO = Notice(
    kind: .skipped, severity: .note,
    message: "a FIFO with no writer: nothing was read (start the writer first)")

  static func workbookTooLarge(limit: Int) -> Notice {
    Notice(
      kind: .limit, severity: .note,
      message: "more than \(limit >> 20) MiB of parts: not read as a workbook; its parts are "
        + "scanned as they are")
  }

  /// An archive or compression error.
  static func archive(_ error: ArchiveError) -> Notice {
    switch error.kind {
    case .truncated:
      return Notice(kind: .truncated, severity: .warning, message: "cut short: " + error.message)
    case .corrupt:
      return Notice(kind: .corrupt, severity: .error, message: "corrupt: " + error.message)
    case .unsupported:
      return Notice(kind: .unsupported, severity: .error, message: "not read: " + error.message)
    case .limitExceeded:
      return Notice(kind: .limit, severity: .error, message: "stopped: " + error.message)
    case .encrypted:
      return Notice(kind: .encrypted, severity: .error, message: "not read: " + error.message)
    case .io:
      return Notice(kind: .unreadable, severity: .error, message: error.message)
    case .trailingData:
      return Notice(kind: .trailingData, severity: .warning, message: error.message)
    }
  }

  /// Any error while reading a source: an archive error by its kind, anything else unreadable.
  static func reading(_ error: any Error) -> Notice {
    if let error = error as? ArchiveError { return archive(error) }
    if let error = error as? InputError {
      return Notice(kind: .unreadable, severity: .error, message: error.message)
    }
    return Notice(kind: .unreadable, severity: .error, message: "\(error)")
  }

  /// What to say when a workbook or sheet cannot be read; `fallback` when its parts are then
  /// scanned as XML (nothing is lost, so a warning).
  static func workbook(_ error: any Error, fallback: Bool) -> Notice {
    let message = (error as? SpreadsheetError).map(\.description) ?? "\(error)"
    if fallback {
      return Notice(
        kind: .corrupt, severity: .warning,
        message: "not read as a workbook (\(message)); its parts are scanned as XML")
    }
    switch error as? SpreadsheetError {
    case .encrypted:
      return Notice(kind: .encrypted, severity: .error, message: "not read: \(message)")
    case .unsupportedVersion:
      return Notice(kind: .unsupported, severity: .error, message: "not read: \(message)")
    case .tooManyEmptyRows, .tooManyEmptyCells, .tooLarge:
      return Notice(kind: .limit, severity: .error, message: "stopped: \(message)")
    default:
      return Notice(kind: .corrupt, severity: .error, message: "corrupt: \(message)")
    }
  }

  /// The notices an input's summary calls for once it is read: undecodable bytes, searches a
  /// user's regex gave up.
  static func endOfInput(_ summary: InputSummary) -> [Notice] {
    var notices: [Notice] = []
    if summary.undecodable > 0 {
      let count = summary.undecodable
      notices.append(
        Notice(
          kind: .undecodable, severity: .warning,
          message: "\(count) byte sequence\(count == 1 ? "" : "s") could not be decoded and "
            + "were read as U+FFFD"))
    }
    for (rule, count) in summary.stoppedSearches.sorted(by: { $0.key < $1.key }) {
      notices.append(
        Notice(
          kind: .matchLimit, severity: .warning,
          message: "rule \(rule): PCRE2 stopped \(count) search\(count == 1 ? "" : "es") at "
            + "its match limit (\(RegexDetector.matchLimit) steps), so values of this rule may "
            + "be missing; simplify the regex (no nested repeats such as (a+)+)"))
    }
    return notices
  }
}
