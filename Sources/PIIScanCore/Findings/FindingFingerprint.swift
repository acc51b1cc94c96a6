/// A finding's fingerprint: a stable id that a later scan of the same evidence gives the same
/// finding, so that a baseline can accept it and a dashboard can track it.
///
/// What goes in (docs/ARCHITECTURE.md, "Fingerprints"): the rule's id, the input's path as
/// given (a leading `./` dropped) and archive member, and the normalised value. What stays out:
/// the line, column and offset, so that edits elsewhere in a file do not change it; threads,
/// chunk size, masking and the order of inputs, which change nothing of the above. The same
/// value twice in one file has one fingerprint: accepting a value accepts it wherever it stands
/// in that file.
///
/// It is SipHash-2-4-128 of those fields under a key; hex, 32 characters. With the built-in key
/// anyone can check a guessed value against a fingerprint, so reports that leave the
/// organisation should be made with a key of its own (see README.md).
public struct FindingFingerprint: Sendable {
  private let k0: UInt64
  private let k1: UInt64

  /// The built-in key: the 16 bytes of "piiscan-fp-v1" padded with zeros.
  public static let standard = FindingFingerprint(key: Array("piiscan-fp-v1".utf8))

  /// A key of up to 16 bytes (padded with zeros), read as two little-endian words.
  init(key: [UInt8]) {
    var words: [UInt64] = [0, 0]
    for (index, byte) in key.prefix(16).enumerated() {
      words[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
    }
    k0 = words[0]
    k1 = words[1]
  }

  /// A key derived from a secret phrase (the first 16 bytes of its SipHash under the built-in
  /// key), for organisations that keep their fingerprints unguessable.
  public init(secret: String) {
    var hasher = SipHash128(k0: Self.standard.k0, k1: Self.standard.k1)
    hasher.combine(secret)
    (k0, k1) = hasher.finalize()
  }

  /// The fingerprint of `finding` in `input`.
  public func of(_ finding: Finding, in input: ScanInput) -> String {
    var hasher = SipHash128(k0: k0, k1: k1)
    hasher.combine(finding.rule.id)
    hasher.combine(0)
    var path = input.displayPath
    if path.hasPrefix("./") { path.removeFirst(2) }
    hasher.combine(path)
    hasher.combine(0)
    hasher.combine(input.member ?? "")
    hasher.combine(0)
    finding.value.withBytes { hasher.combine($0) }
    let (a, b) = hasher.finalize()
    return Self.hex(a, b)
  }

  /// The 32 lower-case hex digits of `a` then `b`, each word least significant byte first;
  /// written straight into the string's storage (every report line carries one).
  private static func hex(_ a: UInt64, _ b: UInt64) -> String {
    String(unsafeUninitializedCapacity: 32) { buffer in
      for half in 0..<2 {
        let word = half == 0 ? a : b
        for i in 0..<8 {
          let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i)))
          buffer[16 * half + 2 * i] = hexDigit(byte >> 4)
          buffer[16 * half + 2 * i + 1] = hexDigit(byte & 15)
        }
      }
      return 32
    }
  }

  @inline(__always)
  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? 0x30 + nibble : 0x57 + nibble
  }
}
