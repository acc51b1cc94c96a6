/// The vocabularies of `Patterns/vocabularies/`, parsed once into lookup structures.
///
/// Every file is a TSV in the `Patterns/tables/` format (provenance `#` lines, a header line, tab-separated rows);
/// see `Patterns/vocabularies/README.md` for each file's origin and licence. A missing or malformed
/// embedded vocabulary is a build defect and stops the program with the file and line.
///
/// - Note: immutable; safe to share across tasks.
final class SoftVocabulary: Sendable {
  /// The vocabularies embedded in the binary (built on first use; the region lexicon makes this
  /// take a few milliseconds).
  static let shared = SoftVocabulary()

  // MARK: Names
  /// Single-character surnames → rank (0 = most frequent; unranked ones after the ranked).
  let singleSurnames: FlatMap
  /// Two-character (compound) surnames, packed.
  let compoundSurnames: FlatMap
  /// Characters seen in given names, packed → count (the unlabelled-name model's likelihood).
  let givenNameChars: FlatMap
  /// Trap words (packed, 2–4 scalars) → 1 when also plausible as a whole name, else 0.
  let nameTraps: FlatMap
  /// Parts of Tibetan names written without a separator.
  let tibetanNameParts: FlatMap
  /// Cue words that introduce a name in free text (payload: 1 when the cue is a 姓名-type label).
  let nameCues: ScalarTrie
  /// Connectors between a cue and the name (：, 是, 为, 叫…).
  let nameConnectors: ScalarTrie
  /// Words that end a name in free text (先生, 电话, 的…).
  let nameEnds: ScalarTrie

  // MARK: Enumerated values
  /// Ethnic group by name or short name or code → index into `ethnicGroups`.
  let ethnicLookup: [String: Int]
  /// (code, official name) per group.
  let ethnicGroups: [(code: String, name: String)]
  /// Marital term (lower-cased) → (code, kind).
  let maritalTerms: [String: (code: String, kind: String)]
  /// Marital code → canonical term.
  let maritalCodes: [String: String]
  /// Education term (lower-cased) → (code, kind).
  let educationTerms: [String: (code: String, kind: String)]
  /// Education code → canonical term.
  let educationCodes: [String: String]
  /// Occupation words (lower-cased).
  let occupations: Set<String>
  /// Occupation suffixes (reversed scalars, in a trie) for 2–16-character values.
  let occupationSuffixes: ScalarTrie
  /// Employer-name endings, reversed, payload = index into `employerKinds`.
  let employerSuffixes: ScalarTrie
  let employerKinds: [String]
  /// Whole-value employment statuses (个体, 退休…).
  let employmentStatuses: Set<String>
  /// University and college names.
  let universities: Set<String>
  /// Placeholder values (lower-cased).
  let placeholders: Set<String>
  /// Placeholders of 1–4 scalars, ASCII lower-cased and packed.
  private let shortPlaceholders: FlatMap
  /// Longer placeholders, as written.
  private let longPlaceholders: ScalarTrie

  // MARK: Documents
  /// Military issuer characters → meaning.
  let militaryIssuers: [UInt32: String]
  /// ISO 3166-1 alpha-3 codes.
  let iso3166Alpha3: Set<String>
  /// Document prefixes as listed (for tests and documentation).
  let documentPrefixes: [(prefix: String, category: SoftCategory, document: String)]

  // MARK: Regions and addresses
  /// Province rows: code, full name, short name, one-character abbreviation, plate flag.
  let provinces: [(code: Int, name: String, short: String, abbr: UInt32, plate: Bool)]
  /// Plate province abbreviation → province index.
  let plateProvinces: [UInt32: Int]
  /// Region names (full and short forms) → index into `regionEntries`.
  let regionNames: ScalarTrie
  let regionEntries: [RegionEntry]
  /// The same entries flattened for the parser's hot loop (no array copies, no retains):
  /// entry `i` owns `regionCodes[regionStart[i]..<regionStart[i + 1]]`.
  let regionStart: [Int32]
  let regionCodes: [Int32]
  let regionIsShort: [Bool]
  let regionIsGeneric: [Bool]
  /// Name-ending address keywords (township, village, road, compound, zone) → levels.
  let addressNameKeywords: ScalarTrie
  /// Keywords after a number (号, 栋, 单元, 室, 组…) → levels.
  let addressNumberKeywords: ScalarTrie
  /// Levels per keyword payload index.
  let addressKeywordLevels: [AddressLevels]

  // MARK: Headers
  /// Normalised header → category (nil: known, no category).
  let headers: [String: SoftCategory?]
  /// What a header may carry around a header word (header-affixes.tsv), in the order tried.
  let headerSuffixes: [String]
  let headerPrefixes: [String]

  // MARK: Enumerated values
  /// Sex as written → "1", "2", or "-" for a value that says nothing (gender.tsv).
  let genderTerms: [String: String]
  /// 户口性质 values (household-kinds.tsv).
  let householdKinds: Set<String>
  /// Operators by the two digits after 460 in an IMSI and after 8986 in an ICCID
  /// (tables/cn-mobile-network-codes.tsv).
  let imsiCarriers: [String: String]
  let iccidCarriers: [String: String]

  /// One region-lexicon entry: the codes a written name can mean.
  struct RegionEntry: Sendable {
    /// Codes, each with whether the written name is a short form for it.
    var codes: [(code: Int32, isShort: Bool)]
    /// Whether the name is a generic one (郊区, 城区…) that needs a parent.
    var isGeneric: Bool
  }

  private init() {
    func rows(_ file: String, _ header: [String]) -> [Row] { SoftVocabulary.rows(file, header) }
    func packed(_ text: Substring, _ row: Row) -> UInt64 {
      guard let key = SoftText.pack(text) else {
        preconditionFailure("\(row.table):\(row.line): '\(text)' is not 1-4 BMP characters")
      }
      return key
    }

    // Names.
    var singles: [(UInt64, Int32)] = []
    var compounds: [(UInt64, Int32)] = []
    for (rank, row) in rows(
      "surnames.tsv", ["surname", "freq_percent", "baijiaxing", "compound", "source"]
    )
    .enumerated() {
      if row.fields[3] == "Y" {
        compounds.append((packed(row.fields[0], row), Int32(rank)))
      } else {
        singles.append((packed(row.fields[0], row), Int32(rank)))
      }
    }
    singleSurnames = FlatMap(singles)
    compoundSurnames = FlatMap(compounds)
    givenNameChars = FlatMap(
      rows("given-name-chars.tsv", ["char", "count", "mimesis", "faker"]).map {
        (packed($0.fields[0], $0), Int32($0.fields[1]) ?? 1)
      })
    nameTraps = FlatMap(
      rows("name-traps.tsv", ["word", "surname", "maybe_name"]).map {
        (packed($0.fields[0], $0), $0.fields[2] == "Y" ? 1 : 0)
      })
    tibetanNameParts = FlatMap(
      rows("tibetan-name-parts.tsv", ["part"]).map { (packed($0.fields[0], $0), 1) })
    var cues: [([UInt32], Int32)] = []
    var connectors: [([UInt32], Int32)] = []
    var ends: [([UInt32], Int32)] = []
    for row in rows("name-cues.tsv", ["word", "role"]) {
      let word = SoftText.scalars(row.fields[0])
      switch row.fields[1] {
      case "cue":
        let strong = row.fields[0].contains("姓名") || row.fields[0].contains("名字")
        cues.append((word, strong ? 1 : 0))
      case "connector": connectors.append((word, 0))
      case "end": ends.append((word, 0))
      default: preconditionFailure("\(row.table):\(row.line): role must be cue, connector or end")
      }
    }
    nameCues = ScalarTrie(cues)
    nameConnectors = ScalarTrie(connectors)
    nameEnds = ScalarTrie(ends)

    // Enumerations.
    var ethnicLookup: [String: Int] = [:]
    var ethnicGroups: [(code: String, name: String)] = []
    for row in rows("ethnic-groups.tsv", ["code", "name", "short"]) {
      let index = ethnicGroups.count
      ethnicGroups.append((String(row.fields[0]), String(row.fields[1])))
      ethnicLookup[String(row.fields[1])] = index
      if !row.fields[2].isEmpty { ethnicLookup[String(row.fields[2])] = index }
    }
    self.ethnicLookup = ethnicLookup
    self.ethnicGroups = ethnicGroups

    var maritalTerms: [String: (code: String, kind: String)] = [:]
    var maritalCodes: [String: String] = [:]
    for row in rows("marital-status.tsv", ["term", "code", "kind"]) {
      let code = String(row.fields[1])
      maritalTerms[row.fields[0].lowercased()] = (code, String(row.fields[2]))
      if row.fields[2] == "standard" || (row.fields[2] == "unstated" && maritalCodes[code] == nil) {
        maritalCodes[code] = String(row.fields[0])
      }
    }
    self.maritalTerms = maritalTerms
    self.maritalCodes = maritalCodes

    var educationTerms: [String: (code: String, kind: String)] = [:]
    var educationCodes: [String: String] = ["90": "其他"]
    for row in rows("education.tsv", ["term", "code", "kind"]) {
      educationTerms[row.fields[0].lowercased()] = (String(row.fields[1]), String(row.fields[2]))
      if row.fields[2] == "standard" {
        educationCodes[String(row.fields[1])] = String(row.fields[0])
      }
    }
    self.educationTerms = educationTerms
    self.educationCodes = educationCodes

    var occupations: Set<String> = []
    var occupationSuffixes: [([UInt32], Int32)] = []
    for row in rows("occupations.tsv", ["term", "source"]) {
      if row.fields[0].hasPrefix("*") {
        occupationSuffixes.append((SoftText.scalars(row.fields[0].dropFirst()).reversed(), 0))
      } else {
        occupations.insert(row.fields[0].lowercased())
      }
    }
    self.occupations = occupations
    self.occupationSuffixes = ScalarTrie(occupationSuffixes)

    var employerWords: [([UInt32], Int32)] = []
    var employerKinds: [String] = []
    var statuses: Set<String> = []
    for row in rows("employer-suffixes.tsv", ["suffix", "kind"]) {
      if row.fields[1] == "status" {
        statuses.insert(String(row.fields[0]))
        continue
      }
      employerWords.append((SoftText.scalars(row.fields[0]).reversed(), Int32(employerKinds.count)))
      employerKinds.append(String(row.fields[1]))
    }
    employerSuffixes = ScalarTrie(employerWords)
    self.employerKinds = employerKinds
    employmentStatuses = statuses
    universities = Set(rows("universities.tsv", ["name"]).map { String($0.fields[0]) })
    placeholders = Set(rows("placeholders.tsv", ["value"]).map { $0.fields[0].lowercased() })
    shortPlaceholders = FlatMap(
      placeholders.compactMap { word in SoftText.pack(word).map { ($0, 1) } })
    longPlaceholders = ScalarTrie(
      placeholders.filter { $0.unicodeScalars.count > 4 }.map { (SoftText.scalars($0), 0) })

    // Documents.
    var issuers: [UInt32: String] = [:]
    for row in rows("military-issuers.tsv", ["issuer", "meaning"]) {
      guard let scalar = row.fields[0].unicodeScalars.first, row.fields[0].unicodeScalars.count == 1
      else { preconditionFailure("\(row.table):\(row.line): issuer must be one character") }
      issuers[scalar.value] = String(row.fields[1])
    }
    militaryIssuers = issuers
    iso3166Alpha3 = Set(
      rows("iso3166-alpha3.tsv", ["alpha3", "numeric", "name"]).map { String($0.fields[0]) })
    documentPrefixes = rows("document-prefixes.tsv", ["prefix", "category", "forms", "document"])
      .map {
        row in
        guard let category = SoftCategory(rawValue: String(row.fields[1])) else {
          preconditionFailure("\(row.table):\(row.line): unknown category '\(row.fields[1])'")
        }
        return (String(row.fields[0]), category, String(row.fields[3]))
      }

    // Provinces.
    var provinces: [(code: Int, name: String, short: String, abbr: UInt32, plate: Bool)] = []
    var plateProvinces: [UInt32: Int] = [:]
    for row in rows("provinces.tsv", ["code", "name", "short", "abbr", "plate"]) {
      guard let code = Int(row.fields[0]), let abbr = row.fields[3].unicodeScalars.first else {
        preconditionFailure("\(row.table):\(row.line): bad province row")
      }
      if row.fields[4] == "Y" { plateProvinces[abbr.value] = provinces.count }
      provinces.append(
        (code, String(row.fields[1]), String(row.fields[2]), abbr.value, row.fields[4] == "Y"))
    }
    self.provinces = provinces
    self.plateProvinces = plateProvinces

    // Address keywords.
    var nameKeywords: [([UInt32], Int32)] = []
    var numberKeywords: [([UInt32], Int32)] = []
    var keywordLevels: [AddressLevels] = []
    for row in rows("address-keywords.tsv", ["keyword", "levels"]) {
      var levels: AddressLevels = []
      for name in row.fields[1].split(separator: "|") {
        guard let level = AddressLevels(name: name) else {
          preconditionFailure("\(row.table):\(row.line): unknown level '\(name)'")
        }
        levels.insert(level)
      }
      let index = Int32(keywordLevels.count)
      keywordLevels.append(levels)
      let word = SoftText.scalars(row.fields[0])
      if !levels.isDisjoint(with: AddressLevels.nameEnded) { nameKeywords.append((word, index)) }
      if !levels.isDisjoint(with: AddressLevels.numberEnded) {
        numberKeywords.append((word, index))
      }
    }
    addressNameKeywords = ScalarTrie(nameKeywords)
    addressNumberKeywords = ScalarTrie(numberKeywords)
    addressKeywordLevels = keywordLevels

    // Region lexicon: every name a code ever had, plus short forms of provinces, prefectures and
    // county-level cities; generic names (郊区, 城区…) need a parent.
    let genericRegionNames = Set(
      rows("generic-region-names.tsv", ["name"]).map { String($0.fields[0]) })
    let ethnicShorts = ethnicGroups.compactMap { group -> String? in
      group.name.hasSuffix("族") && group.name.count > 1 ? String(group.name.dropLast()) : nil
    }.sorted { $0.count > $1.count }
    var byName: [String: RegionEntry] = [:]
    func add(_ name: String, _ code: Int, short: Bool) {
      guard name.count >= 2 else { return }
      var entry =
        byName[name]
        ?? RegionEntry(codes: [], isGeneric: genericRegionNames.contains(name))
      if let existing = entry.codes.firstIndex(where: { $0.code == Int32(code) }) {
        if !short { entry.codes[existing].isShort = false }
      } else {
        entry.codes.append((Int32(code), short))
      }
      byName[name] = entry
    }
    for region in RegionCodeTable.shared.allRegions {
      for name in region.historicalNames {
        add(name, region.code, short: false)
        if region.level == .province { continue }
        if let short = SoftVocabulary.shortForm(
          of: name, level: region.level, ethnicShorts: ethnicShorts)
        {
          add(short, region.code, short: true)
        }
      }
    }
    for province in provinces { add(province.short, province.code, short: true) }
    var entries: [RegionEntry] = []
    var words: [([UInt32], Int32)] = []
    for (name, entry) in byName.sorted(by: { $0.key < $1.key }) {
      words.append((SoftText.scalars(name), Int32(entries.count)))
      entries.append(entry)
    }
    regionNames = ScalarTrie(words)
    regionEntries = entries
    var start: [Int32] = [0]
    var flatCodes: [Int32] = []
    var flatShort: [Bool] = []
    for entry in entries {
      for item in entry.codes.prefix(AddressGrammar.maxCodesPerName) {
        flatCodes.append(item.code)
        flatShort.append(item.isShort)
      }
      start.append(Int32(flatCodes.count))
    }
    regionStart = start
    regionCodes = flatCodes
    regionIsShort = flatShort
    regionIsGeneric = entries.map(\.isGeneric)

    // Headers: the header words each category declares, and the known headers naming none.
    var headers: [String: SoftCategory?] = [:]
    for row in rows("known-headers.tsv", ["header", "note"]) {
      headers[String(row.fields[0])] = .some(nil)
    }
    for category in CategoryRegistry.builtInOrder {
      guard let soft = SoftCategory(rawValue: category.id) else {
        precondition(category.headers.isEmpty, "\(category.file): headers need a field rule")
        continue
      }
      for header in category.headers {
        headers[header] = .some(soft)
      }
    }
    self.headers = headers
    let affixes = rows("header-affixes.tsv", ["affix", "position"])
    headerSuffixes = affixes.filter { $0.fields[1] == "suffix" }.map { String($0.fields[0]) }
    headerPrefixes = affixes.filter { $0.fields[1] == "prefix" }.map { String($0.fields[0]) }

    var genderTerms: [String: String] = [:]
    for row in rows("gender.tsv", ["term", "code"]) {
      genderTerms[String(row.fields[0])] = String(row.fields[1])
    }
    self.genderTerms = genderTerms
    householdKinds = Set(rows("household-kinds.tsv", ["kind"]).map { String($0.fields[0]) })
    var imsi: [String: String] = [:]
    var iccid: [String: String] = [:]
    for row in Self.rows(
      directory: "tables", "cn-mobile-network-codes.tsv", ["code", "carrier", "imsi", "iccid"])
    {
      let code = String(row.fields[0])
      if row.fields[2] == "Y" { imsi[code] = String(row.fields[1]) }
      if row.fields[3] == "Y" { iccid[code] = String(row.fields[1]) }
    }
    imsiCarriers = imsi
    iccidCarriers = iccid
  }

  /// One row of a vocabulary file.
  struct Row {
    /// The file name, for messages.
    var table: String
    /// The 1-based line number.
    var line: Int
    var fields: [Substring]
  }

  /// Reads the embedded vocabulary `file` (under `Patterns/vocabularies/`).
  ///
  /// Same format as `Patterns/tables/` (`ReferenceTable`): `#` lines and blank lines skipped, a
  /// header line that must equal `header`, then rows of exactly as many tab-separated fields.
  /// Kept separate from `ReferenceTable` so the vocabularies do not depend on how the big
  /// tables are parsed. A missing or malformed embedded file is a build defect: this traps
  /// naming the file and line.
  static func rows(_ file: String, _ header: [String]) -> [Row] {
    rows(directory: "vocabularies", file, header)
  }

  /// The rows of `directory/file` (embedded from Patterns/), read by the one table reader of
  /// the project (``ReferenceTable``); a malformed embedded file is a build defect.
  static func rows(directory: String, _ file: String, _ header: [String]) -> [Row] {
    let path = "Patterns/\(directory)/" + file
    guard let text = EmbeddedPatterns.text("\(directory)/" + file) else {
      preconditionFailure("embedded \(path) is missing: regenerate EmbeddedPatterns (build defect)")
    }
    var rows: [Row] = []
    do {
      try ReferenceTable.forEachRow(text, table: path, header: header) { row in
        let fields = (0..<header.count).map { Substring(row.string($0)) }
        rows.append(Row(table: file, line: row.line, fields: fields))
      }
    } catch {
      preconditionFailure("\(error) (build defect)")
    }
    return rows
  }

  /// The short form of a prefecture or county-level-city name (深圳市 → 深圳, 恩施土家族苗族自治州 →
  /// 恩施, 日喀则地区 → 日喀则, 阿拉善盟 → 阿拉善), or nil when there is none of 2+ characters.
  static func shortForm(of name: String, level: RegionLevel, ethnicShorts: [String]) -> String? {
    var stem = Substring(name)
    if level == .prefecture {
      if stem.hasSuffix("自治州") {
        stem = stem.dropLast(3)
        var stripped = true
        while stripped {
          stripped = false
          for ethnic in ethnicShorts {
            if stem.hasSuffix(ethnic + "族") {
              stem = stem.dropLast(ethnic.count + 1)
              stripped = true
              break
            }
            if stem.hasSuffix(ethnic) && stem.count > ethnic.count + 1 {
              stem = stem.dropLast(ethnic.count)
              stripped = true
              break
            }
          }
        }
      } else if stem.hasSuffix("地区") {
        stem = stem.dropLast(2)
      } else if stem.hasSuffix("市") || stem.hasSuffix("盟") {
        stem = stem.dropLast()
      } else {
        return nil
      }
    } else if level == .county {
      guard stem.hasSuffix("市") else { return nil }
      stem = stem.dropLast()
    } else {
      return nil
    }
    return stem.count >= 2 && stem != Substring(name) ? String(stem) : nil
  }

  // MARK: Lookups

  /// Whether `text[index]` is a single-character surname.
  @inline(__always)
  func isSingleSurname(_ text: ScalarText, _ index: Int) -> Bool {
    guard let key = SoftText.pack(text, index, 1) else { return false }
    return singleSurnames.contains(key)
  }

  /// Whether `text[index..<index+2]` is a compound surname.
  @inline(__always)
  func isCompoundSurname(_ text: ScalarText, _ index: Int) -> Bool {
    guard let key = SoftText.pack(text, index, 2) else { return false }
    return compoundSurnames.contains(key)
  }

  /// The longest trap word starting at `index` (within `end`): its length and whether it is also
  /// plausible as a name; nil when none starts there.
  func trap(in text: ScalarText, at index: Int, end: Int) -> (length: Int, maybeName: Bool)? {
    var length = min(4, end - index)
    while length >= 2 {
      if let key = SoftText.pack(text, index, length), let flag = nameTraps.value(key) {
        return (length, flag == 1)
      }
      length -= 1
    }
    return nil
  }

  /// Whether `text[range]` (trimmed) is a placeholder for "no value"; no allocation.
  func isPlaceholder(_ text: ScalarText, _ range: Range<Int>) -> Bool {
    if range.count <= 4 {
      var key: UInt64 = 0
      for index in range {
        var value = text.scalars[index]
        guard value <= 0xFFFF else { return false }
        if SoftText.isUpper(value) { value += 0x20 }
        key = key << 16 | UInt64(value)
      }
      return shortPlaceholders.contains(key)
    }
    var whole = false
    longPlaceholders.forEachMatch(in: text, at: range.lowerBound, end: range.upperBound) {
      length, _ in
      if length == range.count { whole = true }
      return !whole
    }
    return whole
  }
}

/// The parts of an address the grammar found (docs/VALIDATORS.md §12.1).
struct AddressLevels: OptionSet, Sendable, Hashable {
  let rawValue: UInt16
  static let province = AddressLevels(rawValue: 1 << 0)
  static let prefecture = AddressLevels(rawValue: 1 << 1)
  static let county = AddressLevels(rawValue: 1 << 2)
  static let zone = AddressLevels(rawValue: 1 << 3)
  static let township = AddressLevels(rawValue: 1 << 4)
  static let village = AddressLevels(rawValue: 1 << 5)
  static let road = AddressLevels(rawValue: 1 << 6)
  static let number = AddressLevels(rawValue: 1 << 7)
  static let compound = AddressLevels(rawValue: 1 << 8)
  static let building = AddressLevels(rawValue: 1 << 9)
  static let unit = AddressLevels(rawValue: 1 << 10)
  static let floor = AddressLevels(rawValue: 1 << 11)
  static let room = AddressLevels(rawValue: 1 << 12)
  static let group = AddressLevels(rawValue: 1 << 13)

  static let admin: AddressLevels = [.province, .prefecture, .county]
  static let nameEnded: AddressLevels = [.township, .village, .road, .compound, .zone]
  static let numberEnded: AddressLevels = [.building, .unit, .floor, .room, .number, .group]

  init(rawValue: UInt16) { self.rawValue = rawValue }

  init?(name: some StringProtocol) {
    switch name {
    case "province": self = .province
    case "prefecture": self = .prefecture
    case "county": self = .county
    case "zone": self = .zone
    case "township": self = .township
    case "village": self = .village
    case "road": self = .road
    case "number": self = .number
    case "compound": self = .compound
    case "building": self = .building
    case "unit": self = .unit
    case "floor": self = .floor
    case "room": self = .room
    case "group": self = .group
    default: return nil
    }
  }

  /// The deepest level present, as a word for details.
  var deepestName: String {
    Self.depthOrder.first { contains($0.0) }?.1 ?? "none"
  }

  private static let depthOrder: [(AddressLevels, String)] = [
    (.room, "room"), (.floor, "floor"), (.unit, "unit"), (.building, "building"),
    (.group, "group"), (.number, "number"), (.compound, "compound"), (.road, "road"),
    (.village, "village"), (.township, "township"), (.zone, "zone"), (.county, "county"),
    (.prefecture, "prefecture"), (.province, "province"),
  ]
}
