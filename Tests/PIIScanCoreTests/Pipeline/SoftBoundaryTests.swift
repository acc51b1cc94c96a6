import Foundation
import Testing

@testable import PIIScanCore

/// Soft findings (fields by header, free text) must not depend on where chunks are cut either:
/// rows longer than a chunk are read whole on both sides of a cut, and a soft value that crosses
/// a cut yields to a strong value the next chunk owns.
@Suite struct SoftBoundaryTests {
  static let rules = try! RuleSet.embedded()

  /// A CSV whose rows are longer than the small chunk sizes, with soft columns, spaced card
  /// numbers (whose groups must not be read again as landlines after a cut) and a remark cell
  /// holding labelled pairs; then free text lines with cue words.
  static func fixture() -> String {
    var text = "姓名,性别,民族,学历,婚姻状况,家庭住址,工作单位,银行卡号,备注\n"
    let names = ["张伟", "王秀英", "李娜", "欧阳明", "赵磊"]
    let streets = ["建国路", "解放大街", "人民南路", "中山北路", "长江路"]
    for n in 0..<40 {
      let name = names[n % names.count]
      let address = "北京市朝阳区\(streets[n % streets.count])\(10 + n)号\(n % 7 + 1)单元\(100 + n)室"
      let card = n % 2 == 0 ? "6222 0755 8612 3458" : "6222021234567890128"
      text += "\(name),\(n % 2 == 0 ? "男" : "女"),汉族,本科,已婚,\(address),北京新锐机械制造有限公司,"
      text += "\(card),紧急联系人：\(names[(n + 2) % names.count]) 关系：配偶\n"
    }
    return text
  }

  /// Every finding as a line, and the count per category.
  final class Collector: FindingSink {
    var lines: [String] = []
    var categories: [String: Int] = [:]
    func receive(_ batch: FindingBatch) {
      for f in batch.findings {
        let category = f.category.id
        categories[category, default: 0] += 1
        lines.append(
          "\(f.offset)+\(f.length) \(category) \(f.value) L\(f.line) C\(f.column) R\(f.record)")
      }
    }
  }

  struct Scanned: Sendable {
    let lines: [String]
    let categories: [String: Int]
  }

  static func scan(_ path: String, chunkSize: Int, threads: Int) -> Scanned {
    let configuration = ScanConfiguration(
      threads: threads, layout: ChunkLayout(chunkSize: chunkSize),
      detection: DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!))
    let collector = Collector()
    ScanPipeline(rules: rules, configuration: configuration).run(
      inputs: [ScanInput(path: path, kind: .regularFile, size: nil)], sink: collector)
    return Scanned(lines: collector.lines, categories: collector.categories)
  }

  static let path: String = {
    temporaryFile("soft-boundary.csv", Data(fixture().utf8))
  }()

  static let baseline = scan(path, chunkSize: ChunkLayout.defaultChunkSize, threads: 1)

  @Test func baselineHoldsEveryKindOfValue() {
    let found = Self.baseline.categories
    #expect(found["person_name_zh"] == 80)  // the name column and the contact in the remark
    #expect(found["home_address"] == 40)
    #expect(found["work_unit"] == 40)
    #expect(found["cn_bank_card"] == 40)
    #expect(found["cn_landline"] == nil, "a group of a spaced card read as a landline")
  }

  @Test(arguments: [1, 5, 16, 97, 200])
  func sameSoftFindingsForEveryChunkSize(chunkSize: Int) {
    let lines = Self.scan(Self.path, chunkSize: chunkSize, threads: 2).lines
    let want = Self.baseline.lines
    #expect(lines.count == want.count)
    for (got, expected) in zip(lines, want) where got != expected {
      Issue.record("got \(got), want \(expected)")
      break
    }
  }

  // MARK: Settling overlaps across a cut

  static func finding(_ offset: Int64, _ length: Int, soft: Bool) -> Finding {
    Finding(
      offset: offset, length: length, rule: rules.rules[0], value: "", valid: true,
      reasonCode: nil, confidence: .high, flags: soft ? .soft : [])
  }

  static func spans(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.offset)+\($0.length)\($0.isSoft ? "s" : "")" }
  }

  @Test func aSoftValueCrossingACutYieldsToAStrongOneAfterIt() {
    var overlaps = BoundarySettler()
    // Chunk [0, 20): a strong value, a soft value running to 30, a later strong one is not
    // possible in this chunk (it would start after 20).
    let first = overlaps.settle(
      [Self.finding(2, 5, soft: false), Self.finding(12, 18, soft: true)], ownedEnd: 20)
    #expect(Self.spans(first) == ["2+5"])  // the crossing soft value is held
    // Chunk [20, 40): a strong value inside the held soft one, then a soft one of its own.
    let second = overlaps.settle(
      [Self.finding(25, 11, soft: false), Self.finding(38, 2, soft: true)], ownedEnd: 40)
    #expect(Self.spans(second) == ["25+11", "38+2s"])
    #expect(overlaps.finish().isEmpty)
  }

  @Test func aSoftValueAfterACutYieldsToAStrongOneCrossingIt() {
    var overlaps = BoundarySettler()
    let first = overlaps.settle([Self.finding(15, 10, soft: false)], ownedEnd: 20)
    #expect(Self.spans(first) == ["15+10"])
    let second = overlaps.settle(
      [Self.finding(22, 4, soft: true), Self.finding(30, 4, soft: true)], ownedEnd: 40)
    #expect(Self.spans(second) == ["30+4s"])
  }

  @Test func heldFindingsKeepTheirOrderAndSurviveWithoutOverlap() {
    var overlaps = BoundarySettler()
    let first = overlaps.settle(
      [
        Self.finding(5, 30, soft: true), Self.finding(8, 3, soft: false),
        Self.finding(12, 2, soft: true),
      ],
      ownedEnd: 20)
    // The strong value at 8 overlaps the soft one at 5: that one goes; nothing crosses.
    #expect(Self.spans(first) == ["8+3", "12+2s"])
    let second = overlaps.settle([Self.finding(25, 30, soft: true)], ownedEnd: 40)
    #expect(second.isEmpty)
    let third = overlaps.settle([Self.finding(45, 3, soft: true)], ownedEnd: 60)
    #expect(Self.spans(third) == ["25+30s", "45+3s"])
    #expect(overlaps.finish().isEmpty)
  }

  @Test func whatIsHeldAtTheEndIsPassedOn() {
    var overlaps = BoundarySettler()
    #expect(overlaps.settle([Self.finding(15, 10, soft: true)], ownedEnd: 20).isEmpty)
    #expect(Self.spans(overlaps.finish()) == ["15+10s"])
  }
}
