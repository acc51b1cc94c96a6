/// SipHash-2-4 with a 128-bit output (Aumasson and Bernstein, "SipHash: a fast short-input
/// PRF", 2012, and the 128-bit variant its authors specify): a keyed hash, fast on short
/// inputs, used for fingerprints (``FindingFingerprint``).
///
/// Written here from the published description; the test suite checks it against the
/// reference vectors of that description.
struct SipHash128 {
  private var v0: UInt64
  private var v1: UInt64
  private var v2: UInt64
  private var v3: UInt64
  private var tail: UInt64 = 0
  private var tailCount = 0
  private var length = 0

  /// A hasher keyed by `k0` (key bytes 0–7, little-endian) and `k1` (bytes 8–15).
  init(k0: UInt64, k1: UInt64) {
    v0 = k0 ^ 0x736f_6d65_7073_6575
    v1 = k1 ^ 0x646f_7261_6e64_6f6d ^ 0xEE
    v2 = k0 ^ 0x6c79_6765_6e65_7261
    v3 = k1 ^ 0x7465_6462_7974_6573
  }

  private mutating func round() {
    v0 &+= v1
    v1 = v1.rotatedLeft(13)
    v1 ^= v0
    v0 = v0.rotatedLeft(32)
    v2 &+= v3
    v3 = v3.rotatedLeft(16)
    v3 ^= v2
    v0 &+= v3
    v3 = v3.rotatedLeft(21)
    v3 ^= v0
    v2 &+= v1
    v1 = v1.rotatedLeft(17)
    v1 ^= v2
    v2 = v2.rotatedLeft(32)
  }

  private mutating func compress(_ m: UInt64) {
    v3 ^= m
    round()
    round()
    v0 ^= m
  }

  mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    for byte in bytes { combine(byte) }
  }

  mutating func combine(_ byte: UInt8) {
    tail |= UInt64(byte) << (8 * UInt64(tailCount))
    tailCount += 1
    length += 1
    if tailCount == 8 {
      compress(tail)
      tail = 0
      tailCount = 0
    }
  }

  mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
  }

  /// The 128-bit hash: (first 8 bytes, last 8 bytes) as little-endian words.
  mutating func finalize() -> (UInt64, UInt64) {
    compress(tail | UInt64(truncatingIfNeeded: length) << 56)
    v2 ^= 0xEE
    for _ in 0..<4 { round() }
    let first = v0 ^ v1 ^ v2 ^ v3
    v1 ^= 0xDD
    for _ in 0..<4 { round() }
    let second = v0 ^ v1 ^ v2 ^ v3
    return (first, second)
  }
}

extension UInt64 {
  @inline(__always) fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
    (self << count) | (self >> (64 - count))
  }
}
