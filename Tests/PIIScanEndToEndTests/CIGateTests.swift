import Foundation
import Testing

/// The CI gate of issue 11, end to end on the built binary: SARIF against the official
/// schema, baselines, the allowlist of piiscan.toml, path filters, exit statuses, metadata and
/// the summary. Every tree is made by the test, of synthetic values.
@Suite(.serialized) struct CIGateTests {
  static let asOf = "2026-11-29"

  /// An 18-character resident ID number with the given first 17 digits and its MOD 11-2
  /// check character, computed here from GB 11643's weights (independently of the scanner).
  static func residentID(_ body: String) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
    return body + String(Array("10X98765432")[sum % 11])
  }

  /// Writes `files` (relative path → text) under a fresh directory.
  static func tree(_ name: String, _ files: [String: String]) throws -> URL {
    let root = try Binary.temporaryDirectory(name)
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  /// The finding objects of a JSON Lines report (notices left out).
  static func findings(_ jsonl: String) throws -> [[String: Any]] {
    try jsonl.split(separator: "\n").compactMap { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      return object["category"] == nil ? nil : object
    }
  }

  /// Validates `sarif` against the OASIS schema with Python's jsonschema; nil when valid,
  /// else the validator's message.
  static func schemaProblem(_ sarif: Data) throws -> String? {
    let directory = try Binary.temporaryDirectory("sarif")
    let file = directory.appendingPathComponent("report.sarif")
    try sarif.write(to: file)
    let schema = Binary.packageRoot.appendingPathComponent(
      "Tests/PIIScanEndToEndTests/Fixtures/sarif-schema-2.1.0.json")
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      report = json.load(open(sys.argv[2]))
      errors = list(jsonschema.Draft4Validator(schema).iter_errors(report))
      for error in errors[:5]:
          print(list(error.absolute_path), error.message[:300])
      sys.exit(1 if errors else 0)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, schema.path, file.path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 0 ? nil : text
  }

  // MARK: SARIF

  @Test func sarifOfTheSamplesValidatesAndHasAResultPerFinding() throws {
    let sarif = try Binary.run(["scan", "samples/data", "-f", "sarif", "--as-of", Self.asOf])
    #expect(sarif.status == 1)
    #expect(try Self.schemaProblem(sarif.stdoutData) == nil)
    let jsonl = try Binary.run(["scan", "samples/data", "-f", "jsonl", "--as-of", Self.asOf])
    let findings = try Self.findings(jsonl.stdout)

    let log = try JSONSerialization.jsonObject(with: sarif.stdoutData) as! [String: Any]
    #expect(log["version"] as? String == "2.1.0")
    let run = (log["runs"] as! [[String: Any]])[0]
    let results = run["results"] as! [[String: Any]]
    #expect(results.count == findings.count)
    #expect(!results.isEmpty)
    let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
    let described = Set((driver["rules"] as! [[String: Any]]).map { $0["id"] as! String })
    for (result, finding) in zip(results, findings) {
      let fingerprints = result["partialFingerprints"] as? [String: String]
      // The same fingerprint as the JSON Lines finding in the same place.
      #expect(fingerprints?["piiscanFingerprint/v1"] == finding["fingerprint"] as? String)
      #expect(described.contains(result["ruleId"] as! String))
      #expect(result["ruleId"] as? String == finding["rule"] as? String)
      // Masked: the message holds the value exactly as the masked JSON Lines shows it.
      let message = (result["message"] as! [String: Any])["text"] as! String
      #expect(message.contains(finding["value"] as! String))
    }
    // Every rule described fired.
    #expect(described == Set(findings.map { $0["rule"] as! String }))
    #expect(driver["version"] as? String != nil)
    let properties = run["properties"] as! [String: Any]
    #expect((properties["ruleset_sha256"] as? String)?.count == 64)
    #expect(properties["as_of"] as? String == Self.asOf)
  }

  @Test func sarifCarriesNoticesMembersAndEscapedURIs() throws {
    let root = try Self.tree(
      "sarif-notices",
      ["名单 a.csv": "姓名,手机\n张伟,13912345670\n", "bin.dat": "\u{0}\u{1}\u{2}\u{0}x\u{0}"])
    let archive = root.appendingPathComponent("inner.zip")
    let zip = Process()
    zip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    zip.arguments = ["zip", "-q", archive.path, "名单 a.csv"]
    zip.currentDirectoryURL = root
    try zip.run()
    zip.waitUntilExit()
    let result = try Binary.run(["scan", root.path, "-f", "sarif", "--as-of", Self.asOf])
    #expect(try Self.schemaProblem(result.stdoutData) == nil)
    let log = try JSONSerialization.jsonObject(with: result.stdoutData) as! [String: Any]
    let run = (log["runs"] as! [[String: Any]])[0]
    let notifications =
      ((run["invocations"] as! [[String: Any]])[0]["toolExecutionNotifications"]
        as! [[String: Any]])
    #expect(
      notifications.contains { ($0["descriptor"] as? [String: Any])?["id"] as? String == "binary" })
    let locations = (run["results"] as! [[String: Any]]).map {
      (($0["locations"] as! [[String: Any]])[0])
    }
    let uris = locations.map {
      (($0["physicalLocation"] as! [String: Any])["artifactLocation"] as! [String: Any])["uri"]
        as! String
    }
    #expect(uris.contains { $0.hasSuffix("/%E5%90%8D%E5%8D%95%20a.csv") })
    #expect(uris.allSatisfy { $0.hasPrefix("file:///") })
    let members = locations.compactMap {
      ($0["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] as? String
    }
    #expect(!members.isEmpty && Set(members) == ["名单 a.csv"])
  }

  // MARK: Baselines

  @Test func aBaselineSilencesExactlyItsFindings() throws {
    let first = Self.residentID("11010519900307123")
    let second = Self.residentID("44030519851120456")
    let root = try Self.tree(
      "baseline",
      [
        "people.csv": "姓名,身份证号,手机\n张伟,\(first),13912345670\n李娜,\(second),13812345678\n",
        "notes.txt": "联系电话 15912345678\n",
      ])
    let baseline = root.appendingPathComponent("baseline.jsonl").path
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for name in ["people.csv", "notes.txt"] {
      try FileManager.default.moveItem(
        at: root.appendingPathComponent(name), to: data.appendingPathComponent(name))
    }
    let written = try Binary.run(
      ["scan", "data", "--write-baseline", baseline, "--as-of", Self.asOf], directory: root)
    #expect(written.status == 1)
    let accepted = try Self.findings(try String(contentsOfFile: baseline, encoding: .utf8))
    #expect(accepted.count >= 5)
    #expect(!(try String(contentsOfFile: baseline, encoding: .utf8)).contains(first))  // masked

    // The same inputs: nothing left, exit 0.
    let again = try Binary.run(
      ["scan", "data", "--baseline", baseline, "-f", "jsonl", "--as-of", Self.asOf],
      directory: root)
    #expect(again.status == 0, "\(again.stdout)")
    #expect(try Self.findings(again.stdout).isEmpty)

    // Lines added above and between: the old findings stay accepted.
    let people = data.appendingPathComponent("people.csv")
    var text = try String(contentsOf: people, encoding: .utf8)
    text = text.replacingOccurrences(of: "\n李娜", with: "\n王芳,,\n\n李娜")
    try Data(("# exported 2026-11-29\n" + text).utf8).write(to: people)
    let shifted = try Binary.run(
      ["scan", "data", "--baseline", baseline, "-f", "jsonl", "--as-of", Self.asOf],
      directory: root)
    #expect(
      try Self.findings(shifted.stdout).filter { $0["category"] as? String != "person_name_zh" }
        .isEmpty)

    // One new valid ID number: exit 1 with exactly that finding.
    let added = Self.residentID("32010619750615789")
    try Data((text + "赵磊,\(added),\n").utf8).write(to: people)
    let fresh = try Binary.run(
      [
        "scan", "data", "--baseline", baseline, "-f", "jsonl", "--only", "cn_resident_id",
        "--as-of", Self.asOf,
      ],
      directory: root)
    #expect(fresh.status == 1)
    let left = try Self.findings(fresh.stdout)
    #expect(left.count == 1)
    #expect(
      left.first?["value"] as? String == String(added.prefix(6)) + "********"
        + String(added.suffix(4)))
  }

  @Test func aSARIFOrJSONReportServesAsABaselineToo() throws {
    let root = try Self.tree("baseline-formats", ["a.txt": "手机 13912345670 邮箱 zhang.wei@163.com\n"])
    for format in ["sarif", "json", "jsonl"] {
      let report = try Binary.run(["scan", "a.txt", "-f", format], directory: root)
      let path = root.appendingPathComponent("report.\(format)")
      try report.stdoutData.write(to: path)
      let again = try Binary.run(["scan", "a.txt", "--baseline", path.path], directory: root)
      #expect(again.status == 0, "\(format): \(again.stdout)")
      #expect(again.stdout.isEmpty, "\(format)")
    }
  }

  @Test func aBaselineThatIsNoReportIsAnError() throws {
    let root = try Self.tree("baseline-bad", ["a.txt": "13912345670\n", "b.csv": "a,b\n1,2\n"])
    let result = try Binary.run(["scan", "a.txt", "--baseline", "b.csv"], directory: root)
    #expect(result.status == 2)
    #expect(result.stderr.contains("b.csv"))
  }

  @Test func aFingerprintKeyChangesEveryFingerprint() throws {
    let root = try Self.tree("fingerprint-key", ["a.txt": "13912345670\n"])
    let plain = try Self.findings(
      try Binary.run(["scan", "a.txt", "-f", "jsonl"], directory: root).stdout)
    let keyed = try Self.findings(
      try Binary.run(
        ["scan", "a.txt", "-f", "jsonl"], directory: root,
        environment: ["PIISCAN_FINGERPRINT_KEY": "acme secret"]
      ).stdout)
    try Data("[fingerprint]\nkey = \"acme secret\"\n".utf8).write(
      to: root.appendingPathComponent("piiscan.toml"))
    let configured = try Self.findings(
      try Binary.run(["scan", "a.txt", "-f", "jsonl"], directory: root).stdout)
    #expect(plain[0]["fingerprint"] as? String != keyed[0]["fingerprint"] as? String)
    #expect(configured[0]["fingerprint"] as? String == keyed[0]["fingerprint"] as? String)
  }

  // MARK: piiscan.toml and the allowlist

  @Test func anAllowlistInTheWorkingDirectorySilencesItsValues() throws {
    let hashed = "15912345678"
    let hash = "sha256:" + SHA256Reference.hex(Array(hashed.utf8))
    let root = try Self.tree(
      "allowlist",
      [
        "piiscan.toml": """
        # accepted by the privacy officer
        [allowlist]
        values = ["13912345670", "\(hash)"]
        paths = ["fixtures/**"]
        contexts = ["测试号码"]
        """,
        "a.txt": "手机 13912345670\n电话 15912345678\n测试号码 18612345678\n联系 13712345678\n",
        "fixtures/b.txt": "手机 13612345678\n",
      ])
    let result = try Binary.run(
      ["scan", ".", "-f", "jsonl", "--stats", "--as-of", Self.asOf], directory: root)
    let values = try Self.findings(result.stdout).map { $0["value"] as! String }
    #expect(values == ["137****5678"])
    #expect(result.status == 1)
    // Four in the data, and the value piiscan.toml itself names (it is scanned like any file).
    #expect(result.stderr.contains("suppressed: 5 by the allowlist, 0 by the baseline"))
    // --no-config reads none of it.
    let unconfigured = try Binary.run(["scan", ".", "-f", "jsonl", "--no-config"], directory: root)
    #expect(try Self.findings(unconfigured.stdout).count == 6)
  }

  @Test func theConfigurationIsFoundInAParentUpToTheRepositoryRoot() throws {
    let root = try Self.tree(
      "config-parent",
      [
        ".git/HEAD": "ref: refs/heads/main\n",
        "piiscan.toml": "[allowlist]\nrules = [\"cn-mobile\"]\n",
        "sub/dir/a.txt": "手机 13912345670\n",
      ])
    let result = try Binary.run(
      ["scan", "a.txt"], directory: root.appendingPathComponent("sub/dir"))
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.isEmpty)
  }

  @Test func configurationErrorsNameTheFileTheLineAndTheKey() throws {
    let cases: [(String, String)] = [
      (
        "[scan]\nonly = [\"cn_mobile\"]\nformats = \"sarif\"\n",
        "piiscan.toml:3: scan.formats: unknown key"
      ),
      ("[scan]\n\nas-of = \"2026-02-30\"\n", "piiscan.toml:3: scan.as-of: must be a date"),
      (
        "[allowlist]\nvalues = [\n  \"a\",\n]\ncategories = [\"no_such\"]\n",
        "piiscan.toml:5: allowlist.categories: unknown category no_such"
      ),
      ("[allowlist]\ncontexts = [\"(unclosed\"]\n", "piiscan.toml:2: allowlist.contexts:"),
      ("[scan]\nhidden = \"yes\"\n", "piiscan.toml:2: scan.hidden: must be true or false"),
      ("[scan\n", "piiscan.toml:1:"),
      ("[colours]\nx = 1\n", "piiscan.toml:1: colours: unknown table"),
    ]
    for (text, message) in cases {
      let root = try Self.tree("config-error", ["piiscan.toml": text, "a.txt": "13912345670\n"])
      let result = try Binary.run(["scan", "a.txt"], directory: root)
      #expect(result.status == 2, "\(text)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }

  @Test func scanDefaultsComeFromTheFileAndTheCommandLineWins() throws {
    let root = try Self.tree(
      "config-defaults",
      [
        "piiscan.toml": "[scan]\nformat = \"jsonl\"\nonly = [\"email\"]\nglob = [\"!*.log\"]\n",
        "a.txt": "手机 13912345670 邮箱 zhang.wei@163.com\n",
        "b.log": "邮箱 li.na@163.com\n",
      ])
    let configured = try Binary.run(["scan", "."], directory: root)
    let findings = try Self.findings(configured.stdout)
    #expect(findings.map { $0["category"] as! String } == ["email"])
    let overridden = try Binary.run(
      ["scan", ".", "-f", "text", "--only", "cn_mobile"], directory: root)
    #expect(overridden.stdout.contains("cn_mobile 139****5670"))
    #expect(!overridden.stdout.contains("email"))
  }

  // MARK: Exit statuses

  @Test func invalidAndSampleValuesAloneExitZeroUnlessFailOnInvalid() throws {
    let root = try Self.tree(
      "invalid-only",
      ["a.txt": "样例 13800138000 身份证 11010519491231002X 错号 110101199003071234\n"])
    let result = try Binary.run(["scan", "a.txt", "-f", "jsonl"], directory: root)
    #expect(result.status == 0)
    #expect(try Self.findings(result.stdout).count == 3)  // reported all the same
    #expect(try Binary.run(["scan", "a.txt", "--fail-on", "invalid"], directory: root).status == 1)
    try Data("[scan]\nfail-on = \"invalid\"\n".utf8).write(
      to: root.appendingPathComponent("piiscan.toml"))
    #expect(try Binary.run(["scan", "a.txt"], directory: root).status == 1)
  }

  @Test func everyExitStatusEndToEnd() throws {
    let root = try Self.tree(
      "exit", ["clean.txt": "订单 2023112912345678901\n", "found.txt": "手机 13912345670\n"])
    #expect(try Binary.run(["scan", "clean.txt"], directory: root).status == 0)
    #expect(try Binary.run(["scan", "found.txt"], directory: root).status == 1)
    let unreadable = try Binary.run(["scan", "found.txt", "missing.txt"], directory: root)
    #expect(unreadable.status == 2)
    #expect(unreadable.stderr.contains("missing.txt"))
    for usage in [
      ["scan", "--bogus"], ["scan", "--threads", "0"], ["scan", "--fail-on", "x"],
      ["scan", "--count", "-f", "sarif"], ["scan", "--config", "a", "--no-config"],
    ] {
      let result = try Binary.run(usage, directory: root)
      #expect(result.status == 64, "\(usage)")
    }
    let missingOutput = try Binary.run(
      ["scan", "found.txt", "-o", "no/such/dir/x"], directory: root)
    #expect(missingOutput.status == 2)
    #expect(missingOutput.stderr.contains("no/such/dir/x"))
    // The help lists every code.
    let help = try Binary.run(["scan", "--help"]).stdout
    for code in ["0   nothing", "1   a valid", "2   some input", "64  a usage error"] {
      #expect(help.contains(code), "\(code)")
    }
  }

  /// Findings written, then the reader goes away: still 1.
  @Test func aClosedPipeAfterFindingsStillExitsOne() throws {
    let binary = Binary.productsDirectory.appendingPathComponent("piiscan").path
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = [
      "-c", "'\(binary)' scan samples/data | head -1 >/dev/null; echo \"${PIPESTATUS[0]}\"",
    ]
    bash.currentDirectoryURL = Binary.packageRoot
    let out = Pipe()
    bash.standardOutput = out
    try bash.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    bash.waitUntilExit()
    #expect(text == "1\n")
  }

  // MARK: Path filters

  @Test func globsIgnoreFilesAndDotfilesRemoveTheirPaths() throws {
    let root = try Self.tree(
      "filters",
      [
        "a.txt": "手机 13912345670\n", "app.log": "手机 13812345678\n",
        ".env": "PHONE=13712345678\n", "tmp/b.txt": "手机 13612345678\n",
        ".piiscanignore": "tmp/\n",
      ])
    func paths(_ arguments: [String]) throws -> Set<String> {
      let result = try Binary.run(["scan", ".", "-f", "jsonl"] + arguments, directory: root)
      return Set(try Self.findings(result.stdout).map { $0["path"] as! String })
    }
    #expect(try paths([]) == ["./a.txt", "./app.log"])
    #expect(try paths(["--glob", "!*.log"]) == ["./a.txt"])
    #expect(try paths(["-g", "*.log"]) == ["./app.log"])
    #expect(try paths(["--hidden"]) == ["./.env", "./a.txt", "./app.log"])
    #expect(try paths(["--no-ignore"]) == ["./a.txt", "./app.log", "./tmp/b.txt"])
    let summary = try Binary.run(["scan", ".", "--stats", "-g", "!*.log"], directory: root).stderr
    #expect(summary.contains("paths left out: 2 hidden, 1 ignored, 1 glob"), "\(summary)")
    let big = try Binary.run(["scan", ".", "--max-filesize", "10", "-q"], directory: root)
    #expect(big.status == 0)
  }

  // MARK: Metadata, summary, colour

  @Test func theJSONFormatCarriesMetadataFindingsAndASummary() throws {
    let root = try Self.tree("json-document", ["a.txt": "手机 13912345670\n"])
    let result = try Binary.run(
      ["scan", "a.txt", "-f", "json", "--as-of", Self.asOf], directory: root)
    let document = try JSONSerialization.jsonObject(with: result.stdoutData) as! [String: Any]
    let tool = document["tool"] as! [String: Any]
    #expect(tool["name"] as? String == "piiscan")
    #expect((tool["ruleset_sha256"] as? String)?.count == 64)
    let run = document["run"] as! [String: Any]
    #expect(run["as_of"] as? String == Self.asOf)
    let configuration = run["configuration"] as! [String: String]
    #expect(configuration["fail_on"] == "valid")
    #expect(configuration["fingerprint_key"] == "built-in")
    #expect((document["findings"] as! [Any]).count == 1)
    let summary = document["summary"] as! [String: Any]
    #expect(summary["failing"] as? Int == 1)
    #expect(summary["inputs"] as? Int == 1)
  }

  @Test func theSizingReportCarriesTheConfigurationInForce() throws {
    let root = try Self.tree(
      "size-metadata",
      ["piiscan.toml": "[scan]\nglob = [\"!*.log\"]\n", "a.txt": "手机 13912345670\n"])
    let result = try Binary.run(
      ["size", ".", "-f", "json", "--as-of", Self.asOf], directory: root)
    #expect(result.status == 1)
    let text = result.stdout
    #expect(text.contains("config_sha256="))
    #expect(text.contains("globs=!*.log"))
    #expect(text.contains(Self.asOf))
  }

  @Test func theSummaryIsForcedByStatsAndSilencedByQuiet() throws {
    let root = try Self.tree("summary", ["a.txt": "手机 13912345670\n", ".hidden": "x\n"])
    let stats = try Binary.run(["scan", ".", "--stats", "--color", "never"], directory: root)
    #expect(stats.stderr.contains("piiscan: 1 input, "))
    #expect(stats.stderr.contains("1 finding fails the run"))
    #expect(stats.stderr.contains("cn_mobile"))
    #expect(stats.stderr.contains("paths left out: 1 hidden"))
    // Not a terminal and no --stats: nothing; --quiet: nothing.
    #expect(try Binary.run(["scan", "."], directory: root).stderr.isEmpty)
    #expect(try Binary.run(["scan", ".", "-q"], directory: root).stderr.isEmpty)
  }

  @Test func colourOnlyWhenAskedOrOnATerminal() throws {
    let root = try Self.tree("colour", ["a.txt": "手机 13912345670\n"])
    let always = try Binary.run(["scan", "a.txt", "--color", "always"], directory: root)
    #expect(always.stdout.contains("\u{1B}[1mcn_mobile\u{1B}[0m"))
    let auto = try Binary.run(["scan", "a.txt"], directory: root, environment: ["NO_COLOR": "1"])
    #expect(!auto.stdout.contains("\u{1B}["))
    let never = try Binary.run(["scan", "a.txt", "--color", "never"], directory: root)
    #expect(never.stdout == "a.txt:1:4: cn_mobile 139****5670 (valid, high) carrier=中国移动\n")
  }

  // MARK: Help

  @Test func patternsPrintsIdsWhole() throws {
    let rules = try Binary.run(["patterns"]).stdout.split(separator: "\n")
    let ids = try Binary.run(["scan", "--only", "nope"]).stderr  // lists the known categories
    #expect(!rules.isEmpty)
    for line in rules {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      #expect(fields.count >= 3)
      // The category column holds a known category id, whole.
      #expect(ids.contains(String(fields[1])), "\(line)")
    }
  }

  @Test func helpPrintsNoDefaultTwice() throws {
    for command in ["scan", "size"] {
      let help = try Binary.run([command, "--help"]).stdout
      // One block per option: its first line starts with "  -" or "  <", the rest wrap.
      var blocks: [String] = []
      for line in help.split(separator: "\n") {
        if line.hasPrefix("  -") || line.hasPrefix("  <") || blocks.isEmpty {
          blocks.append(String(line))
        } else {
          blocks[blocks.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
        }
      }
      for block in blocks where block.hasPrefix("  ") {
        #expect(block.components(separatedBy: "default").count <= 2, "\(command): \(block)")
      }
      for group in ["INPUT:", "RULES:", "LIMITS:", "PERFORMANCE:"] {
        #expect(help.contains(group), "\(command): \(group)")
      }
    }
  }
}

/// SHA-256 of bytes, for the allowlist's hashed entries: computed by `sha256sum`, a reference
/// outside the scanner.
enum SHA256Reference {
  static func hex(_ bytes: [UInt8]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try! process.run()
    input.fileHandleForWriting.write(Data(bytes))
    try! input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
  }
}
