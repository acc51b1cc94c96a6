import Foundation
import Testing

/// `--patterns DIR`: a user's own rules, run by the built binary on a temporary directory of
/// synthetic data.
@Suite(.serialized) struct UserPatternsTests {
  static let asOf = "2026-11-29"

  static let staffRules = """
    # ACME's internal identifiers.
    [[rules]]
    id = "acme-staff-number"
    category = "acme_staff_number"
    description = "ACME staff number: ACME- and six digits."
    validator = "regex"
    regex = '''(?<![A-Za-z0-9])ACME-[0-9]{6}(?![0-9])'''
    context = ["工号", "staff"]
    [rules.examples]
    match = ["工号：ACME-123456"]
    nomatch = ["ACME-12345", "XACME-123456"]
    """

  static let contractRules = """
    [[rules]]
    id = "acme-contract"
    category = "acme_contract"
    description = "Contract number, only where the text says it is one."
    validator = "regex"
    regex = '''(?<![A-Za-z0-9])HT[0-9]{8}(?![0-9])'''
    context = ["合同"]
    require_context = true
    [rules.examples]
    match = ["合同编号 HT20240001"]
    nomatch = ["HT20240001"]
    """

  /// A directory with the two rule files (and a draft below it, which is not read), and an
  /// export to scan.
  static func setUp(_ name: String) throws -> (rules: URL, export: URL) {
    let directory = try Binary.temporaryDirectory(name)
    let rules = directory.appendingPathComponent("rules")
    try FileManager.default.createDirectory(
      at: rules.appendingPathComponent("drafts"), withIntermediateDirectories: true)
    try staffRules.write(
      to: rules.appendingPathComponent("staff.toml"), atomically: true, encoding: .utf8)
    try contractRules.write(
      to: rules.appendingPathComponent("contract.toml"), atomically: true, encoding: .utf8)
    try "not = [valid".write(
      to: rules.appendingPathComponent("drafts/broken.toml"), atomically: true, encoding: .utf8)
    var export = "工号,姓名,备注\n"
    for n in 0..<300 {
      export +=
        "ACME-\(100_000 + n),员工\(n),合同 HT2024\(String(format: "%04d", n)) 另 HT1999\(String(format: "%04d", n))\n"
    }
    export += "离职,ACME-999999,无合同号\n"  // under 姓名, not 工号: no context
    let file = directory.appendingPathComponent("export.csv")
    try export.write(to: file, atomically: true, encoding: .utf8)
    return (rules, file)
  }

  @Test func theUsersRulesAreScannedMaskedAndCounted() throws {
    let (rules, export) = try Self.setUp("user-rules")
    let result = try Binary.run(
      ["scan", "--patterns", rules.path, export.path, "--format", "jsonl", "--as-of", Self.asOf])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let staff = lines.filter { $0.contains("\"category\":\"acme_staff_number\"") }
    let contracts = lines.filter { $0.contains("\"category\":\"acme_contract\"") }
    #expect(staff.count == 301)
    #expect(contracts.count == 300)  // "另 HT1999…" has no 合同 before it
    let first = try #require(staff.first)
    let fingerprint = String(first.suffix(34).prefix(32))
    let expected: String =
      "{\"path\":\"\(export.path)\",\"line\":2,\"column\":1,\"offset\":21,\"length\":11,"
      + "\"category\":\"acme_staff_number\",\"rule\":\"acme-staff-number\",\"value\":\"AC*******00\","
      + "\"valid\":true,\"confidence\":\"high\",\"details\":{},\"record\":21,"
      + "\"fingerprint\":\"\(fingerprint)\"}"
    #expect(first == expected)
    #expect(fingerprint.allSatisfy { $0.isHexDigit })
    #expect(
      staff.last?.contains("\"value\":\"AC*******99\",\"valid\":true,\"confidence\":\"medium\"")
        == true)
    #expect(!result.stdout.contains("ACME-1"))

    let revealed = try Binary.run(
      ["scan", "--patterns", rules.path, export.path, "--reveal", "--only", "acme_contract"])
    #expect(revealed.status == 1)
    #expect(revealed.stdout.split(separator: "\n").count == 300)
    #expect(
      revealed.stdout.hasPrefix("\(export.path):2:20: acme_contract HT20240000 (valid, high)\n"))

    let counted = try Binary.run(
      [
        "scan", "--count", "--patterns", rules.appendingPathComponent("staff.toml").path,
        "--only", "acme_staff_number", export.path,
      ])
    #expect(counted.stdout == "      301        0  acme_staff_number          \(export.path)\n")
  }

  @Test(arguments: [
    ["--threads", "1"], ["--threads", "2", "--chunk-size", "7"],
    ["--threads", "2", "--chunk-size", "64"], ["--threads", "3", "--chunk-size", "4096", "--mmap"],
  ])
  func outputDoesNotDependOnThreadsOrChunks(options: [String]) throws {
    let (rules, export) = try Self.setUp("user-rules-chunks")
    let arguments = [
      "scan", "--patterns", rules.path, export.path, "--format", "jsonl", "--reveal", "--as-of",
      Self.asOf,
    ]
    let base = try Binary.run(arguments)
    let other = try Binary.run(arguments + options)
    #expect(base.stdout.contains("acme_contract"))
    #expect(base.stdout == other.stdout)
  }

  @Test func aWrongRuleStopsTheScanWithEveryProblemNamed() throws {
    let (rules, export) = try Self.setUp("user-rules-wrong")
    let broken = Self.staffRules
      .replacingOccurrences(of: "context = [", with: "contxt = [")
      .replacingOccurrences(of: "acme_staff_number", with: "cn_mobile")
      .replacingOccurrences(of: "XACME-123456", with: "X ACME-123456")
    try broken.write(
      to: rules.appendingPathComponent("staff.toml"), atomically: true, encoding: .utf8)
    let file = rules.appendingPathComponent("staff.toml").path
    let result = try Binary.run(["scan", "--patterns", rules.path, export.path])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == """
        piiscan: \(file): acme-staff-number: unknown key `contxt` (known: id, category, description, finder, validator, regex, context, require_context, examples)
        piiscan: \(file): acme-staff-number: category "cn_mobile" is the built-in rule cn-mobile's; your rule reports a category of its own (a new snake_case name; --except cn_mobile leaves the built-in one out)
        piiscan: 2 problems in the --patterns files (format: Patterns/README.md, "Your own rules"); nothing was scanned

        """)
    // Once the file is sound, a failing example is the problem left.
    try Self.staffRules.replacingOccurrences(of: "XACME-123456", with: "X ACME-123456")
      .write(to: rules.appendingPathComponent("staff.toml"), atomically: true, encoding: .utf8)
    let again = try Binary.run(["scan", "--patterns", rules.path, export.path])
    #expect(again.status == 2)
    #expect(
      again.stderr.hasPrefix(
        "piiscan: \(file): acme-staff-number: nomatch example \"X ACME-123456\": expected no "
          + "finding, found ACME-123456 (valid) (change the example or the regex)\n"))
    let missing = try Binary.run(["scan", "--patterns", "no/such/rules", export.path])
    #expect(missing.status == 2)
    #expect(missing.stderr.hasPrefix("piiscan: no/such/rules: no such file or directory\n"))
  }

  @Test func onlyAcceptsTheUsersCategoriesOnlyWithTheirRules() throws {
    let (rules, export) = try Self.setUp("user-rules-only")
    let without = try Binary.run(["scan", "--only", "acme_contract", export.path])
    #expect(without.status != 0 && without.status != 1)
    #expect(without.stderr.contains("--only: unknown category acme_contract"))
    let with = try Binary.run([
      "scan", "--patterns", rules.path, "--only", "acme_contract", export.path,
    ])
    #expect(with.status == 1)
  }

  @Test func patternsListsTestsAndFlagsTheUsersRules() throws {
    let (rules, _) = try Self.setUp("user-rules-list")
    let slow = """
      [[rules]]
      id = "acme-visitor"
      category = "acme_visitor"
      description = "Visitor pass: two capitals and eight digits."
      validator = "regex"
      regex = '''(?<![A-Za-z0-9])[A-Z]{2}[0-9]{8}(?![0-9])'''
      [rules.examples]
      match = ["访客 VP20240001"]
      nomatch = ["VP2024000"]
      """
    try slow.write(
      to: rules.appendingPathComponent("visitor.toml"), atomically: true, encoding: .utf8)
    let list = try Binary.run(["patterns", "--patterns", rules.path])
    #expect(list.status == 0, "\(list.stderr)")
    let lines = list.stdout.split(separator: "\n")
    #expect(
      lines.suffix(3).map { String($0.prefix(28)).trimmingCharacters(in: .whitespaces) } == [
        "acme-contract", "acme-staff-number", "acme-visitor",
      ])
    #expect(list.stdout.contains("[\(rules.path)/staff.toml; JIT, first byte 'A']"))
    #expect(list.stdout.contains("[\(rules.path)/visitor.toml; JIT, no fixed first byte]"))
    #expect(
      list.stderr.hasPrefix(
        "piiscan: \(rules.path)/visitor.toml: acme-visitor: warning: the regex has no fixed first byte"
      ))
    #expect(!list.stderr.contains("staff.toml"))

    let tested = try Binary.run(["patterns", "--patterns", rules.path, "--test"])
    #expect(tested.status == 0, "\(tested.stdout)")
    #expect(tested.stdout.hasSuffix(" passed, 0 failed\n"))
    // With --test a failing example is a failure to list, not a load error.
    try Self.staffRules.replacingOccurrences(of: "ACME-12345\"", with: "ACME-123456\"")
      .write(to: rules.appendingPathComponent("staff.toml"), atomically: true, encoding: .utf8)
    let failing = try Binary.run(["patterns", "--patterns", rules.path, "--test"])
    #expect(failing.status == 1)
    #expect(
      failing.stdout.contains(
        "FAIL acme-staff-number (\(rules.path)/staff.toml) nomatch: ACME-123456\n"
          + "     expected no finding, found ACME-123456 (valid)\n"))
  }

  @Test func checkExplainsAValueOfAUsersRule() throws {
    let (rules, _) = try Self.setUp("user-rules-check")
    let result = try Binary.run(["check", "--patterns", rules.path, "ACME-123456"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("category    acme_staff_number (rule acme-staff-number)"))
    #expect(result.stdout.contains("valid       yes (high confidence)"))
  }
}
