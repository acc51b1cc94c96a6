/// Why a compressed stream or archive could not be read, or could not be read to its end.
///
/// ``kind`` is what a caller branches on; ``message`` is for people and includes libarchive's
/// own explanation (`archive_error_string`) when there is one, for example
/// `truncated gzip input (after 524288 decompressed bytes)`.
///
/// An ``ArchiveReader`` throws each error once, after delivering the bytes before it. Then:
/// - if the error was confined to one entry (an encrypted entry, a bad CRC, an unsupported
///   compression method, a damaged entry header), ``ArchiveReader/nextEntry()`` goes on with the
///   next entry;
/// - if it ended the container (a truncated or damaged stream, a limit, a source error),
///   ``ArchiveReader/nextEntry()`` returns `nil` and ``ArchiveReader/read(into:)`` returns 0;
/// - after ``Kind/trailingData``, ``ArchiveReader/nextEntry()`` returns the trailing bytes as
///   one more entry.
///
/// - Note: A plain value; safe to share across tasks.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The class of failure.
  public enum Kind: Sendable, Equatable {
    /// The input ends early: a cut download, a partial copy, a carved fragment.
    case truncated
    /// The bytes are damaged: a bad checksum, an impossible header, invalid compressed data.
    case corrupt
    /// A valid container that this reader cannot open: an unsupported compression method, a
    /// format that needs random access from a stream, a read of an entry that has no data.
    case unsupported
    /// A safety limit stopped reading; the text says which one and how to raise it.
    case limitExceeded(String)
    /// The entry (or the whole container) is encrypted and no passphrase is known.
    case encrypted
    /// Reading from the source failed (the source's own error), or a seek failed.
    case io
    /// A compressed stream is followed by bytes that are not part of it (`gzip: trailing
    /// garbage`). Nothing is lost: the reader offers them as one more entry, as they are stored.
    case trailingData
  }

  /// The class of failure.
  public var kind: Kind

  /// A one-line explanation naming the cause, with libarchive's message when there is one.
  public var message: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - kind: The class of failure.
  ///   - message: A one-line explanation.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// `<kind>: <message>`, for example `truncated: truncated gzip input (…)`.
  public var description: String {
    let name =
      switch kind {
      case .truncated: "truncated"
      case .corrupt: "corrupt"
      case .unsupported: "unsupported"
      case .limitExceeded: "limit exceeded"
      case .encrypted: "encrypted"
      case .io: "I/O error"
      case .trailingData: "trailing data"
      }
    return "\(name): \(message)"
  }
}

/// `1 MiB`, `64 GiB`, `8.5 MiB`, `300 bytes`: a byte count for messages.
func formatByteCount(_ count: Int64) -> String {
  let units: [(Int64, String)] = [
    (1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB"),
  ]
  for (size, name) in units where count >= size {
    if count % size == 0 {
      return "\(count / size) \(name)"
    }
    let tenths = (count * 10 + size / 2) / size
    return "\(tenths / 10).\(tenths % 10) \(name)"
  }
  return count == 1 ? "1 byte" : "\(count) bytes"
}
