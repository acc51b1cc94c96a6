import Foundation

@testable import PIIScanSizing

/// Ways of feeding a ``TestWorld`` to aggregates, all of which must give the same report.
enum Feeding {
  static let lookup = TestLookup()

  static func empty(
    _ directory: SizingTemporaryDirectory, budget: Int = 64 << 20, samples: Int = 3
  ) -> SizingAggregate {
    SizingAggregate(
      configuration: TestWorld.configuration(samples: samples), memoryBudget: budget,
      directory: directory)
  }

  /// One aggregate, inputs in order (or reversed), records in order (or shuffled).
  static func single(
    _ world: TestWorld, directory: SizingTemporaryDirectory, budget: Int = 64 << 20,
    reversed: Bool = false, shuffleSeed: UInt64? = nil, samples: Int = 3
  ) throws -> SizingAggregate {
    var aggregate = empty(directory, budget: budget, samples: samples)
    let order = reversed ? Array(world.inputs.indices.reversed()) : Array(world.inputs.indices)
    for input in order {
      let source = aggregate.source(
        path: world.inputs[input].path, member: world.inputs[input].member)
      if let description = world.inputs[input].description {
        aggregate.describe(source: source, description)
      }
    }
    var records = world.allRecords
    if reversed { records.reverse() }
    if let shuffleSeed {
      var random = SeededRandom(seed: shuffleSeed)
      records.shuffle(using: &random)
    }
    for (input, record) in records { try world.add(record: record, of: input, to: &aggregate) }
    return aggregate
  }

  /// `workers` aggregates, each record to a random one, each description to a random one
  /// (the first input's split between two, as shards each know part), merged in a random
  /// tree.
  static func workers(
    _ world: TestWorld, count: Int, seed: UInt64, directory: SizingTemporaryDirectory,
    budget: Int = 64 << 20, samples: Int = 3
  ) throws -> SizingAggregate {
    var random = SeededRandom(seed: seed)
    var parts = (0..<count).map { _ in empty(directory, budget: budget, samples: samples) }
    for (input, record) in world.allRecords {
      try world.add(record: record, of: input, to: &parts[random.below(count)])
    }
    for (index, input) in world.inputs.enumerated() {
      guard let description = input.description else { continue }
      if index == 0 {
        var hashOnly = SizingInputDescription(sha256: description.sha256)
        hashOnly.status = description.status
        var rest = description
        rest.sha256 = nil
        for (part, piece) in [(random.below(count), hashOnly), (random.below(count), rest)] {
          parts[part].describe(
            source: parts[part].source(path: input.path, member: input.member), piece)
        }
      } else {
        let part = random.below(count)
        parts[part].describe(
          source: parts[part].source(path: input.path, member: input.member), description)
      }
    }
    while parts.count > 1 {
      var into = parts.remove(at: random.below(parts.count))
      let from = parts.remove(at: random.below(parts.count))
      try into.merge(from)
      parts.append(into)
    }
    return parts[0]
  }

  static func report(_ aggregate: inout SizingAggregate, insider: Bool = false) throws
    -> SizingReport
  {
    try aggregate.report(SizingReportOptions(insider: insider, lookup: lookup))
  }
}
