/// The decompressed-byte account shared by every reader of one outermost input.
///
/// Create one per outermost input (a file on disk, standard input) and pass it to the reader of
/// that input and to every reader nested inside it. Each reader charges the bytes it
/// decompresses; a reader nested in another (depth > 0) takes back the bytes it pulls from its
/// enclosing member, which were charged there already. So ``totalBytes`` counts every byte once,
/// at the innermost level that produced it: for a `.tar.gz` inside a zip, the tar's members, not
/// also the tar and the `.tar.gz`.
///
/// When a charge takes ``totalBytes`` over ``ArchiveLimits/maxTotalBytes``, the reader that made
/// it throws ``ArchiveError/Kind/limitExceeded(_:)``.
///
/// - Note: Not `Sendable`: the readers of one input share it on one thread.
public final class ArchiveBudget {
  /// The limits this account enforces (only ``ArchiveLimits/maxTotalBytes`` is used here).
  public let limits: ArchiveLimits

  /// Decompressed bytes produced so far by the readers of this input.
  public private(set) var totalBytes: Int64 = 0

  /// Creates an empty account.
  ///
  /// - Parameter limits: The limits of the outermost input.
  public init(limits: ArchiveLimits = ArchiveLimits()) {
    self.limits = limits
  }

  /// Adds `count` decompressed bytes.
  ///
  /// - Throws: ``ArchiveError/Kind/limitExceeded(_:)`` once the total passes the limit.
  func charge(_ count: Int64) throws(ArchiveError) {
    totalBytes += count
    guard totalBytes > limits.maxTotalBytes else { return }
    let reason =
      "total decompressed bytes exceed \(formatByteCount(limits.maxTotalBytes)) (raise with --max-decompressed)"
    throw ArchiveError(.limitExceeded(reason), reason)
  }

  /// Takes back `count` bytes that a nested reader consumed as its compressed input.
  func refund(_ count: Int64) {
    totalBytes = max(0, totalBytes - count)
  }
}

// Explicit non-conformance: the account is updated on every block any reader of the input
// decodes, without synchronisation; one input is read by one thread at a time.
@available(*, unavailable) extension ArchiveBudget: Sendable {}
