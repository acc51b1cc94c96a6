import Testing

@testable import PIIScanCore

/// ``MobilePrefixTable/isDecidedByFirstThree(_:)`` answers from a table made once; this holds
/// it, for every three-digit start, to the definition written here over `allPrefixes`.
@Suite struct MobileFirstThreeTests {
  let table = MobilePrefixTable.shared

  func reference(_ first: String) -> Bool {
    let under = table.allPrefixes.filter { $0.prefix.hasPrefix(first) }
    guard let one = under.first else { return true }
    return under.allSatisfy { $0.carrierZh == one.carrierZh && $0.category == one.category }
      && under.contains { $0.prefix == first }
  }

  func decided(_ digits: String) -> Bool {
    Array(digits.utf8).withUnsafeBytes { table.isDecidedByFirstThree($0) }
  }

  @Test func everyThreeDigitStartAgrees() {
    var decidedCount = 0
    for three in 0..<1000 {
      let first = String(three + 1000).dropFirst()
      let expected = reference(String(first))
      #expect(decided(first + "12345678") == expected, "\(first)")
      if expected && table.allPrefixes.contains(where: { $0.prefix.hasPrefix(first) }) {
        decidedCount += 1
      }
    }
    // Some starts (139: China Mobile throughout) decide; others (170: several carriers) do not.
    #expect(decidedCount > 10)
    #expect(decided("13912345678"))
  }

  @Test func shortOrNonDigitInputIsUndecided() {
    #expect(!decided("13"))
    #expect(!decided("1a912345678"))
    #expect(!decided(""))
  }
}
