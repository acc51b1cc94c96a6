/// Other documents, account identifiers, credentials and record values
/// (docs/VALIDATORS.md §11, §13–§15): passports, travel permits, foreign permanent residence
/// and officer IDs, plates, QQ and WeChat ids, bank accounts, ICCID / IMSI / IMEI,
/// passwords, USCC codes, résumés, and the values that stand under record-kind headers.
///
/// Values are labelled as written. Numeric values are drawn again until no digit run in
/// them could pass for a resident ID, a mobile or a known-BIN card (`DecoyFactory.couldBePI`),
/// so that a value of one category is never also a value of another.
struct IdentifierFactory: Sendable {
  let people: PersonFactory
  let decoys: DecoyFactory

  /// Capitals without I and O (passport series letters, plate letters).
  static let lettersNoIO = Array("ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)

  private func letter(_ rng: inout SeededGenerator) -> String {
    String(
      UnicodeScalar(IdentifierFactory.lettersNoIO[rng.below(IdentifierFactory.lettersNoIO.count)]))
  }

  /// Digits with no run that could be read as PI (`allowLuhn`: Luhn-valid runs are fine
  /// unless a known BIN starts them).
  private func safeDigits(
    _ count: Int, leadingNonZero: Bool = false, allowLuhn: Bool = true,
    using rng: inout SeededGenerator
  ) -> String {
    while true {
      let s = rng.digitString(count, leadingNonZero: leadingNonZero)
      if !decoys.couldBePI(s, allowLuhn: allowLuhn) { return s }
    }
  }

  // MARK: - Documents (docs/VALIDATORS.md §13)

  /// `E12345678`, `EF1234567`, `G12345678`, `PE1234567`, `SE…`, `DE…`.
  func passport(using rng: inout SeededGenerator) -> Planted {
    let s: String
    switch rng.below(100) {
    case 0..<30: s = "E" + rng.digitString(8)
    case 30..<70: s = "E" + letter(&rng) + rng.digitString(7)
    case 70..<85: s = "G" + rng.digitString(8)
    default: s = rng.pick(["PE", "SE", "DE"]) + rng.digitString(7)
    }
    return Planted(s, .passport)
  }

  /// An E-series number whose series letter is I or O (never issued).
  func invalidPassport(using rng: inout SeededGenerator) -> Planted {
    Planted("E" + rng.pick(["I", "O"]) + rng.digitString(7), .passport, reason: .passportFormat)
  }

  /// 港澳居民来往内地通行证: `H` or `M` + 8 digits.
  func homeReturnPermit(using rng: inout SeededGenerator) -> Planted {
    Planted((rng.chance(7_000) ? "H" : "M") + rng.digitString(8), .homeReturnPermit)
  }

  /// 往来港澳通行证 (card): `C` + 8 digits.
  func exitEntryPermit(using rng: inout SeededGenerator) -> Planted {
    Planted("C" + rng.digitString(8), .exitEntryPermit)
  }

  /// 台胞证 (card, since 2015): 8 digits; recognisable only under its header.
  func taiwanCompatriotPermit(using rng: inout SeededGenerator) -> Planted {
    Planted(safeDigits(8, leadingNonZero: true, using: &rng), .taiwanCompatriotPermit)
  }

  /// 2004/2017 foreign permanent residence ID: alpha-3 nationality + 2-digit province of
  /// acceptance + YYMMDD birth date + 3-digit sequence + 1 digit.
  func foreignPermanentResidenceID(using rng: inout SeededGenerator) -> Planted {
    let birth = CivilDate.random(years: 1950...2000, using: &rng)
    let province = rng.pick(["11", "31", "32", "33", "44", "51", "21", "37"])
    let s =
      rng.pick(Vocabulary.countryCodes) + province + birth.compactTwoDigitYear
      + rng.digitString(4)
    return Planted(s, .foreignPermanentResidenceID)
  }

  /// 军官证: `南字第1234567号`.
  func militaryOfficerID(using rng: inout SeededGenerator) -> Planted {
    let s =
      rng.pick(Vocabulary.militaryIssuers) + "字第" + rng.digitString(rng.chance(7_000) ? 7 : 8)
      + "号"
    return Planted(s, .militaryOfficerID)
  }

  /// A document number of a certificate type as written in lodging registers.
  func document(
    ofType type: String, person p: Person, context: SampleContext,
    using rng: inout SeededGenerator
  ) -> Planted {
    switch type {
    case "护照": return rng.chance(300) ? invalidPassport(using: &rng) : passport(using: &rng)
    case "回乡证": return homeReturnPermit(using: &rng)
    case "港澳通行证": return exitEntryPermit(using: &rng)
    case "外国人永久居留证": return foreignPermanentResidenceID(using: &rng)
    case "军官证": return militaryOfficerID(using: &rng)
    default: return context.idCell(p, &rng, allow15: false)
    }
  }

  // MARK: - Vehicles (docs/VALIDATORS.md §14.6)

  /// A plate: ordinary (at most 2 letters in the 5-character serial), new-energy small
  /// (`粤BD12345`) or large (`粤B12345D`), written plain or with `·`, `-` or a space.
  func plate(using rng: inout SeededGenerator) -> Planted {
    let head = rng.pick(Vocabulary.plateProvinces) + letter(&rng)
    let serial: String
    switch rng.below(100) {
    case 0..<15:
      serial =
        rng.pick(["D", "F"]) + (rng.chance(7_000) ? rng.digitString(1) : letter(&rng))
        + rng.digitString(4)
    case 15..<20: serial = rng.digitString(5) + rng.pick(["D", "F"])
    default:
      var chars = (0..<5).map { _ in String(rng.int(0...9)) }
      let letters = rng.pick([0, 0, 1, 1, 1, 2])
      var positions = Array(0..<5)
      for _ in 0..<letters {
        let i = positions.remove(at: rng.below(positions.count))
        chars[i] = letter(&rng)
      }
      serial = chars.joined()
    }
    let separator = rng.pick(["", "", "", "", "·", "·", "-", " "])
    return Planted(head + separator + serial, .vehiclePlate)
  }

  /// A plate that breaks the serial rules: three letters in an ordinary serial, or an
  /// I/O letter.
  func invalidPlate(using rng: inout SeededGenerator) -> Planted {
    let head = rng.pick(Vocabulary.plateProvinces) + letter(&rng)
    let serial: String
    if rng.chance(5_000) {
      serial = letter(&rng) + letter(&rng) + letter(&rng) + rng.digitString(2)
    } else {
      serial = rng.digitString(2) + rng.pick(["I", "O"]) + rng.digitString(2)
    }
    return Planted(head + rng.pick(["", "·"]) + serial, .vehiclePlate, reason: .plate)
  }

  // MARK: - Accounts (docs/VALIDATORS.md §14)

  /// A QQ number: 5-10 digits, no leading zero.
  func qqNumber(using rng: inout SeededGenerator) -> String {
    safeDigits(rng.int(5...10), leadingNonZero: true, using: &rng)
  }

  /// A WeChat id: a letter then 5-19 of `[A-Za-z0-9_-]`, or `wxid_` + 14 lower-case
  /// alphanumerics. No digit run longer than 4.
  func wechatID(surnamePinyin: String, using rng: inout SeededGenerator) -> Planted {
    let lower = Array("abcdefghijklmnopqrstuvwxyz".utf8)
    func lowers(_ n: Int) -> String {
      String(decoding: (0..<n).map { _ in lower[rng.below(lower.count)] }, as: UTF8.self)
    }
    let s: String
    switch rng.below(10) {
    case 0..<3:
      // wxid_ + 14: letters and digits alternating in short runs.
      var out = "wxid_"
      var digits = rng.chance(5_000)
      while out.utf8.count < 19 {
        out += digits ? rng.digitString(rng.int(1...3)) : lowers(rng.int(1...3))
        digits.toggle()
      }
      s = String(out.prefix(19))
    case 3..<6:
      let stem = surnamePinyin.isEmpty ? lowers(4) : surnamePinyin
      let id = stem + rng.pick(["_", "-", ""]) + lowers(rng.int(2...5))
      // 6-20 characters: short ids get digits.
      s = id + rng.digitString(max(6 - id.count, rng.int(0...4)))
    case 6..<8:
      let id =
        rng.pick(["Sunny", "Lucky", "Tiger", "Momo", "Xiaoyu", "Kevin", "Amy", "Leo"])
        + rng.pick(["_", ""])
      s = id + rng.digitString(max(6 - id.count, rng.int(2...4)))
    default:
      s =
        lowers(1) + lowers(rng.int(5...9)) + rng.pick(["", "_", "-"])
        + rng.digitString(rng.int(0...3))
    }
    return Planted(s, .wechat)
  }

  /// A bank account number that is not a card: 12-22 digits starting 7 or 2 (no card BIN
  /// starts so), never Luhn-valid at card lengths, never ID- or mobile-shaped.
  func bankAccount(using rng: inout SeededGenerator) -> Planted {
    while true {
      let length = rng.pick([12, 13, 15, 17, 19, 20, 21, 22])
      let s = (rng.chance(7_000) ? "7" : "2") + rng.digitString(length - 1)
      if !decoys.couldBePI(s, allowLuhn: false) { return Planted(s, .bankAccount) }
    }
  }

  // MARK: - Telecom (docs/VALIDATORS.md §14.4)

  /// ICCID: `8986` + issuer + digits, 19 or 20 in all, Luhn check digit last.
  func iccid(using rng: inout SeededGenerator) -> Planted {
    Planted(decoys.make(.iccid, using: &rng), .telecomAccountOpening)
  }

  /// A 19-digit ICCID whose last digit fails Luhn (19 digits: 18 + the Luhn digit, the
  /// form whose check digit nobody disputes).
  func invalidICCID(using rng: inout SeededGenerator) -> Planted {
    var valid = Array(decoys.make(.iccid, using: &rng).utf8)
    while valid.count != 19 { valid = Array(decoys.make(.iccid, using: &rng).utf8) }
    var wrong = valid[valid.count - 1]
    while wrong == valid[valid.count - 1] { wrong = UInt8(48 + rng.below(10)) }
    return Planted(
      String(decoding: valid.dropLast() + [wrong], as: UTF8.self), .telecomAccountOpening,
      reason: .luhn)
  }

  /// IMSI: `460` + MNC (00 01 02 03 05 06 07 11) + 10 digits.
  func imsi(using rng: inout SeededGenerator) -> Planted {
    while true {
      let s =
        "460" + rng.pick(["00", "01", "02", "03", "05", "06", "07", "11"]) + rng.digitString(10)
      if !decoys.couldBePI(s, allowLuhn: true) { return Planted(s, .telecomAccountOpening) }
    }
  }

  /// An IMSI with an unused mobile network code (98 or 99).
  func invalidIMSI(using rng: inout SeededGenerator) -> Planted {
    while true {
      let s = "460" + rng.pick(["98", "99"]) + rng.digitString(10)
      if !decoys.couldBePI(s, allowLuhn: true) {
        return Planted(s, .telecomAccountOpening, reason: .networkCode)
      }
    }
  }

  /// IMEI: 15 digits, TAC 86/35, Luhn check digit.
  func imei(using rng: inout SeededGenerator) -> Planted {
    Planted(decoys.make(.imei, using: &rng), .telecomAccountOpening)
  }

  /// An IMEI whose last digit fails Luhn.
  func invalidIMEI(using rng: inout SeededGenerator) -> Planted {
    while true {
      let valid = Array(decoys.make(.imei, using: &rng).utf8)
      var wrong = valid[14]
      while wrong == valid[14] { wrong = UInt8(48 + rng.below(10)) }
      let s = String(decoding: valid.dropLast() + [wrong], as: UTF8.self)
      if !decoys.couldBePI(s, allowLuhn: true) {
        return Planted(s, .telecomAccountOpening, reason: .luhn)
      }
    }
  }

  // MARK: - Credentials

  /// A password: a weak common one, a passphrase, or (in databases) an MD5 hex digest.
  func password(using rng: inout SeededGenerator, hashes: Bool = false) -> Planted {
    if hashes && rng.chance(5_000) { return Planted(hexDigest(32, using: &rng), .credential) }
    return Planted(
      rng.chance(5_000) ? rng.pick(Vocabulary.passwords) : rng.pick(Vocabulary.moreCredentials),
      .credential)
  }

  /// Lower-case hex with no digit run longer than 6 (nothing mobile- or ID-shaped).
  func hexDigest(_ length: Int, using rng: inout SeededGenerator) -> String {
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    var run = 0
    while out.count < length {
      var c = hex[rng.below(16)]
      if c <= ASCII.nine && run >= 6 { c = hex[10 + rng.below(6)] }
      run = c <= ASCII.nine ? run + 1 : 0
      out.append(c)
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: - Organisations

  /// A valid GB 32100 code (letters or all digits, never RIC-shaped).
  func uscc(using rng: inout SeededGenerator) -> Planted {
    Planted(decoys.make(.uscc, using: &rng), .uscc)
  }

  /// A code with letters whose check character is wrong.
  func invalidUSCC(using rng: inout SeededGenerator) -> Planted {
    while true {
      let valid = Array(decoys.make(.uscc, using: &rng).utf8)
      guard valid.contains(where: { $0 > ASCII.nine }) else { continue }
      var wrong = valid[17]
      while wrong == valid[17] {
        wrong = CheckDigits.usccAlphabet[rng.below(CheckDigits.usccAlphabet.count)]
      }
      let s = String(decoding: valid.dropLast() + [wrong], as: UTF8.self)
      return Planted(s, .uscc, reason: .checksum)
    }
  }

  // MARK: - Soft values

  /// A résumé: school (for 大专 and above) then one to three jobs, as time ranges
  /// (`2015.09-2019.06 …`).
  func resume(_ p: Person, using rng: inout SeededGenerator) -> Planted {
    let startYear = max(p.birth.year + 18, 1966)
    var year = startYear
    var parts: [String] = []
    // The school entry agrees with the person's education; below 大专 there is none.
    let schooling = ["博士研究生": 4, "硕士研究生": 3, "本科": 4, "大专": 3]
    let lastYear = CivilDate.reference.year
    if let years = schooling[p.education], year + years <= lastYear {
      let degree = p.education
      parts.append(
        "\(year).09-\(year + years).06 " + rng.pick(people.tables.universities) + " "
          + rng.pick(Vocabulary.majors) + " " + degree)
      year += years
    }
    let jobs = rng.int(1...3)
    for j in 0..<jobs where year < lastYear {
      let place = people.tables.idRegions[rng.below(people.tables.idRegions.count)]
      let employer = people.workUnit(near: place, using: &rng)
      let occupation = rng.pick(people.tables.occupations)
      if j == jobs - 1 || year + 2 >= lastYear {
        // The current job is the person's own employer and occupation.
        parts.append("\(year).07-至今 " + p.workUnit + " " + p.occupation)
        break
      }
      let end = min(year + rng.int(1...6), lastYear - 1)
      parts.append("\(year).07-\(end).06 " + employer + " " + occupation)
      year = end
    }
    if parts.isEmpty { parts.append("\(lastYear).09-至今 在校学生") }
    return Planted(parts.joined(separator: "；"), .resumeHistory)
  }

  /// An implausible age (reason `implausible age`).
  func invalidAge(using rng: inout SeededGenerator) -> Planted {
    Planted(rng.pick(["230", "999", "180", "156", "-3"]), .age, reason: .implausibleAge)
  }

  /// A birth date that no calendar has: 30 February, 31 April, month 13.
  func invalidBirthDate(year: Int, using rng: inout SeededGenerator) -> Planted {
    let s: String
    switch rng.below(3) {
    case 0: s = pad(year, 4) + "-02-30"
    case 1: s = pad(year, 4) + "-04-31"
    default: s = pad(year, 4) + "-13-0" + String(rng.int(1...9))
    }
    return Planted(s, .birthDate, reason: .birthDate)
  }

  // MARK: - Record values

  /// `2026-10-03 21:15:08` within `days` days before the reference date.
  func timestamp(daysBack: ClosedRange<Int>, using rng: inout SeededGenerator) -> (
    day: Int, seconds: Int, text: String
  ) {
    let day = CivilDate.reference.daysSinceEpoch - rng.int(daysBack)
    let seconds = rng.below(86_400)
    return (day, seconds, SampleContext.stamp(day: day, seconds: seconds))
  }

  /// `粤(2021)深圳市不动产权第0123456号`, or the older `深房地字第3000123456号`.
  func propertyCertificate(city: String, using rng: inout SeededGenerator) -> String {
    if rng.chance(8_000) {
      let province = rng.pick(["粤", "京", "沪", "苏", "浙", "川", "鄂", "鲁"])
      return province + "(\(rng.int(2016...2025)))" + city + "不动产权第" + rng.digitString(7) + "号"
    }
    return String(city.prefix(1)) + "房地字第" + rng.digitString(10) + "号"
  }

  /// A cell id `460-00-9342-13577` (MCC-MNC-LAC-CI).
  func cellID(using rng: inout SeededGenerator) -> String {
    "460-" + rng.pick(["00", "01", "11"]) + "-" + String(rng.int(1000...65_000)) + "-"
      + String(rng.int(10...65_000))
  }

  /// An express waybill number: carrier prefix + 12-13 digits.
  func waybill(using rng: inout SeededGenerator) -> String {
    rng.pick(Vocabulary.expressPrefixes)
      + safeDigits(rng.int(12...13), leadingNonZero: true, using: &rng)
  }

  /// Longitude and latitude inside mainland China, 6 decimals.
  func coordinates(using rng: inout SeededGenerator) -> (lng: String, lat: String) {
    (
      String(rng.int(100...122)) + "." + rng.digitString(6),
      String(rng.int(22...45)) + "." + rng.digitString(6)
    )
  }
}

extension SampleContext {
  /// `YYYY-MM-DD hh:mm:ss` of a day number and seconds in the day.
  static func stamp(day: Int, seconds: Int) -> String {
    CivilDate(daysSinceEpoch: day).iso + " " + pad(seconds / 3600, 2) + ":"
      + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
  }
}
