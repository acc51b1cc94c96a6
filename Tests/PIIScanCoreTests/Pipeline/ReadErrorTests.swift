import Foundation
import Testing

@testable import PIIScanCore

/// A file that becomes unreadable during the scan (truncated by another process, or a failing
/// medium) ends with a notice naming it and where reading stopped; the scan does not hang, does
/// not crash, and reads the inputs after it (issue 8, class 1).
@Suite(.serialized) struct ReadErrorTests {
  static let rules = try! RuleSet.embedded()
  static let asOf = CivilDate(year: 2026, month: 11, day: 29)!

  /// A sink that truncates `victim` as soon as its input starts, before any chunk is read.
  final class Truncating: FindingSink {
    let victim: String
    let to: off_t
    let inner = CollectingSink()
    init(victim: String, to: off_t) {
      self.victim = victim
      self.to = to
    }
    func receive(_ batch: FindingBatch) { inner.receive(batch) }
    func receive(_ event: ScanEvent) {
      if case .started(let input) = event, input.path == victim { truncate(victim, to) }
      inner.receive(event)
    }
  }

  static func lines(_ count: Int) -> Data {
    var text = ""
    for n in 0..<count { text += "第\(n)行 联系电话 13912345670 结束\n" }
    return Data(text.utf8)
  }

  @Test(arguments: [false, true])
  func aFileTruncatedDuringTheScanEndsWithANoticeAndTheNextIsRead(mapping: Bool) throws {
    let victim = temporaryFile(
      "truncated-\(mapping)-\(UUID().uuidString.prefix(6))", Self.lines(40_000))
    let next = temporaryFile("after-\(mapping)-\(UUID().uuidString.prefix(6))", Self.lines(10))
    defer {
      try? FileManager.default.removeItem(atPath: victim)
      try? FileManager.default.removeItem(atPath: next)
    }
    let sink = Truncating(victim: victim, to: 100_000)
    // Several chunks per thread fail, more than the in-flight bound: the scan must not wait
    // for them for ever.
    let configuration = ScanConfiguration(
      threads: 2, layout: ChunkLayout(chunkSize: 64 << 10), useMapping: mapping,
      detection: DetectionSettings(asOf: Self.asOf))
    ScanPipeline(rules: Self.rules, configuration: configuration).run(
      inputs: [
        ScanInput(path: victim, kind: .regularFile, size: nil),
        ScanInput(path: next, kind: .regularFile, size: nil),
      ], sink: sink)
    let notices = sink.inner.notices.filter { $0.input.path == victim }.map(\.notice)
    #expect(notices.count == 1)
    #expect(notices.first?.severity == .error && notices.first?.kind == .truncated)
    #expect(notices.first?.message.contains("reading stopped at byte") == true, "\(notices)")
    #expect(sink.inner.errors.map(\.input.path) == [victim])
    // Everything the file still held at the cut was found; the next input was read whole.
    let found = sink.inner.findings.filter { $0.input.path == victim }.count
    #expect(found > 0 && found < 40_000)
    #expect(sink.inner.findings.filter { $0.input.path == next }.count == 10)
  }

  /// A read that fails (here: a directory opened as a file, whose reads fail with EISDIR, as a
  /// damaged medium's fail with EIO) is a notice naming where reading stopped.
  @Test func aReadErrorIsANoticeNamingTheByteAndTheNextInputIsRead() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-\(getpid())-unreadable-\(UUID().uuidString.prefix(6))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let next = temporaryFile("after-error-\(UUID().uuidString.prefix(6))", Self.lines(3))
    defer {
      try? FileManager.default.removeItem(at: directory)
      try? FileManager.default.removeItem(atPath: next)
    }
    let sink = CollectingSink()
    ScanPipeline(
      rules: Self.rules,
      configuration: ScanConfiguration(threads: 2, detection: DetectionSettings(asOf: Self.asOf))
    ).run(
      inputs: [
        ScanInput(path: directory.path, kind: .regularFile, size: nil),
        ScanInput(path: next, kind: .regularFile, size: nil),
      ], sink: sink)
    let notice = try #require(sink.notices.first { $0.input.path == directory.path }?.notice)
    #expect(notice.severity == .error && notice.kind == .unreadable)
    #expect(notice.message.hasPrefix("reading stopped at byte 0 of "), "\(notice.message)")
    #expect(sink.findings.filter { $0.input.path == next }.count == 3)
  }
}
