import Foundation
import Testing

@testable import PIIScanCore

@Suite struct CivilDateTests {
  @Test(arguments: [
    (2024, 2, 29, true), (2023, 2, 29, false), (1900, 2, 29, false), (2000, 2, 29, true),
    (2026, 4, 31, false), (2026, 12, 31, true), (2026, 13, 1, false), (2026, 0, 1, false),
    (2026, 1, 0, false), (0, 1, 1, false), (10_000, 1, 1, false),
  ])
  func realDatesOnly(year: Int, month: Int, day: Int, exists: Bool) {
    #expect((CivilDate(year: year, month: month, day: day) != nil) == exists)
  }

  @Test func isoParsing() {
    #expect(CivilDate(iso: "2026-11-29") == ValidationFixtures.asOf)
    #expect(CivilDate(iso: "2026-11-29")?.description == "2026-11-29")
    for bad in [
      "2026-1-29", "2026/11/29", "2026-02-30", "20261129", "2026-11-29 ", "２０２６-11-29", "",
    ] {
      #expect(CivilDate(iso: bad) == nil, "\(bad)")
    }
  }

  @Test func descriptionIsZeroPadded() {
    #expect(ValidationFixtures.date(999, 1, 5).description == "0999-01-05")
  }

  @Test func orderIsChronological() {
    let dates = [
      ValidationFixtures.date(1990, 12, 31), ValidationFixtures.date(1991, 1, 1),
      ValidationFixtures.date(1991, 1, 2), ValidationFixtures.date(1991, 2, 1),
    ]
    #expect(dates == dates.sorted())
    #expect(dates.shuffled().sorted() == dates)
  }

  @Test func daysSince1970RoundTrip() {
    #expect(ValidationFixtures.date(1970, 1, 1).daysSince1970 == 0)
    #expect(ValidationFixtures.date(2000, 3, 1).daysSince1970 == 11_017)
    #expect(ValidationFixtures.date(1969, 12, 31).daysSince1970 == -1)
    #expect(CivilDate(daysSince1970: 20_786) == ValidationFixtures.asOf)
    for days in stride(from: -700_000, through: 2_900_000, by: 997) {
      #expect(CivilDate(daysSince1970: days).daysSince1970 == days)
    }
    // Consecutive days are consecutive dates.
    var previous = CivilDate(daysSince1970: -800)
    for days in -799...800 {
      let date = CivilDate(daysSince1970: days)
      #expect(previous < date)
      previous = date
    }
  }

  @Test func todayIsUTC() {
    let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
    let today = CivilDate.today()
    // Allow for midnight passing between the two reads.
    #expect(today.daysSince1970 == days || today.daysSince1970 == days + 1)
  }

  @Test func ageInWholeYears() {
    let birth = ValidationFixtures.date(2000, 2, 29)
    #expect(birth.age(on: ValidationFixtures.date(2014, 2, 28)) == 13)
    #expect(birth.age(on: ValidationFixtures.date(2014, 3, 1)) == 14)
    #expect(birth.age(on: ValidationFixtures.date(2016, 2, 29)) == 16)
    #expect(ValidationFixtures.date(1990, 11, 29).age(on: ValidationFixtures.asOf) == 36)
    #expect(ValidationFixtures.date(1990, 11, 30).age(on: ValidationFixtures.asOf) == 35)
  }
}
