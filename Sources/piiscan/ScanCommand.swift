import ArgumentParser
import Foundation
import PIIScanArchive
import PIIScanCore

#if canImport(Glibc)
  import Glibc
#endif

struct ScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Report every value found, one finding per value, in input order.",
    discussion: """
      With no PATH, or with -, reads standard input. Directories are walked recursively in \
      sorted order; symbolic links found in a walk are not followed unless --follow is given, \
      and FIFOs, sockets and devices found in a walk are skipped.

      Output is the same, byte for byte, whatever --threads and --chunk-size are.

      --patterns DIR adds your own rules (staff numbers, contract numbers, customer ids…): \
      each is a PCRE2 regex whose every match is a value of a category you name, with \
      context words and examples. They are checked before anything is read: a rule that is \
      wrong is reported with its file, its id and what to change, and the exit status is 2. \
      --only and --except take their categories too.

      Exit status: 0 nothing found, 1 personal information found (masked values and \
      organisation codes do not count), 2 some input could not be read (or a --patterns \
      rule is wrong, and nothing was read).
      """)

  @OptionGroup(title: "Input")
  var input: InputOptions

  @Option(name: .shortAndLong, help: "Output format: text, jsonl, json or csv.")
  var format: OutputFormat = .text

  @Flag(help: "Print values in full instead of masked.")
  var reveal = false

  @Flag(help: "Print per-file, per-category counts instead of findings.")
  var count = false

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var output: String?

  @Option(help: "Labels of the text format: zh or en (default: from LANG/LC_ALL).")
  var lang: ReportLanguage?

  @Flag(help: "Start CSV output with a UTF-8 byte-order mark, so Excel reads its Chinese text.")
  var csvBom = false

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let diagnostics = Diagnostics()
    let asOfDate = input.asOfDate
    let rules = try input.rules()
    let (inputs, skipped) = input.resolveInputs()

    if let output { try CommandSupport.refuseToOverwriteInput(output, inputs: inputs) }
    let file = try CommandSupport.openOutput(output, diagnostics: diagnostics)
    let out = file?.stream ?? ReportStream(descriptor: 1)
    let presenter = FindingPresenter(reveal: reveal, asOf: asOfDate)
    let aggregate = ScanAggregate()
    if csvBom && format == .csv { out.write(bytes: utf8ByteOrderMark) }
    let reporter: Reporter
    if count {
      reporter = CountReporter(out: out, format: format, aggregate: aggregate)
    } else {
      switch format {
      case .text:
        reporter = TextReporter(
          out: out, presenter: presenter,
          language: lang ?? .fromEnvironment(ProcessInfo.processInfo.environment))
      case .jsonl: reporter = JSONReporter(out: out, presenter: presenter, asArray: false)
      case .json: reporter = JSONReporter(out: out, presenter: presenter, asArray: true)
      case .csv: reporter = CSVReporter(out: out, presenter: presenter)
      }
    }
    let meter = input.progressMeter(for: inputs)
    let sink = SinkFanout([
      aggregate, reporter, CommandSink(diagnostics: diagnostics, progress: meter),
    ])
    InputOptions.reportSkipped(skipped, to: sink)
    let configuration = input.configuration(locate: !count)
    ScanPipeline(rules: rules, configuration: configuration).run(inputs: inputs, sink: sink)
    reporter.finish()
    meter?.finish()

    do {
      try file?.commit()
    } catch {
      diagnostics.error(output ?? "<stdout>", error.message)
      throw ExitCode(2)
    }
    if let error = out.error {
      diagnostics.error(output ?? "<stdout>", error.message)
      throw ExitCode(2)
    }
    // A closed pipe (`| head`) ends the output quietly; the status still says what was found.
    if diagnostics.errored { throw ExitCode(2) }
    if aggregate.personal > 0 { throw ExitCode(1) }
  }
}

extension OutputFormat: ExpressibleByArgument {}

/// Pieces the subcommands share.
enum CommandSupport {
  /// The embedded rules plus those of the user's `--patterns` files, restricted to `only` and
  /// `except` (comma-separated categories).
  ///
  /// A problem in the user's files (a missing or unknown key, a regex that does not compile, a
  /// category or id taken by a built-in rule, an example that fails) is printed on standard
  /// error, naming the file and the rule, every problem at once; the command then exits with
  /// status 2 before reading any input.
  ///
  /// - Parameters:
  ///   - patterns: The `--patterns` paths: directories (their `*.toml` files) or files.
  ///   - settings: What the user rules' examples are scanned with.
  ///   - checkExamples: Whether a failing example of a user rule stops the command.
  static func loadRules(
    only: String?, except: String?, patterns: [String] = [],
    settings: DetectionSettings = DetectionSettings(asOf: .today()), checkExamples: Bool = true
  ) throws -> RuleSet {
    let rules: RuleSet
    if patterns.isEmpty {
      do {
        rules = try RuleSet.embedded()
      } catch {
        throw ValidationError("the built-in patterns do not load:\n\(error)")
      }
    } else {
      do {
        let files = try UserPatternFiles.read(patterns)
        rules = try RuleSet.embedded(
          adding: files, settings: settings, checkExamples: checkExamples)
      } catch {
        let diagnostics = Diagnostics()
        for problem in error.problems { diagnostics.emit("piiscan: \(problem)") }
        let count = error.problems.count
        diagnostics.emit(
          "piiscan: \(count) problem\(count == 1 ? "" : "s") in the --patterns files "
            + "(format: Patterns/README.md, \"Your own rules\"); nothing was scanned")
        throw ExitCode(2)
      }
    }
    func categories(_ list: String?, _ option: String) throws -> Set<String>? {
      guard let list else { return nil }
      let names = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
      let known = Set(rules.categories)
      let unknown = names.subtracting(known).sorted()
      if !unknown.isEmpty {
        throw ValidationError(
          "\(option): unknown categor\(unknown.count == 1 ? "y" : "ies") "
            + unknown.joined(separator: ", ") + " (known: "
            + rules.categories.joined(separator: ", ") + ")")
      }
      return names
    }
    return rules.restricted(
      only: try categories(only, "--only"), except: try categories(except, "--except") ?? [])
  }

  /// The paths as the command line held them: bytes, which need not be UTF-8 (the argument
  /// parser's strings have invalid bytes replaced, which no `open()` would find). nil stands for
  /// standard input (`-`).
  static func locations(of paths: [String]) -> [InputPath?] {
    let raw: [[UInt8]] = (0..<Int(CommandLine.argc)).map { index in
      guard let argument = CommandLine.unsafeArgv[index] else { return [] }
      return Array(UnsafeBufferPointer(start: argument, count: strlen(argument)))
        .map { UInt8(bitPattern: $0) }
    }
    var used = Set<Int>()
    return paths.map { path in
      if path == "-" { return nil }
      if let index = raw.indices.dropFirst().first(where: {
        !used.contains($0) && String(decoding: raw[$0], as: UTF8.self) == path
      }) {
        used.insert(index)
        return InputPath(bytes: raw[index])
      }
      return InputPath(path)
    }
  }

  /// "500M", "64G", "1T", or bytes.
  static func parseSize(_ text: String) -> Int64? {
    let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
    guard let last = text.uppercased().last else { return nil }
    if let unit = units[last], let value = Double(text.dropLast()), value > 0 {
      return Int64(value * Double(unit))
    }
    return Int64(text).flatMap { $0 > 0 ? $0 : nil }
  }

  /// Fails when `output` already exists and is one of the inputs: evidence is never written.
  static func refuseToOverwriteInput(_ output: String, inputs: [ScanInput]) throws {
    var target = stat()
    guard stat(output, &target) == 0 else { return }
    for input in inputs where input.kind != .standardInput {
      var info = stat()
      if input.location.withCString({ stat($0, &info) }) == 0 && info.st_dev == target.st_dev
        && info.st_ino == target.st_ino
      {
        throw ValidationError("--output \(output) is one of the inputs; inputs are never written")
      }
    }
  }

  /// Standard output, or a new file (never one of the inputs: it is created, not opened).
  /// The report file of `--output` (written under a temporary name and renamed at the end),
  /// or nil for standard output. A file that cannot be created is an error naming it, exit
  /// status 2.
  static func openOutput(_ path: String?, diagnostics: Diagnostics) throws -> OutputFile? {
    guard let path else { return nil }
    do {
      return try OutputFile(path: path)
    } catch {
      diagnostics.error(path, error.message)
      throw ExitCode(2)
    }
  }
}
