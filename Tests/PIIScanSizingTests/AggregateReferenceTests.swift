import Foundation
import Testing

@testable import PIIScanSizing

/// Every figure of the report against ``ReferenceSizing``, on seeded random cases, fed one
/// way; other tests check that every other way gives the same bytes.
@Suite struct AggregateReferenceTests {
  static func histogram(_ entries: [SizingReport.HistogramEntry]) -> [String?: Int] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.count) })
  }

  static func expectMatches(_ report: SizingReport, _ reference: ReferenceSizing) {
    for (index, category) in report.categories.enumerated() {
      let expected = reference.categories[index]
      #expect(category.id == TestWorld.categories[index])
      #expect(category.raw == expected.raw, "\(category.id) raw")
      #expect(category.valid == expected.valid, "\(category.id) valid")
      #expect(category.invalid == expected.invalidByReason.values.reduce(0, +), "\(category.id)")
      #expect(
        Dictionary(uniqueKeysWithValues: category.invalidByReason.map { ($0.reason, $0.count) })
          == expected.invalidByReason, "\(category.id) reasons")
      #expect(category.distinctValid == expected.distinct, "\(category.id) distinct")
      #expect(
        category.samples.map { [$0.masked, SizingReport.place(of: $0)] }
          == reference.samples[index].map { [$0.masked, $0.place] }, "\(category.id) samples")
      #expect(
        category.invalidSamples.map { [$0.masked, SizingReport.place(of: $0), $0.reason ?? ""] }
          == reference.invalidSamples[index].map { [$0.masked, $0.place, $0.reason] },
        "\(category.id) invalid samples")
    }
    let records = report.records
    #expect(records.total == reference.recordsTotal)
    #expect(records.withIdentifier == reference.recordsWithIdentifier)
    #expect(records.distinct == reference.recordsDistinct)
    #expect(records.duplicatesWithinInput == reference.duplicatesWithin)
    #expect(records.duplicatesAcrossInputs == reference.duplicatesAcross)
    #expect(records.duplicatesSameFile == reference.duplicatesSameFile)
    #expect(
      records.duplicatesWithinInput + records.duplicatesAcrossInputs + records.duplicatesSameFile
        == records.total - records.distinct)
    #expect(records.byTier == reference.recordsByTier)

    let ids = report.residentIDs
    #expect(ids.distinct == reference.residentDistinct)
    #expect(ids.only18 == reference.only18)
    #expect(ids.only15 == reference.only15)
    #expect(ids.bothForms == reference.bothForms)
    #expect(ids.hits18 == reference.hits18)
    #expect(ids.hits15 == reference.hits15)
    #expect(ids.male == reference.male)
    #expect(ids.female == reference.female)
    #expect(ids.ageBands == reference.ageBands)
    #expect(ids.ageUnknown == 0)
    #expect(ids.minorsUnder14 == reference.minors)
    #expect(histogram(ids.provinces) == reference.provinces.mapKeys(Optional.init))
    for province in ids.provinces {
      #expect(province.name == TestLookup.provinces[Int(province.key!)!])
    }

    #expect(report.mobiles.distinct == reference.mobilesDistinct)
    #expect(histogram(report.mobiles.carriers) == reference.carriers)
    #expect(histogram(report.mobiles.prefixes) == reference.prefixes.mapKeys(Optional.init))
    #expect(histogram(report.banks) == reference.banks)
    #expect(histogram(report.emailDomains) == reference.domains.mapKeys(Optional.init))

    #expect(report.persons.distinct == reference.persons)
    #expect(report.persons.byTier == reference.personsByTier)
    #expect(report.persons.byKey == reference.personsByKey)
    #expect(report.persons.groupsWithoutID == reference.persons - reference.personsByKey[0])
    #expect(report.persons.raisedByUnattributedRecords == reference.raised)

    let n = reference.personsByTier
    #expect(report.score.numerator == 100 * n[0] + 10 * n[1] + n[2])
    #expect(report.score.denominator == 5_000)
  }

  @Test(arguments: [(UInt64(1), 300), (2, 1_200), (3, 4_000)])
  func figuresMatchTheReference(seed: UInt64, records: Int) throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: seed, records: records)
    var aggregate = try Feeding.single(world, directory: directory)
    let report = try Feeding.report(&aggregate)
    Self.expectMatches(report, ReferenceSizing(world, samplesPerCategory: 3))
    // The case exercises what it is meant to.
    #expect(report.records.duplicatesWithinInput > 0)
    #expect(report.records.duplicatesAcrossInputs > 0)
    #expect(report.records.duplicatesSameFile > 0)
    #expect(report.residentIDs.bothForms + report.residentIDs.only15 > 0)
    #expect(report.persons.byKey.allSatisfy { $0 > 0 })
    #expect(report.copies.count == 1)
    #expect(report.copies.first?.inputs.map(\.path) == ["case/a/members.csv", "case/b/backup.zip"])
  }

  /// Nothing counted is a report of zeros, in every format.
  @Test func anEmptyAggregateReports() throws {
    let parent = TestDirectory()
    var aggregate = Feeding.empty(try parent.spillDirectory())
    let report = try Feeding.report(&aggregate)
    #expect(report.records.total == 0 && report.persons.distinct == 0)
    #expect(report.score.decimal == "0.0000" && !report.score.isSerious)
    #expect(report.inputs.isEmpty && report.categories.allSatisfy { $0.raw == 0 })
    for format in SizingReportFormat.allCases {
      #expect(report.render(format, language: .en).contains("not legal advice") || format == .json)
    }
  }

  /// With many samples the sample lists are long enough to hold every kind of tie.
  @Test func manySamplesMatchTheReference() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: 9, records: 800)
    var aggregate = try Feeding.single(world, directory: directory, samples: 40)
    let report = try Feeding.report(&aggregate)
    let reference = ReferenceSizing(world, samplesPerCategory: 40)
    for (index, category) in report.categories.enumerated() {
      #expect(
        category.samples.map { [$0.masked, SizingReport.place(of: $0)] }
          == reference.samples[index].map { [$0.masked, $0.place] })
    }
  }

  /// Inputs are listed by path then member, copies marked, descriptions kept.
  @Test func inputsAreListedInOrder() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: 4, records: 200)
    var aggregate = try Feeding.single(world, directory: directory, reversed: true)
    let report = try Feeding.report(&aggregate)
    #expect(
      report.inputs.map { $0.member.map { "\($0)" } ?? "" }
        == ["", "", "", "export/members.csv", "", ""])
    #expect(
      report.inputs.map(\.path)
        == [
          "-", "case/a/calls.txt", "case/b/backup.zip", "case/a/members.csv", "case/c/blob.bin",
          "case/c/dump.sql",
        ]
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    let copy = try #require(report.inputs.first { $0.member == "export/members.csv" })
    #expect(!copy.isCanonical)
    #expect(report.inputs.filter { !$0.isCanonical }.count == 1)
    let blob = try #require(report.inputs.first { $0.path == "case/c/blob.bin" })
    #expect(blob.status == .skipped && blob.records == 0 && blob.format == "binary")
    let stdin = try #require(report.inputs.first { $0.path == "-" })
    #expect(stdin.sha256 == nil && stdin.status == nil)
    let calls = try #require(report.inputs.first { $0.path == "case/a/calls.txt" })
    #expect(calls.notices == ["undecodable bytes: 3"])
    #expect(calls.records == world.inputs[2].records.count)
    #expect(calls.values == world.inputs[2].records.reduce(0) { $0 + $1.values.count })
  }
}

extension Dictionary {
  func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
    [T: Value](uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
