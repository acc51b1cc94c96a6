/// The UTF-8 text of one transcoded window, with the mapping between UTF-8 positions and stored
/// positions.
///
/// A view into a ``Transcoder``'s buffers and into the stored bytes it was made from: valid
/// until the transcoder's next `transcode` call, and only while the stored bytes are unchanged
/// (mapping re-decodes a few stored bytes). It keeps the transcoder alive, so the view never
/// outlives the buffers it points into.
///
/// Mapping keeps no per-byte table. The transcoder records an anchor, a (UTF-8 position, stored
/// position) pair on a character boundary, every ``Transcoder/anchorInterval`` stored bytes; a
/// mapping call finds the nearest anchor before the position by binary search and re-decodes
/// from it (ASCII eight bytes at a time). To map many positions in increasing order, such as
/// all of a chunk's findings, use an ``OffsetCursor``: each call goes on from the previous one.
public struct TranscodedText {
  /// The decoded text.
  public let utf8: UnsafeRawBufferPointer
  /// The number of invalid bytes or sequences that were replaced by U+FFFD.
  public var invalidCount: Int { invalid.count }

  /// The transcoder whose buffers `utf8`, `anchors` and `invalid` point into, held so that
  /// they stay allocated.
  let owner: Transcoder
  let stored: UnsafeRawBufferPointer
  let anchors: AnchorBuffer
  /// The stored offset of each replaced byte or sequence, increasing.
  let invalid: PositionBuffer
  let phase: Int
  let table: GB18030Table?

  /// The number of replaced bytes or sequences whose first byte lies in `range` of the stored
  /// bytes. A U+FFFD the input holds as such is a character, not a replacement, and is never
  /// counted; a window's parts are counted apart without counting a sequence twice.
  public func invalidCount(inStored range: Range<Int>) -> Int {
    invalid.count(in: range)
  }

  /// The UTF-8 position of stored position `storedOffset`.
  ///
  /// `storedOffset` should be a character boundary in the stored bytes (a line start, or an
  /// owned-range bound the scanner chose); a position inside a character is rounded down to
  /// that character's start. Positions are clamped to `0...stored.count`, and `stored.count`
  /// maps to `utf8.count`.
  public func utf8Offset(forStored storedOffset: Int) -> Int {
    var position = MappedPosition.start
    return advance(&position, toStored: storedOffset)
  }

  /// The UTF-8 position of the first character whose stored bytes start at or after
  /// `storedOffset` (clamped to `0...stored.count`): a position inside a character is rounded
  /// up to the next one.
  ///
  /// This is how a cut inside a character (a line longer than a chunk, cut at a fixed offset)
  /// gives the character to the side that holds its first byte, as the stored bytes read
  /// undecoded do.
  public func utf8Offset(ofCharacterAtOrAfterStored storedOffset: Int) -> Int {
    let target = min(max(storedOffset, 0), stored.count)
    var position = MappedPosition.start
    let down = advance(&position, toStored: target)
    guard position.stored < target, down < utf8.count else { return down }
    // Inside the character at `down`: step over its UTF-8 (the decoded text is valid UTF-8,
    // one decoded character for each stored one).
    let lead = utf8[down]
    return min(utf8.count, down + (lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4))
  }

  /// The stored position of UTF-8 position `utf8Offset`.
  ///
  /// Exact on character boundaries: the start of a finding maps to the first stored byte of its
  /// first character, and its end to one past the last stored byte of its last character. A
  /// position inside a UTF-8 character is rounded down to that character's start. Positions are
  /// clamped to `0...utf8.count`, and `utf8.count` maps to `stored.count`.
  public func storedOffset(forUTF8 utf8Offset: Int) -> Int {
    var position = MappedPosition.start
    return advance(&position, toUTF8: utf8Offset)
  }

  /// The stored range of the UTF-8 range `range` (a finding): one search for its start, and its
  /// end re-decoded from there.
  public func storedRange(forUTF8 range: Range<Int>) -> Range<Int> {
    var position = MappedPosition.start
    let start = advance(&position, toUTF8: range.lowerBound)
    let end = advance(&position, toUTF8: range.upperBound)
    return start..<end
  }

  // MARK: Walking

  /// Moves `position` to UTF-8 position `target` (clamped; rounded down to a character start)
  /// and returns the stored position there. Goes on from `position` when the target is at or
  /// after it, else starts over from a binary search.
  func advance(_ position: inout MappedPosition, toUTF8 target: Int) -> Int {
    let target = min(max(target, 0), utf8.count)
    guard anchors.count > 0 else { return target == 0 ? 0 : stored.count }
    if target == utf8.count {
      position = MappedPosition(anchor: anchors.count - 1, stored: stored.count, utf8: utf8.count)
      return stored.count
    }
    if position.anchor < 0 || target < position.utf8 {
      position = anchorPosition(
        Self.lastIndex(in: anchors.utf8, from: 0, count: anchors.count, atMost: target))
    } else if position.anchor + 1 < anchors.count && anchors.utf8[position.anchor + 1] <= target {
      position = anchorPosition(
        Self.lastIndex(
          in: anchors.utf8, from: position.anchor + 1, count: anchors.count, atMost: target))
    }
    walk(&position, utf8Target: target, storedTarget: Int.max)
    return position.stored
  }

  /// Moves `position` to stored position `target` (clamped; rounded down to a character start)
  /// and returns the UTF-8 position there.
  func advance(_ position: inout MappedPosition, toStored target: Int) -> Int {
    let target = min(max(target, 0), stored.count)
    guard anchors.count > 0 else { return target == 0 ? 0 : utf8.count }
    if target == stored.count {
      position = MappedPosition(anchor: anchors.count - 1, stored: stored.count, utf8: utf8.count)
      return utf8.count
    }
    if position.anchor < 0 || target < position.stored {
      position = anchorPosition(
        Self.lastIndex(in: anchors.stored, from: 0, count: anchors.count, atMost: target))
    } else if position.anchor + 1 < anchors.count && anchors.stored[position.anchor + 1] <= target {
      position = anchorPosition(
        Self.lastIndex(
          in: anchors.stored, from: position.anchor + 1, count: anchors.count, atMost: target))
    }
    walk(&position, utf8Target: Int.max, storedTarget: target)
    return position.utf8
  }

  private func anchorPosition(_ anchor: Int) -> MappedPosition {
    MappedPosition(anchor: anchor, stored: anchors.stored[anchor], utf8: anchors.utf8[anchor])
  }

  /// Re-decodes from `position` (inside the block of `position.anchor`, before the next anchor)
  /// until the next character would go past either target.
  private func walk(_ position: inout MappedPosition, utf8Target: Int, storedTarget: Int) {
    let bytes = stored.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let count = stored.count
    var storedPosition = position.stored
    var utf8Position = position.utf8
    let mode = AnchorMode(rawValue: anchors.modes[position.anchor]) ?? .copy
    switch mode {
    case .copy:
      // Valid UTF-8, copied: positions differ by a constant; round down to a lead byte.
      let text = utf8.baseAddress!.assumingMemoryBound(to: UInt8.self)
      var distance = min(utf8Target - utf8Position, storedTarget - storedPosition)
      while distance > 0 && text[utf8Position + distance] & 0xC0 == 0x80 { distance -= 1 }
      storedPosition += distance
      utf8Position += distance
    case .gb18030, .utf8Repaired:
      while utf8Position < utf8Target && storedPosition < storedTarget {
        if bytes[storedPosition] < 0x80 {
          // ASCII is one byte in both.
          let limit = min(
            count, storedPosition + min(utf8Target - utf8Position, storedTarget - storedPosition))
          let run = ASCII.runLength(bytes, storedPosition, limit)
          storedPosition &+= run
          utf8Position &+= run
          continue
        }
        let character =
          mode == .gb18030
          ? StoredCharacter.gb18030(bytes, storedPosition, count, table)
          : StoredCharacter.utf8(bytes, storedPosition, count).character
        if utf8Position + character.utf8Length > utf8Target
          || storedPosition + character.storedLength > storedTarget
        {
          break
        }
        storedPosition &+= character.storedLength
        utf8Position &+= character.utf8Length
      }
    case .utf16le, .utf16be:
      let bigEndian = mode == .utf16be
      let asciiMask: UInt64 = bigEndian ? 0x80FF_80FF_80FF_80FF : 0xFF80_FF80_FF80_FF80
      while utf8Position < utf8Target && storedPosition < storedTarget {
        // Four ASCII code units at a time.
        if storedPosition >= phase && storedPosition + 8 <= count
          && utf8Target - utf8Position >= 4 && storedTarget - storedPosition >= 8
          && UInt64(
            littleEndian: UnsafeRawPointer(bytes + storedPosition).loadUnaligned(as: UInt64.self))
            & asciiMask == 0
        {
          storedPosition &+= 8
          utf8Position &+= 4
          continue
        }
        let character = StoredCharacter.utf16(
          bytes, storedPosition, count, bigEndian: bigEndian, phase: phase)
        if utf8Position + character.utf8Length > utf8Target
          || storedPosition + character.storedLength > storedTarget
        {
          break
        }
        storedPosition &+= character.storedLength
        utf8Position &+= character.utf8Length
      }
    }
    position.stored = storedPosition
    position.utf8 = utf8Position
  }

  /// The index of the last element of the strictly increasing `values[0..<count]` that is at
  /// most `target`, searching from `from` (where `values[from] <= target`): first galloping,
  /// so that a nearby answer is found in a few steps, then binary.
  private static func lastIndex(
    in values: UnsafeMutablePointer<Int>, from: Int, count: Int, atMost target: Int
  ) -> Int {
    var low = from
    var step = 1
    var high = from + 1
    while high < count && values[high] <= target {
      low = high
      step &*= 2
      high = low + step
    }
    high = min(high, count)
    // Invariant: values[low] <= target, and values[high] > target or high == count.
    while high - low > 1 {
      let middle = (low + high) / 2
      if values[middle] <= target { low = middle } else { high = middle }
    }
    return low
  }
}

// Explicit non-conformance: a view into one worker's transcoder buffers.
@available(*, unavailable)
extension TranscodedText: Sendable {}

/// A (stored, UTF-8) pair of positions on a character boundary, with the anchor whose block
/// holds it (-1: none yet).
struct MappedPosition {
  var anchor: Int
  var stored: Int
  var utf8: Int

  static let start = MappedPosition(anchor: -1, stored: 0, utf8: 0)
}

/// Maps many positions of one ``TranscodedText``, each call going on from where the previous
/// one stopped: mapping all of a chunk's findings in increasing order costs about one
/// re-decoding of the text, instead of one search and walk each. Positions may come in any
/// order; one before the previous starts over from a binary search.
///
/// Both directions share the cursor, so findings can be mapped as
/// `cursor.storedOffset(forUTF8: start)`, `cursor.storedOffset(forUTF8: end)`, next finding…
///
/// - Note: Valid as long as its ``TranscodedText``; not `Sendable`.
public struct OffsetCursor {
  private let text: TranscodedText
  private var position = MappedPosition.start

  public init(_ text: TranscodedText) {
    self.text = text
  }

  /// ``TranscodedText/storedOffset(forUTF8:)``, going on from the previous call.
  public mutating func storedOffset(forUTF8 utf8Offset: Int) -> Int {
    text.advance(&position, toUTF8: utf8Offset)
  }

  /// ``TranscodedText/utf8Offset(forStored:)``, going on from the previous call.
  public mutating func utf8Offset(forStored storedOffset: Int) -> Int {
    text.advance(&position, toStored: storedOffset)
  }
}

// Explicit non-conformance: holds a view into one worker's transcoder buffers.
@available(*, unavailable)
extension OffsetCursor: Sendable {}
