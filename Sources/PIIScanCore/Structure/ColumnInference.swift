/// Names the columns of delimited text from their values, where no header says what they hold:
/// a table exported without its header row, or a column headed `col7` or `备用1`.
///
/// A column gets a category when at least ``share`` of its non-empty values (and at least
/// ``minimumValues`` of them) have that category's shape: ID numbers with their check
/// character, mobiles, Luhn-valid card numbers, e-mails, and the soft categories whose
/// vocabulary decides (gender, ethnicity, marital status, education, full addresses, names). The inferred column is then named with a header word the
/// dictionary maps to that category, so the rest of the scanner reads it as if the file had
/// said so.
///
/// Inference reads only the rows of the profile's sniffed prefix, so every chunk of the file,
/// scanned on any worker, sees the same column names.
enum ColumnInference {
  /// Share of a column's non-empty values that must have a category's shape.
  static let share = 0.8
  /// Fewest non-empty values a column needs before anything is inferred.
  static let minimumValues = 3
  /// Most rows read.
  static let maximumRows = 200

  /// Categories tried, most specific first (ethnicity before names: 汉族 is not a name), and
  /// the header word each inferred column is given. Dates and organisations are left out: a
  /// column of dates is as likely a registration or transaction date as a birth date, and one
  /// of organisations a bank or a supplier as an employer.
  static let candidates: [(category: SoftCategory, header: String)] = [
    (.cnResidentID, "身份证号"), (.cnMobile, "手机号"), (.cnBankCard, "银行卡号"), (.email, "邮箱"),
    (.gender, "性别"), (.ethnicity, "民族"), (.maritalStatus, "婚姻状况"), (.education, "学历"),
    (.homeAddress, "家庭住址"), (.personNameZh, "姓名"),
  ]

  /// Values are judged against a fixed date, so what is inferred never depends on the day of
  /// the scan.
  static let asOf = CivilDate(year: 9999, month: 12, day: 31)!

  /// The inferred category of each of `columnCount` columns (nil where none fits), from `rows`
  /// (each a row's cells), looking only at the columns `consider` allows.
  static func infer(
    rows: [[ArraySlice<UInt8>]], columnCount: Int, consider: (Int) -> Bool = { _ in true }
  ) -> [SoftCategory?] {
    var inferred = [SoftCategory?](repeating: nil, count: columnCount)
    for column in 0..<columnCount where consider(column) {
      let values = rows.prefix(maximumRows).compactMap { row -> ArraySlice<UInt8>? in
        guard column < row.count else { return nil }
        let value = trimmed(row[column])
        return value.isEmpty ? nil : value
      }
      guard values.count >= minimumValues else { continue }
      // Failures allowed before a category is given up on.
      let allowed = values.count - Int((Double(values.count) * share).rounded(.up))
      var best: (category: SoftCategory, hits: Int)?
      for (category, _) in candidates {
        var hits = 0
        var misses = 0
        for value in values {
          if matches(value, category) { hits += 1 } else { misses += 1 }
          if misses > allowed { break }
        }
        if misses <= allowed && hits > (best?.hits ?? 0) { best = (category, hits) }
      }
      inferred[column] = best?.category
    }
    return inferred
  }

  /// The header word for `category`.
  static func header(for category: SoftCategory) -> [UInt8] {
    Array((candidates.first { $0.category == category }?.header ?? "").utf8)
  }

  /// Whether `value` has the shape of `category`.
  static func matches(_ value: ArraySlice<UInt8>, _ category: SoftCategory) -> Bool {
    switch category {
    case .cnResidentID:
      if value.count == 15 {
        // Region, then a birth date YYMMDD with a real month and day.
        guard value.allSatisfy(ByteClass.isDigit) else { return false }
        let digits = Array(value)
        let month = Int(digits[8] - 0x30) * 10 + Int(digits[9] - 0x30)
        let day = Int(digits[10] - 0x30) * 10 + Int(digits[11] - 0x30)
        return (1...12).contains(month) && (1...31).contains(day) && digits[0] != 0x30
      }
      guard value.count == 18, value.prefix(17).allSatisfy(ByteClass.isDigit) else { return false }
      return ResidentID.checkCharacter(first17: value.prefix(17))
        == (value.last! | 0x20 == 0x78 ? 0x58 : value.last!)
    case .cnMobile:
      var digits = value
      if digits.first == 0x2B { digits = digits.dropFirst() }
      if digits.count == 13 && digits.starts(with: [0x38, 0x36]) { digits = digits.dropFirst(2) }
      return digits.count == 11 && digits.allSatisfy(ByteClass.isDigit) && digits.first == 0x31
        && digits[digits.startIndex + 1] >= 0x33
    case .cnBankCard:
      let digits = value.filter { $0 != 0x20 }
      return digits.count >= 15 && digits.count <= 19 && digits.allSatisfy(ByteClass.isDigit)
        && Luhn.isValid(digits)
    case .email:
      guard let at = value.firstIndex(of: 0x40), at > value.startIndex else { return false }
      return value[(at + 1)...].contains(0x2E) && !value.contains(0x20)
    default:
      // Codes (性别 1/2, 民族 01–56) say their category only under a header that names it.
      if value.allSatisfy(ByteClass.isDigit) { return false }
      guard let verdict = SoftClassifier.classify(value, expected: category, asOf: asOf) else {
        return false
      }
      return verdict.valid && verdict.category == category && verdict.confidence == .high
    }
  }

  /// `value` without spaces, quotes or a carriage return at either end.
  static func trimmed(_ value: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var value = value
    while let b = value.first, b == 0x20 || b == 0x22 || b == 0x09 { value = value.dropFirst() }
    while let b = value.last, b == 0x20 || b == 0x22 || b == 0x0D || b == 0x09 {
      value = value.dropLast()
    }
    return value
  }
}
