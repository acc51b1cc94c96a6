/// The level of a GB/T 2260 administrative division.
public enum RegionLevel: String, Sendable, Hashable {
  /// 省级: codes `xx0000`.
  case province
  /// 地级: codes `xxxx00`.
  case prefecture
  /// 县级: all other codes.
  case county
}

/// One GB/T 2260 administrative division code with its names and years.
///
/// - Note: a value type; safe to share across tasks.
public struct Region: Sendable, Hashable {
  /// The 6-digit code, such as 110101.
  public let code: Int
  /// The full name: province + prefecture + own name.
  ///
  /// Each part is included only where that code has a name in the table, and is the latest
  /// name of its code. For example "北京市东城区" for
  /// 110101 (110100 has no name), "河北省石家庄市长安区" for 130102. For a code with no name of
  /// its own this is its parents' names only; see `ownName`.
  ///
  /// Made from the table text each time it is asked for: finding details need names, the
  /// lookups behind them do not, and start-up reads none.
  public var name: String { names.fullName(index) }
  /// The latest name of this code alone; empty when the table has none (python-stdnum-only
  /// codes, mostly `xxxx01` 市辖区 placeholders).
  ///
  /// Made from the table text each time it is asked for.
  public var ownName: String { names.ownName(index) }
  /// Every name this code has had, oldest first (a code can be renamed or reused).
  ///
  /// Made from the table text each time it is asked for.
  public var historicalNames: [String] { names.historicalNames(index) }
  /// Province, prefecture or county level.
  public let level: RegionLevel
  /// Whether the code is in the current MCA list.
  public let isCurrent: Bool
  /// The first year the code appears in an MCA list; nil when unknown.
  public let firstYear: Int?
  /// The last year the code appears in an MCA list; nil when it is current or was never in one.
  public let lastYear: Int?
  /// Whether `ownName` is not empty, known without reading the names.
  let hasOwnName: Bool

  /// The names of this code's table, where `name`, `ownName` and `historicalNames` come from.
  private let names: RegionNames
  /// This code's row in `names`.
  private let index: Int

  fileprivate init(
    code: Int, level: RegionLevel, isCurrent: Bool, firstYear: Int?, lastYear: Int?,
    hasOwnName: Bool, names: RegionNames, index: Int
  ) {
    self.code = code
    self.level = level
    self.isCurrent = isCurrent
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.hasOwnName = hasOwnName
    self.names = names
    self.index = index
  }

  /// Whether all properties are equal.
  public static func == (lhs: Region, rhs: Region) -> Bool {
    guard
      lhs.code == rhs.code, lhs.level == rhs.level, lhs.isCurrent == rhs.isCurrent,
      lhs.firstYear == rhs.firstYear, lhs.lastYear == rhs.lastYear,
      lhs.hasOwnName == rhs.hasOwnName
    else { return false }
    // One row of one table has one set of names; otherwise compare them.
    if lhs.names === rhs.names && lhs.index == rhs.index { return true }
    return lhs.ownName == rhs.ownName && lhs.name == rhs.name
      && lhs.historicalNames == rhs.historicalNames
  }

  /// Hashes the properties other than the names (which equal regions share too), so that
  /// hashing does not make names.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(level)
    hasher.combine(isCurrent)
    hasher.combine(firstYear)
    hasher.combine(lastYear)
  }
}

extension Region: CustomReflectable {
  /// The public properties, names included, as `print` and `dump` show them.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "code": code, "name": name, "ownName": ownName, "historicalNames": historicalNames,
        "level": level, "isCurrent": isCurrent, "firstYear": firstYear as Any,
        "lastYear": lastYear as Any,
      ], displayStyle: .struct)
  }
}

/// The names of one region table's codes, read from the table text when asked for.
///
/// - Note: immutable; safe to share across tasks.
private final class RegionNames: Sendable {
  /// The table; `fields[i]` is the name field (names joined by `|`) of the row of `codes[i]`
  /// in its UTF-8.
  private let text: String
  private let fields: [Range<Int>]
  /// The table's codes, ascending.
  private let codes: [Int32]

  init(text: String, fields: [Range<Int>], codes: [Int32]) {
    self.text = text
    self.fields = fields
    self.codes = codes
  }

  /// Row `index`'s latest name, or empty.
  func ownName(_ index: Int) -> String {
    ReferenceTable.withUTF8(text) { bytes in
      RegionCodeTable.latestName(in: bytes, fields[index]).map {
        ReferenceTable.string(bytes, $0)
      } ?? ""
    }
  }

  /// Row `index`'s names, oldest first.
  func historicalNames(_ index: Int) -> [String] {
    ReferenceTable.withUTF8(text) { bytes in
      RegionCodeTable.names(in: bytes, fields[index]).map { ReferenceTable.string(bytes, $0) }
    }
  }

  /// Row `index`'s full name: the latest names of its province (`xx0000`) and prefecture
  /// (`xxxx00`; none for a county code `xx00yy`, whose `xxxx00` is the province itself), where
  /// the table has them, and its own.
  func fullName(_ index: Int) -> String {
    let code = Int(codes[index])
    let province = code / 10_000 * 10_000
    let prefecture = code / 100 * 100
    let provinceRow = code == province ? nil : row(of: province)
    let prefectureRow = code == prefecture || prefecture == province ? nil : row(of: prefecture)
    return ReferenceTable.withUTF8(text) { bytes in
      func latestName(_ row: Int?) -> Range<Int> {
        guard let row else { return 0..<0 }
        return RegionCodeTable.latestName(in: bytes, fields[row]) ?? 0..<0
      }
      let parts = (latestName(provinceRow), latestName(prefectureRow), latestName(index))
      return String(unsafeUninitializedCapacity: parts.0.count + parts.1.count + parts.2.count) {
        buffer in
        var offset = 0
        func append(_ range: Range<Int>) {
          for index in range {
            buffer[offset] = bytes[index]
            offset += 1
          }
        }
        append(parts.0)
        append(parts.1)
        append(parts.2)
        return offset
      }
    }
  }

  /// The row of `code`, or nil if the table does not have it.
  private func row(of code: Int) -> Int? {
    var low = 0
    var high = codes.count
    while low < high {
      let middle = (low + high) >> 1
      if Int(codes[middle]) < code { low = middle + 1 } else { high = middle }
    }
    return low < codes.count && Int(codes[low]) == code ? low : nil
  }
}

/// Every GB/T 2260 region code ever valid (current and historical), from
/// `Patterns/tables/cn-region-codes.tsv`: 7,196 codes.
///
/// Lookups are binary searches over a sorted array of codes: no allocation, no hashing.
///
/// - Note: immutable; safe to share across tasks.
public struct RegionCodeTable: Sendable {
  /// Where the embedded table lives under `Patterns/`.
  public static let embeddedPath = "tables/cn-region-codes.tsv"

  /// The table embedded in the binary.
  public static let shared: RegionCodeTable = ReferenceTable.loadEmbedded(embeddedPath) {
    try RegionCodeTable(tsv: $0)
  }

  /// The codes, ascending; `regions[i]` belongs to `codes[i]`.
  private let codes: [Int32]
  private let regions: [Region]
  /// Per row, what an ID check reads, so the scan's hot path copies no ``Region`` (nor its
  /// names): bit 0 current, bit 1 has a name of its own, bits 16… the last year (0 = none).
  private let facts: [UInt32]
  /// `codes` index of the first code ≥ `prefix * 100`, for every 4-digit prefix (and one past
  /// the last): a code is looked for among the few that share its first four digits.
  private let prefixStart: [UInt16]

  /// Parses the table text.
  ///
  /// - Parameters:
  ///   - tsv: The table: header `code name level first_year last_year current`.
  ///   - source: The table's name in errors.
  /// - Throws: `TableParseError` naming the table and line of the first problem: a code that
  ///   is not 6 digits or repeats, a level that is not province/prefecture/county, a bad
  ///   year, a current flag that is not Y/N or disagrees with `last_year`.
  public init(tsv: String, source: String = "cn-region-codes.tsv") throws {
    var text = tsv
    // The names are made from these bytes later: keep the text in the form parsed now.
    text.makeContiguousUTF8()
    (codes, regions) = try ReferenceTable.withUTF8(text) { bytes in
      try Self.parse(bytes, text: text, source: source)
    }
    var prefixStart = [UInt16](repeating: 0, count: 10_001)
    var row = 0
    for prefix in 0...10_000 {
      while row < codes.count && Int(codes[row]) < prefix * 100 { row += 1 }
      prefixStart[prefix] = UInt16(row)
    }
    self.prefixStart = prefixStart
    facts = regions.map { region in
      (region.isCurrent ? 1 : 0) | (region.hasOwnName ? 2 : 0)
        | UInt32(region.lastYear ?? 0) << 16
    }
  }

  /// One row as read; its name field is a byte range of the table.
  private struct Raw {
    var code: Int
    var line: Int
    var names: Range<Int>
    var firstYear: Int?
    var lastYear: Int?
    var level: RegionLevel
    var isCurrent: Bool
  }

  /// Parses the table (`bytes` is `text`'s UTF-8) into its codes and their regions, in code
  /// order.
  ///
  /// The table is sorted by code, so once that is checked the rows are used in file order;
  /// otherwise they are sorted by code (then line, so that a repeated code names its first
  /// line). No name is made here (see `Region.name`).
  private static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, text: String, source: String
  ) throws -> ([Int32], [Region]) {
    var raws: [Raw] = []
    // Rows take about 40 bytes: enough for the embedded table without growing.
    raws.reserveCapacity(bytes.count / 32)
    try ReferenceTable.forEachRow(
      in: bytes, table: source,
      header: ["code", "name", "level", "first_year", "last_year", "current"]
    ) { row in
      let code = try row.digits(0, column: "code", lengths: 6...6)
      let level: RegionLevel
      if row.field(2, is: "county") {
        level = .county
      } else if row.field(2, is: "prefecture") {
        level = .prefecture
      } else if row.field(2, is: "province") {
        level = .province
      } else {
        throw row.error("level must be province, prefecture or county, got '\(row.string(2))'")
      }
      let expectedLevel: RegionLevel =
        code % 10_000 == 0 ? .province : code % 100 == 0 ? .prefecture : .county
      guard level == expectedLevel else {
        throw row.error(
          "level of \(code) must be \(expectedLevel.rawValue), got \(level.rawValue)")
      }
      let firstYear = try row.optionalInt(3, column: "first_year", range: 1900...9999)
      let isCurrent = try row.flag(5, column: "current")
      let lastYear: Int?
      if row.field(4, is: "current") {
        guard isCurrent else { throw row.error("last_year is 'current' but current is N") }
        lastYear = nil
      } else {
        guard !isCurrent else {
          throw row.error("current is Y but last_year is '\(row.string(4))'")
        }
        lastYear = try row.optionalInt(4, column: "last_year", range: 1900...9999)
      }
      raws.append(
        Raw(
          code: code, line: row.line, names: row.range(1), firstYear: firstYear,
          lastYear: lastYear, level: level, isCurrent: isCurrent))
    }

    if zip(raws, raws.dropFirst()).contains(where: { $0.code >= $1.code }) {
      raws.sort { ($0.code, $0.line) < ($1.code, $1.line) }
      for index in raws.indices.dropFirst() where raws[index].code == raws[index - 1].code {
        throw TableParseError(
          table: source, line: raws[index].line,
          message: "code \(raws[index].code) appears twice (first on line \(raws[index - 1].line))"
        )
      }
    }

    let codes = raws.map { Int32($0.code) }
    let names = RegionNames(text: text, fields: raws.map(\.names), codes: codes)
    let regions = raws.indices.map { index in
      let raw = raws[index]
      // `names(in:_:)` drops only empty names: one is left unless the field is all `|`s.
      let hasOwnName = bytes[raw.names].contains { $0 != UInt8(ascii: "|") }
      return Region(
        code: raw.code, level: raw.level, isCurrent: raw.isCurrent, firstYear: raw.firstYear,
        lastYear: raw.lastYear, hasOwnName: hasOwnName, names: names, index: index)
    }
    return (codes, regions)
  }

  /// The byte ranges of the `|`-separated names in `field`, oldest first, without empty
  /// ones: what `split(separator: "|")` gives.
  ///
  /// Splits the bytes when each `|` is a character of its own, which it is with ASCII or an
  /// ideograph U+4000…U+9FFF (lead byte E4…E9) on either side, as throughout the table;
  /// otherwise (a `|` followed by a combining mark, say) splits the field as a `String`.
  fileprivate static func names(in bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>)
    -> [Range<Int>]
  {
    func isIdeographLead(_ byte: UInt8) -> Bool { byte >= 0xE4 && byte <= 0xE9 }
    var names: [Range<Int>] = []
    var start = field.lowerBound
    for index in field where bytes[index] == UInt8(ascii: "|") {
      let before =
        index == field.lowerBound || bytes[index - 1] < 0x80
        || (index - 3 >= field.lowerBound && isIdeographLead(bytes[index - 3]))
      let after =
        index + 1 == field.upperBound || bytes[index + 1] < 0x80
        || isIdeographLead(bytes[index + 1])
      guard before && after else {
        let string = ReferenceTable.string(bytes, field)
        let utf8 = string.utf8
        return string.split(separator: "|").map {
          (field.lowerBound + utf8.distance(from: utf8.startIndex, to: $0.startIndex))..<(field
            .lowerBound + utf8.distance(from: utf8.startIndex, to: $0.endIndex))
        }
      }
      if index > start { names.append(start..<index) }
      start = index + 1
    }
    if field.upperBound > start { names.append(start..<field.upperBound) }
    return names
  }

  /// The byte range of the latest name in `field` (see `names(in:_:)`), or nil if it has none.
  fileprivate static func latestName(in bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>)
    -> Range<Int>?
  {
    // Most fields have a single name.
    if !bytes[field].contains(UInt8(ascii: "|")) { return field.isEmpty ? nil : field }
    return names(in: bytes, field).last
  }

  /// The number of codes.
  public var count: Int { codes.count }

  /// All regions, ordered by code.
  public var allRegions: [Region] { regions }

  /// The region with exactly this code (current or historical), or nil if it was never assigned.
  public func region(code: Int) -> Region? {
    guard let index = index(of: code) else { return nil }
    return regions[index]
  }

  /// Whether the code was ever assigned.
  public func contains(code: Int) -> Bool { index(of: code) != nil }

  /// The province-level region (`xx0000`) containing `code`, if that code is in the table.
  public func province(code: Int) -> Region? {
    region(code: code / 10_000 * 10_000)
  }

  /// The prefecture-level region (`xxxx00`) containing a county-level `code`, if in the table.
  ///
  /// For a province code this is nil; for a prefecture code, the prefecture itself.
  public func prefecture(code: Int) -> Region? {
    guard code % 10_000 != 0 else { return nil }
    return region(code: code / 100 * 100)
  }

  /// The row of `code`, for ``isCurrent(row:)``, ``hasOwnName(row:)`` and ``lastYear(row:)``.
  func row(of code: Int) -> Int? { index(of: code) }

  @inline(__always) func isCurrent(row: Int) -> Bool { facts[row] & 1 != 0 }
  @inline(__always) func hasOwnName(row: Int) -> Bool { facts[row] & 2 != 0 }
  @inline(__always) func lastYear(row: Int) -> Int? {
    facts[row] >> 16 == 0 ? nil : Int(facts[row] >> 16)
  }

  @inline(__always)
  private func index(of code: Int) -> Int? {
    guard code >= 0, code <= 999_999 else { return nil }
    let key = Int32(code)
    let prefix = code / 100
    var row = Int(prefixStart[prefix])
    let end = Int(prefixStart[prefix + 1])
    while row < end {
      if codes[row] >= key { return codes[row] == key ? row : nil }
      row += 1
    }
    return nil
  }
}
