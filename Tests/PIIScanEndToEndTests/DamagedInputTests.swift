import Foundation
import Testing

/// Damaged evidence, end to end (issue 8, classes 4, 5 and 7): compressed files cut anywhere,
/// trailing garbage, a tar member longer than its archive, stacked compressions, and a UTF-16
/// byte order mark in front of UTF-8 text.
@Suite(.serialized) struct DamagedInputTests {
  /// A CSV of `rows` synthetic resident ID numbers (made-up, with a correct check character),
  /// one per line: `序号,身份证号,备注`.
  static func idTable(rows: Int) -> String {
    let regions = ["110105", "310104", "440305", "510107", "330106", "420111"]
    var state: UInt64 = 20_261_204
    func next(_ bound: UInt64) -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (state >> 33) % bound
    }
    var text = "序号,身份证号,备注\n"
    for row in 0..<rows {
      let date = String(
        format: "%04d%02d%02d", 1950 + Int(next(60)), 1 + Int(next(12)), 1 + Int(next(28)))
      let body = regions[Int(next(6))] + date + String(format: "%03d", Int(next(1000)))
      text += "\(row),\(body + checkCharacter(body)),样本\(next(100_000))\n"
    }
    return text
  }

  /// The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2), written here from
  /// the standard's definition, independently of the scanner's validator.
  static func checkCharacter(_ digits: String) -> String {
    var sum = 0
    for (index, digit) in digits.enumerated() {
      // The weight of position i (counted from 1 at the left) is 2^(18 - i) mod 11.
      var weight = 1
      for _ in 0..<(17 - index) { weight = weight * 2 % 11 }
      sum += Int(String(digit))! * weight
    }
    let value = (12 - sum % 11) % 11
    return value == 10 ? "X" : String(value)
  }

  /// The ID numbers written whole in `text`: the second field of each line, when all of its 18
  /// characters are there (a line cut short may end inside it).
  static func wholeIDs(in text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      return fields.count >= 2 && fields[1].count == 18
    }.count
  }

  struct Format: Sendable, CustomTestStringConvertible {
    let compress: String
    let decompress: String
    let suffix: String
    var testDescription: String { suffix }
  }

  static let formats = [
    Format(compress: "gzip -n -c", decompress: "gzip -dc", suffix: "gz"),
    // Blocks of 100 kB, so that a cut file has whole blocks before the cut.
    Format(compress: "bzip2 -1 -c", decompress: "bzip2 -dc", suffix: "bz2"),
    Format(compress: "xz -c", decompress: "xz -dc", suffix: "xz"),
    Format(compress: "zstd -q -c", decompress: "zstd -q -dc", suffix: "zst"),
  ]

  /// Cut anywhere, a compressed CSV gives piiscan at least 99% of the ID numbers in what the
  /// format's own tool recovers from the same cut file, each of them right (the original's, in
  /// order), and a truncation notice. piiscan may recover more than the tool: `bzip2 -dc` and
  /// `zstd -dc` drop what their last read decoded when they meet the damage.
  @Test(arguments: formats)
  func class4CutCompressedTableGivesWhatTheToolRecovers(_ format: Format) throws {
    let directory = try Binary.temporaryDirectory("cut-\(format.suffix)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let table = Self.idTable(rows: 12_000)
    let ids = table.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[1]) }
    try table.write(
      to: directory.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
    try InputFormsTests.shell("\(format.compress) ids.csv > ids.\(format.suffix)", in: directory)
    let whole = try Data(contentsOf: directory.appendingPathComponent("ids.\(format.suffix)"))
    let cuts = (1...12).map { whole.count * $0 / 13 } + [9_000, whole.count - 3]
    var expected: [String: Int] = [:]
    for cut in cuts {
      let name = "cut\(cut).\(format.suffix)"
      try whole.prefix(cut).write(to: directory.appendingPathComponent(name))
      try InputFormsTests.shell(
        "\(format.decompress) \(name) > \(name).out 2>/dev/null || true", in: directory)
      let recovered = try String(
        decoding: Data(contentsOf: directory.appendingPathComponent("\(name).out")),
        as: UTF8.self)
      expected[directory.appendingPathComponent(name).path] = Self.wholeIDs(in: recovered)
    }
    let result = try Binary.run(
      ["scan", "--format", "jsonl", "--reveal", "--only", "cn_resident_id", "--no-progress"]
        + expected.keys.sorted())
    var found: [String: [String]] = [:]
    var truncated = Set<String>()
    for line in result.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      let path = object["path"] as! String
      if object["category"] as? String == "cn_resident_id" {
        found[path, default: []].append(object["value"] as! String)
      }
      if object["notice"] as? String == "truncated" { truncated.insert(path) }
    }
    for (path, count) in expected.sorted(by: { $0.key < $1.key }) {
      let name = URL(fileURLWithPath: path).lastPathComponent
      let values = found[path] ?? []
      #expect(
        values.count * 100 >= count * 99, "\(name): piiscan \(values.count), the tool \(count)")
      #expect(values == Array(ids.prefix(values.count)), "\(name): values differ")
      #expect(truncated.contains(path), "\(name): no truncation notice")
    }
    #expect(expected.values.contains { $0 > 1000 }, "the cuts recover too little to test")
  }

  @Test func class4GzipTrailingGarbageIsNoticedAndScanned() throws {
    let directory = try Binary.temporaryDirectory("trailing")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.idTable(rows: 100).write(
      to: directory.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
    try InputFormsTests.shell(
      "gzip -n -c ids.csv > f.gz && yes 'not gzip data' | head -c 4000 >> f.gz"
        + " && printf '\\n联系人手机 13912345670\\n' >> f.gz", in: directory)
    let result = try Binary.run(
      ["scan", "--format", "jsonl", "--no-progress", directory.appendingPathComponent("f.gz").path])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.filter { $0.contains("\"cn_resident_id\"") }.count == 100)
    #expect(lines.contains { $0.contains("\"notice\":\"trailing-data\"") }, "\(result.stdout)")
    #expect(
      lines.contains { $0.contains("\"cn_mobile\"") && $0.contains("(trailing data at offset") },
      "\(result.stdout)")
  }

  @Test func class4TarMemberLongerThanItsArchiveIsScannedWithANotice() throws {
    let directory = try Binary.temporaryDirectory("tar-size")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.idTable(rows: 50).write(
      to: directory.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
    try InputFormsTests.shell("tar cf a.tar --format=gnu ids.csv", in: directory)
    var tar = [UInt8](try Data(contentsOf: directory.appendingPathComponent("a.tar")))
    // The size field (12 bytes at 124) says 8 GiB; the header checksum (at 148) is recomputed.
    tar.replaceSubrange(124..<136, with: Array("77777777777".utf8) + [0])
    for index in 148..<156 { tar[index] = 0x20 }
    let sum = tar[0..<512].reduce(0) { $0 + Int($1) }
    tar.replaceSubrange(148..<156, with: Array(String(format: "%06o", sum).utf8) + [0, 0x20])
    let path = directory.appendingPathComponent("big.tar").path
    try Data(tar).write(to: URL(fileURLWithPath: path))
    let result = try Binary.run(["scan", "--format", "jsonl", "--no-progress", path])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.filter { $0.contains("\"cn_resident_id\"") }.count == 50, "\(result.stdout)")
    #expect(!lines.contains { $0.contains("\"notice\":\"binary\"") }, "\(result.stdout)")
    #expect(
      lines.contains { $0.contains("\"notice\":\"truncated\"") && $0.contains("ids.csv") },
      "\(result.stdout)")
  }

  @Test func class5FiftyNestedGzipsStopAtTheDepthLimit() throws {
    let directory = try Binary.temporaryDirectory("nested")
    defer { try? FileManager.default.removeItem(at: directory) }
    try "身份证号 11010519491231002X\n".write(
      to: directory.appendingPathComponent("l0"), atomically: true, encoding: .utf8)
    try InputFormsTests.shell(
      "i=0; while [ $i -lt 50 ]; do gzip -n -c l$i > l$((i+1)); i=$((i+1)); done", in: directory)
    let result = try Binary.run(
      ["scan", "--format", "jsonl", "--no-progress", directory.appendingPathComponent("l50").path])
    #expect(
      result.stdout.contains("\"notice\":\"limit\"")
        && result.stdout.contains("nested more than 8 deep"), "\(result.stdout)")
    #expect(!result.stdout.contains("too many filters"))
    let deep = try Binary.run(
      [
        "scan", "--format", "jsonl", "--no-progress", "--max-depth", "60",
        directory.appendingPathComponent("l50").path,
      ])
    #expect(deep.stdout.contains("\"cn_resident_id\""), "\(deep.stdout)")
  }

  /// `FF FE` (or `FE FF`) in front of UTF-8 text is damage, not UTF-16: the IDs are found, with
  /// offsets in the file and the header row read as such.
  @Test(arguments: ["\\377\\376", "\\376\\377"])
  func class7UTF16MarkBeforeUTF8Text(mark: String) throws {
    let directory = try Binary.temporaryDirectory("bom")
    defer { try? FileManager.default.removeItem(at: directory) }
    let table = Self.idTable(rows: 30)
    try table.write(
      to: directory.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
    try InputFormsTests.shell("(printf '\(mark)'; cat ids.csv) > marked.csv", in: directory)
    let result = try Binary.run([
      "scan", "--format", "jsonl", "--reveal", "--only", "cn_resident_id", "--no-progress",
      directory.appendingPathComponent("marked.csv").path,
    ])
    let findings = try result.stdout.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }.filter { $0["category"] as? String == "cn_resident_id" }
    #expect(findings.count == 30, "\(result.stdout)")
    let first = try #require(findings.first)
    let id = table.split(separator: "\n")[1].split(separator: ",")[1]
    #expect(first["value"] as? String == String(id))
    // 2 bytes of mark, the header line, then "0," before the number.
    #expect(first["offset"] as? Int == 2 + "序号,身份证号,备注\n".utf8.count + 2)
    #expect(first["line"] as? Int == 2)
    #expect(first["column"] as? Int == 3)
  }
}
