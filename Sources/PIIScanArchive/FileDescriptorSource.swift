#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An ``ArchiveSource`` that reads a file descriptor: a file, a pipe, standard input.
///
/// The stream starts at the descriptor's position when the source is created. The source
/// never writes, and is seekable when the descriptor is a regular file.
///
/// - Note: Not `Sendable`: reads move the descriptor's shared position.
public final class FileDescriptorSource: SeekableArchiveSource {
  /// The descriptor read from.
  public let fileDescriptor: Int32

  /// Whether the descriptor is a regular file, so ``seek(to:from:)`` works.
  public let isSeekable: Bool

  /// The descriptor's position when the source was created: offset 0 of the stream.
  private let startOffset: Int64

  /// Whether `deinit` closes the descriptor (only when this source opened it).
  private let ownsDescriptor: Bool

  /// Reads an open descriptor, which the caller keeps and closes.
  ///
  /// - Parameter fileDescriptor: A descriptor open for reading.
  public convenience init(fileDescriptor: Int32) {
    self.init(fileDescriptor: fileDescriptor, owns: false)
  }

  /// Opens `path` read-only and closes it when the source is released.
  ///
  /// - Parameter path: The file to read.
  /// - Throws: ``ArchiveError/Kind/io`` naming the path and the system's reason.
  public convenience init(path: String) throws(ArchiveError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw ArchiveError(.io, "cannot open \(path): \(systemErrorMessage(errno))")
    }
    self.init(fileDescriptor: descriptor, owns: true)
  }

  private init(fileDescriptor: Int32, owns: Bool) {
    self.fileDescriptor = fileDescriptor
    self.ownsDescriptor = owns
    var info = stat()
    let isRegular = fstat(fileDescriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    let position = Int64(lseek(fileDescriptor, 0, SEEK_CUR))
    self.isSeekable = isRegular && position >= 0
    self.startOffset = max(position, 0)
  }

  deinit {
    if ownsDescriptor {
      close(fileDescriptor)
    }
  }

  /// Reads with `read(2)`, retrying when a signal interrupts it.
  ///
  /// - Throws: ``ArchiveError/Kind/io`` with the system's reason.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
    while true {
      let count = systemRead(fileDescriptor, base, buffer.count)
      if count >= 0 {
        return count
      }
      if errno != EINTR {
        throw ArchiveError(.io, "read failed: \(systemErrorMessage(errno))")
      }
    }
  }

  /// Moves the descriptor's position with `lseek(2)`.
  ///
  /// - Throws: ``ArchiveError/Kind/io`` when the descriptor is not a regular file or the seek
  ///   fails.
  public func seek(to offset: Int64, from origin: ArchiveSeekOrigin) throws(ArchiveError) -> Int64 {
    guard isSeekable else {
      throw ArchiveError(.io, "seek on a descriptor that is not a regular file")
    }
    let position: off_t =
      switch origin {
      case .start: lseek(fileDescriptor, off_t(startOffset + offset), SEEK_SET)
      case .current: lseek(fileDescriptor, off_t(offset), SEEK_CUR)
      case .end: lseek(fileDescriptor, off_t(offset), SEEK_END)
      }
    guard position >= 0 else {
      throw ArchiveError(.io, "seek failed: \(systemErrorMessage(errno))")
    }
    return Int64(position) - startOffset
  }
}

// Explicit non-conformance: reads and seeks move the descriptor's position, which is shared
// state; one reader uses the source from one thread at a time.
@available(*, unavailable) extension FileDescriptorSource: Sendable {}

/// `read(2)`, named apart from ``FileDescriptorSource/read(into:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int
{
  read(descriptor, buffer, count)
}

/// The C library's text for an `errno` value.
func systemErrorMessage(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "error \(code)" }
  return String(cString: text)
}
