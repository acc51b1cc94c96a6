import Foundation
import Testing

/// `piiscan size` on the labelled samples and on duplicates made for the purpose — a copy of a
/// file, the same file inside a zip, rows repeated in one file, 15-digit forms of 18-digit IDs —
/// against a brute-force reference (``SizingReference``); and the same report whatever the
/// threads, chunks, input order or memory budget, or through state files merged.
@Suite(.serialized) struct SizeReportTests {
  static let asOf = "2026-11-29"

  /// The samples plus the duplicates, in a temporary directory.
  static let tree: URL = {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-size-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    let data = root.appendingPathComponent("data")
    try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try! FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent("samples/data"), to: data)
    let dup = root.appendingPathComponent("dup")
    try! FileManager.default.createDirectory(at: dup, withIntermediateDirectories: true)
    // The same file by another path, and inside a zip.
    try! FileManager.default.copyItem(
      at: data.appendingPathComponent("csv/customers.csv"),
      to: dup.appendingPathComponent("customers-copy.csv"))
    let zip = Process()
    zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
    zip.currentDirectoryURL = data.appendingPathComponent("csv")
    zip.arguments = ["-q", dup.appendingPathComponent("bundle.zip").path, "members_pinyin.csv"]
    try! zip.run()
    zip.waitUntilExit()
    // Rows repeated within one file, and the 15-digit forms of some of their IDs elsewhere.
    let rows = [
      "张伟,110101199003071233,13912345670", "李娜,440305198511110022,18612345678",
      "王芳,320583198808085676,15012345678",
    ]
    let repeated = "姓名,身份证号,手机号\n" + (rows + rows + [rows[0]]).joined(separator: "\n") + "\n"
    try! repeated.write(
      to: dup.appendingPathComponent("repeated.csv"), atomically: true, encoding: .utf8)
    let fifteen = "身份证号,手机号\n110101900307123,13912345670\n440305851111002,13700000001\n"
    try! fifteen.write(
      to: dup.appendingPathComponent("ids15.csv"), atomically: true, encoding: .utf8)
    return root
  }()

  static func findings() throws -> [SizingReference.Finding] {
    let result = try Binary.run(
      ["scan", tree.path, "--reveal", "--format", "jsonl", "--as-of", asOf])
    return try result.stdout.split(separator: "\n").compactMap { line in
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      guard let category = object["category"] as? String else { return nil }
      return SizingReference.Finding(
        path: object["path"] as! String, member: object["member"] as? String,
        category: category, value: object["value"] as! String, valid: object["valid"] as! Bool,
        reason: object["reason_code"] as? String, record: (object["record"] as! NSNumber).int64Value
      )
    }
  }

  /// SHA-256 of every input (files and the zip's member), by `sha256sum`.
  static func hashes(of findings: [SizingReference.Finding]) throws -> [String: String] {
    var result: [String: String] = [:]
    for f in findings {
      let name = "\(f.path)|\(f.member ?? "")"
      guard result[name] == nil else { continue }
      let process = Process()
      let out = Pipe()
      process.standardOutput = out
      if let member = f.member, f.path.hasSuffix(".zip") {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "unzip -p \"$0\" \"$1\" | sha256sum", f.path, member]
      } else if f.member == nil {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [f.path]
      } else {
        continue  // a workbook's sheet: no other input shares its text
      }
      try process.run()
      let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      result[name] = String(text.prefix(64))
    }
    return result
  }

  static func size(_ extra: [String], paths: [String]? = nil) throws -> [String: Any] {
    let result = try Binary.run(
      ["size", "--format", "json", "--as-of", asOf] + extra + (paths ?? [tree.path]))
    #expect(result.status == 1, "\(result.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test func everyCountEqualsTheBruteForceReference() throws {
    let findings = try Self.findings()
    let reference = SizingReference(findings: findings, sha256: try Self.hashes(of: findings))
    let report = try Self.size([])

    let categories = try #require(report["categories"] as? [[String: Any]])
    var checked = 0
    for entry in categories {
      let id = entry["id"] as! String
      let expected = reference.categories[id] ?? (0, 0, [:], [])
      #expect(entry["raw"] as? Int == expected.raw, "\(id) raw")
      #expect(entry["valid"] as? Int == expected.valid, "\(id) valid")
      #expect(entry["distinct_valid"] as? Int == expected.distinct.count, "\(id) distinct")
      var reasons: [String: Int] = [:]
      for reason in entry["invalid_by_reason"] as! [[String: Any]] {
        reasons[reason["reason"] as! String] = reason["count"] as? Int
      }
      #expect(reasons == expected.invalid, "\(id) invalid by reason")
      checked += 1
    }
    #expect(checked >= 40)

    let ids = try #require(report["resident_ids"] as? [String: Any])
    #expect(ids["distinct"] as? Int == reference.residentIDs.count)

    let records = try #require(report["records"] as? [String: Any])
    let duplicates = try #require(records["duplicates"] as? [String: Any])
    #expect(records["total"] as? Int == reference.recordsTotal)
    #expect(records["with_identifier"] as? Int == reference.recordsWithIdentifier)
    #expect(records["distinct"] as? Int == reference.distinctContents)
    #expect(duplicates["within_input"] as? Int == reference.withinInput)
    #expect(duplicates["across_inputs"] as? Int == reference.acrossInputs)
    #expect(duplicates["same_file_copies"] as? Int == reference.sameFileCopies)
    // The duplicates made for the test are there: repeated rows, a copy, a zipped copy.
    #expect(reference.withinInput >= 4)
    #expect(reference.sameFileCopies >= 100)

    let persons = try #require(report["persons"] as? [String: Any])
    #expect(persons["distinct"] as? Int == reference.persons)
    let tiers = try #require(report["tiers"] as? [String: [String: Any]])
    for tier in [50, 500, 5000] {
      #expect(tiers[String(tier)]?["persons"] as? Int == reference.personsByTier[tier], "\(tier)")
    }
    let score = try #require(report["score"] as? [String: Any])
    #expect(score["numerator"] as? Int == reference.scoreNumerator)
    #expect(score["denominator"] as? Int == 5000)
  }

  /// The report less its run section, as comparable text.
  static func withoutRun(_ report: [String: Any]) throws -> String {
    var report = report
    report["run"] = nil
    return String(
      decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]),
      as: UTF8.self)
  }

  @Test func theReportIsTheSameWhateverTheThreadsChunksOrderOrMemory() throws {
    let base = try Self.withoutRun(try Self.size(["--threads", "1"]))
    #expect(try Self.withoutRun(try Self.size(["--threads", "2", "--chunk-size", "4099"])) == base)
    #expect(try Self.withoutRun(try Self.size(["--threads", "2", "--memory", "64K"])) == base)
    let parts = try FileManager.default.contentsOfDirectory(atPath: Self.tree.path).sorted()
      .reversed().map { Self.tree.appendingPathComponent($0).path }
    #expect(try Self.withoutRun(try Self.size([], paths: parts)) == base)
  }

  @Test func threeStatesMergedGiveTheSingleRunsReport() throws {
    let base = try Self.withoutRun(try Self.size([]))
    let states = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-states-\(getpid())")
    try? FileManager.default.removeItem(at: states)
    try FileManager.default.createDirectory(at: states, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: states) }
    let groups = [
      ["data/csv", "data/jsonl"], ["data/logs", "data/sql", "data/text", "data/xlsx"], ["dup"],
    ]
    var files: [String] = []
    for (n, group) in groups.enumerated() {
      let state = states.appendingPathComponent("part\(n).state").path
      _ = try Self.size(
        ["--state-out", state], paths: group.map { Self.tree.appendingPathComponent($0).path })
      files.append(state)
    }
    let merged = try Self.size(["--merge"], paths: files.reversed())
    #expect(try Self.withoutRun(merged) == base)
  }
}
