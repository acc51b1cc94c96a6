import PIIScanArchive

/// A source that ends after `limit` bytes, for streams that may never end (a device, a pipe fed
/// for ever): `--max-bytes`. Whether more was there is known once it ends (``hitLimit``), so a
/// stream that is exactly `limit` bytes long is not reported as cut.
final class LimitedSource: ArchiveSource {
  private let base: any ArchiveSource
  private let limit: Int64
  private var done: Int64 = 0
  /// Bytes read so far.
  var bytesRead: Int64 { done }
  /// Set when the source had more than `limit` bytes.
  private(set) var hitLimit = false

  init(_ base: any ArchiveSource, limit: Int64) {
    self.base = base
    self.limit = limit
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if done >= limit {
      if !hitLimit {
        var probe: UInt8 = 0
        let more = try withUnsafeMutableBytes(of: &probe) { try base.read(into: $0) }
        hitLimit = more > 0
      }
      return 0
    }
    let room = Int(min(Int64(buffer.count), limit - done))
    let count = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<room]))
    done += Int64(count)
    return count
  }
}
