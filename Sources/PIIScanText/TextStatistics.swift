/// Counts of what a run of stored bytes holds when read as UTF-8 or as GB18030; the detector
/// and the line-by-line decoding of mixed input both decide from them.
struct TextStatistics {
  /// Bytes below `0x80`.
  var ascii = 0
  /// Two-byte characters (UTF-8: U+0080…U+07FF; GB18030: the GBK range).
  var doubleByte = 0
  /// Three-byte UTF-8 characters (CJK among them) or four-byte GB18030 characters.
  var longer = 0
  /// Four-byte UTF-8 characters.
  var fourByte = 0
  /// Invalid bytes or sequences, each counted once.
  var invalid = 0
  /// Whether the last sequence was cut off by the end of the bytes (not counted as invalid).
  var truncatedAtEnd = false

  /// Characters that are not ASCII, valid or not.
  var nonASCII: Int { doubleByte + longer + fourByte + invalid }

  /// Reads `bytes[start..<end]` as UTF-8; with `stopAtInvalid`, only up to the first invalid
  /// sequence (then `invalid` is 1).
  static func utf8(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, stopAtInvalid: Bool = false
  ) -> TextStatistics {
    var stats = TextStatistics()
    var index = start
    while index < end {
      if bytes[index] < 0x80 {
        let run = ASCII.runLength(bytes, index, end)
        stats.ascii &+= run
        index &+= run
        continue
      }
      let (character, truncated) = StoredCharacter.utf8(bytes, index, end)
      if character.isValid {
        switch character.storedLength {
        case 2: stats.doubleByte &+= 1
        case 3: stats.longer &+= 1
        default: stats.fourByte &+= 1
        }
      } else if truncated && index &+ character.storedLength == end {
        stats.truncatedAtEnd = true
      } else {
        stats.invalid &+= 1
        if stopAtInvalid { break }
      }
      index &+= character.storedLength
    }
    return stats
  }

  /// Reads `bytes[start..<end]` as GB18030.
  static func gb18030(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ table: GB18030Table?
  ) -> TextStatistics {
    var stats = TextStatistics()
    var index = start
    while index < end {
      if bytes[index] < 0x80 {
        let run = ASCII.runLength(bytes, index, end)
        stats.ascii &+= run
        index &+= run
        continue
      }
      let character = StoredCharacter.gb18030(bytes, index, end, table)
      if character.isValid {
        if character.storedLength == 2 { stats.doubleByte &+= 1 } else { stats.longer &+= 1 }
      } else if isCutGB18030Sequence(bytes, index, end) {
        stats.truncatedAtEnd = true
        break
      } else {
        stats.invalid &+= 1
      }
      index &+= character.storedLength
    }
    return stats
  }

  /// Whether `bytes[index..<end]` is the start of a GB18030 sequence cut off by `end`: a lone
  /// lead byte, a lead and a digit, or a lead, a digit and a lead.
  static func isCutGB18030Sequence(_ bytes: UnsafePointer<UInt8>, _ index: Int, _ end: Int)
    -> Bool
  {
    let rest = end - index
    guard rest <= 3, (0x81...0xFE).contains(bytes[index]) else { return false }
    if rest >= 2 && !(0x30...0x39).contains(bytes[index + 1]) { return false }
    if rest == 3 && !(0x81...0xFE).contains(bytes[index + 2]) { return false }
    return true
  }
}

/// How one line of mixed input is decoded.
enum LineKind {
  /// Valid UTF-8: copied as it is.
  case utf8
  /// UTF-8 with invalid bytes that GB18030 does not explain better: checked and repaired.
  case utf8Repaired
  /// GB18030.
  case gb18030

  /// Decides how to decode a line of input whose lines may each be UTF-8 or GB18030, given its
  /// statistics as UTF-8 and a way to get its invalid count as GB18030 (called only when
  /// needed, since it costs a pass over the line):
  ///
  /// - Valid UTF-8 with a character of three or four bytes (CJK), or ASCII, is UTF-8.
  /// - Valid UTF-8 made only of two-byte characters (U+0080…U+07FF) is GB18030 when it also
  ///   decodes as GB18030 without error: such a line is far more likely a GBK line whose bytes
  ///   happen to form UTF-8 than Greek or Cyrillic in a Chinese dump.
  /// - UTF-8 with at least two valid CJK characters per invalid sequence is damaged UTF-8,
  ///   repaired (GBK text almost never forms valid three-byte UTF-8, while UTF-8 CJK text read
  ///   two bytes at a time often decodes as GBK without error; one damaged character can make
  ///   up to three invalid sequences).
  /// - Otherwise GB18030 if it decodes without error, else whichever of the two has fewer
  ///   invalid sequences; a tie goes to GB18030 unless the line has valid CJK UTF-8.
  ///
  /// A sequence cut off by the end of the bytes counts as invalid here.
  static func decide(utf8: TextStatistics, gb18030Invalid: () -> Int) -> LineKind {
    let utf8Invalid = utf8.invalid + (utf8.truncatedAtEnd ? 1 : 0)
    let cjk = utf8.longer + utf8.fourByte
    if utf8Invalid == 0 {
      if cjk > 0 || utf8.doubleByte == 0 { return .utf8 }
      return gb18030Invalid() == 0 ? .gb18030 : .utf8
    }
    if cjk >= 2 * utf8Invalid { return .utf8Repaired }
    let gbInvalid = gb18030Invalid()
    if gbInvalid == 0 || gbInvalid < utf8Invalid || (gbInvalid == utf8Invalid && cjk == 0) {
      return .gb18030
    }
    return .utf8Repaired
  }

  /// ``decide(utf8:gb18030Invalid:)`` for `bytes[start..<end]`, with the statistics it decided
  /// from (GB18030's when it computed them).
  static func classify(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ table: GB18030Table?
  ) -> (kind: LineKind, utf8: TextStatistics, gb18030: TextStatistics?) {
    let utf8 = TextStatistics.utf8(bytes, start, end)
    var gb: TextStatistics?
    let kind = decide(utf8: utf8) {
      let stats = TextStatistics.gb18030(bytes, start, end, table)
      gb = stats
      return stats.invalid
    }
    return (kind, utf8, gb)
  }
}

/// Byte-level helpers for ASCII runs.
enum ASCII {
  /// The number of bytes below `0x80` from `index` on (at most `end - index`), eight at a time.
  @inline(__always)
  static func runLength(_ bytes: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> Int {
    var position = index
    while position &+ 8 <= end {
      let word = UnsafeRawPointer(bytes + position).loadUnaligned(as: UInt64.self)
      let high = word & 0x8080_8080_8080_8080
      if high != 0 {
        return position &- index &+ (UInt64(littleEndian: high).trailingZeroBitCount &>> 3)
      }
      position &+= 8
    }
    while position < end && bytes[position] < 0x80 { position &+= 1 }
    return position &- index
  }
}
