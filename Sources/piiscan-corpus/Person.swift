/// Gender as written in Chinese records.
enum Gender: Sendable {
  case male, female
  var zh: String { self == .male ? "男" : "女" }
}

/// A landline number: area code and local number (7 or 8 digits).
struct Landline: Sendable {
  var area: String
  var local: String
  /// The normalised label value: `AREA-LOCAL`, extension dropped.
  var normalised: String { area + "-" + local }
}

/// One synthetic person. Every field is drawn from the seeded generator; the fields
/// agree with each other as they would on real records: the ID number's region,
/// birth date and sex digit match `idRegion`, `birth` and `gender`, the age is
/// computed on the reference date, the household registration is the ID's region.
struct Person: Sendable {
  var name: String
  /// Pinyin of the surname for e-mail local parts (empty for transliterated names).
  var surnamePinyin: String
  var gender: Gender
  var birth: CivilDate
  var ethnicity: String
  var idRegion: Region
  /// 18 characters, check character upper-case.
  var idNumber: String
  /// The first-generation 15-digit number, for people who could have had one.
  var id15: String?
  var mobile: String
  var landline: Landline
  var card: String
  var bank: String
  var email: String
  var homeAddress: String
  var household: String
  var workUnit: String
  var occupation: String
  var education: String
  var marital: String

  var age: Int { birth.age() }
}

/// Draws people and their identifiers from the reference tables.
///
/// - Note: holds no generator; every method takes the caller's stream, so the
///   same calls in the same order give the same people.
struct PersonFactory: Sendable {
  let tables: ReferenceTables
  /// Region codes usable in each registration year 1985...2019 (index = year - 1985).
  private let regionsByYear: [[Region]]
  private let currentCounties: [Region]
  private let cumulativeMobileWeights: [Int]

  init(tables: ReferenceTables) {
    self.tables = tables
    var running = 0
    cumulativeMobileWeights = tables.validMobilePrefixWeights.map {
      running += $0
      return running
    }
    regionsByYear = (1985...2019).map { tables.idRegions(usableIn: $0) }
    currentCounties = tables.idRegions.filter(\.isCurrent)
  }

  /// Region codes a person first registered in `year` could have (never empty).
  func regionsUsable(in year: Int) -> [Region] {
    let pool = regionsByYear[min(max(year, 1985), 2019) - 1985]
    return pool.isEmpty ? tables.idRegions : pool
  }

  // MARK: - People

  func person(using rng: inout SeededGenerator, birthYears: ClosedRange<Int>? = nil) -> Person {
    let gender: Gender = rng.chance(5_000) ? .male : .female
    let birth = CivilDate.random(years: birthYears ?? randomBirthYears(&rng), using: &rng)
    // Names and ethnicity.
    var name: String
    var surnamePinyin = ""
    var ethnicity = "汉族"
    let roll = rng.below(1000)
    if roll < 25 {
      ethnicity = "维吾尔族"
      let given =
        gender == .male
        ? rng.pick(Vocabulary.minorityMaleNames) : rng.pick(Vocabulary.minorityFemaleNames)
      name = given + "·" + rng.pick(Vocabulary.minorityFatherNames)
    } else if roll < 35 {
      ethnicity = "藏族"
      name = rng.pick(gender == .male ? Vocabulary.tibetanMaleNames : Vocabulary.tibetanFemaleNames)
    } else {
      let s = tables.surnames[rng.weightedIndex(cumulative: tables.surnameWeights)]
      surnamePinyin = s.pinyin
      let chars = gender == .male ? tables.maleGivenCharacters : tables.femaleGivenCharacters
      // Favour frequent characters: draw from the first half twice as often.
      func char() -> String {
        rng.chance(6_600) ? chars[rng.below(chars.count / 2)] : chars[rng.below(chars.count)]
      }
      let givenLength =
        s.text.count == 2 ? (rng.chance(6_000) ? 2 : 1) : (rng.chance(7_000) ? 2 : 1)
      name = s.text + char()
      if givenLength == 2 { name += char() }
      if roll > 900 { ethnicity = rng.pick(tables.ethnicGroups) }
    }
    // ID number: region code in use when the person was first registered.
    let registrationYear = birth.year >= 1985 ? birth.year : rng.int(1985...1995)
    var idRegion = rng.pick(regionsUsable(in: registrationYear))
    if rng.chance(300) {
      // Codes abolished long ago stay valid on cards (docs/VALIDATORS.md §3.1): make sure some
      // appear.
      let code = ["110103", "110104", "330103", "120107"][rng.below(4)]
      if let r = tables.regionByCode[code], r.wasInUse(in: registrationYear) { idRegion = r }
    }
    var sequence = rng.int(1...992)
    if (sequence % 2 == 1) != (gender == .male) { sequence += 1 }
    var idNumber = PersonFactory.residentID(
      region: idRegion.code, birth: birth, sequence: pad(sequence, 3))
    if PlantFactory.allSampleValues.contains(idNumber) {
      sequence += 2
      idNumber = PersonFactory.residentID(
        region: idRegion.code, birth: birth, sequence: pad(sequence, 3))
    }
    let seq = pad(sequence, 3)
    var id15: String?
    if birth.year <= 1985 && birth.year >= 1930
      && idRegion.wasInUse(in: min(registrationYear, 1999))
    {
      id15 = idRegion.code + birth.compactTwoDigitYear + seq
    }
    let home = rng.chance(4_000) && idRegion.isCurrent ? idRegion : rng.pick(currentCounties)
    let bin = rng.pick(tables.luhnBINs)
    return Person(
      name: name, surnamePinyin: surnamePinyin, gender: gender,
      birth: birth,
      ethnicity: ethnicity, idRegion: idRegion, idNumber: idNumber, id15: id15,
      mobile: mobileNumber(using: &rng), landline: landline(using: &rng),
      card: PersonFactory.cardNumber(bin: bin.bin, length: bin.cardLength, using: &rng),
      bank: bin.bank,
      email: "", homeAddress: homeAddress(in: home, using: &rng),
      household: household(of: idRegion, using: &rng), workUnit: workUnit(near: home, using: &rng),
      occupation: rng.pick(tables.occupations), education: education(age: birth.age(), using: &rng),
      marital: marital(age: birth.age(), using: &rng)
    ).withEmail(email(surnamePinyin: surnamePinyin, birth: birth, using: &rng))
  }

  private func randomBirthYears(_ rng: inout SeededGenerator) -> ClosedRange<Int> {
    switch rng.below(100) {
    case 0..<10: return 1930...1949
    case 10..<35: return 1950...1969
    case 35..<72: return 1970...1989
    case 72..<95: return 1990...2005
    default: return 2006...2019
    }
  }

  // MARK: - Identifiers

  /// An 18-character ID number with the right MOD 11-2 check character.
  static func residentID(region: String, birth: CivilDate, sequence: String) -> String {
    residentID(first17: region + birth.compact + sequence)
  }

  /// (Callers drawing random valid IDs check `PlantFactory.allSampleValues`.)
  static func residentID(first17: String) -> String {
    let bytes = Array(first17.utf8)
    return first17 + String(UnicodeScalar(CheckDigits.residentIDCheck(bytes)))
  }

  func mobileNumber(using rng: inout SeededGenerator) -> String {
    while true {
      let i = rng.weightedIndex(cumulative: cumulativeMobileWeights)
      let prefix = tables.validMobilePrefixes[i].prefix
      let number = prefix + rng.digitString(11 - prefix.utf8.count)
      if !PlantFactory.allSampleValues.contains(number) { return number }
    }
  }

  func landline(using rng: inout SeededGenerator) -> Landline {
    while true {
      let area = rng.pick(tables.areaCodes)
      let localLength = area.code.utf8.count == 4 && rng.chance(2_000) ? 7 : 8
      let local = String(rng.int(2...8)) + rng.digitString(localLength - 1)
      let l = Landline(area: area.code, local: local)
      if !PlantFactory.allSampleValues.contains(l.normalised) { return l }
    }
  }

  /// A Luhn-valid card number: the BIN, random digits, then the check digit.
  static func cardNumber(bin: String, length: Int, using rng: inout SeededGenerator) -> String {
    var bytes = Array(bin.utf8)
    rng.digits(length - 1 - bytes.count, into: &bytes)
    bytes.append(CheckDigits.luhnCheckDigit(bytes))
    return String(decoding: bytes, as: UTF8.self)
  }

  func email(surnamePinyin: String, birth: CivilDate, using rng: inout SeededGenerator) -> String {
    let letters = Array("abcdefghjklmnpqrstwxyz".utf8)
    func initials(_ n: Int) -> String {
      String(decoding: (0..<n).map { _ in letters[rng.below(letters.count)] }, as: UTF8.self)
    }
    if surnamePinyin.isEmpty || rng.chance(3_500) {
      // QQ mailbox: the QQ number (5-10 digits, never starting with 0) as local part.
      return rng.digitString(rng.int(5...10), leadingNonZero: true) + "@qq.com"
    }
    let local: String
    switch rng.below(5) {
    case 0: local = surnamePinyin + initials(2) + String(birth.year)
    case 1: local = surnamePinyin + "." + initials(rng.int(1...2))
    case 2: local = initials(2) + surnamePinyin + pad(birth.year % 100, 2)
    case 3: local = surnamePinyin + "_" + initials(3)
    default: local = surnamePinyin + initials(1) + String(rng.int(1...999))
    }
    if rng.chance(2_000) {
      let company = rng.pick(Vocabulary.tradeNamePinyin)
      return local + "@" + company + rng.pick([".com", ".com.cn", ".cn", "-tech.com"])
    }
    return local + "@" + rng.pick(Vocabulary.freeMailDomains)
  }

  // MARK: - Soft fields

  func homeAddress(in region: Region, using rng: inout SeededGenerator) -> String {
    let parts = tables.addressParts(of: region).joined()
    if rng.chance(1_500) {
      // rural: town, village, group
      return parts + rng.pick(Vocabulary.subdistrictStems) + "镇" + rng.pick(Vocabulary.villageStems)
        + "村"
        + String(rng.int(1...12)) + "组" + String(rng.int(1...80)) + "号"
    }
    let road = rng.pick(Vocabulary.roadStems) + rng.pick(Vocabulary.roadSuffixes)
    let number = String(rng.int(1...999)) + "号"
    let compound = rng.pick(Vocabulary.compounds)
    let building = rng.int(1...30)
    let unit = rng.int(1...6)
    let room = String(rng.int(1...33)) + pad(rng.int(1...4), 2)
    switch rng.below(4) {
    case 0: return parts + road + number + compound + "\(building)栋\(unit)单元\(room)室"
    case 1: return parts + road + number + compound + "\(building)-\(unit)-\(room)"
    case 2:
      return parts + rng.pick(Vocabulary.subdistrictStems) + "街道" + road + number
        + "\(building)号楼\(room)室"
    default: return parts + road + number + compound + "\(building)幢\(room)"
    }
  }

  func household(of region: Region, using rng: inout SeededGenerator) -> String {
    let parts = tables.addressParts(of: region).joined()
    switch rng.below(3) {
    case 0: return parts
    case 1:
      return parts + rng.pick(Vocabulary.subdistrictStems) + "镇" + rng.pick(Vocabulary.villageStems)
        + "村"
    default:
      return parts + rng.pick(Vocabulary.roadStems) + rng.pick(Vocabulary.roadSuffixes)
        + String(rng.int(1...300)) + "号"
    }
  }

  func workUnit(near region: Region, using rng: inout SeededGenerator) -> String {
    let parts = tables.addressParts(of: region)
    let city = shortPlace(parts.count >= 2 ? parts[parts.count - 2] : parts[0])
    switch rng.below(10) {
    case 0..<5:
      return city + rng.pick(Vocabulary.tradeNames) + rng.pick(Vocabulary.industries)
        + rng.pick(Vocabulary.legalForms)
    case 5..<8:
      return city + rng.pick(Vocabulary.institutions)
    case 8:
      return rng.pick(tables.luhnBINs).bank + city + shortPlace(parts.last!)
        + rng.pick(Vocabulary.bankBranches)
    default:
      return rng.pick(tables.universities)
    }
  }

  /// "深圳市" -> "深圳", "南山区" -> "南山"; names of one character plus suffix stay whole.
  func shortPlace(_ name: String) -> String {
    for suffix in ["自治州", "地区", "市", "区", "县", "盟", "省"] where name.hasSuffix(suffix) {
      let stem = String(name.dropLast(suffix.count))
      return stem.count >= 2 ? stem : name
    }
    return name
  }

  func education(age: Int, using rng: inout SeededGenerator) -> String {
    switch age {
    case ..<7: return "学龄前"
    case ..<13: return "小学"
    case ..<16: return "初中"
    case ..<19: return rng.pick(["高中", "中专", "职高"])
    default: return rng.pick(Vocabulary.educationLevels)
    }
  }

  func marital(age: Int, using rng: inout SeededGenerator) -> String {
    age < 22 ? "未婚" : rng.pick(Vocabulary.maritalStatuses)
  }
}

extension Person {
  func withEmail(_ email: String) -> Person {
    var p = self
    p.email = email
    return p
  }
}
