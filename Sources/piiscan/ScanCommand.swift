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
      and FIFOs, sockets and devices found in a walk are skipped. A walk leaves out dotfiles \
      and dot-directories (--hidden reads them), .git, paths that .piiscanignore files (and \
      .gitignore files inside a git repository) ignore (--no-ignore reads them), paths that \
      --glob excludes and files over --max-filesize; each is counted in the summary. Paths \
      named on the command line are always read, but --glob and --max-filesize apply to them.

      Settings not given here come from piiscan.toml (this directory, or a parent up to the \
      repository's root; --config FILE, --no-config), which can also hold an [allowlist] and \
      a fingerprint key (docs/CI.md). --baseline REPORT leaves out every finding an earlier \
      report holds; --write-baseline FILE writes one.

      Output is the same, byte for byte, whatever --threads and --chunk-size are.

      --patterns DIR adds your own rules (staff numbers, contract numbers, customer ids…): \
      each is a PCRE2 regex whose every match is a value of a category you name, with \
      context words and examples. They are checked before anything is read.

      Exit status:
        0   nothing fails the run: no valid personal finding remains (invalid values, \
      published sample values and informational categories are reported but do not count \
      unless --fail-on invalid; allowlisted and baselined findings do not count)
        1   a valid personal finding remains (also when the reader of the output went away, \
      as with | head)
        2   some input could not be read (the rest was still scanned), or the configuration, \
      a --patterns rule, the baseline or the output file is wrong (nothing was scanned)
        64  a usage error: an unknown option, a bad value, options that do not go together
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Output") var output: OutputOptions

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, json, csv, sarif
  }

  enum Color: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  func validate() throws {
    if output.count && output.format == .sarif {
      throw ValidationError("--count has no SARIF form: use --format text, jsonl, json or csv")
    }
    if output.quiet && output.stats {
      throw ValidationError("--quiet and --stats do not go together")
    }
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let started = Self.now()
    let diagnostics = Diagnostics()
    let settings = try input.settings()
    let format = output.format ?? settings.config?.format.flatMap(Format.init) ?? .text
    if output.count && format == .sarif {
      throw ValidationError("--count has no SARIF form (piiscan.toml asks for sarif)")
    }
    let failOn =
      output.failOn ?? settings.config?.failOn.flatMap(ScanAggregate.FailOn.init) ?? .valid
    let asOfDate = settings.asOfDate
    let rules = try settings.rules()
    let allowlist: Allowlist?
    let baseline: Baseline?
    do {
      allowlist = try settings.config.map { try Allowlist($0.allowlist, ruleSet: rules) }
      baseline = try output.baseline.map { try Baseline.load(path: $0) }
    } catch {
      diagnostics.emit("piiscan: \(error)")
      diagnostics.emit("piiscan: nothing was scanned")
      throw ExitCode(2)
    }
    var walk = settings.walk()
    // The run's own reports are never read: an earlier one found in a walk (CI writes
    // piiscan.sarif into the directory it scans) is left out; one named as an input is refused.
    let reports = [output.output, output.writeBaseline, output.baseline].compactMap { $0 }
    for path in reports {
      let (kept, dropped) = CommandSupport.leavingOut(path, from: walk.inputs)
      if dropped.contains(where: { input.paths.contains($0.path) }) {
        throw ValidationError(
          "\(path) is one of the inputs and a report of this run (--output, --baseline, "
            + "--write-baseline); inputs are never written or read as reports")
      }
      walk.inputs = kept
      walk.filtered.ignored += dropped.count
    }
    let inputs = walk.inputs
    let file = try CommandSupport.openOutput(output.output, diagnostics: diagnostics)
    let out = file?.stream ?? ReportStream(descriptor: 1)
    let (fingerprints, _) = settings.fingerprints
    let presenter = FindingPresenter(
      reveal: output.reveal, asOf: asOfDate, fingerprints: fingerprints)
    let aggregate = ScanAggregate(failOn: failOn)
    var extra: [(name: String, value: String)] = [("fail_on", failOn.rawValue)]
    if !(allowlist?.isEmpty ?? true) { extra.append(("allowlist", "on")) }
    if let baseline { extra.append(("baseline", baseline.path)) }
    extra.append(("reveal", String(output.reveal)))
    let metadata = RunMetadata(
      toolVersion: PIIScanVersion.current, rulesetSHA256: rules.sha256, asOf: asOfDate.description,
      configuration: settings.described(extra: extra))
    let summary = {
      RunSummary(aggregate: aggregate, filtered: walk.filtered, seconds: Self.now() - started)
    }
    let color = Self.colorOutput(output.color, descriptor: file == nil ? 1 : -1)
    if output.csvBom && format == .csv { out.write(bytes: utf8ByteOrderMark) }
    let reporter: Reporter
    if output.count {
      reporter = CountReporter(out: out, format: format.plain, aggregate: aggregate)
    } else {
      switch format {
      case .text:
        let text = TextReporter(
          out: out, presenter: presenter,
          language: output.lang ?? .fromEnvironment(ProcessInfo.processInfo.environment))
        text.color = color
        reporter = text
      case .jsonl: reporter = JSONReporter(out: out, presenter: presenter, asArray: false)
      case .json:
        reporter = JSONDocumentReporter(
          out: out, presenter: presenter, metadata: metadata, summary: summary)
      case .csv: reporter = CSVReporter(out: out, presenter: presenter)
      case .sarif:
        reporter = SARIFReporter(
          out: out, presenter: presenter, metadata: metadata, aggregate: aggregate,
          summary: summary)
      }
    }
    // The baseline written is a masked JSON Lines report of what the allowlist leaves.
    let baselineFile = try CommandSupport.openOutput(output.writeBaseline, diagnostics: diagnostics)
    let baselineWriter = baselineFile.map {
      JSONReporter(
        out: $0.stream,
        presenter: FindingPresenter(reveal: false, asOf: asOfDate, fingerprints: fingerprints),
        asArray: false)
    }
    let meter = settings.progressMeter(for: inputs, enabled: output.progress && !output.quiet)
    let sink = SuppressingSink(
      allowlist: allowlist, baseline: baseline, fingerprints: fingerprints, aggregate: aggregate,
      beforeBaseline: baselineWriter,
      downstream: SinkFanout([
        aggregate, reporter,
        CommandSink(diagnostics: diagnostics, progress: meter, quiet: output.quiet),
      ]))
    InputOptions.reportSkipped(walk.skipped, to: sink)
    let configuration = settings.configuration(locate: !output.count)
    ScanPipeline(rules: rules, configuration: configuration).run(inputs: inputs, sink: sink)
    reporter.finish()
    baselineWriter?.finish()
    meter?.finish()

    for (target, name) in [(file, output.output), (baselineFile, output.writeBaseline)] {
      do {
        try target?.commit()
      } catch {
        diagnostics.error(name ?? "<stdout>", error.message)
        throw ExitCode(2)
      }
    }
    if let error = out.error {
      diagnostics.error(output.output ?? "<stdout>", error.message)
      throw ExitCode(2)
    }
    if !output.quiet && (output.stats || isatty(2) == 1) {
      diagnostics.emit(
        summary().text(color: Self.colorOutput(output.color, descriptor: 2)), newline: false)
    }
    // A closed pipe (`| head`) ends the output quietly; the status still says what was found.
    if diagnostics.errored { throw ExitCode(2) }
    if aggregate.failing > 0 { throw ExitCode(1) }
  }

  /// Whether to colour what goes to `descriptor` (-1: a file, never coloured): --color
  /// always or never, or with auto a terminal when NO_COLOR is unset or empty and TERM is
  /// not dumb.
  static func colorOutput(_ choice: Color, descriptor: Int32) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      let environment = ProcessInfo.processInfo.environment
      if !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb" {
        return false
      }
      return descriptor >= 0 && isatty(descriptor) == 1
    }
  }

  /// Seconds on a monotonic clock.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

/// How `scan` reports: format and destination, what fails the run, baselines, the summary.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Output format (default: text).", valueName: "format"))
  var format: ScanCommand.Format?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the report to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Flag(help: "Print values in full instead of masked.")
  var reveal = false

  @Flag(help: "Print per-file, per-category counts instead of findings.")
  var count = false

  @Option(
    help: ArgumentHelp(
      "Leave out every finding whose fingerprint this earlier report (JSON, JSON Lines or "
        + "SARIF) holds.",
      valueName: "report"))
  var baseline: String?

  @Option(
    help: ArgumentHelp(
      "Also write a baseline (a masked JSON Lines report) of the findings, for --baseline.",
      valueName: "file"))
  var writeBaseline: String?

  @Option(
    help: ArgumentHelp(
      "Which findings fail the run: valid ones (default), or invalid ones too (of personal "
        + "categories; informational ones never fail it).",
      valueName: "which"))
  var failOn: ScanAggregate.FailOn?

  @Flag(name: .shortAndLong, help: "No summary, no progress, no notes on standard error.")
  var quiet = false

  @Flag(help: "Print the end-of-run summary on standard error even when it is not a terminal.")
  var stats = false

  @Option(
    help: ArgumentHelp(
      "Colour the text format and the summary (auto: on a terminal, unless NO_COLOR is set).",
      valueName: "when"))
  var color: ScanCommand.Color = .auto

  @Flag(inversion: .prefixedNo, help: "Show progress on standard error when it is a terminal.")
  var progress = true

  @Option(help: "Labels of the text format: zh or en (default: from the locale).")
  var lang: ReportLanguage?

  @Flag(help: "Start CSV output with a UTF-8 byte-order mark, so Excel reads its Chinese text.")
  var csvBom = false
}

extension ScanAggregate.FailOn: ExpressibleByArgument {}

extension ScanCommand.Format {
  /// The format `--count` writes (it has no SARIF form).
  var plain: OutputFormat {
    switch self {
    case .text: .text
    case .jsonl: .jsonl
    case .json: .json
    case .csv: .csv
    case .sarif: .jsonl
    }
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
  static func parseSize(_ text: String) -> Int64? { SizeText.parse(text) }

  /// `inputs` without those that are the file at `path` (same device and inode), and those.
  static func leavingOut(
    _ path: String, from inputs: [ScanInput]
  ) -> (kept: [ScanInput], dropped: [ScanInput]) {
    var target = stat()
    guard stat(path, &target) == 0 else { return (inputs, []) }
    var kept: [ScanInput] = []
    var dropped: [ScanInput] = []
    for input in inputs {
      var info = stat()
      if input.kind != .standardInput,
        input.location.withCString({ stat($0, &info) }) == 0, info.st_dev == target.st_dev,
        info.st_ino == target.st_ino
      {
        dropped.append(input)
      } else {
        kept.append(input)
      }
    }
    return (kept, dropped)
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
