import Foundation
import Testing

/// The jobs of docs/CI.md and the hook of .pre-commit-hooks.yaml, run as written: their
/// piiscan command lines are read from those files (not copied here), then run by bash in a
/// repository made for the test, first with everything accepted by a baseline, then with one
/// new finding.
@Suite(.serialized) struct CIExamplesTests {
  /// The piiscan command lines of the YAML blocks of docs/CI.md, by the heading above them.
  static func documentedCommands() throws -> [(section: String, command: String)] {
    let text = try String(
      contentsOf: Binary.packageRoot.appendingPathComponent("docs/CI.md"), encoding: .utf8)
    var section = ""
    var inYAML = false
    var commands: [(String, String)] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("### ") { section = String(line.dropFirst(4)) }
      if line.hasPrefix("```") {
        inYAML = !inYAML && line == "```yaml"
        continue
      }
      guard inYAML else { continue }
      for prefix in ["run: ", "- ", "entry: "] where line.hasPrefix(prefix + "piiscan ") {
        commands.append((section, String(line.dropFirst(prefix.count))))
      }
    }
    return commands
  }

  /// Runs `command` with bash in `directory`, the built piiscan first on PATH.
  static func shell(_ command: String, in directory: URL) throws -> (status: Int32, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = Binary.productsDirectory.path + ":" + (environment["PATH"] ?? "")
    process.environment = environment
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  /// A repository with personal information accepted by a baseline written as docs/CI.md
  /// says.
  static func repository() throws -> URL {
    let root = try CIGateTests.tree(
      "ci-job",
      [
        ".git/HEAD": "ref: refs/heads/main\n",
        "exports/members.csv": "姓名,手机\n张伟,13912345670\n李娜,13812345678\n",
        "README.md": "Contact: 15912345678\n",
      ])
    let written = try shell("piiscan scan --write-baseline .piiscan-baseline.jsonl .", in: root)
    #expect(written.status == 1, "\(written.err)")
    return root
  }

  @Test func theDocumentedJobsAreFound() throws {
    let sections = Set(try Self.documentedCommands().map(\.section))
    #expect(sections.isSuperset(of: ["GitHub Actions (code scanning)", "GitLab CI", "pre-commit"]))
  }

  @Test func theGitHubActionsJobPassesThenFailsOnANewFinding() throws {
    let commands = try Self.documentedCommands().filter { $0.section.hasPrefix("GitHub") }
    #expect(commands.count == 1)
    for (_, command) in commands {
      let root = try Self.repository()
      let clean = try Self.shell(command, in: root)
      #expect(clean.status == 0, "\(command): \(clean.err)")
      let report = try Data(contentsOf: root.appendingPathComponent("piiscan.sarif"))
      #expect(try CIGateTests.schemaProblem(report) == nil)

      let id = CIGateTests.residentID("11010519900307123")
      try Data("身份证号\n\(id)\n".utf8).write(
        to: root.appendingPathComponent("exports/new.csv"))
      let dirty = try Self.shell(command, in: root)
      #expect(dirty.status == 1)
      let log =
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: root.appendingPathComponent("piiscan.sarif"))) as! [String: Any]
      let results = (log["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]]
      let failing = results.filter { $0["level"] as? String == "error" }
      #expect(failing.map { $0["ruleId"] as? String } == ["cn-resident-id"])
      #expect(dirty.err.contains("suppressed:"))  // --stats
    }
  }

  @Test func theGitLabJobPassesThenFailsOnANewFinding() throws {
    let commands = try Self.documentedCommands().filter { $0.section == "GitLab CI" }
    #expect(commands.count == 1)
    for (_, command) in commands {
      let root = try Self.repository()
      #expect(try Self.shell(command, in: root).status == 0)
      let document =
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: root.appendingPathComponent("piiscan.json"))) as! [String: Any]
      #expect((document["findings"] as! [Any]).isEmpty)
      try Data("手机 13712345678\n".utf8).write(to: root.appendingPathComponent("exports/c.txt"))
      #expect(try Self.shell(command, in: root).status == 1)
    }
  }

  /// The hook's entry, as pre-commit runs it: with the staged files' names appended.
  @Test func thePreCommitHookRefusesAFileWithPersonalInformation() throws {
    let hooks = try String(
      contentsOf: Binary.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
      encoding: .utf8)
    let entries = hooks.split(separator: "\n").compactMap { line -> String? in
      let text = line.trimmingCharacters(in: .whitespaces)
      return text.hasPrefix("entry: ") ? String(text.dropFirst(7)) : nil
    }
    let local = try Self.documentedCommands().filter { $0.section == "pre-commit" }.map(\.command)
    #expect(entries.count == 1)
    #expect(local == entries)  // the local hook of docs/CI.md runs the same command
    let root = try CIGateTests.tree(
      "pre-commit",
      [
        "clean.txt": "订单 2023112912345678901\n", ".env": "PHONE=13912345670\n",
        "sample.txt": "样例 13800138000\n",
      ])
    for entry in entries {
      let clean = try Self.shell(entry + " clean.txt sample.txt", in: root)
      #expect(clean.status == 0)
      #expect(clean.err.isEmpty)  // --quiet
      // A dotfile named by pre-commit is read like any named file.
      #expect(try Self.shell(entry + " clean.txt .env", in: root).status == 1)
    }
  }
}
