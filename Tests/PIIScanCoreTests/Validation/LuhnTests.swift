import Testing

@testable import PIIScanCore

@Suite struct LuhnTests {
  /// Right-to-left Luhn, the textbook way, as an oracle.
  static func oracle(_ number: String) -> Bool {
    let digits = number.compactMap(\.wholeNumberValue)
    guard digits.count == number.count, digits.count >= 2 else { return false }
    var sum = 0
    for (offset, digit) in digits.reversed().enumerated() {
      if offset % 2 == 1 {
        let doubled = digit * 2
        sum += doubled > 9 ? doubled - 9 : doubled
      } else {
        sum += digit
      }
    }
    return sum % 10 == 0
  }

  @Test(arguments: [
    "79927398713",  // the classic worked example
    "4111111111111111",  // the universal Visa test number
    "6222020200112345679",  // synthetic ICBC-BIN number, check digit computed
    "00",
  ])
  func knownGood(_ number: String) {
    #expect(Luhn.isValid(Array(number.utf8)))
    #expect(Self.oracle(number))
  }

  @Test(arguments: [
    "79927398710", "4111111111111112", "6222020200112345678",
    "6214832018989180",  // CMB legacy card (hutool #2510): fails Luhn
    "60142870670591508",  // BOCOM 17-digit legacy card (gogf/gf #3360): fails Luhn
  ])
  func knownBad(_ number: String) {
    #expect(!Luhn.isValid(Array(number.utf8)))
    #expect(!Self.oracle(number))
  }

  @Test(arguments: ["", "0", "4111 1111 1111 1111", "411111111111111X", "４１１１"])
  func malformedIsInvalid(_ value: String) {
    #expect(!Luhn.isValid(Array(value.utf8)))
  }

  @Test func agreesWithOracleAndCheckDigit() {
    var random = ValidationFixtures.LCG(state: 1_234)
    for _ in 0..<1_000 {
      let length = 12 + random.next(8)
      let number = random.digits(length)
      #expect(Luhn.isValid(Array(number.utf8)) == Self.oracle(number), "\(number)")
      let payload = String(number.dropLast())
      let completed =
        payload + String(UnicodeScalar(Luhn.checkDigit(forPayload: Array(payload.utf8))))
      #expect(Luhn.isValid(Array(completed.utf8)), "\(completed)")
      #expect(Self.oracle(completed))
    }
  }

  @Test func worksOnAStringUTF8View() {
    #expect(Luhn.isValid("79927398713".utf8))
  }
}
