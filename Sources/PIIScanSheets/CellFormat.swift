/// What a cell's number format makes of its number, as far as the text a reader sees goes: a
/// date or a time (an .xls stores dates as serial day numbers), a code padded with leading
/// zeros (`000000` keeps a postcode's or an ID's zeros that the number lost), or the number
/// as it is.
enum CellFormat: Sendable, Equatable {
  case general
  /// A date; `time` when the format shows the time of day too.
  case date(time: Bool)
  /// A time of day only.
  case time
  /// An integer padded with zeros to this many digits.
  case padded(Int)

  /// The kind of the format with index `index` and, for a custom one, its code.
  ///
  /// Built-in formats are fixed by their index (14–22 dates and times, 27–36 and 50–58 the
  /// East Asian dates, 45–47 durations); a custom code is a date when it shows a year, a day
  /// or a month outside a time, a time when it shows only hours, minutes or seconds, padded
  /// when it is only zeros (two or more). Quoted text, `[…]` sections and escaped characters are no
  /// tokens.
  init(index: Int, code: String?) {
    switch index {
    case 14...17, 27...31, 36, 50...58: self = .date(time: false)
    case 22: self = .date(time: true)
    case 18...21, 32...35, 45...47: self = .time
    default:
      guard let code else {
        self = .general
        return
      }
      self = Self.kind(ofCode: code)
    }
  }

  static func kind(ofCode code: String) -> CellFormat {
    // The first section (positive numbers) only.
    var tokens: [Character] = []
    var quoted = false
    var bracket = false
    var escaped = false
    for c in code {
      if escaped {
        escaped = false
        continue
      }
      if quoted {
        if c == "\"" { quoted = false }
        continue
      }
      if bracket {
        if c == "]" { bracket = false }
        continue
      }
      switch c {
      case "\"": quoted = true
      case "[": bracket = true
      case "\\", "_", "*": escaped = true
      case ";": break
      default: tokens.append(Character(c.lowercased()))
      }
      if c == ";" { break }
    }
    let text = String(tokens)
    if text.contains("general") { return .general }
    if text.count >= 2 && text.allSatisfy({ $0 == "0" }) { return .padded(text.count) }
    let hasDate = text.contains("y") || text.contains("d")
    let hasTime = text.contains("h") || text.contains("s")
    if hasDate || (text.contains("m") && !hasTime) { return .date(time: hasTime) }
    if hasTime { return .time }
    return .general
  }
}

/// How the numbers of one workbook are written: by the format of each cell's XF.
struct NumberStyle: Sendable {
  var formats: [CellFormat]
  var date1904: Bool

  /// Appends `value`, written as its cell's format says (``NumberText`` when it says nothing).
  func append(_ value: Double, xf: Int, to out: inout [UInt8]) {
    let format = xf < formats.count ? formats[xf] : .general
    switch format {
    case .general:
      NumberText.append(value, to: &out)
    case .padded(let width):
      // Integers a double holds exactly (below 2^53).
      guard value >= 0, value < 9_007_199_254_740_992, value == value.rounded() else {
        NumberText.append(value, to: &out)
        return
      }
      let digits = String(Int64(value))
      out.append(contentsOf: Array(repeating: 0x30, count: max(0, width - digits.count)))
      out.append(contentsOf: digits.utf8)
    case .date(let time):
      guard let text = SerialDate.text(value, date1904: date1904, time: time) else {
        NumberText.append(value, to: &out)
        return
      }
      out.append(contentsOf: text.utf8)
    case .time:
      guard value >= 0, value < 1e7 else {
        NumberText.append(value, to: &out)
        return
      }
      out.append(contentsOf: SerialDate.clock(value).utf8)
    }
  }
}

/// Excel's serial dates: days since 1899-12-31 (with the 1900 leap-year bug: serial 60 is the
/// 29 February 1900 that never was), or since 1904-01-01.
enum SerialDate {
  /// `yyyy-mm-dd` (and ` hh:mm:ss` with `time`) for a serial within year 1900 (1904) to 9999;
  /// nil outside.
  static func text(_ serial: Double, date1904: Bool, time: Bool) -> String? {
    guard serial >= 0, serial < 2_958_466 else { return nil }
    let day = Int(serial.rounded(.down))
    var date: String
    if !date1904 && day == 60 {
      date = "1900-02-29"
    } else if !date1904 && day == 0 {
      date = "1900-01-00"
    } else {
      // Days since 1970-01-01: serial 25569 in the 1900 system (past its false leap day),
      // serial 24107 in the 1904 one.
      let days = date1904 ? day - 24107 : day - (day < 60 ? 25568 : 25569)
      let (y, m, d) = civil(fromDays: days)
      date = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }
    if time { date += " " + clock(serial) }
    return date
  }

  /// `hh:mm:ss` of the fraction of a day in `serial`, rounded to the second.
  static func clock(_ serial: Double) -> String {
    let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded()) % 86_400
    return pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
  }

  /// The proleptic Gregorian date `days` after 1970-01-01 (days may be negative).
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  private static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }
}
