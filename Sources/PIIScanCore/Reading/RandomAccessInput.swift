import Foundation
import PIIScanText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular file opened read-only and read by any worker at any offset.
///
/// Workers fill their own buffers with `pread` (the default) or look straight into a read-only
/// mapping (`--mmap`). `pread` keeps memory bounded and turns a file that shrinks during the scan
/// into an error message instead of a `SIGBUS`; Benchmarks/README.md has the measured speeds.
// SAFETY: the descriptor and mapping are immutable after init; `pread` at explicit offsets and
// reads of a read-only mapping are safe from several threads at once.
public final class RandomAccessInput: @unchecked Sendable {
  public let descriptor: Int32
  /// The file's size when it was opened; the scan reads exactly this many bytes.
  public let size: Int64
  private let mapping: UnsafeRawBufferPointer?

  /// Opens `path` read-only. Never creates, truncates or writes it.
  public init(path: String, useMapping: Bool) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
    if fd < 0 { throw .system(errno, "open") }
    var info = stat()
    if fstat(fd, &info) != 0 {
      let code = errno
      close(fd)
      throw .system(code, "fstat")
    }
    descriptor = fd
    size = Int64(info.st_size)
    #if os(Linux)
      _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
    #endif
    if useMapping && size > 0 {
      let address = mmap(nil, Int(size), PROT_READ, MAP_PRIVATE, fd, 0)
      if address == MAP_FAILED || address == nil {
        mapping = nil
      } else {
        _ = madvise(address, Int(size), Int32(MADV_SEQUENTIAL))
        mapping = UnsafeRawBufferPointer(start: address, count: Int(size))
      }
    } else {
      mapping = nil
    }
  }

  deinit {
    if let mapping, let base = mapping.baseAddress {
      munmap(UnsafeMutableRawPointer(mutating: base), mapping.count)
    }
    close(descriptor)
  }

  /// The first `count` bytes of the file (fewer when it is shorter).
  public func prefix(_ count: Int) throws(InputError) -> (
    bytes: UnsafeRawBufferPointer, owner: ReadBuffer
  ) {
    let count = Int(min(size, Int64(count)))
    let buffer = ReadBuffer(capacity: max(count, 1))
    if count > 0 { try read(into: buffer, offset: 0, from: 0, count: count) }
    return (UnsafeRawBufferPointer(rebasing: buffer.storage[0..<count]), buffer)
  }

  /// The profile of the file, from its first ``InputProfile/sniffLength`` bytes.
  public func profile() throws(InputError) -> InputProfile {
    let count = Int(min(size, Int64(InputProfile.sniffLength)))
    guard count > 0 else { return .unstructured }
    if let mapping {
      return InputProfile.sniff(UnsafeRawBufferPointer(rebasing: mapping[0..<count]))
    }
    let buffer = ReadBuffer(capacity: count)
    try read(into: buffer, offset: 0, from: 0, count: count)
    return InputProfile.sniff(UnsafeRawBufferPointer(rebasing: buffer.storage[0..<count]))
  }

  /// Adds the SQL statements that start in `[from, to)` to `schema`, reading in blocks.
  public func scanSQL(into schema: inout SQLSchema, from: Int64, to: Int64) throws(InputError) {
    let block = 8 << 20
    let head = 64 << 10  // a statement's head (name, column list) is read whole
    let buffer = ReadBuffer(capacity: block + head)
    var position = from
    while position < min(to, size) {
      let count = Int(min(Int64(block + head), size - position))
      try read(into: buffer, offset: 0, from: position, count: count)
      let owned = Int(min(Int64(block), min(to, size) - position))
      schema.scan(
        UnsafeRawBufferPointer(rebasing: buffer.storage[0..<count]), base: position,
        startsBefore: owned)
      position += Int64(owned)
    }
  }

  /// The view of chunk `index` under `layout`, reading into `buffer` unless the file is mapped.
  public func chunk(
    _ index: Int, layout: ChunkLayout, buffer: ReadBuffer, encoding: EncodingReport? = nil
  ) throws(InputError) -> ChunkView {
    let overlap = Int64(ChunkLayout.overlap)
    let nominal = layout.nominalStart(index)
    let nextNominal = nominal + Int64(layout.chunkSize)
    if let mapping {
      let start = layout.cut(
        nominal: nominal, inputSize: size, window: mapping, windowBase: 0, encoding: encoding)
      let end = layout.cut(
        nominal: nextNominal, inputSize: size, window: mapping, windowBase: 0, encoding: encoding)
      let lower = max(0, start - overlap)
      let upper = min(size, end + overlap)
      let window = UnsafeRawBufferPointer(rebasing: mapping[Int(lower)..<Int(upper)])
      return ChunkView(
        bytes: window, base: lower, ownStart: Int(start - lower), ownEnd: Int(end - lower),
        reachesEndOfInput: upper == size)
    }

    // Read what usually suffices: the chunk, its context, and a little more to find the next
    // line start. Read further only when the next cut needs it (a long line).
    let lower = max(0, nominal - 1 - overlap)
    let probe = Int64(min(layout.chunkSize, 64 << 10))
    var upper = min(size, nextNominal + overlap + probe)
    try read(into: buffer, offset: 0, from: lower, count: Int(upper - lower))
    var window = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<Int(upper - lower)])
    let start = layout.cut(
      nominal: nominal, inputSize: size, window: window, windowBase: lower, encoding: encoding)
    var end = size
    if nextNominal < size {
      let deciding = layout.decidingRange(nominal: nextNominal, inputSize: size)
      if deciding.upperBound > upper {
        // A newline in what is already here settles the cut; otherwise read the rest of the
        // deciding range (a line longer than the probe).
        let from = Int(nextNominal - 1 - lower)
        let found = memchr(window.baseAddress! + from, 0x0A, window.count - from) != nil
        if !found {
          let newUpper = min(size, deciding.upperBound + overlap)
          try read(
            into: buffer, offset: Int(upper - lower), from: upper, count: Int(newUpper - upper))
          upper = newUpper
          window = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<Int(upper - lower)])
        }
      }
      end = layout.cut(
        nominal: nextNominal, inputSize: size, window: window, windowBase: lower, encoding: encoding
      )
      let needed = min(size, end + overlap)
      if needed > upper {
        try read(into: buffer, offset: Int(upper - lower), from: upper, count: Int(needed - upper))
        upper = needed
        window = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<Int(upper - lower)])
      }
    }
    return ChunkView(
      bytes: window, base: lower, ownStart: Int(start - lower), ownEnd: Int(end - lower),
      reachesEndOfInput: upper == size)
  }

  private func read(into buffer: ReadBuffer, offset: Int, from position: Int64, count: Int)
    throws(InputError)
  {
    precondition(offset + count <= buffer.capacity, "read buffer too small")
    var done = 0
    while done < count {
      let n = pread(
        descriptor, buffer.storage.baseAddress! + offset + done, count - done,
        off_t(position + Int64(done)))
      if n < 0 {
        if errno == EINTR { continue }
        throw .system(errno, "pread")
      }
      if n == 0 {
        throw InputError(
          "the file shrank while it was being scanned (read \(position + Int64(done)) of "
            + "\(size) bytes)")
      }
      done += n
    }
  }
}
