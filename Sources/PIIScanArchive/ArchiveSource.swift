/// A stream of bytes that an ``ArchiveReader`` pulls from.
///
/// The caller supplies it: a file descriptor (``FileDescriptorSource``), standard input, a
/// member of an enclosing container (an ``ArchiveReader`` is itself a source), or a source that
/// replays a sniffed prefix (``PeekingSource``).
///
/// - Note: A reader calls its source from the thread that calls the reader.
public protocol ArchiveSource: AnyObject {
  /// Reads the next bytes of the stream into `buffer`.
  ///
  /// - Parameter buffer: Where to put the bytes; may be filled partly.
  /// - Returns: The number of bytes read, or 0 at the end of the stream (and on every call
  ///   after it).
  /// - Throws: Any error; a reader reports an ``ArchiveError`` unchanged and wraps anything
  ///   else as ``ArchiveError/Kind/io``.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Where a seek offset counts from.
public enum ArchiveSeekOrigin: Sendable, Equatable {
  /// From the start of the stream (the position the source had when it was created).
  case start
  /// From the current position.
  case current
  /// From the end of the stream.
  case end
}

/// A source that can also move its read position.
///
/// Formats that keep their index at the end need this: 7-Zip cannot be read at all without it,
/// and zip is then read from its central directory, which is authoritative and lets damage to
/// it or to a local header be detected. Without it zip is read from local headers in a single
/// pass. Positions count from where the stream started, not from the start of the file
/// descriptor.
public protocol SeekableArchiveSource: ArchiveSource {
  /// Whether ``seek(to:from:)`` works now (a regular file, not a pipe or terminal).
  var isSeekable: Bool { get }

  /// Moves the read position.
  ///
  /// - Parameters:
  ///   - offset: The offset from `origin`; may be negative for ``ArchiveSeekOrigin/current``
  ///     and ``ArchiveSeekOrigin/end``.
  ///   - origin: Where `offset` counts from.
  /// - Returns: The new position, counted from the start of the stream.
  func seek(to offset: Int64, from origin: ArchiveSeekOrigin) throws -> Int64
}

extension SeekableArchiveSource {
  /// Seekable unless a conforming type says otherwise.
  public var isSeekable: Bool { true }
}
