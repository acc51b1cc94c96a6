#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered writer to a file descriptor that notices a closed pipe.
///
/// When the reader of a pipe goes away (`piiscan scan … | head`), writes fail with `EPIPE`;
/// the stream then drops further output and reports ``isBroken`` so the run can end quietly.
public final class ReportStream {
  public let descriptor: Int32
  private var buffer: [UInt8] = []
  private let flushThreshold = 1 << 16
  /// Set once the reader has gone away.
  public private(set) var isBroken = false
  /// The first write error other than a broken pipe.
  public private(set) var error: InputError?

  public init(descriptor: Int32) {
    self.descriptor = descriptor
    buffer.reserveCapacity(flushThreshold * 2)
  }

  public func write(_ text: String) {
    guard !isBroken else { return }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= flushThreshold { flush() }
  }

  public func write(bytes: some Sequence<UInt8>) {
    guard !isBroken else { return }
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { flush() }
  }

  public func flush() {
    guard !isBroken, !buffer.isEmpty else {
      buffer.removeAll(keepingCapacity: true)
      return
    }
    var written = 0
    buffer.withUnsafeBytes { raw in
      while written < raw.count {
        let n = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          if errno == EPIPE {
            isBroken = true
          } else if error == nil {
            error = .system(errno, "write")
            isBroken = true
          }
          return
        }
        written += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { flush() }
}
