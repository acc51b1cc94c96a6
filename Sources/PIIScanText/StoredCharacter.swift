/// One character decoded from stored bytes: what the transcoder writes for it and how many
/// stored bytes it covers.
///
/// The transcoder's loops and the offset mapping's re-decoding walk both use these functions, so
/// the two always agree on where characters start and end.
struct StoredCharacter {
  /// The UTF-8 bytes to write, packed little-endian (U+FFFD when invalid).
  var packed: UInt32
  /// The number of UTF-8 bytes in `packed` (1…4; NUL packs as 0 but is one byte).
  var utf8Length: Int
  /// The number of stored bytes the character (or the invalid sequence) covers, at least 1.
  var storedLength: Int
  /// False for an undecodable byte or sequence, written as U+FFFD and counted once.
  var isValid: Bool

  @inline(__always)
  static func valid(scalar: UInt32, storedLength: Int) -> StoredCharacter {
    let utf8Length = scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x1_0000 ? 3 : 4
    return StoredCharacter(
      packed: UTF8Packing.pack(scalar), utf8Length: utf8Length, storedLength: storedLength,
      isValid: true)
  }

  @inline(__always)
  static func invalid(storedLength: Int) -> StoredCharacter {
    StoredCharacter(
      packed: UTF8Packing.replacement, utf8Length: 3, storedLength: storedLength, isValid: false)
  }

  // MARK: GB18030

  /// The GB18030 character that starts at `index` (`index < end`).
  ///
  /// Only a complete, well-formed sequence covers more than one byte: a lead byte whose
  /// following bytes do not form a sequence (or that is cut off by `end`) is one invalid byte,
  /// and decoding resumes with the next byte, so that ASCII after a stray lead byte survives.
  /// A complete four-byte sequence that maps to nothing is one invalid sequence of four bytes.
  @inline(__always)
  static func gb18030(
    _ bytes: UnsafePointer<UInt8>, _ index: Int, _ end: Int, _ table: GB18030Table?
  ) -> StoredCharacter {
    let lead = bytes[index]
    if lead < 0x80 { return valid(scalar: UInt32(lead), storedLength: 1) }
    guard lead != 0x80, lead != 0xFF, index &+ 1 < end else { return invalid(storedLength: 1) }
    let trail = bytes[index &+ 1]
    if trail >= 0x40 && trail != 0x7F && trail != 0xFF {
      guard let table else { return invalid(storedLength: trail < 0x80 ? 1 : 2) }
      let packed = table.twoByte[
        Int(lead &- 0x81) &* GB18030Table.trailSpan &+ Int(trail &- 0x40)]
      if packed != 0 {
        return StoredCharacter(
          packed: packed, utf8Length: UTF8Packing.length(packed), storedLength: 2, isValid: true)
      }
      return invalid(storedLength: trail < 0x80 ? 1 : 2)
    }
    if trail &- 0x30 < 10 { return gb18030FourByte(bytes, index, end, table) }
    return invalid(storedLength: 1)
  }

  /// The four-byte case of ``gb18030(_:_:_:_:)``: `bytes[index]` is a lead byte and
  /// `bytes[index + 1]` a digit.
  @inline(never)
  static func gb18030FourByte(
    _ bytes: UnsafePointer<UInt8>, _ index: Int, _ end: Int, _ table: GB18030Table?
  ) -> StoredCharacter {
    guard index &+ 3 < end else { return invalid(storedLength: 1) }
    let b1 = Int(bytes[index])
    let b2 = Int(bytes[index &+ 1])
    let b3 = Int(bytes[index &+ 2])
    let b4 = Int(bytes[index &+ 3])
    guard (0x81...0xFE).contains(b3), (0x30...0x39).contains(b4) else {
      return invalid(storedLength: 1)
    }
    let low = (b3 - 0x81) * 10 + (b4 - 0x30)
    let bmpLinear = ((b1 - 0x81) * 10 + (b2 - 0x30)) * 1_260 + low
    if bmpLinear < GB18030Table.fourByteBMPCount {
      guard let table else { return invalid(storedLength: 4) }
      let scalar = table.fourByteBMP[bmpLinear]
      return scalar == 0
        ? invalid(storedLength: 4) : valid(scalar: UInt32(scalar), storedLength: 4)
    }
    if b1 >= 0x90 {
      let offset = ((b1 - 0x90) * 10 + (b2 - 0x30)) * 1_260 + low
      if offset <= 0xF_FFFF && table != nil {
        return valid(scalar: UInt32(0x1_0000 + offset), storedLength: 4)
      }
    }
    return invalid(storedLength: 4)
  }

  // MARK: UTF-8

  /// The UTF-8 character that starts at `index` (`index < end`), checked; an ill-formed
  /// sequence is invalid for its maximal subpart (the longest prefix of a well-formed
  /// sequence, at least one byte), as Unicode recommends for U+FFFD substitution.
  ///
  /// `truncated` is true when the sequence is ill-formed only because `end` cut it.
  @inline(__always)
  static func utf8(
    _ bytes: UnsafePointer<UInt8>, _ index: Int, _ end: Int
  ) -> (character: StoredCharacter, truncated: Bool) {
    let b0 = bytes[index]
    if b0 < 0x80 { return (valid(scalar: UInt32(b0), storedLength: 1), false) }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xED:
      length = 3
      high = 0x9F
    case 0xE1...0xEF: length = 3
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF4:
      length = 4
      high = 0x8F
    case 0xF1...0xF3: length = 4
    default: return (invalid(storedLength: 1), false)
    }
    var packed = UInt32(b0)
    var taken = 1
    while taken < length {
      guard index &+ taken < end else { return (invalid(storedLength: taken), true) }
      let byte = bytes[index &+ taken]
      let (lo, hi) = taken == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
      guard byte >= lo && byte <= hi else { return (invalid(storedLength: taken), false) }
      packed |= UInt32(byte) &<< (8 &* UInt32(taken))
      taken &+= 1
    }
    return (
      StoredCharacter(packed: packed, utf8Length: length, storedLength: length, isValid: true),
      false
    )
  }

  // MARK: UTF-16

  /// The code unit at `index`.
  @inline(__always)
  static func unit(_ bytes: UnsafePointer<UInt8>, _ index: Int, bigEndian: Bool) -> UInt32 {
    bigEndian
      ? UInt32(bytes[index]) &<< 8 | UInt32(bytes[index &+ 1])
      : UInt32(bytes[index &+ 1]) &<< 8 | UInt32(bytes[index])
  }

  /// The UTF-16 character that starts at `index` (`index < end`).
  ///
  /// `phase` is 1 when the window starts in the middle of a code unit: its first byte is then
  /// one invalid byte. A byte left over at `end` is one invalid byte; an unpaired surrogate is
  /// one invalid code unit.
  @inline(__always)
  static func utf16(
    _ bytes: UnsafePointer<UInt8>, _ index: Int, _ end: Int, bigEndian: Bool, phase: Int
  ) -> StoredCharacter {
    guard index >= phase, index &+ 1 < end else { return invalid(storedLength: 1) }
    let first = unit(bytes, index, bigEndian: bigEndian)
    if first & 0xF800 != 0xD800 { return valid(scalar: first, storedLength: 2) }
    if first < 0xDC00 && index &+ 3 < end {
      let second = unit(bytes, index &+ 2, bigEndian: bigEndian)
      if second & 0xFC00 == 0xDC00 {
        let scalar = 0x1_0000 &+ ((first &- 0xD800) &<< 10 | (second &- 0xDC00))
        return valid(scalar: scalar, storedLength: 4)
      }
    }
    return invalid(storedLength: 2)
  }
}
