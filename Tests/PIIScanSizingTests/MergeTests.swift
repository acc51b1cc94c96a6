import Foundation
import Testing

@testable import PIIScanSizing

/// The report is the same, byte for byte, however the records were split between workers,
/// whatever the order of inputs and records, with or without spilling, and through state
/// files merged in any order.
@Suite struct MergeTests {
  static func renderings(_ report: SizingReport) -> [String] {
    [report.render(.json)]
      + SizingLanguage.allCases.flatMap { language in
        [SizingReportFormat.text, .markdown, .csv, .html].map {
          report.render($0, language: language)
        }
      }
  }

  static func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test(arguments: [UInt64(11), 12])
  func everyFeedingGivesTheSameReport(seed: UInt64) throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: seed, records: 1_500)
    var baseline = try Feeding.single(world, directory: directory)
    let expected = Self.renderings(try Feeding.report(&baseline))
    var others: [(String, SizingAggregate)] = [
      ("reversed", try Feeding.single(world, directory: directory, reversed: true)),
      ("shuffled", try Feeding.single(world, directory: directory, shuffleSeed: seed)),
      ("2 workers", try Feeding.workers(world, count: 2, seed: seed, directory: directory)),
      ("7 workers", try Feeding.workers(world, count: 7, seed: seed + 1, directory: directory)),
      ("spilling", try Feeding.single(world, directory: directory, budget: 1_500)),
      (
        "spilling workers",
        try Feeding.workers(world, count: 3, seed: seed + 2, directory: directory, budget: 2_500)
      ),
    ]
    for index in others.indices {
      let report = try Feeding.report(&others[index].1)
      let got = Self.renderings(report)
      #expect(got == expected, "\(others[index].0)")
    }
    // Spilling really happened where it was asked for.
    #expect(!parent.leftovers().filter { $0.hasSuffix(".bin") }.isEmpty)
  }

  @Test func statesMergeToTheSingleRun() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: 21, records: 1_200)
    var single = try Feeding.single(world, directory: directory)
    let expected = Self.renderings(try Feeding.report(&single))
    let paths = try Feeding.states(
      world, count: 3, seed: 5, directory: directory, folder: parent.path)
    for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
      var merged = try SizingAggregate.merging(
        stateFiles: order.map { paths[$0] }, memoryBudget: 1 << 20, directory: directory)
      #expect(Self.renderings(try Feeding.report(&merged)) == expected, "\(order)")
    }
    // Read with a budget small enough to spill while merging and reporting.
    var tight = try SizingAggregate.merging(
      stateFiles: paths, memoryBudget: 2_000, directory: directory)
    #expect(Self.renderings(try Feeding.report(&tight)) == expected)
  }

  /// A state's bytes depend only on what was counted: the single run's state equals the
  /// state of a merge of workers, and a state read and written again is the same file.
  @Test func statesAreCanonical() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: 31, records: 900)
    var single = try Feeding.single(world, directory: directory)
    var workers = try Feeding.workers(world, count: 4, seed: 2, directory: directory, budget: 3_000)
    let singlePath = parent.path + "/single.state"
    let workersPath = parent.path + "/workers.state"
    try single.write(to: singlePath)
    try workers.write(to: workersPath)
    #expect(try Self.bytes(singlePath) == Self.bytes(workersPath))
    var read = try SizingAggregate.read(
      from: singlePath, memoryBudget: 1 << 20, directory: directory)
    let againPath = parent.path + "/again.state"
    try read.write(to: againPath)
    #expect(try Self.bytes(againPath) == Self.bytes(singlePath))
    #expect(!FileManager.default.fileExists(atPath: againPath + ".partial"))
  }

  /// (A + B) + C = A + (B + C) = (C + A) + B, in reports and in state bytes.
  @Test func mergeIsAssociativeAndCommutative() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: 41, records: 900)
    var random = SeededRandom(seed: 8)
    var parts = (0..<3).map { _ in Feeding.empty(directory) }
    for (input, record) in world.allRecords {
      try world.add(record: record, of: input, to: &parts[random.below(3)])
    }
    for (index, input) in world.inputs.enumerated() {
      guard let description = input.description else { continue }
      let part = index % 3
      parts[part].describe(
        source: parts[part].source(path: input.path, member: input.member), description)
    }
    let (a, b, c) = (parts[0], parts[1], parts[2])
    var left = a
    try left.merge(b)
    try left.merge(c)
    var bc = b
    try bc.merge(c)
    var right = a
    try right.merge(bc)
    var rotated = c
    try rotated.merge(a)
    try rotated.merge(b)
    var results: [Data] = []
    var reports: [[String]] = []
    for (index, var aggregate) in [left, right, rotated].enumerated() {
      let path = parent.path + "/\(index).state"
      try aggregate.write(to: path)
      results.append(try Self.bytes(path))
      reports.append(Self.renderings(try Feeding.report(&aggregate)))
    }
    #expect(results[0] == results[1])
    #expect(results[0] == results[2])
    #expect(reports[0] == reports[1])
    #expect(reports[0] == reports[2])
    // The parts were not changed by being merged into others.
    var again = a
    try again.merge(b)
    try again.merge(c)
    #expect(Self.renderings(try Feeding.report(&again)) == reports[0])
  }

  /// Hundreds of small states merge in bounded files: the result equals the single run.
  @Test func manyShardsMerge() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let world = TestWorld.generate(seed: 51, records: 600)
    var single = try Feeding.single(world, directory: directory)
    let expected = Self.renderings(try Feeding.report(&single))
    let paths = try Feeding.states(
      world, count: 150, seed: 6, directory: directory, folder: parent.path)
    var merged = try SizingAggregate.merging(
      stateFiles: paths.reversed(), memoryBudget: 50_000, directory: directory)
    for set in merged.categorySets { #expect(set.fileRuns.count <= KeyRunSet<SizingKey>.fanIn) }
    #expect(merged.sightings.fileRuns.count <= KeyRunSet<SizingKey>.fanIn)
    #expect(Self.renderings(try Feeding.report(&merged)) == expected)
  }

  @Test func differentSettingsDoNotMerge() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    var a = Feeding.empty(directory)
    var configuration = TestWorld.configuration()
    configuration.asOf = SizingDate(year: 2026, month: 12, day: 1)!
    let b = SizingAggregate(
      configuration: configuration, memoryBudget: 1 << 20, directory: directory)
    #expect(throws: SizingError.self) { try a.merge(b) }
    let pathA = parent.path + "/a.state"
    let pathB = parent.path + "/b.state"
    try a.write(to: pathA)
    var copy = b
    try copy.write(to: pathB)
    let error = #expect(throws: SizingError.self) {
      _ = try SizingAggregate.merging(
        stateFiles: [pathA, pathB], memoryBudget: 1 << 20, directory: directory)
    }
    #expect(error?.code == .incompatibleStates)
    #expect(error?.path == pathB)
  }
}

extension Feeding {
  /// Splits the records into `count` aggregates (round robin over a shuffle), writes each to a
  /// state file in `folder`, and returns the paths.
  static func states(
    _ world: TestWorld, count: Int, seed: UInt64, directory: SizingTemporaryDirectory,
    folder: String, budget: Int = 64 << 20
  ) throws -> [String] {
    var random = SeededRandom(seed: seed)
    var records = world.allRecords
    records.shuffle(using: &random)
    var parts = (0..<count).map { _ in empty(directory, budget: budget) }
    for (index, (input, record)) in records.enumerated() {
      try world.add(record: record, of: input, to: &parts[index % count])
    }
    for input in world.inputs {
      guard let description = input.description else { continue }
      let part = random.below(count)
      parts[part].describe(
        source: parts[part].source(path: input.path, member: input.member), description)
    }
    var paths: [String] = []
    for index in parts.indices {
      let path = folder + "/part-\(index).state"
      try parts[index].write(to: path)
      paths.append(path)
    }
    return paths
  }
}
