import Foundation
import Testing

@testable import PIIScanCore

/// Users' regex rules must give the same findings, byte for byte, whatever the chunk size, the
/// thread count and the way the input is read: values planted across every kind of cut, on
/// short lines and on one line far longer than a chunk, and patterns whose matches chain into
/// one another (where a naive "start scanning at the owned start" would disagree with itself).
@Suite struct RegexChunkInvarianceTests {
  static let asOf = CivilDate(year: 2026, month: 11, day: 29)!

  static let userRules = """
    [[rules]]
    id = "acme-staff-number"
    category = "acme_staff_number"
    description = "ACME staff number."
    validator = "regex"
    regex = '''(?<![A-Za-z0-9])ACME-[0-9]{6}(?![0-9])'''
    context = ["工号", "staff"]
    [rules.examples]
    match = ["工号：ACME-123456"]
    nomatch = ["ACME-12345"]

    [[rules]]
    id = "acme-contract"
    category = "acme_contract"
    description = "Contract number: two letters, eight digits."
    validator = "regex"
    regex = '''(?<![A-Za-z0-9])[A-Z]{2}[0-9]{8}(?![0-9])'''
    context = ["合同"]
    [rules.examples]
    match = ["合同 HT20240001"]
    nomatch = ["HT2024000"]

    [[rules]]
    id = "acme-triplet"
    category = "acme_triplet"
    description = "Any three digits: matches chain into one another in every digit run."
    validator = "regex"
    regex = '''[0-9]{3}'''
    [rules.examples]
    match = ["x123y"]
    nomatch = ["x12y"]

    [[rules]]
    id = "acme-upper-run"
    category = "acme_upper_run"
    description = "A run of capitals: some runs here are longer than the longest match."
    validator = "regex"
    regex = '''[A-Z]+Q'''
    [rules.examples]
    match = ["abcXYZQdef"]
    nomatch = ["abcXYZdef"]
    """

  static let rules = try! RuleSet.embedded(
    adding: [(path: "user/acme.toml", text: userRules)], settings: DetectionSettings(asOf: asOf))

  /// A text with planted user values: short lines (some CRLF) with values at every column,
  /// then one line of 20 KB with values, digit runs and capital runs all along it.
  static func plantedText() -> (text: [UInt8], staff: [Int]) {
    var text: [UInt8] = []
    var staff: [Int] = []
    func put(_ s: String) { text.append(contentsOf: s.utf8) }
    for n in 0..<200 {
      put(String(repeating: n % 3 == 0 ? "字" : "a ", count: n % 11))
      if n % 4 == 0 { put("工号：") }
      staff.append(text.count)
      put("ACME-\(String(100_000 + n * 37))")
      put(n % 2 == 0 ? " 合同 HT2024\(String(format: "%04d", n))" : " ")
      put(n % 5 == 0 ? "\r\n" : " 尾\n")
    }
    for n in 0..<500 {
      put(String(repeating: n % 2 == 0 ? "x" : "，", count: n % 9 + 1))
      put(" ")
      staff.append(text.count)
      put("ACME-\(String(200_000 + n * 91)) ")
      // Digit runs of every length; every 40th one longer than the longest match, so that
      // triplets straddle the restart grid's probe points.
      put(String(repeating: "7", count: n % 40 == 39 ? 700 + n : n % 23))
      put(" ")
      put(String(repeating: "K", count: (n * 37) % 300))  // capital runs, some over 256 bytes
      put(n % 3 == 0 ? "Q " : " ")
    }
    put("\n")
    return (text, staff)
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

  static func fixture(_ name: String, _ bytes: [UInt8]) -> String {
    temporaryFile("regex-invariance-\(name).txt", Data(bytes))
  }

  static let utf8File = fixture("utf8", plantedText().text)
  static let baseline = scan(
    file: utf8File, kind: .regularFile, chunkSize: ChunkLayout.defaultChunkSize, threads: 1)

  /// The rule index of a rule id.

  @Test func baselineFindsEveryPlantedStaffNumberAndNothingElse() {
    let staff = Self.baseline.filter { $0.contains(" acme-staff-number ") }
    let offsets = staff.map { Int($0.split(separator: "+")[0])! }
    #expect(offsets == Self.plantedText().staff)
    #expect(staff.allSatisfy { $0.contains("+11 ") })
  }

  @Test func chainingAndLongPatternsFindWhatAPlainScanFinds() {
    // In digit runs shorter than the longest match the segment grid changes nothing: every
    // run is cut into triplets from its start. (In longer runs the cut restarts on the grid.)
    // A capital run longer than 256 bytes is no value.
    let (text, _) = Self.plantedText()
    let triplets = Self.baseline.filter { $0.contains(" acme-triplet ") }
      .map { Int($0.split(separator: "+")[0])! }
    var expected: [Int] = []
    var inShortRuns = Set<Int>()
    var longRuns = 0
    var i = 0
    while i < text.count {
      guard (0x30...0x39).contains(text[i]) else {
        i += 1
        continue
      }
      var end = i
      while end < text.count && (0x30...0x39).contains(text[end]) { end += 1 }
      if end - i < RegexDetector.maxMatchLength {
        inShortRuns.formUnion(i..<end)
        var start = i
        while start + 3 <= end {
          expected.append(start)
          start += 3
        }
      } else {
        longRuns += 1
      }
      i = end
    }
    #expect(longRuns == 12)
    #expect(triplets.filter(inShortRuns.contains) == expected)
    let runs = Self.baseline.filter { $0.contains(" acme-upper-run ") }
    #expect(!runs.isEmpty)
    #expect(runs.allSatisfy { Int($0.split(separator: " ")[0].split(separator: "+")[1])! <= 256 })
  }

  static func difference(_ lines: [String], _ baseline: [String] = baseline) -> String? {
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
    let lines = Self.scan(file: Self.utf8File, kind: .regularFile, chunkSize: chunkSize, threads: 3)
    #expect(Self.difference(lines) == nil)
  }

  @Test(arguments: [1, 2, 4])
  func sameFindingsForEveryThreadCount(threads: Int) {
    let lines = Self.scan(file: Self.utf8File, kind: .regularFile, chunkSize: 333, threads: threads)
    #expect(Self.difference(lines) == nil)
  }

  @Test(arguments: [1, 7, 64, 4096])
  func aStreamGivesTheSameFindingsAsTheFile(chunkSize: Int) {
    let lines = Self.scan(file: Self.utf8File, kind: .stream, chunkSize: chunkSize, threads: 2)
    #expect(Self.difference(lines) == nil)
  }

  /// UTF-16 text is decoded per window, and restart points are stored offsets mapped into it.
  static let utf16File: String = {
    let text = String(decoding: plantedText().text, as: UTF8.self)
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    return fixture("utf16", bytes)
  }()

  @Test(arguments: [7, 64, 4096])
  func decodedTextGivesTheSameFindingsForEveryChunkSize(chunkSize: Int) {
    let whole = Self.scan(
      file: Self.utf16File, kind: .regularFile, chunkSize: ChunkLayout.defaultChunkSize, threads: 1)
    // The same values as in UTF-8 (the grid lies on stored offsets, so only how triplets cut
    // the long digit runs may differ between encodings).
    let staff = " acme-staff-number "
    #expect(whole.filter { $0.contains(staff) }.count == Self.plantedText().staff.count)
    let lines = Self.scan(
      file: Self.utf16File, kind: .regularFile, chunkSize: chunkSize, threads: 2)
    #expect(Self.difference(lines, whole) == nil)
  }
}
