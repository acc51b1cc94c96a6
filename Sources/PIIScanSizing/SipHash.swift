/// SipHash-2-4, written here from the algorithm's published description (Aumasson and
/// Bernstein, "SipHash: a fast short-input PRF"), with both of its output widths.
///
/// Why SipHash: the keys of hashed values (e-mails, names, addresses, record contents) decide
/// which values count as the same, so the hash must be stable across platforms and versions
/// (it is fixed by a published specification, with little-endian words whatever the machine)
/// and hard to steer: a dump crafted so that different values collide would lower the
/// counts. Hash functions built only for speed (MurmurHash3, CityHash) have published
/// seed-independent collisions; SipHash has none known. Its cost on short inputs (about
/// 20 ns for a 20-byte e-mail address) is small next to scanning.
///
/// The key is fixed (``SipHash/sizingKey``) and is part of the state format: changing it
/// changes every hashed key, so it may only change with the format version
/// (docs/STATE-FORMAT.md).
///
/// - Note: a value type with no shared state; safe to use from any thread.
struct SipHash {
  /// The two 64-bit halves of the fixed key: the ASCII bytes `piiscan-sizing-1`, read as
  /// little-endian words.
  static let sizingKey: (UInt64, UInt64) = (0x2D6E_6163_7369_6970, 0x312D_676E_697A_6973)

  private var v0: UInt64
  private var v1: UInt64
  private var v2: UInt64
  private var v3: UInt64
  /// Bytes not yet compressed (fewer than 8), in the low bytes, little-endian.
  private var tail: UInt64 = 0
  private var tailCount = 0
  /// Total bytes absorbed (only its low byte enters the final block).
  private var length = 0

  /// Starts a hash whose output will be `wide` (128 bits) or narrow (64 bits); the two widths
  /// start differently, so a 64-bit result is not half of a 128-bit one.
  init(key: (UInt64, UInt64) = SipHash.sizingKey, wide: Bool) {
    v0 = key.0 ^ 0x736F_6D65_7073_6575
    v1 = key.1 ^ 0x646F_7261_6E64_6F6D
    v2 = key.0 ^ 0x6C79_6765_6E65_7261
    v3 = key.1 ^ 0x7465_6462_7974_6573
    if wide { v1 ^= 0xEE }
  }

  @inline(__always)
  private static func rotate(_ x: UInt64, _ by: UInt64) -> UInt64 {
    (x << by) | (x >> (64 - by))
  }

  @inline(__always)
  private mutating func round() {
    v0 &+= v1
    v1 = Self.rotate(v1, 13)
    v1 ^= v0
    v0 = Self.rotate(v0, 32)
    v2 &+= v3
    v3 = Self.rotate(v3, 16)
    v3 ^= v2
    v0 &+= v3
    v3 = Self.rotate(v3, 21)
    v3 ^= v0
    v2 &+= v1
    v1 = Self.rotate(v1, 17)
    v1 ^= v2
    v2 = Self.rotate(v2, 32)
  }

  @inline(__always)
  private mutating func compress(_ word: UInt64) {
    v3 ^= word
    round()
    round()
    v0 ^= word
  }

  /// Absorbs one byte.
  @inline(__always)
  mutating func combine(_ byte: UInt8) {
    tail |= UInt64(byte) << UInt64(tailCount * 8)
    tailCount += 1
    length += 1
    if tailCount == 8 {
      compress(tail)
      tail = 0
      tailCount = 0
    }
  }

  /// Absorbs a 64-bit integer as its 8 little-endian bytes.
  mutating func combine(_ word: UInt64) {
    if tailCount == 0 {
      compress(word)
      length += 8
    } else {
      for shift in stride(from: 0, to: 64, by: 8) {
        combine(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
  }

  /// Absorbs bytes in order.
  mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    var index = 0
    let count = bytes.count
    // Fill a partial word first, then whole words straight from memory.
    while tailCount != 0 && index < count {
      combine(bytes[index])
      index += 1
    }
    while count - index >= 8 {
      compress(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
      index += 8
      length += 8
    }
    while index < count {
      combine(bytes[index])
      index += 1
    }
  }

  /// The last block: the remaining bytes and the length's low byte in the top byte.
  private mutating func finishBlocks() {
    compress(tail | (UInt64(UInt8(truncatingIfNeeded: length)) << 56))
  }

  /// Ends a hash started with `wide: false`.
  consuming func finish64() -> UInt64 {
    finishBlocks()
    v2 ^= 0xFF
    for _ in 0..<4 { round() }
    return v0 ^ v1 ^ v2 ^ v3
  }

  /// Ends a hash started with `wide: true`: the first and second 64-bit output words (the
  /// first is the first eight output bytes, little-endian).
  consuming func finish128() -> (UInt64, UInt64) {
    finishBlocks()
    v2 ^= 0xEE
    for _ in 0..<4 { round() }
    let first = v0 ^ v1 ^ v2 ^ v3
    v1 ^= 0xDD
    for _ in 0..<4 { round() }
    return (first, v0 ^ v1 ^ v2 ^ v3)
  }
}
