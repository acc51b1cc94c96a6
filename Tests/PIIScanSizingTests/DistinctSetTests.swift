import Foundation
import Testing

@testable import PIIScanSizing

/// A fresh temporary parent directory for one test, removed at the end.
final class TestDirectory {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "piiscan-sizing-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func spillDirectory() throws -> SizingTemporaryDirectory {
    try SizingTemporaryDirectory(in: path)
  }

  /// Names of what is left inside the parent (spill directories and their files).
  func leftovers() -> [String] {
    (FileManager.default.subpaths(atPath: path) ?? []).sorted()
  }
}

@Suite struct DistinctSetTests {
  /// Random keys with many repeats and payload bits, as a plain dictionary would keep them.
  static func sample(count: Int, distinct: Int, seed: UInt64) -> (
    [(SizingKey, UInt8)], [SizingKey: UInt8]
  ) {
    var random = SeededRandom(seed: seed)
    var pool: [SizingKey] = []
    for _ in 0..<distinct {
      pool.append(
        SizingKey(high: random.next() % 4 << 56 | random.next() % 1_000, low: random.next()))
    }
    var reference: [SizingKey: UInt8] = [:]
    var inserts: [(SizingKey, UInt8)] = []
    for _ in 0..<count {
      let key = pool[random.below(pool.count)]
      let payload = UInt8(1) << UInt8(random.below(8))
      inserts.append((key, payload))
      reference[key, default: 0] |= payload
    }
    return (inserts, reference)
  }

  static func contents(_ set: inout DistinctSet) throws -> [(SizingKey, UInt8)] {
    var out: [(SizingKey, UInt8)] = []
    try set.forEachKey { out.append(($0, $1)) }
    return out
  }

  @Test(arguments: [1 << 30, 64 << 10, 2_000, 300])
  func matchesADictionary(budget: Int) throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let (inserts, reference) = Self.sample(count: 30_000, distinct: 7_000, seed: UInt64(budget))
    var set = DistinctSet(memoryBudget: budget, directory: directory)
    for (key, payload) in inserts { try set.insert(key, payload: payload) }
    let got = try Self.contents(&set)
    let expected = reference.sorted { $0.key < $1.key }
    #expect(got.map(\.0) == expected.map(\.key))
    #expect(got.map(\.1) == expected.map(\.value))
    #expect(try set.count() == reference.count)
    if budget <= 64 << 10 {
      #expect(set.spilledRunCount > 0)
      #expect(set.spilledRunCount <= KeyRunSet<SizingKey>.fanIn)
      #expect(set.bytesInMemory <= budget + KeyRunSet<SizingKey>.runEntryByteCount * 64)
    } else {
      #expect(set.spilledRunCount == 0)
    }
    // Reading twice gives the same (reading never consumes).
    #expect(try Self.contents(&set).map(\.0) == got.map(\.0))
  }

  @Test func withoutADirectoryNothingSpills() throws {
    let (inserts, reference) = Self.sample(count: 5_000, distinct: 2_000, seed: 3)
    var set = DistinctSet(memoryBudget: 100, directory: nil)
    for (key, payload) in inserts { try set.insert(key, payload: payload) }
    #expect(try set.count() == reference.count)
    #expect(set.spilledRunCount == 0)
  }

  @Test func unionOfSpilledSets() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let (first, firstReference) = Self.sample(count: 8_000, distinct: 3_000, seed: 11)
    let (second, secondReference) = Self.sample(count: 8_000, distinct: 3_000, seed: 12)
    var a = DistinctSet(memoryBudget: 4_000, directory: directory)
    var b = DistinctSet(memoryBudget: 4_000, directory: directory)
    for (key, payload) in first { try a.insert(key, payload: payload) }
    for (key, payload) in second { try b.insert(key, payload: payload) }
    try a.formUnion(b)
    var reference = firstReference
    for (key, payload) in secondReference { reference[key, default: 0] |= payload }
    let got = try Self.contents(&a)
    #expect(got.map(\.0) == reference.keys.sorted())
    #expect(got.map(\.1) == reference.keys.sorted().map { reference[$0]! })
    // b still reads as it was: its files are shared, never changed.
    #expect(try b.count() == secondReference.count)
  }

  @Test func spilledFilesGoWithTheirDirectory() throws {
    let parent = TestDirectory()
    do {
      let directory = try parent.spillDirectory()
      var set = DistinctSet(memoryBudget: 500, directory: directory)
      let (inserts, _) = Self.sample(count: 3_000, distinct: 1_000, seed: 5)
      for (key, payload) in inserts { try set.insert(key, payload: payload) }
      #expect(set.spilledRunCount > 0)
      #expect(!parent.leftovers().isEmpty)
      #expect(parent.leftovers().allSatisfy { $0.hasPrefix("piiscan-sizing-") })
    }
    #expect(parent.leftovers().isEmpty)
  }

  /// The generic set with a wider key, as links use it.
  @Test func linksMatchASet() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    var random = SeededRandom(seed: 21)
    var set = KeyRunSet<PersonLink>(pendingLimit: 64, mergeLimit: 256)
    var reference: Set<[UInt64]> = []
    for step in 0..<20_000 {
      let link = PersonLink(
        anchor: SizingKey(high: random.next() % 3, low: random.next() % 50),
        weak: SizingKey(high: 0, low: random.next() % 40))
      set.insert(link)
      reference.insert([link.anchor.high, link.anchor.low, link.weak.high, link.weak.low])
      if step % 3_000 == 0 { try set.spill(to: directory) }
    }
    var got: [[UInt64]] = []
    try set.forEach(in: directory) { link, _ in
      got.append([link.anchor.high, link.anchor.low, link.weak.high, link.weak.low])
    }
    #expect(got == reference.sorted { $0.lexicographicallyPrecedes($1) })
  }
}
