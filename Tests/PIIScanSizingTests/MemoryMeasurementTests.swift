import Foundation
import Testing

@testable import PIIScanSizing

/// Memory per distinct ID number, measured (not timed) with 10 million distinct numbers.
/// Heavy, so it runs only when asked, one test per process (a second test in the same process
/// would reuse memory the first freed and read too low):
///
///     PIISCAN_SIZING_MEASURE=1 swift test -c release --filter distinctSetBytesPerKey
///     PIISCAN_SIZING_MEASURE=1 swift test -c release --filter aggregateBytesPerPerson
///
/// It prints the figures docs/SIZING.md quotes and fails if an entry costs more than the
/// documented bound.
/// The tests run one at a time: each reads the process's resident size.
@Suite(
  .serialized, .enabled(if: ProcessInfo.processInfo.environment["PIISCAN_SIZING_MEASURE"] != nil))
struct MemoryMeasurementTests {
  static let count = 10_000_000

  /// A field of /proc/self/status in bytes (`VmRSS`: resident now; `VmHWM`: the peak).
  static func status(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
    else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1_024
  }

  static func heapInUse() -> Int { status("VmRSS") }
  static func peakResident() -> Int { status("VmHWM") }

  /// Distinct, well-formed ID numbers in a scrambled order (a multiplicative walk over
  /// 17-digit bodies).
  static func idKey(_ index: Int) -> SizingKey {
    let body = 11_010_519_000_101_000 &+ UInt64(index) &* 7_919 % 89_999_999_999
    return SizingKey(high: UInt64(1) << 56, low: body << 4 | UInt64(index % 11))
  }

  @Test func distinctSetBytesPerKey() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let before = Self.heapInUse()
    let peakBefore = Self.peakResident()
    var set = DistinctSet(memoryBudget: 1 << 34, directory: directory)
    var highest = 0
    for index in 0..<Self.count {
      try set.insert(Self.idKey(index), payload: 1)
      if index % 250_000 == 0 { highest = max(highest, Self.heapInUse() - before) }
    }
    let held = Self.heapInUse() - before
    let distinct = try set.count()
    let peak = Self.peakResident() - peakBefore
    #expect(distinct == Self.count)
    print(
      "DistinctSet, \(distinct) distinct ID numbers: \(Double(held) / Double(distinct)) bytes/key of resident memory held, "
        + "\(Double(max(highest, held)) / Double(distinct)) bytes/key at the highest sample, "
        + "peak RSS growth \(Double(peak) / Double(distinct)) bytes/key, "
        + "entry accounting \(Double(set.bytesInMemory) / Double(distinct)) bytes/key")
    #expect(Double(held) / Double(distinct) < 20)
    #expect(set.spilledRunCount == 0)
  }

  /// The whole aggregate, fed one record per ID number (with a mobile in every second one, so
  /// that links and person keys are exercised).
  @Test func aggregateBytesPerPerson() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let before = Self.heapInUse()
    var aggregate = SizingAggregate(
      configuration: TestWorld.configuration(), memoryBudget: 1 << 34, directory: directory)
    let source = aggregate.source(path: "members.csv", member: nil)
    var record = SizingRecord(
      source: source, offset: 0, tier: .fiveThousand, contentKey: SizingKey(high: 0, low: 0),
      values: [])
    for index in 0..<Self.count {
      let id = Self.idKey(index)
      record.values.removeAll(keepingCapacity: true)
      record.values.append(
        SizingValue(
          category: 0, valid: true, key: id, person: .residentID, isIdentifier: true, form: 18))
      if index % 2 == 0 {
        record.values.append(
          SizingValue(
            category: 2, valid: true, key: SizingKey.mobile(String(13_000_000_000 + index))!,
            person: .mobile, isIdentifier: true))
      }
      record.offset = Int64(index) * 60
      record.contentKey = withUnsafeBytes(of: id) { SizingKey.content(bytes: $0) }
      try aggregate.add(record)
    }
    let held = Self.heapInUse() - before
    print(
      "SizingAggregate, \(Self.count) records of one ID number (half with a mobile): "
        + "\(Double(held) / Double(Self.count)) bytes per record of resident memory held, "
        + "entry accounting \(Double(aggregate.bytesInMemory) / Double(Self.count)) bytes per record"
    )
    let report = try aggregate.report(SizingReportOptions())
    #expect(report.persons.distinct == Self.count)
    #expect(Double(held) / Double(Self.count) < 110)
  }
}
