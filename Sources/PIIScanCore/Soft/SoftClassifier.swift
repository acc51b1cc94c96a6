/// Classifiers for the soft categories (docs/VALIDATORS.md §8–§16): pure functions over one
/// candidate value's UTF-8 bytes, called by the structure layer.
///
/// Two entry points:
/// - `classify(_:expected:asOf:)`: the value's field name (header, JSON key, `姓名：` cue) says
///   `expected`; the value's own grammar confirms or refutes it.
/// - `classifyUnlabelled(_:telecomContext:asOf:)`: a value with no field name; only categories
///   whose grammar is strong on its own (full addresses, prefixed documents, plates, USCC, and
///   ICCID/IMSI/IMEI when the caller saw context words). Names are never found this way.
///
/// Return convention: nil means "nothing to report" (empty or placeholder value such as NULL,
/// -, 无, 未知, N/A; for `classifyUnlabelled`, also "not one of the strong shapes"); a verdict
/// with `valid == false` means the value is in the field but fails its category's check, and
/// `reason` says which (an age of 230, 1990-02-30, a plate with 3 letters, a value that is not
/// an address at all).
///
/// - Note: stateless (the vocabularies are immutable and shared); safe to call from any task.
public enum SoftClassifier {
  /// Classifies a value whose field name says `expected`.
  ///
  /// - Parameters:
  ///   - value: The value's UTF-8 bytes, as cut out of its field (quotes and spaces at either end
  ///     are trimmed here).
  ///   - expected: The category the header or cue names.
  ///   - asOf: The scan date: birth dates after it are "in the future"; ages and minors are
  ///     computed on it.
  /// - Returns: nil for an empty or placeholder value, or for the five strong categories
  ///   (`SoftCategory.isStrongHeaderOnly`), whose values the strong validators check; else a
  ///   verdict.
  public static func classify(
    _ value: UnsafeRawBufferPointer, expected: SoftCategory, asOf: CivilDate
  ) -> SoftVerdict? {
    guard !expected.isStrongHeaderOnly else { return nil }
    return SoftText.withScalars(value) { text in
      let range = text.trimmed()
      guard !range.isEmpty else { return nil }
      let vocabulary = SoftVocabulary.shared
      if vocabulary.isPlaceholder(text, range) { return nil }
      return classify(text, range, expected: expected, asOf: asOf, vocabulary: vocabulary)
    }
  }

  /// Classifies a value whose field name says `expected` (see the raw-buffer overload).
  @inlinable
  public static func classify(
    _ value: some Collection<UInt8>, expected: SoftCategory, asOf: CivilDate
  ) -> SoftVerdict? {
    withValidatorBytes(value) { classify($0, expected: expected, asOf: asOf) }
  }

  /// Classifies a value with no field name, by strong grammar only.
  ///
  /// - Parameters:
  ///   - value: The value's UTF-8 bytes.
  ///   - telecomContext: Context words the caller saw (ICCID, IMSI, IMEI…); without them those
  ///     identifiers are not reported, since any 15–20-digit number could be one.
  ///   - asOf: The scan date (for the 2023-format foreign permanent-residence ID's birth date).
  /// - Returns: a verdict for a full address (`homeAddress`), a passport, permit or military
  ///   officer ID with its prefix, a vehicle plate, a USCC with a valid check character, a foreign
  ///   permanent-residence ID, or an ICCID/IMSI/IMEI with context; else nil.
  public static func classifyUnlabelled(
    _ value: UnsafeRawBufferPointer, telecomContext: TelecomContext = [], asOf: CivilDate
  ) -> SoftVerdict? {
    SoftText.withScalars(value) { text in
      let range = text.trimmed()
      guard range.count >= 6 else { return nil }
      return unlabelled(
        text, range, telecomContext: telecomContext, asOf: asOf, vocabulary: .shared)
    }
  }

  /// Classifies a value with no field name (see the raw-buffer overload).
  @inlinable
  public static func classifyUnlabelled(
    _ value: some Collection<UInt8>, telecomContext: TelecomContext = [], asOf: CivilDate
  ) -> SoftVerdict? {
    withValidatorBytes(value) { classifyUnlabelled($0, telecomContext: telecomContext, asOf: asOf) }
  }

  // MARK: - Dispatch

  static func classify(
    _ text: ScalarText, _ range: Range<Int>, expected: SoftCategory, asOf: CivilDate,
    vocabulary v: SoftVocabulary
  ) -> SoftVerdict? {
    guard let validator = CategoryRegistry.fieldValidator(of: expected.rawValue) else {
      return nil
    }
    return classify(
      text, range, validator: validator, expected: expected, asOf: asOf, vocabulary: v)
  }

  /// The validator a category's rule names, run on a value of that category.
  static func classify(
    _ text: ScalarText, _ range: Range<Int>, validator: FieldValidator, expected: SoftCategory,
    asOf: CivilDate, vocabulary v: SoftVocabulary
  ) -> SoftVerdict? {
    switch validator {
    case .personName: return PersonName.check(text, range, vocabulary: v)
    case .gender: return gender(text, range)
    case .age: return age(text, range)
    case .birthDate: return birthDate(text, range, asOf: asOf)
    case .ethnicity: return ethnicity(text, range, vocabulary: v)
    case .maritalStatus: return maritalStatus(text, range, vocabulary: v)
    case .education: return education(text, range, vocabulary: v)
    case .workUnit: return workUnit(text, range, vocabulary: v)
    case .occupation: return occupation(text, range, vocabulary: v)
    case .resume: return resume(text, range, vocabulary: v)
    case .address: return address(text, range, category: expected, vocabulary: v)
    case .householdRegistration: return householdRegistration(text, range, vocabulary: v)
    case .travelDocument: return travelDocument(text, range, expected: expected)
    case .foreignPermanentResidence:
      return foreignPermanentResidence(text, range, asOf: asOf, vocabulary: v)
    case .militaryOfficerID: return militaryOfficerID(text, range, vocabulary: v)
    case .hkIdentityCard: return hkIdentityCard(text, range)
    case .qqNumber: return qqNumber(text, range)
    case .wechatID: return wechatID(text, range)
    case .vehiclePlate: return vehiclePlate(text, range, vocabulary: v)
    case .bankAccount: return bankAccount(text, range)
    case .telecom: return telecom(text, range)
    case .credential: return credential(text, range)
    case .uscc: return uscc(text, range, vocabulary: v, labelled: true)
    case .recordKind:
      return SoftVerdict(
        category: expected, valid: true, confidence: .medium, normalized: text.string(range))
    }
  }

  /// A Hong Kong identity card number: shape and check character (``HKIdentityCard``).
  static func hkIdentityCard(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict? {
    let raw = Array(text.raw(range).utf8)
    let written = raw.withUnsafeBytes { HKIdentityCard.read($0) }
    guard let written, written.length == raw.count else {
      return verdict(
        .cnHKIdentityCard, text, range, valid: false,
        "not a Hong Kong identity card number (A123456(3))", .low)
    }
    let details = [FindingDetail("document", "香港居民身份证")]
    guard HKIdentityCard.isValid(written) else {
      return verdict(
        .cnHKIdentityCard, text, range, valid: false, "check character fails", .medium,
        normalized: written.normalized, details)
    }
    return verdict(
      .cnHKIdentityCard, text, range, valid: true, nil, .high, normalized: written.normalized,
      details)
  }

  // MARK: - Enumerated quasi-identifiers

  private static func verdict(
    _ category: SoftCategory, _ text: ScalarText, _ range: Range<Int>, valid: Bool,
    _ reason: String?, _ confidence: Confidence, normalized: String? = nil,
    _ details: [FindingDetail] = []
  ) -> SoftVerdict {
    SoftVerdict(
      category: category, valid: valid, reason: reason, confidence: confidence,
      normalized: normalized ?? text.raw(range), details: details)
  }

  /// Gender: 男/女 (性), M/F, male/female, and GB/T 2261.1 codes 1/2 (only here, under a header).
  /// 0 未知 and 9 未说明 carry no information and give nil.
  static func gender(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict? {
    switch SoftVocabulary.shared.genderTerms[text.string(range).lowercased()] {
    case "1"?:
      return verdict(
        .gender, text, range, valid: true, nil, .high, normalized: "男", [FindingDetail("code", "1")]
      )
    case "2"?:
      return verdict(
        .gender, text, range, valid: true, nil, .high, normalized: "女", [FindingDetail("code", "2")]
      )
    case .some:
      return nil  // unknown or unstated: says nothing
    case nil:
      return verdict(.gender, text, range, valid: false, "not a gender", .low)
    }
  }

  /// Reads an unsigned decimal from `text[range]`, allowing a trailing `.0` (pandas floats).
  private static func decimal(_ text: ScalarText, _ range: Range<Int>) -> (value: Int, end: Int)? {
    var value = 0
    var index = range.lowerBound
    while index < range.upperBound, SoftText.isDigit(text.scalars[index]),
      index - range.lowerBound < 9
    {
      value = value * 10 + Int(text.scalars[index] - 0x30)
      index += 1
    }
    guard index > range.lowerBound else { return nil }
    if index + 1 < range.upperBound, text.scalars[index] == 0x2E {
      var probe = index + 1
      while probe < range.upperBound, text.scalars[probe] == 0x30 { probe += 1 }
      if probe > index + 1 { index = probe }
    }
    return (value, index)
  }

  /// Age: 0–120 (岁/周岁 allowed); higher is "implausible age".
  static func age(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict? {
    guard let (value, end) = decimal(text, range) else {
      return verdict(.age, text, range, valid: false, "not an age", .low)
    }
    let rest = text.string(end..<range.upperBound).trimmingSpaces
    guard rest.isEmpty || rest == "岁" || rest == "周岁" || rest == "歲" else {
      return verdict(.age, text, range, valid: false, "not an age", .low)
    }
    guard value <= 120 else {
      return verdict(
        .age, text, range, valid: false, "implausible age", .medium, normalized: String(value))
    }
    var details: [FindingDetail] = []
    if value < 14 { details.append(FindingDetail("minor", "under 14")) }
    return verdict(.age, text, range, valid: true, nil, .high, normalized: String(value), details)
  }

  /// A written date: YYYYMMDD, YYYYMM, YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYY年M月,
  /// YYYY-MM; a time after a space or `T` is ignored. Day nil for year-month forms.
  static func parseDate(_ text: ScalarText, _ range: Range<Int>) -> (
    year: Int, month: Int, day: Int?
  )? {
    var numbers: (Int, Int, Int) = (0, 0, 0)
    var lengths: (Int, Int, Int) = (0, 0, 0)
    var count = 0
    var index = range.lowerBound
    var end = range.upperBound
    // Cut a time part: "1990-03-07 00:00:00" / "1990-03-07T00:00".
    for probe in range where text.scalars[probe] == 0x20 || text.scalars[probe] == 0x54 {
      end = probe
      break
    }
    while index < end {
      let value = text.scalars[index]
      if SoftText.isDigit(value) {
        var number = 0
        var length = 0
        while index < end, SoftText.isDigit(text.scalars[index]), length < 9 {
          number = number * 10 + Int(text.scalars[index] - 0x30)
          length += 1
          index += 1
        }
        guard count < 3 else { return nil }
        switch count {
        case 0:
          numbers.0 = number
          lengths.0 = length
        case 1:
          numbers.1 = number
          lengths.1 = length
        default:
          numbers.2 = number
          lengths.2 = length
        }
        count += 1
        continue
      }
      // 年 月 日 号 - / . as separators.
      guard
        value == 0x5E74 || value == 0x6708 || value == 0x65E5 || value == 0x53F7 || value == 0x2D
          || value == 0x2F || value == 0x2E
      else { return nil }
      index += 1
    }
    switch (count, lengths.0) {
    case (1, 8):
      return (numbers.0 / 10_000, numbers.0 / 100 % 100, numbers.0 % 100)
    case (1, 6):
      return (numbers.0 / 100, numbers.0 % 100, nil)
    case (2, 4) where (1...2).contains(lengths.1):
      return (numbers.0, numbers.1, nil)
    case (3, 4) where (1...2).contains(lengths.1) && (1...2).contains(lengths.2):
      return (numbers.0, numbers.1, numbers.2)
    default:
      return nil
    }
  }

  /// Birth date: a real date, not before ``ResidentID/earliestBirthDate`` (the bound ID numbers
  /// have), not after `asOf`. A 5-digit number is read as an Excel
  /// date serial (days since 1899-12-30).
  static func birthDate(_ text: ScalarText, _ range: Range<Int>, asOf: CivilDate) -> SoftVerdict? {
    var parsed = parseDate(text, range)
    var fromSerial = false
    if parsed == nil, range.count == 5, let (serial, end) = decimal(text, range),
      end == range.upperBound,
      serial > 0
    {
      let date = CivilDate(daysSince1970: serial - 25_569)
      parsed = (date.year, date.month, date.day)
      fromSerial = true
    }
    guard let (year, month, day) = parsed else {
      return verdict(.birthDate, text, range, valid: false, "not a date", .low)
    }
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let written = day.map { "\(year)-\(pad(month))-\(pad($0))" } ?? "\(year)-\(pad(month))"
    guard (1...12).contains(month),
      let date = CivilDate(year: max(1, year), month: month, day: day ?? 1)
    else {
      return verdict(
        .birthDate, text, range, valid: false, "not a real date", .medium, normalized: written)
    }
    guard date >= ResidentID.earliestBirthDate else {
      return verdict(
        .birthDate, text, range, valid: false, "too early", .medium, normalized: written)
    }
    guard date <= asOf else {
      return verdict(
        .birthDate, text, range, valid: false, "in the future", .medium, normalized: written)
    }
    let age = date.age(on: asOf)
    var details = [FindingDetail("age", String(age))]
    if age < 14 { details.append(FindingDetail("minor", "under 14")) }
    if fromSerial { details.append(FindingDetail("form", "Excel date serial")) }
    return verdict(
      .birthDate, text, range, valid: true, nil, fromSerial ? .medium : .high, normalized: written,
      details)
  }

  /// Ethnicity: one of the 56 names (族 optional), 97 其他/98 外国血统, or a GB/T 3304 code.
  static func ethnicity(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> SoftVerdict?
  {
    var key = text.string(range)
    if key.count <= 2, key.allSatisfy(\.isASCII), let code = Int(key) {
      key = code < 10 ? "0\(code)" : String(code)
    }
    let index =
      v.ethnicLookup[key]
      ?? (key.hasSuffix("族") ? v.ethnicLookup[String(key.dropLast())] : nil)
      ?? v.ethnicGroups.firstIndex { $0.code == key }
    guard let index else {
      return verdict(.ethnicity, text, range, valid: false, "not one of the 56 ethnic groups", .low)
    }
    let group = v.ethnicGroups[index]
    return verdict(
      .ethnicity, text, range, valid: true, nil, .high, normalized: group.name,
      [FindingDetail("code", group.code)])
  }

  /// Marital status: GB/T 2261.2 terms and codes, colloquial and English terms; 未说明 → nil.
  static func maritalStatus(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> SoftVerdict?
  {
    let key = text.string(range).lowercased()
    if let canonical = v.maritalCodes[key] {
      if key == "90" { return nil }
      return verdict(
        .maritalStatus, text, range, valid: true, nil, .high, normalized: canonical,
        [FindingDetail("code", key)])
    }
    guard let term = v.maritalTerms[key] else {
      return verdict(.maritalStatus, text, range, valid: false, "not a marital status", .low)
    }
    if term.kind == "unstated" { return nil }
    let normalized = v.maritalCodes[term.code] ?? text.string(range)
    let confidence: Confidence = term.kind == "yes-no" ? .medium : .high
    var details: [FindingDetail] = []
    if !term.code.isEmpty { details.append(FindingDetail("code", term.code)) }
    return verdict(
      .maritalStatus, text, range, valid: true, nil, confidence,
      normalized: term.kind == "standard" ? text.string(range) : normalized, details)
  }

  /// Education: GB/T 4658 terms and codes, colloquial and English terms, or a school name.
  static func education(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> SoftVerdict?
  {
    let written = text.string(range)
    let key = written.lowercased().replacingOccurrences(of: "（", with: "(").replacingOccurrences(
      of: "）", with: ")")
    if let level = v.educationCodes[key], key.allSatisfy(\.isASCII) {
      if key == "90" { return nil }
      return verdict(
        .education, text, range, valid: true, nil, .high, normalized: level,
        [FindingDetail("code", key)])
    }
    var term = v.educationTerms[key]
    if term == nil {
      for suffix in ["学历", "毕业", "肄业", "结业", "在读", "文化", "及以上", "以上"] where key.hasSuffix(suffix) {
        term = v.educationTerms[String(key.dropLast(suffix.count))]
        if term != nil { break }
      }
    }
    if let term {
      return verdict(
        .education, text, range, valid: true, nil, .high, normalized: written,
        [FindingDetail("code", term.code)])
    }
    if v.universities.contains(written) {
      return verdict(
        .education, text, range, valid: true, nil, .medium, [FindingDetail("form", "school")])
    }
    if let kind = employerKind(text, range, vocabulary: v), kind == "education" {
      return verdict(
        .education, text, range, valid: true, nil, .low, [FindingDetail("form", "school")])
    }
    return verdict(.education, text, range, valid: false, "not an education level or school", .low)
  }

  // MARK: - Work, occupation, résumé

  /// The kind of the longest employer-name ending of `text[range]`, if the name before it is
  /// at least 2 characters.
  static func employerKind(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> String?
  {
    var best: (Int, Int32)?
    v.employerSuffixes.forEachMatchBackward(
      in: text, endingBefore: range.upperBound, start: range.lowerBound
    ) {
      length, payload in
      if range.count - length >= 2 { best = (length, payload) }
      return true
    }
    guard let best else { return nil }
    return v.employerKinds[Int(best.1)]
  }

  /// Work unit: an organisation name by its ending (有限公司, 医院, 派出所…) or a status word
  /// (个体, 退休…, low confidence).
  static func workUnit(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> SoftVerdict?
  {
    let written = text.string(range)
    if v.employmentStatuses.contains(written) {
      return verdict(
        .workUnit, text, range, valid: true, nil, .low, [FindingDetail("kind", "status")])
    }
    guard range.count <= 60,
      (range.lowerBound..<range.upperBound).contains(where: { SoftText.isHan(text.scalars[$0]) })
    else {
      return verdict(.workUnit, text, range, valid: false, "not an organisation name", .low)
    }
    if let kind = employerKind(text, range, vocabulary: v) {
      return verdict(.workUnit, text, range, valid: true, nil, .high, [FindingDetail("kind", kind)])
    }
    if v.universities.contains(written) {
      return verdict(
        .workUnit, text, range, valid: true, nil, .high, [FindingDetail("kind", "education")])
    }
    return verdict(
      .workUnit, text, range, valid: false, "no organisation ending (公司, 医院, 学校…)", .low)
  }

  /// Occupation: the vocabulary (high), a Han word ending like one (…师, …员; medium), other
  /// short Han text (low: the header is the evidence); digits or long text are not.
  static func occupation(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> SoftVerdict?
  {
    let written = text.string(range)
    if v.occupations.contains(written.lowercased()) {
      return verdict(.occupation, text, range, valid: true, nil, .high)
    }
    let hanCount = range.filter { SoftText.isHan(text.scalars[$0]) }.count
    guard hanCount == range.count, (2...16).contains(hanCount) else {
      return verdict(.occupation, text, range, valid: false, "not an occupation", .low)
    }
    var suffix = false
    v.occupationSuffixes.forEachMatchBackward(
      in: text, endingBefore: range.upperBound, start: range.lowerBound
    ) {
      length, _ in
      if length < range.count { suffix = true }
      return !suffix
    }
    return verdict(.occupation, text, range, valid: true, nil, suffix ? .medium : .low)
  }

  /// Résumé: dated entries (`2015.09-2019.06`, `2015年9月至今`) with organisation or education
  /// words.
  static func resume(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> SoftVerdict?
  {
    let entries = countDateRanges(text, range)
    var organisation = false
    // An organisation or school ending or an education term anywhere (cheap scan per position).
    for index in range where SoftText.isHan(text.scalars[index]) {
      v.employerSuffixes.forEachMatchBackward(
        in: text, endingBefore: index + 1, start: range.lowerBound
      ) {
        length, payload in
        if length >= 2 || v.employerKinds[Int(payload)] == "education" { organisation = true }
        return !organisation
      }
      if organisation { break }
    }
    if entries > 0 {
      return verdict(
        .resumeHistory, text, range, valid: true, nil, organisation ? .high : .medium,
        [FindingDetail("entries", String(entries))])
    }
    if organisation {
      return verdict(.resumeHistory, text, range, valid: true, nil, .low)
    }
    return verdict(
      .resumeHistory, text, range, valid: false, "no dated entries, employer or school", .low)
  }

  /// Counts `YYYY[.-/年]MM… <sep> (YYYY[.-/年]MM | 至今 | 今 | 现在 | now | present)` ranges.
  static func countDateRanges(_ text: ScalarText, _ range: Range<Int>) -> Int {
    var entries = 0
    var index = range.lowerBound
    func year(at start: Int) -> Int? {
      guard start + 4 <= range.upperBound else { return nil }
      var value = 0
      for probe in start..<(start + 4) {
        guard SoftText.isDigit(text.scalars[probe]) else { return nil }
        value = value * 10 + Int(text.scalars[probe] - 0x30)
      }
      if start + 4 < range.upperBound, SoftText.isDigit(text.scalars[start + 4]) { return nil }
      if start > range.lowerBound, SoftText.isDigit(text.scalars[start - 1]) { return nil }
      return (1940...2100).contains(value) ? value : nil
    }
    /// Skips a month part after a year: [.-/年] 1–2 digits [月], or a lone 年.
    func skipMonth(_ start: Int) -> Int {
      guard start < range.upperBound, [0x2E, 0x2D, 0x2F, 0x5E74].contains(text.scalars[start])
      else {
        return start
      }
      var digits = start + 1
      while digits < range.upperBound, SoftText.isDigit(text.scalars[digits]) { digits += 1 }
      switch digits - start - 1 {
      case 1, 2:
        if digits < range.upperBound, text.scalars[digits] == 0x6708 { return digits + 1 }
        return digits
      case 0:
        return text.scalars[start] == 0x5E74 ? start + 1 : start
      default:
        return start
      }
    }
    while index < range.upperBound {
      guard year(at: index) != nil else {
        index += 1
        continue
      }
      var probe = skipMonth(index + 4)
      while probe < range.upperBound, text.scalars[probe] == 0x20 { probe += 1 }
      guard probe < range.upperBound else { break }
      let separator = text.scalars[probe]
      // - – — ~ ～ 至 到
      guard [0x2D, 0x2013, 0x2014, 0x7E, 0xFF5E, 0x81F3, 0x5230].contains(separator) else {
        index = probe
        continue
      }
      probe += 1
      while probe < range.upperBound, text.scalars[probe] == 0x20 || text.scalars[probe] == 0x2014 {
        probe += 1
      }
      if year(at: probe) != nil {
        entries += 1
        index = skipMonth(probe + 4)
        continue
      }
      let tail = text.string(probe..<min(range.upperBound, probe + 7)).lowercased()
      if tail.hasPrefix("至今") || tail.hasPrefix("今") || tail.hasPrefix("现在")
        || tail.hasPrefix("now")
        || tail.hasPrefix("present")
      {
        entries += 1
      }
      index = probe
    }
    return entries
  }

  // MARK: - Addresses

  /// Address-level details: the province, city and district the region names resolve to, and
  /// the deepest part found.
  static func addressDetails(_ parse: AddressParse) -> [FindingDetail] {
    var details: [FindingDetail] = []
    let regions = RegionCodeTable.shared
    let codes = parse.regionCodes
    if let first = codes.first {
      let province = first / 10_000
      if codes.allSatisfy({ $0 / 10_000 == province }),
        let region = regions.region(code: Int(province) * 10_000), !region.ownName.isEmpty
      {
        details.append(FindingDetail("province", region.ownName))
      }
      let rank = AddressGrammar.levelRank(first)
      if rank >= 2 {
        let prefecture = first / 100
        if codes.allSatisfy({ $0 / 100 == prefecture }),
          let region = regions.region(code: Int(prefecture) * 100), !region.ownName.isEmpty,
          region.level == .prefecture
        {
          details.append(FindingDetail("city", region.ownName))
        }
      }
      if rank == 3, codes.count == 1, let region = regions.region(code: Int(first)),
        !region.ownName.isEmpty
      {
        details.append(FindingDetail("district", region.ownName))
      }
    }
    details.append(FindingDetail("level", parse.levels.deepestName))
    return details
  }

  static func address(
    _ text: ScalarText, _ range: Range<Int>, category: SoftCategory, vocabulary v: SoftVocabulary
  ) -> SoftVerdict {
    let parse = AddressGrammar.parse(
      text, from: range.lowerBound, end: range.upperBound, vocabulary: v)
    let details = addressDetails(parse)
    if parse.inconsistent {
      let written = parse.writtenRegions.map { text.string($0) }.joined(separator: " / ")
      return verdict(
        category, text, range, valid: false, "regions do not belong together (\(written))", .medium,
        details)
    }
    if parse.isPrecise {
      let confidence: Confidence =
        parse.levels.isDisjoint(with: AddressLevels.admin) ? .medium : .high
      return verdict(category, text, range, valid: true, nil, confidence, details)
    }
    if parse.isRegionOnly {
      return verdict(
        category, text, range, valid: false, "region only, not a full address", .medium, details)
    }
    if !parse.levels.isDisjoint(with: [.township, .village, .road, .compound]) {
      return verdict(category, text, range, valid: true, nil, .low, details)
    }
    return verdict(category, text, range, valid: false, "not an address", .low)
  }

  /// Household registration: an address, region names alone (湖南长沙, 广东省湛江市遂溪县), or a
  /// 户口性质 value.
  static func householdRegistration(
    _ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary
  ) -> SoftVerdict {
    let written = text.string(range)
    if v.householdKinds.contains(written) {
      return verdict(
        .householdRegistration, text, range, valid: true, nil, .high,
        [FindingDetail("kind", "户口性质")])
    }
    let parse = AddressGrammar.parse(
      text, from: range.lowerBound, end: range.upperBound, vocabulary: v)
    var result = address(text, range, category: .householdRegistration, vocabulary: v)
    if parse.isRegionOnly && !parse.inconsistent {
      // Region names are what 籍贯/户籍 columns hold; allow a trailing 人 (湖南长沙人).
      let rest =
        parse.end == range.upperBound
        || (parse.end + 1 == range.upperBound && text.scalars[parse.end] == 0x4EBA)
      result.valid = rest
      result.reason = rest ? nil : "not a region or address"
      result.confidence = rest ? .medium : .low
    }
    return result
  }

  // MARK: - Documents

  static func travelDocument(_ text: ScalarText, _ range: Range<Int>, expected: SoftCategory)
    -> SoftVerdict
  {
    guard let compact = DocumentNumbers.compactASCII(text, range) else {
      return verdict(expected, text, range, valid: false, "not a document number", .low)
    }
    let document = compact.utf8.withContiguousStorageIfAvailable { bytes in
      SoftText.withScalars(UnsafeRawBufferPointer(bytes)) { compactText in
        (
          DocumentNumbers.document(compactText, 0..<compactText.count),
          expected == .cnTWCompatriotPermit
            && DocumentNumbers.isTaiwanCompatriotPermit(compactText, 0..<compactText.count)
        )
      }
    }
    if let (found, taiwan) = document {
      if taiwan {
        return verdict(
          .cnTWCompatriotPermit, text, range, valid: true, nil, .high, normalized: compact,
          [FindingDetail("document", "台湾居民来往大陆通行证")])
      }
      if let found {
        let confidence: Confidence = found.category == expected ? .high : .medium
        return verdict(
          found.category, text, range, valid: true, nil, confidence, normalized: compact,
          [FindingDetail("document", found.document)])
      }
    }
    let reason: String
    switch expected {
    case .cnPassport: reason = "not a passport number (E/G/PE/SE/DE/K/MA + digits)"
    case .cnHKMOHomeReturnPermit: reason = "not a home-return permit number (H/M + 8 or 10 digits)"
    case .cnHKMOExitEntryPermit: reason = "not an exit-entry permit number (C/W + 8 digits)"
    default: reason = "not a Taiwan compatriot permit number (8 or 10 digits)"
    }
    // Letters then digits, as a document number is written, but in no issued series (an O for
    // a 0, an I or O as serial letter): a mistyped or forged number, still reported.
    let letters = compact.prefix { $0.isASCII && $0.isUppercase }
    let rest = compact.dropFirst(letters.count)
    let documentLike =
      (1...2).contains(letters.count) && (6...9).contains(rest.count)
      && rest.allSatisfy { $0.isASCII && $0.isNumber }
    return verdict(
      expected, text, range, valid: false, reason, documentLike ? .medium : .low,
      normalized: compact)
  }

  static func foreignPermanentResidence(
    _ text: ScalarText, _ range: Range<Int>, asOf: CivilDate, vocabulary v: SoftVocabulary
  ) -> SoftVerdict {
    guard let compact = DocumentNumbers.compactASCII(text, range) else {
      return verdict(
        .cnForeignPermanentResidenceID, text, range, valid: false, "not a permanent-residence ID",
        .low)
    }
    let bytes = Array(compact.utf8)
    if bytes.count == 15, bytes[0..<3].allSatisfy({ $0 &- 0x41 < 26 }),
      bytes[3...].allSatisfy({ $0 &- 0x30 < 10 })
    {
      let nationality = String(decoding: bytes[0..<3], as: UTF8.self)
      guard v.iso3166Alpha3.contains(nationality) else {
        return verdict(
          .cnForeignPermanentResidenceID, text, range, valid: false,
          "unknown nationality code \(nationality)", .medium, normalized: compact)
      }
      return verdict(
        .cnForeignPermanentResidenceID, text, range, valid: true, nil, .high, normalized: compact,
        [
          FindingDetail("nationality", nationality),
          FindingDetail("form", "2004/2017 (alpha-3 + 12 digits)"),
        ])
    }
    if bytes.count == 18, bytes[0] == 0x39 {
      let check = ResidentID.checkForeignPermanentResidence(bytes, asOf: asOf)
      if check.failures.isEmpty {
        var details = [FindingDetail("form", "2023 (18 digits)")]
        if let province = check.region?.ownName, !province.isEmpty {
          details.append(FindingDetail("province", province))
        }
        return verdict(
          .cnForeignPermanentResidenceID, text, range, valid: true, nil, .high, normalized: compact,
          details)
      }
      return verdict(
        .cnForeignPermanentResidenceID, text, range, valid: false,
        "checksum, date or province fails", .medium, normalized: compact)
    }
    return verdict(
      .cnForeignPermanentResidenceID, text, range, valid: false, "not a permanent-residence ID",
      .low, normalized: compact)
  }

  static func militaryOfficerID(
    _ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary
  ) -> SoftVerdict {
    if let id = DocumentNumbers.militaryID(
      text, at: range.lowerBound, end: range.upperBound, vocabulary: v),
      id.range.upperBound == range.upperBound
    {
      var details = [FindingDetail("issuer", id.issuer)]
      if let meaning = id.issuerMeaning { details.append(FindingDetail("issuer_meaning", meaning)) }
      return verdict(
        .cnMilitaryOfficerID, text, range, valid: true, nil,
        id.issuerMeaning == nil ? .medium : .high, details)
    }
    // The number alone under a 军官证 header.
    if (6...10).contains(range.count), range.allSatisfy({ SoftText.isDigit(text.scalars[$0]) }) {
      return verdict(.cnMilitaryOfficerID, text, range, valid: true, nil, .low)
    }
    return verdict(
      .cnMilitaryOfficerID, text, range, valid: false, "not a military officer ID (X字第NNNNNNN号)",
      .low)
  }

  static func vehiclePlate(_ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary)
    -> SoftVerdict
  {
    switch DocumentNumbers.plate(text, range, vocabulary: v) {
    case .valid(let normalized, let province, let kind):
      return verdict(
        .cnVehiclePlate, text, range, valid: true, nil, .high, normalized: normalized,
        [FindingDetail("province", province), FindingDetail("kind", kind)])
    case .invalid(let normalized, let reason):
      return verdict(
        .cnVehiclePlate, text, range, valid: false, reason, .medium, normalized: normalized)
    case .notPlate:
      return verdict(.cnVehiclePlate, text, range, valid: false, "not a plate", .low)
    }
  }

  // MARK: - Accounts and contacts

  static func qqNumber(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict {
    var written = text.string(range).lowercased()
    if written.hasSuffix("@qq.com") { written = String(written.dropLast(7)) }
    guard !written.isEmpty, written.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return verdict(.qqNumber, text, range, valid: false, "not a QQ number", .low)
    }
    guard (5...11).contains(written.count) else {
      return verdict(
        .qqNumber, text, range, valid: false, "QQ numbers have 5-11 digits", .medium,
        normalized: written)
    }
    guard !written.hasPrefix("0") else {
      return verdict(
        .qqNumber, text, range, valid: false, "QQ numbers do not start with 0", .medium,
        normalized: written)
    }
    return verdict(.qqNumber, text, range, valid: true, nil, .high, normalized: written)
  }

  static func wechatID(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict {
    let written = text.string(range)
    let bytes = Array(written.utf8)
    func isIDByte(_ byte: UInt8) -> Bool {
      byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == 0x5F || byte == 0x2D
    }
    guard !bytes.isEmpty, bytes.allSatisfy(isIDByte) else {
      return verdict(.wechatID, text, range, valid: false, "not a WeChat ID", .low)
    }
    if written.lowercased().hasPrefix("wxid_") && bytes.count >= 10 && bytes.count <= 40 {
      return verdict(
        .wechatID, text, range, valid: true, nil, .high, [FindingDetail("form", "wxid")])
    }
    if bytes[0] == 0x6F && bytes.count == 28 {
      return verdict(
        .wechatID, text, range, valid: true, nil, .medium, [FindingDetail("form", "openid")])
    }
    if (bytes[0] | 0x20) &- 0x61 < 26 {
      guard (6...20).contains(bytes.count) else {
        return verdict(
          .wechatID, text, range, valid: false, "WeChat IDs have 6-20 characters", .medium)
      }
      return verdict(.wechatID, text, range, valid: true, nil, .high)
    }
    if bytes.allSatisfy({ $0 &- 0x30 < 10 }) && (5...11).contains(bytes.count) && bytes[0] != 0x30 {
      // Legacy accounts use a QQ or mobile number as the ID.
      return verdict(
        .wechatID, text, range, valid: true, nil, .low, [FindingDetail("form", "legacy numeric")])
    }
    return verdict(.wechatID, text, range, valid: false, "WeChat IDs start with a letter", .medium)
  }

  static func bankAccount(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict {
    var digits: [UInt8] = []
    for index in range {
      let value = text.scalars[index]
      if SoftText.isDigit(value) {
        digits.append(UInt8(value))
      } else if value != 0x20 && value != 0x2D {
        return verdict(.cnBankAccount, text, range, valid: false, "not an account number", .low)
      }
    }
    let normalized = String(decoding: digits, as: UTF8.self)
    guard (8...25).contains(digits.count) else {
      return verdict(
        .cnBankAccount, text, range, valid: false, "account numbers have 8-25 digits", .medium,
        normalized: normalized)
    }
    if (15...19).contains(digits.count), let bin = BankBINTable.shared.lookup(digits),
      Luhn.isValid(digits)
    {
      return verdict(
        .cnBankCard, text, range, valid: true, nil, .high, normalized: normalized,
        [
          FindingDetail("bank", bin.bank),
          FindingDetail("form", "a card number under an account header"),
        ])
    }
    return verdict(.cnBankAccount, text, range, valid: true, nil, .medium, normalized: normalized)
  }

  static func telecom(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict {
    // An IMEI is often written in its groups ("35-209900-176148-1"): the check covers the
    // digits, whatever joins them.
    var joined: String? = ""
    for index in range where text.scalars[index] != 0x20 && text.scalars[index] != 0x2D {
      let value = text.scalars[index]
      guard SoftText.isAlphanumeric(value) else {
        joined = nil
        break
      }
      joined?.unicodeScalars.append(Unicode.Scalar(UInt8(SoftText.upper(value))))
    }
    if let compact = joined, compact.count >= 15,
      let id = DocumentNumbers.telecomID(compact, context: [.iccid, .imsi, .imei])
    {
      var details = [FindingDetail("kind", id.kind)]
      if let carrier = id.carrier { details.append(FindingDetail("carrier", carrier)) }
      return verdict(
        .telecomAccountOpening, text, range, valid: id.valid, id.reason, .high, normalized: compact,
        details)
    }
    return verdict(.telecomAccountOpening, text, range, valid: true, nil, .medium)
  }

  static func credential(_ text: ScalarText, _ range: Range<Int>) -> SoftVerdict? {
    if range.allSatisfy({ PersonName.isMask(text.scalars[$0]) || text.scalars[$0] == 0x78 }) {
      return verdict(.credential, text, range, valid: false, "masked", .medium)
    }
    let written = text.string(range)
    var form = "plain"
    let hex = written.allSatisfy(\.isHexDigit)
    if hex && written.count == 32 {
      form = "md5-like hash"
    } else if hex && written.count == 40 {
      form = "sha1-like hash"
    } else if hex && written.count == 64 {
      form = "sha256-like hash"
    } else if written.hasPrefix("$2a$") || written.hasPrefix("$2b$") || written.hasPrefix("$2y$") {
      form = "bcrypt hash"
    }
    return verdict(
      .credential, text, range, valid: true, nil, .high,
      [FindingDetail("form", form), FindingDetail("length", String(written.count), masked: "")])
  }

  static func uscc(
    _ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary, labelled: Bool
  ) -> SoftVerdict? {
    guard let compact = DocumentNumbers.compactASCII(text, range), compact.utf8.count == 18 else {
      return labelled
        ? verdict(.cnUSCC, text, range, valid: false, "not an 18-character code", .low) : nil
    }
    let bytes = Array(compact.utf8)
    guard USCC.isValid(bytes) else {
      return labelled
        ? verdict(
          .cnUSCC, text, range, valid: false, "check character fails", .medium, normalized: compact)
        : nil
    }
    var details: [FindingDetail] = []
    if let region = RegionCodeTable.shared.region(
      code: Int(String(decoding: bytes[2..<8], as: UTF8.self)) ?? -1)
    {
      details.append(FindingDetail("region", region.name))
    }
    if USCC.isSoleProprietor(bytes) {
      details.append(FindingDetail("kind", "个体工商户 (person-linked)"))
    }
    return verdict(.cnUSCC, text, range, valid: true, nil, .high, normalized: compact, details)
  }

  // MARK: - Unlabelled

  static func unlabelled(
    _ text: ScalarText, _ range: Range<Int>, telecomContext: TelecomContext, asOf: CivilDate,
    vocabulary v: SoftVocabulary
  ) -> SoftVerdict? {
    let first = text.scalars[range.lowerBound]
    if SoftText.isHan(first) {
      if let id = DocumentNumbers.militaryID(
        text, at: range.lowerBound, end: range.upperBound, vocabulary: v),
        id.range.upperBound == range.upperBound
      {
        return militaryOfficerID(text, range, vocabulary: v)
      }
      if v.plateProvinces[first] != nil, range.count <= 11,
        case .valid(let normalized, let province, let kind) = DocumentNumbers.plate(
          text, range, vocabulary: v)
      {
        return verdict(
          .cnVehiclePlate, text, range, valid: true, nil, .medium, normalized: normalized,
          [FindingDetail("province", province), FindingDetail("kind", kind)])
      }
      let parse = AddressGrammar.parse(
        text, from: range.lowerBound, end: range.upperBound, vocabulary: v)
      guard parse.isFull, !parse.inconsistent, parse.end >= range.upperBound - 2 else { return nil }
      return verdict(.homeAddress, text, range, valid: true, nil, .medium, addressDetails(parse))
    }
    guard let compact = DocumentNumbers.compactASCII(text, range) else { return nil }
    if let document = compact.utf8.withContiguousStorageIfAvailable({ bytes in
      SoftText.withScalars(UnsafeRawBufferPointer(bytes)) {
        DocumentNumbers.document($0, 0..<$0.count)
      }
    }) ?? nil, let confidence = document.unlabelledConfidence {
      return verdict(
        document.category, text, range, valid: true, nil, confidence, normalized: compact,
        [FindingDetail("document", document.document)])
    }
    // A Hong Kong identity card, by its shape and check character together (after the
    // issued passport and permit series, which its shape can overlap).
    let compactBytes = Array(compact.utf8)
    if let written = compactBytes.withUnsafeBytes({ HKIdentityCard.read($0) }),
      written.length == compactBytes.count, HKIdentityCard.isValid(written)
    {
      return verdict(
        .cnHKIdentityCard, text, range, valid: true, nil, .medium,
        normalized: written.normalized, [FindingDetail("document", "香港居民身份证")])
    }
    let bytes = Array(compact.utf8)
    if bytes.count == 15, bytes[0..<3].allSatisfy({ $0 &- 0x41 < 26 }),
      bytes[3...].allSatisfy({ $0 &- 0x30 < 10 }),
      v.iso3166Alpha3.contains(String(decoding: bytes[0..<3], as: UTF8.self))
    {
      var result = foreignPermanentResidence(text, range, asOf: asOf, vocabulary: v)
      result.confidence = .medium
      return result
    }
    if bytes.count == 18 {
      let allDigits = bytes[0..<17].allSatisfy { $0 &- 0x30 < 10 }
      if allDigits && bytes[0] == 0x39 {
        let result = foreignPermanentResidence(text, range, asOf: asOf, vocabulary: v)
        if result.valid { return result }
      }
      // A USCC; an all-digit value that is a valid resident ID is not (the strong rules own it).
      if !(allDigits && ResidentID.isValid18(bytes, asOf: asOf)),
        let result = uscc(text, range, vocabulary: v, labelled: false)
      {
        return result
      }
    }
    if !telecomContext.isEmpty, let id = DocumentNumbers.telecomID(compact, context: telecomContext)
    {
      var details = [FindingDetail("kind", id.kind)]
      if let carrier = id.carrier { details.append(FindingDetail("carrier", carrier)) }
      return verdict(
        .telecomAccountOpening, text, range, valid: id.valid, id.reason, .medium,
        normalized: compact, details)
    }
    return nil
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    var scalars = Substring(self)
    while scalars.first == " " { scalars = scalars.dropFirst() }
    while scalars.last == " " { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
