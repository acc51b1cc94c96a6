import Testing

@testable import PIIScanSizing

/// SipHash-2-4 against the test vectors published with the algorithm's reference
/// implementation: key 00 01 … 0f, message 00 01 … (n − 1) for n bytes, output as bytes.
@Suite struct SipHashTests {
  static let key: (UInt64, UInt64) = (0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908)

  static let vectors64: [Int: String] = [
    0: "310e0edd47db6f72", 1: "fd67dc93c539f874", 2: "5a4fa9d909806c0d", 3: "2d7efbd796666785",
    4: "b7877127e09427cf", 5: "8da699cd64557618", 6: "cee3fe586e46c9cb", 7: "37d1018bf50002ab",
    8: "6224939a79f5f593", 15: "e545be4961ca29a1", 16: "db9bc2577fcc2a3f", 63: "724506eb4c328a95",
  ]

  static let vectors128: [Int: String] = [
    0: "a3817f04ba25a8e66df67214c7550293", 1: "da87c1d86b99af44347659119b22fc45",
    2: "8177228da4a45dc7fca38bdef60affe4", 3: "9c70b60c5267a94e5f33b6b02985ed51",
    4: "f88164c12d9c8faf7d0f6e7c7bcd5579", 5: "1368875980776f8854527a07690e9627",
    6: "14eeca338b208613485ea0308fd7a15e", 7: "a1f1ebbed8dbc153c0b84aa61ff08239",
    8: "3b62a9ba6258f5610f83e264f31497b4", 9: "264499060ad9baabc47f8b02bb6d71ed",
    10: "00110dc378146956c95447d3f3d0fbba", 11: "0151c568386b6677a2b4dc6f81e5dc18",
    12: "d626b266905ef35882634df68532c125", 13: "9869e247e9c08b10d029934fc4b952f7",
    14: "31fcefac66d7de9c7ec7485fe4494902", 15: "5493e99933b0a8117e08ec0f97cfc3d9",
    16: "6ee2a4ca67b054bbfd3315bf85230577", 17: "473d06e8738db89854c066c47ae47740",
    31: "2939b0183223fafc1723de4f52c43d35", 32: "7c3956ca5eeafc3e363e9d556546eb68",
    63: "5150d1772f50834a503e069a973fbd7c",
  ]

  /// The little-endian bytes of `words`, as hexadecimal.
  static func hex(_ words: UInt64...) -> String {
    words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } }
      .map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }
      .joined()
  }

  static func message(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0) } }

  @Test(arguments: vectors64.keys.sorted())
  func sixtyFourBitVector(length: Int) {
    var hasher = SipHash(key: Self.key, wide: false)
    Self.message(length).withUnsafeBytes { hasher.combine($0) }
    #expect(Self.hex(hasher.finish64()) == Self.vectors64[length])
  }

  @Test(arguments: vectors128.keys.sorted())
  func hundredTwentyEightBitVector(length: Int) {
    var hasher = SipHash(key: Self.key, wide: true)
    Self.message(length).withUnsafeBytes { hasher.combine($0) }
    let (first, second) = hasher.finish128()
    #expect(Self.hex(first, second) == Self.vectors128[length])
  }

  /// Bytes given in pieces (one at a time, in words, in any split) hash as bytes given at once.
  @Test func piecesHashLikeTheWhole() {
    let bytes = Self.message(63)
    for split in [1, 3, 7, 8, 9, 16, 40] {
      var hasher = SipHash(key: Self.key, wide: true)
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + split)
        bytes[start..<end].withUnsafeBytes { hasher.combine($0) }
        start = end
      }
      let (first, second) = hasher.finish128()
      #expect(Self.hex(first, second) == Self.vectors128[63], "split \(split)")
    }
    var single = SipHash(key: Self.key, wide: false)
    for byte in Self.message(16) { single.combine(byte) }
    #expect(Self.hex(single.finish64()) == Self.vectors64[16])
    // A word given as an integer is its eight little-endian bytes, aligned or not.
    var words = SipHash(key: Self.key, wide: false)
    words.combine(UInt8(0))
    words.combine(UInt64(0x0807_0605_0403_0201))
    for byte in 9..<16 { words.combine(UInt8(byte)) }
    #expect(Self.hex(words.finish64()) == Self.vectors64[16])
  }

  /// The module's key is the documented ASCII text.
  @Test func sizingKeyIsItsText() {
    #expect(
      Self.hex(SipHash.sizingKey.0, SipHash.sizingKey.1) == Self.hex(ascii: "piiscan-sizing-1"))
  }

  static func hex(ascii: String) -> String {
    ascii.utf8.map { byte in String(byte, radix: 16) }.joined()
  }
}
