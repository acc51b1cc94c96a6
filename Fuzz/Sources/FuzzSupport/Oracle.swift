#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Stops the process the way libFuzzer counts as a finding when an oracle fails: the message
/// goes to standard error, then `abort()` raises SIGABRT, and libFuzzer writes the input that
/// did it to a `crash-…` file.
///
/// - Parameters:
///   - condition: What must hold for every input.
///   - message: What went wrong, for the report.
public func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  guard !condition() else { return }
  let text = "ORACLE VIOLATION at \(file):\(line): \(message())\n"
  var bytes = Array(text.utf8)
  _ = write(2, &bytes, bytes.count)
  abort()
}

/// The fuzzer's input as a buffer.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
  UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size)
}

/// A small, stable 64-bit hash (FNV-1a) of `bytes`, to compare outputs without keeping them.
public func fingerprint(_ bytes: some Sequence<UInt8>, into hash: inout UInt64) {
  for byte in bytes {
    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
  }
}

/// The FNV-1a offset basis.
public let fingerprintSeed: UInt64 = 0xCBF2_9CE4_8422_2325

/// Whether `bytes` is well-formed UTF-8.
public func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
  String(validating: bytes, as: UTF8.self) != nil
}
