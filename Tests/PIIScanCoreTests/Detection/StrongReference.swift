/// Reference check digits for the strong-identifier tests, written from the standards' own
/// descriptions and kept apart from `Sources/PIIScanCore/Validation/`, so a test compares the
/// scanner with a second implementation rather than with itself.
enum StrongReference {
  /// The ISO/IEC 7812 (Luhn) check digit for `payload`: from the rightmost payload digit
  /// leftwards, every other digit starting with that one is doubled (digits of the product
  /// summed), and the check digit brings the total to a multiple of ten.
  static func luhnDigit(_ payload: String) -> Character {
    var total = 0
    for (position, character) in payload.reversed().enumerated() {
      let digit = Int(String(character))!
      if position % 2 == 0 {
        let doubled = digit * 2
        total += doubled / 10 + doubled % 10
      } else {
        total += digit
      }
    }
    return Character(String((10 - total % 10) % 10))
  }

  /// `payload` with its Luhn digit; with `valid: false`, the next digit instead (a one-digit
  /// typo in the check position always breaks the check).
  static func luhn(_ payload: String, valid: Bool = true) -> String {
    let check = Int(String(luhnDigit(payload)))!
    return payload + String(valid ? check : (check + 1) % 10)
  }

  /// Whether `number` passes Luhn, by the same rule read from the right of the whole number.
  static func passesLuhn(_ number: String) -> Bool {
    let digits = number.compactMap { $0.wholeNumberValue }
    let payload = digits.dropLast().map(String.init).joined()
    return digits.last.map { Character(String($0)) == luhnDigit(payload) } ?? false
  }

  /// The GB 11643 (ISO 7064 MOD 11-2) check character of 17 digits: weight 2^(17-i) mod 11
  /// for the i-th digit (i from 0), check = (12 - sum mod 11) mod 11, 10 written X.
  static func mod112(_ body: String) -> Character {
    var sum = 0
    for (i, character) in body.enumerated() {
      var weight = 1
      for _ in 0..<(17 - i) { weight = weight * 2 % 11 }
      sum += Int(String(character))! * weight
    }
    let check = (12 - sum % 11) % 11
    return check == 10 ? "X" : Character(String(check))
  }

  /// An 18-character number with its check character (`valid: false`: a wrong one).
  static func id18(_ body: String, valid: Bool = true) -> String {
    let check = mod112(body)
    if valid { return body + String(check) }
    return body + (check == "0" ? "1" : "0")
  }
}
