/// A number as written: up to ``maxGroups`` digit groups joined by one kind of separator
/// ("138 1234 5678", "0755-12345678-123", "6222 0212 3456 7890 123"), with an optional
/// trailing `X` (an ID number's check character).
struct NumberChain {
  static let maxGroups = 6

  // Built and passed for every candidate, so it is kept to three words of plain integers:
  // group k starts `offsets` byte k after `first` and has `lengths` byte k digits (a chain
  // spans at most DetectionLimits.maxChainBytes, so both fit a byte).
  private var first: Int = 0
  private var offsets: UInt64 = 0
  private var lengthBytes: UInt64 = 0
  private(set) var count = 0
  /// The separator between groups (' ' or '-'), or 0 for a single group.
  private(set) var separator: UInt8 = 0
  /// Whether the groups are two spaces apart ("6222  0212  3456  7890  128"), as some forms
  /// and exports pad them; every gap of a chain is the same.
  private(set) var doubleSpaced = false
  /// Whether the last group is followed by 'X' or 'x' that ends the token.
  private(set) var trailingX = false

  /// Builds the chain that starts at the digit group at `start`.
  init(window w: ByteWindow, start: Int) {
    first = start
    var i = start
    while true {
      var j = i
      while ByteClass.isDigit(w[j]) { j += 1 }
      set(count, start: i, length: j - i)
      count += 1
      let next = w[j]
      let double = next == 0x20 && w[j + 1] == 0x20
      let gap = double ? 2 : 1
      guard count < NumberChain.maxGroups, next == 0x20 || next == 0x2D,
        separator == 0 || (separator == next && doubleSpaced == double),
        ByteClass.isDigit(w[j + gap]), j - start < DetectionLimits.maxChainBytes
      else { break }
      separator = next
      doubleSpaced = double
      i = j + gap
    }
    let after = end
    if (w[after] | 0x20) == 0x78, !ByteClass.isAlphanumeric(w[after + 1]) { trailingX = true }
  }

  /// A chain of one group.
  init(window w: ByteWindow, start: Int, length: Int) {
    first = start
    set(0, start: start, length: length)
    count = 1
    if (w[start + length] | 0x20) == 0x78, !ByteClass.isAlphanumeric(w[start + length + 1]) {
      trailingX = true
    }
  }

  @inline(__always) private mutating func set(_ k: Int, start: Int, length: Int) {
    // A run longer than a byte holds is longer than any value: kept at 255, it fits no shape.
    offsets |= UInt64(truncatingIfNeeded: min(start - first, 255)) << (8 * UInt64(k))
    lengthBytes |= UInt64(min(length, 255)) << (8 * UInt64(k))
  }

  /// Start of group `k` in the window.
  @inline(__always) func starts(_ k: Int) -> Int {
    first + Int(truncatingIfNeeded: (offsets >> (8 * UInt64(k))) & 0xFF)
  }
  /// Digits in group `k`.
  @inline(__always) func lengths(_ k: Int) -> Int {
    Int(truncatingIfNeeded: (lengthBytes >> (8 * UInt64(k))) & 0xFF)
  }

  var start: Int { starts(0) }
  /// End of the last digit group (before a trailing X).
  var end: Int { starts(count - 1) + lengths(count - 1) }
  var digitCount: Int {
    var n = 0
    for k in 0..<count { n += lengths(k) }
    return n
  }

  /// The group lengths packed into one integer, for cheap shape tests (see ``shape(_:_:_:_:_:)``).
  var signature: UInt64 { signature(from: 0) }

  /// The signature of the groups from group `first` on.
  func signature(from first: Int) -> UInt64 {
    var packed: UInt64 = 0
    for k in first..<count { packed |= UInt64(min(lengths(k), 31)) << (5 * UInt64(k - first)) }
    return packed | UInt64(count - first) << 40
  }

  /// The signature of a chain whose groups have these lengths (zero = no such group).
  @inline(__always)
  static func shape(_ a: Int, _ b: Int = 0, _ c: Int = 0, _ d: Int = 0, _ e: Int = 0) -> UInt64 {
    let lengths = (a, b, c, d, e)
    var packed = UInt64(a) | UInt64(b) << 5 | UInt64(c) << 10 | UInt64(d) << 15 | UInt64(e) << 20
    let groups = lengths.4 > 0 ? 5 : lengths.3 > 0 ? 4 : lengths.2 > 0 ? 3 : lengths.1 > 0 ? 2 : 1
    packed |= UInt64(groups) << 40
    return packed
  }

  /// Appends the digits of groups `groups` to `out`.
  func appendDigits(_ w: ByteWindow, groups: Range<Int>, to out: inout [UInt8]) {
    for k in groups {
      for i in starts(k)..<starts(k) + lengths(k) { out.append(w[i]) }
    }
  }

  /// Whether group `k` spells `text` (ASCII digits).
  func group(_ k: Int, is text: StaticString, in w: ByteWindow) -> Bool {
    guard k < count, lengths(k) == text.utf8CodeUnitCount else { return false }
    let p = text.utf8Start
    for i in 0..<lengths(k) where w[starts(k) + i] != p[i] { return false }
    return true
  }
}
