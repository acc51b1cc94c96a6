/// Category ids of the labels: the scanner's `[category]` ids (`Patterns/`).
enum Category: String, CaseIterable, Sendable {
  case residentID = "cn_resident_id"
  case residentID15 = "cn_resident_id_15"
  case mobile = "cn_mobile"
  case landline = "cn_landline"
  case bankCard = "cn_bank_card"
  case email = "email"
  case residentIDMasked = "cn_resident_id_masked"
  case mobileMasked = "cn_mobile_masked"
  case personName = "person_name_zh"
  case gender = "gender"
  case birthDate = "birth_date"
  case age = "age"
  case ethnicity = "ethnicity"
  case maritalStatus = "marital_status"
  case education = "education"
  case workUnit = "work_unit"
  case occupation = "occupation"
  case homeAddress = "home_address"
  case householdRegistration = "household_registration"
  case resumeHistory = "resume_history"
  // Other documents and identifiers (docs/VALIDATORS.md §13, §14).
  case passport = "cn_passport"
  case homeReturnPermit = "cn_hkmo_home_return_permit"
  case exitEntryPermit = "cn_hkmo_exit_entry_permit"
  case taiwanCompatriotPermit = "cn_tw_compatriot_permit"
  case foreignPermanentResidenceID = "cn_foreign_permanent_residence_id"
  case militaryOfficerID = "cn_military_officer_id"
  case qq = "qq_number"
  case wechat = "wechat_id"
  case vehiclePlate = "cn_vehicle_plate"
  case bankAccount = "cn_bank_account"
  case telecomAccountOpening = "telecom_account_opening"
  case credential = "credential"
  case uscc = "cn_uscc"
  // Record kinds (docs/VALIDATORS.md §16): every non-empty value under one of their headers.
  case locationTrace = "location_trace"
  case communicationContent = "communication_content"
  case creditReport = "credit_report"
  case propertyInfo = "property_info"
  case lodgingRecord = "lodging_record"
  case callDetailRecord = "call_detail_record"
  case healthInfo = "health_info"
  case transactionRecord = "transaction_record"
}

/// Why a planted value is invalid (the label's `reason`).
enum InvalidReason: String, Sendable {
  case checksum
  case birthDate = "birth date"
  case region
  case prefix
  case luhn
  case knownSample = "known sample value"
  /// An age outside 0...120.
  case implausibleAge = "implausible age"
  /// A plate breaking the serial rules: 3 or more letters in an ordinary 5-character
  /// serial, or I/O used as letters.
  case plate
  /// A passport number of the E + letter series whose letter is I or O.
  case passportFormat = "passport format"
  /// An IMSI whose mobile network code no PRC operator uses (460 98, 460 99).
  case networkCode = "mnc"
}

/// A value to write into a file, with its label.
struct Planted: Sendable {
  /// The text exactly as written (e.g. `+86 138 1234 5678`).
  var written: String
  var category: Category
  /// The normalised value (as the scanner writes it: 18/15 chars with upper-case X, 11-digit
  /// mobile, `AREA-LOCAL` landline, card digits; e-mails, masks and soft values as written).
  var value: String
  var reason: InvalidReason?
  /// Further categories labelled at the same position, each valid with the written form
  /// as its value: the record kind of the column a value stands in (a mobile under
  /// `主叫号码` is also a `call_detail_record`).
  var also: [Category] = []

  var valid: Bool { reason == nil }

  init(
    _ written: String, _ category: Category, value: String? = nil, reason: InvalidReason? = nil,
    also: [Category] = []
  ) {
    self.written = written
    self.category = category
    self.value = value ?? written
    self.reason = reason
    self.also = also
  }

  /// The same value, also labelled as `record` (a record kind) at its position.
  func alsoAs(_ record: Category) -> Planted {
    var p = self
    p.also.append(record)
    return p
  }
}

/// How a mobile number is written (docs/VALIDATORS.md §4.1).
enum MobileStyle: CaseIterable {
  case plain, plus86Spaced, plus86, zero086, dash86, dashed, spaced

  func render(_ m: String) -> String {
    let a = m.prefix(3)
    let b = m.dropFirst(3).prefix(4)
    let c = m.suffix(4)
    switch self {
    case .plain: return m
    case .plus86Spaced: return "+86 \(a) \(b) \(c)"
    case .plus86: return "+86" + m
    case .zero086: return "0086" + m
    case .dash86: return "86-" + m
    case .dashed: return "\(a)-\(b)-\(c)"
    case .spaced: return "\(a) \(b) \(c)"
    }
  }
}

/// Written forms, invalid variants, masks and published sample values.
///
/// Every invalid value breaks exactly one rule and keeps the others: a wrong check
/// character on an otherwise real ID, a real region and checksum around an impossible
/// date, a known BIN and right length with a failed Luhn digit.
struct PlantFactory: Sendable {
  let people: PersonFactory
  var tables: ReferenceTables { people.tables }

  /// Province prefixes that no GB/T 2260 code has ever used (and not 9, foreigners' IDs).
  static let unusedProvincePrefixes = [
    "16", "17", "18", "19", "24", "25", "26", "27", "28", "29", "38", "39", "47", "48", "49", "55",
    "56", "57", "58", "59", "66", "67", "68", "69",
  ]
  /// Unallocated or non-personal 3-5 digit mobile prefixes (docs/VALIDATORS.md §4.1).
  static let badMobilePrefixes = [
    "140", "154", "17406", "17408", "17410", "1411", "142", "143", "160", "163", "164", "168",
    "169", "179", "194",
  ]
  /// Published sample and demo values (docs/VALIDATORS.md §7).
  /// (The same values as Patterns/tables/known-sample-values.tsv, kept here so the
  /// generator needs no table directory.)
  static let sampleIDs = [
    "11010519491231002X", "440308199901101512", "440524188001010014", "610104196209276908",
  ]
  static let sampleID15s = ["610104620927690"]
  /// The first is the usual one and is drawn most often.
  static let sampleMobiles = [
    "13800138000", "13800138000", "13800138000", "13888888888", "18888888888", "13812345678",
    "13912345678",
  ]
  static let sampleLandlines = ["010-12345678", "0755-12345678"]
  /// Random valid values must never equal a published sample.
  static let allSampleValues = Set(
    sampleIDs + sampleID15s + sampleMobiles + sampleLandlines + ["13000000000"])

  // MARK: ID numbers

  func residentID(_ p: Person, using rng: inout SeededGenerator, lowercaseXChance: Int = 3_000)
    -> Planted
  {
    var written = p.idNumber
    if written.hasSuffix("X") && rng.chance(lowercaseXChance) {
      written = String(written.dropLast()) + "x"
    }
    return Planted(written, .residentID, value: p.idNumber)
  }

  func residentID15(_ p: Person) -> Planted? {
    guard let id = p.id15 else { return nil }
    return Planted(id, .residentID15)
  }

  /// An 18-character ID that fails exactly one check.
  func invalidResidentID(_ reason: InvalidReason, using rng: inout SeededGenerator) -> Planted {
    let p = people.person(using: &rng, birthYears: 1950...2005)
    let id = Array(p.idNumber.utf8)
    switch reason {
    case .checksum:
      let right = id[17]
      var wrong = right
      while wrong == right { wrong = CheckDigits.residentIDCheckCharacters[rng.below(11)] }
      let s = String(decoding: id[0..<17] + [wrong], as: UTF8.self)
      return Planted(s, .residentID, reason: .checksum)
    case .birthDate:
      let year = rng.int(1950...2005)
      let date: String
      switch rng.below(4) {
      case 0: date = pad(year, 4) + "0230"  // 30 February
      case 1: date = pad(year, 4) + "1131"  // 31 November
      case 2: date = pad(year, 4) + "1301"  // month 13
      default:  // in the future: 2030-2039
        date = "20" + pad(rng.int(30...39), 2) + pad(rng.int(1...12), 2) + pad(rng.int(1...28), 2)
      }
      let s = PersonFactory.residentID(
        first17: p.idRegion.code + date + String(decoding: id[14..<17], as: UTF8.self))
      return Planted(s, .residentID, reason: .birthDate)
    case .region:
      let region =
        rng.pick(PlantFactory.unusedProvincePrefixes) + pad(rng.int(1...2), 2)
        + pad(rng.int(1...30), 2)
      let s = PersonFactory.residentID(
        first17: region + String(decoding: id[6..<17], as: UTF8.self))
      return Planted(s, .residentID, reason: .region)
    default:
      let s = rng.pick(PlantFactory.sampleIDs)
      return Planted(s, .residentID, reason: .knownSample)
    }
  }

  /// A 15-digit number with an impossible birth date (or, now and then, the published
  /// id-validator example).
  func invalidResidentID15(using rng: inout SeededGenerator) -> Planted {
    if rng.chance(1_500) {
      return Planted(PlantFactory.sampleID15s[0], .residentID15, reason: .knownSample)
    }
    let region = rng.pick(tables.idRegions(usableIn: 1990))
    let s =
      region.code + pad(rng.int(40...79), 2) + rng.pick(["0230", "0431", "1300", "0631"])
      + rng.digitString(3)
    return Planted(s, .residentID15, reason: .birthDate)
  }

  /// A valid ID drawn at random in one of the invalid kinds' proportions: used where a
  /// file mixes valid and invalid values.
  func randomInvalidID(using rng: inout SeededGenerator) -> Planted {
    switch rng.below(10) {
    case 0..<4: return invalidResidentID(.checksum, using: &rng)
    case 4..<7: return invalidResidentID(.birthDate, using: &rng)
    case 7..<9: return invalidResidentID(.region, using: &rng)
    default: return invalidResidentID(.knownSample, using: &rng)
    }
  }

  func maskedResidentID(_ p: Person, using rng: inout SeededGenerator) -> Planted {
    let id = p.idNumber
    let s: String
    switch rng.below(3) {
    case 0: s = id.prefix(6) + String(repeating: "*", count: 8) + id.suffix(4)
    case 1: s = id.prefix(4) + String(repeating: "*", count: 10) + id.suffix(4)
    default: s = id.prefix(3) + String(repeating: "*", count: 11) + id.suffix(4)
    }
    return Planted(s, .residentIDMasked)
  }

  // MARK: Phones

  func mobile(_ number: String, style: MobileStyle) -> Planted {
    Planted(style.render(number), .mobile, value: number)
  }

  func mobile(_ number: String, using rng: inout SeededGenerator) -> Planted {
    // Mostly plain, as in dumps; every other style appears regularly.
    let style: MobileStyle = rng.chance(6_000) ? .plain : rng.pick(MobileStyle.allCases)
    return mobile(number, style: style)
  }

  func invalidMobile(using rng: inout SeededGenerator) -> Planted {
    if rng.chance(1_500) {
      return Planted(rng.pick(PlantFactory.sampleMobiles), .mobile, reason: .knownSample)
    }
    let prefix = rng.pick(PlantFactory.badMobilePrefixes)
    let s = prefix + rng.digitString(11 - prefix.utf8.count)
    return Planted(s, .mobile, reason: .prefix)
  }

  func maskedMobile(_ number: String, using rng: inout SeededGenerator) -> Planted {
    let s =
      rng.chance(8_000)
      ? number.prefix(3) + "****" + number.suffix(4) : number.prefix(3) + "*****" + number.suffix(3)
    return Planted(String(s), .mobileMasked)
  }

  /// A landline in one of the written forms: `010-12345678`, `(0755)12345678`,
  /// `0755 12345678`, `021-87654321-123`.
  func landline(_ l: Landline, using rng: inout SeededGenerator) -> Planted {
    let s: String
    switch rng.below(10) {
    case 0..<5: s = l.area + "-" + l.local
    case 5..<7: s = "(" + l.area + ")" + l.local
    case 7..<9: s = l.area + " " + l.local
    default: s = l.area + "-" + l.local + "-" + String(rng.int(1...999))
    }
    return Planted(s, .landline, value: l.normalised)
  }

  // MARK: Bank cards

  func bankCard(_ digits: String, using rng: inout SeededGenerator) -> Planted {
    Planted(
      rng.chance(1_500) ? PlantFactory.groupsOfFour(digits) : digits, .bankCard, value: digits)
  }

  /// A card with a known 62 BIN and its right length whose last digit fails Luhn.
  func invalidBankCard(using rng: inout SeededGenerator) -> Planted {
    let bin = rng.pick(tables.strictUnionPayBINs)
    let valid = Array(
      PersonFactory.cardNumber(bin: bin.bin, length: bin.cardLength, using: &rng).utf8)
    var wrong = valid[valid.count - 1]
    while wrong == valid[valid.count - 1] { wrong = UInt8(48 + rng.below(10)) }
    let s = String(decoding: valid.dropLast() + [wrong], as: UTF8.self)
    return Planted(s, .bankCard, reason: .luhn)
  }

  /// `6222 0212 3456 7890 123`: groups of four, the rest in the last group.
  static func groupsOfFour(_ digits: String) -> String {
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && i % 4 == 0 { out.append(" ") }
      out.append(c)
    }
    return out
  }

  // MARK: Soft values

  func soft(_ category: Category, _ text: String) -> Planted { Planted(text, category) }

  /// A birth date in one of the forms seen in dumps.
  func birthDate(_ d: CivilDate, using rng: inout SeededGenerator) -> Planted {
    let s: String
    switch rng.below(6) {
    case 0, 1: s = d.iso
    case 2: s = "\(d.year)/\(d.month)/\(d.day)"
    case 3: s = d.compact
    case 4: s = "\(d.year)年\(d.month)月\(d.day)日"
    default: s = pad(d.year, 4) + "." + pad(d.month, 2) + "." + pad(d.day, 2)
    }
    return Planted(s, .birthDate)
  }
}
