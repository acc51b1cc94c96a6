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
  public let name: String
  /// The latest name of this code alone; empty when the table has none (python-stdnum-only
  /// codes, mostly `xxxx01` 市辖区 placeholders).
  public let ownName: String
  /// Every name this code has had, oldest first (a code can be renamed or reused).
  public let historicalNames: [String]
  /// Province, prefecture or county level.
  public let level: RegionLevel
  /// Whether the code is in the current MCA list.
  public let isCurrent: Bool
  /// The first year the code appears in an MCA list; nil when unknown.
  public let firstYear: Int?
  /// The last year the code appears in an MCA list; nil when it is current or was never in one.
  public let lastYear: Int?
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

  /// Parses the table text.
  ///
  /// - Parameters:
  ///   - tsv: The table: header `code name level first_year last_year current`.
  ///   - source: The table's name in errors.
  /// - Throws: `TableParseError` naming the table and line of the first problem: a code that
  ///   is not 6 digits or repeats, a level that is not province/prefecture/county, a bad
  ///   year, a current flag that is not Y/N or disagrees with `last_year`.
  public init(tsv: String, source: String = "cn-region-codes.tsv") throws {
    struct Raw {
      var code: Int
      var names: [String]
      var level: RegionLevel
      var firstYear: Int?
      var lastYear: Int?
      var isCurrent: Bool
      var line: Int
    }
    let rows = try ReferenceTable.rows(
      tsv, table: source, header: ["code", "name", "level", "first_year", "last_year", "current"])
    var raws: [Raw] = []
    raws.reserveCapacity(rows.count)
    for row in rows {
      let code = try row.digits(0, column: "code", lengths: 6...6)
      guard let level = RegionLevel(rawValue: String(row.fields[2])) else {
        throw row.error("level must be province, prefecture or county, got '\(row.fields[2])'")
      }
      let expectedLevel: RegionLevel =
        code % 10_000 == 0 ? .province : code % 100 == 0 ? .prefecture : .county
      guard level == expectedLevel else {
        throw row.error("level of \(code) must be \(expectedLevel.rawValue), got \(level.rawValue)")
      }
      let firstYear = try row.optionalInt(3, column: "first_year", range: 1900...9999)
      let isCurrent = try row.flag(5, column: "current")
      let lastYear: Int?
      if row.fields[4] == "current" {
        guard isCurrent else { throw row.error("last_year is 'current' but current is N") }
        lastYear = nil
      } else {
        guard !isCurrent else {
          throw row.error("current is Y but last_year is '\(row.fields[4])'")
        }
        lastYear = try row.optionalInt(4, column: "last_year", range: 1900...9999)
      }
      let names = row.fields[1].isEmpty ? [] : row.fields[1].split(separator: "|").map(String.init)
      raws.append(
        Raw(
          code: code, names: names, level: level, firstYear: firstYear, lastYear: lastYear,
          isCurrent: isCurrent, line: row.line))
    }
    raws.sort { ($0.code, $0.line) < ($1.code, $1.line) }
    for index in raws.indices.dropFirst() where raws[index].code == raws[index - 1].code {
      throw TableParseError(
        table: source, line: raws[index].line,
        message: "code \(raws[index].code) appears twice (first on line \(raws[index - 1].line))")
    }
    // Latest own name per code, to compose full names.
    var latestName: [Int: String] = [:]
    for raw in raws { latestName[raw.code] = raw.names.last ?? "" }
    codes = raws.map { Int32($0.code) }
    regions = raws.map { raw in
      let own = raw.names.last ?? ""
      var full = ""
      if raw.level != .province { full += latestName[raw.code / 10_000 * 10_000] ?? "" }
      if raw.level == .county { full += latestName[raw.code / 100 * 100] ?? "" }
      full += own
      return Region(
        code: raw.code, name: full, ownName: own, historicalNames: raw.names, level: raw.level,
        isCurrent: raw.isCurrent, firstYear: raw.firstYear, lastYear: raw.lastYear)
    }
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

  private func index(of code: Int) -> Int? {
    guard code >= 0, code <= 999_999 else { return nil }
    let key = Int32(code)
    var low = 0
    var high = codes.count
    while low < high {
      let middle = (low + high) >> 1
      if codes[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low < codes.count && codes[low] == key ? low : nil
  }
}
