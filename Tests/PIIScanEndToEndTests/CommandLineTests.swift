import Foundation
import PIIScanEvaluation
import Testing

/// The built binary on the project's synthetic samples: golden output, exit statuses,
/// masking, streams, errors.
@Suite(.serialized) struct CommandLineTests {
  static let asOf = "2026-11-29"

  @Test func findingsMatchTheGoldenFile() throws {
    let result = try Binary.run(["scan", "samples/data", "--format", "jsonl", "--as-of", Self.asOf])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(try Golden.check(result.stdout, against: "scan.jsonl") == nil)
  }

  @Test func countsMatchTheGoldenFile() throws {
    let result = try Binary.run(["scan", "--count", "samples/data", "--as-of", Self.asOf])
    #expect(result.status == 1)
    #expect(try Golden.check(result.stdout, against: "count.txt") == nil)
  }

  @Test func textOutputMatchesTheGoldenFile() throws {
    let result = try Binary.run(["scan", "samples/data/text", "--as-of", Self.asOf])
    #expect(try Golden.check(result.stdout, against: "scan-text.txt") == nil)
  }

  @Test(arguments: [
    ["--threads", "1"], ["--threads", "2", "--chunk-size", "7"],
    ["--threads", "2", "--chunk-size", "97"], ["--threads", "3", "--chunk-size", "4096", "--mmap"],
  ])
  func outputDoesNotDependOnThreadsOrChunks(options: [String]) throws {
    let base = try Binary.run([
      "scan", "samples/data", "--format", "jsonl", "--reveal", "--as-of", Self.asOf,
    ])
    let other = try Binary.run(
      ["scan", "samples/data", "--format", "jsonl", "--reveal", "--as-of", Self.asOf] + options)
    #expect(base.stdout == other.stdout)
    #expect(!base.stdout.isEmpty)
  }

  @Test func standardInputGivesTheSameFindingsAsTheFile() throws {
    let path = "samples/data/csv/customers.csv"
    let file = try Binary.run(["scan", path, "--format", "jsonl", "--as-of", Self.asOf])
    let data = try Data(contentsOf: Binary.packageRoot.appendingPathComponent(path))
    let stdin = try Binary.run(
      ["scan", "--format", "jsonl", "--as-of", Self.asOf, "--chunk-size", "1000"], input: data)
    #expect(stdin.status == 1)
    // The same findings; the fingerprints differ, since they name the input.
    func withoutFingerprints(_ text: String) -> String {
      text.replacing(#/,"fingerprint":"[0-9a-f]{32}"/#, with: "")
    }
    #expect(
      withoutFingerprints(stdin.stdout)
        == withoutFingerprints(file.stdout).replacingOccurrences(
          of: "\"path\":\"\(path)\"", with: "\"path\":\"<stdin>\""))
  }

  @Test func valuesAreMaskedUnlessRevealed() throws {
    let labels = try Scoring.readJSONLines(
      Label.self,
      from: Data(
        contentsOf: Binary.packageRoot.appendingPathComponent("samples/labels/labels.jsonl")))
    let strong: Set<String> = [
      "cn_resident_id", "cn_resident_id_15", "cn_mobile", "cn_bank_card", "email",
      // and the soft values that identify a person on their own
      "person_name_zh", "home_address", "household_registration", "work_unit", "cn_passport",
      "cn_military_officer_id", "credential", "wechat_id", "cn_vehicle_plate",
    ]
    /// Every value and every detail a report prints, as sets of strings.
    func printed(_ arguments: [String]) throws -> (values: Set<String>, details: Set<String>) {
      let output = try Binary.run(
        ["scan", "samples/data", "--format", "jsonl", "--as-of", Self.asOf] + arguments)
      var values = Set<String>()
      var details = Set<String>()
      for line in output.stdout.split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        if let value = object["value"] as? String { values.insert(value) }
        for case let detail as String in (object["details"] as? [String: Any] ?? [:]).values {
          details.insert(detail)
        }
      }
      return (values, details)
    }
    let masked = try printed([])
    let revealed = try printed(["--reveal"])
    var checked = 0
    var missed: [String] = []
    for label in labels
    where strong.contains(label.category) && label.valid && label.value.count >= 2 {
      #expect(!masked.values.contains(label.value), "raw \(label.category) value leaked unmasked")
      // A region named in an ID's details is what its (shown) first six digits say, not a leak.
      if label.category != "household_registration" {
        #expect(
          !masked.details.contains(label.value), "raw \(label.category) value leaked in details")
      }
      if !revealed.values.contains(label.value) { missed.append(label.value) }
      checked += 1
    }
    #expect(checked > 1000)
    // --reveal shows every value found (a few names in prose are not found at all).
    #expect(missed.count * 50 < checked, "not revealed: \(missed.prefix(20))")
  }

  @Test func exitStatusIsZeroWhenNothingIsFound() throws {
    let directory = try Binary.temporaryDirectory("clean")
    let file = directory.appendingPathComponent("clean.txt")
    try "订单 2023112912345678901, 时间 1732800000000\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try Binary.run(["scan", file.path])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
  }

  @Test func maskedValuesAloneDoNotFailTheRun() throws {
    let directory = try Binary.temporaryDirectory("masked")
    let file = directory.appendingPathComponent("masked.csv")
    try "id,phone\n110101********123X,139****5670\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try Binary.run(["scan", file.path])
    #expect(result.status == 0)
    #expect(result.stdout.contains("cn_mobile_masked"))
  }

  @Test func anUnreadableInputIsNamedAndTheRestIsScanned() throws {
    let result = try Binary.run([
      "scan", "no/such/file.csv", "samples/data/csv/customers.csv", "--count",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("piiscan: no/such/file.csv: No such file or directory"))
    #expect(result.stdout.contains("samples/data/csv/customers.csv"))
  }

  /// `scan … | head -1` ends quietly, and still says that personal information was found
  /// (exit status 1), so a pipeline does not read "nothing found".
  @Test func aBrokenPipeEndsQuietly() throws {
    let process = Process()
    process.executableURL = Binary.productsDirectory.appendingPathComponent("piiscan")
    process.arguments = ["scan", "samples/data", "--reveal"]
    process.currentDirectoryURL = Binary.packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    _ = out.fileHandleForReading.availableData  // read a little, then go away
    try out.fileHandleForReading.close()
    process.waitUntilExit()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(stderr.isEmpty)
  }

  @Test func outputNeverOverwritesAnInput() throws {
    let directory = try Binary.temporaryDirectory("overwrite")
    let file = directory.appendingPathComponent("evidence.txt")
    try "13912345670\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try Binary.run(["scan", file.path, "--output", file.path])
    #expect(result.status != 0 && result.status != 1)
    #expect(result.stderr.contains("is one of the inputs"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "13912345670\n")
  }

  @Test func csvAndJSONFormatsCarryTheSameFindings() throws {
    let jsonl = try Binary.run([
      "scan", "samples/data/text", "--format", "jsonl", "--as-of", Self.asOf,
    ]).stdout
    let json = try Binary.run([
      "scan", "samples/data/text", "--format", "json", "--as-of", Self.asOf,
    ]).stdout
    let csv = try Binary.run(["scan", "samples/data/text", "--format", "csv", "--as-of", Self.asOf])
      .stdout
    let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let array = document["findings"] as! [[String: Any]]
    let lines = jsonl.split(separator: "\n")
    #expect(array.count == lines.count)
    // A header, then at least a line per finding (quoted fields may hold line breaks).
    #expect(csv.split(separator: "\n").count >= lines.count + 1)
    #expect(
      csv.hasPrefix(
        "path,member,line,column,offset,length,category,rule,value,valid,reason,reason_code,"
          + "confidence,details,record,fingerprint\n"))
  }

  @Test func checkExplainsValues() throws {
    let result = try Binary.run([
      "check", "11010519491231002X", "110101199003071234", "13912345670", "--as-of", Self.asOf,
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("known sample value"))
    #expect(result.stdout.contains("checksum: expected 3, found 4"))
    #expect(result.stdout.contains("region      北京市东城区"))
    #expect(result.stdout.contains("carrier     中国移动"))
  }

  @Test func patternsTestRunsEveryExample() throws {
    let result = try Binary.run(["patterns", "--test"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
  }
}

/// Precision and recall on the labelled samples, per category.
@Suite struct SampleAccuracyTests {
  static let strongCategories: Set<String> = [
    "cn_resident_id", "cn_resident_id_15", "cn_mobile", "cn_landline", "cn_bank_card", "email",
  ]

  /// Every labelled category's score on the samples, from one scan.
  static let scores: [CategoryScore] = {
    let labels = try! Scoring.readJSONLines(
      Label.self,
      from: Data(
        contentsOf: Binary.packageRoot.appendingPathComponent("samples/labels/labels.jsonl")))
    let result = try! Binary.run([
      "scan", "samples/data", "--format", "jsonl", "--reveal", "--as-of", "2026-11-29",
    ])
    var findings = try! Scoring.readJSONLines(ReportedFinding.self, from: result.stdoutData)
    for index in findings.indices where findings[index].path.hasPrefix("samples/data/") {
      findings[index].path.removeFirst("samples/data/".count)
    }
    return Scoring.score(
      labels: labels, findings: findings, categories: Set(labels.map(\.category)))
  }()

  @Test func strongCategoriesReachNinetyNinePercent() throws {
    let scores = Self.scores.filter { Self.strongCategories.contains($0.category) }
    #expect(Set(scores.map(\.category)) == Self.strongCategories)
    for score in scores {
      #expect(
        score.precision >= 0.99,
        "\(score.category) precision \(score.precision)\n\(Scoring.table(scores))")
      #expect(
        score.recall >= 0.99, "\(score.category) recall \(score.recall)\n\(Scoring.table(scores))")
    }
  }

  /// Names and addresses where dumps put them (one-line profiles, combo lists, SQL without its
  /// schema among them): recall at least 0.97; and every soft category precise to 0.99.
  @Test func namesAndAddressesReachNinetySevenPercent() throws {
    for category in ["person_name_zh", "home_address"] {
      let score = try #require(Self.scores.first { $0.category == category })
      #expect(score.recall >= 0.97, "\(category) recall \(score.recall)")
    }
    for score in Self.scores where !Self.strongCategories.contains(score.category) {
      #expect(score.precision >= 0.99, "\(score.category) precision \(score.precision)")
    }
  }

  /// The notice's other categories (names, addresses, documents, record kinds…): at least 0.95
  /// each, with every category of `Patterns/` labelled somewhere in the samples.
  @Test func softCategoriesReachNinetyFivePercent() throws {
    let soft = Self.scores.filter {
      !Self.strongCategories.contains($0.category) && !$0.category.hasSuffix("_masked")
    }
    #expect(soft.count >= 33, "\(soft.map(\.category))")
    for score in soft {
      #expect(
        score.precision >= 0.95,
        "\(score.category) precision \(score.precision)\n\(Scoring.table(soft))")
      #expect(
        score.recall >= 0.95, "\(score.category) recall \(score.recall)\n\(Scoring.table(soft))")
      #expect(score.truePositives > 0, "\(score.category)")
    }
  }
}
