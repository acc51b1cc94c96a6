import Foundation
import PIIScanArchive
import Testing

/// Readers stacked on readers: a member that is itself a container.
@Suite struct NestingTests {
  @Test func zipInsideTarGz() throws {
    let directory = try TemporaryDirectory()
    let csv = syntheticCSV(rows: 3_000)
    try directory.write("inner/客户/名单.csv", csv)
    try directory.write("inner/note.txt", "备注\n")
    try directory.run(
      "cd inner && zip -q -r ../导出.zip 客户 note.txt && cd .. && mkdir outer && mv 导出.zip outer/"
        + " && printf 'top\n' > outer/top.txt && tar czf bundle.tar.gz -C outer 导出.zip top.txt")
    let budget = ArchiveBudget()
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("bundle.tar.gz")), budget: budget,
      nested: true)
    #expect(errors.isEmpty)
    #expect(
      members.map(\.name) == ["导出.zip!客户/", "导出.zip!客户/名单.csv", "导出.zip!note.txt", "top.txt"])
    #expect(members[1].text == csv)
    #expect(members[2].text == "备注\n")
    #expect(members[3].text == "top\n")
    // Each byte counted once, where it was produced last: not also the zip's packed bytes.
    #expect(budget.totalBytes == Int64(csv.utf8.count + "备注\n".utf8.count + "top\n".utf8.count))
  }

  @Test func gzipInsideZip() throws {
    let directory = try TemporaryDirectory()
    let log = syntheticCSV(rows: 500)
    try directory.write("access.log", log)
    try directory.run("gzip -k access.log && zip -q -0 logs.zip access.log.gz")
    for access in Access.allCases {
      let budget = ArchiveBudget()
      let (members, errors) = try readAll(
        try access.source(directory.path("logs.zip")), budget: budget, nested: true)
      #expect(errors.isEmpty)
      #expect(members.map(\.name) == ["access.log.gz!access.log"], "\(access)")
      #expect(members.first?.text == log)
      #expect(budget.totalBytes == Int64(log.utf8.count))
    }
  }

  @Test func nestedReaderIsOneLevelDeeper() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.txt", "a\n")
    try directory.run("zip -q a.zip a.txt && zip -q b.zip a.zip")
    let outer = try ArchiveReader(
      source: try FileDescriptorSource(path: directory.path("b.zip")), kind: .zip,
      budget: ArchiveBudget())
    _ = try outer.nextEntry()
    let inner = try outer.nestedReader(source: outer, kind: .zip)
    #expect(inner.depth == 1)
    #expect(try inner.nextEntry()?.name == "a.txt")
  }

  @Test func depthLimitStopsDeepNesting() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.txt", "最里面\n")
    // a.txt in 0.zip in 1.zip in 2.zip in 3.zip
    try directory.run(
      "zip -q 0.zip a.txt && zip -q 1.zip 0.zip && zip -q 2.zip 1.zip && zip -q 3.zip 2.zip")
    let limits = ArchiveLimits(maxDepth: 3)
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("3.zip")),
      budget: ArchiveBudget(limits: limits),
      nested: true)
    // 3.zip (depth 0), 2.zip (1) and 1.zip (2) open; 0.zip would be depth 3.
    #expect(members.isEmpty)
    try #require(errors.count == 1)
    guard case .limitExceeded(let reason) = errors[0].kind else {
      Issue.record("expected a limit, got \(errors[0])")
      return
    }
    #expect(reason == "containers nested more than 3 deep (raise with --max-depth)")

    let deepEnough = try readAll(
      try FileDescriptorSource(path: directory.path("3.zip")),
      budget: ArchiveBudget(limits: ArchiveLimits(maxDepth: 4)), nested: true)
    #expect(deepEnough.errors.isEmpty)
    #expect(deepEnough.members.map(\.text) == ["最里面\n"])
  }

  @Test func truncationOfTheOuterMemberReachesTheInnerReader() throws {
    let directory = try TemporaryDirectory()
    let csv = syntheticCSV(rows: 20_000)
    try directory.write("big.csv", csv)
    try directory.run("tar czf inner.tar.gz big.csv && zip -q -0 outer.zip inner.tar.gz")
    let whole = try directory.bytes("outer.zip")
    // Cut the zip inside its only member: the tar.gz read through it ends early.
    let (members, errors) = try readAll(
      MemorySource(Array(whole.prefix(whole.count / 2))), nested: true)
    #expect(members.map(\.name) == ["inner.tar.gz!big.csv"])
    #expect(errors.map(\.kind) == [.truncated])
    let decoded = try #require(members.first?.data)
    #expect(!decoded.isEmpty)
    #expect(decoded == Array(csv.utf8.prefix(decoded.count)))
  }
}
