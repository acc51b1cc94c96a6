/// A source that lets a caller look at the first bytes of a stream and then read it from the
/// start: for sniffing standard input or an archive member before choosing how to read it.
///
/// ```swift
/// let member = PeekingSource(outerReader)
/// let kind = ContainerSniffer.kind(of: try member.peek())
/// let inner = kind == .plain ? nil : try outerReader.nestedReader(source: member, kind: kind)
/// ```
///
/// The peeked bytes are held in a buffer of fixed capacity allocated once; nothing else is
/// copied. Seekable when its base is (positions count from where the base was when wrapped).
///
/// When the base fails after some bytes (a member cut short after its first few hundred
/// bytes), ``peek()`` returns those bytes and ``read(into:)`` throws the error once they have
/// been read, so a short damaged member is still scanned.
///
/// - Note: Not `Sendable`, like the sources it wraps.
public final class PeekingSource: SeekableArchiveSource {
  /// The wrapped source.
  public let base: any ArchiveSource

  /// Bytes read from `base` and not yet returned by ``read(into:)``: `storage[start..<end]`.
  private let storage: UnsafeMutableRawBufferPointer
  private var start = 0
  private var end = 0

  /// The base's position when wrapped, when the base is seekable.
  private let baseOrigin: Int64?

  /// An error the base threw while peeking, after the bytes in the buffer: thrown by the read
  /// that finds the buffer empty.
  private var pendingError: (any Error)?

  /// Wraps `base`.
  ///
  /// - Parameters:
  ///   - base: The source to read.
  ///   - capacity: How many bytes ``peek()`` can show; at least 1.
  public init(_ base: any ArchiveSource, capacity: Int = ContainerSniffer.prefixLength) {
    precondition(capacity > 0, "PeekingSource capacity must be positive")
    self.base = base
    self.storage = .allocate(byteCount: capacity, alignment: 1)
    if let seekable = base as? any SeekableArchiveSource, seekable.isSeekable {
      baseOrigin = try? seekable.seek(to: 0, from: .current)
    } else {
      baseOrigin = nil
    }
  }

  deinit {
    storage.deallocate()
  }

  /// The next bytes of the stream, without consuming them.
  ///
  /// Reads from the base until the buffer is full or the stream ends.
  ///
  /// - Returns: Up to `capacity` bytes, fewer only at the end of the stream or before an error
  ///   of the base. Valid until the next call on this source.
  /// - Throws: The base's error, when it fails before any byte is buffered.
  public func peek() throws -> UnsafeRawBufferPointer {
    if start > 0 {
      // Move the unread bytes to the front so the buffer can fill to its capacity.
      let count = end - start
      if count > 0, let destination = storage.baseAddress {
        destination.copyMemory(from: destination + start, byteCount: count)
      }
      start = 0
      end = count
    }
    while end < storage.count && pendingError == nil {
      do {
        let count = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
        if count == 0 { break }
        end += count
      } catch {
        guard end > start else { throw error }
        pendingError = error
      }
    }
    return UnsafeRawBufferPointer(rebasing: storage[start..<end])
  }

  /// Returns peeked bytes first, then reads the base directly.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard start < end else {
      if let error = pendingError {
        pendingError = nil
        throw error
      }
      return try base.read(into: buffer)
    }
    let count = min(buffer.count, end - start)
    if count > 0, let destination = buffer.baseAddress, let source = storage.baseAddress {
      destination.copyMemory(from: source + start, byteCount: count)
    }
    start += count
    return count
  }

  /// Whether the base can seek.
  public var isSeekable: Bool {
    baseOrigin != nil
  }

  /// Seeks the base and drops the peeked bytes.
  ///
  /// - Throws: ``ArchiveError/Kind/io`` when the base cannot seek, or the base's error.
  public func seek(to offset: Int64, from origin: ArchiveSeekOrigin) throws -> Int64 {
    guard let baseOrigin, let seekable = base as? any SeekableArchiveSource else {
      throw ArchiveError(.io, "seek on a source that is not seekable")
    }
    let position: Int64
    switch origin {
    case .start: position = try seekable.seek(to: baseOrigin + offset, from: .start)
    // The base is ahead of this source by the bytes still buffered.
    case .current: position = try seekable.seek(to: offset - Int64(end - start), from: .current)
    case .end: position = try seekable.seek(to: offset, from: .end)
    }
    start = 0
    end = 0
    pendingError = nil
    return position - baseOrigin
  }
}

// Explicit non-conformance: reading moves the buffer's cursor and the base's position.
@available(*, unavailable) extension PeekingSource: Sendable {}
