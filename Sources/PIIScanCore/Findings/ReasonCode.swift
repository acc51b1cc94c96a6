/// Why a value is invalid, as a machine code: a small closed set, documented in
/// docs/VALIDATORS.md, that reports carry as `reason_code` beside the human `reason`.
///
/// The codes never change meaning; new ones may be added. Reports, the sizing report and
/// baselines key on them, so a consumer can count "fabricated" values without parsing text.
public enum ReasonCode: UInt8, Sendable, CaseIterable, Comparable {
  /// A check digit or character fails (MOD 11-2 of an ID number, GB 32100 of a USCC, the
  /// check character of a Hong Kong identity card).
  case checksum = 1
  /// A Luhn check fails (a bank card on a known BIN, an ICCID, an IMEI).
  case luhn
  /// The birth date (of an ID number or a birth-date field) is not a real calendar date.
  case birthDateInvalid
  /// The birth date is after the as-of date.
  case birthDateFuture
  /// The birth date is before the earliest plausible one.
  case birthDateEarly
  /// The region (address code, province abbreviation) was never assigned, or cannot be on
  /// this kind of number.
  case regionUnknown
  /// The mobile prefix is not allocated to any carrier.
  case prefixUnallocated
  /// The number is in a range that belongs to no person (emergency communications, IoT).
  case prefixNonPersonal
  /// The landline's area code is not in use.
  case areaCodeUnknown
  /// The landline's local number cannot start with its first digit.
  case localNumberInvalid
  /// The card's length is not the length its BIN issues.
  case lengthForBIN
  /// The card's BIN is unknown and its Luhn check fails.
  case unknownBIN
  /// A published sample or test value (11010519491231002X, 13800138000…).
  case knownSample
  /// A value that looks cut by a spreadsheet (scientific notation, trailing zeros).
  case truncated
  /// An age outside 0–120.
  case implausibleAge
  /// The mobile network code of an IMSI is not assigned.
  case networkCodeUnknown
  /// The value stands where its category is expected but does not have the category's shape
  /// (a gender field holding 未知, a plate with three letters in its serial, a wrong length).
  case format
  /// The value is not in the category's vocabulary (not one of the 56 ethnic groups, not a
  /// marital status, not an education level or school, not an occupation).
  case vocabulary
  /// Only part of a value (a region without a street, a surname with a title).
  case incomplete
  /// Its parts do not belong together (a district not in the city written before it).
  case inconsistent
  /// The value is masked or anonymised already (张*, 某某).
  case masked
  /// A common word, not a name.
  case commonWord

  /// The stable id reports carry (`birth_date_future`).
  public var id: String {
    switch self {
    case .checksum: "checksum"
    case .luhn: "luhn"
    case .birthDateInvalid: "birth_date_invalid"
    case .birthDateFuture: "birth_date_future"
    case .birthDateEarly: "birth_date_early"
    case .regionUnknown: "region_unknown"
    case .prefixUnallocated: "prefix_unallocated"
    case .prefixNonPersonal: "prefix_non_personal"
    case .areaCodeUnknown: "area_code_unknown"
    case .localNumberInvalid: "local_number_invalid"
    case .lengthForBIN: "length_for_bin"
    case .unknownBIN: "unknown_bin"
    case .knownSample: "known_sample"
    case .truncated: "truncated"
    case .implausibleAge: "implausible_age"
    case .networkCodeUnknown: "network_code_unknown"
    case .format: "format"
    case .vocabulary: "vocabulary"
    case .incomplete: "incomplete"
    case .inconsistent: "inconsistent"
    case .masked: "masked"
    case .commonWord: "common_word"
    }
  }

  /// What the code means, for people: in Chinese and in English (reports, `--lang`).
  public var names: (zh: String, en: String) {
    switch self {
    case .checksum: ("校验码错误", "check character fails")
    case .luhn: ("Luhn 校验失败", "Luhn check fails")
    case .birthDateInvalid: ("出生日期不存在", "birth date is not a date")
    case .birthDateFuture: ("出生日期晚于基准日", "birth date after the as-of date")
    case .birthDateEarly: ("出生日期过早", "birth date too early")
    case .regionUnknown: ("地区码不存在", "region code never assigned")
    case .prefixUnallocated: ("号段未分配", "prefix not allocated")
    case .prefixNonPersonal: ("非个人号段", "non-personal range")
    case .areaCodeUnknown: ("区号不存在", "area code not in use")
    case .localNumberInvalid: ("本地号码无效", "local number impossible")
    case .lengthForBIN: ("卡号长度与卡 BIN 不符", "length wrong for the BIN")
    case .unknownBIN: ("卡 BIN 未知且校验失败", "unknown BIN, Luhn fails")
    case .knownSample: ("公开的样例值", "published sample value")
    case .truncated: ("疑被表格软件截断", "looks cut by a spreadsheet")
    case .implausibleAge: ("年龄不合理", "implausible age")
    case .networkCodeUnknown: ("网络代码未分配", "network code not assigned")
    case .format: ("格式不符", "wrong shape")
    case .vocabulary: ("不在词表中", "not in the vocabulary")
    case .incomplete: ("信息不完整", "incomplete")
    case .inconsistent: ("前后不一致", "parts do not belong together")
    case .masked: ("已脱敏", "masked already")
    case .commonWord: ("常用词而非人名", "a common word, not a name")
    }
  }

  /// The code with id `id`, if there is one.
  public init?(id: String) {
    guard let found = ReasonCode.allCases.first(where: { $0.id == id }) else { return nil }
    self = found
  }

  /// Whether the value is evidence of untrue data (Art. 11 of 法释〔2017〕10号: bulk records
  /// count "unless shown to be untrue"), rather than a value merely written oddly.
  public var isUntrue: Bool {
    switch self {
    case .truncated, .masked, .incomplete, .format, .vocabulary, .commonWord: false
    default: true
    }
  }

  public static func < (a: ReasonCode, b: ReasonCode) -> Bool { a.rawValue < b.rawValue }

  /// The code of a soft classifier's reason (``SoftVerdict/reason``): the one place that maps
  /// those sentences to codes. Every reason a classifier writes is listed here (a test checks
  /// it on the labelled samples).
  static func ofSoftReason(_ reason: String) -> ReasonCode {
    switch reason {
    case "known sample value": return .knownSample
    case "implausible age": return .implausibleAge
    case "not a real date": return .birthDateInvalid
    case "in the future": return .birthDateFuture
    case "too early": return .birthDateEarly
    case "check character fails": return .checksum
    case "masked", "anonymised or masked name": return .masked
    case "a common word, not a name": return .commonWord
    case "region only, not a full address", "surname and title only", "too short for a name",
      "serial too short":
      return .incomplete
    case "unknown province abbreviation": return .regionUnknown
    case "not one of the 56 ethnic groups", "not a marital status",
      "not an education level or school", "not an occupation", "no known surname",
      "no organisation ending (公司, 医院, 学校…)", "not an organisation name":
      return .vocabulary
    default:
      if reason.hasPrefix("regions do not belong together") { return .inconsistent }
      if reason.hasPrefix("unknown mobile network code") { return .networkCodeUnknown }
      if reason.contains("Luhn") { return .luhn }
      return .format
    }
  }
}
