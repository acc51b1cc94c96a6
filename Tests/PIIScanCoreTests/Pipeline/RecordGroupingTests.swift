import Foundation
import Testing

@testable import PIIScanCore

/// `record` groups the findings of one row, tuple or object — one person — whatever the chunk
/// size, including SQL lines holding dozens of tuples.
@Suite struct RecordGroupingTests {
  static let rules = try! RuleSet.embedded()

  /// People with values no two of them share.
  static func person(_ n: Int) -> (name: String, id: String, mobile: String, address: String) {
    let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"]
    let givens = ["伟", "秀英", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"]
    let first17 =
      "1101011990" + String(format: "%02d", n % 12 + 1) + String(format: "%02d", n % 28 + 1)
      + String(format: "%03d", n % 1000)
    let check = ResidentID.checkCharacter(first17: Array(first17.utf8))
    let id = first17 + String(UnicodeScalar(check))
    return (
      surnames[n % surnames.count] + givens[n / surnames.count % givens.count], id,
      "139" + String(format: "%08d", 12_345_000 + n), "北京市朝阳区建国路\(n + 1)号\(n % 9 + 1)单元\(100 + n)室"
    )
  }

  /// Findings of `text` as (record, category, value), scanned with `chunkSize`.
  static func scan(_ text: String, name: String, chunkSize: Int) -> [(
    record: Int64, category: String, value: String
  )] {
    let path = temporaryFile("records-\(name)", Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let collector = CollectingSink()
    ScanPipeline(
      rules: rules,
      configuration: ScanConfiguration(
        threads: 2, layout: ChunkLayout(chunkSize: chunkSize),
        detection: DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!))
    ).run(inputs: [ScanInput(path: path, kind: .regularFile, size: nil)], sink: collector)
    return collector.findings.map {
      (record: $0.finding.record, category: $0.finding.category.id, value: $0.finding.value.string)
    }
  }

  /// Checks that the findings fall into one record per person, at `starts`, each holding that
  /// person's name, ID, mobile and address.
  static func expectOneRecordPerPerson(
    _ found: [(record: Int64, category: String, value: String)], starts: [Int], count: Int
  ) {
    let groups = Dictionary(grouping: found, by: \.record)
    #expect(groups.count == count, "\(groups.keys.sorted())")
    #expect(groups.keys.sorted() == starts.map(Int64.init))
    for n in 0..<count {
      let p = person(n)
      let group = groups[Int64(starts[n])] ?? []
      let values = Set(group.map { "\($0.category) \($0.value)" })
      #expect(
        values == [
          "person_name_zh \(p.name)", "cn_resident_id \(p.id)", "cn_mobile \(p.mobile)",
          "home_address \(p.address)",
        ],
        "record \(n)")
    }
  }

  @Test(arguments: [64, 1000, ChunkLayout.defaultChunkSize])
  func sqlLinesWithDozensOfTuples(chunkSize: Int) {
    var text =
      "CREATE TABLE `t_person` (`id` int, `xm` varchar(20), `sfzh` varchar(18), `sjhm` varchar(11), `jtzz` varchar(100));\n"
    var starts: [Int] = []
    for line in 0..<2 {
      text += "INSERT INTO `t_person` VALUES "
      for k in 0..<40 {
        let n = line * 40 + k
        let p = Self.person(n)
        if k > 0 { text += "," }
        starts.append(text.utf8.count)
        text += "(\(n),'\(p.name)','\(p.id)','\(p.mobile)','\(p.address)')"
      }
      text += ";\n"
    }
    Self.expectOneRecordPerPerson(
      Self.scan(text, name: "sql-\(chunkSize)", chunkSize: chunkSize), starts: starts, count: 80)
  }

  @Test(arguments: [64, ChunkLayout.defaultChunkSize])
  func csvRowsJSONLinesAndObjects(chunkSize: Int) {
    var csv = "姓名,身份证号,手机号,家庭住址\n"
    var csvStarts: [Int] = []
    var jsonl = ""
    var jsonlStarts: [Int] = []
    var json = "[\n"
    var jsonStarts: [Int] = []
    for n in 0..<30 {
      let p = Self.person(n)
      csvStarts.append(csv.utf8.count)
      csv += "\(p.name),\(p.id),\(p.mobile),\"\(p.address)\"\n"
      jsonlStarts.append(jsonl.utf8.count)
      jsonl +=
        "{\"name\":\"\(p.name)\",\"idcard\":\"\(p.id)\",\"contact\":{\"mobile\":\"\(p.mobile)\",\"address\":\"\(p.address)\"}}\n"
      json += "  {\n"
      jsonStarts.append(json.utf8.count - 2)
      json +=
        "    \"姓名\": \"\(p.name)\",\n    \"身份证号\": \"\(p.id)\",\n    \"手机\": \"\(p.mobile)\",\n    \"住址\": \"\(p.address)\"\n  }\(n < 29 ? "," : "")\n"
    }
    json += "]\n"
    Self.expectOneRecordPerPerson(
      Self.scan(csv, name: "csv-\(chunkSize)", chunkSize: chunkSize), starts: csvStarts, count: 30)
    Self.expectOneRecordPerPerson(
      Self.scan(jsonl, name: "jsonl-\(chunkSize)", chunkSize: chunkSize), starts: jsonlStarts,
      count: 30)
    Self.expectOneRecordPerPerson(
      Self.scan(json, name: "json-\(chunkSize)", chunkSize: chunkSize), starts: jsonStarts,
      count: 30)
  }
}
