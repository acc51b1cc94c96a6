import Glibc

/// The GB18030 → Unicode mapping, built once per process from the C library's iconv.
///
/// - Two-byte codes (lead `81`–`FE`, trail `40`–`7E` or `80`–`FE`) are looked up in a table of
///   `126 × 191` entries (the unused trail `7F` keeps a zero slot so the index needs no branch).
///   Each entry holds the character already encoded as UTF-8, its bytes packed little-endian in
///   a `UInt32`, or 0 when iconv maps the code to nothing.
/// - Four-byte codes in the BMP part (`81 30 81 30` … `84 31 A4 39`, 39,420 codes) are looked up
///   by their linear index in a table of scalar values (0: unmapped).
/// - Four-byte codes from `90 30 81 30` on are the supplementary planes, computed directly:
///   U+10000 plus the linear index from `90 30 81 30`, up to U+10FFFF (`E3 32 9A 35`).
///
/// Building takes about 2 ms (two batched iconv calls, measured with glibc 2.36; one call per
/// code would take 18 ms). The mapping is the C library's: with glibc 2.36, `A2E3` is €, `FE51`
/// is U+20087, and 18 four-byte BMP codes (whose characters have two-byte codes) are unmapped.
/// A C library that follows GB18030-2022 maps a few rare characters (former private-use code
/// points) differently; ASCII, digits and the GBK Hanzi never change.
// SAFETY: the tables are written once in `build()` before the value is published through a
// global `let` (initialised under swift_once) and are never written or freed afterwards, so
// sharing the pointers between threads is safe.
struct GB18030Table: @unchecked Sendable {
  /// Trail bytes per lead in ``twoByte``: `40`…`FE`.
  static let trailSpan = 191
  /// Four-byte codes that map into the BMP (`81 30 81 30` … `84 31 A4 39`).
  static let fourByteBMPCount = 39_420

  /// Packed UTF-8 per two-byte code, indexed by `(lead - 0x81) * 191 + (trail - 0x40)`.
  let twoByte: UnsafePointer<UInt32>
  /// Scalar value per four-byte BMP code, indexed by its linear index; 0 when unmapped.
  let fourByteBMP: UnsafePointer<UInt16>

  /// A table with every code unmapped, for fast paths when ``shared`` is `nil`.
  static let unmapped: GB18030Table = {
    let twoByte = UnsafeMutablePointer<UInt32>.allocate(capacity: 126 * trailSpan)
    twoByte.initialize(repeating: 0, count: 126 * trailSpan)
    let fourByte = UnsafeMutablePointer<UInt16>.allocate(capacity: fourByteBMPCount)
    fourByte.initialize(repeating: 0, count: fourByteBMPCount)
    return GB18030Table(twoByte: twoByte, fourByteBMP: fourByte)
  }()

  /// The process-wide table, or `nil` when iconv cannot convert from GB18030 on this system (a C
  /// library without the gconv module). Then GB18030 input decodes with every non-ASCII
  /// character replaced and counted as invalid, and ``Transcoder/isGB18030Available`` is false.
  static let shared: GB18030Table? = build()

  private static func build() -> GB18030Table? {
    var twoByteCodes: [UInt8] = []
    twoByteCodes.reserveCapacity(126 * 190 * 2)
    var twoByteSlots: [Int] = []
    for lead in 0x81...0xFE {
      for trail in 0x40...0xFE where trail != 0x7F {
        twoByteCodes += [UInt8(lead), UInt8(trail)]
        twoByteSlots.append((lead - 0x81) * trailSpan + (trail - 0x40))
      }
    }
    var fourByteCodes: [UInt8] = []
    fourByteCodes.reserveCapacity(fourByteBMPCount * 4)
    for linear in 0..<fourByteBMPCount {
      fourByteCodes += [
        UInt8(0x81 + linear / 12_600), UInt8(0x30 + linear / 1_260 % 10),
        UInt8(0x81 + linear / 10 % 126), UInt8(0x30 + linear % 10),
      ]
    }
    guard let twoByteUTF8 = convertEach(twoByteCodes, width: 2),
      let fourByteUTF8 = convertEach(fourByteCodes, width: 4)
    else { return nil }

    let twoByte = UnsafeMutablePointer<UInt32>.allocate(capacity: 126 * trailSpan)
    twoByte.initialize(repeating: 0, count: 126 * trailSpan)
    for (index, slot) in twoByteSlots.enumerated() { twoByte[slot] = twoByteUTF8[index] }
    let fourByte = UnsafeMutablePointer<UInt16>.allocate(capacity: fourByteBMPCount)
    for (index, packed) in fourByteUTF8.enumerated() {
      let scalar = UTF8Packing.scalar(packed)
      // A BMP code that iconv maps outside the BMP would not fit; treat it as unmapped.
      fourByte[index] = scalar <= 0xFFFF ? UInt16(scalar) : 0
    }
    return GB18030Table(twoByte: twoByte, fourByteBMP: fourByte)
  }

  /// Converts `codes` (consecutive GB18030 codes of `width` bytes each) with iconv and returns
  /// each code's character as packed UTF-8 (0 where iconv rejects the code), or `nil` when iconv
  /// is unavailable or does not produce exactly one character per code.
  ///
  /// The conversion is batched: one iconv call runs until a rejected code, which is skipped.
  static func convertEach(_ codes: [UInt8], width: Int) -> [UInt32]? {
    let descriptor = iconv_open("UTF-8", "GB18030")
    guard descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    let codeCount = codes.count / width
    var result = [UInt32](repeating: 0, count: codeCount)
    var output = [UInt8](repeating: 0, count: codeCount * 4 + 16)
    var input = codes
    let consistent = input.withUnsafeMutableBytes { inputBytes in
      output.withUnsafeMutableBytes { outputBytes in
        guard let inputBase = inputBytes.baseAddress, let outputBase = outputBytes.baseAddress
        else { return false }
        var next = 0  // the index of the next code to convert
        while next < codeCount {
          var inPointer: UnsafeMutablePointer<CChar>? =
            (inputBase + next * width).assumingMemoryBound(to: CChar.self)
          var inLeft = (codeCount - next) * width
          var outPointer: UnsafeMutablePointer<CChar>? = outputBase.assumingMemoryBound(
            to: CChar.self)
          var outLeft = outputBytes.count
          let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
          let failed = status == -1
          let error = errno
          let converted = (codeCount - next) - inLeft / width
          guard inLeft % width == 0 else { return false }
          // Split the output into characters: there must be one per converted code.
          var offset = 0
          let produced = outputBytes.count - outLeft
          for index in next..<(next + converted) {
            guard offset < produced else { return false }
            let length = UTF8Packing.sequenceLength(lead: outputBytes[offset])
            guard length > 0, offset + length <= produced else { return false }
            var packed: UInt32 = 0
            for byte in 0..<length {
              packed |= UInt32(outputBytes[offset + byte]) << (8 * byte)
            }
            result[index] = packed
            offset += length
          }
          guard offset == produced else { return false }
          next += converted
          if failed {
            guard error == EILSEQ || error == EINVAL else { return false }
            next += 1  // leave the rejected code at 0
          }
          iconv(descriptor, nil, nil, nil, nil)
        }
        return true
      }
    }
    return consistent ? result : nil
  }
}

/// UTF-8 sequences packed into a `UInt32`, first byte in the low byte.
enum UTF8Packing {
  /// The replacement character U+FFFD, `EF BF BD`.
  static let replacement: UInt32 = 0x00BD_BFEF

  /// The number of bytes in a packed sequence (1…4); a packed value is never 0 except for NUL,
  /// which the decoders write themselves.
  @inline(__always)
  static func length(_ packed: UInt32) -> Int {
    (39 &- packed.leadingZeroBitCount) &>> 3
  }

  /// Packs a scalar value as UTF-8.
  @inline(__always)
  static func pack(_ scalar: UInt32) -> UInt32 {
    if scalar < 0x80 { return scalar }
    if scalar < 0x800 {
      return (0xC0 | scalar &>> 6) | (0x80 | scalar & 0x3F) &<< 8
    }
    if scalar < 0x1_0000 {
      return (0xE0 | scalar &>> 12) | (0x80 | scalar &>> 6 & 0x3F) &<< 8
        | (0x80 | scalar & 0x3F) &<< 16
    }
    return (0xF0 | scalar &>> 18) | (0x80 | scalar &>> 12 & 0x3F) &<< 8
      | (0x80 | scalar &>> 6 & 0x3F) &<< 16 | (0x80 | scalar & 0x3F) &<< 24
  }

  /// The scalar value of a packed, well-formed sequence.
  static func scalar(_ packed: UInt32) -> UInt32 {
    switch length(packed) {
    case 1: return packed
    case 2: return (packed & 0x1F) << 6 | (packed >> 8 & 0x3F)
    case 3: return (packed & 0x0F) << 12 | (packed >> 8 & 0x3F) << 6 | (packed >> 16 & 0x3F)
    default:
      return (packed & 0x07) << 18 | (packed >> 8 & 0x3F) << 12 | (packed >> 16 & 0x3F) << 6
        | (packed >> 24 & 0x3F)
    }
  }

  /// The length of the sequence a lead byte starts, or 0 for a byte that cannot start one.
  static func sequenceLength(lead: UInt8) -> Int {
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return 2
    case 0xE0...0xEF: return 3
    case 0xF0...0xF4: return 4
    default: return 0
    }
  }
}
