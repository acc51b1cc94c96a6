import Foundation
import Testing

/// `--csv-bom`: a CSV report that starts with the UTF-8 byte-order mark, so spreadsheet programs
/// take it as UTF-8 (Excel on Chinese Windows otherwise reads it as GBK), read back by real CSV
/// readers: Python's `csv` module with the `utf-8-sig` codec, and LibreOffice Calc (headless;
/// `make test` installs it). Excel itself does not run here, and LibreOffice does not guess an
/// encoding from the mark when converting headless, so Calc is told UTF-8, as Excel decides
/// from the mark; what it checks is that the mark is read as an encoding mark and not as data
/// (the first cell is `path`, not `\u{FEFF}path`) and that every cell, Chinese included, comes
/// through.
@Suite(.serialized) struct CSVByteOrderMarkTests {
  static let asOf = "2026-11-29"
  static let mark = Data([0xEF, 0xBB, 0xBF])

  static let reports: [(name: String, arguments: [String])] = [
    ("scan", ["scan", "samples/data/csv", "--format", "csv", "--as-of", asOf]),
    ("size", ["size", "samples/data/csv", "--format", "csv", "--lang", "zh", "--as-of", asOf]),
  ]

  /// The report with and without the mark, written to files.
  static func write(_ arguments: [String], to directory: URL) throws -> (marked: URL, plain: URL) {
    let marked = directory.appendingPathComponent("marked.csv")
    let plain = directory.appendingPathComponent("plain.csv")
    for (url, extra) in [(marked, ["--csv-bom"]), (plain, [])] {
      let result = try Binary.run(arguments + extra + ["--output", url.path])
      #expect(result.status == 1, "\(result.stderr)")
    }
    return (marked, plain)
  }

  /// The mark is the first three bytes, and nothing else changes; without the flag no format
  /// gets one (JSON and text neither).
  @Test(arguments: reports.map(\.name))
  func theMarkStartsTheFileAndChangesNothingElse(report: String) throws {
    let arguments = Self.reports.first { $0.name == report }!.arguments
    let (marked, plain) = try Self.write(arguments, to: try Binary.temporaryDirectory("bom"))
    let markedBytes = try Data(contentsOf: marked)
    let plainBytes = try Data(contentsOf: plain)
    #expect(markedBytes.prefix(3) == Self.mark)
    // (The sizing report's run rows hold the command line and the times.)
    func stable(_ data: Data) -> [Substring] {
      String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("run,") }
    }
    #expect(stable(markedBytes.dropFirst(3)) == stable(plainBytes))
    #expect(plainBytes.prefix(3) != Self.mark)
    // Asked of another format, the flag writes no mark.
    var other = arguments
    other[other.firstIndex(of: "csv")!] = report == "scan" ? "jsonl" : "json"
    let json = try Binary.run(other + ["--csv-bom"])
    #expect(json.stdoutData.first == UInt8(ascii: "{"))
  }

  /// Python's csv module with `utf-8-sig` reads the marked file as the unmarked one, and its
  /// rows are the findings of the JSON Lines report; read as plain UTF-8, the mark would be the
  /// first character of the first field name (why the mark is not written by default).
  @Test func pythonsCSVModuleReadsTheFindings() throws {
    let arguments = Self.reports[0].arguments
    let (marked, plain) = try Self.write(arguments, to: try Binary.temporaryDirectory("bom-py"))
    let rows = try #require(try CSVReader.python(marked, encoding: "utf-8-sig"))
    #expect(try CSVReader.python(plain, encoding: "utf-8") == rows)
    #expect(try CSVReader.python(marked, encoding: "utf-8")?.first?.first == "\u{FEFF}path")
    let header = rows[0]
    #expect(header.first == "path")
    var jsonlArguments = arguments
    jsonlArguments[jsonlArguments.firstIndex(of: "csv")!] = "jsonl"
    let findings = try Binary.run(jsonlArguments).stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(rows.count - 1 == findings.count)
    #expect(findings.contains { ($0["value"] as? String)?.contains(where: \.isChineseHan) == true })
    for (row, finding) in zip(rows.dropFirst(), findings) {
      let cells = Dictionary(uniqueKeysWithValues: zip(header, row))
      #expect(cells["path"] == finding["path"] as? String)
      #expect(cells["line"] == (finding["line"] as? NSNumber)?.stringValue)
      #expect(cells["category"] == finding["category"] as? String)
      #expect(cells["value"] == finding["value"] as? String)
      #expect(cells["valid"] == ((finding["valid"] as? Bool) == true ? "true" : "false"))
    }
  }

  /// LibreOffice Calc opens the marked file (UTF-8, every column as text) and saves it again as
  /// CSV: the cells are those Python read, the first one `path` (or `section`) without the mark.
  @Test(
    .enabled(if: CSVReader.soffice != nil, "needs LibreOffice Calc (make test installs it)"),
    arguments: reports.map(\.name))
  func libreOfficeCalcReadsEveryCell(report: String) throws {
    let arguments = Self.reports.first { $0.name == report }!.arguments
    let directory = try Binary.temporaryDirectory("bom-lo")
    let (marked, _) = try Self.write(arguments, to: directory)
    let expected = try #require(try CSVReader.python(marked, encoding: "utf-8-sig"))
    let saved = try CSVReader.libreOffice(marked, columns: expected[0].count, in: directory)
    let rows = try #require(try CSVReader.python(saved, encoding: "utf-8"))
    #expect(rows.first?.first == (report == "scan" ? "path" : "section"))
    #expect(rows.count == expected.count)
    for (index, (got, want)) in zip(rows, expected).enumerated() where got != want {
      Issue.record("row \(index): \(got) != \(want)")
      break
    }
    if report == "size" {
      #expect(rows.contains { $0.contains("参考计算，不构成法律意见") })
    }
  }
}

extension Character {
  /// A CJK unified ideograph (the common Han block).
  fileprivate var isChineseHan: Bool {
    unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
  }
}

/// Real CSV readers, run as programs.
enum CSVReader {
  static let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// The rows Python's `csv` module reads from `file` opened with `encoding`; nil when python3
  /// cannot run.
  static func python(_ file: URL, encoding: String) throws -> [[String]]? {
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:
          json.dump(list(csv.reader(f)), sys.stdout)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path, encoding]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try JSONSerialization.jsonObject(with: data) as? [[String]]
  }

  /// Opens `file` in LibreOffice Calc as UTF-8 CSV with `columns` text columns and saves it
  /// as UTF-8 CSV under `directory`/calc; the saved file.
  static func libreOffice(_ file: URL, columns: Int, in directory: URL) throws -> URL {
    let out = directory.appendingPathComponent("calc")
    let profile = directory.appendingPathComponent("calc-profile")
    // Separator ',', quote '"', UTF-8 (76), from line 1, column N as text (2).
    let formats = (1...columns).map { "\($0)/2" }.joined(separator: "/")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: soffice!)
    process.arguments = [
      "--headless", "--norestore", "-env:UserInstallation=\(profile.absoluteString)",
      "--infilter=Text - txt - csv (StarCalc):44,34,76,1,\(formats)",
      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out.path,
      file.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return out.appendingPathComponent(file.lastPathComponent)
  }
}
