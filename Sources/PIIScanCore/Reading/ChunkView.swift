import PIIScanText

/// The bytes one worker scans: an owned range inside a readable window.
///
/// A chunk owns `[ownStart, ownEnd)`; the window around it holds up to
/// ``ChunkLayout/overlap`` more bytes on each side (fewer at the ends of the input) so that a
/// detector can look before and after a candidate without caring where the cut fell. A finding
/// belongs to the chunk that owns its trigger (the first digit run of a number, the `@` of an
/// e-mail), so every finding is reported exactly once whatever the chunk size.
///
/// - Note: a view does not own its memory; it is valid while the buffer or mapping it points
///   into is.
public struct ChunkView {
  /// The readable window. `bytes[0]` is at absolute offset ``base`` of the stored input.
  public let bytes: UnsafeRawBufferPointer
  /// Absolute byte offset of `bytes[0]` in the stored input.
  public let base: Int64
  /// Start of the owned range, relative to `bytes`.
  public let ownStart: Int
  /// End (exclusive) of the owned range, relative to `bytes`.
  public let ownEnd: Int
  /// Whether `bytes` ends where the input ends.
  public let reachesEndOfInput: Bool
  /// When `bytes` is text decoded from the stored window (GB18030, UTF-16): the map from its
  /// positions back to stored ones. Offsets in findings are always stored offsets.
  let mapping: OffsetMap?

  public init(
    bytes: UnsafeRawBufferPointer, base: Int64, ownStart: Int, ownEnd: Int,
    reachesEndOfInput: Bool
  ) {
    self.init(
      bytes: bytes, base: base, ownStart: ownStart, ownEnd: ownEnd,
      reachesEndOfInput: reachesEndOfInput, mapping: nil)
  }

  init(
    bytes: UnsafeRawBufferPointer, base: Int64, ownStart: Int, ownEnd: Int,
    reachesEndOfInput: Bool, mapping: OffsetMap?
  ) {
    precondition(0 <= ownStart && ownStart <= ownEnd && ownEnd <= bytes.count)
    self.bytes = bytes
    self.base = base
    self.ownStart = ownStart
    self.ownEnd = ownEnd
    self.reachesEndOfInput = reachesEndOfInput
    self.mapping = mapping
  }

  /// The bytes as the detectors read them, with their map to stored offsets.
  var window: ByteWindow { ByteWindow(bytes: bytes, base: base, mapping: mapping) }

  /// The absolute stored offset of position `p`.
  public func absolute(_ p: Int) -> Int64 { window.absolute(p) }

  /// Whether the owned range begins at the start of a line.
  public var startsAtLineStart: Bool {
    ownStart == 0 ? base == 0 : bytes[ownStart - 1] == UInt8(ascii: "\n")
  }

  /// Whether the owned range ends at the end of a line (after a newline, or at the input's end).
  public var endsAtLineEnd: Bool {
    if ownEnd == bytes.count && reachesEndOfInput { return true }
    return ownEnd > 0 && bytes[ownEnd - 1] == UInt8(ascii: "\n")
  }
}
