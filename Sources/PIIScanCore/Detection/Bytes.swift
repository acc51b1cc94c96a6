import PIIScanText

/// The map of a decoded window back to its stored bytes.
final class OffsetMap {
  let text: TranscodedText
  init(_ text: TranscodedText) { self.text = text }
}

/// A fixed block of bytes a detector owns for as long as it lives: scratch space that the hot
/// path writes without allocating or counting references (a `let` of a final class).
final class ScratchBytes {
  let base: UnsafeMutablePointer<UInt8>

  init(count: Int) {
    base = .allocate(capacity: count)
    base.initialize(repeating: 0, count: count)
  }

  deinit { base.deallocate() }
}

/// Byte classes used by the detectors (ASCII only; every byte ≥ 0x80 is "other").
enum ByteClass {
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
  @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
  @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
  @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 {
    b &- 0x41 < 26 ? b | 0x20 : b
  }
}

/// A read-only window of bytes with checked single-byte access that answers 0 outside it.
///
/// 0 (NUL) is neither a digit nor a letter, so a value at the window's edge is treated as
/// bounded; the window always holds ``ChunkLayout/overlap`` bytes of context, far more than
/// any detector looks at, so that edge is the input's own start or end.
struct ByteWindow {
  let bytes: UnsafeRawBufferPointer
  /// Absolute offset, in the stored input, of `bytes[0]` (of the stored window, when `bytes`
  /// is a decoded copy).
  var base: Int64 = 0
  /// For text decoded from GB18030 or UTF-16: maps positions in `bytes` to stored ones.
  /// Unowned: a window lives only while its ``ChunkView`` (which holds the map) does, and so
  /// copying one — done per candidate — counts no reference.
  unowned(unsafe) var mapping: OffsetMap? = nil

  var count: Int { bytes.count }

  /// The first `byte` in `range` (clipped to the window), by memchr.
  func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
    let lower = max(0, range.lowerBound)
    let upper = min(bytes.count, range.upperBound)
    guard lower < upper, let base = bytes.baseAddress,
      let hit = memchr(base + lower, Int32(byte), upper - lower)
    else { return nil }
    return base.distance(to: UnsafeRawPointer(hit))
  }

  /// Whether `range` holds `run` copies of `byte` in a row (memchr to each candidate).
  func containsRun(of byte: UInt8, _ run: Int, in range: Range<Int>) -> Bool {
    var from = max(0, range.lowerBound)
    let upper = min(bytes.count, range.upperBound)
    while upper - from >= run, let hit = firstIndex(of: byte, in: from..<upper) {
      var end = hit + 1
      while end < upper && bytes[end] == byte { end += 1 }
      if end - hit >= run { return true }
      from = end
    }
    return false
  }

  /// Whether position 0 is the start of the input.
  var startsInput: Bool { base == 0 }

  /// The absolute stored offset of position `p` (a character boundary).
  func absolute(_ p: Int) -> Int64 {
    guard let mapping else { return base + Int64(p) }
    return base + Int64(mapping.text.storedOffset(forUTF8: p))
  }

  @inline(__always) subscript(_ i: Int) -> UInt8 {
    i >= 0 && i < bytes.count ? bytes[i] : 0
  }

  /// Start of the line holding position `i`, looking back at most `limit` bytes.
  func lineStart(before i: Int, limit: Int) -> Int {
    var j = i
    let lowest = max(0, i - limit)
    while j > lowest && bytes[j - 1] != 0x0A { j -= 1 }
    return j
  }

  /// End of the line holding position `i` (the newline's position), looking ahead at most
  /// `limit` bytes.
  func lineEnd(after i: Int, limit: Int) -> Int {
    var j = i
    let highest = min(bytes.count, i + limit)
    while j < highest && bytes[j] != 0x0A { j += 1 }
    return j
  }

  /// The bytes of `range` as a String (invalid UTF-8 repaired).
  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}

/// Bounds on how far detectors look around a candidate; all well inside ``ChunkLayout/overlap``.
enum DetectionLimits {
  /// How far before a value context words are looked for (same line only).
  static let contextBefore = 48
  /// Longest number chain (digits and separators) considered.
  static let maxChainBytes = 40
  /// Longest e-mail local part and domain (RFC 5321).
  static let maxLocalPart = 64
  static let maxDomain = 253
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
