/// Text for the IEEE doubles an .xls stores, close to what Excel shows in the formula bar.
///
/// - 15 significant digits at most (Excel's precision), trailing zeros dropped.
/// - Integers have no fraction: `13812345678`, not `13812345678.0`.
/// - Plain notation from 1E-05 up to 1E+21, so a 15-digit or 18-digit number stored as a
///   number reads as digits (`110101199003078000`: the digits past the 15th are lost in the
///   file itself, exactly as Excel shows them); scientific outside it (`1.5E-07`, `1E+21`).
/// - Dates are serial day numbers in the file (`45292` is 2024-01-01): a cell whose format is
///   a date or a zero-padded code is written by ``NumberStyle`` instead (CellFormat.swift).
enum NumberText {
  static let significantDigits = 15

  static func append(_ value: Double, to out: inout [UInt8]) {
    guard value.isFinite else {
      out.append(contentsOf: Array("#NUM!".utf8))
      return
    }
    if value == 0 {
      out.append(0x30)
      return
    }
    var (digits, exponent) = decimalDigits(abs(value))
    round(&digits, &exponent, to: significantDigits)
    if value < 0 { out.append(0x2D) }
    if exponent >= -5 && exponent < 21 {
      if exponent < 0 {
        out.append(0x30)
        out.append(0x2E)
        for _ in 0..<(-exponent - 1) { out.append(0x30) }
        out.append(contentsOf: digits)
      } else {
        for k in 0...exponent { out.append(k < digits.count ? digits[k] : 0x30) }
        if digits.count > exponent + 1 {
          out.append(0x2E)
          out.append(contentsOf: digits[(exponent + 1)...])
        }
      }
    } else {
      out.append(digits[0])
      if digits.count > 1 {
        out.append(0x2E)
        out.append(contentsOf: digits[1...])
      }
      out.append(0x45)  // 'E'
      out.append(exponent < 0 ? 0x2D : 0x2B)
      let e = Array(String(abs(exponent)).utf8)
      if e.count < 2 { out.append(0x30) }
      out.append(contentsOf: e)
    }
  }

  static func string(_ value: Double) -> String {
    var out: [UInt8] = []
    append(value, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The significant decimal digits (ASCII, first one not zero, no trailing zeros) of a positive
  /// finite number and the power of ten of the first one, from Swift's shortest round-trip
  /// representation (at most 17 digits).
  static func decimalDigits(_ value: Double) -> ([UInt8], Int) {
    let text = Array(value.description.utf8)  // "123.45", "1e-05", "1.2345e+20"
    var mantissa = text[...]
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == 0x65 || $0 == 0x45 }) {
      mantissa = text[..<e]
      var sign = 1
      var k = e + 1
      if k < text.count && (text[k] == 0x2B || text[k] == 0x2D) {
        sign = text[k] == 0x2D ? -1 : 1
        k += 1
      }
      while k < text.count {
        exponent = exponent * 10 + Int(text[k] - 0x30)
        k += 1
      }
      exponent *= sign
    }
    var all: [UInt8] = []
    var point = -1
    for b in mantissa {
      if b == 0x2E {
        point = all.count
      } else {
        all.append(b)
      }
    }
    if point < 0 { point = all.count }
    guard let first = all.firstIndex(where: { $0 != 0x30 }) else { return ([0x30], 0) }
    var digits = Array(all[first...])
    while digits.count > 1 && digits.last == 0x30 { digits.removeLast() }
    return (digits, point - first - 1 + exponent)
  }

  /// Rounds to `count` significant digits, half away from zero, dropping trailing zeros.
  static func round(_ digits: inout [UInt8], _ exponent: inout Int, to count: Int) {
    guard digits.count > count else { return }
    let up = digits[count] >= 0x35
    digits.removeSubrange(count...)
    if up {
      var k = count - 1
      while k >= 0 {
        if digits[k] == 0x39 {
          digits[k] = 0x30
          k -= 1
        } else {
          digits[k] += 1
          break
        }
      }
      if k < 0 {
        digits.insert(0x31, at: 0)
        exponent += 1
      }
    }
    while digits.count > 1 && digits.last == 0x30 { digits.removeLast() }
  }
}
