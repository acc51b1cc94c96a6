/// Decoded text for the soft classifiers: Unicode scalars with the byte offset of each.
///
/// The classifiers work on scalars, not bytes, because the grammars they check (surname + given
/// name, province + city + district + road…) are about Han characters. Decoding is done once per
/// value into temporary storage (on the stack for short values), with the light normalisation
/// every classifier wants: full-width ASCII (`０-９Ａ-Ｚ：`) read as ASCII, the ideographic space,
/// NBSP and zero-width characters read as a space, and invalid UTF-8 read as U+FFFD.
///
/// Invariant: `offsets[i]` is the byte offset of scalar `i` in the input; `offsets[count]` is the
/// input's byte count, so scalar `i` spans `offsets[i]..<offsets[i + 1]`.
struct ScalarText {
  let scalars: UnsafeMutableBufferPointer<UInt32>
  let offsets: UnsafeMutableBufferPointer<Int32>
  let count: Int
  /// The input bytes the scalars were decoded from (empty for derived texts).
  var bytes = UnsafeRawBufferPointer(start: nil, count: 0)

  @inline(__always) subscript(_ index: Int) -> UInt32 {
    index >= 0 && index < count ? scalars[index] : 0
  }

  /// The byte range of scalars `range`.
  func byteRange(_ range: Range<Int>) -> Range<Int> {
    Int(offsets[range.lowerBound])..<Int(offsets[range.upperBound])
  }

  /// The input bytes of scalars `range` as a String: the value as written (full-width
  /// characters kept). Falls back to `string(_:)` for derived texts.
  func raw(_ range: Range<Int>) -> String {
    guard bytes.count > 0 else { return string(range) }
    return String(
      decoding: UnsafeRawBufferPointer(rebasing: bytes[byteRange(range)]), as: UTF8.self)
  }

  /// The (normalised) scalars in `range` as a String.
  func string(_ range: Range<Int>) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(range.count)
    for index in range {
      if let scalar = Unicode.Scalar(scalars[index]) { result.unicodeScalars.append(scalar) }
    }
    return result
  }

  /// The scalars in `range` as a String, ASCII letters upper-cased and the given scalars skipped.
  func string(_ range: Range<Int>, uppercased: Bool, skipping skip: (UInt32) -> Bool) -> String {
    var result = ""
    for index in range where !skip(scalars[index]) {
      var value = scalars[index]
      if uppercased, value >= 0x61, value <= 0x7A { value -= 0x20 }
      if let scalar = Unicode.Scalar(value) { result.unicodeScalars.append(scalar) }
    }
    return result
  }

  /// The trimmed range: without leading/trailing spaces, quotes and an Excel apostrophe.
  func trimmed() -> Range<Int> {
    var start = 0
    var end = count
    while start < end, SoftText.isTrimmable(scalars[start]) { start += 1 }
    while end > start, SoftText.isTrimmable(scalars[end - 1]) { end -= 1 }
    return start..<end
  }
}

/// Character classes and decoding helpers shared by the soft classifiers.
enum SoftText {
  /// Calls `body` with the decoded, normalised scalars of `bytes`.
  static func withScalars<Result>(
    _ bytes: UnsafeRawBufferPointer, _ body: (ScalarText) -> Result
  ) -> Result {
    let capacity = bytes.count + 1
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { scalars in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { offsets in
        let count = decode(bytes, into: scalars, offsets: offsets)
        return body(ScalarText(scalars: scalars, offsets: offsets, count: count, bytes: bytes))
      }
    }
  }

  /// Decodes UTF-8 with normalisation; returns the scalar count.
  private static func decode(
    _ bytes: UnsafeRawBufferPointer, into scalars: UnsafeMutableBufferPointer<UInt32>,
    offsets: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    var index = 0
    var count = 0
    let end = bytes.count
    while index < end {
      let lead = bytes[index]
      var value: UInt32
      var length = 1
      if lead < 0x80 {
        value = UInt32(lead)
      } else if lead >= 0xC2 && lead < 0xE0, index + 1 < end, bytes[index + 1] & 0xC0 == 0x80 {
        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        length = 2
      } else if lead >= 0xE0 && lead < 0xF0, index + 2 < end, bytes[index + 1] & 0xC0 == 0x80,
        bytes[index + 2] & 0xC0 == 0x80
      {
        value =
          UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
          | UInt32(bytes[index + 2] & 0x3F)
        length = 3
        if value < 0x800 || (value >= 0xD800 && value < 0xE000) { value = 0xFFFD }
      } else if lead >= 0xF0 && lead < 0xF5, index + 3 < end, bytes[index + 1] & 0xC0 == 0x80,
        bytes[index + 2] & 0xC0 == 0x80, bytes[index + 3] & 0xC0 == 0x80
      {
        value =
          UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
          | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        length = 4
        if value < 0x10000 || value > 0x10FFFF { value = 0xFFFD }
      } else {
        value = 0xFFFD
      }
      scalars[count] = normalise(value)
      offsets[count] = Int32(truncatingIfNeeded: index)
      count += 1
      index += length
    }
    offsets[count] = Int32(truncatingIfNeeded: end)
    return count
  }

  /// Full-width ASCII as ASCII; odd spaces as a space; dot variants kept (names need them).
  @inline(__always)
  static func normalise(_ value: UInt32) -> UInt32 {
    switch value {
    case 0xFF01...0xFF5E:
      // ．(FF0E) stays a name separator; read as '.'.
      return value - 0xFEE0
    case 0x3000, 0x00A0, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2002, 0x2003, 0x2009, 0x09, 0x0D, 0x0A:
      return 0x20
    default:
      return value
    }
  }

  /// Han ideographs: CJK unified (with extensions A–F) and compatibility ideographs, plus 〇.
  @inline(__always)
  static func isHan(_ value: UInt32) -> Bool {
    (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
      || (value >= 0x20000 && value <= 0x3134F) || (value >= 0xF900 && value <= 0xFAFF)
      || value == 0x3007
  }

  @inline(__always) static func isDigit(_ value: UInt32) -> Bool { value &- 0x30 < 10 }
  @inline(__always) static func isASCIILetter(_ value: UInt32) -> Bool {
    (value | 0x20) &- 0x61 < 26
  }
  @inline(__always) static func isUpper(_ value: UInt32) -> Bool { value &- 0x41 < 26 }
  @inline(__always) static func isAlphanumeric(_ value: UInt32) -> Bool {
    isDigit(value) || isASCIILetter(value)
  }
  @inline(__always) static func upper(_ value: UInt32) -> UInt32 {
    value &- 0x61 < 26 ? value - 0x20 : value
  }

  /// Spaces, quotes, backticks and the Excel text apostrophe: removed at either end of a value.
  @inline(__always)
  static func isTrimmable(_ value: UInt32) -> Bool {
    switch value {
    case 0x20, 0x22, 0x27, 0x60, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D: return true
    default: return false
    }
  }

  /// The separators written inside transliterated minority names: · • ・ ． . ‧ ･ and ﹒.
  @inline(__always)
  static func isNameDot(_ value: UInt32) -> Bool {
    switch value {
    case 0x00B7, 0x2022, 0x30FB, 0x2E, 0x2027, 0xFF65, 0xFE52, 0x2219, 0x22C5, 0x0387: return true
    default: return false
    }
  }

  /// Chinese numerals used in addresses (一…十, 百, 两, 零, 〇).
  @inline(__always)
  static func chineseDigit(_ value: UInt32) -> Int? {
    switch value {
    case 0x3007, 0x96F6: return 0  // 〇 零
    case 0x4E00: return 1  // 一
    case 0x4E8C, 0x4E24: return 2  // 二 两
    case 0x4E09: return 3  // 三
    case 0x56DB: return 4  // 四
    case 0x4E94: return 5  // 五
    case 0x516D: return 6  // 六
    case 0x4E03: return 7  // 七
    case 0x516B: return 8  // 八
    case 0x4E5D: return 9  // 九
    case 0x5341: return 10  // 十
    case 0x767E: return 100  // 百
    default: return nil
    }
  }

  /// Packs up to 4 BMP scalars into one key (nil for longer runs or non-BMP scalars).
  ///
  /// Keys of different lengths never collide because no scalar is 0.
  @inline(__always)
  static func pack(_ text: ScalarText, _ start: Int, _ length: Int) -> UInt64? {
    guard length >= 1, length <= 4, start >= 0, start + length <= text.count else { return nil }
    var key: UInt64 = 0
    for index in start..<(start + length) {
      let value = text.scalars[index]
      guard value != 0, value <= 0xFFFF else { return nil }
      key = key << 16 | UInt64(value)
    }
    return key
  }

  /// Packs a String of 1–4 BMP scalars (for building tables); nil otherwise.
  static func pack(_ string: some StringProtocol) -> UInt64? {
    var key: UInt64 = 0
    var length = 0
    for scalar in string.unicodeScalars {
      let value = normalise(scalar.value)
      guard value != 0, value <= 0xFFFF, length < 4 else { return nil }
      key = key << 16 | UInt64(value)
      length += 1
    }
    return length == 0 ? nil : key
  }

  /// The scalars of `string`, normalised as values are.
  static func scalars(_ string: some StringProtocol) -> [UInt32] {
    string.unicodeScalars.map { normalise($0.value) }
  }
}

/// An open-addressing hash map from 64-bit keys to 32-bit values: fixed after building, no
/// allocation on lookup, a multiplicative hash (keys are packed scalars, not adversarial).
///
/// - Note: immutable after `init`; safe to share across tasks.
struct FlatMap: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var used: [Bool]
  private let shift: UInt64
  private let mask: Int

  /// Builds the map; a later duplicate key overwrites an earlier one.
  init(_ pairs: [(UInt64, Int32)]) {
    var capacity = 16
    while capacity < pairs.count * 2 + 1 { capacity <<= 1 }
    keys = [UInt64](repeating: 0, count: capacity)
    values = [Int32](repeating: 0, count: capacity)
    used = [Bool](repeating: false, count: capacity)
    mask = capacity - 1
    shift = UInt64(64 - capacity.trailingZeroBitCount)
    for (key, value) in pairs {
      var slot = Self.slot(key, shift)
      while used[slot] && keys[slot] != key { slot = (slot + 1) & mask }
      used[slot] = true
      keys[slot] = key
      values[slot] = value
    }
  }

  @inline(__always)
  private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The value stored for `key`, or nil.
  @inline(__always)
  func value(_ key: UInt64) -> Int32? {
    var slot = Self.slot(key, shift)
    while used[slot] {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  @inline(__always) func contains(_ key: UInt64) -> Bool { value(key) != nil }
}

/// A trie over scalars for longest-match lookups of words (region names, cue words, address
/// keywords) at a position, with no allocation per lookup.
///
/// Each edge is one `FlatMap` entry keyed by (node, scalar); each node may carry a payload index.
///
/// - Note: immutable after `init`; safe to share across tasks.
struct ScalarTrie: Sendable {
  private let edges: FlatMap
  /// Payload index per node (-1: none).
  private let payloads: [Int32]
  /// Scalars that begin some word (a quick first filter over the BMP; others go to `edges`).
  private let firstScalars: [UInt64]
  /// The longest word, in scalars.
  let maxLength: Int

  /// Builds the trie from words and their payload indices (a later duplicate word wins).
  init(_ words: [([UInt32], Int32)]) {
    var edgeList: [(UInt64, Int32)] = []
    var edgeIndex: [UInt64: Int32] = [:]
    var payloads: [Int32] = [-1]
    var first = [UInt64](repeating: 0, count: 1024)
    var longest = 0
    for (word, payload) in words where !word.isEmpty {
      var node: Int32 = 0
      for scalar in word {
        let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar)
        if let child = edgeIndex[key] {
          node = child
        } else {
          let child = Int32(payloads.count)
          payloads.append(-1)
          edgeIndex[key] = child
          edgeList.append((key, child))
          node = child
        }
      }
      payloads[Int(node)] = payload
      longest = max(longest, word.count)
      if word[0] <= 0xFFFF { first[Int(word[0] >> 6)] |= 1 << UInt64(word[0] & 63) }
    }
    self.edges = FlatMap(edgeList)
    self.payloads = payloads
    self.firstScalars = first
    self.maxLength = longest
  }

  /// Whether some word may start with `scalar` (exact for BMP scalars).
  @inline(__always)
  func mayStart(_ scalar: UInt32) -> Bool {
    scalar > 0xFFFF || firstScalars[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
  }

  /// Calls `body` for each word that starts at `start` in `text` (shortest first), with its
  /// length and payload, before `end`; stops when `body` returns false.
  @inline(__always)
  func forEachMatch(
    in text: ScalarText, at start: Int, end: Int, _ body: (Int, Int32) -> Bool
  ) {
    guard start < end, mayStart(text.scalars[start]) else { return }
    var node: Int32 = 0
    var index = start
    while index < end {
      let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(text.scalars[index])
      guard let child = edges.value(key) else { return }
      node = child
      index += 1
      let payload = payloads[Int(node)]
      if payload >= 0 && !body(index - start, payload) { return }
    }
  }

  /// Calls `body` for each word that ends just before `end` in `text`, read backwards (the trie
  /// holds reversed words), not reaching before `start`; shortest first.
  @inline(__always)
  func forEachMatchBackward(
    in text: ScalarText, endingBefore end: Int, start: Int, _ body: (Int, Int32) -> Bool
  ) {
    guard end > start, mayStart(text.scalars[end - 1]) else { return }
    var node: Int32 = 0
    var index = end - 1
    while index >= start {
      let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(text.scalars[index])
      guard let child = edges.value(key) else { return }
      node = child
      let payload = payloads[Int(node)]
      if payload >= 0 && !body(end - index, payload) { return }
      index -= 1
    }
  }

  /// The longest word starting at `start` (before `end`): its length and payload.
  @inline(__always)
  func longestMatch(in text: ScalarText, at start: Int, end: Int) -> (length: Int, payload: Int32)?
  {
    var best: (Int, Int32)?
    forEachMatch(in: text, at: start, end: end) { length, payload in
      best = (length, payload)
      return true
    }
    return best
  }
}
