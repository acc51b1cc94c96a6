import Testing

@testable import PIIScanCore

@Suite struct USCCTests {
  /// GB 32100 check character by the published weight list, as an oracle.
  static func oracleCheck(_ first17: String) -> Character {
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    var sum = 0
    for (character, weight) in zip(first17, weights) {
      guard let value = alphabet.firstIndex(of: character) else {
        preconditionFailure("\(character)")
      }
      sum += value * weight
    }
    return alphabet[(31 - sum % 31) % 31]
  }

  @Test func publishedExample() {
    #expect(USCC.isValid(Array("91110000600037341L".utf8)))
    #expect(Self.oracleCheck("91110000600037341") == "L")
    #expect(USCC.isValid(Array("91110000600037341l".utf8)))
    #expect(!USCC.isSoleProprietor(Array("91110000600037341L".utf8)))
  }

  @Test(arguments: [
    "91110000600037341M", "91110000600037341", "91110000600037341LL", "",
    "9111000060003734IL",  // I is not in the alphabet
    "91110000600O37341L",  // nor O
    "11010519491231002X",  // a resident ID is not a USCC
    "440308199901101512",
  ])
  func invalid(_ value: String) {
    #expect(!USCC.isValid(Array(value.utf8)))
  }

  @Test func soleProprietor() {
    let code = "92110105MA0000000" + String(Self.oracleCheck("92110105MA0000000"))
    #expect(code == "92110105MA0000000U")
    #expect(USCC.isValid(Array(code.utf8)))
    #expect(USCC.isSoleProprietor(Array(code.utf8)))
    #expect(!USCC.isSoleProprietor(Array("92110105MA0000000X".utf8)))
  }

  @Test func agreesWithOracle() {
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    var random = ValidationFixtures.LCG(state: 31)
    for _ in 0..<500 {
      let first17 = String((0..<17).map { _ in alphabet[random.next(alphabet.count)] })
      let right = Self.oracleCheck(first17)
      #expect(USCC.isValid(Array((first17 + String(right)).utf8)), "\(first17)")
      let rightIndex = alphabet.firstIndex(of: right) ?? 0
      let wrong = alphabet[(rightIndex + 1 + random.next(30)) % 31]
      #expect(!USCC.isValid(Array((first17 + String(wrong)).utf8)))
    }
  }
}
