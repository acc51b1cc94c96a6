#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file holding sorted runs: one spilled by a distinct set (ours, deleted when the last run
/// in it is dropped) or a state file given by the user (never deleted, never written).
final class RunFile: Sendable {
  let path: String
  let isOwned: Bool

  init(path: String, isOwned: Bool) {
    self.path = path
    self.isOwned = isOwned
  }

  deinit {
    if isOwned { unlink(path) }
  }
}

/// A sorted, duplicate-free run of entries inside a file: `count` entries of the key's width
/// plus one payload byte, from `offset`. A run in a state file carries the checksum its
/// section header gives, verified as the run is read.
struct FileRun: Sendable {
  let file: RunFile
  let offset: Int64
  let count: Int
  let checksum: UInt64?
}

/// Writes bytes to a file descriptor through a buffer, keeping an optional running checksum
/// (SipHash-2-4-64 of everything written since ``startChecksum()``).
struct BufferedFileWriter: ~Copyable {
  let descriptor: Int32
  let path: String
  private var buffer: [UInt8] = []
  private let capacity: Int
  /// Bytes written so far (flushed or buffered), from where the writer started.
  private(set) var position: Int64
  private var checksum: SipHash?

  init(descriptor: Int32, path: String, position: Int64 = 0, capacity: Int = 1 << 18) {
    self.descriptor = descriptor
    self.path = path
    self.position = position
    self.capacity = capacity
    buffer.reserveCapacity(capacity)
  }

  mutating func startChecksum() { checksum = SipHash(wide: false) }

  mutating func takeChecksum() -> UInt64 {
    let value = checksum.take()?.finish64() ?? 0
    return value
  }

  mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
    if checksum != nil { checksum!.combine(bytes) }
    position += Int64(bytes.count)
    if buffer.count + bytes.count > capacity { try flush() }
    if bytes.count >= capacity {
      try writeFully(bytes)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  mutating func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write($0) }
  }

  mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeFully($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
    var done = 0
    while done < bytes.count {
      let written = posixWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
      if written < 0 {
        if errno == EINTR { continue }
        throw SizingError.system("write", path: path)
      }
      done += written
    }
  }
}

/// `write(2)` under a name that the writer's own `write` does not hide.
@inline(__always)
func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

/// Reads a byte range of a file sequentially through a buffer with `pread`, verifying a
/// checksum at the end when one is expected.
final class BufferedFileReader {
  private let descriptor: Int32
  private let path: String
  private var next: Int64
  private let end: Int64
  private var buffer: UnsafeMutableRawBufferPointer
  private var filled = 0
  private var position = 0
  private var checksum: SipHash?
  private let expectedChecksum: UInt64?

  /// Opens `path` and reads `[offset, offset + length)`; the buffer holds `capacity` bytes,
  /// rounded down to whole entries of `granule` bytes.
  init(
    path: String, offset: Int64, length: Int64, granule: Int = 1, capacity: Int = 1 << 16,
    expectedChecksum: UInt64? = nil
  ) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SizingError.system("open", path: path) }
    self.descriptor = descriptor
    self.path = path
    next = offset
    end = offset + length
    let size = max(granule, capacity / granule * granule)
    buffer = .allocate(byteCount: size, alignment: 16)
    self.expectedChecksum = expectedChecksum
    if expectedChecksum != nil { checksum = SipHash(wide: false) }
  }

  deinit {
    close(descriptor)
    buffer.deallocate()
  }

  /// Returns a pointer to the next `count` bytes (at most the buffer's size, a whole number of
  /// granules), reading more when needed.
  ///
  /// - Throws: ``SizingError`` on a failed read, a short file or a checksum mismatch.
  func take(_ count: Int) throws -> UnsafeRawPointer {
    if filled - position < count { try refill(count) }
    let pointer = UnsafeRawPointer(buffer.baseAddress! + position)
    position += count
    return pointer
  }

  private func refill(_ needed: Int) throws {
    let left = filled - position
    if left > 0 {
      buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: left)
    }
    filled = left
    position = 0
    while filled < needed {
      let want = min(Int64(buffer.count - filled), end - next)
      guard want > 0 else {
        throw SizingError.corrupt(path, "ends before the data its header announces")
      }
      let got = pread(descriptor, buffer.baseAddress! + filled, Int(want), off_t(next))
      if got < 0 {
        if errno == EINTR { continue }
        throw SizingError.system("read", path: path)
      }
      if got == 0 { throw SizingError.corrupt(path, "ends before the data its header announces") }
      if checksum != nil {
        checksum!.combine(UnsafeRawBufferPointer(start: buffer.baseAddress! + filled, count: got))
      }
      filled += got
      next += Int64(got)
    }
    if next == end, let expectedChecksum, let sum = checksum.take() {
      guard sum.finish64() == expectedChecksum else {
        throw SizingError.corrupt(path, "a section's checksum does not match: the file is damaged")
      }
    }
  }
}
