/// BIFF8 record identifiers used by the reader.
enum BIFF {
  static let bof: UInt16 = 0x0809
  static let eof: UInt16 = 0x000A
  static let filePass: UInt16 = 0x002F
  static let boundSheet: UInt16 = 0x0085
  static let sst: UInt16 = 0x00FC
  static let continueRecord: UInt16 = 0x003C
  static let labelSST: UInt16 = 0x00FD
  static let label: UInt16 = 0x0204
  static let richString: UInt16 = 0x00D6
  static let number: UInt16 = 0x0203
  static let rk: UInt16 = 0x027E
  static let mulRK: UInt16 = 0x00BD
  static let boolErr: UInt16 = 0x0205
  static let formula: UInt16 = 0x0006
  static let string: UInt16 = 0x0207
  static let format: UInt16 = 0x041E
  static let xf: UInt16 = 0x00E0
  static let dateMode: UInt16 = 0x0022
  /// BOF records of BIFF2, BIFF3 and BIFF4, which have other identifiers.
  static let oldBOFs: [UInt16: String] = [0x0009: "BIFF2", 0x0209: "BIFF3", 0x0409: "BIFF4"]

  /// The BIFF8 version number in a BOF record.
  static let version8: UInt16 = 0x0600

  /// Excel's error values by their BIFF code.
  static func errorText(_ code: UInt8) -> String {
    switch code {
    case 0x00: return "#NULL!"
    case 0x07: return "#DIV/0!"
    case 0x0F: return "#VALUE!"
    case 0x17: return "#REF!"
    case 0x1D: return "#NAME?"
    case 0x24: return "#NUM!"
    case 0x2A: return "#N/A"
    case 0x2B: return "#GETTING_DATA"
    default: return "#ERROR!"
    }
  }

  /// The value of an RK number: a 30-bit integer or the high 30 bits of a double, optionally
  /// divided by 100.
  static func rkValue(_ rk: UInt32) -> Double {
    var value: Double
    if rk & 2 != 0 {
      value = Double(Int32(bitPattern: rk) >> 2)
    } else {
      value = Double(bitPattern: UInt64(rk & 0xFFFF_FFFC) << 32)
    }
    if rk & 1 != 0 { value /= 100 }
    return value
  }
}

/// One record of a BIFF stream: its type, the range of its data, and where the next begins.
struct BIFFRecord {
  var type: UInt16
  var data: Range<Int>
  var next: Int
}

/// Reads records from a BIFF stream held in memory.
struct BIFFStream {
  let bytes: UnsafeBufferPointer<UInt8>
  let part: String

  /// The record at `offset`, or nil at the end of the stream.
  func record(at offset: Int) throws -> BIFFRecord? {
    guard offset + 4 <= bytes.count else { return nil }
    let type = u16(offset)
    let length = Int(u16(offset + 2))
    let start = offset + 4
    guard start + length <= bytes.count else {
      throw SpreadsheetError.malformed(
        part: part,
        problem: "record 0x\(hex(type)) at offset \(offset) runs past the end of the stream")
    }
    return BIFFRecord(type: type, data: start..<start + length, next: start + length)
  }

  /// The data of `record` and of the CONTINUE records that follow it.
  func continued(_ record: BIFFRecord) throws -> (segments: [Range<Int>], next: Int) {
    var segments = [record.data]
    var next = record.next
    while let following = try self.record(at: next), following.type == BIFF.continueRecord {
      segments.append(following.data)
      next = following.next
    }
    return (segments, next)
  }

  func u16(_ o: Int) -> UInt16 {
    UInt16(bytes[o]) | UInt16(bytes[o + 1]) << 8
  }

  func u32(_ o: Int) -> UInt32 {
    UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16
      | UInt32(bytes[o + 3]) << 24
  }

  func f64(_ o: Int) -> Double {
    Double(bitPattern: UInt64(u32(o)) | UInt64(u32(o + 4)) << 32)
  }
}

func hex(_ value: UInt16) -> String {
  let s = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

/// Reads across a record and its CONTINUE records. Plain fields continue byte by byte; the
/// characters of a string that are split across records resume after a flags byte that says
/// whether the rest is compressed (one byte per character, the high byte of UTF-16 being 0) or
/// UTF-16LE, as BIFF8 stores CJK text.
struct ContinuedReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let segments: [Range<Int>]
  let part: String
  private var segment = 0
  private var position: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>, segments: [Range<Int>], part: String) {
    self.bytes = bytes
    self.segments = segments
    self.part = part
    position = segments.first?.lowerBound ?? 0
  }

  /// Whether every byte has been read.
  var isAtEnd: Bool {
    if position < segments[segment].upperBound { return false }
    return segments[(segment + 1)...].allSatisfy(\.isEmpty)
  }

  private mutating func nextSegment() throws {
    segment += 1
    guard segment < segments.count else {
      throw SpreadsheetError.malformed(
        part: part, problem: "record data ends in the middle of a value")
    }
    position = segments[segment].lowerBound
  }

  mutating func byte() throws -> UInt8 {
    while position >= segments[segment].upperBound { try nextSegment() }
    let b = bytes[position]
    position += 1
    return b
  }

  mutating func u16() throws -> UInt16 {
    let lo = try byte()
    return UInt16(lo) | UInt16(try byte()) << 8
  }

  mutating func u32() throws -> UInt32 {
    let lo = try u16()
    return UInt32(lo) | UInt32(try u16()) << 16
  }

  mutating func skip(_ count: Int) throws {
    var left = count
    while left > 0 {
      while position >= segments[segment].upperBound { try nextSegment() }
      let take = min(left, segments[segment].upperBound - position)
      position += take
      left -= take
    }
  }

  /// Appends `count` characters as UTF-16 code units.
  mutating func characters(_ count: Int, highByte: Bool, to units: inout [UInt16]) throws {
    var wide = highByte
    var left = count
    while left > 0 {
      if position >= segments[segment].upperBound {
        try nextSegment()
        // A string split across records resumes with a flags byte.
        let flags = try byte()
        wide = flags & 1 != 0
        continue
      }
      let end = segments[segment].upperBound
      if wide {
        let available = (end - position) / 2
        guard available > 0 else {
          throw SpreadsheetError.malformed(
            part: part, problem: "a UTF-16 string is split in the middle of a character")
        }
        let take = min(available, left)
        for k in 0..<take {
          let o = position + 2 * k
          units.append(UInt16(bytes[o]) | UInt16(bytes[o + 1]) << 8)
        }
        position += 2 * take
        left -= take
      } else {
        let take = min(end - position, left)
        for k in 0..<take { units.append(UInt16(bytes[position + k])) }
        position += take
        left -= take
      }
    }
  }

  /// An XLUnicodeString (16-bit length) or ShortXLUnicodeString (8-bit length) as UTF-8,
  /// skipping rich-text runs and phonetic data when the flags announce them.
  mutating func unicodeString(
    shortLength: Bool = false, scratch: inout [UInt16], to out: inout [UInt8]
  ) throws {
    let count = shortLength ? Int(try byte()) : Int(try u16())
    let flags = try byte()
    let runs = flags & 0x08 != 0 ? Int(try u16()) : 0
    let phonetic = flags & 0x04 != 0 ? Int(try u32()) : 0
    scratch.removeAll(keepingCapacity: true)
    try characters(count, highByte: flags & 1 != 0, to: &scratch)
    try skip(4 * runs + phonetic)
    UTF16Text.append(scratch[...], to: &out)
  }
}
