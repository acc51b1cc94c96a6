import CPIIScanKernels
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
  /// The bytes the scan reads: the file's size when it was opened, or less under a limit
  /// (`--max-bytes`).
  public let size: Int64
  /// The file's size when it was opened.
  public let sizeWhenOpened: Int64
  private let mapping: UnsafeRawBufferPointer?

  /// Opens `path` read-only. Never creates, truncates or writes it.
  public convenience init(path: String, useMapping: Bool) throws(InputError) {
    try self.init(location: InputPath(path), useMapping: useMapping, limit: nil)
  }

  /// Opens `location` read-only. Never creates, truncates or writes it.
  public init(location: InputPath, useMapping: Bool, limit: Int64?) throws(InputError) {
    let fd = location.openReadOnly()
    if fd < 0 { throw .system(errno, "open") }
    var info = stat()
    if fstat(fd, &info) != 0 {
      let code = errno
      close(fd)
      throw .system(code, "fstat")
    }
    descriptor = fd
    sizeWhenOpened = Int64(info.st_size)
    size = min(sizeWhenOpened, limit ?? .max)
    #if os(Linux)
      _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
    #endif
    if useMapping && size > 0 {
      // A page past the end of a file truncated while it is mapped would raise SIGBUS: the
      // guard turns it into zeros that the worker notices (``mappingFaults``).
      _ = piiscan_install_mapping_guard()
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

  /// Whether the file is read through a memory map.
  public var isMapped: Bool { mapping != nil }

  /// Pages of truncated mappings the calling thread has touched (see
  /// `piiscan_install_mapping_guard`): a chunk read while this grew read zeros, not the file.
  public static var mappingFaults: UInt { UInt(piiscan_mapping_faults()) }

  /// The file's size now (it may have changed since it was opened), or nil if it cannot be told.
  public func currentSize() -> Int64? {
    var info = stat()
    return fstat(descriptor, &info) == 0 ? Int64(info.st_size) : nil
  }

  /// The first `count` bytes of the file (fewer when it is shorter).
  public func prefix(_ count: Int) throws(InputError) -> (
    bytes: UnsafeRawBufferPointer, owner: ReadBuffer
  ) {
    let wanted = Int(min(size, Int64(count)))
    let buffer = ReadBuffer(capacity: max(wanted, 1))
    let got = wanted > 0 ? try read(into: buffer, offset: 0, from: 0, count: wanted) : 0
    return (UnsafeRawBufferPointer(rebasing: buffer.storage[0..<got]), buffer)
  }

  /// The profile of the file, from its first ``InputProfile/sniffLength`` bytes.
  public func profile() throws(InputError) -> InputProfile {
    let count = Int(min(size, Int64(InputProfile.sniffLength)))
    guard count > 0 else { return .unstructured }
    if let mapping {
      return InputProfile.sniff(UnsafeRawBufferPointer(rebasing: mapping[0..<count]))
    }
    let buffer = ReadBuffer(capacity: count)
    let got = try read(into: buffer, offset: 0, from: 0, count: count)
    return InputProfile.sniff(UnsafeRawBufferPointer(rebasing: buffer.storage[0..<got]))
  }

  /// Adds the SQL statements that start in `[from, to)` to `schema`, reading in blocks.
  public func scanSQL(into schema: inout SQLSchema, from: Int64, to: Int64) throws(InputError) {
    let block = 8 << 20
    let head = 64 << 10  // a statement's head (name, column list) is read whole
    let buffer = ReadBuffer(capacity: block + head)
    var position = from
    while position < min(to, size) {
      let count = try read(
        into: buffer, offset: 0, from: position,
        count: Int(min(Int64(block + head), size - position)))
      guard count > 0 else { return }  // the file shrank: the chunks will say so
      let owned = Int(min(Int64(block), min(to, size) - position))
      schema.scan(
        UnsafeRawBufferPointer(rebasing: buffer.storage[0..<count]), base: position,
        startsBefore: owned)
      position += Int64(owned)
    }
  }

  /// The view of chunk `index` under `layout`, reading into `buffer` unless the file is mapped.
  /// Throws when the file shrank before the chunk's end (see ``chunkReadingWhatIsThere``).
  public func chunk(
    _ index: Int, layout: ChunkLayout, buffer: ReadBuffer, encoding: EncodingReport? = nil
  ) throws(InputError) -> ChunkView {
    let (view, shrank) = try chunkReadingWhatIsThere(
      index, layout: layout, buffer: buffer, encoding: encoding)
    if let shrank { throw shrank }
    return view
  }

  /// The view of chunk `index`, and, when the file turned out shorter than it was when opened
  /// (truncated while it is scanned), the error saying where reading stopped: the view then
  /// holds what the file still has of the chunk, cut as if the file ended there, so nothing
  /// still readable is lost. A read error other than the end of the file is thrown.
  public func chunkReadingWhatIsThere(
    _ index: Int, layout: ChunkLayout, buffer: ReadBuffer, encoding: EncodingReport? = nil
  ) throws(InputError) -> (view: ChunkView, shrank: InputError?) {
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
      let view = ChunkView(
        bytes: window, base: lower, ownStart: Int(start - lower), ownEnd: Int(end - lower),
        reachesEndOfInput: upper == size)
      return (view, nil)
    }

    // The file's end as far as reading has found it: its size when opened, unless a read
    // came up short.
    var end = size
    // Read what usually suffices: the chunk, its context, and a little more to find the next
    // line start. Read further only when the next cut needs it (a long line).
    let lower = min(max(0, nominal - 1 - overlap), end)
    let probe = Int64(min(layout.chunkSize, 64 << 10))
    var upper = min(end, nextNominal + overlap + probe)
    upper = lower + Int64(try read(into: buffer, offset: 0, from: lower, count: Int(upper - lower)))
    if upper < min(size, nextNominal + overlap + probe) { end = upper }
    var window = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<Int(upper - lower)])
    let start = min(
      layout.cut(
        nominal: nominal, inputSize: end, window: window, windowBase: lower, encoding: encoding),
      end)
    var cutEnd = end
    if nextNominal < end {
      let deciding = layout.decidingRange(nominal: nextNominal, inputSize: end)
      if deciding.upperBound > upper {
        // A newline in what is already here settles the cut; otherwise read the rest of the
        // deciding range (a line longer than the probe).
        let from = Int(nextNominal - 1 - lower)
        let found = memchr(window.baseAddress! + from, 0x0A, window.count - from) != nil
        if !found {
          let wanted = min(end, deciding.upperBound + overlap)
          let got = try read(
            into: buffer, offset: Int(upper - lower), from: upper, count: Int(wanted - upper))
          if upper + Int64(got) < wanted { end = upper + Int64(got) }
          upper += Int64(got)
          window = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<Int(upper - lower)])
        }
      }
      if nextNominal < end {
        cutEnd = layout.cut(
          nominal: nextNominal, inputSize: end, window: window, windowBase: lower,
          encoding: encoding)
        let needed = min(end, cutEnd + overlap)
        if needed > upper {
          let got = try read(
            into: buffer, offset: Int(upper - lower), from: upper, count: Int(needed - upper))
          if upper + Int64(got) < needed { end = upper + Int64(got) }
          upper += Int64(got)
          window = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<Int(upper - lower)])
        }
      } else {
        cutEnd = end
      }
    }
    cutEnd = min(cutEnd, end)
    let view = ChunkView(
      bytes: window, base: lower, ownStart: Int(start - lower),
      ownEnd: Int(max(start, cutEnd) - lower), reachesEndOfInput: upper == end)
    guard end < size else { return (view, nil) }
    return (
      view,
      InputError(
        "the file shrank while it was being scanned: reading stopped at byte \(end) of the "
          + "\(size) it had")
    )
  }

  /// Reads `count` bytes at `position` into `buffer` at `offset`; fewer only where the file
  /// ends (it shrank since it was opened). A read error is thrown with where it happened.
  private func read(into buffer: ReadBuffer, offset: Int, from position: Int64, count: Int)
    throws(InputError) -> Int
  {
    precondition(offset + count <= buffer.capacity, "read buffer too small")
    var done = 0
    while done < count {
      let n = pread(
        descriptor, buffer.storage.baseAddress! + offset + done, count - done,
        off_t(position + Int64(done)))
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(
          "reading stopped at byte \(position + Int64(done)) of \(size): "
            + systemErrorText(errno), code: errno)
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

}
