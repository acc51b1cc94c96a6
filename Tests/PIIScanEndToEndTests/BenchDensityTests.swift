import Foundation
import PIIScanEvaluation
import Testing

/// The bench corpora carry personal information at the densities they claim: one value per
/// about 40 bytes on every line of a dense dump, about 1 % of personal lines in sparse prose and
/// logs. Everything is measured from what `piiscan-corpus bench` writes (the corpus and its
/// truth file), never taken from the generator's own constants; the dense truth is also checked
/// against piiscan's findings, which are computed by code written independently of it.
@Suite(.serialized) struct BenchDensityTests {
  /// A generated corpus: its bytes, its lines (without the line feed) and its labels.
  struct Corpus: Sendable {
    var bytes: Data
    var lines: [ArraySlice<UInt8>]
    var labels: [Label]
    var path: URL

    /// How many labels each line (1-based) has.
    var labelsPerLine: [Int: Int] {
      var counts: [Int: Int] = [:]
      for label in labels { counts[label.line, default: 0] += 1 }
      return counts
    }
  }

  static let strong: Set<String> = [
    "cn_resident_id", "cn_resident_id_15", "cn_mobile", "cn_landline", "cn_bank_card", "email",
  ]

  /// Runs `piiscan-corpus bench` into a fresh directory and reads back what it wrote.
  static func generate(_ arguments: [String], name: String = "bench.txt") throws -> Corpus {
    let directory = try Binary.temporaryDirectory("bench")
    let path = directory.appendingPathComponent(name)
    let truth = directory.appendingPathComponent("truth.jsonl")
    let result = try Binary.run(
      ["bench", "--seed", "42", "--out", path.path, "--truth", truth.path] + arguments,
      program: "piiscan-corpus")
    guard result.status == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSDebugDescriptionErrorKey: result.stderr])
    }
    let bytes = try Data(contentsOf: path)
    var lines = Array(bytes).split(separator: 10, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    let labels = try Scoring.readJSONLines(Label.self, from: Data(contentsOf: truth))
    return Corpus(bytes: bytes, lines: lines, labels: labels, path: path)
  }

  static let dense = Result { try generate(["--density", "dense", "--bytes", "3M"]) }

  @Test func aDenseDumpCarriesAboutOneValuePer40Bytes() throws {
    let corpus = try Self.dense.get()
    let bytesPerValue = Double(corpus.bytes.count) / Double(corpus.labels.count)
    #expect((32...48).contains(bytesPerValue), "one value per \(bytesPerValue) bytes")
    // The strong identifiers alone: one per 60 to 100 bytes, as in the dumps of issue 10.
    let strong = corpus.labels.filter { Self.strong.contains($0.category) }.count
    let bytesPerStrong = Double(corpus.bytes.count) / Double(strong)
    #expect((60...100).contains(bytesPerStrong), "one strong value per \(bytesPerStrong) bytes")
  }

  @Test func everyLineOfADenseDumpButAHeaderCarriesAValue() throws {
    let corpus = try Self.dense.get()
    let perLine = corpus.labelsPerLine
    var headers = 0
    for (index, line) in corpus.lines.enumerated() where perLine[index + 1] == nil {
      // A line with no value must be a table's header: a CREATE TABLE statement, or a CSV
      // header row (column names only: no digit in it).
      let text = String(decoding: line, as: UTF8.self)
      let isHeader =
        text.hasPrefix("CREATE TABLE ")
        || (text.contains(",") && !line.contains(where: { $0 >= 48 && $0 <= 57 }))
      #expect(isHeader, "line \(index + 1) carries no value: \(text.prefix(80))")
      headers += 1
    }
    #expect(headers * 1_000 < corpus.lines.count, "\(headers) of \(corpus.lines.count) lines")
    #expect(corpus.lines.count > 10_000)
  }

  @Test func aDenseDumpHoldsInvalidValuesAndTheSoftFieldsAroundThem() throws {
    let corpus = try Self.dense.get()
    let strong = corpus.labels.filter { Self.strong.contains($0.category) }
    let invalid = strong.filter { !$0.valid }.count
    #expect(invalid * 100 >= strong.count * 5 && invalid * 100 <= strong.count * 15)
    let categories = Set(corpus.labels.map(\.category))
    for category in Self.strong.union(["person_name_zh", "gender", "birth_date", "home_address"]) {
      #expect(categories.contains(category), "no \(category) label")
    }
  }

  /// Each label points at its value: the text at its line and column starts with it (for the
  /// values written as they are normalised: e-mails, ID numbers, soft fields).
  @Test func denseLabelsPointAtTheirValues() throws {
    let corpus = try Self.dense.get()
    var checked = 0
    var scalars: (line: Int, text: [Unicode.Scalar]) = (0, [])
    for label in corpus.labels {
      guard ["email", "cn_resident_id", "person_name_zh", "home_address"].contains(label.category)
      else { continue }
      if scalars.line != label.line {
        let text = String(decoding: corpus.lines[label.line - 1], as: UTF8.self)
        scalars = (label.line, Array(text.unicodeScalars))
      }
      let start = (label.column ?? 1) - 1
      let written = scalars.text[
        start..<min(start + label.value.unicodeScalars.count, scalars.text.count)]
      var found = String.UnicodeScalarView()
      found.append(contentsOf: written)
      #expect(
        String(found).uppercased() == label.value.uppercased(),
        "line \(label.line) column \(start + 1): \(label.value)")
      checked += 1
    }
    #expect(checked > 10_000)
  }

  /// piiscan, written independently of the generator, finds the dense corpus's strong values
  /// where the truth file says they are.
  @Test func piiscanAgreesWithTheDenseTruth() throws {
    let corpus = try Self.dense.get()
    let scan = try Binary.run([
      "scan", "--format", "jsonl", "--reveal", "--as-of", "2026-11-29", "--only",
      Self.strong.sorted().joined(separator: ","), corpus.path.path,
    ])
    #expect(scan.status == 1, "\(scan.stderr)")
    var findings = try Scoring.readJSONLines(ReportedFinding.self, from: scan.stdoutData)
    for index in findings.indices { findings[index].path = corpus.path.lastPathComponent }
    let scores = Scoring.score(labels: corpus.labels, findings: findings, categories: Self.strong)
    #expect(scores.count == Self.strong.count)
    for score in scores {
      #expect(score.precision >= 0.99 && score.recall >= 0.99, "\(score)")
    }
  }

  @Test func aboutOneLineInAHundredOfASparseCorpusIsPersonal() throws {
    let corpus = try Self.generate(["--density", "sparse", "--bytes", "6M"])
    let personal = corpus.labelsPerLine.count
    let share = Double(personal) / Double(corpus.lines.count)
    #expect((0.007...0.013).contains(share), "\(personal) of \(corpus.lines.count) lines")
    #expect(corpus.lines.count > 30_000)
    #expect(
      corpus.labels.allSatisfy {
        Self.strong.contains($0.category) || $0.category.hasSuffix("_masked")
      })
  }

  /// `--density mixed` is the corpus `bench` always wrote, so old runs stay comparable.
  @Test func mixedIsTheDefault() throws {
    let implicit = try Self.generate(["--bytes", "300K"])
    let explicit = try Self.generate(["--density", "mixed", "--bytes", "300K"])
    #expect(implicit.bytes == explicit.bytes)
    #expect(implicit.labels == explicit.labels)
    #expect(!implicit.labels.isEmpty)
    let dense = try Self.generate(["--density", "dense", "--bytes", "300K"])
    #expect(dense.bytes != implicit.bytes)
  }

  @Test func anUnknownDensityIsRefused() throws {
    let result = try Binary.run(
      ["bench", "--density", "thick", "--bytes", "1K", "--out", "/dev/null"],
      program: "piiscan-corpus")
    #expect(result.status == 1)
    #expect(result.stderr.contains("--density must be dense, mixed or sparse"))
  }
}
