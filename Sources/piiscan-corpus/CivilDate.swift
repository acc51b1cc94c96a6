/// A proleptic Gregorian calendar date, with the few operations the generator needs.
///
/// The generator never reads the clock: ages are computed on `CivilDate.reference`
/// so that output does not depend on the day it runs.
struct CivilDate: Comparable, Sendable {
  var year: Int
  var month: Int
  var day: Int

  /// The fixed "today" of every generated file (ages, future-date checks, log times).
  static let reference = CivilDate(year: 2026, month: 11, day: 29)

  static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// True when the fields name a real calendar day.
  var isValid: Bool {
    month >= 1 && month <= 12 && day >= 1 && day <= CivilDate.daysIn(month: month, year: year)
  }

  static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// Completed years of age on `date`.
  func age(on date: CivilDate = .reference) -> Int {
    var years = date.year - year
    if (date.month, date.day) < (month, day) { years -= 1 }
    return years
  }

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The inverse of `daysSinceEpoch`.
  init(daysSinceEpoch z0: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// A random real date with year in `years`, never after the reference date.
  static func random(years: ClosedRange<Int>, using rng: inout SeededGenerator) -> CivilDate {
    let first = CivilDate(year: years.lowerBound, month: 1, day: 1).daysSinceEpoch
    let last = min(
      CivilDate(year: years.upperBound, month: 12, day: 31).daysSinceEpoch,
      CivilDate.reference.daysSinceEpoch)
    return CivilDate(daysSinceEpoch: rng.int(first...last))
  }

  /// `YYYYMMDD`.
  var compact: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }
  /// `YYMMDD` (first-generation ID numbers).
  var compactTwoDigitYear: String { pad(year % 100, 2) + pad(month, 2) + pad(day, 2) }
  /// `YYYY-MM-DD`.
  var iso: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int) -> String {
  let s = String(value)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
