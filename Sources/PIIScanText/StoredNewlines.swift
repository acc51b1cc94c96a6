import Glibc

/// Where newlines are in stored bytes, per encoding, for the scanner's chunk cuts
/// (docs/FORMATS.md §8.1).
///
/// - UTF-8 and GB18030: the byte `0A`, which is never part of a multi-byte character (a GB18030
///   trail byte is `40`–`FE`, the other bytes of a four-byte sequence are digits and lead bytes).
/// - UTF-16LE: `0A 00` starting a code unit; UTF-16BE: `00 0A` starting a code unit. A `0A`
///   byte inside another code unit (上 U+4E0A is `0A 4E` in UTF-16LE) or straddling two code
///   units (U+0A41 U+4E00 is `41 0A 00 4E`) is not a newline.
public enum StoredNewlines {
  /// The offset just after the first stored newline that starts at or after `from` in
  /// `bytes`, or `nil` when there is none.
  ///
  /// - Parameters:
  ///   - from: where to start looking; for UTF-16 it is rounded up to a code-unit start.
  ///   - alignmentOrigin: for UTF-16, an offset where a code unit starts in `bytes` (any
  ///     integer, even negative: only its parity matters), e.g. `bomLength - windowStart`.
  ///     Ignored for the other encodings.
  public static func firstLineStart(
    in bytes: UnsafeRawBufferPointer, from: Int, encoding: TextEncoding, alignmentOrigin: Int
  ) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    var start = max(from, 0)
    let count = bytes.count
    switch encoding {
    case .utf8, .utf8BOM, .gb18030:
      guard start < count, let found = memchr(base + start, 0x0A, count - start) else {
        return nil
      }
      return base.distance(to: UnsafeRawPointer(found)) + 1
    case .utf16le, .utf16be:
      let bigEndian = encoding == .utf16be
      if (start - alignmentOrigin) & 1 != 0 { start += 1 }
      // Look for the 0A byte (first byte of the unit in LE, second in BE), then check it.
      var search = bigEndian ? start + 1 : start
      while search < count, let found = memchr(base + search, 0x0A, count - search) {
        let position = base.distance(to: UnsafeRawPointer(found))
        let unitStart = bigEndian ? position - 1 : position
        let other = bigEndian ? position - 1 : position + 1
        if (unitStart - alignmentOrigin) & 1 == 0 && other < count && bytes[other] == 0 {
          return unitStart + 2
        }
        search = position + 1
      }
      return nil
    }
  }

  /// The first offset at or after `from` where every decoding of `bytes` starts a character,
  /// whatever byte it started from, or `nil`: a safe place to cut a line longer than a chunk.
  ///
  /// - GB18030: the first byte in `00`–`2F`, `3A`–`3F`, `7F` or `FF` (ASCII punctuation,
  ///   space, control), which no multi-byte sequence can contain. A run of Hanzi with no such
  ///   byte has none.
  /// - UTF-8: the first byte that is not a continuation byte.
  /// - UTF-16: the first code unit start that is not a low surrogate.
  public static func firstCharacterStart(
    in bytes: UnsafeRawBufferPointer, from: Int, encoding: TextEncoding, alignmentOrigin: Int
  ) -> Int? {
    var index = max(from, 0)
    let count = bytes.count
    switch encoding {
    case .gb18030:
      while index < count {
        let byte = bytes[index]
        if byte < 0x30 || (byte >= 0x3A && byte < 0x40) || byte == 0x7F || byte == 0xFF {
          return index
        }
        index += 1
      }
    case .utf8, .utf8BOM:
      while index < count {
        if bytes[index] & 0xC0 != 0x80 { return index }
        index += 1
      }
    case .utf16le, .utf16be:
      if (index - alignmentOrigin) & 1 != 0 { index += 1 }
      let high = encoding == .utf16le ? 1 : 0
      while index + 1 < count {
        if bytes[index + high] & 0xFC != 0xDC { return index }
        index += 2
      }
    }
    return nil
  }
}
