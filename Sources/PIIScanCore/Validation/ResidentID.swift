/// Validators for the PRC resident identity number (公民身份号码, GB 11643-1999) and the numbers
/// that share its layout: the 港澳台居民居住证 (810000/820000/830000) and the 2023
/// 外国人永久居留身份证 (leading 9).
///
/// Layout (18): `AAAAAA YYYYMMDD SSS C`: address code, birth date, sequence (odd = male),
/// ISO 7064 MOD 11-2 check character `0-9`/`X`. Layout (15, first generation):
/// `AAAAAA YYMMDD SSS`, year 19YY, no check character.
///
/// Inputs are ASCII bytes as the scanner normalised them. Each check takes an
/// `UnsafeRawBufferPointer` (fast from any module) and has an `@inlinable` overload for
/// `some Collection<UInt8>` (`[UInt8]`, `ArraySlice`, `String.UTF8View`…) that forwards without
/// copying contiguous storage. The checks allocate only to report failures (use `isValid18`
/// for an allocation-free yes/no).
///
/// The rules (docs/VALIDATORS.md §3):
/// - the address code must be in the union of every GB/T 2260 code ever assigned (abolished
///   codes such as 110103 崇文区 stay valid for life); 71xxxx (Taiwan) never appears on an ID;
///   81/82/83 appear only as 810000/820000/830000, the residence permits;
/// - the birth year is NOT compared with the year the code was created: people born before a
///   code existed received it when they registered (python-stdnum's mistake);
/// - the birth date must be a real date, not before `earliestBirthDate` (1860-01-01) and not
///   after the as-of date. Numbers were first issued in 1984 to everyone then alive, so people
///   born in the 1870s and 1880s got them: GB 11643's own worked example, 440524188001010014,
///   is born 1880 (and is reported as a known sample value, not as a bad date);
/// - what makes a number doubtful without making it wrong lowers confidence only
///   (`ResidentIDCheck.lowersConfidence`): a placeholder region code, an age over
///   `maximumPlausibleAge` on the as-of date (real in records of the deceased), a region code
///   that was retired before the holder was born.
///
/// - Note: stateless; safe to call from any task.
public enum ResidentID {
  /// The earliest birth date a resident ID can carry: 1860-01-01.
  ///
  /// Why this bound: numbers were issued from 1984 to the people then alive, and no one has
  /// been verified to live past 122, so no holder was born before 1862; two years' slack
  /// keep a date written by a registrar who rounded. Earlier dates are not a birth date.
  public static let earliestBirthDate: CivilDate = {
    guard let date = CivilDate(year: 1860, month: 1, day: 1) else {
      preconditionFailure("1860-01-01 is a date")
    }
    return date
  }()

  /// The highest age (in whole years on the as-of date) that does not lower confidence.
  ///
  /// Older holders are real in records of the deceased and in old registers, so an older age
  /// is never a failure; 120 is the upper end of the age field's range as well.
  public static let maximumPlausibleAge = 120

  /// Prefecture-level cities without counties, whose `xxxx00` codes really appear on cards.
  static func isCountylessCity(_ code: Int) -> Bool {
    switch code {
    case 441900, 442000, 620200, 460400, 460300: return true
    default: return false
    }
  }

  // MARK: Check character

  /// The MOD 11-2 check character for the first 17 digits.
  ///
  /// - Parameter digits: exactly 17 ASCII digits.
  /// - Returns: ASCII `'0'...'9'` or `'X'`.
  /// - Precondition: `digits` is 17 ASCII digits (a programming error otherwise: validate
  ///   scanner input with `check18`/`isValid18`, which never trap).
  public static func checkCharacter(first17 digits: UnsafeRawBufferPointer) -> UInt8 {
    precondition(
      digits.count == 17, "ResidentID.checkCharacter needs 17 digits, got \(digits.count)")
    var sum = 0
    for byte in digits {
      guard let digit = ValidationBytes.digit(byte) else {
        preconditionFailure("ResidentID.checkCharacter: byte \(byte) is not an ASCII digit")
      }
      sum = (sum + digit) << 1
    }
    return checkCharacter(weightedSum: sum)
  }

  /// The MOD 11-2 check character for the first 17 digits (see the raw-buffer overload).
  @inlinable
  public static func checkCharacter(first17 digits: some Collection<UInt8>) -> UInt8 {
    withValidatorBytes(digits) { checkCharacter(first17: $0) }
  }

  /// The check character for `sum` = Σ dᵢ·2^(18−i) (i = 1...17).
  ///
  /// That is the sum `sum = (sum + d) << 1` accumulates per digit; 2^(18−i) mod 11 are the
  /// standard weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, and C = (12 − S mod 11) mod 11.
  @inline(__always)
  static func checkCharacter(weightedSum sum: Int) -> UInt8 {
    let value = (12 - sum % 11) % 11
    return value == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(value)
  }

  // MARK: 15 → 18

  /// Converts a first-generation 15-digit number to 18 digits.
  ///
  /// Inserts "19" before the two-digit year and appends the check character. Nil unless
  /// `fifteen` is 15 ASCII digits.
  ///
  /// Example: 610104620927690 → 610104196209276908.
  public static func upgrade(fifteen: String) -> String? {
    withValidatorBytes(fifteen.utf8) { upgrade15($0) }
  }

  static func upgrade15(_ bytes: UnsafeRawBufferPointer) -> String? {
    guard bytes.count == 15 else { return nil }
    var sum = 0
    for (index, byte) in bytes.enumerated() {
      guard let digit = ValidationBytes.digit(byte) else { return nil }
      if index == 6 { sum = (((sum + 1) << 1) + 9) << 1 }  // the inserted "19"
      sum = (sum + digit) << 1
    }
    let check = checkCharacter(weightedSum: sum)
    // SAFETY: writes exactly the 18 bytes it reports (indices 0..<18 of an 18-byte buffer),
    // all ASCII, so the string is valid UTF-8.
    return String(unsafeUninitializedCapacity: 18) { output in
      for index in 0..<6 { output[index] = bytes[index] }
      output[6] = UInt8(ascii: "1")
      output[7] = UInt8(ascii: "9")
      for index in 6..<15 { output[index + 2] = bytes[index] }
      output[17] = check
      return 18
    }
  }

  // MARK: 18-digit numbers

  /// Checks an 18-character resident identity number (or 港澳台居民居住证).
  ///
  /// - Parameters:
  ///   - value: 17 ASCII digits then a digit or `X`/`x`.
  ///   - asOf: birth dates after this date fail (use the scan date, `CivilDate.today()`).
  ///   - regions: the region-code table.
  /// - Returns: the failures (empty = valid) and the region, birth date and sex it encodes.
  public static func check18(
    _ value: UnsafeRawBufferPointer, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> ResidentIDCheck {
    var result = ResidentIDCheck(asOf: asOf)
    let fields = Fields18(value)
    guard fields.applyStructure(to: &result) else { return result }
    fields.applyChecksum(to: &result)
    applyBirthDate(fields.year, fields.month, fields.day, to: &result)
    result.sex = fields.sequenceLastDigit % 2 == 1 ? .male : .female
    applyRegion(fields.region, regions: regions, permitsAllowed: true, to: &result)
    return result
  }

  /// Checks an 18-character resident identity number (see the raw-buffer overload).
  @inlinable
  public static func check18(
    _ value: some Collection<UInt8>, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> ResidentIDCheck {
    withValidatorBytes(value) { check18($0, asOf: asOf, regions: regions) }
  }

  /// Whether `check18` would report no failure, without allocating.
  public static func isValid18(
    _ value: UnsafeRawBufferPointer, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> Bool {
    let fields = Fields18(value)
    guard fields.count == 18, fields.badPosition == 0,
      checkCharacter(weightedSum: fields.weightedSum) == fields.check,
      birthDateProblem(fields.year, fields.month, fields.day, asOf: asOf) == nil
    else { return false }
    return regionProblem(fields.region, regions: regions, permitsAllowed: true) == nil
  }

  /// Whether `check18` would report no failure (see the raw-buffer overload).
  @inlinable
  public static func isValid18(
    _ value: some Collection<UInt8>, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> Bool {
    withValidatorBytes(value) { isValid18($0, asOf: asOf, regions: regions) }
  }

  /// Checks an 18-character 外国人永久居留身份证 (2023 format): `9`, a 2-digit accepting-province
  /// code, a 3-digit nationality code, the birth date, a sequence and the MOD 11-2 check.
  ///
  /// The layout beyond the leading 9 and the checksum is not from a primary source
  /// (docs/VALIDATORS.md §13.2); this checks the province code, the date and the checksum, and
  /// leaves `sex` nil. `region` is the accepting province.
  public static func checkForeignPermanentResidence(
    _ value: UnsafeRawBufferPointer, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> ResidentIDCheck {
    var result = ResidentIDCheck(asOf: asOf)
    result.isForeignPermanentResidence = true
    let fields = Fields18(value)
    guard fields.applyStructure(to: &result) else { return result }
    guard fields.region / 100_000 == 9 else {
      result.failures.append(.structure)
      result.structureProblem = .firstCharacter(
        expected: UInt8(ascii: "9"), actual: fields.firstByte)
      return result
    }
    fields.applyChecksum(to: &result)
    applyBirthDate(fields.year, fields.month, fields.day, to: &result)
    result.regionCode = fields.region
    let province = fields.region / 1_000 % 100
    let provinceRegion = regions.region(code: province * 10_000)
    if let provinceRegion, ![71, 81, 82, 83].contains(province) {
      result.region = provinceRegion
    } else {
      result.failures.append(.region)
      result.regionProblem = .notAProvince
    }
    return result
  }

  /// Checks a 外国人永久居留身份证 (see the raw-buffer overload).
  @inlinable
  public static func checkForeignPermanentResidence(
    _ value: some Collection<UInt8>, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> ResidentIDCheck {
    withValidatorBytes(value) { checkForeignPermanentResidence($0, asOf: asOf, regions: regions) }
  }

  // MARK: 15-digit numbers

  /// Checks a first-generation 15-digit number.
  ///
  /// Layout: address code, `YYMMDD` read as 19YY, sequence; there is no check digit.
  /// `upgraded18` gives the 18-digit form (also for failing numbers made of 15 digits, so
  /// they can be deduplicated against 18-digit ones).
  ///
  /// 810000/820000/830000 fail here: residence permits (2018+) never had 15 digits.
  public static func check15(
    _ value: UnsafeRawBufferPointer, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> ResidentIDCheck {
    var result = ResidentIDCheck(asOf: asOf)
    if value.count != 15 {
      result.structureProblem = .length(expected: 15, actual: value.count)
    } else if let bad = value.firstIndex(where: { ValidationBytes.digit($0) == nil }) {
      result.structureProblem = .notADigit(position: bad + 1, byte: value[bad])
    }
    guard result.structureProblem == nil,
      let region = ValidationBytes.number(value, 0, 6),
      let year = ValidationBytes.number(value, 6, 2),
      let month = ValidationBytes.number(value, 8, 2),
      let day = ValidationBytes.number(value, 10, 2),
      let sequenceLast = ValidationBytes.digit(value[14])
    else {
      result.failures.append(.structure)
      return result
    }
    result.upgraded18 = upgrade15(value)
    applyBirthDate(1900 + year, month, day, to: &result)
    result.sex = sequenceLast % 2 == 1 ? .male : .female
    applyRegion(region, regions: regions, permitsAllowed: false, to: &result)
    return result
  }

  /// Checks a first-generation 15-digit number (see the raw-buffer overload).
  @inlinable
  public static func check15(
    _ value: some Collection<UInt8>, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> ResidentIDCheck {
    withValidatorBytes(value) { check15($0, asOf: asOf, regions: regions) }
  }

  // MARK: Shared checks

  /// The fields of an 18-character number, read in one pass.
  struct Fields18 {
    var count = 0
    /// 1-based position of the first bad byte; 0 if none.
    var badPosition = 0
    var badByte: UInt8 = 0
    var firstByte: UInt8 = 0
    var weightedSum = 0
    var region = 0
    var year = 0
    var month = 0
    var day = 0
    /// Digits 15–17 as a number (the sequence code).
    var sequence = 0
    var sequenceLastDigit: Int { sequence % 10 }
    /// The check character, uppercased.
    var check: UInt8 = 0

    init(_ bytes: UnsafeRawBufferPointer) {
      count = bytes.count
      guard count == 18, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
        return
      }
      firstByte = base[0]
      // One pass: the weighted sum and the number of each field, digit by digit; the fields
      // are kept only when every character is good.
      var fields = (region: 0, year: 0, month: 0, day: 0)
      var value = 0
      var sum = 0
      for index in 0..<17 {
        let digit = Int(base[index] &- 0x30)
        guard digit < 10 else {
          badPosition = index + 1
          badByte = base[index]
          return
        }
        sum = (sum + digit) << 1
        value = value &* 10 &+ digit
        switch index {
        case 5: (fields.region, value) = (value, 0)
        case 9: (fields.year, value) = (value, 0)
        case 11: (fields.month, value) = (value, 0)
        case 13: (fields.day, value) = (value, 0)
        default: break
        }
      }
      weightedSum = sum
      let last = base[17]
      if last == UInt8(ascii: "X") || last == UInt8(ascii: "x") {
        check = UInt8(ascii: "X")
      } else if last &- 0x30 < 10 {
        check = last
      } else {
        badPosition = 18
        badByte = last
        return
      }
      (region, year, month, day) = fields
      sequence = value
    }

    /// Records a structure failure; returns false when the other checks cannot run.
    func applyStructure(to result: inout ResidentIDCheck) -> Bool {
      if count != 18 {
        result.structureProblem = .length(expected: 18, actual: count)
      } else if badPosition != 0 {
        result.structureProblem = .notADigit(position: badPosition, byte: badByte)
      } else {
        return true
      }
      result.failures.append(.structure)
      return false
    }

    /// Records a checksum failure, and whether it looks like Excel truncation.
    func applyChecksum(to result: inout ResidentIDCheck) {
      result.checkCharacterFound = check
      let expected = ResidentID.checkCharacter(weightedSum: weightedSum)
      guard expected != check else { return }
      result.failures.append(.checksum(expected: expected))
      result.isProbablyExcelTruncated = sequence % 100 == 0 && check == UInt8(ascii: "0")
    }
  }

  /// Why a written birth date fails, or nil if it is acceptable.
  static func birthDateProblem(_ year: Int, _ month: Int, _ day: Int, asOf: CivilDate)
    -> BirthDateProblem?
  {
    guard let date = CivilDate(year: year, month: month, day: day) else { return .notADate }
    if date < earliestBirthDate { return .beforeEarliestBirthDate }
    if date > asOf { return .afterAsOf }
    return nil
  }

  static func applyBirthDate(
    _ year: Int, _ month: Int, _ day: Int, to result: inout ResidentIDCheck
  ) {
    result.writtenYear = year
    result.writtenMonth = month
    result.writtenDay = day
    result.birthDate = CivilDate(year: year, month: month, day: day)
    if let problem = birthDateProblem(year, month, day, asOf: result.asOf) {
      result.failures.append(.birthDate)
      result.birthDateProblem = problem
    } else if let birth = result.birthDate {
      result.isImplausibleAge = birth.age(on: result.asOf) > maximumPlausibleAge
    }
  }

  /// Whether `region` had left the code lists before a holder born in `birthYear` was born.
  ///
  /// A number gets its region code at first registration, so a code retired before the
  /// holder's birth could not have been given to them; such a number is doubtful, not wrong
  /// (the table's years come from yearly lists and can be off). `lastYear` is the last list
  /// that has the code (as of the end of that year), so a code can still be in use in the
  /// next year: only a birth at least two years later counts.
  static func wasRetiredBeforeBirth(_ region: Region, birthYear: Int) -> Bool {
    guard !region.isCurrent, let lastYear = region.lastYear else { return false }
    return birthYear > lastYear + 1
  }

  /// Why an address code is not valid on a resident ID, or nil if it is.
  static func regionProblem(_ code: Int, regions: RegionCodeTable, permitsAllowed: Bool)
    -> ResidentIDRegionProblem?
  {
    let province = code / 10_000
    if province == 71 { return .taiwan }
    guard regions.contains(code: code) else { return .neverAssigned }
    if province == 81 || province == 82 || province == 83 {
      // Only the permit codes 810000/820000/830000, and only on 18-character numbers.
      return permitsAllowed && code % 10_000 == 0 ? nil : .residencePermitCode
    }
    return nil
  }

  static func applyRegion(
    _ code: Int, regions: RegionCodeTable, permitsAllowed: Bool,
    to result: inout ResidentIDCheck
  ) {
    result.regionCode = code
    let region = regions.region(code: code)
    result.region = region
    if let problem = regionProblem(code, regions: regions, permitsAllowed: permitsAllowed) {
      result.failures.append(.region)
      result.regionProblem = problem
      return
    }
    let province = code / 10_000
    if province == 81 || province == 82 || province == 83 {
      result.isResidencePermit = true
    } else if let region {
      result.isPlaceholderRegion =
        (code % 100 == 0 && !isCountylessCity(code)) || (code % 100 == 1 && !region.hasOwnName)
    }
    if let region, result.birthDateProblem == nil, let birth = result.birthDate {
      result.isRegionRetiredBeforeBirth = wasRetiredBeforeBirth(region, birthYear: birth.year)
    }
  }
}

// MARK: Verdicts for the scan

extension ResidentID {
  /// What the number detector needs to know of a check: how many checks failed, the code of
  /// the first, and the two facts that pick the rule and the confidence. ``check18(_:asOf:regions:)``
  /// gives the same answers with every detail reports need; this allocates nothing and copies
  /// no region, since the scan asks it of every 18-digit candidate.
  struct Verdict: Equatable {
    var failureCount = 0
    /// The first failure's code; nil when valid.
    var reasonCode: ReasonCode?
    var isResidencePermit = false
    /// See ``ResidentIDCheck/lowersConfidence``.
    var lowersConfidence = false

    mutating func fail(_ code: ReasonCode) {
      if failureCount == 0 { reasonCode = code }
      failureCount += 1
    }
  }

  /// ``check18(_:asOf:regions:)``'s verdict: the same checks in the same order.
  static func verdict18(
    _ value: UnsafeRawBufferPointer, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> Verdict {
    var verdict = Verdict()
    let fields = Fields18(value)
    guard fields.count == 18, fields.badPosition == 0 else {
      verdict.fail(.format)
      return verdict
    }
    if checkCharacter(weightedSum: fields.weightedSum) != fields.check {
      let truncated = fields.sequence % 100 == 0 && fields.check == UInt8(ascii: "0")
      verdict.fail(truncated ? .truncated : .checksum)
    }
    let birth = birthVerdict(fields.year, fields.month, fields.day, asOf: asOf, into: &verdict)
    regionVerdict(
      fields.region, birth: birth, regions: regions, permitsAllowed: true, into: &verdict)
    return verdict
  }

  /// ``checkForeignPermanentResidence(_:asOf:regions:)``'s verdict: the same checks in the same
  /// order (structure and the leading 9, checksum, birth date, accepting province), without
  /// building a check, for every 18-digit candidate that starts with 9.
  static func verdictForeignPermanentResidence(
    _ value: UnsafeRawBufferPointer, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> Verdict {
    var verdict = Verdict()
    let fields = Fields18(value)
    guard fields.count == 18, fields.badPosition == 0, fields.region / 100_000 == 9 else {
      verdict.fail(.format)
      return verdict
    }
    if checkCharacter(weightedSum: fields.weightedSum) != fields.check { verdict.fail(.checksum) }
    _ = birthVerdict(fields.year, fields.month, fields.day, asOf: asOf, into: &verdict)
    let province = fields.region / 1_000 % 100
    if province == 71 || province >= 81 || regions.row(of: province * 10_000) == nil {
      verdict.fail(.regionUnknown)
    }
    return verdict
  }

  /// ``check15(_:asOf:regions:)``'s verdict: the same checks in the same order.
  static func verdict15(
    _ value: UnsafeRawBufferPointer, asOf: CivilDate, regions: RegionCodeTable = .shared
  ) -> Verdict {
    var verdict = Verdict()
    guard value.count == 15, !value.contains(where: { ValidationBytes.digit($0) == nil }),
      let region = ValidationBytes.number(value, 0, 6),
      let year = ValidationBytes.number(value, 6, 2),
      let month = ValidationBytes.number(value, 8, 2),
      let day = ValidationBytes.number(value, 10, 2)
    else {
      verdict.fail(.format)
      return verdict
    }
    let birth = birthVerdict(1900 + year, month, day, asOf: asOf, into: &verdict)
    regionVerdict(region, birth: birth, regions: regions, permitsAllowed: false, into: &verdict)
    return verdict
  }

  /// The birth-date check of ``applyBirthDate(_:_:_:to:)``; returns the date when it passes.
  private static func birthVerdict(
    _ year: Int, _ month: Int, _ day: Int, asOf: CivilDate, into verdict: inout Verdict
  ) -> CivilDate? {
    guard let date = CivilDate(year: year, month: month, day: day) else {
      verdict.fail(.birthDateInvalid)
      return nil
    }
    if date < earliestBirthDate {
      verdict.fail(.birthDateEarly)
      return nil
    }
    if date > asOf {
      verdict.fail(.birthDateFuture)
      return nil
    }
    if date.age(on: asOf) > maximumPlausibleAge { verdict.lowersConfidence = true }
    return date
  }

  /// The region check of ``applyRegion(_:regions:permitsAllowed:to:)``.
  private static func regionVerdict(
    _ code: Int, birth: CivilDate?, regions: RegionCodeTable, permitsAllowed: Bool,
    into verdict: inout Verdict
  ) {
    let province = code / 10_000
    guard province != 71, let row = regions.row(of: code) else {
      verdict.fail(.regionUnknown)
      return
    }
    if province == 81 || province == 82 || province == 83 {
      guard permitsAllowed && code % 10_000 == 0 else {
        verdict.fail(.regionUnknown)
        return
      }
      verdict.isResidencePermit = true
    } else if (code % 100 == 0 && !isCountylessCity(code))
      || (code % 100 == 1 && !regions.hasOwnName(row: row))
    {
      verdict.lowersConfidence = true
    }
    if let birth, !regions.isCurrent(row: row), let lastYear = regions.lastYear(row: row),
      birth.year > lastYear + 1
    {
      verdict.lowersConfidence = true
    }
  }
}
