import Foundation
import Testing

/// `piiscan size --range` as a cluster job uses it (spark/piiscan_spark.py): a file cut into
/// shards, each counted by its own run, plus one `--describe-only` run for the whole file's
/// hash and format, merged with `--merge`, gives the report of one run over the file. The
/// shards' `--lines-before` is worked out here from the chunk rule as docs/SIZING.md and
/// Sources/PIIScanCore/Reading/ChunkLayout.swift state it, not by the job's code.
@Suite struct SizeShardTests {
  static let asOf = "2026-11-29"
  static let chunk = 4096
  /// Two chunks a shard: every file below is cut into several, and edges fall inside lines.
  static let shard = 8192

  /// Line feeds before the first byte a shard starting at `start` reads: its reading begins at
  /// the cut of the chunk one before `start`, the first line start in (P - 1, P - 1 + chunk]
  /// for P = start - chunk, or P itself when no line feed is in that window.
  static func linesBefore(_ bytes: [UInt8], start: Int) -> Int {
    let nominal = start - chunk
    guard nominal > 0 else { return 0 }
    var cut = nominal
    let window = (nominal - 1)..<min(bytes.count, nominal - 1 + chunk)
    if let feed = bytes[window].firstIndex(of: 0x0A) { cut = feed + 1 }
    return bytes[0..<cut].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  static func report(_ arguments: [String]) throws -> String {
    let result = try Binary.run(
      ["size", "--format", "json", "--as-of", asOf, "--chunk-size", "\(chunk)"] + arguments)
    #expect(result.status == 1, "\(arguments): \(result.stderr)")
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    object["run"] = nil
    return String(
      decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
      as: UTF8.self)
  }

  @Test(arguments: [
    "samples/data/csv/customers.csv", "samples/data/sql/dump.sql",
    "samples/data/jsonl/users.jsonl", "samples/data/logs/app.log",
    "samples/data/text/documents.txt",
  ])
  func shardsMergedGiveTheWholeFilesReport(path: String) throws {
    let bytes = [UInt8](
      try Data(contentsOf: Binary.packageRoot.appendingPathComponent(path)))
    let starts = Array(stride(from: 0, to: bytes.count, by: Self.shard))
    #expect(starts.count >= 3)
    let directory = try Binary.temporaryDirectory("shards")
    defer { try? FileManager.default.removeItem(at: directory) }

    let whole = try Self.report([path])
    var states: [String] = []
    let described = directory.appendingPathComponent("describe.state").path
    let describing = try Binary.run(
      [
        "size", "--chunk-size", "\(Self.chunk)", "--as-of", Self.asOf, "--describe-only",
        "--state-out", described, path,
      ])
    #expect(describing.status == 0, "\(describing.stderr)")  // nothing counted
    states.append(described)
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? "\(starts[index + 1])" : ""
      let state = directory.appendingPathComponent("shard\(index).state").path
      let run = try Binary.run(
        [
          "size", "--chunk-size", "\(Self.chunk)", "--as-of", Self.asOf, "--range",
          "\(start):\(end)", "--lines-before", "\(Self.linesBefore(bytes, start: start))",
          "--state-out", state, path,
        ])
      #expect(run.status <= 1, "\(start):\(end): \(run.stderr)")
      states.append(state)
    }
    #expect(try Self.report(["--merge"] + states.reversed()) == whole)

    // Without the description the evidence has no hash: the shards alone do not claim one.
    let shardsOnly = try Self.report(["--merge"] + states.dropFirst())
    #expect(shardsOnly != whole)
    #expect(!shardsOnly.contains(try Self.sha256(path)))
    #expect(whole.contains(try Self.sha256(path)))
  }

  @Test func aRangeOfAnArchiveWritesNoState() throws {
    let directory = try Binary.temporaryDirectory("shard-zip")
    defer { try? FileManager.default.removeItem(at: directory) }
    let zip = Process()
    zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
    zip.currentDirectoryURL = Binary.packageRoot.appendingPathComponent("samples/data/csv")
    zip.arguments = ["-q", directory.appendingPathComponent("c.zip").path, "customers.csv"]
    try zip.run()
    zip.waitUntilExit()
    let state = directory.appendingPathComponent("zip.state").path
    let run = try Binary.run(
      [
        "size", "--chunk-size", "\(Self.chunk)", "--range", "0:\(Self.shard)", "--state-out",
        state, directory.appendingPathComponent("c.zip").path,
      ])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--range reads a plain file"))
    #expect(!FileManager.default.fileExists(atPath: state))
  }

  @Test func anUnreadableShardIsANoticeOfThatFile() throws {
    let report = try Binary.run(
      [
        "size", "--format", "json", "--unreadable", "not read: the node was lost", "--range",
        "0:8388608", "some/case/dump.sql",
      ])
    #expect(report.status == 0, "\(report.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    let inputs = try #require(object["inputs"] as? [[String: Any]])
    #expect(inputs.count == 1)
    #expect(inputs.first?["path"] as? String == "some/case/dump.sql")
    #expect(inputs.first?["status"] as? String == "partial")
    let notices = try #require(inputs.first?["notices"] as? [String])
    #expect(notices.contains { $0.contains("not read: the node was lost") })
  }

  @Test func walkOnlyListsWhatTheWalkReads() throws {
    let directory = try Binary.temporaryDirectory("walk-only")
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in ["b.csv", "a.csv", ".hidden.csv", "ignored.csv"] {
      try "姓名,手机号\n张伟,13912345670\n".write(
        to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try "ignored.csv\n".write(
      to: directory.appendingPathComponent(".piiscanignore"), atomically: true, encoding: .utf8)
    let state = directory.appendingPathComponent("walk.state").path
    let run = try Binary.run(["size", "--walk-only", "--state-out", state, directory.path])
    #expect(run.status == 0, "\(run.stderr)")
    let listed = run.stdout.split(separator: "\0", omittingEmptySubsequences: false).map(
      String.init)
    #expect(listed == ["\(directory.path)/a.csv", "\(directory.path)/b.csv", ""])
    #expect(FileManager.default.fileExists(atPath: state))
  }

  /// SHA-256 of a file by `sha256sum`, not by piiscan.
  static func sha256(_ path: String) throws -> String {
    let process = Process()
    let out = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [Binary.packageRoot.appendingPathComponent(path).path]
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
  }
}
