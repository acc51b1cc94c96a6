import Foundation

/// A calendar date in the proleptic Gregorian calendar, with no time or time zone.
///
/// Invariant: always a real date (`month` 1...12, `day` within the month, leap years
/// honoured) with `year` in 1...9999. Ordering is chronological.
///
/// - Note: a value type; safe to share across tasks.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1...9999.
  public let year: Int
  /// The month, 1...12.
  public let month: Int
  /// The day of the month, 1...28/29/30/31.
  public let day: Int

  /// Creates a date, or nil unless `year-month-day` is a real Gregorian date in years 1...9999.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CivilDate.daysInMonth(year: year, month: month)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD` (ASCII digits, 10 characters); nil for anything else or a
  /// date that does not exist.
  public init?(iso: String) {
    let bytes = Array(iso.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard let digit = ValidationBytes.digit(bytes[index]) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// The date `days` days after 1970-01-01 (negative is before).
  ///
  /// Precondition: the result lies in years 1...9999.
  public init(daysSince1970 days: Int) {
    // Civil-from-days over 400-year eras (March-based years, so the leap day is last).
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    guard let date = CivilDate(year: year, month: month, day: day) else {
      preconditionFailure("CivilDate(daysSince1970: \(days)) is outside years 1...9999")
    }
    self = date
  }

  /// Days from 1970-01-01 to this date (negative before it).
  public var daysSince1970: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Today's date in UTC.
  public static func today() -> CivilDate {
    let seconds = Date().timeIntervalSince1970
    return CivilDate(daysSince1970: Int((seconds / 86_400).rounded(.down)))
  }

  /// Whole years from this date (a birth date) to `date`; negative if `date` is earlier.
  ///
  /// Someone born on 29 February is a year older on 1 March of a common year.
  public func age(on date: CivilDate) -> Int {
    var years = date.year - year
    if (date.month, date.day) < (month, day) { years -= 1 }
    return years
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Chronological order.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in `month` of `year` (0 for a month outside 1...12).
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeapYear(year) ? 29 : 28
    default: return 0
    }
  }
}
