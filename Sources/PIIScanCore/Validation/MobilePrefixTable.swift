/// One allocated mobile number prefix (号段).
///
/// - Note: a value type; safe to share across tasks.
public struct MobilePrefix: Sendable, Hashable {
  /// The prefix digits (3–5), such as "138", "1349" or "17400".
  public let prefix: String
  /// The full number length for this prefix: 11, or 13 for IoT numbers.
  public let length: Int
  /// The allocating carrier in English, such as "China Mobile".
  ///
  /// Since 2019-12 numbers can be ported (携号转网), so the current carrier may differ.
  public let carrier: String
  /// The allocating carrier in Chinese, such as "中国移动".
  public let carrierZh: String
  /// basic, mvno, data_card, iot, satellite or emergency.
  public let category: String
  /// Whether numbers under this prefix belong to persons (false for IoT and emergency
  /// communications).
  public let isPersonal: Bool
}

/// Allocated PRC mobile prefixes from `Patterns/tables/cn-mobile-prefixes.tsv`.
///
/// Lookup is the longest matching 5-, 4- or 3-digit prefix among entries whose number
/// length equals the input's, through flat arrays indexed by the prefix value: no hashing,
/// no allocation.
///
/// - Note: immutable; safe to share across tasks.
public struct MobilePrefixTable: Sendable {
  /// Where the embedded table lives under `Patterns/`.
  public static let embeddedPath = "tables/cn-mobile-prefixes.tsv"

  /// The table embedded in the binary.
  public static let shared: MobilePrefixTable = ReferenceTable.loadEmbedded(embeddedPath) {
    try MobilePrefixTable(tsv: $0)
  }

  private let entries: [MobilePrefix]
  /// `byLength[k]` maps a (3 + k)-digit prefix value to entry index + 1 (0 = none).
  private let byLength: [PrefixSlots]
  /// Per entry: its number length, and 0x80 when numbers under it belong to persons — what
  /// ``allocation(_:)`` reads, so the scan's hot path copies no entry (and none of its strings).
  private let packed: [UInt8]
  /// Per three-digit start (000–999): ``isDecidedByFirstThree(_:)``'s answer, worked out once
  /// since every report asks it of every masked or shown mobile.
  private let decidedByThree: [Bool]

  /// Parses the table text.
  ///
  /// - Parameters:
  ///   - tsv: header `prefix length carrier carrier_zh category personal`.
  ///   - source: The table's name in errors.
  /// - Throws: `TableParseError` for a prefix that is not 3–5 digits or repeats, a length
  ///   outside 11...13, empty carrier or category, or a personal flag that is not Y/N.
  public init(tsv: String, source: String = "cn-mobile-prefixes.tsv") throws {
    var entries: [MobilePrefix] = []
    var values: [(digits: Int, value: Int)] = []
    var seen: Set<Int> = []
    try ReferenceTable.forEachRow(
      tsv, table: source,
      header: ["prefix", "length", "carrier", "carrier_zh", "category", "personal"]
    ) { row in
      let value = try row.digits(0, column: "prefix", lengths: 3...5)
      let digits = row.length(0)
      guard let length = try row.optionalInt(1, column: "length", range: 11...13) else {
        throw row.error("length must be a number in 11...13, got ''")
      }
      if row.isEmpty(2) { throw row.error("carrier is empty") }
      if row.isEmpty(3) { throw row.error("carrier_zh is empty") }
      if row.isEmpty(4) { throw row.error("category is empty") }
      let isPersonal = try row.flag(5, column: "personal")
      guard seen.insert(digits * 100_000 + value).inserted else {
        throw row.error("prefix \(row.string(0)) appears twice")
      }
      guard entries.count < Int(UInt16.max) else { throw row.error("too many prefixes") }
      entries.append(
        MobilePrefix(
          prefix: row.string(0), length: length, carrier: row.string(2),
          carrierZh: row.string(3), category: row.string(4), isPersonal: isPersonal))
      values.append((digits, value))
    }
    self.entries = entries
    packed = entries.map { UInt8($0.length) | ($0.isPersonal ? 0x80 : 0) }
    decidedByThree = Self.decisions(entries)
    byLength = (3...5).map { digits in
      PrefixSlots(
        values.enumerated().compactMap { entry, prefix in
          prefix.digits == digits ? (prefix.value, UInt16(entry + 1)) : nil
        })
    }
  }

  /// The number of prefixes.
  public var count: Int { entries.count }

  /// All prefixes in table order.
  public var allPrefixes: [MobilePrefix] { entries }

  /// The allocation of a mobile number.
  ///
  /// The longest 5/4/3-digit prefix whose number length equals `digits.count`. Nil means
  /// unallocated (or not all digits, or fewer than 5). An 11-digit number under a 13-digit
  /// IoT prefix (146…, 1440…) is therefore nil.
  ///
  /// - Parameter digits: the national number as ASCII digits, without +86/0086.
  public func lookup(_ digits: UnsafeRawBufferPointer) -> MobilePrefix? {
    guard let prefixes = Self.prefixValues(digits) else { return nil }
    return longestMatch(prefixes) { $0.length == digits.count }
  }

  /// What ``lookup(_:)`` would say about `digits`, without copying its entry (or any of its
  /// strings): ``Allocation/unallocated``, or whether numbers under the prefix are personal.
  @inline(__always)
  func allocation(_ digits: UnsafeRawBufferPointer) -> Allocation {
    guard let (three, four, five) = Self.prefixValues(digits) else { return .unallocated }
    let length = UInt8(truncatingIfNeeded: digits.count)
    var slot = byLength[2].slot(five)
    if slot == 0 || packed[slot - 1] & 0x7F != length {
      slot = byLength[1].slot(four)
      if slot == 0 || packed[slot - 1] & 0x7F != length {
        slot = byLength[0].slot(three)
        if slot == 0 || packed[slot - 1] & 0x7F != length { return .unallocated }
      }
    }
    return packed[slot - 1] & 0x80 != 0 ? .personal : .nonPersonal
  }

  /// See ``allocation(_:)``.
  enum Allocation {
    case unallocated, personal, nonPersonal
  }

  /// Whether the first three digits of `digits` decide its carrier and line type: every prefix
  /// of the table that begins with them gives the same (so a masked mobile, which shows three,
  /// may say which carrier it belongs to).
  public func isDecidedByFirstThree(_ digits: UnsafeRawBufferPointer) -> Bool {
    guard digits.count >= 3 else { return false }
    var three = 0
    for byte in digits.prefix(3) {
      guard byte &- 0x30 < 10 else { return false }
      three = three * 10 + Int(byte &- 0x30)
    }
    return decidedByThree[three]
  }

  /// For each three-digit start: true when no prefix begins with it, or when one is exactly it
  /// and every prefix beginning with it names the same carrier and category.
  private static func decisions(_ entries: [MobilePrefix]) -> [Bool] {
    var first: [MobilePrefix?] = Array(repeating: nil, count: 1000)
    var mixed = [Bool](repeating: false, count: 1000)
    var exact = [Bool](repeating: false, count: 1000)
    for entry in entries {
      guard let three = Int(entry.prefix.prefix(3)), entry.prefix.utf8.count >= 3 else {
        continue
      }
      if entry.prefix.utf8.count == 3 { exact[three] = true }
      if let one = first[three] {
        if one.carrierZh != entry.carrierZh || one.category != entry.category {
          mixed[three] = true
        }
      } else {
        first[three] = entry
      }
    }
    return (0..<1000).map { first[$0] == nil || (!mixed[$0] && exact[$0]) }
  }

  /// The allocation of a mobile number (see the raw-buffer overload).
  @inlinable
  public func lookup(_ digits: some Collection<UInt8>) -> MobilePrefix? {
    withValidatorBytes(digits) { lookup($0) }
  }

  /// The longest prefix of `digits` in the table, whatever its number length.
  ///
  /// So an 11-digit number under an IoT prefix reports the IoT entry. Nil if none or not all
  /// digits.
  public func entry(forPrefixOf digits: UnsafeRawBufferPointer) -> MobilePrefix? {
    guard let prefixes = Self.prefixValues(digits) else { return nil }
    return longestMatch(prefixes) { _ in true }
  }

  /// The longest prefix of `digits` in the table (see the raw-buffer overload).
  @inlinable
  public func entry(forPrefixOf digits: some Collection<UInt8>) -> MobilePrefix? {
    withValidatorBytes(digits) { entry(forPrefixOf: $0) }
  }

  private func longestMatch(
    _ prefixes: (Int, Int, Int), where accept: (MobilePrefix) -> Bool
  ) -> MobilePrefix? {
    if let entry = entry(digits: 5, value: prefixes.2), accept(entry) { return entry }
    if let entry = entry(digits: 4, value: prefixes.1), accept(entry) { return entry }
    if let entry = entry(digits: 3, value: prefixes.0), accept(entry) { return entry }
    return nil
  }

  @inline(__always)
  private func entry(digits: Int, value: Int) -> MobilePrefix? {
    let slot = byLength[digits - 3].slot(value)
    return slot == 0 ? nil : entries[slot - 1]
  }

  /// The 3-, 4- and 5-digit prefix values; nil if a byte is not a digit or there are fewer
  /// than 5.
  private static func prefixValues(_ digits: UnsafeRawBufferPointer) -> (Int, Int, Int)? {
    guard digits.count >= 5, let base = digits.baseAddress?.assumingMemoryBound(to: UInt8.self)
    else { return nil }
    var five = 0
    var bad: UInt8 = 0
    for index in 0..<digits.count {
      let digit = base[index] &- 0x30
      bad |= digit > 9 ? 1 : 0
      if index < 5 { five = five &* 10 &+ Int(digit) }
    }
    return bad == 0 ? (five / 100, five / 10, five) : nil
  }
}

/// Slots for the prefix values of one length, from the smallest to the largest in the table
/// (not all 10ⁿ of them: most prefixes start with 1).
private struct PrefixSlots: Sendable {
  /// The value of `slots[0]`.
  private let first: Int
  /// Entry index + 1, 0 for none.
  private let slots: [UInt16]

  /// Slots holding `slot` for each `value`.
  init(_ values: [(value: Int, slot: UInt16)]) {
    let first = values.map(\.value).min() ?? 0
    var slots = [UInt16](repeating: 0, count: (values.map(\.value).max() ?? -1) - first + 1)
    for (value, slot) in values { slots[value - first] = slot }
    self.first = first
    self.slots = slots
  }

  /// Entry index + 1 for `value`, 0 for none.
  @inline(__always)
  func slot(_ value: Int) -> Int {
    let offset = value &- first
    return offset >= 0 && offset < slots.count ? Int(slots[offset]) : 0
  }
}
