/// What the address grammar found in a run of text.
struct AddressParse {
  /// The parts found.
  var levels: AddressLevels = []
  /// Scalar index where the address starts.
  var start: Int
  /// Scalar index just after the last part recognised.
  var end: Int
  /// Scalar index where the province/prefecture/county names end.
  var adminEnd: Int
  /// Candidate codes of the deepest region name written (several when the name is ambiguous).
  var regionCodes: [Int32] = []
  /// Whether two region names were written that do not nest (陕西省 + 北镇县).
  var inconsistent = false
  /// The region names as written, for messages.
  var writtenRegions: [Range<Int>] = []
  /// Whether the first part is a province or prefecture name (a free-text anchor).
  var startsWithProvinceOrPrefecture = false
  /// Whether a district-level region was written: a county, or a prefecture city without
  /// counties (东莞, 中山, 嘉峪关, 儋州, 三沙).
  var hasDistrict = false

  /// Province/city/district + road + number, county + town + village/组, or district + compound +
  /// building/room: what `classifyUnlabelled` and free text require.
  var isFull: Bool {
    let region = hasDistrict || !levels.isDisjoint(with: [.county, .zone])
    if region && levels.isSuperset(of: [.road, .number]) { return true }
    if levels.contains(.county) && levels.contains(.township)
      && !levels.isDisjoint(with: [.village, .group])
    {
      return true
    }
    if levels.contains(.county) && levels.contains(.village) && levels.contains(.group) {
      return true
    }
    if region && levels.contains(.compound) && !levels.isDisjoint(with: [.building, .room]) {
      return true
    }
    if levels.contains(.township) && levels.isSuperset(of: [.road, .number]) { return true }
    return false
  }

  /// Precise enough to reach one household: street + number, compound + building/unit/room, or
  /// village with a group/town/county (no region name needed: the header already says address).
  var isPrecise: Bool {
    if levels.isSuperset(of: [.road, .number]) { return true }
    if levels.contains(.compound) && !levels.isDisjoint(with: [.building, .unit, .room]) {
      return true
    }
    if levels.contains(.village) && !levels.isDisjoint(with: [.group, .number, .township, .county])
    {
      return true
    }
    if levels.contains(.number) && levels.contains(.room) { return true }
    return false
  }

  /// Whether only region names were found (province/prefecture/county/zone).
  var isRegionOnly: Bool {
    !levels.isEmpty && levels.isSubset(of: [.province, .prefecture, .county, .zone])
  }
}

/// The home-address grammar (docs/VALIDATORS.md §12.1) over decoded scalars:
///
/// ```
/// [省][市/地区/自治州/盟][区/县/市/旗] [街道/镇/乡] [社区/村/嘎查] [路/街/大道/巷/弄/胡同] [N号]
/// [小区/花园/苑…] [N栋/幢/座/号楼] [N单元] [N层/楼] [N室/房/户]      rural: [N组/社/队]
/// compact: 3-2-501 (楼-单元-室)
/// ```
///
/// Region names come from the GB/T 2260 table (every name a code ever had, plus short forms:
/// 广东, 深圳, 恩施); a short form counts only when another region name, a functional zone, or the
/// end of the text follows (so 中山路 is a road, not 中山市). Names of consecutive regions must
/// nest (a county inside the prefecture written before it); when they do not, the parse says
/// `inconsistent`. No allocation except for the candidate code list.
enum AddressGrammar {
  /// The longest name segment (characters before a keyword) considered.
  static let maxSegment = 24

  /// Parses an address starting at `start` (no skipping of leading text).
  static func parse(
    _ text: ScalarText, from start: Int, end: Int, vocabulary v: SoftVocabulary = .shared
  ) -> AddressParse {
    var result = AddressParse(start: start, end: start, adminEnd: start)
    var index = start
    parseRegions(text, &index, end: end, vocabulary: v, into: &result)
    result.adminEnd = index
    result.end = index
    parseLower(text, from: index, end: end, vocabulary: v, into: &result)
    return result
  }

  // MARK: Regions

  @inline(__always)
  static func levelRank(_ code: Int32) -> Int {
    code % 10_000 == 0 ? 1 : code % 100 == 0 ? 2 : 3
  }

  /// Whether `parent` contains `child` (a deeper code).
  @inline(__always)
  static func contains(_ parent: Int32, _ child: Int32) -> Bool {
    switch levelRank(parent) {
    case 1: return child / 10_000 == parent / 10_000
    case 2: return child / 100 == parent / 100
    default: return false
    }
  }

  private static func skipSpaces(_ text: ScalarText, _ index: inout Int, end: Int) {
    while index < end, text.scalars[index] == 0x20 { index += 1 }
  }

  /// Whether a region name deeper than `rank`, or a zone keyword segment, starts at `index`.
  private static func regionFollows(
    _ text: ScalarText, at start: Int, end: Int, deeperThan rank: Int, vocabulary v: SoftVocabulary
  ) -> Bool {
    var index = start
    skipSpaces(text, &index, end: end)
    if index >= end { return true }
    // 湖南长沙人: a trailing 人 (a native of) ends the names.
    if index + 1 == end, text.scalars[index] == 0x4EBA { return true }
    var found = false
    v.regionNames.forEachMatch(in: text, at: index, end: end) { _, payload in
      for k in Int(v.regionStart[Int(payload)])..<Int(v.regionStart[Int(payload) + 1])
      where levelRank(v.regionCodes[k]) > rank {
        found = true
      }
      return !found
    }
    if found { return true }
    // A functional zone (苏州工业园区): a short name, then a zone keyword within a few characters.
    var probe = index
    while probe < min(end, index + 8), SoftText.isHan(text.scalars[probe]) {
      var zone = false
      v.addressNameKeywords.forEachMatch(in: text, at: probe, end: end) { _, payload in
        if v.addressKeywordLevels[Int(payload)].contains(.zone) { zone = true }
        return true
      }
      if zone { return true }
      probe += 1
    }
    return false
  }

  /// The most codes one written name is taken to mean (郊区 has 83; later ones are ignored).
  static let maxCodesPerName = 128

  private static func parseRegions(
    _ text: ScalarText, _ index: inout Int, end: Int, vocabulary v: SoftVocabulary,
    into result: inout AddressParse
  ) {
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: maxCodesPerName * 2) { buffer in
      // chosen = buffer[0..<chosenCount]; the next choice is built in buffer[maxCodesPerName...].
      var chosenCount = 0
      var deepest = 0
      let codes = v.regionCodes
      let isShort = v.regionIsShort
      func nests(_ code: Int32) -> Bool {
        if chosenCount == 0 { return true }
        for k in 0..<chosenCount where contains(buffer[k], code) { return true }
        return false
      }
      for _ in 0..<3 {
        skipSpaces(text, &index, end: end)
        guard index < end else { break }
        // Matches at this position, shortest first (at most a handful; the longest 4 kept).
        var lengths: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var payloads: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        var matchCount = 0
        v.regionNames.forEachMatch(in: text, at: index, end: end) { length, payload in
          if matchCount == 4 {
            lengths = (lengths.1, lengths.2, lengths.3, length)
            payloads = (payloads.1, payloads.2, payloads.3, payload)
          } else {
            switch matchCount {
            case 0:
              lengths.0 = length
              payloads.0 = payload
            case 1:
              lengths.1 = length
              payloads.1 = payload
            case 2:
              lengths.2 = length
              payloads.2 = payload
            default:
              lengths.3 = length
              payloads.3 = payload
            }
            matchCount += 1
          }
          return true
        }
        var accepted = false
        var candidate = matchCount - 1
        while candidate >= 0 && !accepted {
          let (length, payload): (Int, Int) =
            switch candidate {
            case 0: (lengths.0, Int(payloads.0))
            case 1: (lengths.1, Int(payloads.1))
            case 2: (lengths.2, Int(payloads.2))
            default: (lengths.3, Int(payloads.3))
            }
          candidate -= 1
          let first = Int(v.regionStart[payload])
          let last = Int(v.regionStart[payload + 1])
          let generic = v.regionIsGeneric[payload]
          if generic && chosenCount == 0 { continue }
          // The shallowest deeper level among codes that nest under the previous choice.
          var rank = 4
          for k in first..<last {
            let r = levelRank(codes[k])
            if r > deepest && r < rank && nests(codes[k]) { rank = r }
          }
          var inconsistent = false
          if rank == 4 {
            // A full, non-generic name that does not nest under what came before.
            guard chosenCount > 0, !generic else { continue }
            for k in first..<last where !isShort[k] {
              let r = levelRank(codes[k])
              if r > deepest && r < rank { rank = r }
            }
            if rank == 4 { continue }
            inconsistent = true
          }
          func selected(_ k: Int) -> Bool {
            levelRank(codes[k]) == rank && (inconsistent ? !isShort[k] : nests(codes[k]))
          }
          var allShort = true
          for k in first..<last where selected(k) && !isShort[k] { allShort = false }
          if allShort
            && !regionFollows(text, at: index + length, end: end, deeperThan: rank, vocabulary: v)
          {
            continue
          }
          var nextCount = 0
          for k in first..<last where selected(k) {
            buffer[maxCodesPerName + nextCount] = codes[k]
            nextCount += 1
          }
          for k in 0..<nextCount { buffer[k] = buffer[maxCodesPerName + k] }
          chosenCount = nextCount
          accepted = true
          if inconsistent { result.inconsistent = true }
          if result.levels.isEmpty && rank <= 2 { result.startsWithProvinceOrPrefecture = true }
          result.levels.insert(rank == 1 ? .province : rank == 2 ? .prefecture : .county)
          result.writtenRegions.append(index..<(index + length))
          deepest = rank
          index += length
        }
        if !accepted { break }
      }
      result.regionCodes = Array(buffer[0..<chosenCount])
      var countyless = chosenCount > 0
      for k in 0..<chosenCount where !ResidentID.isCountylessCity(Int(buffer[k])) {
        countyless = false
      }
      result.hasDistrict = deepest == 3 || (deepest == 2 && countyless)
    }
  }

  // MARK: Below the county

  @inline(__always)
  private static func isSeparator(_ value: UInt32) -> Bool {
    switch value {
    case 0x20, 0x2C, 0xFF0C, 0x3001, 0x3B, 0x28, 0x29, 0xFF08, 0xFF09, 0x2F: return true
    default: return false
    }
  }

  /// The end of a Chinese numeral run starting at `index`, if a number keyword follows it.
  private static func chineseNumberEnd(
    _ text: ScalarText, _ index: Int, end: Int, vocabulary v: SoftVocabulary
  ) -> Int? {
    var probe = index
    while probe < end, probe < index + 4, SoftText.chineseDigit(text.scalars[probe]) != nil {
      probe += 1
    }
    guard probe > index, probe < end,
      v.addressNumberKeywords.longestMatch(in: text, at: probe, end: end) != nil
    else { return nil }
    return probe
  }

  private static func parseLower(
    _ text: ScalarText, from start: Int, end: Int, vocabulary v: SoftVocabulary,
    into result: inout AddressParse
  ) {
    var index = start
    var pendingCompound = false
    while index < end {
      let value = text.scalars[index]
      if isSeparator(value) {
        index += 1
        continue
      }
      // A number: Arabic digits, a Chinese numeral before a keyword, or a letter before 座/栋.
      var numberEnd: Int?
      if SoftText.isDigit(value) {
        var probe = index
        while probe < end, SoftText.isDigit(text.scalars[probe]) { probe += 1 }
        numberEnd = probe
      } else if SoftText.chineseDigit(value) != nil {
        numberEnd = chineseNumberEnd(text, index, end: end, vocabulary: v)
      } else if SoftText.isASCIILetter(value), index + 1 < end,
        let keyword = v.addressNumberKeywords.longestMatch(in: text, at: index + 1, end: end),
        v.addressKeywordLevels[Int(keyword.payload)].contains(.building)
      {
        numberEnd = index + 1
      }
      if let digitsEnd = numberEnd {
        guard
          let next = parseNumber(
            text, from: index, digitsEnd: digitsEnd, end: end, vocabulary: v, into: &result,
            pendingCompound: &pendingCompound)
        else { return }
        index = next
        result.end = next
        continue
      }
      guard SoftText.isHan(value) || SoftText.isASCIILetter(value) else { return }
      // A name followed by its keyword (人民路, 城关镇, 陈店村, 阳光花园).
      var runEnd = index
      var segmentEnd: Int?
      var segmentLevels: AddressLevels = []
      while runEnd < end, runEnd < index + maxSegment,
        SoftText.isHan(text.scalars[runEnd]) || SoftText.isASCIILetter(text.scalars[runEnd])
      {
        if runEnd > index,
          let keyword = v.addressNameKeywords.longestMatch(in: text, at: runEnd, end: end)
        {
          var keywordEnd = runEnd + keyword.length
          var levels = v.addressKeywordLevels[Int(keyword.payload)]
          // 新村 + 路 = 新村路: a keyword right after a keyword joins the same segment.
          while keywordEnd < end,
            let more = v.addressNameKeywords.longestMatch(in: text, at: keywordEnd, end: end)
          {
            keywordEnd += more.length
            levels = v.addressKeywordLevels[Int(more.payload)]
          }
          segmentEnd = keywordEnd
          segmentLevels = levels
          break
        }
        runEnd += 1
      }
      if let segmentEnd {
        let level = pick(segmentLevels, AddressLevels.nameEnded)
        result.levels.insert(level)
        pendingCompound = false
        index = segmentEnd
        result.end = segmentEnd
        continue
      }
      // A name with no keyword: a compound's name when building numbers follow (书香门第21幢).
      if runEnd < end, runEnd < index + maxSegment,
        SoftText.isDigit(text.scalars[runEnd])
          || (runEnd + 1 < end && SoftText.isSeparator(text.scalars[runEnd])
            && SoftText.isDigit(text.scalars[runEnd + 1]))
      {
        pendingCompound = true
        index = runEnd
        continue
      }
      return
    }
  }

  /// The first of `preferred` levels in `levels` (lowest bit first).
  @inline(__always)
  private static func pick(_ levels: AddressLevels, _ preferred: AddressLevels) -> AddressLevels {
    let both = levels.intersection(preferred)
    let bits = both.isEmpty ? levels.rawValue : both.rawValue
    guard bits != 0 else { return [] }
    return AddressLevels(rawValue: 1 << UInt16(bits.trailingZeroBitCount))
  }

  /// Parses one number with its keyword or compact form; returns where it ends, or nil to stop.
  private static func parseNumber(
    _ text: ScalarText, from start: Int, digitsEnd: Int, end: Int, vocabulary v: SoftVocabulary,
    into result: inout AddressParse, pendingCompound: inout Bool
  ) -> Int? {
    var index = digitsEnd
    // Compact 楼-单元-室 (8-4-3002) or 12-501.
    if index + 1 < end, text.scalars[index] == 0x2D, SoftText.isDigit(text.scalars[index + 1]) {
      var groups = 1
      while index + 1 < end, text.scalars[index] == 0x2D, SoftText.isDigit(text.scalars[index + 1])
      {
        index += 1
        while index < end, SoftText.isDigit(text.scalars[index]) { index += 1 }
        groups += 1
      }
      if let keyword = v.addressNumberKeywords.longestMatch(in: text, at: index, end: end) {
        index += keyword.length
      }
      if result.levels.contains(.road) && !result.levels.contains(.number) && groups == 2
        && !pendingCompound
      {
        result.levels.insert(.number)
      } else {
        if pendingCompound { result.levels.insert(.compound) }
        result.levels.formUnion(groups >= 3 ? [.building, .unit, .room] : [.building, .room])
      }
      pendingCompound = false
      return index
    }
    // 3#楼 / 3# : a building number.
    if index < end, text.scalars[index] == 0x23 {
      index += 1
      if index < end, text.scalars[index] == 0x697C { index += 1 }
      if pendingCompound { result.levels.insert(.compound) }
      pendingCompound = false
      result.levels.insert(.building)
      return index
    }
    guard let keyword = v.addressNumberKeywords.longestMatch(in: text, at: index, end: end) else {
      // A bare number: a house number after a road, a room after a building, else the end.
      guard digitsEnd - start <= 5 else { return nil }
      if result.levels.contains(.road) && !result.levels.contains(.number) && !pendingCompound {
        result.levels.insert(.number)
      } else if !result.levels.isDisjoint(with: [.building, .unit, .floor]) {
        result.levels.insert(.room)
      } else if result.levels.contains(.compound) || pendingCompound {
        if pendingCompound { result.levels.insert(.compound) }
        result.levels.insert(.room)
      } else {
        return nil
      }
      pendingCompound = false
      return digitsEnd
    }
    var levels = v.addressKeywordLevels[Int(keyword.payload)]
    let keywordStart = index
    index += keyword.length
    if levels.contains(.number) {
      // 号: a house number after a road; a room after a building; a building in a compound.
      if !result.levels.isDisjoint(with: [.building, .unit, .floor]) {
        levels = .room
      } else if (result.levels.contains(.compound) || pendingCompound)
        && result.levels.contains(.number)
      {
        levels = .building
      } else {
        levels = .number
      }
      // 之N / 附N / -N after 号.
      if index < end, text.scalars[index] == 0x4E4B || text.scalars[index] == 0x9644 {
        var probe = index + 1
        while probe < end,
          SoftText.isDigit(text.scalars[probe]) || SoftText.chineseDigit(text.scalars[probe]) != nil
        {
          probe += 1
        }
        if probe > index + 1 { index = probe }
      }
    } else if levels.contains(.building) && text.scalars[keywordStart] == 0x697C
      && keyword.length == 1 && !result.levels.isDisjoint(with: [.building, .unit])
    {
      levels = .floor  // 楼 after a building or unit is a floor
    } else {
      levels = pick(levels, [.building, .unit, .floor, .room, .group])
    }
    if pendingCompound && !levels.isDisjoint(with: [.building, .unit, .room, .floor]) {
      result.levels.insert(.compound)
    }
    pendingCompound = false
    result.levels.formUnion(levels)
    return index
  }
}

extension SoftText {
  /// Separators between address parts and numbers (space, comma, 、, hyphen).
  @inline(__always)
  static func isSeparator(_ value: UInt32) -> Bool {
    value == 0x20 || value == 0x2C || value == 0xFF0C || value == 0x3001 || value == 0x2D
  }
}
