/// How the reports people read (text, Markdown, HTML) write counts.
///
/// Digits are grouped in threes with a comma (`1,234,567`), as GB/T 15835 allows for Chinese
/// publications and as English readers expect, so a figure is read the same in both languages
/// and in both it can be compared with the JSON report by removing the commas. Large counts in
/// Chinese headline figures also get their reading in 万 and 亿 (`12万3456`), the units a
/// Chinese reader counts in; the digits stay exact (nothing is rounded, for a court).
public enum NumberText {
  /// `1234567` → `1,234,567`; `-1234` → `-1,234`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = value < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }

  /// The count in 万 and 亿, exactly: `123456` → `12万3456`, `100005` → `10万零5`,
  /// `230000000` → `2亿3000万`, `100001000` → `1亿零1000`. nil below 10,000, where the digits say it already.
  public static func chineseUnits(_ value: Int) -> String? {
    guard value >= 10_000 else { return nil }
    let yi = value / 100_000_000
    let wan = value / 10_000 % 10_000
    let rest = value % 10_000
    var out = ""
    if yi > 0 { out += grouped(yi) + "亿" }
    if wan > 0 {
      // A gap of a thousand place is read as 零: 1亿零500万.
      if yi > 0 && wan < 1_000 { out += "零" }
      out += String(wan) + "万"
    }
    if rest > 0 {
      // Also when the 万 place is empty between 亿 and the rest: 1亿零1000.
      if rest < 1_000 || (yi > 0 && wan == 0) { out += "零" }
      out += String(rest)
    }
    return out
  }
}
