import PIIScanArchive

/// Bytes in memory read as a pipe would give them: at most `chunkSize` bytes a read, no seeking.
public final class StreamingMemorySource: ArchiveSource {
  private let bytes: UnsafeRawBufferPointer
  private let chunkSize: Int
  private var offset = 0

  /// Reads `bytes`, which must outlive the source.
  public init(_ bytes: UnsafeRawBufferPointer, chunkSize: Int) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = min(buffer.count, chunkSize, bytes.count - offset)
    if count > 0 {
      buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }
}

/// Bytes in memory read as a regular file: seekable, so zip is read from its central directory
/// and 7z can be opened.
public final class SeekableMemorySource: SeekableArchiveSource {
  private let bytes: UnsafeRawBufferPointer
  private var offset = 0

  /// Reads `bytes`, which must outlive the source.
  public init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = max(0, min(buffer.count, bytes.count - offset))
    if count > 0 {
      buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }

  public func seek(to target: Int64, from origin: ArchiveSeekOrigin) throws -> Int64 {
    let base: Int64 =
      switch origin {
      case .start: 0
      case .current: Int64(offset)
      case .end: Int64(bytes.count)
      }
    let position = base + target
    guard position >= 0 else { throw ArchiveError(.io, "seek before the start") }
    // Past the end is allowed, as for a file: reads there return 0.
    offset = Int(min(position, Int64(Int.max / 2)))
    return position
  }
}
