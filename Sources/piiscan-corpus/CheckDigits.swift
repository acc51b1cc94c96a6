// Check-digit arithmetic, written here on purpose.
//
// piiscan-corpus is an independent oracle for the scanner: it must not import
// PIIScanCore, or a bug in the scanner's validators would be copied into the
// expected labels and the tests would agree with the bug. So the generator has its
// own small implementations of GB 11643 MOD 11-2, Luhn and the GB 32100 (USCC)
// mod-31 check, written from the standards' descriptions in docs/VALIDATORS.md §3.1,
// §5 and §15. Labels were also cross-checked once against PyPI id-validator and a
// Python Luhn (samples/README.md, "Verification").

/// ASCII bytes used throughout.
enum ASCII {
  static let zero: UInt8 = 48
  static let nine: UInt8 = 57
  static let upperX: UInt8 = 88
  static let lowerX: UInt8 = 120

  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= zero && b <= nine }
}

enum CheckDigits {
  /// GB 11643-1999 weights: W_i = 2^(18-i) mod 11 for i = 1...17.
  static let residentIDWeights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  /// Check character for S mod 11 = 0...10.
  static let residentIDCheckCharacters: [UInt8] = Array("10X98765432".utf8)

  /// The MOD 11-2 check character (ASCII `0`-`9` or `X`) of the first 17 digits.
  static func residentIDCheck<C: Collection>(_ first17: C) -> UInt8 where C.Element == UInt8 {
    precondition(first17.count == 17, "need exactly 17 digits")
    var sum = 0
    for (i, b) in first17.enumerated() { sum += Int(b - ASCII.zero) * residentIDWeights[i] }
    return residentIDCheckCharacters[sum % 11]
  }

  /// True when `id` is 18 characters whose last one is the right check character
  /// (upper- or lower-case X accepted). Says nothing about region or date.
  static func residentIDChecksumIsValid(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    guard bytes.count == 18, bytes[0..<17].allSatisfy(ASCII.isDigit) else { return false }
    var last = bytes[17]
    if last == ASCII.lowerX { last = ASCII.upperX }
    return residentIDCheck(bytes[0..<17]) == last
  }

  /// The Luhn check digit (ASCII) to append to `payload` digits.
  static func luhnCheckDigit<C: BidirectionalCollection>(_ payload: C) -> UInt8
  where C.Element == UInt8 {
    // Walking from the right, the digit next to the (future) check digit is doubled.
    var sum = 0
    var double = true
    for b in payload.reversed() {
      var d = Int(b - ASCII.zero)
      if double {
        d *= 2
        if d > 9 { d -= 9 }
      }
      sum += d
      double.toggle()
    }
    return UInt8(ASCII.zero) + UInt8((10 - sum % 10) % 10)
  }

  /// True when the digits (check digit last) pass Luhn.
  static func luhnIsValid<C: BidirectionalCollection>(_ digits: C) -> Bool
  where C.Element == UInt8 {
    var sum = 0
    var double = false
    for b in digits.reversed() {
      guard ASCII.isDigit(b) else { return false }
      var d = Int(b - ASCII.zero)
      if double {
        d *= 2
        if d > 9 { d -= 9 }
      }
      sum += d
      double.toggle()
    }
    return sum % 10 == 0
  }

  /// GB 32100-2015 alphabet: digits and 21 capitals (no I, O, S, V, Z).
  static let usccAlphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
  /// Weights 3^i mod 31 for positions 1...17.
  static let usccWeights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  /// The USCC check character of the first 17 characters (all from `usccAlphabet`).
  static func usccCheck(_ first17: [UInt8]) -> UInt8 {
    precondition(first17.count == 17, "need exactly 17 characters")
    var sum = 0
    for (i, c) in first17.enumerated() {
      let value = usccAlphabet.firstIndex(of: c)!
      sum += value * usccWeights[i]
    }
    return usccAlphabet[(31 - sum % 31) % 31]
  }
}
