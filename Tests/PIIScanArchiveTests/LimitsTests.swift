import Foundation
import PIIScanArchive
import Testing

/// Decompression bombs and budgets.
@Suite struct LimitsTests {
  /// 256 MiB of zeros deflate to about 250 KB: a ratio of about 1000.
  @Test(arguments: Access.allCases)
  func zipBombIsStoppedByTheRatio(access: Access) throws {
    let directory = try TemporaryDirectory()
    try directory.run(
      "head -c 268435456 /dev/zero > zeros.bin && zip -q bomb.zip zeros.bin && rm zeros.bin")
    let budget = ArchiveBudget()
    let (members, errors) = try readAll(
      try access.source(directory.path("bomb.zip")), budget: budget, bufferSize: 1 << 16)
    try #require(errors.count == 1)
    guard case .limitExceeded(let reason) = errors[0].kind else {
      Issue.record("expected a limit, got \(errors[0])")
      return
    }
    #expect(reason == "decompression ratio exceeds 200:1 (raise with --max-ratio)")
    #expect(errors[0].message.contains("zip input"))
    // Stopped just past the 8 MiB threshold, with nothing large held or written.
    let decoded = members.first?.data?.count ?? 0
    #expect(decoded > 4 << 20)
    #expect(decoded < 16 << 20)
    #expect(budget.totalBytes < 16 << 20)
  }

  @Test func gzipBombIsStoppedByTheRatio() throws {
    let directory = try TemporaryDirectory()
    try directory.run("head -c 268435456 /dev/zero | gzip -1 > bomb.gz")
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("bomb.gz")), bufferSize: 1 << 16)
    #expect(errors.count == 1)
    #expect(errors.first?.kind.isLimit == true)
    #expect((members.first?.data?.count ?? 0) < 16 << 20)
  }

  @Test func skippedEntriesCountToo() throws {
    let directory = try TemporaryDirectory()
    try directory.run(
      "head -c 134217728 /dev/zero > zeros.bin && tar czf bomb.tar.gz zeros.bin && rm zeros.bin")
    let reader = try ArchiveReader(
      source: try FileDescriptorSource(path: directory.path("bomb.tar.gz")), kind: .gzip,
      budget: ArchiveBudget())
    #expect(try reader.nextEntry()?.name == "zeros.bin")
    // The caller skips the entry without reading it: the reader still decodes it, and stops.
    let error = #expect(throws: ArchiveError.self) { _ = try reader.nextEntry() }
    #expect(error?.kind.isLimit == true)
    #expect(reader.producedBytes < 16 << 20)
  }

  @Test func smallFilesWithHighRatiosAreNotFlagged() throws {
    let directory = try TemporaryDirectory()
    try directory.run("head -c 4194304 /dev/zero | gzip > zeros.gz")
    let (members, errors) = try readAll(try FileDescriptorSource(path: directory.path("zeros.gz")))
    #expect(errors.isEmpty)
    #expect(members.first?.data?.count == 4 << 20)
  }

  @Test func totalBytesLimitCountsAcrossEntries() throws {
    let directory = try TemporaryDirectory()
    for index in 1...4 {
      try directory.write("t/\(index).csv", syntheticCSV(rows: 10_000, seed: UInt64(index)))
    }
    try directory.run("tar czf a.tar.gz -C t 1.csv 2.csv 3.csv 4.csv")
    let limits = ArchiveLimits(maxTotalBytes: 1 << 20)
    let budget = ArchiveBudget(limits: limits)
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("a.tar.gz")), budget: budget)
    #expect(errors.count == 1)
    #expect(
      errors.first?.kind
        == .limitExceeded(
          "total decompressed bytes exceed 1 MiB (raise with --max-decompressed)"))
    #expect(members.count < 4)
    #expect(budget.totalBytes <= (1 << 20) + (64 << 10))
  }

  @Test func defaultTotalLimitMessage() throws {
    let budget = ArchiveBudget()
    #expect(budget.limits.maxTotalBytes == 64 << 30)
    #expect(budget.limits.maxRatio == 200)
    #expect(budget.limits.maxDepth == 8)
  }

  @Test func depthAtTheLimitIsRefused() throws {
    let error = #expect(throws: ArchiveError.self) {
      _ = try ArchiveReader(
        source: MemorySource([0x1F, 0x8B]), kind: .gzip, limits: ArchiveLimits(), depth: 8,
        budget: ArchiveBudget())
    }
    #expect(
      error?.kind == .limitExceeded("containers nested more than 8 deep (raise with --max-depth)"))
  }
}
