import PIIScanCore

/// A small seeded generator (SplitMix64), so every run of the benchmarks measures the same
/// values: figures from two runs differ by the machine, never by the inputs.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// `count` random ASCII digits.
  mutating func digits(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(ascii: "0") + UInt8(below(10)) }
  }
}

/// Values of one shape packed end to end in one allocation that lives for the whole process,
/// so a benchmark's loop hands each validator a raw buffer without copying, allocating or
/// touching a reference count.
struct PackedValues: @unchecked Sendable {
  private let base: UnsafeMutableRawPointer
  private let starts: UnsafeMutablePointer<Int>
  /// Number of values.
  let count: Int

  init(_ values: [[UInt8]]) {
    count = values.count
    let total = values.reduce(0) { $0 + $1.count }
    base = .allocate(byteCount: max(total, 1), alignment: 16)
    starts = .allocate(capacity: count + 1)
    var offset = 0
    for (index, value) in values.enumerated() {
      starts[index] = offset
      value.withUnsafeBytes {
        (base + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
      }
      offset += value.count
    }
    starts[count] = offset
  }

  /// Value `index` (taken modulo the count, so any loop index works).
  @inline(__always) subscript(index: Int) -> UnsafeRawBufferPointer {
    let i = index % count
    return UnsafeRawBufferPointer(start: base + starts[i], count: starts[i + 1] - starts[i])
  }
}

/// Synthetic identifiers with computed check characters: never a real person's. Each set
/// mixes valid values with values broken the way dumps break them (a wrong check character,
/// an impossible date, an unallocated prefix), in a fixed proportion per set.
enum SyntheticValues {
  /// Values per set: the benchmarks declare a scaling factor of 1,000, so each figure they
  /// print is per value.
  static let setSize = 1_000
  /// The date the validators judge birth dates against.
  static let asOf = CivilDate(year: 2026, month: 12, day: 4)!

  /// Current county-level region codes, as six ASCII digits.
  static let counties: [[UInt8]] = RegionCodeTable.shared.allRegions
    .filter { $0.isCurrent && $0.level == .county }
    .map { Array(String($0.code).utf8) }

  /// `YYYYMMDD` of a birth date in `1950..<1950 + years` (days 1 to 28: always a real date).
  static func birthDate(_ random: inout SplitMix64, years: Int = 58) -> [UInt8] {
    let year = 1950 + random.below(years)
    let month = 1 + random.below(12)
    let day = 1 + random.below(28)
    let text =
      String(year) + (month < 10 ? "0" : "") + String(month) + (day < 10 ? "0" : "")
      + String(day)
    return Array(text.utf8)
  }

  /// Returns `value` with its last character replaced by another one from `alphabet`.
  static func breakingLast(_ value: [UInt8], alphabet: [UInt8]) -> [UInt8] {
    var broken = value
    let last = broken[broken.count - 1]
    let index = alphabet.firstIndex(of: last) ?? 0
    broken[broken.count - 1] = alphabet[(index + 1) % alphabet.count]
    return broken
  }

  static let digitAlphabet = Array("0123456789".utf8)

  /// 18-character resident ID numbers: three in four valid, the rest with a wrong check
  /// character (every eighth) or 31 February as the birth date.
  static func residentIDs18(seed: UInt64 = 18) -> [[UInt8]] {
    var random = SplitMix64(seed: seed)
    return (0..<setSize).map { index in
      var first17 = counties[random.below(counties.count)] + birthDate(&random)
      if index % 8 == 7 { first17.replaceSubrange(10..<14, with: Array("0231".utf8)) }
      first17 += random.digits(3)
      let id = first17 + [ResidentID.checkCharacter(first17: first17)]
      return index % 8 == 3 ? breakingLast(id, alphabet: Array("0123456789X".utf8)) : id
    }
  }

  /// 15-digit first-generation numbers (region, `YYMMDD`, sequence): seven in eight valid,
  /// the rest with month 13.
  static func residentIDs15(seed: UInt64 = 15) -> [[UInt8]] {
    var random = SplitMix64(seed: seed)
    return (0..<setSize).map { index in
      var date = Array(birthDate(&random, years: 50).dropFirst(2))
      if index % 8 == 5 { date.replaceSubrange(2..<4, with: Array("13".utf8)) }
      return counties[random.below(counties.count)] + date + random.digits(3)
    }
  }

  /// Card numbers under the table's BINs at each BIN's card length (16 or 19 when the table
  /// does not say), with a Luhn check digit; every fourth has its last digit changed.
  static func bankCards(seed: UInt64 = 62) -> [[UInt8]] {
    var random = SplitMix64(seed: seed)
    let bins = BankBINTable.shared.allEntries
    return (0..<setSize).map { index in
      let bin = bins[random.below(bins.count)]
      let length = bin.cardLength ?? (random.below(2) == 0 ? 16 : 19)
      let payload = Array(bin.bin.utf8) + random.digits(max(0, length - 1 - bin.bin.utf8.count))
      let card = payload + [Luhn.checkDigit(forPayload: payload)]
      return index % 4 == 1 ? breakingLast(card, alphabet: digitAlphabet) : card
    }
  }

  /// 11-digit mobile numbers under the table's 11-digit prefixes; every eighth starts with an
  /// unallocated `10`.
  static func mobiles(seed: UInt64 = 13) -> [[UInt8]] {
    var random = SplitMix64(seed: seed)
    let prefixes = MobilePrefixTable.shared.allPrefixes.filter { $0.length == 11 }
    return (0..<setSize).map { index in
      if index % 8 == 6 { return Array("10".utf8) + random.digits(9) }
      let prefix = Array(prefixes[random.below(prefixes.count)].prefix.utf8)
      return prefix + random.digits(11 - prefix.count)
    }
  }

  /// Landline numbers with their trunk 0: an area code from the table and 7 or 8 digits;
  /// every eighth starts with `0` and an area code that no table row holds (`0000`).
  static func landlines(seed: UInt64 = 755) -> [[UInt8]] {
    var random = SplitMix64(seed: seed)
    let codes = LandlineAreaCodes.shared.allAreaCodes.map { Array($0.code.utf8) }
    return (0..<setSize).map { index in
      if index % 8 == 4 { return Array("0000".utf8) + random.digits(7) }
      let code = codes[random.below(codes.count)]
      return code + random.digits(code.count == 3 ? 8 : 7)
    }
  }

  /// The 31 USCC symbols in value order (GB 32100: no I, O, S, V or Z).
  static let usccAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

  /// Unified social credit codes: `91` or `92`, a region, a 9-character organisation code
  /// and the mod-31 check character (weights 3^i mod 31); every fourth has a wrong check.
  static func usccs(seed: UInt64 = 31) -> [[UInt8]] {
    var random = SplitMix64(seed: seed)
    return (0..<setSize).map { index in
      var code = Array((random.below(2) == 0 ? "91" : "92").utf8)
      code += counties[random.below(counties.count)]
      for _ in 0..<9 { code.append(usccAlphabet[random.below(usccAlphabet.count)]) }
      var sum = 0
      var weight = 1
      for symbol in code {
        sum += usccAlphabet.firstIndex(of: symbol)! * weight
        weight = weight * 3 % 31
      }
      code.append(usccAlphabet[(31 - sum % 31) % 31])
      return index % 4 == 2 ? breakingLast(code, alphabet: usccAlphabet) : code
    }
  }
}

/// A dense member table in memory, as in a leaked CSV export: a header, then rows that each
/// hold five strong values (resident ID, mobile, e-mail, bank card, landline), 1,000 values in
/// all, so the chunk-level benchmarks' figures are per planted value too.
enum DenseTable {
  static let rows = SyntheticValues.setSize / 5
  static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
  static let givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军"]
  static let locals = ["wang.wei", "li_na", "zhang.min", "liu.jing", "chen.qiang", "yang.lei"]
  static let domains = ["example.com", "example.cn", "mail.example.org"]

  /// The table's text (UTF-8).
  static let text: String = {
    let ids = SyntheticValues.residentIDs18(seed: 1_818)
    let mobiles = SyntheticValues.mobiles(seed: 1_313)
    let cards = SyntheticValues.bankCards(seed: 6_262)
    let landlines = SyntheticValues.landlines(seed: 7_755)
    var out = "序号,姓名,身份证号,手机,邮箱,银行卡,电话\n"
    for row in 0..<rows {
      let name = surnames[row % surnames.count] + givenNames[row / surnames.count % 10]
      let mail = locals[row % locals.count] + String(row) + "@" + domains[row % domains.count]
      let landline = landlines[row]
      let split = landline.count == 11 && landline[1] < UInt8(ascii: "3") ? 3 : 4
      let phone =
        String(decoding: landline[..<split], as: UTF8.self) + "-"
        + String(decoding: landline[split...], as: UTF8.self)
      let fields = [
        String(row + 1), name, String(decoding: ids[row], as: UTF8.self),
        String(decoding: mobiles[row], as: UTF8.self), mail,
        String(decoding: cards[row], as: UTF8.self), phone,
      ]
      out += fields.joined(separator: ",") + "\n"
    }
    return out
  }()

  /// The same text in an allocation that lives for the whole process.
  // Written once (a lazy global), then only read.
  nonisolated(unsafe) static let bytes: UnsafeRawBufferPointer = {
    let utf8 = Array(text.utf8)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: utf8.count, alignment: 64)
    utf8.withUnsafeBytes { buffer.copyMemory(from: $0) }
    return UnsafeRawBufferPointer(buffer)
  }()

  /// `count` addresses, one a line (the e-mail detector's own input, without other values).
  static func emailLines(count: Int) -> UnsafeRawBufferPointer {
    var text = ""
    for index in 0..<count {
      text += locals[index % locals.count] + String(index) + "@" + domains[index % domains.count]
      text += "\n"
    }
    let utf8 = Array(text.utf8)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: utf8.count, alignment: 64)
    utf8.withUnsafeBytes { buffer.copyMemory(from: $0) }
    return UnsafeRawBufferPointer(buffer)
  }
}
