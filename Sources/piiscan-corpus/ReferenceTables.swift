import Foundation

/// One GB/T 2260 region code with the years it was in the MCA lists.
struct Region: Sendable {
  enum Level: Sendable { case province, prefecture, county }
  var code: String
  /// The latest name (the tables keep renamed codes as `old|new`).
  var name: String
  var level: Level
  /// First year in the lists; 1980 means "already in the first list".
  var firstYear: Int
  /// Last year in the lists; `Int.max` while current.
  var lastYear: Int
  var isCurrent: Bool

  /// Whether a person first registered in `year` could have received this code.
  func wasInUse(in year: Int) -> Bool {
    (firstYear <= 1980 || firstYear <= year) && year <= lastYear
  }
}

struct MobilePrefix: Sendable {
  var prefix: String
  var length: Int
  var carrier: String
  var category: String
  var personal: Bool
}

struct AreaCode: Sendable {
  var code: String
  var province: String
  var city: String
}

struct BankBIN: Sendable {
  var bin: String
  var bank: String
  var cardType: String
  var cardLength: Int
}

struct Surname: Sendable {
  var text: String
  var weight: Int
  var pinyin: String
}

/// Every table and vocabulary the generator draws from, loaded once at start-up.
///
/// The four reference tables (regions, mobile prefixes, area codes, BINs) come from
/// the embedded subsets unless `--tables` names a directory; the name, occupation,
/// university and ethnic-group vocabularies are always the embedded ones. The output
/// is a function of the seed and of these tables, so the default (embedded) output is
/// the same on every machine.
struct ReferenceTables: Sendable {
  /// Where the four reference tables came from, for the README.
  var source: String
  var regions: [Region]
  var regionByCode: [String: Region]
  /// County-level codes (plus the county-less cities) that may start an ID number.
  var idRegions: [Region]
  var mobilePrefixes: [MobilePrefix]
  /// Personal 11-digit prefixes, each with a weight: basic ranges are common.
  var validMobilePrefixes: [MobilePrefix]
  var validMobilePrefixWeights: [Int]
  var areaCodes: [AreaCode]
  var bins: [BankBIN]
  /// BINs of cards that must pass Luhn (length 16 or 19).
  var luhnBINs: [BankBIN]
  /// 6-digit `62` BINs, length 16 or 19: issued under the UnionPay standard, so a Luhn
  /// failure there is an error, not a legacy card.
  var strictUnionPayBINs: [BankBIN]
  var surnames: [Surname]
  var surnameWeights: [Int]
  var maleGivenCharacters: [String]
  var femaleGivenCharacters: [String]
  var occupations: [String]
  var universities: [String]
  var ethnicGroups: [String]

  enum Source {
    case embedded
    /// A directory holding `Patterns/tables`-style TSV files or `/work/shared/data` CSVs.
    case directory(URL)
  }

  static func load(_ source: Source) throws -> ReferenceTables {
    var regionRows: [[String]]
    var mobileRows: [[String]]
    var areaRows: [[String]]
    var binRows: [[String]]
    var description: String
    switch source {
    case .embedded:
      regionRows = TableText.rows(tsv: embeddedRegionCodes)
      mobileRows = TableText.rows(tsv: embeddedMobilePrefixes)
      areaRows = TableText.rows(tsv: embeddedLandlineAreaCodes)
      binRows = TableText.rows(tsv: embeddedBankBINs)
      description = "embedded subsets (EmbeddedTables.swift)"
    case .directory(let dir):
      let fm = FileManager.default
      let tsv = dir.appendingPathComponent("cn-region-codes.tsv")
      let csv = dir.appendingPathComponent("cn_region_codes_union.csv")
      if fm.fileExists(atPath: tsv.path) {
        regionRows = TableText.rows(tsv: try String(contentsOf: tsv, encoding: .utf8))
        mobileRows = TableText.rows(
          tsv: try String(
            contentsOf: dir.appendingPathComponent("cn-mobile-prefixes.tsv"), encoding: .utf8))
        // prefix,length,carrier,carrier_zh,category,personal -> prefix,length,carrier,category,personal
        mobileRows = mobileRows.map { r in r.count >= 6 ? [r[0], r[1], r[2], r[4], r[5]] : r }
        areaRows = TableText.rows(
          tsv: try String(
            contentsOf: dir.appendingPathComponent("cn-landline-area-codes.tsv"), encoding: .utf8))
        binRows = TableText.rows(
          tsv: try String(
            contentsOf: dir.appendingPathComponent("cn-bank-bins.tsv"), encoding: .utf8))
      } else if fm.fileExists(atPath: csv.path) {
        // code,names_mca,level,first_year_mca,last_year_mca,is_current,in_mca_lists,in_stdnum_wikipedia
        regionRows = TableText.rows(csv: try String(contentsOf: csv, encoding: .utf8))
          .filter { $0.count >= 7 && $0[6] == "Y" }
          .map { [$0[0], $0[1], $0[2], $0[3], $0[4], $0[5] == "Y" ? "Y" : "N"] }
        mobileRows = TableText.rows(
          csv: try String(
            contentsOf: dir.appendingPathComponent("cn_mobile_prefixes.csv"), encoding: .utf8)
        ).map { r in r.count >= 5 ? [r[0], r[1], r[2], r[3], r[4]] : r }
        let areaText = try String(
          contentsOf: dir.appendingPathComponent("cn_landline_area_codes_jionlp.txt"),
          encoding: .utf8)
        areaRows = TableText.lines(areaText).compactMap { line in
          let parts = line.split(separator: " ")
          guard parts.count == 2 else { return nil }
          let place = parts[1].split(separator: "/")
          return [String(parts[0]), String(place.first ?? ""), String(place.last ?? "")]
        }
        // bin,bank_code,bank_name,card_type,card_type_name,card_length
        binRows = TableText.rows(
          csv: try String(
            contentsOf: dir.appendingPathComponent("cn_bank_bins_caijf.csv"), encoding: .utf8)
        ).map { r in r.count >= 6 ? [r[0], r[2], r[3], r[5]] : r }
      } else {
        throw CorpusError("no cn-region-codes.tsv or cn_region_codes_union.csv in \(dir.path)")
      }
      description = "tables read from \(dir.path)"
    }
    return try ReferenceTables(
      source: description, regionRows: regionRows, mobileRows: mobileRows, areaRows: areaRows,
      binRows: binRows)
  }

  private init(
    source: String, regionRows: [[String]], mobileRows: [[String]], areaRows: [[String]],
    binRows: [[String]]
  ) throws {
    self.source = source
    regions = regionRows.compactMap { r in
      guard r.count >= 6, r[0].utf8.count == 6 else { return nil }
      let level: Region.Level
      switch r[2] {
      case "province": level = .province
      case "prefecture": level = .prefecture
      default: level = .county
      }
      let name = r[1].split(separator: "|").last.map(String.init) ?? ""
      let last = r[4] == "current" || r[4].isEmpty ? Int.max : (Int(r[4]) ?? Int.max)
      return Region(
        code: r[0], name: name, level: level, firstYear: Int(r[3]) ?? 2022, lastYear: last,
        isCurrent: TableText.isYes(r[5]))
    }
    regionByCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    let countyLess: Set<String> = ["441900", "442000", "620200"]
    idRegions = regions.filter { r in
      guard !r.name.isEmpty, r.name != "市辖区" else { return false }
      let p = Int(r.code.prefix(2)) ?? 0
      guard p >= 11 && p <= 65 else { return false }  // 71 (Taiwan) and 81-83 never start an RIC
      if countyLess.contains(r.code) { return true }
      return r.level == .county && !r.code.hasSuffix("00")
    }
    mobilePrefixes = mobileRows.compactMap { r in
      guard r.count >= 5, let length = Int(r[1]) else { return nil }
      return MobilePrefix(
        prefix: r[0], length: length, carrier: r[2], category: r[3], personal: TableText.isYes(r[4])
      )
    }
    validMobilePrefixes = mobilePrefixes.filter { $0.personal && $0.length == 11 }
    validMobilePrefixWeights = validMobilePrefixes.map { p in
      switch (p.category, p.prefix.utf8.count) {
      case ("basic", 3): return 40
      case ("basic", _): return 4
      case ("mvno", 3), ("data_card", _): return 6
      default: return 1
      }
    }
    areaCodes = areaRows.compactMap { r in
      guard r.count >= 3, r[0].hasPrefix("0"), r[0].utf8.count == 3 || r[0].utf8.count == 4 else {
        return nil
      }
      return AreaCode(code: r[0], province: r[1], city: r[2])
    }
    bins = binRows.compactMap { r in
      guard r.count >= 4, let length = Int(r[3]), r[0].allSatisfy(\.isASCII) else { return nil }
      return BankBIN(bin: r[0], bank: r[1], cardType: r[2], cardLength: length)
    }
    luhnBINs = bins.filter { $0.cardLength == 16 || $0.cardLength == 19 }
    strictUnionPayBINs = luhnBINs.filter { $0.bin.utf8.count == 6 && $0.bin.hasPrefix("62") }

    surnames = TableText.rows(tsv: embeddedSurnames).compactMap { r in
      guard r.count >= 3, let w = Int(r[1]) else { return nil }
      return Surname(text: r[0], weight: w, pinyin: r[2])
    }
    var running = 0
    surnameWeights = surnames.map {
      running += $0.weight
      return running
    }
    var male: [String] = []
    var female: [String] = []
    for r in TableText.rows(tsv: embeddedGivenNameCharacters) where r.count >= 2 {
      let chars = r[1].map { String($0) }
      if r[0] == "M" { male = chars } else { female = chars }
    }
    maleGivenCharacters = male
    femaleGivenCharacters = female
    occupations = TableText.rows(tsv: embeddedOccupations).map { $0[0] }
    universities = TableText.rows(tsv: embeddedUniversities).map { $0[0] }
    ethnicGroups = TableText.rows(tsv: embeddedEthnicGroups).map { $0[0] }

    guard !idRegions.isEmpty, !validMobilePrefixes.isEmpty, !areaCodes.isEmpty,
      !luhnBINs.isEmpty, !strictUnionPayBINs.isEmpty, !surnames.isEmpty
    else { throw CorpusError("a reference table is empty (\(source))") }
  }

  /// Region codes in use in `year` (registration year), for ID numbers.
  func idRegions(usableIn year: Int) -> [Region] {
    idRegions.filter { $0.wasInUse(in: year) }
  }

  /// Province, prefecture and county names for an address, e.g. ("广东省", "深圳市", "南山区").
  /// Municipalities and county-less cities give fewer parts.
  func addressParts(of region: Region) -> [String] {
    var parts: [String] = []
    let provinceCode = String(region.code.prefix(2)) + "0000"
    let prefectureCode = String(region.code.prefix(4)) + "00"
    if let p = regionByCode[provinceCode], !p.name.isEmpty, provinceCode != region.code {
      parts.append(p.name)
    }
    if prefectureCode != region.code, let p = regionByCode[prefectureCode], !p.name.isEmpty,
      p.name != "市辖区", p.name != "县", p.name != "省直辖县级行政区划",
      p.name != "自治区直辖县级行政区划"
    {
      parts.append(p.name)
    }
    parts.append(region.name)
    return parts
  }
}

/// Splits the small table formats the generator reads. Lines starting `#` are
/// comments; the first other line is the header and is dropped.
enum TableText {
  static func isYes(_ s: String) -> Bool { ["y", "yes", "true", "1"].contains(s.lowercased()) }

  /// Lines of `text`, LF or CRLF ("\r\n" is one Character in Swift, so splitting on
  /// "\n" alone would not split CRLF files).
  static func lines(_ text: String) -> [Substring] {
    text.split(
      omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
  }

  static func rows(tsv text: String) -> [[String]] {
    var out: [[String]] = []
    var sawHeader = false
    for l in lines(text) {
      if l.hasPrefix("#") { continue }
      if !sawHeader {
        sawHeader = true
        continue
      }
      out.append(l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
    }
    return out
  }

  /// CSV with optional double-quoted fields (no embedded newlines in these tables).
  static func rows(csv text: String) -> [[String]] {
    var out: [[String]] = []
    var sawHeader = false
    for l in lines(text) {
      if l.hasPrefix("#") { continue }
      if !sawHeader {
        sawHeader = true
        continue
      }
      var fields: [String] = []
      var field = ""
      var quoted = false
      var iterator = l.makeIterator()
      while let c = iterator.next() {
        if quoted {
          if c == "\"" { quoted = false } else { field.append(c) }
        } else if c == "\"" {
          quoted = true
        } else if c == "," {
          fields.append(field)
          field = ""
        } else {
          field.append(c)
        }
      }
      fields.append(field)
      out.append(fields)
    }
    return out
  }
}

/// An error with a message for standard error.
struct CorpusError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
