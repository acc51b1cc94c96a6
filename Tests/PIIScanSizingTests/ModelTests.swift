import Testing

@testable import PIIScanSizing

@Suite struct ModelTests {
  @Test func datesAreReal() {
    #expect(SizingDate(year: 2024, month: 2, day: 29) != nil)
    #expect(SizingDate(year: 2023, month: 2, day: 29) == nil)
    #expect(SizingDate(year: 1900, month: 2, day: 29) == nil)
    #expect(SizingDate(year: 2000, month: 2, day: 29) != nil)
    #expect(SizingDate(year: 2026, month: 4, day: 31) == nil)
    #expect(SizingDate(year: 2026, month: 13, day: 1) == nil)
    #expect(SizingDate(iso: "2026-11-29")?.description == "2026-11-29")
    for bad in ["2026-1-29", "2026/11/29", "20261129", "2026-02-30", "", "２０２６-11-29"] {
      #expect(SizingDate(iso: bad) == nil, "\(bad)")
    }
  }

  /// Ages are whole years, counted up on the birthday itself.
  @Test(arguments: [
    ("2012-11-29", "2026-11-29", 14), ("2012-11-30", "2026-11-29", 13),
    ("2012-11-28", "2026-11-29", 14), ("2000-02-29", "2026-02-28", 25),
    ("2000-02-29", "2026-03-01", 26), ("2026-11-29", "2026-11-29", 0),
  ])
  func ages(birth: String, asOf: String, age: Int) {
    #expect(SizingDate(iso: asOf)!.years(since: SizingDate(iso: birth)!) == age)
  }

  @Test func noAgeBeforeBirth() {
    #expect(SizingDate(iso: "2026-11-29")!.years(since: SizingDate(iso: "2026-11-30")!) == nil)
  }

  @Test func tiersOrderByStrictness() {
    #expect(SizingTier.fifty > SizingTier.fiveHundred)
    #expect(SizingTier.fiveHundred > SizingTier.fiveThousand)
    #expect(SizingTier.highest(0b111) == .fifty)
    #expect(SizingTier.highest(0b011) == .fiveHundred)
    #expect(SizingTier.highest(0b001) == .fiveThousand)
    #expect(SizingTier.highest(0) == nil)
  }

  /// The score is exact: the denominator divides 10 000, so four decimals say it all.
  @Test(arguments: [
    (0, 5_000, "0.0000", false, false), (13_162, 5_000, "2.6324", true, false),
    (4_999, 5_000, "0.9998", false, false), (5_000, 5_000, "1.0000", true, false),
    (49_999, 5_000, "9.9998", true, false), (50_000, 5_000, "10.0000", true, true),
    (1, 5_000, "0.0002", false, false), (1, 2_500, "0.0004", false, false),
    (2_500, 2_500, "1.0000", true, false), (123_456_789, 5_000, "24691.3578", true, true),
  ])
  func scores(numerator: Int, denominator: Int, decimal: String, serious: Bool, especially: Bool) {
    let score = SizingReport.Score(
      numerator: numerator, denominator: denominator, thresholds: [50, 500, 5_000])
    #expect(score.decimal == decimal)
    #expect(score.isSerious == serious)
    #expect(score.isEspeciallySerious == especially)
  }

  @Test func statusesOrderBySeverity() {
    #expect(SizingInputStatus.allCases.sorted() == [.complete, .partial, .skipped, .unreadable])
    #expect(max(SizingInputStatus.partial, .skipped) == .skipped)
  }
}
