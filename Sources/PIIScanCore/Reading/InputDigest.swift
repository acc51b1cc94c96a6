import Crypto
import PIIScanArchive

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The SHA-256 of an input's bytes as stored (after decompression for an archive member),
/// computed as the scan goes by them: the evidence hash the sizing report lists.
struct InputDigest {
  private var hasher = SHA256()
  private(set) var bytes: Int64 = 0

  mutating func update(_ data: UnsafeRawBufferPointer) {
    guard !data.isEmpty else { return }
    hasher.update(bufferPointer: data)
    bytes += Int64(data.count)
  }

  /// The hash, in lower-case hex.
  func hex() -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in hasher.finalize() {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The hash of a whole regular file, read front to back at explicit offsets (a container,
  /// whose reader seeks about in it, is hashed this way once it has been read).
  static func ofFile(descriptor: Int32, size: Int64) throws(InputError) -> InputDigest {
    var digest = InputDigest()
    let block = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
    defer { buffer.deallocate() }
    var position: Int64 = 0
    while position < size {
      let n = pread(
        descriptor, buffer.baseAddress!, Int(min(Int64(block), size - position)), off_t(position))
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(
          "reading stopped at byte \(position) of \(size): " + systemErrorText(errno), code: errno)
      }
      if n == 0 { break }
      digest.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      position += Int64(n)
    }
    return digest
  }
}

/// A source that hashes what is read through it, for inputs read front to back whose bytes
/// no chunk holds (a compressed stream on standard input, an archive inside an archive).
final class HashingSource: ArchiveSource {
  private let base: any ArchiveSource
  private(set) var digest = InputDigest()

  init(_ base: any ArchiveSource) { self.base = base }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = try base.read(into: buffer)
    digest.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    return count
  }

  /// Reads to the end (what a reader stopped before: trailing bytes, an index not needed), so
  /// the hash is of the whole input.
  func drain() {
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while let count = try? block.withUnsafeMutableBytes({ try read(into: $0) }), count > 0 {}
  }
}
