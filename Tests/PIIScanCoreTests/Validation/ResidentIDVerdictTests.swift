import Testing

@testable import PIIScanCore

/// The scan asks ``ResidentID/verdict18(_:asOf:regions:)`` and `verdict15` instead of the full
/// checks, to allocate nothing per candidate. These tests hold the two to the same answers on
/// valid numbers, on every single-field trap and on random digits.
@Suite struct ResidentIDVerdictTests {
  typealias F = ValidationFixtures
  let asOf = ValidationFixtures.asOf

  /// A number with its check character computed, so only the field under test can fail.
  func withCheck(_ first17: String) -> String {
    first17 + String(UnicodeScalar(ResidentID.checkCharacter(first17: Array(first17.utf8))))
  }

  func expectSame18(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(id.utf8)
    let full = ResidentID.check18(bytes, asOf: asOf)
    let verdict = bytes.withUnsafeBytes { ResidentID.verdict18($0, asOf: asOf) }
    #expect(verdict.failureCount == full.failures.count, "\(id)", sourceLocation: sourceLocation)
    #expect(verdict.reasonCode == full.reasonCode, "\(id)", sourceLocation: sourceLocation)
    #expect(
      verdict.isResidencePermit == full.isResidencePermit, "\(id)", sourceLocation: sourceLocation)
    #expect(
      verdict.lowersConfidence == full.lowersConfidence, "\(id)", sourceLocation: sourceLocation)
  }

  func expectSame15(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(id.utf8)
    let full = ResidentID.check15(bytes, asOf: asOf)
    let verdict = bytes.withUnsafeBytes { ResidentID.verdict15($0, asOf: asOf) }
    #expect(verdict.failureCount == full.failures.count, "\(id)", sourceLocation: sourceLocation)
    #expect(verdict.reasonCode == full.reasonCode, "\(id)", sourceLocation: sourceLocation)
    #expect(
      verdict.lowersConfidence == full.lowersConfidence, "\(id)", sourceLocation: sourceLocation)
  }

  @Test func validAndSingleFieldTrapsAgree() {
    let regions = ["110105", "440305", "810000", "830000", "990000", "000000", "110100", "510107"]
    let dates = [
      "19491231", "20000229", "19000229", "21000101", "18991231", "19800230", "19801301",
      "20261130", "19200101", "00000000",
    ]
    for region in regions {
      for date in dates {
        for sequence in ["002", "100", "999", "000"] {
          let valid = withCheck(region + date + sequence)
          expectSame18(valid)
          // Every wrong check character, and a lower-case x.
          for wrong in "0123456789Xx" where String(wrong) != String(valid.last!) {
            expectSame18(String(valid.dropLast()) + String(wrong))
          }
        }
        expectSame15(region + String(date.dropFirst(2)) + "123")
      }
    }
  }

  @Test func malformedValuesAgree() {
    for id in [
      "", "1", "11010519491231002", "11010519491231002XX", "1101051949123100A2",
      "A10105194912310021",
      "11010519491231002 ", "110105491231002", "11010549123100", "11010549123100A",
    ] {
      if id.utf8.count == 15 || id.utf8.count == 14 { expectSame15(id) } else { expectSame18(id) }
    }
  }

  @Test func randomDigitsAgree() {
    var random = F.LCG(state: 20_261_204)
    for _ in 0..<5_000 {
      expectSame18(random.digits(18))
      expectSame18(withCheck(random.digits(17)))
      expectSame15(random.digits(15))
    }
  }
}
