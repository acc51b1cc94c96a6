@testable import PIIScanCore

/// Shared synthetic values for the Validation tests.
///
/// Every ID built here is synthetic: a
/// region code, a birth date and a sequence chosen by the test, with the check character
/// computed by an oracle written independently of `ResidentID` (the weight table of
/// GB 11643 rather than the implementation's doubling).
enum ValidationFixtures {
  /// The fixed scan date the tests check birth dates against.
  static let asOf = date(2026, 11, 29)

  /// A date known to exist.
  static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard let date = CivilDate(year: year, month: month, day: day) else {
      preconditionFailure("test fixture \(year)-\(month)-\(day) is not a date")
    }
    return date
  }

  /// GB 11643 weights W_i = 2^(18-i) mod 11.
  static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

  /// The MOD 11-2 check character of 17 digits, by the weight table ("10X98765432"[S % 11]).
  static func oracleCheckCharacter(_ first17: String) -> Character {
    let digits = first17.map { character -> Int in
      guard let digit = character.wholeNumberValue else {
        preconditionFailure("not a digit: \(character)")
      }
      return digit
    }
    precondition(digits.count == 17)
    let sum = zip(digits, weights).map(*).reduce(0, +)
    return Array("10X98765432")[sum % 11]
  }

  /// An 18-character ID: `region` (6) + `birth` (YYYYMMDD) + `sequence` (3) + oracle check.
  static func makeID(_ region: String, _ birth: String, _ sequence: String) -> String {
    let first17 = region + birth + sequence
    precondition(first17.count == 17, "fixture \(first17) must have 17 digits")
    return first17 + String(oracleCheckCharacter(first17))
  }

  /// `id` with its check character replaced by a wrong one.
  static func withWrongCheck(_ id: String) -> String {
    guard let right = id.last else { preconditionFailure("empty fixture") }
    return String(id.dropLast()) + (right == "1" ? "2" : "1")
  }

  /// A deterministic pseudo-random generator (64-bit LCG) for reproducible sweeps.
  struct LCG {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    mutating func digits(_ count: Int) -> String {
      String((0..<count).map { _ in Character(String(next(10))) })
    }
  }
}
