import Foundation
import Testing

@testable import PIIScanCore

/// The vocabularies load, hold what their README says, and agree with the samples.
@Suite struct SoftVocabularyTests {
  @Test func vocabulariesLoad() {
    let v = SoftVocabulary.shared
    #expect(v.ethnicGroups.count == 58)
    #expect(v.provinces.count == 34)
    #expect(v.plateProvinces.count == 31)
    #expect(v.iso3166Alpha3.count == 249)
    #expect(v.universities.count == 2_595)
    #expect(v.occupations.contains("经理人"))
    #expect(v.headers.count >= 500)
  }

  /// Every vocabulary file starts with provenance lines naming origin, licence and date, and
  /// the folder's README lists it.
  @Test func everyVocabularyHasProvenance() throws {
    let paths = EmbeddedPatterns.paths.filter { $0.hasPrefix("vocabularies/") }
    let readme = try String(
      contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Patterns/vocabularies/README.md").path, encoding: .utf8)
    #expect(paths.count >= 18)
    for path in paths {
      #expect(readme.contains("`" + path.dropFirst("vocabularies/".count) + "`"), "\(path)")
      let text = EmbeddedPatterns.text(path) ?? ""
      let comments = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(
        separator: "\n")
      #expect(comments.contains("Origin:"), "\(path)")
      #expect(comments.contains("Licence:"), "\(path)")
      #expect(comments.contains("2026-"), "\(path)")
    }
  }

  /// Every trap word starts with a surname and is 2–4 characters long.
  @Test func trapWordsStartWithSurnames() throws {
    let rows = SoftVocabulary.rows("name-traps.tsv", ["word", "surname", "maybe_name"])
    #expect(rows.count >= 300)
    for row in rows where row.fields[1] != "-" {
      #expect(row.fields[0].hasPrefix(row.fields[1]), "\(row.fields[0])")
      #expect((2...4).contains(row.fields[0].count), "\(row.fields[0])")
      #expect(
        Soft.classify(String(row.fields[0]), .personNameZh)?.valid == (row.fields[2] == "Y"),
        "\(row.fields[0])")
    }
  }

  @Test func regionShortForms() {
    let ethnic = ["土家", "苗", "朝鲜", "柯尔克孜", "蒙古", "藏", "羌"]
    #expect(
      SoftVocabulary.shortForm(of: "恩施土家族苗族自治州", level: .prefecture, ethnicShorts: ethnic) == "恩施")
    #expect(
      SoftVocabulary.shortForm(of: "克孜勒苏柯尔克孜自治州", level: .prefecture, ethnicShorts: ethnic)
        == "克孜勒苏")
    #expect(
      SoftVocabulary.shortForm(of: "日喀则地区", level: .prefecture, ethnicShorts: ethnic) == "日喀则")
    #expect(SoftVocabulary.shortForm(of: "深圳市", level: .prefecture, ethnicShorts: ethnic) == "深圳")
    #expect(SoftVocabulary.shortForm(of: "义乌市", level: .county, ethnicShorts: ethnic) == "义乌")
    #expect(SoftVocabulary.shortForm(of: "南山区", level: .county, ethnicShorts: ethnic) == nil)
  }

  /// Every soft value labelled in samples/ is judged as labelled under its own category: a
  /// valid one accepted, an invalid one (an age of 180, 1980-02-30, a plate with an O) refused
  /// (the corpus generator plants realistic values; a regression here means real columns are
  /// missed or bad values pass).
  @Test func labelledSampleValuesAreAccepted() throws {
    let url = Soft.root.appendingPathComponent("samples/labels/labels.jsonl")
    let text = try String(contentsOf: url, encoding: .utf8)
    var checked = 0
    var failures: [String] = []
    for line in text.split(separator: "\n") {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      guard let name = object["category"] as? String, let category = SoftCategory(rawValue: name),
        !category.isStrongHeaderOnly, let value = object["value"] as? String
      else { continue }
      checked += 1
      let valid = object["valid"] as? Bool ?? true
      let verdict = Soft.classify(value, category)
      if verdict?.valid != valid || (valid && verdict?.category != category) {
        failures.append(
          "\(name) \(value) labelled \(valid ? "valid" : "invalid"): \(verdict?.reason ?? "nil")")
      }
    }
    #expect(checked > 4_000)
    #expect(failures.isEmpty, "\(failures.prefix(20))")
  }

  /// In the prose full of surname-initial words (高中、周末、黄金…), free-text extraction finds
  /// only values the generator labelled there: no decoy becomes a name, address or document.
  @Test func proseGivesOnlyLabelledSoftValues() throws {
    let labels = try String(
      contentsOf: Soft.root.appendingPathComponent("samples/labels/labels.jsonl"), encoding: .utf8)
    var labelled = Set<String>()
    for line in labels.split(separator: "\n") {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      guard object["path"] as? String == "text/prose.txt" else { continue }
      labelled.insert("\(object["line"]!) \(object["value"]!)")
    }
    let url = Soft.root.appendingPathComponent("samples/data/text/prose.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    var extracted = 0
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      for value in Soft.extract(String(line)) {
        extracted += 1
        #expect(
          labelled.contains("\(number + 1) \(value.text)"), "line \(number + 1): \(value.text)")
      }
    }
    #expect(extracted > 0)
  }
}
