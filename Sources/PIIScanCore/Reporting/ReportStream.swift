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

  // Byte-level appends for the reporters' hot loops: no intermediate Strings.

  /// Appends raw bytes; call ``endRecord()`` after each record.
  @inline(__always) func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

  @inline(__always) func append(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
  }

  @inline(__always) func append(byte: UInt8) { buffer.append(byte) }

  /// Appends a decimal integer.
  func append(integer value: Int64) {
    if value < 0 {
      buffer.append(0x2D)
      append(integer: -value)
      return
    }
    if value < 10 {
      buffer.append(0x30 + UInt8(value))
      return
    }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      )
    var count = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { raw in
      while v > 0 {
        raw[count] = 0x30 + UInt8(v % 10)
        v /= 10
        count += 1
      }
      for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[i]) }
    }
  }

  /// Appends `text` as a JSON string literal (see ``JSONText``).
  func append(jsonString text: String) { JSONText.appendQuoted(text, to: &buffer) }

  /// Appends UTF-8 `bytes` as a JSON string literal.
  func append(jsonString bytes: UnsafeRawBufferPointer) {
    JSONText.appendQuoted(bytes, to: &buffer)
  }

  /// Appends `text` as one CSV field (RFC 4180: quoted when it holds a comma, a quote or a line
  /// break).
  func append(csvField bytes: UnsafeRawBufferPointer) {
    if !bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
      buffer.append(contentsOf: bytes)
      return
    }
    // Copied in runs up to each quote, which is then written twice: the details column (JSON,
    // full of quotes and commas) takes this path on every record.
    buffer.append(0x22)
    var start = 0
    for index in 0..<bytes.count where bytes[index] == 0x22 {
      buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start...index]))
      start = index
    }
    buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start...]))
    buffer.append(0x22)
  }

  func append(csvField text: String) {
    var text = text
    text.withUTF8 { append(csvField: UnsafeRawBufferPointer($0)) }
  }

  /// Ends a record: flushes when the buffer is full.
  @inline(__always) func endRecord() {
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
