import Testing

@testable import PIIScanCore

@Suite struct ResidentIDTests {
  typealias F = ValidationFixtures
  let asOf = ValidationFixtures.asOf

  func check(_ id: String) -> ResidentIDCheck {
    ResidentID.check18(Array(id.utf8), asOf: asOf)
  }

  // MARK: Check character

  @Test func publishedExampleHasCheckX() {
    #expect(
      ResidentID.checkCharacter(first17: Array("11010519491231002".utf8)) == UInt8(ascii: "X"))
    let result = check("11010519491231002X")
    #expect(result.isValid, "\(result.reasonText)")
    #expect(result.birthDate == F.date(1949, 12, 31))
    #expect(result.sex == .female)
    #expect(result.region?.name == "北京市朝阳区")
  }

  @Test func checkCharacterAgreesWithWeightTableOracle() {
    var random = F.LCG(state: 20_261_129)
    for _ in 0..<2_000 {
      let first17 = random.digits(17)
      let expected = F.oracleCheckCharacter(first17)
      let actual = ResidentID.checkCharacter(first17: Array(first17.utf8))
      #expect(Character(UnicodeScalar(actual)) == expected, "\(first17)")
    }
  }

  @Test func everyCheckCharacterValueIsReachable() {
    // S mod 11 → C: 0→1, 1→0, 2→X, 3→9 … 10→2; all eleven characters occur.
    var seen = Set<UInt8>()
    var random = F.LCG(state: 7)
    for _ in 0..<500 {
      seen.insert(ResidentID.checkCharacter(first17: Array(random.digits(17).utf8)))
    }
    #expect(seen == Set("0123456789X".utf8))
  }

  // MARK: Valid numbers

  @Test(arguments: [
    ("110105", "19900307", "123", Sex.male, "北京市朝阳区"),
    ("110105", "19900307", "124", Sex.female, "北京市朝阳区"),
    ("440305", "20000229", "001", Sex.male, "广东省深圳市南山区"),
    ("650102", "19000101", "998", Sex.female, "新疆维吾尔自治区乌鲁木齐市天山区"),
    ("330106", "20261129", "555", Sex.male, "浙江省杭州市西湖区"),
  ])
  func syntheticValidIDs(
    region: String, birth: String, sequence: String, sex: Sex, name: String
  ) throws {
    let id = F.makeID(region, birth, sequence)
    let result = check(id)
    #expect(result.isValid, "\(id): \(result.reasonText)")
    #expect(result.reasonText == "")
    #expect(result.sex == sex)
    #expect(result.region?.name == name)
    #expect(result.regionCode == Int(region))
    let birthDate = try #require(result.birthDate)
    #expect(
      birthDate.description
        == "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))")
    #expect(!result.isResidencePermit)
    #expect(!result.isPlaceholderRegion)
    #expect(ResidentID.isValid18(Array(id.utf8), asOf: asOf))
  }

  @Test func lowercaseXIsAccepted() {
    let result = check("11010519491231002x")
    #expect(result.isValid)
    #expect(result.checkCharacterFound == UInt8(ascii: "X"))
  }

  @Test func acceptsAnyByteCollection() {
    let id = F.makeID("110105", "19900307", "123")
    #expect(ResidentID.check18(id.utf8, asOf: asOf).isValid)
    #expect(ResidentID.check18(Array(id.utf8)[...], asOf: asOf).isValid)
    // A collection without contiguous storage goes through a copy.
    #expect(ResidentID.check18(id.utf8.lazy.map { $0 }, asOf: asOf).isValid)
    #expect(ResidentID.check15("610104620927690".utf8.lazy.map { $0 }, asOf: asOf).isValid)
    let bytes = Array(id.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      #expect(ResidentID.checkCharacter(first17: buffer.prefix(17)) == bytes[17])
    }
    bytes.withUnsafeBytes { raw in
      #expect(ResidentID.check18(raw, asOf: asOf).isValid)
      #expect(ResidentID.isValid18(raw, asOf: asOf))
    }
  }

  // MARK: 15-digit numbers

  @Test func fifteenDigitUpgradeMatchesIdValidatorExample() throws {
    #expect(ResidentID.upgrade(fifteen: "610104620927690") == "610104196209276908")
    let result = ResidentID.check15(Array("610104620927690".utf8), asOf: asOf)
    #expect(result.isValid, "\(result.reasonText)")
    #expect(result.upgraded18 == "610104196209276908")
    #expect(result.birthDate == F.date(1962, 9, 27))
    #expect(result.sex == .female)
    #expect(result.region?.code == 610104)
    #expect(check("610104196209276908").isValid)
  }

  @Test func upgradeAgreesWithOracle() {
    var random = F.LCG(state: 15)
    for _ in 0..<200 {
      let fifteen = random.digits(15)
      let first17 = String(fifteen.prefix(6)) + "19" + String(fifteen.dropFirst(6))
      #expect(
        ResidentID.upgrade(fifteen: fifteen) == first17 + String(F.oracleCheckCharacter(first17)))
    }
  }

  @Test(arguments: ["61010462092769", "6101046209276900", "61010462092769X", "", "６１０１０４６２０９２７６９０"])
  func upgradeRejectsMalformed(_ value: String) {
    #expect(ResidentID.upgrade(fifteen: value) == nil)
  }

  @Test func fifteenDigitFailures() {
    let badDate = ResidentID.check15(Array("110105900230123".utf8), asOf: asOf)
    #expect(badDate.failures == [.birthDate])
    #expect(badDate.birthDateProblem == .notADate)
    #expect(badDate.reasonText == "birth date 1990-02-30 is not a date")
    #expect(badDate.upgraded18 != nil)

    let badRegion = ResidentID.check15(Array("990101900307123".utf8), asOf: asOf)
    #expect(badRegion.failures == [.region])

    let permit = ResidentID.check15(Array("810000900307123".utf8), asOf: asOf)
    #expect(permit.failures == [.region])
    #expect(permit.regionProblem == .residencePermitCode)
    #expect(!permit.isResidencePermit)

    let short = ResidentID.check15(Array("11010590030712".utf8), asOf: asOf)
    #expect(short.failures == [.structure])
    #expect(short.structureProblem == .length(expected: 15, actual: 14))
    #expect(short.upgraded18 == nil)

    let letter = ResidentID.check15(Array("1101059003071X3".utf8), asOf: asOf)
    #expect(letter.structureProblem == .notADigit(position: 14, byte: UInt8(ascii: "X")))
  }

  // MARK: Failures

  @Test func wrongCheckCharacter() throws {
    let id = F.makeID("110105", "19900307", "123")
    let result = check(F.withWrongCheck(id))
    let expected = try #require(id.utf8.last)
    #expect(result.failures == [.checksum(expected: expected)])
    #expect(result.reasonText.hasPrefix("checksum: expected \(id.suffix(1))"))
    // Region, date and sex are still reported.
    #expect(result.region?.code == 110105)
    #expect(result.birthDate == F.date(1990, 3, 7))
    #expect(!result.isProbablyExcelTruncated)
  }

  @Test func checksumReasonNamesX() {
    let result = check("110105194912310021")
    #expect(result.failures == [.checksum(expected: UInt8(ascii: "X"))])
    #expect(result.reasonText == "checksum: expected X, found 1")
  }

  @Test func february30IsNotADate() {
    let result = check(F.makeID("110105", "19900230", "123"))
    #expect(result.failures == [.birthDate])
    #expect(result.birthDateProblem == .notADate)
    #expect(result.birthDate == nil)
    #expect(result.reasonText == "birth date 1990-02-30 is not a date")
  }

  @Test(arguments: [
    ("20000229", true), ("19960229", true), ("19000229", false), ("19990229", false),
    ("19900431", false), ("19901301", false), ("19900001", false), ("19900100", false),
  ])
  func calendarRules(birth: String, valid: Bool) {
    let result = check(F.makeID("110105", birth, "123"))
    #expect(result.isValid == valid, "\(birth): \(result.reasonText)")
  }

  @Test func futureBirthDateRelativeToAsOf() {
    let tomorrow = check(F.makeID("110105", "20261130", "123"))
    #expect(tomorrow.failures == [.birthDate])
    #expect(tomorrow.birthDateProblem == .afterAsOf)
    #expect(tomorrow.birthDate == F.date(2026, 11, 30))
    #expect(tomorrow.reasonText == "birth date 2026-11-30 is after 2026-11-29")
    // The same number is fine a day later.
    let later = ResidentID.check18(
      Array(F.makeID("110105", "20261130", "123").utf8), asOf: F.date(2026, 11, 30))
    #expect(later.isValid)
  }

  // Numbers were first issued in 1984 to everyone then alive: birth dates back to the 1860s
  // are real (GB 11643's own example is born 1880). The bound is 1860-01-01.

  @Test(arguments: [
    ("18600101", true), ("18591231", false), ("18750704", true), ("18991231", true),
    ("18000101", false), ("10000101", false), ("18600229", true),  // 1860 is a leap year
    ("18600230", false), ("18610229", false),
  ])
  func birthDateLowerBound(birth: String, valid: Bool) {
    let result = check(F.makeID("110105", birth, "123"))
    #expect(result.isValid == valid, "\(birth): \(result.reasonText)")
  }

  @Test func beforeTheEarliestBirthDateFails() {
    let result = check(F.makeID("110105", "18591231", "123"))
    #expect(result.failures == [.birthDate])
    #expect(result.birthDateProblem == .beforeEarliestBirthDate)
    #expect(result.reasonText == "birth date 1859-12-31 is before 1860-01-01")
    #expect(result.birthDate == F.date(1859, 12, 31))
    #expect(!result.isImplausibleAge)
    #expect(!ResidentID.isValid18(Array(F.makeID("110105", "18591231", "123").utf8), asOf: asOf))
  }

  @Test func earliestBirthDateIs1860() {
    #expect(ResidentID.earliestBirthDate == F.date(1860, 1, 1))
    #expect(ResidentID.maximumPlausibleAge == 120)
  }

  @Test(arguments: [
    // (birth, as of, implausible): over 120 whole years on the as-of date lowers confidence.
    ("18800101", "2026-11-29", true), ("19060101", "2026-11-29", false),
    ("19051129", "2026-11-29", true), ("19051130", "2026-11-29", false),  // 121 today / 120
    ("18800101", "1990-01-01", false),  // 110 when the card was issued
    ("19900307", "2026-11-29", false),
  ])
  func implausibleAgeLowersConfidenceOnly(birth: String, asOf: String, implausible: Bool) throws {
    let date = try #require(CivilDate(iso: asOf))
    let result = ResidentID.check18(Array(F.makeID("110105", birth, "123").utf8), asOf: date)
    #expect(result.isValid, "\(birth): \(result.reasonText)")
    // The oracle: whole years, a birthday not yet reached this year not counted.
    let birthDate = try #require(result.birthDate)
    var age = date.year - birthDate.year
    if (date.month, date.day) < (birthDate.month, birthDate.day) { age -= 1 }
    #expect((age > 120) == implausible, "\(birth) is \(age) on \(asOf)")
    #expect(result.isImplausibleAge == implausible)
    #expect(result.lowersConfidence == implausible)
  }

  @Test func gb11643Sample1880PassesEveryCheck() {
    // A real birth date now; the scanner reports it as a known sample value instead.
    let result = check("440524188001010014")
    #expect(result.isValid, "\(result.reasonText)")
    #expect(result.birthDate == F.date(1880, 1, 1))
    #expect(result.region?.code == 440524)
    #expect(result.isImplausibleAge)
    #expect(
      KnownSampleValues.shared.note(for: "440524188001010014", category: "cn_resident_id") != nil)
  }

  @Test func fifteenDigitNumbersStayInThe1900s() {
    let result = ResidentID.check15(Array("110105000101123".utf8), asOf: asOf)
    #expect(result.isValid, "\(result.reasonText)")
    #expect(result.birthDate == F.date(1900, 1, 1))
    #expect(result.isImplausibleAge)
  }

  @Test func neverAssignedRegion() {
    let result = check(F.makeID("990101", "19900307", "123"))
    #expect(result.failures == [.region])
    #expect(result.regionProblem == .neverAssigned)
    #expect(result.region == nil)
    #expect(result.reasonText.hasPrefix("region code 990101 was never assigned"))
    #expect(check(F.makeID("110199", "19900307", "123")).failures == [.region])
    #expect(check(F.makeID("000000", "19900307", "123")).failures == [.region])
  }

  @Test(arguments: ["710101", "710000"])
  func taiwanCodesAreNeverOnAResidentID(_ region: String) {
    let result = check(F.makeID(region, "19900307", "123"))
    #expect(result.failures == [.region])
    #expect(result.regionProblem == .taiwan)
    #expect(result.reasonText.contains("Taiwan"))
  }

  @Test func taiwan710000IsInTheTableButStillFails() {
    #expect(RegionCodeTable.shared.region(code: 710000)?.name == "台湾省")
    #expect(check(F.makeID("710000", "19900307", "123")).region?.code == 710000)
  }

  @Test(arguments: [
    ("11010519900307123A", 18), ("1101051990030712X3", 17), ("A10105199003071234", 1),
    ("110105 19900307123", 7),
  ])
  func nonDigitIsAStructureFailure(value: String, position: Int) throws {
    let result = check(value)
    #expect(result.failures == [.structure])
    let problem = try #require(result.structureProblem)
    guard case .notADigit(let actual, _) = problem else {
      Issue.record("expected notADigit, got \(problem)")
      return
    }
    #expect(actual == position)
    #expect(result.region == nil && result.birthDate == nil)
  }

  @Test(arguments: ["", "1101051990030712", "11010519900307123", "1101051990030712345"])
  func wrongLengthIsAStructureFailure(_ value: String) {
    let result = check(value)
    #expect(result.failures == [.structure])
    #expect(result.structureProblem == .length(expected: 18, actual: value.utf8.count))
    #expect(result.reasonText == "expected 18 characters, got \(value.utf8.count)")
  }

  @Test func severalFailuresAreAllReported() {
    let result = check("990101199002301231")  // bad date, bad region, and (checked) checksum
    #expect(result.failures.contains(.birthDate))
    #expect(result.failures.contains(.region))
    let expectedCount = F.oracleCheckCharacter("99010119900230123") == "1" ? 2 : 3
    #expect(result.failures.count == expectedCount)
    #expect(result.reasonText.contains("; "))
  }

  // MARK: Traps

  @Test(arguments: [
    (110103, "崇文区", 2009), (110104, "宣武区", 2009), (330103, "下城区", 2020),
    (330104, "江干区", 2020), (350402, "梅列区", 2020), (410306, "吉利区", 2020),
  ])
  func abolishedCodesStayValid(code: Int, name: String, lastYear: Int) {
    let result = check(F.makeID(String(code), "19850615", "321"))
    #expect(result.isValid, "\(code): \(result.reasonText)")
    #expect(result.region?.ownName == name)
    #expect(result.region?.isCurrent == false)
    #expect(result.region?.lastYear == lastYear)
  }

  // A code is given at first registration: a code that had left the lists before the holder
  // was born is doubtful. 110103 崇文区 is last listed in 2009 (abolished 2010), so a birth in
  // 2010 may still have got it; from 2011 on it could not have.
  @Test(arguments: [
    ("110103", "20091231", false), ("110103", "20100615", false), ("110103", "20110101", true),
    ("110103", "20200202", true), ("110110", "19870101", true), ("110110", "19860101", false),
    ("110105", "20200202", false),  // current: never
    ("140120", "20200202", false),  // no years known: no judgement
  ])
  func regionRetiredBeforeBirthLowersConfidenceOnly(region: String, birth: String, doubtful: Bool)
    throws
  {
    let result = check(F.makeID(region, birth, "321"))
    #expect(result.isValid, "\(region) \(birth): \(result.reasonText)")
    #expect(result.isRegionRetiredBeforeBirth == doubtful, "\(region) \(birth)")
    #expect(result.lowersConfidence == (doubtful || result.isPlaceholderRegion))
    let regionInfo = try #require(result.region)
    if doubtful {
      let lastYear = try #require(regionInfo.lastYear)
      let birthYear = try #require(Int(birth.prefix(4)))
      #expect(birthYear >= lastYear + 2)
    }
  }

  @Test func retiredRegionIsNotJudgedWhenTheBirthDateFails() {
    let result = check(F.makeID("110103", "20300101", "321"))
    #expect(result.failures == [.birthDate])
    #expect(!result.isRegionRetiredBeforeBirth)
  }

  @Test(arguments: ["110228", "110111", "540481", "460302"])
  func birthBeforeTheCodeWasCreatedIsStillValid(_ region: String) {
    // 密云县 [1982-2015], 房山区 [1986-], 米林市 (2023), 西沙区 (2020): python-stdnum rejects
    // births before a code's creation; people received codes when they registered.
    let result = check(F.makeID(region, "19500101", "011"))
    #expect(result.isValid, "\(region): \(result.reasonText)")
  }

  @Test(arguments: [441900, 442000, 620200, 460400, 460300])
  func countylessCitiesEndingIn00AreReal(_ code: Int) {
    let result = check(F.makeID(String(code), "19880808", "088"))
    #expect(result.isValid, "\(code): \(result.reasonText)")
    #expect(!result.isPlaceholderRegion)
  }

  @Test(arguments: [110000, 440300, 130100, 419000, 130101])
  func placeholderCodesAreValidButFlagged(_ code: Int) {
    let result = check(F.makeID(String(code), "19880808", "088"))
    #expect(result.isValid, "\(code): \(result.reasonText)")
    #expect(result.isPlaceholderRegion)
  }

  @Test func realXX01DistrictIsNotAPlaceholder() {
    let result = check(F.makeID("110101", "19880808", "088"))
    #expect(result.isValid)
    #expect(!result.isPlaceholderRegion)
    #expect(result.region?.name == "北京市东城区")
  }

  @Test(arguments: [(810000, "香港特别行政区"), (820000, "澳门特别行政区"), (830000, "台湾省")])
  func residencePermits(code: Int, name: String) {
    let result = check(F.makeID(String(code), "19950505", "017"))
    #expect(result.isValid, "\(code): \(result.reasonText)")
    #expect(result.isResidencePermit)
    #expect(!result.isPlaceholderRegion)
    #expect(result.region?.name == name)
  }

  @Test(arguments: ["810101", "820100", "830101"])
  func otherHongKongMacaoTaiwanCodesFail(_ region: String) {
    let result = check(F.makeID(region, "19950505", "017"))
    #expect(result.failures == [.region])
    #expect(!result.isResidencePermit)
  }

  @Test func excelTruncatedIDFailsChecksumButKeepsRegionAndDate() {
    let result = check("110105199001011000")
    #expect(result.failures.count == 1)
    guard case .checksum = result.failures.first else {
      Issue.record("expected a checksum failure, got \(result.failures)")
      return
    }
    #expect(result.isProbablyExcelTruncated)
    #expect(result.reasonText.contains("probably truncated by Excel"))
    #expect(result.region?.code == 110105)
    #expect(result.birthDate == F.date(1990, 1, 1))
    #expect(!ResidentID.isValid18(Array("110105199001011000".utf8), asOf: asOf))
  }

  @Test func sexFollowsThe17thDigit() {
    for digit in 0...9 {
      let result = check(F.makeID("110105", "19900307", "12\(digit)"))
      #expect(result.sex == (digit % 2 == 1 ? .male : .female))
    }
  }

  @Test func isValid18AgreesWithCheck18() {
    var random = F.LCG(state: 99)
    var values = [
      "11010519491231002X", "440524188001010014", "110105199001011000", "1101051990030712",
      F.makeID("710101", "19900307", "123"), F.makeID("810000", "19900307", "123"),
      F.makeID("110105", "20261130", "123"),
    ]
    for _ in 0..<300 {
      // Half realistic (valid region and date, random sequence), half random.
      values.append(
        random.next(2) == 0
          ? F.makeID("110105", "19\(random.next(9) + 1)01231", random.digits(3))
          : random.digits(18))
    }
    for value in values {
      #expect(
        ResidentID.isValid18(Array(value.utf8), asOf: asOf) == check(value).isValid, "\(value)")
    }
  }

  // MARK: Foreign permanent residence ID (2023)

  @Test func foreignPermanentResidenceID() {
    // 9 + province 11 + nationality 840 + birth + sequence + check.
    let id = F.makeID("911840", "19850101", "001")
    let result = ResidentID.checkForeignPermanentResidence(Array(id.utf8), asOf: asOf)
    #expect(result.isValid, "\(result.reasonText)")
    #expect(result.isForeignPermanentResidence)
    #expect(result.region?.name == "北京市")
    #expect(result.sex == nil)
    // As a resident ID it fails on the region.
    let asResident = check(id)
    #expect(asResident.failures == [.region])
    #expect(asResident.reasonText.contains("foreign permanent residence"))
  }

  @Test func foreignPermanentResidenceIDFailures() {
    let taiwan = ResidentID.checkForeignPermanentResidence(
      Array(F.makeID("971840", "19850101", "001").utf8), asOf: asOf)
    #expect(taiwan.failures == [.region])
    #expect(taiwan.regionProblem == .notAProvince)
    let notNine = ResidentID.checkForeignPermanentResidence(
      Array(F.makeID("110105", "19850101", "001").utf8), asOf: asOf)
    #expect(notNine.failures == [.structure])
    #expect(
      notNine.structureProblem
        == .firstCharacter(expected: UInt8(ascii: "9"), actual: UInt8(ascii: "1")))
    let badCheck = ResidentID.checkForeignPermanentResidence(
      Array(F.withWrongCheck(F.makeID("931840", "19850101", "001")).utf8), asOf: asOf)
    #expect(badCheck.failures.count == 1)
  }
}
