/// Where input whose lines may each be UTF-8 or GB18030 is cut into the units that are each
/// decided as one or the other (docs/FORMATS.md, "Mixed encodings").
///
/// A scanner decodes each chunk's window on its own, so the answer for a byte must not depend
/// on how much of its line the window holds. A line of at most ``wholeLineLimit`` bytes is one
/// unit: any window that needs such a line holds all of it. A longer line is cut into segments
/// at places found from the absolute offsets and the bytes right after them, never from the
/// line's start or the window's edges: near each multiple of ``stride`` inside the line, after
/// the first byte within ``searchSpan`` bytes that always ends a character in both encodings
/// (any ASCII byte but a digit: in GB18030 a byte below `80` is a character or the second byte
/// of a two-byte one, except the digits of a four-byte one); failing that (a long run of Hanzi
/// with no ASCII), at the first byte there that does not continue a UTF-8 sequence, so that
/// valid UTF-8 is never split (a GBK run may be, and decodes as garbage up to its next ASCII
/// byte: the price of an answer that does not depend on the window). A unit is thus at most
/// ``longestUnit`` bytes long, and its cuts depend on at most ``searchSpan`` + 4 bytes after a
/// multiple of ``stride``: both well inside the context every chunk has on each side of its
/// owned range beyond what its detectors read.
public enum MixedLineUnits {
  /// The longest line decided as a whole.
  public static let wholeLineLimit = 1024
  /// The distance between the offsets near which a long line is cut.
  public static let stride = 1024
  /// How far after such an offset a cut after a separator byte is looked for.
  public static let searchSpan = 256
  /// The longest unit: a segment runs from one cut to the next.
  public static let longestUnit = stride + searchSpan + 4

  /// Whether `byte` ends a character wherever it is, in UTF-8 and in GB18030, so that a cut
  /// right after it splits none in either.
  @inline(__always)
  static func endsACharacter(_ byte: UInt8) -> Bool {
    byte < 0x80 && byte &- 0x30 >= 10
  }

  /// The end of the segment of a long line that starts at `from` (the line's start or a
  /// previous cut) in `bytes`, whose `bytes[0]` is at absolute offset `base`; the line ends
  /// at `lineEnd`.
  static func segmentEnd(
    _ bytes: UnsafePointer<UInt8>, from: Int, lineEnd: Int, base: Int64
  ) -> Int {
    // The first multiple of the stride after `from`: a cut is never before its multiple and
    // always less than a stride after it, so the cut of every earlier multiple is at or
    // before `from`.
    let absolute = base + Int64(from)
    let multiple = (absolute / Int64(stride) + 1) * Int64(stride)
    let near = from + Int(multiple - absolute)
    guard near < lineEnd else { return lineEnd }
    let spanEnd = min(lineEnd, near + searchSpan)
    var cut = near
    while cut < spanEnd {
      if endsACharacter(bytes[cut - 1]) { return cut }
      cut += 1
    }
    let lastTry = min(lineEnd, spanEnd + 3)
    while cut < lastTry && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
    return cut
  }
}
