/// Sex as encoded in an identity number's sequence code (odd = male, even = female).
public enum Sex: String, Sendable {
  case male
  case female
}

/// One reason a resident identity number is not valid (details are in `ResidentIDCheck`).
public enum ResidentIDFailure: Hashable, Sendable {
  /// Wrong length, or a non-digit where a digit must be (detail: `structureProblem`).
  case structure
  /// The MOD 11-2 check character is wrong; `expected` is the right one (`'0'...'9'` or `'X'`).
  case checksum(expected: UInt8)
  /// The birth date is not a real date, is before `ResidentID.earliestBirthDate`, or is after
  /// the as-of date (detail: `birthDateProblem`).
  case birthDate
  /// The address code was never valid on a resident ID (detail: `regionProblem`).
  case region
}

/// What is wrong with the length or characters of an identity number.
public enum ResidentIDStructureProblem: Hashable, Sendable {
  /// The input has `actual` characters instead of `expected`.
  case length(expected: Int, actual: Int)
  /// The character at 1-based `position` is `byte`, where a digit (or a final `X`) must be.
  case notADigit(position: Int, byte: UInt8)
  /// The first character must be `expected` for this kind of number (a foreign permanent
  /// residence ID starts with 9).
  case firstCharacter(expected: UInt8, actual: UInt8)
}

/// What is wrong with the birth date of an identity number.
public enum BirthDateProblem: Hashable, Sendable {
  /// The `YYYYMMDD` digits are not a real Gregorian date (e.g. 1990-02-30).
  case notADate
  /// The date is before `ResidentID.earliestBirthDate` (1860-01-01).
  case beforeEarliestBirthDate
  /// The date is after the as-of date.
  case afterAsOf
}

/// Why an address (region) code is not valid on a resident ID.
public enum ResidentIDRegionProblem: Hashable, Sendable {
  /// Not in the union of all GB/T 2260 codes ever assigned. A leading 9 is the shape of a
  /// 外国人永久居留身份证 (2023): check those with `ResidentID.checkForeignPermanentResidence`.
  case neverAssigned
  /// A 71xxxx (Taiwan) code: in GB/T 2260 but never on a resident ID.
  case taiwan
  /// An 81/82/83 code other than 810000/820000/830000, or a permit code on a 15-digit number
  /// (the permits exist only since 2018, always with 18 characters).
  case residencePermitCode
  /// For a foreign permanent residence ID: digits 2–3 are not a mainland province code.
  case notAProvince
}

/// The result of checking one identity number: the failures (empty = valid) and what the
/// number reveals (region, birth date, sex), which is filled in even when some check fails
/// (an Excel-truncated number still reveals region and birth date).
///
/// - Note: a value type; safe to share across tasks.
public struct ResidentIDCheck: Sendable, Equatable {
  /// Every failed check, in the order structure, checksum, birth date, region.
  ///
  /// Empty means valid. A structure failure stops the other checks.
  public internal(set) var failures: [ResidentIDFailure] = []
  /// The 6-digit address code as written, when the first six characters are digits.
  public internal(set) var regionCode: Int?
  /// The table entry of `regionCode`, if it was ever assigned.
  ///
  /// Set for 710000 too, though that fails. For a foreign permanent residence ID: the
  /// accepting province.
  public internal(set) var region: Region?
  /// The birth date, when its digits form a real date (set even if too early or in the future).
  public internal(set) var birthDate: CivilDate?
  /// The sex encoded by the last sequence digit (the 17th of 18, the 15th of 15).
  ///
  /// Odd means male. Nil for a foreign permanent residence ID (the rule is not established for it).
  public internal(set) var sex: Sex?
  /// The address code is 810000, 820000 or 830000: a 港澳台居民居住证 (category
  /// `cn_hkmotw_residence_permit`), which uses the same algorithm as the resident ID.
  public internal(set) var isResidencePermit = false
  /// Whether the address code is a placeholder rather than a county.
  ///
  /// True for a province/prefecture code ending in 00 (other than the county-less cities
  /// 441900 东莞, 442000 中山, 620200 嘉峪关, 460400 儋州, 460300 三沙 and the permit codes)
  /// or an unnamed `xxxx01` 市辖区 placeholder. Such codes are unusual on real cards and
  /// common in generated data: lower confidence, never a failure.
  public internal(set) var isPlaceholderRegion = false
  /// Whether the holder is older than `ResidentID.maximumPlausibleAge` on the as-of date.
  ///
  /// Real in records of the deceased and in old registers, common in fabricated numbers:
  /// lower confidence, never a failure. False when the birth date fails.
  public internal(set) var isImplausibleAge = false
  /// Whether the region code had left the code lists before the holder was born (its
  /// `Region.lastYear` is at least two years before the birth year).
  ///
  /// A code is given at first registration, so a real holder would have a newer code: lower
  /// confidence, never a failure. False when the birth date fails or the years are unknown.
  public internal(set) var isRegionRetiredBeforeBirth = false
  /// Whether something short of a failure makes the number doubtful: a placeholder region, an
  /// implausible age or a region retired before the birth. A valid number with one of these
  /// is reported at medium confidence instead of high.
  public var lowersConfidence: Bool {
    isPlaceholderRegion || isImplausibleAge || isRegionRetiredBeforeBirth
  }
  /// Checked as a 外国人永久居留身份证 (2023, leading 9) by `checkForeignPermanentResidence`.
  public internal(set) var isForeignPermanentResidence = false
  /// Whether the number looks cut by Excel: the checksum fails and it ends in 000.
  ///
  /// Most likely a real number whose last digits Excel's 15-significant-digit limit turned
  /// into zeros. Region and birth date still hold.
  public internal(set) var isProbablyExcelTruncated = false
  /// For a 15-digit input made of digits: the 18-digit form (19 inserted, check appended).
  public internal(set) var upgraded18: String?
  /// Details of a `.structure` failure.
  public internal(set) var structureProblem: ResidentIDStructureProblem?
  /// Details of a `.birthDate` failure.
  public internal(set) var birthDateProblem: BirthDateProblem?
  /// Details of a `.region` failure.
  public internal(set) var regionProblem: ResidentIDRegionProblem?
  /// The check character as written (uppercased), for 18-character input.
  public internal(set) var checkCharacterFound: UInt8?
  /// The date birth dates were checked against.
  public let asOf: CivilDate

  // The birth-date digits as written, for `reasonText` when they are not a real date.
  var writtenYear = 0
  var writtenMonth = 0
  var writtenDay = 0

  init(asOf: CivilDate) {
    self.asOf = asOf
  }

  /// True when no check failed.
  public var isValid: Bool { failures.isEmpty }

  /// The machine code of the first failure (see ``ReasonCode``); nil when valid. A checksum
  /// failure of a number that looks cut by a spreadsheet is `truncated`.
  public var reasonCode: ReasonCode? {
    guard let first = failures.first else { return nil }
    switch first {
    case .structure: return .format
    case .checksum: return isProbablyExcelTruncated ? .truncated : .checksum
    case .birthDate:
      switch birthDateProblem {
      case .beforeEarliestBirthDate: return .birthDateEarly
      case .afterAsOf: return .birthDateFuture
      case .notADate, nil: return .birthDateInvalid
      }
    case .region: return .regionUnknown
    }
  }

  /// A human-readable reason for the failures; "" when valid.
  ///
  /// For example "checksum: expected X, found 5" or
  /// "birth date 1990-02-30 is not a date; region code 990101 was never assigned".
  public var reasonText: String {
    failures.map { reason(for: $0, masked: false) }.joined(separator: "; ")
  }

  /// The reason as a masked report shows it: nothing of the characters the mask hides (the
  /// birth date, the characters before the last four; see docs/VALIDATORS.md), and only the
  /// first failure — the one ``reasonCode`` names — since the others would tell more about the
  /// hidden characters than the code does.
  public var maskedReasonText: String {
    failures.first.map { reason(for: $0, masked: true) } ?? ""
  }

  private func reason(for failure: ResidentIDFailure, masked: Bool) -> String {
    switch failure {
    case .structure:
      switch structureProblem {
      case .length(let expected, let actual):
        return "expected \(expected) characters, got \(actual)"
      case .notADigit(let position, let byte):
        let shown = masked ? "" : " ('\(ValidationBytes.describe(byte))')"
        return "character \(position)\(shown) is not a digit" + (position == 18 ? " or X" : "")
      case .firstCharacter(let expected, let actual):
        let found = ValidationBytes.describe(actual)
        return "first character is '\(found)', expected '\(ValidationBytes.describe(expected))'"
      case nil:
        return "malformed"
      }
    case .checksum(let expected):
      var text =
        masked
        ? "checksum: the check character does not match"
        : "checksum: expected \(ValidationBytes.describe(expected))"
      if let found = checkCharacterFound, !masked {
        text += ", found \(ValidationBytes.describe(found))"
      }
      if isProbablyExcelTruncated { text += " (probably truncated by Excel: ends in 000)" }
      return text
    case .birthDate:
      let written =
        masked
        ? "the birth date"
        : "birth date \(padded(writtenYear, 4))-\(padded(writtenMonth, 2))-\(padded(writtenDay, 2))"
      switch birthDateProblem {
      case .notADate: return "\(written) is not a date"
      case .beforeEarliestBirthDate:
        return "\(written) is before \(ResidentID.earliestBirthDate)"
      case .afterAsOf: return "\(written) is after \(asOf)"
      case nil: return "\(written) is not valid"
      }
    case .region:
      let code = regionCode.map { padded($0, 6) } ?? "?"
      switch regionProblem {
      case .taiwan: return "region code \(code) is Taiwan (71), never used on a resident ID"
      case .residencePermitCode:
        return "region code \(code) is a Hong Kong/Macao/Taiwan code, valid only as "
          + "810000/820000/830000 on 18-character residence permits"
      case .notAProvince:
        return "accepting-province code \(code.prefix(3).dropFirst()) is not a mainland province"
      case .neverAssigned, nil:
        return "region code \(code) was never assigned"
          + (code.hasPrefix("9") ? " (a leading 9 marks a foreign permanent residence ID)" : "")
      }
    }
  }

  private func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
