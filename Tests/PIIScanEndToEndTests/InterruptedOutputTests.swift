import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// An interrupted run leaves no half-written report: `--output` is written under a temporary
/// name and renamed at the end; SIGINT or SIGTERM removes the temporary file (issue 8, class 8).
@Suite struct InterruptedOutputTests {
  @Test(arguments: [SIGTERM, SIGINT])
  func anInterruptedRunLeavesNoPartialReport(signal: Int32) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-interrupt-\(getpid())-\(signal)")
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = directory.appendingPathComponent("report.jsonl")
    try "an earlier report\n".write(to: report, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = Binary.productsDirectory.appendingPathComponent("piiscan")
    process.arguments = ["scan", "--format", "jsonl", "--output", report.path, "--no-progress"]
    let input = Pipe()
    process.standardInput = input
    process.standardError = Pipe()
    try process.run()
    // Findings are written, and the run waits for more input that never comes.
    let lines = String(repeating: "手机 13912345670\n", count: 20_000)
    input.fileHandleForWriting.write(Data(lines.utf8))
    var waited = 0
    while waited < 200 {
      let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      if names.contains(where: { $0.hasSuffix(".partial") }) { break }
      usleep(20_000)
      waited += 1
    }
    usleep(300_000)
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try String(contentsOf: report, encoding: .utf8) == "an earlier report\n")
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(left == ["report.jsonl"])
  }

  @Test func aCompletedRunReplacesTheReportWhole() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-complete-\(getpid())")
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = directory.appendingPathComponent("report.jsonl")
    let result = try Binary.run(
      ["scan", "--format", "jsonl", "--output", report.path, "samples/data/text"])
    #expect(result.status == 1)
    let written = try String(contentsOf: report, encoding: .utf8)
    #expect(written.hasSuffix("}\n") && written.split(separator: "\n").count > 100)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.jsonl"])
  }

  @Test func anOutputThatCannotBeCreatedIsAnErrorNamingIt() throws {
    let result = try Binary.run(
      ["scan", "--output", "/nonexistent-dir/report.jsonl", "samples/data/text"])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "piiscan: /nonexistent-dir/report.jsonl: cannot be written: No such file or directory\n")
  }
}
