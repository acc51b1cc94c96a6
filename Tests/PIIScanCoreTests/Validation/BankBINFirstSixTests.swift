import Testing

@testable import PIIScanCore

/// ``BankBINTable/decidedByFirstSix(_:)`` finds the rows through the table's keys; these tests
/// hold it to the plain definition, written here over `allEntries`: every BIN that begins with
/// the six digits or that they begin with, all naming the same bank and card type.
@Suite struct BankBINFirstSixTests {
  let table = BankBINTable.shared

  func reference(_ six: String) -> (bank: String, cardType: String?)? {
    let under = table.allEntries.filter { $0.bin.hasPrefix(six) || six.hasPrefix($0.bin) }
    guard let one = under.first,
      under.allSatisfy({ $0.bank == one.bank && $0.cardType == one.cardType })
    else { return nil }
    return (one.bank, one.cardType)
  }

  func decided(_ digits: String) -> (bank: String, cardType: String?)? {
    Array(digits.utf8).withUnsafeBytes { table.decidedByFirstSix($0) }
  }

  func expectSame(_ digits: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = reference(String(digits.prefix(6)))
    let actual = decided(digits)
    #expect(actual?.bank == expected?.bank, "\(digits)", sourceLocation: sourceLocation)
    #expect(actual?.cardType == expected?.cardType, "\(digits)", sourceLocation: sourceLocation)
  }

  @Test func everyBINsFirstSixAgrees() {
    var seen = Set<String>()
    for entry in table.allEntries {
      // Short BINs stand for every six-digit extension: try a few of them.
      let padded =
        entry.bin.count >= 6 ? [entry.bin] : ["0", "5", "9"].map { entry.bin + $0 + "00" }
      for candidate in padded {
        let six = String(candidate.prefix(6))
        if seen.insert(six).inserted { expectSame(six + "1234567890123") }
      }
    }
    #expect(seen.count > 1_000)
  }

  @Test func prefixesWithoutBINsAndBadInput() {
    for digits in ["000000123", "999999123", "123456", "62", "62220a1234567", ""] {
      if digits.count >= 6 && digits.prefix(6).allSatisfy(\.isNumber) {
        expectSame(digits)
      } else {
        #expect(decided(digits) == nil, "\(digits)")
      }
    }
  }

  @Test func aMaskedICBCCardNamesItsBank() throws {
    let decision = try #require(decided("622202"))
    #expect(decision.bank == "中国工商银行")
  }
}
