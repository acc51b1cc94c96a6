import Foundation
import Testing

@testable import PIIScanCore

/// Findings must not depend on how the input is cut or how many threads scan it: the same
/// bytes, the same findings, byte for byte, with values planted across every kind of cut.
@Suite struct ChunkInvarianceTests {
  static let asOf = CivilDate(year: 2026, month: 11, day: 29)!
  static let rules = try! RuleSet.embedded()

  /// A text with planted values and where each was planted (offset, value).
  static func plantedText() -> (text: [UInt8], planted: [(offset: Int, value: String)]) {
    let values = [
      "110101199003071233", "13912345670", "6222021234567890128", "zhang.san@163.com",
      "0755-86123456", "530102199001010011X".dropLast().description, "18612345678",
    ]
    var text: [UInt8] = []
    var planted: [(Int, String)] = []
    func put(_ s: String) { text.append(contentsOf: s.utf8) }
    // Short lines with values at every column position mod 13, CRLF on some.
    for n in 0..<300 {
      put(String(repeating: n % 3 == 0 ? "字" : "a ", count: n % 13))
      let value = values[n % values.count]
      planted.append((text.count, value))
      put(value)
      put(n % 5 == 0 ? "\r\n" : " 尾\n")
    }
    // One line far longer than the small chunk sizes, with values all along it.
    for n in 0..<400 {
      put(String(repeating: n % 2 == 0 ? "x" : "，", count: n % 9 + 1))
      put(" ")
      let value = values[(n * 3) % values.count]
      planted.append((text.count, value))
      put(value)
      put(" ")
    }
    put("\n")
    // Decoys that must never be found.
    put("1732800000000 2023112912345678901 a13912345670 1.3800138000\n")
    return (text, planted)
  }

  static func scan(
    file: String, kind: ScanInput.Kind, chunkSize: Int, threads: Int, mapping: Bool = false
  ) -> [String] {
    let configuration = ScanConfiguration(
      threads: threads, layout: ChunkLayout(chunkSize: chunkSize), useMapping: mapping,
      detection: DetectionSettings(asOf: asOf))
    let collector = CollectingSink()
    ScanPipeline(rules: rules, configuration: configuration).run(
      inputs: [ScanInput(path: file, kind: kind, size: nil)], sink: collector)
    return collector.lines
  }

  static let fixture: String = {
    temporaryFile("invariance.txt", Data(plantedText().text))
  }()

  static let baseline = scan(
    file: fixture, kind: .regularFile, chunkSize: ChunkLayout.defaultChunkSize, threads: 1)

  @Test func baselineFindsExactlyThePlantedValues() {
    let (text, planted) = Self.plantedText()
    let found = Self.baseline.map { line -> (Int, String) in
      let parts = line.split(separator: " ")
      return (Int(parts[0].split(separator: "+")[0])!, String(parts[2]))
    }
    #expect(found.count == planted.count)
    for (f, p) in zip(found, planted) {
      #expect(f.0 == p.offset && f.1 == p.value.replacingOccurrences(of: "-", with: "-"))
    }
    // Lines and columns agree with a direct count over the text.
    let lines = Self.baseline.prefix(20)
    for line in lines {
      let parts = line.split(separator: " ")
      let offset = Int(parts[0].split(separator: "+")[0])!
      let before = text[..<offset]
      let lineNumber = before.filter { $0 == 0x0A }.count + 1
      let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
      let column = String(decoding: text[lineStart..<offset], as: UTF8.self).count + 1
      #expect(parts.contains { $0 == "L\(lineNumber)" }, "\(line)")
      #expect(parts.contains { $0 == "C\(column)" }, "\(line)")
      #expect(parts.contains { $0 == "R\(lineStart)" }, "\(line)")
    }
  }

  /// The first place where `lines` differs from the baseline, or nil.
  static func difference(_ lines: [String]) -> String? {
    for (index, (got, want)) in zip(lines, baseline).enumerated() where got != want {
      return "finding \(index): got \(got), want \(want)"
    }
    if lines.count != baseline.count {
      return "got \(lines.count) findings, want \(baseline.count)"
    }
    return nil
  }

  @Test(arguments: [1, 7, 64, 4096, ChunkLayout.defaultChunkSize])
  func sameFindingsForEveryChunkSize(chunkSize: Int) {
    let lines = Self.scan(file: Self.fixture, kind: .regularFile, chunkSize: chunkSize, threads: 3)
    #expect(Self.difference(lines) == nil)
  }

  @Test(arguments: [1, 2, 4])
  func sameFindingsForEveryThreadCount(threads: Int) {
    let lines = Self.scan(file: Self.fixture, kind: .regularFile, chunkSize: 333, threads: threads)
    #expect(Self.difference(lines) == nil)
  }

  @Test(arguments: [1, 7, 64, 4096])
  func aStreamGivesTheSameFindingsAsTheFile(chunkSize: Int) {
    let lines = Self.scan(file: Self.fixture, kind: .stream, chunkSize: chunkSize, threads: 2)
    #expect(Self.difference(lines) == nil)
  }

  /// A byte-order mark is no character of the first line, and that line's record starts after
  /// it, also when the line runs over several chunks.
  @Test(arguments: [1, 2, 5, 7, 64])
  func aByteOrderMarkIsNoCharacterOfALongFirstLine(chunkSize: Int) throws {
    let line = "工号：13912345670 尾\n"
    let utf16 = line.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    for (name, bytes, mark) in [
      ("utf8", [0xEF, 0xBB, 0xBF] + Array(line.utf8), 3), ("utf16", [0xFF, 0xFE] + utf16, 2),
    ] {
      let path = temporaryFile("bom-\(name)-\(chunkSize).txt", Data(bytes))
      defer { try? FileManager.default.removeItem(atPath: path) }
      let lines = Self.scan(file: path, kind: .regularFile, chunkSize: chunkSize, threads: 2)
      #expect(lines.count == 1)
      #expect(lines.first?.hasSuffix(" L1 C4 R\(mark)") == true, "\(name): \(lines)")
    }
  }

  @Test(arguments: [7, 4096])
  func aMappedFileGivesTheSameFindings(chunkSize: Int) {
    let lines = Self.scan(
      file: Self.fixture, kind: .regularFile, chunkSize: chunkSize, threads: 2, mapping: true)
    #expect(Self.difference(lines) == nil)
  }
}
