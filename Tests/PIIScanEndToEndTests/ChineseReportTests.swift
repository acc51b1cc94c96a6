import Foundation
import PIIScanCore
import Testing

/// What a Chinese reader is given: `--lang zh`, or a Chinese locale, labels `check`, `scan
/// --format text` and the sizing report in Chinese, with the registry's category names; the
/// machine formats stay in English ids whatever the locale.
@Suite struct ChineseReportTests {
  static let asOf = "2026-11-29"

  /// The check character of an 18-character ID's first 17 digits (GB 11643's MOD 11-2),
  /// computed here from the standard's weights.
  static func checkCharacter(_ first17: String) -> Character {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(first17, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
    return Array("10X98765432")[sum % 11]
  }

  @Test func checkExplainsAFailedChecksumInChinese() throws {
    let first17 = "11010119900307123"
    let expected = Self.checkCharacter(first17)
    let wrong: Character = expected == "4" ? "5" : "4"
    let value = first17 + String(wrong)
    let result = try Binary.run(["check", value, "--lang", "zh", "--as-of", Self.asOf])
    #expect(result.status == 1, "\(result.stderr)")
    let names = try Registry.categoryNames()
    #expect(result.stdout.contains("类别        \(names["cn_resident_id"]!.zh)"))
    #expect(result.stdout.contains("是否有效    否：校验码错误：应为 \(expected)，实为 \(wrong)"))
    #expect(result.stdout.contains("性别        男"))
    #expect(!result.stdout.contains("checksum:"))
    // The same value in English.
    let english = try Binary.run(["check", value, "--lang", "en", "--as-of", Self.asOf])
    #expect(
      english.stdout.contains("valid       no: checksum: expected \(expected), found \(wrong)"))
  }

  /// Without `--lang`, the locale decides: LC_ALL, then LC_MESSAGES, then LANG.
  @Test(arguments: [
    ([String: String](), false),
    (["LANG": "zh_CN.UTF-8"], true),
    (["LANG": "zh_TW.UTF-8"], true),
    (["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"], false),
    (["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], true),
    (["LANG": "en_US.UTF-8"], false),
  ])
  func theLanguageFollowsTheLocale(environment: [String: String], chinese: Bool) throws {
    let check = try Binary.run(
      ["check", "13912345670", "--as-of", Self.asOf], environment: environment)
    #expect(check.stdout.contains("类别") == chinese, "\(check.stdout)")
    #expect(check.stdout.contains("category") == !chinese)
    let scan = try Binary.run(
      ["scan", "samples/data/csv/customers.csv", "--as-of", Self.asOf],
      environment: environment)
    #expect(scan.stdout.contains("（有效，置信度") == chinese)
    let size = try Binary.run(
      ["size", "samples/data/csv/customers.csv", "--as-of", Self.asOf],
      environment: environment)
    #expect(size.stdout.contains("不重复人数") == chinese)
    // `--lang` wins over the locale.
    let forced = try Binary.run(
      ["check", "13912345670", "--lang", chinese ? "en" : "zh", "--as-of", Self.asOf],
      environment: environment)
    #expect(forced.stdout.contains("类别") == !chinese)
  }

  /// A Chinese locale changes nothing in JSON Lines, JSON, CSV (field names and ids) or the
  /// JSON sizing report.
  @Test func machineFormatsDoNotFollowTheLocale() throws {
    let chinese = ["LANG": "zh_CN.UTF-8"]
    for arguments in [
      ["scan", "samples/data/csv", "--format", "jsonl"],
      ["scan", "samples/data/csv", "--format", "json"],
      ["scan", "samples/data/csv", "--format", "csv"],
      ["check", "110101199003071234", "--format", "jsonl"],
      ["size", "samples/data/csv", "--format", "json"],
    ] {
      let english = try Binary.run(arguments + ["--as-of", Self.asOf])
      let local = try Binary.run(arguments + ["--as-of", Self.asOf], environment: chinese)
      // (The sizing report's run section holds its start and end times.)
      func stable(_ text: String) -> String {
        text.replacing(try! Regex(#""run": ?\{[^}]*\}"#), with: "")
      }
      #expect(!english.stdout.isEmpty)
      #expect(stable(english.stdout) == stable(local.stdout), "\(arguments)")
    }
  }

  /// `scan --format text --lang zh` prints the findings of the English text, line for line:
  /// the same locations and values, each category by its registry name, valid or invalid and
  /// the confidence in Chinese, detail names in Chinese, and no reason left in English.
  @Test func scanTextNamesEveryCategoryInChinese() throws {
    let arguments = ["scan", "samples/data", "--format", "text", "--as-of", Self.asOf]
    let english = try Binary.run(arguments + ["--lang", "en"]).stdout.split(separator: "\n")
    let chinese = try Binary.run(arguments + ["--lang", "zh"]).stdout.split(separator: "\n")
    #expect(english.count == chinese.count)
    #expect(english.count > 5000)
    let names = try Registry.categoryNames()
    let line = try Regex(#"^(.*:[0-9]+:[0-9]+: )([a-z0-9_]+) (.*) \((valid|invalid)[:,]"#)
    let key = try Regex(#"([^ （）]+)="#)
    var problems: [String] = []
    for (en, zh) in zip(english, chinese) {
      guard let match = en.firstMatch(of: line) else {
        problems.append("unread: \(en)")
        continue
      }
      let location = match.output[1].substring!
      let id = String(match.output[2].substring!)
      let value = match.output[3].substring!
      let valid = match.output[4].substring! == "valid"
      let name = names[id]?.zh ?? id
      let head = "\(location)\(name) \(value)（\(valid ? "有效" : "无效")"
      if !zh.hasPrefix(head) { problems.append("\(zh)\n  expected \(head)") }
      if !zh.contains("置信度") { problems.append(String(zh)) }
      // (Luhn is the name of the check in Chinese too: Luhn校验.)
      for found in zh.matches(of: key) {
        let name = found.output[1].substring!.replacing("Luhn", with: "")
        if name.contains(where: { $0.isASCII && $0.isLetter }) {
          problems.append("English detail name: \(zh)")
        }
      }
    }
    #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")

    // Every reason the samples give, masked and revealed, has a Chinese translation.
    var unknown = Set<String>()
    for extra in [[], ["--reveal"]] {
      let jsonl = try Binary.run(
        ["scan", "samples/data", "--format", "jsonl", "--as-of", Self.asOf] + extra)
      for row in jsonl.stdout.split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any]
        if let reason = object?["reason"] as? String, !ChineseText.knows(reason) {
          unknown.insert(reason)
        }
      }
    }
    #expect(unknown.isEmpty, "\(unknown.sorted())")
  }

  /// `size --lang zh` in text and Markdown: every word in Latin letters is a value from the
  /// data (a path, a domain, the command line, an id in the JSON report) or a name Chinese
  /// text writes the same way (SHA-256, Luhn, QQ…); no English label is left.
  @Test(arguments: ["text", "md"])
  func theSizingReportIsInChinese(format: String) throws {
    let arguments = ["size", "samples/data", "--as-of", Self.asOf]
    let report = try Binary.run(arguments + ["--format", format, "--lang", "zh"])
    #expect(report.status == 1, "\(report.stderr)")
    let json = try Binary.run(arguments + ["--format", "json"])
    func words(_ text: String) -> Set<String> {
      Set(
        text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init).filter {
          $0.count >= 2
        })
    }
    // Every string value in the JSON report (paths, domains, ids, the command), not its keys
    // nor its English disclaimer.
    var strings: [String] = []
    func collect(_ value: Any) {
      switch value {
      case let text as String: strings.append(text)
      case let array as [Any]: array.forEach(collect)
      case let object as [String: Any]:
        for (key, value) in object where key != "disclaimer" { collect(value) }
      default: break
      }
    }
    collect(try JSONSerialization.jsonObject(with: json.stdoutData))
    let data = words((strings + arguments + [format, "lang", "zh"]).joined(separator: " "))
    let names: Set<String> = [
      "SHA", "Luhn", "QQ", "IMEI", "ICCID", "IMSI", "BIN", "Excel", "JSON", "Lines", "SQL",
      "piiscan",
    ]
    let english = words(report.stdout).subtracting(data).subtracting(names)
    #expect(english.isEmpty, "\(english.sorted())")
    // The English report's labels, by contrast, are all words of that kind.
    let englishReport = try Binary.run(arguments + ["--format", format, "--lang", "en"])
    #expect(words(englishReport.stdout).subtracting(data).subtracting(names).count > 50)
  }
}

/// The built-in registry as Patterns/**/*.toml declares it, read from their `[category]` tables
/// with a line reader of its own (not the scanner's TOML loader).
enum Registry {
  struct Entry {
    var id: String
    var zh: String?
    var en: String?
    var personal = false
  }

  static func entries() throws -> [Entry] {
    var entries: [Entry] = []
    let root = Binary.packageRoot.appendingPathComponent("Patterns")
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    for case let file as URL in files where file.pathExtension == "toml" {
      var inCategory = false
      var entry = Entry(id: "")
      for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") {
          inCategory = trimmed == "[category]"
          continue
        }
        guard inCategory, let equals = trimmed.firstIndex(of: "=") else { continue }
        let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
        let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let text =
          value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
          ? String(value.dropFirst().dropLast()) : nil
        switch key {
        case "id": entry.id = text ?? ""
        case "name": entry.zh = text
        case "name_en": entry.en = text
        case "personal": entry.personal = value == "true"
        default: break
        }
      }
      if !entry.id.isEmpty { entries.append(entry) }
    }
    return entries
  }

  static func categoryNames() throws -> [String: (zh: String, en: String)] {
    var names: [String: (zh: String, en: String)] = [:]
    for entry in try entries() {
      if let zh = entry.zh { names[entry.id] = (zh, entry.en ?? zh) }
    }
    return names
  }

  /// The ids of the categories declared `personal = true`.
  static func personalCategories() throws -> Set<String> {
    Set(try entries().filter(\.personal).map(\.id))
  }
}
