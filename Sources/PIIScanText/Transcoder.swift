import Glibc

/// Transcodes a chunk's stored bytes to UTF-8 for the detectors, and maps positions in the UTF-8
/// back to positions in the stored bytes.
///
/// One transcoder per worker, reused for every chunk: its buffers grow to the largest window
/// seen and are never shrunk, so after warm-up transcoding allocates nothing.
///
/// ```swift
/// let transcoder = Transcoder()                      // once per worker
/// let report = EncodingDetector.detect(firstBytesOfTheInput)   // once per input
/// // For each chunk: the window is the chunk's stored bytes with context on both sides.
/// let text = transcoder.transcode(
///   window, encoding: report.encoding, mixedLines: report.mixedLines)
/// let owned = text.utf8Offset(forStored: ownedStart)..<text.utf8Offset(forStored: ownedEnd)
/// // … run the detectors on text.utf8; then, for the findings in increasing order:
/// var cursor = OffsetCursor(text)
/// let storedStart = cursor.storedOffset(forUTF8: finding.lowerBound)
/// let storedEnd = cursor.storedOffset(forUTF8: finding.upperBound)
/// ```
///
/// Every stored byte belongs to exactly one decoded character, so the stored range of a
/// finding has no gaps and the two mappings are inverse on character boundaries.
///
/// **Mixed lines** are decided unit by unit: a line, or for a line longer than
/// ``MixedLineUnits/wholeLineLimit`` each of its segments, cut at places that depend only on
/// the stored bytes and their absolute offsets (``MixedLineUnits``). How a byte decodes thus
/// depends only on the unit holding it, never on where the window starts or ends, as long as
/// the window holds that whole unit; a unit cut by the window's start or end is decided from
/// the part inside it, far enough from the owned range for the scanner not to use it.
///
/// **Windows that start mid-character.** Decoding always starts at the window's first byte.
/// For GB18030, a window that starts inside a multi-byte character decodes its first bytes
/// as garbage or U+FFFD, but decoding is back in step after the first byte that cannot be inside
/// a multi-byte character: any byte in `00`–`2F` or `3A`–`3F` (newline, tab, space, comma,
/// quotes, `/`), since a GB18030 trail byte is `40`–`FE` and the other bytes of a four-byte
/// sequence are digits or lead bytes. So every position from the first line start on decodes
/// as it would from the start of the input. For UTF-16, pass `alignmentOrigin` so the decoder
/// knows which byte starts a code unit. For UTF-8, continuation bytes at the start are U+FFFD.
///
/// - Note: Not thread-safe and not `Sendable`: every call writes its buffers. One per worker.
public final class Transcoder {
  /// The number of stored bytes between two anchors of the offset mapping (an anchor is a
  /// (UTF-8 position, stored position) pair on a character boundary; a mapping call finds the
  /// nearest anchor by binary search and re-decodes at most about this many bytes from it).
  /// 64 costs 17 bytes of anchors per 64 stored bytes; mapping a position takes about 60 ns
  /// (about 15 ns with an ``OffsetCursor`` on findings in order).
  public static let anchorInterval = 64

  /// Whether GB18030 can be decoded on this system (the C library's iconv provides the
  /// mapping). When false, GB18030 input decodes with every non-ASCII character replaced by
  /// U+FFFD and counted in ``TranscodedText/invalidCount``: the caller should say so.
  public static var isGB18030Available: Bool { GB18030Table.shared != nil }

  /// A faster check for lines that are valid UTF-8, used in mixed-line decoding before the
  /// per-byte statistics (the scanner passes its SIMD validator). Nil: statistics only.
  public var validUTF8: ((UnsafePointer<UInt8>, Int) -> Bool)?

  private var output: UnsafeMutableRawPointer
  private var outputCapacity: Int
  private var anchors: AnchorBuffer
  /// Where the last call replaced bytes; handed to each call's ``DecodeState`` and back.
  private var invalidPositions: PositionBuffer
  private let table: GB18030Table?

  public convenience init() {
    self.init(table: GB18030Table.shared)
  }

  /// A transcoder with the given GB18030 mapping (`nil`: as on a system without it).
  init(table: GB18030Table?) {
    outputCapacity = 4096
    output = UnsafeMutableRawPointer.allocate(byteCount: outputCapacity, alignment: 64)
    anchors = AnchorBuffer(capacity: 256)
    invalidPositions = PositionBuffer(capacity: 64)
    self.table = table
  }

  deinit {
    output.deallocate()
    anchors.deallocate()
    invalidPositions.deallocate()
  }

  /// Decodes all of `stored` into UTF-8 held by the transcoder.
  ///
  /// Undecodable bytes become U+FFFD, each invalid byte or sequence once, counted in
  /// ``TranscodedText/invalidCount``. The result is a view into this transcoder's buffers and
  /// into `stored`: it is valid until the next call and while `stored` is unchanged.
  ///
  /// - `.utf8` and `.utf8BOM`: the stored bytes themselves when they are valid UTF-8 (no copy,
  ///   offsets are stored offsets; the caller skips the BOM), else a repaired copy.
  /// - `.gb18030`: GB18030 (GBK, GB2312); with `mixedLines`, each line is decoded as UTF-8 or
  ///   GB18030, whichever explains it (see ``EncodingReport/mixedLines``). `mixedLines` with
  ///   `.utf8` does the same. A line longer than ``MixedLineUnits/wholeLineLimit`` is decided
  ///   in segments instead, cut where ``MixedLineUnits`` says from the absolute offsets: pass
  ///   `base` (the other overload) when `stored` is not the start of its input.
  /// - `.utf16le`, `.utf16be`: code units start at even offsets (see the other overload).
  public func transcode(
    _ stored: UnsafeRawBufferPointer, encoding: TextEncoding, mixedLines: Bool
  ) -> TranscodedText {
    transcode(stored, encoding: encoding, mixedLines: mixedLines, alignmentOrigin: 0)
  }

  /// Decodes all of `stored`, where for UTF-16 code units start at offsets `alignmentOrigin`
  /// plus a multiple of 2 (e.g. `bomLength - windowStartInFile`). A byte before the first
  /// code unit and a byte left over at the end are one invalid byte each.
  ///
  /// `markLength`: for the window at the start of an input whose UTF-16 byte order mark the
  /// content contradicts (``EncodingReport/bomContradicted``), the mark's length. The mark
  /// decodes as U+FEFF, as a mark that stands does, so the text after it starts where it would
  /// after any mark, and the rest decodes in `encoding`. Ignored unless `stored` starts with
  /// `FF FE` or `FE FF` and `encoding` is not UTF-16.
  ///
  /// `base`: the absolute offset of `stored`'s first byte in its input. Only mixed-line
  /// decoding reads it, to cut long lines at the same places in every window (so that how a
  /// byte decodes depends only on the stored bytes near it, never on where the window starts).
  public func transcode(
    _ stored: UnsafeRawBufferPointer, encoding: TextEncoding, mixedLines: Bool,
    alignmentOrigin: Int, markLength: Int = 0, base: Int64 = 0
  ) -> TranscodedText {
    anchors.count = 0
    invalidPositions.count = 0
    let count = stored.count
    guard count > 0, let start = stored.baseAddress else {
      return TranscodedText(
        utf8: UnsafeRawBufferPointer(start: nil, count: 0), owner: self, stored: stored,
        anchors: anchors, invalid: invalidPositions, phase: 0, table: table)
    }
    let bytes = start.assumingMemoryBound(to: UInt8.self)
    var phase = alignmentOrigin & 1
    var state = DecodeState(written: 0, positions: invalidPositions)
    // The buffer may grow during the call: keep the one the state ends with.
    defer { invalidPositions = state.positions }
    var from = 0
    if markLength == 2, count >= 2, !encoding.isUTF16, bytes[0] ^ bytes[1] == 0x01,
      bytes[0] & 0xFE == 0xFE
    {
      // FF FE or FE FF, read as the one UTF-16 code unit it is: U+FEFF.
      reserve(count)
      phase = 0
      decodeRegion(bytes[0] == 0xFF ? .utf16le : .utf16be, bytes, 0, 2, 0, &state)
      from = 2
    }

    switch encoding {
    case .utf8, .utf8BOM:
      if mixedLines {
        reserve(count)
        decodeLines(bytes, from, count, base, &state)
        break
      }
      if UTF8Check.firstInvalid(bytes, from, count) == nil {
        if from == 0 {
          anchors.append(utf8: 0, stored: 0, mode: .copy)
          return TranscodedText(
            utf8: stored, owner: self, stored: stored, anchors: anchors,
            invalid: state.positions, phase: 0, table: table)
        }
        decodeRegion(.copy, bytes, from, count, phase, &state)
        break
      }
      reserve(count)
      decodeRegion(.utf8Repaired, bytes, from, count, phase, &state)
    case .gb18030:
      reserve(count)
      if mixedLines {
        decodeLines(bytes, from, count, base, &state)
      } else {
        decodeRegion(.gb18030, bytes, from, count, phase, &state)
      }
    case .utf16le:
      reserve(count)
      decodeRegion(.utf16le, bytes, 0, count, phase, &state)
    case .utf16be:
      reserve(count)
      decodeRegion(.utf16be, bytes, 0, count, phase, &state)
    }
    return TranscodedText(
      utf8: UnsafeRawBufferPointer(start: output, count: state.written), owner: self,
      stored: stored, anchors: anchors, invalid: state.positions, phase: phase, table: table)
  }

  /// Makes room for the UTF-8 of `count` stored bytes (at most 3 bytes per stored byte, plus
  /// slack for the decoders' 8-byte stores) and for the anchors of a single region.
  private func reserve(_ count: Int) {
    let needed = count * 3 + 16
    if needed > outputCapacity {
      output.deallocate()
      outputCapacity = max(needed, outputCapacity * 2)
      output = UnsafeMutableRawPointer.allocate(byteCount: outputCapacity, alignment: 64)
    }
    anchors.reserve(count / Self.anchorInterval + 2)
  }

  /// Decodes input whose lines may each be UTF-8 or GB18030 (0x0A is never part of a GB18030
  /// or UTF-8 multi-byte character, so lines can be told apart before decoding), each unit
  /// (a line, or a segment of a long line: see ``MixedLineUnits``) as
  /// ``LineKind/decide(utf8:gb18030Invalid:)`` says. `base` is the absolute offset of
  /// `bytes[0]`, which places the segments.
  private func decodeLines(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ base: Int64,
    _ state: inout DecodeState
  ) {
    var lineStart = start
    while lineStart < count {
      let lineEnd: Int
      if let newline = memchr(bytes + lineStart, 0x0A, count - lineStart) {
        lineEnd = bytes.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
      } else {
        lineEnd = count
      }
      if lineEnd - lineStart <= MixedLineUnits.wholeLineLimit {
        decodeUnit(bytes, lineStart, lineEnd, &state)
      } else {
        var from = lineStart
        while from < lineEnd {
          let to = MixedLineUnits.segmentEnd(bytes, from: from, lineEnd: lineEnd, base: base)
          decodeUnit(bytes, from, to, &state)
          from = to
        }
      }
      lineStart = lineEnd
    }
  }

  /// Decodes one unit of mixed-line input, `bytes[start..<end]`, as UTF-8 or GB18030.
  ///
  /// A GBK unit costs one UTF-8 check and one decoding: it is decoded as GB18030 and the
  /// decoding's invalid count is the one the decision asks for (undone if UTF-8 wins).
  private func decodeUnit(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ state: inout DecodeState
  ) {
    if let validUTF8, validUTF8(bytes + start, end - start) {
      decodeRegion(.copy, bytes, start, end, 0, &state)
      return
    }
    let saved = (written: state.written, invalid: state.invalid, anchors: anchors.count)
    var decodedAsGB18030 = false
    let kind = LineKind.decide(utf8: TextStatistics.utf8(bytes, start, end)) {
      decodeRegion(.gb18030, bytes, start, end, 0, &state)
      decodedAsGB18030 = true
      return state.invalid - saved.invalid
    }
    if kind == .gb18030 && decodedAsGB18030 { return }
    // Undo the trial decoding (the position buffer itself may have grown: keep it).
    state.written = saved.written
    state.positions.count = saved.invalid
    anchors.count = saved.anchors
    switch kind {
    case .utf8: decodeRegion(.copy, bytes, start, end, 0, &state)
    case .utf8Repaired: decodeRegion(.utf8Repaired, bytes, start, end, 0, &state)
    case .gb18030: decodeRegion(.gb18030, bytes, start, end, 0, &state)
    }
  }

  /// Decodes `bytes[start..<end]` in `mode`, appending to the output and recording an anchor at
  /// the start of every block of at least ``anchorInterval`` bytes.
  private func decodeRegion(
    _ mode: AnchorMode, _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ phase: Int,
    _ state: inout DecodeState
  ) {
    let out = output
    if mode == .copy {
      // Valid UTF-8 maps by arithmetic from one anchor; consecutive copied lines share it.
      let last = anchors.count - 1
      if last < 0 || anchors.modes[last] != AnchorMode.copy.rawValue {
        anchors.reserve(1)
        anchors.append(utf8: state.written, stored: start, mode: .copy)
      }
      (out + state.written).copyMemory(from: bytes + start, byteCount: end - start)
      state.written &+= end - start
      return
    }
    anchors.reserve((end - start) / Self.anchorInterval + 2)
    let table = self.table
    var index = start
    while index < end {
      anchors.append(utf8: state.written, stored: index, mode: mode)
      let blockEnd = min(index &+ Self.anchorInterval, end)
      switch mode {
      case .gb18030:
        index = Self.decodeGB18030(bytes, index, blockEnd, end, out, &state, table)
      case .utf8Repaired:
        index = Self.decodeUTF8(bytes, index, blockEnd, end, out, &state)
      case .utf16le:
        index = Self.decodeUTF16(bytes, index, blockEnd, end, out, &state, false, phase)
      case .utf16be:
        index = Self.decodeUTF16(bytes, index, blockEnd, end, out, &state, true, phase)
      case .copy:
        preconditionFailure("copied regions are handled above")
      }
    }
  }

  /// Copies ASCII at `index`, the byte there known to be ASCII: eight bytes at once when
  /// they all are, else that one byte. Shared by the decoders' fast paths.
  @inline(__always)
  private static func copyASCII(
    _ bytes: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int,
    _ out: UnsafeMutableRawPointer, _ written: inout Int
  ) {
    if index &+ 8 <= end {
      let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
      if word & 0x8080_8080_8080_8080 == 0 {
        out.storeBytes(of: word, toByteOffset: written, as: UInt64.self)
        index &+= 8
        written &+= 8
        return
      }
    }
    out.storeBytes(of: bytes[index], toByteOffset: written, as: UInt8.self)
    index &+= 1
    written &+= 1
  }

  @inline(__always)
  private static func decodeGB18030(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ blockEnd: Int, _ end: Int,
    _ out: UnsafeMutableRawPointer, _ state: inout DecodeState, _ table: GB18030Table?
  ) -> Int {
    let twoByte = (table ?? GB18030Table.unmapped).twoByte
    var index = start
    var written = state.written
    while index < blockEnd {
      let byte = bytes[index]
      if byte < 0x80 {
        copyASCII(bytes, &index, end, out, &written)
        continue
      }
      // The common case, a mapped two-byte code, with two range checks: wrapping subtraction
      // sends 80, FF and trails below 40 or at FF out of range, and the 7F slot holds 0.
      if index &+ 1 < end {
        let row = Int(byte &- 0x81)
        let column = Int(bytes[index &+ 1] &- 0x40)
        if row < 126 && column < GB18030Table.trailSpan {
          let packed = twoByte[row &* GB18030Table.trailSpan &+ column]
          if packed != 0 {
            out.storeBytes(of: packed.littleEndian, toByteOffset: written, as: UInt32.self)
            written &+= UTF8Packing.length(packed)
            index &+= 2
            continue
          }
        }
      }
      let character = StoredCharacter.gb18030(bytes, index, end, table)
      out.storeBytes(of: character.packed.littleEndian, toByteOffset: written, as: UInt32.self)
      written &+= character.utf8Length
      if !character.isValid { state.positions.append(index) }
      index &+= character.storedLength
    }
    state.written = written
    return index
  }

  @inline(__always)
  private static func decodeUTF8(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ blockEnd: Int, _ end: Int,
    _ out: UnsafeMutableRawPointer, _ state: inout DecodeState
  ) -> Int {
    var index = start
    var written = state.written
    while index < blockEnd {
      let byte = bytes[index]
      if byte < 0x80 {
        copyASCII(bytes, &index, end, out, &written)
        continue
      }
      let character = StoredCharacter.utf8(bytes, index, end).character
      out.storeBytes(of: character.packed.littleEndian, toByteOffset: written, as: UInt32.self)
      written &+= character.utf8Length
      if !character.isValid { state.positions.append(index) }
      index &+= character.storedLength
    }
    state.written = written
    return index
  }

  @inline(__always)
  private static func decodeUTF16(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ blockEnd: Int, _ end: Int,
    _ out: UnsafeMutableRawPointer, _ state: inout DecodeState, _ bigEndian: Bool,
    _ phase: Int
  ) -> Int {
    var index = start
    var written = state.written
    // Four ASCII code units at a time: the high byte zero, the low byte below 0x80.
    let asciiMask: UInt64 = bigEndian ? 0x80FF_80FF_80FF_80FF : 0xFF80_FF80_FF80_FF80
    let shift: UInt64 = bigEndian ? 8 : 0
    while index < blockEnd {
      if index >= phase && index &+ 8 <= end {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
        if word & asciiMask == 0 {
          let low = word &>> shift
          let packed =
            UInt32(
              truncatingIfNeeded: low & 0xFF | low &>> 8 & 0xFF00 | low &>> 16 & 0xFF_0000
                | low &>> 24 & 0xFF00_0000)
          out.storeBytes(of: packed.littleEndian, toByteOffset: written, as: UInt32.self)
          index &+= 8
          written &+= 4
          continue
        }
      }
      let character = StoredCharacter.utf16(
        bytes, index, end, bigEndian: bigEndian, phase: phase)
      out.storeBytes(of: character.packed.littleEndian, toByteOffset: written, as: UInt32.self)
      written &+= character.utf8Length
      if !character.isValid { state.positions.append(index) }
      index &+= character.storedLength
    }
    state.written = written
    return index
  }
}

// Explicit non-conformance: every transcode call writes the transcoder's buffers.
@available(*, unavailable)
extension Transcoder: Sendable {}

/// The running totals of one transcode call.
struct DecodeState {
  var written: Int
  /// The stored offset of every replaced (invalid) byte or sequence, in increasing order.
  var positions: PositionBuffer
  /// How many bytes or sequences were replaced so far.
  var invalid: Int { positions.count }
}

/// A growable list of stored offsets in plain memory, reused from call to call (a replaced
/// sequence is rare, so appending sits off the decoders' fast paths).
struct PositionBuffer {
  var storage: UnsafeMutablePointer<Int>
  var capacity: Int
  var count = 0

  init(capacity: Int) {
    self.capacity = capacity
    storage = .allocate(capacity: capacity)
  }

  func deallocate() { storage.deallocate() }

  @inline(__always)
  mutating func append(_ position: Int) {
    if count == capacity { grow() }
    storage[count] = position
    count &+= 1
  }

  private mutating func grow() {
    let newCapacity = capacity * 2
    let newStorage = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
    newStorage.update(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
  }

  /// How many positions lie in `range` (binary search: the positions are increasing).
  func count(in range: Range<Int>) -> Int {
    firstIndex(atLeast: range.upperBound) - firstIndex(atLeast: range.lowerBound)
  }

  private func firstIndex(atLeast value: Int) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if storage[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// How the stored bytes after an anchor are decoded.
enum AnchorMode: UInt8 {
  /// Valid UTF-8 copied unchanged: positions map by arithmetic.
  case copy
  /// UTF-8 checked character by character, invalid sequences replaced.
  case utf8Repaired
  case gb18030
  case utf16le
  case utf16be
}

/// The anchors of the offset mapping: parallel arrays of UTF-8 and stored positions, both
/// strictly increasing, and the decoding mode from each anchor on.
struct AnchorBuffer {
  var utf8: UnsafeMutablePointer<Int>
  var stored: UnsafeMutablePointer<Int>
  var modes: UnsafeMutablePointer<UInt8>
  var capacity: Int
  var count = 0

  init(capacity: Int) {
    self.capacity = capacity
    utf8 = .allocate(capacity: capacity)
    stored = .allocate(capacity: capacity)
    modes = .allocate(capacity: capacity)
  }

  func deallocate() {
    utf8.deallocate()
    stored.deallocate()
    modes.deallocate()
  }

  /// Makes room for `additional` more anchors, keeping the ones recorded.
  mutating func reserve(_ additional: Int) {
    let needed = count + additional
    guard needed > capacity else { return }
    let newCapacity = max(needed, capacity * 2)
    let newUTF8 = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
    let newStored = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
    let newModes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newUTF8.update(from: utf8, count: count)
    newStored.update(from: stored, count: count)
    newModes.update(from: modes, count: count)
    deallocate()
    utf8 = newUTF8
    stored = newStored
    modes = newModes
    capacity = newCapacity
  }

  /// Appends an anchor; the caller has reserved room for it.
  @inline(__always)
  mutating func append(utf8 utf8Position: Int, stored storedPosition: Int, mode: AnchorMode) {
    utf8[count] = utf8Position
    stored[count] = storedPosition
    modes[count] = mode.rawValue
    count &+= 1
  }
}

/// Finding the first invalid UTF-8 sequence, fast over ASCII.
enum UTF8Check {
  /// The offset of the first ill-formed sequence in `bytes[start..<end]`, or `nil`.
  static func firstInvalid(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
    var index = start
    while index < end {
      if bytes[index] < 0x80 {
        index &+= ASCII.runLength(bytes, index, end)
        continue
      }
      let character = StoredCharacter.utf8(bytes, index, end).character
      if !character.isValid { return index }
      index &+= character.storedLength
    }
    return nil
  }
}
