import Foundation
import Testing

@testable import PIIScanSizing

@Suite struct RenderingTests {
  static let labels = SizingLabels(
    categories: [
      "cn_resident_id": SizingLabel(zh: "居民身份证号码", en: "Resident ID number"),
      "cn_mobile": SizingLabel(zh: "手机号码", en: "Mobile number"),
    ],
    reasons: ["checksum": SizingLabel(zh: "校验位错误", en: "check character wrong")])

  static func report(insider: Bool = false, run: SizingRunInfo? = nil) throws -> SizingReport {
    let parent = TestDirectory()
    var aggregate = try Feeding.single(
      TestWorld.generate(seed: 71, records: 600), directory: try parent.spillDirectory())
    return try aggregate.report(
      SizingReportOptions(insider: insider, lookup: TestLookup(), run: run))
  }

  /// Walks parsed JSON, checking that every number is an integer.
  static func expectIntegersOnly(_ value: Any, path: String = "$") {
    switch value {
    case let object as [String: Any]:
      for (key, inner) in object { expectIntegersOnly(inner, path: path + "." + key) }
    case let array as [Any]:
      for (index, inner) in array.enumerated() {
        expectIntegersOnly(inner, path: path + "[\(index)]")
      }
    case let number as NSNumber:
      #expect(Double(number.int64Value) == number.doubleValue, "\(path)")
    default: break
    }
  }

  @Test func jsonIsCanonical() throws {
    let text = try Self.report().render(.json)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    let object = try #require(parsed as? [String: Any])
    #expect(
      object.keys.sorted()
        == [
          "bank_cards", "categories", "disclaimer", "emails", "inputs", "mobiles", "notices",
          "persons", "records", "resident_ids", "same_file_copies", "score", "settings", "tiers",
          "tool",
        ])
    Self.expectIntegersOnly(parsed)
    // Keys appear sorted in every object: each line's key is after the previous sibling's.
    var lastKeyAtIndent: [Int: String] = [:]
    for line in text.split(separator: "\n") {
      let indent = line.prefix { $0 == " " }.count
      lastKeyAtIndent = lastKeyAtIndent.filter { $0.key <= indent }
      if line.hasSuffix("{") || line.hasSuffix("[") || line.hasSuffix("},") || line.hasSuffix("}") {
        lastKeyAtIndent[indent + 2] = nil
      }
      guard line.dropFirst(indent).hasPrefix("\""), let colon = line.range(of: "\": ") else {
        continue
      }
      let key = String(line[line.index(line.startIndex, offsetBy: indent + 1)..<colon.lowerBound])
      if let previous = lastKeyAtIndent[indent] {
        #expect(
          Array(previous.utf8).lexicographicallyPrecedes(Array(key.utf8)), "\(previous) then \(key)"
        )
      }
      lastKeyAtIndent[indent] = key
    }
    #expect(text.hasSuffix("}\n"))
    let score = try #require(object["score"] as? [String: Any])
    #expect(score["value"] is String)
    let records = try #require(object["records"] as? [String: Any])
    // 240 member rows, their copy, 120 calls, 120 SQL tuples, 60 lines on standard input.
    #expect(records["total"] as? Int == 780)
    let tiers = try #require(object["tiers"] as? [String: [String: Int]])
    #expect(tiers["50"]?["threshold"] == 50)
    let disclaimer = try #require(object["disclaimer"] as? [String: String])
    #expect(disclaimer["zh"] == "参考计算，不构成法律意见。")
    #expect(object["run"] == nil)
  }

  @Test func runInfoIsItsOwnSection() throws {
    let run = SizingRunInfo(
      command: "piiscan size case/", started: "2026-11-29T08:00:00Z", ended: "2026-11-29T08:01:00Z",
      threads: 2, shards: nil)
    let with = try Self.report(run: run).render(.json)
    let without = try Self.report().render(.json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(with.utf8)) as? [String: Any])
    let section = try #require(object["run"] as? [String: Any])
    #expect(section["command"] as? String == "piiscan size case/")
    #expect(section["threads"] as? Int == 2)
    #expect(section["shards"] == nil)
    // Everything else is the same.
    var stripped = object
    stripped["run"] = nil
    let plain = try #require(
      try JSONSerialization.jsonObject(with: Data(without.utf8)) as? [String: Any])
    #expect(NSDictionary(dictionary: stripped).isEqual(to: plain))
  }

  @Test(arguments: SizingReportFormat.allCases)
  func everyFormatSaysItIsNotLegalAdvice(format: SizingReportFormat) throws {
    let report = try Self.report()
    for language in SizingLanguage.allCases {
      let text = report.render(format, language: language, labels: Self.labels)
      #expect(text.contains("参考计算，不构成法律意见"), "\(format) \(language)")
      if language == .en && format != .json {
        #expect(text.contains("A reference calculation, not legal advice"))
      }
    }
  }

  @Test func labelsFollowTheLanguage() throws {
    let report = try Self.report()
    let zh = report.render(.text, language: .zh, labels: Self.labels)
    let en = report.render(.text, language: .en, labels: Self.labels)
    #expect(zh.contains("居民身份证号码") && !zh.contains("Resident ID number"))
    #expect(en.contains("Resident ID number") && !en.contains("居民身份证号码"))
    #expect(zh.contains("校验位错误"))
    #expect(en.contains("check character wrong"))
    #expect(zh.contains("不重复人数") && en.contains("Distinct persons"))
    // Categories without a label show their id.
    #expect(en.contains("cn_bank_card"))
    #expect(zh.contains("参考折算值") && en.contains("Reference score"))
  }

  @Test func insiderHalvesTheThresholds() throws {
    let normal = try Self.report()
    let insider = try Self.report(insider: true)
    #expect(insider.score.thresholds == [25, 250, 2_500])
    #expect(insider.score.denominator == 2_500)
    #expect(insider.score.numerator == normal.score.numerator)
    #expect(insider.persons == normal.persons)
    let text = insider.render(.text, language: .en)
    #expect(text.contains("25 / 250 / 2,500"))
    #expect(insider.render(.json).contains("\"insider\": true"))
  }

  /// Text columns line up in terminal columns, Chinese characters taking two.
  @Test func textColumnsAlign() throws {
    let text = try Self.report().render(.text, language: .zh, labels: Self.labels)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("类别") }) else {
      Issue.record("no categories section")
      return
    }
    let table = lines[(start + 2)...].prefix { !$0.isEmpty }
    #expect(table.count == TestWorld.categories.count + 1)
    let widths = Set(table.map { TextDocument.width(String($0)) })
    #expect(widths.count == 1, "\(table)")
  }

  @Test func markdownEscapesMasks() {
    let document = TextDocument(blocks: [
      .table(header: ["a|b", "c"], rows: [["138****5678", "x_y"]], numeric: [1])
    ])
    #expect(
      document.markdown == "| a\\|b | c |\n| --- | ---: |\n| 138\\*\\*\\*\\*5678 | x\\_y |\n\n")
  }

  /// A CSV reader written for the test: every row has the four columns, quoted fields
  /// unquoted.
  @Test func csvRowsHaveFourFields() throws {
    let text = try Self.report().render(.csv, language: .zh, labels: Self.labels)
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    #expect(row.isEmpty && field.isEmpty)
    #expect(rows.first == ["section", "key", "label", "value"])
    #expect(rows.allSatisfy { $0.count == 4 })
    #expect(rows.contains(["records", "total", "含个人信息的记录", "780"]))
    #expect(rows.contains { $0[0] == "persons" && $0[1] == "distinct" })
    #expect(SizingReport.csvField("a,\"b\"") == "\"a,\"\"b\"\"\"")
    #expect(SizingReport.csvField("plain") == "plain")
  }

  @Test func canonicalJSONEscapes() {
    let value = CanonicalJSON.object([
      ("b", .string("引号\"和\\反斜杠\n\u{01}")), ("a", .array([.integer(-3), .bool(false), .null])),
      ("c", .object([])),
    ])
    #expect(
      value.text
        == "{\n  \"a\": [\n    -3,\n    false,\n    null\n  ],\n  \"b\": \"引号\\\"和\\\\反斜杠\\n\\u0001\",\n  \"c\": {}\n}\n"
    )
  }
}
