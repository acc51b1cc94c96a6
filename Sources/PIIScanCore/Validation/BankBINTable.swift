/// One bank identification number (BIN/IIN) entry.
///
/// - Note: a value type; safe to share across tasks.
public struct BankBIN: Sendable, Hashable {
  /// The BIN digits (3–10), such as "622202".
  public let bin: String
  /// The issuing bank by its current name, such as "中国工商银行" or "江西银行" (formerly
  /// 南昌银行).
  public let bank: String
  /// "DC" 借记/储蓄卡, "CC" 信用卡, "SCC" 准贷记卡, "PC" 预付费卡; nil when unknown.
  public let cardType: String?
  /// The card number length for this BIN; nil when unknown.
  public let cardLength: Int?
  /// Whether real cards of this BIN (and length) are reported to fail the Luhn check: legacy
  /// domestic debit cards numbered before the UnionPay rules. The table lists each with its
  /// report (`Patterns/tables/README.md`).
  public let isLuhnExempt: Bool
  /// The names the issuer had before a rename or merger, as the BIN lists still give them
  /// (南昌银行 for 江西银行); empty when the lists use the current name.
  public let formerBanks: [String]
}

/// Bank card BINs of PRC issuers from `Patterns/tables/cn-bank-bins.tsv`.
///
/// The rows come from caijf/bankcard, then cardbin for BINs caijf lacks, with banks named as
/// they are now (`Patterns/tables/build-bank-bins.py`). One BIN may have several rows
/// (different banks or card lengths).
///
/// Lookups probe an open-addressing table keyed by `Int` (BIN length and value) once per BIN
/// length present in the table (at most 8), longest first: no hashing of strings, no
/// allocation.
///
/// - Note: immutable; safe to share across tasks.
public struct BankBINTable: Sendable {
  /// Where the embedded table lives under `Patterns/`.
  public static let embeddedPath = "tables/cn-bank-bins.tsv"

  /// The table embedded in the binary.
  public static let shared: BankBINTable = ReferenceTable.loadEmbedded(embeddedPath) {
    try BankBINTable(tsv: $0)
  }

  /// Card types a row may name.
  public static let cardTypes: Set<String> = ["DC", "CC", "SCC", "PC"]

  /// Entries grouped by key, each group contiguous.
  private let entries: [BankBIN]
  /// `entries[i].cardLength`, 0 when unknown (read without copying the entry).
  private let cardLengths: [UInt8]
  /// `entries[i].isLuhnExempt`.
  private let luhnExempt: [Bool]
  /// `entries[i].bin`'s digit count (3–10).
  private let binDigitCounts: [UInt8]
  /// One bit per 6-digit prefix, set when some BIN is a prefix of it or begins with it: a clear
  /// bit answers "no BIN" for a number with one load (most long numbers in a dump are no card).
  private let firstSix: [UInt64]
  /// key(binLength, value) → (start << 16) | count into `entries`.
  private let groups: IntMap
  /// Bit n set when some BIN has n digits.
  private let binLengths: UInt16
  /// `key(length, value)` of `entries[i]`, ascending: the entries of BINs that begin with given
  /// digits are one contiguous run, found by binary search.
  private let entryKeys: [Int]

  @inline(__always)
  private static func key(length: Int, value: Int) -> Int { length &* 10_000_000_000 &+ value }

  /// Parses the table text.
  ///
  /// - Parameters:
  ///   - tsv: header `bin bank card_type card_length luhn_exempt former_bank`.
  ///   - source: The table's name in errors.
  /// - Throws: `TableParseError` for a BIN that is not 3–10 digits, an empty bank, a card type
  ///   other than DC/CC/SCC/PC/empty, a card length outside 12...19, a Luhn flag other than
  ///   Y/N, a Luhn exemption without a card length, or a repeated row.
  public init(tsv: String, source: String = "cn-bank-bins.tsv") throws {
    (entries, groups, binLengths) = try ReferenceTable.withUTF8(tsv) { bytes in
      try Self.parse(bytes, source: source)
    }
    cardLengths = entries.map { UInt8($0.cardLength ?? 0) }
    luhnExempt = entries.map(\.isLuhnExempt)
    binDigitCounts = entries.map { UInt8($0.bin.utf8.count) }
    entryKeys = entries.map { Self.key(length: $0.bin.utf8.count, value: Int($0.bin) ?? 0) }
    var firstSix = [UInt64](repeating: 0, count: 1_000_000 / 64 + 1)
    for entry in entries {
      let digits = entry.bin.utf8.map { Int($0) - 0x30 }
      var low = 0
      for index in 0..<6 { low = low * 10 + (index < digits.count ? digits[index] : 0) }
      var span = 1
      for _ in digits.count..<max(6, digits.count) { span *= 10 }
      for six in low..<(low + span) { firstSix[six >> 6] |= 1 << UInt64(six & 63) }
    }
    self.firstSix = firstSix
  }

  /// One row as read: its BIN and bank are byte ranges of the table.
  private struct Raw {
    var key: Int
    var line: Int
    var bin: Range<Int>
    var bank: Range<Int>
    /// See `cardType(_:)`.
    var cardType: Int8
    var cardLength: Int?
    var isLuhnExempt: Bool
    var formerBanks: Range<Int>
  }

  /// Parses the table's UTF-8 into the entries, ordered by key and then table order, the
  /// groups and the BIN lengths present.
  ///
  /// The table is sorted by BIN as text, which within one BIN length is numeric order, so
  /// taking the rows length by length gives key order; the rows are sorted only if that turns
  /// out not to be so. Each bank name is made once.
  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws -> (
    [BankBIN], IntMap, UInt16
  ) {
    var raws: [Raw] = []
    // Rows take about 30 bytes: enough for the embedded table without growing.
    raws.reserveCapacity(bytes.count / 24)
    var lengths: UInt16 = 0
    try ReferenceTable.forEachRow(
      in: bytes, table: source,
      header: ["bin", "bank", "card_type", "card_length", "luhn_exempt", "former_bank"]
    ) { row in
      let value = try row.digits(0, column: "bin", lengths: 3...10)
      let binLength = row.length(0)
      guard !row.isEmpty(1) else { throw row.error("bank is empty") }
      let cardType: Int8
      if row.isEmpty(2) {
        cardType = -1
      } else if let known = Self.cardType(row) {
        cardType = known
      } else {
        throw row.error("card_type must be DC, CC, SCC, PC or empty, got '\(row.string(2))'")
      }
      let cardLength = try row.optionalInt(3, column: "card_length", range: 12...19)
      let isLuhnExempt = try row.flag(4, column: "luhn_exempt")
      // An exemption excuses the cards of one known length, never a number of any length.
      guard !isLuhnExempt || cardLength != nil else {
        throw row.error("a Luhn exemption needs the card_length it applies to")
      }
      lengths |= 1 << binLength
      raws.append(
        Raw(
          key: Self.key(length: binLength, value: value), line: row.line, bin: row.range(0),
          bank: row.range(1), cardType: cardType, cardLength: cardLength,
          isLuhnExempt: isLuhnExempt, formerBanks: row.range(5)))
    }

    // Rows by BIN length, in table order within a length.
    var order: [Int] = []
    order.reserveCapacity(raws.count)
    var byLength = [[Int]](repeating: [], count: 11)
    for index in raws.indices { byLength[raws[index].bin.count].append(index) }
    for rows in byLength { order += rows }
    if zip(order, order.dropFirst()).contains(where: { raws[$0].key > raws[$1].key }) {
      order.sort { (raws[$0].key, raws[$0].line) < (raws[$1].key, raws[$1].line) }
    }

    var banks = ReferenceTable.StringInterner(bytes)
    var entries: [BankBIN] = []
    entries.reserveCapacity(order.count)
    var groupKeys: [Int] = []
    var groupValues: [Int] = []
    var start = 0
    while start < order.count {
      let key = raws[order[start]].key
      var end = start
      repeat {
        let raw = raws[order[end]]
        entries.append(
          BankBIN(
            bin: ReferenceTable.string(bytes, raw.bin), bank: banks.string(raw.bank),
            cardType: Self.cardTypeName(raw.cardType), cardLength: raw.cardLength,
            isLuhnExempt: raw.isLuhnExempt,
            formerBanks: raw.formerBanks.isEmpty
              ? []
              : ReferenceTable.string(bytes, raw.formerBanks).split(separator: "|").map(
                String.init)))
        for earlier in start..<end where entries[earlier] == entries[end] {
          throw TableParseError(
            table: source, line: raw.line, message: "row repeats line \(raws[order[earlier]].line)")
        }
        end += 1
      } while end < order.count && raws[order[end]].key == key
      groupKeys.append(key)
      groupValues.append(start << 16 | (end - start))
      start = end
    }
    return (entries, IntMap(keys: groupKeys, values: groupValues), lengths)
  }

  /// The card type in field 2 of `row` as a number for `cardTypeName(_:)`, or nil if it is
  /// not one of `cardTypes`.
  private static func cardType(_ row: ReferenceTable.Row) -> Int8? {
    if row.field(2, is: "DC") { return 0 }
    if row.field(2, is: "CC") { return 1 }
    if row.field(2, is: "SCC") { return 2 }
    if row.field(2, is: "PC") { return 3 }
    return nil
  }

  /// The card type numbered `number` by `cardType(_:)`; nil for -1 (none).
  private static func cardTypeName(_ number: Int8) -> String? {
    switch number {
    case 0: "DC"
    case 1: "CC"
    case 2: "SCC"
    case 3: "PC"
    default: nil
    }
  }

  /// The number of rows.
  public var count: Int { entries.count }

  /// The number of distinct BINs.
  public var distinctBINCount: Int { groups.count }

  /// All rows, ordered by BIN length, BIN and table order.
  public var allEntries: [BankBIN] { entries }

  /// The entry for a card number.
  ///
  /// Among all BINs that prefix `cardDigits`: the longest whose `cardLength` equals the
  /// number's length; else the longest with unknown length; else the longest with another
  /// length (so the caller can see the length mismatch). Within one BIN, rows keep table order.
  ///
  /// - Parameter cardDigits: the card number as ASCII digits.
  /// - Returns: nil when no BIN matches or a byte is not a digit.
  public func lookup(_ cardDigits: UnsafeRawBufferPointer) -> BankBIN? {
    entryIndex(cardDigits).map { entries[$0] }
  }

  /// The row ``lookup(_:)`` gives, as an index for ``cardLength(at:)`` and
  /// ``isLegacyLuhnExempt(at:length:)``: the scan's hot path copies no entry (nor its strings).
  func entryIndex(_ cardDigits: UnsafeRawBufferPointer) -> Int? {
    let count = cardDigits.count
    guard count >= 3, let base = cardDigits.baseAddress?.assumingMemoryBound(to: UInt8.self)
    else { return nil }
    var binLength = min(count, 10)
    // The prefix of `binLength` digits; dropping its last digit gives the next shorter one.
    var prefix = 0
    var bad: UInt8 = 0
    for index in 0..<count {
      let digit = base[index] &- 0x30
      bad |= digit > 9 ? 1 : 0
      if index < binLength { prefix = prefix &* 10 &+ Int(digit) }
    }
    guard bad == 0 else { return nil }
    if count >= 6 {
      var six = prefix
      for _ in 6..<binLength { six /= 10 }
      guard firstSix[six >> 6] & (1 << UInt64(six & 63)) != 0 else { return nil }
    }
    var unknownLength = -1
    var otherLength = -1
    while binLength >= 3 {
      if binLengths & (1 << binLength) != 0,
        let group = groups.value(for: Self.key(length: binLength, value: prefix))
      {
        for index in (group >> 16)..<((group >> 16) + (group & 0xFFFF)) {
          let cardLength = Int(cardLengths[index])
          if cardLength == count { return index }
          if cardLength == 0 {
            if unknownLength < 0 { unknownLength = index }
          } else if otherLength < 0 {
            otherLength = index
          }
        }
      }
      prefix /= 10
      binLength -= 1
    }
    let best = unknownLength >= 0 ? unknownLength : otherLength
    return best >= 0 ? best : nil
  }

  /// The card length of row `index`, nil when the table does not say.
  @inline(__always)
  func cardLength(at index: Int) -> Int? {
    cardLengths[index] == 0 ? nil : Int(cardLengths[index])
  }

  /// How many digits the BIN of row `index` has: a short BIN (103, 9558) is the prefix of
  /// far more numbers that are no card than a six-digit one.
  @inline(__always)
  func binLength(at index: Int) -> Int { Int(binDigitCounts[index]) }

  /// ``isLegacyLuhnExempt(_:length:)`` for row `index`.
  @inline(__always)
  func isLegacyLuhnExempt(at index: Int, length: Int) -> Bool {
    luhnExempt[index] && Int(cardLengths[index]) == length
  }

  /// The entry for a card number (see the raw-buffer overload).
  /// The bank and card type every BIN beginning with the first six digits of `cardDigits`
  /// gives, when they all give the same (so a masked card, which shows six digits, may name its
  /// bank); nil when a longer BIN would decide, or when none begins with them.
  public func decidedByFirstSix(_ cardDigits: UnsafeRawBufferPointer) -> (
    bank: String, cardType: String?
  )? {
    guard cardDigits.count >= 6 else { return nil }
    var six = 0
    for byte in cardDigits.prefix(6) {
      guard byte &- 0x30 < 10 else { return nil }
      six = six * 10 + Int(byte &- 0x30)
    }
    // Every report describes each card it shows, so this runs once per card finding: the rows
    // concerned are found through the keys (BINs shorter than six digits by their own key,
    // longer ones as the run of keys between six's lowest and highest extension).
    var one: BankBIN?
    var agree = true
    func take(_ index: Int) {
      let entry = entries[index]
      if let first = one {
        if first.bank != entry.bank || first.cardType != entry.cardType { agree = false }
      } else {
        one = entry
      }
    }
    var scale = 1
    for length in 3...10 where binLengths & (1 << length) != 0 {
      if length < 6 {
        var value = six
        for _ in length..<6 { value /= 10 }
        if let group = groups.value(for: Self.key(length: length, value: value)) {
          for index in (group >> 16)..<((group >> 16) + (group & 0xFFFF)) { take(index) }
        }
        continue
      }
      scale = 1
      for _ in 6..<length { scale *= 10 }
      let lower = Self.key(length: length, value: six * scale)
      let upper = Self.key(length: length, value: (six + 1) * scale)
      var low = 0
      var high = entryKeys.count
      while low < high {
        let middle = (low + high) / 2
        if entryKeys[middle] < lower { low = middle + 1 } else { high = middle }
      }
      while low < entryKeys.count && entryKeys[low] < upper {
        take(low)
        low += 1
      }
    }
    guard let one, agree else { return nil }
    return (one.bank, one.cardType)
  }

  @inlinable
  public func lookup(_ cardDigits: some Collection<UInt8>) -> BankBIN? {
    withValidatorBytes(cardDigits) { lookup($0) }
  }

  /// Whether real cards of `bin` are reported to fail Luhn (the table's `luhn_exempt`).
  ///
  /// Only BINs with a published report of a real card failing the check are listed, each
  /// with the card length concerned (`Patterns/tables/README.md`): 601428 交通银行 (17
  /// digits), 622173 江苏银行 (19), 456351 中国银行 (19). Every other BIN, legacy domestic
  /// ones (103, 9558, 60xxxx) and UnionPay 62 IC-card BINs such as 621483 included, expects a
  /// number that passes Luhn: a failing one is a typo, a fabricated number or no card at all
  /// (19-digit snowflake ids start with 103 too).
  public func isLuhnExempt(_ bin: BankBIN) -> Bool { bin.isLuhnExempt }

  /// Whether any row of the BIN written `bin` (such as "601428") is Luhn-exempt.
  public func isLuhnExempt(bin: String) -> Bool {
    let digits = Array(bin.utf8)
    guard (3...10).contains(digits.count),
      let value = withValidatorBytes(digits, { ValidationBytes.number($0, 0, digits.count) }),
      let group = groups.value(for: Self.key(length: digits.count, value: value))
    else { return false }
    return entries[(group >> 16)..<((group >> 16) + (group & 0xFFFF))].contains(
      where: \.isLuhnExempt)
  }

  /// Whether a card under `bin` with `length` digits may fail Luhn and still be real.
  ///
  /// True only for a Luhn-exempt BIN (`isLuhnExempt(_:)`) and a number of the length its
  /// exemption is for, so a length mismatch is never excused.
  public func isLegacyLuhnExempt(_ bin: BankBIN, length: Int) -> Bool {
    guard bin.isLuhnExempt, let cardLength = bin.cardLength else { return false }
    return cardLength == length
  }
}

/// A read-only map from non-negative `Int` keys to `Int` values with linear probing and a
/// multiplicative hash: a few nanoseconds per probe, where `Dictionary`'s seeded SipHash costs
/// tens.
private struct IntMap: Sendable {
  private let keys: [Int]  // -1 = empty slot
  private let values: [Int]
  private let shift: Int
  let count: Int

  /// A map from `keys[i]` to `values[i]`; the keys are distinct and non-negative.
  init(keys entryKeys: [Int], values entryValues: [Int]) {
    precondition(entryKeys.count == entryValues.count, "IntMap needs one value per key")
    var bits = 4
    while 1 << bits < entryKeys.count * 2 { bits += 1 }
    var keys = [Int](repeating: -1, count: 1 << bits)
    var values = [Int](repeating: 0, count: 1 << bits)
    let shift = 64 - bits
    for (key, value) in zip(entryKeys, entryValues) {
      precondition(key >= 0, "IntMap keys are non-negative")
      var slot = Self.slot(key, shift)
      while keys[slot] != -1 {
        precondition(keys[slot] != key, "IntMap keys are distinct")
        slot = (slot + 1) & (keys.count - 1)
      }
      keys[slot] = key
      values[slot] = value
    }
    self.keys = keys
    self.values = values
    self.shift = shift
    count = entryKeys.count
  }

  @inline(__always)
  private static func slot(_ key: Int, _ shift: Int) -> Int {
    // `>>` binds tighter than `&*`: the product is shifted, keeping its top bits.
    let product = UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: product >> UInt64(shift))
  }

  /// The value for `key`, or nil.
  @inline(__always)
  func value(for key: Int) -> Int? {
    var slot = Self.slot(key, shift)
    while true {
      let found = keys[slot]
      if found == key { return values[slot] }
      if found == -1 { return nil }
      slot = (slot + 1) & (keys.count - 1)
    }
  }
}
