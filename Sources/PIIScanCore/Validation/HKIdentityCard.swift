/// The Hong Kong identity card number (香港居民身份证号码): one or two letters, six digits and a
/// check character, written `A123456(3)` (also without the parentheses in fields), checked as
/// docs/VALIDATORS.md describes.
///
/// The check: the eight positions (two letters — a missing first one counts as 36 — and six
/// digits) are weighted 9 down to 2, letters counting A = 10 … Z = 35; the check character is
/// (11 − sum mod 11) mod 11, with 10 written `A`.
enum HKIdentityCard {
  /// A number as written: where it is in the bytes and its parts.
  struct Written: Equatable {
    /// The letters (one or two, upper-cased), the six digits and the check character.
    var letters: [UInt8]
    var digits: [UInt8]
    var check: UInt8
    /// Bytes the written form takes.
    var length: Int

    /// `A123456(3)`.
    var normalized: String {
      String(decoding: letters + digits + [0x28, check, 0x29], as: UTF8.self)
    }
  }

  /// Reads a number at the start of `bytes`: letters, digits, then `(c)`, `（c）` or a bare
  /// check character; nil when the shape is not there. What follows is not looked at.
  static func read(_ bytes: UnsafeRawBufferPointer) -> Written? {
    var i = 0
    var letters: [UInt8] = []
    while i < bytes.count, letters.count < 3, let letter = upperLetter(bytes[i]) {
      letters.append(letter)
      i += 1
    }
    guard (1...2).contains(letters.count), i + 6 < bytes.count else { return nil }
    let digits = Array(bytes[i..<i + 6])
    guard digits.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
    i += 6
    var check: UInt8
    if bytes[i] == 0x28, i + 2 < bytes.count, bytes[i + 2] == 0x29 {
      check = bytes[i + 1]
      i += 3
    } else if bytes[i] == 0xEF, i + 6 < bytes.count, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x88,
      bytes[i + 4] == 0xEF, bytes[i + 5] == 0xBC, bytes[i + 6] == 0x89
    {
      check = bytes[i + 3]  // （c）
      i += 7
    } else {
      check = bytes[i]
      i += 1
    }
    if check == 0x61 { check = 0x41 }
    guard check &- 0x30 < 10 || check == 0x41 else { return nil }
    return Written(letters: letters, digits: digits, check: check, length: i)
  }

  /// The check character the letters and digits call for (`0`…`9` or `A`).
  static func checkCharacter(letters: [UInt8], digits: [UInt8]) -> UInt8 {
    var values = letters.map { Int($0 - 0x41) + 10 }
    if values.count == 1 { values.insert(36, at: 0) }
    values += digits.map { Int($0 - 0x30) }
    var sum = 0
    for (index, value) in values.enumerated() { sum += value * (9 - index) }
    let check = (11 - sum % 11) % 11
    return check == 10 ? 0x41 : 0x30 + UInt8(check)
  }

  /// Whether the written check character is the one the number calls for.
  static func isValid(_ written: Written) -> Bool {
    checkCharacter(letters: written.letters, digits: written.digits) == written.check
  }

  private static func upperLetter(_ b: UInt8) -> UInt8? {
    if b &- 0x41 < 26 { return b }
    if b &- 0x61 < 26 { return b - 0x20 }
    return nil
  }
}
