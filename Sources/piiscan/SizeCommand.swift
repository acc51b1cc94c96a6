import ArgumentParser
import Foundation
import PIIScanCore
import PIIScanSizing

#if canImport(Glibc)
  import Glibc
#endif

/// `piiscan size`: the sizing report of docs/SIZING.md, over the same inputs and in the same
/// single pass as `scan`.
struct SizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "size",
    abstract:
      "The sizing report: valid, de-duplicated records and persons by kind, the legal tier and "
      + "the reference score, the evidence with its SHA-256.",
    discussion: """
      Reads the inputs once, as scan does, and counts: per category raw, valid, invalid by \
      reason and distinct values; records, duplicated records (within an input, across \
      inputs, the same file by two paths); distinct persons (linked by ID number, mobile, \
      e-mail, name and address: docs/SIZING.md); persons per tier of 法释〔2017〕10号 Art. 5 and \
      the score n50/50 + n500/500 + n5000/5000. Every figure is a reference calculation, not \
      legal advice (参考计算，不构成法律意见).

      The report, less its run section (command, times, threads), is the same byte for byte \
      whatever --threads, --chunk-size and the order of the inputs are.

      --format html writes one self-contained page (inline CSS and SVG charts, nothing \
      fetched, printable on A4) with the figures of the JSON report; text, md, html and csv \
      speak Chinese or English (--lang, else the locale: LC_ALL, LC_MESSAGES, LANG).

      --state-out FILE writes the counts as a state file; --merge STATE… turns state files into \
      the report one run over all their inputs would have given (docs/STATE-FORMAT.md). \
      --range START:END reads only that byte range of one regular file (a shard: START and END \
      multiples of --chunk-size), for running on a cluster.

      Exit status: 0 no personal information, 1 personal information found, 2 some input (or \
      state file) could not be read, 64 a usage error.
      """)

  @OptionGroup var input: InputOptions

  @Option(name: .shortAndLong, help: "Report format: text, json, md, csv or html.")
  var format: SizeFormat = .text

  @Option(help: "Labels of text, md, html and csv reports: zh or en (default: from the locale).")
  var lang: SizingLanguage?

  @Flag(help: "Start a CSV report with a UTF-8 byte-order mark, so Excel reads its Chinese text.")
  var csvBom = false

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var output: String?

  @Option(help: "The tier of a bare bank card: 50 (财产信息) or 5000.")
  var bankCardTier: Int = 50

  @Flag(help: "Halve the thresholds (Art. 5 ①(八): information obtained in office or service).")
  var insider = false

  @Option(
    help: ArgumentHelp(
      "Memory for the distinct sets before they spill to --temp-dir (K/M/G; default: a quarter of RAM).",
      valueName: "size"))
  var memory: String?

  @Option(
    help: ArgumentHelp(
      "Where spilled sets go (default: $TMPDIR or /tmp); never beside the evidence.",
      valueName: "dir"))
  var tempDir: String?

  @Option(help: ArgumentHelp("Also write the counts as a state file.", valueName: "file"))
  var stateOut: String?

  @Flag(help: "Read the PATHs as state files and merge them, instead of scanning.")
  var merge = false

  @Option(
    help: ArgumentHelp(
      "Read only bytes START..<END of one regular file (a shard).", valueName: "start:end"))
  var range: String?

  @Option(help: "Masked samples kept per category (valid and invalid each).")
  var samples: Int = 5

  @Flag(inversion: .prefixedNo, help: "Show progress on standard error when it is a terminal.")
  var progress = true

  enum SizeFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, md, csv, html

    var sizing: SizingReportFormat {
      switch self {
      case .text: .text
      case .json: .json
      case .md: .markdown
      case .csv: .csv
      case .html: .html
      }
    }
  }

  func validate() throws {
    guard bankCardTier == 50 || bankCardTier == 5000 else {
      throw ValidationError("--bank-card-tier must be 50 or 5000, not \(bankCardTier)")
    }
    if let memory, CommandSupport.parseSize(memory) == nil {
      throw ValidationError("--memory must be a size such as 2G, not \"\(memory)\"")
    }
    if let range {
      guard let parsed = Self.parseRange(range) else {
        throw ValidationError("--range must be START:END in bytes, START < END, not \"\(range)\"")
      }
      let chunk = Int64(input.performance.chunkSize ?? ChunkLayout.defaultChunkSize)
      guard parsed.lowerBound % chunk == 0,
        parsed.upperBound % chunk == 0 || parsed.upperBound == .max
      else {
        throw ValidationError("--range START and END must be multiples of --chunk-size (\(chunk))")
      }
      guard input.paths.count == 1 else {
        throw ValidationError("--range reads one regular file: give exactly one PATH")
      }
    }
    if merge && range != nil { throw ValidationError("--merge and --range do not go together") }
    if samples < 0 { throw ValidationError("--samples must be 0 or more") }
  }

  /// "START:END" (END may be empty: to the end of the file).
  static func parseRange(_ text: String) -> Range<Int64>? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let start = Int64(parts[0]), start >= 0 else { return nil }
    let end = parts[1].isEmpty ? Int64.max : Int64(parts[1])
    guard let end, end > start else { return nil }
    return start..<end
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let started = Self.timestamp()
    let diagnostics = Diagnostics()
    let settings = try input.settings()
    let rules = try settings.rules()
    let language = lang ?? Self.languageFromEnvironment()
    let budget = memory.flatMap(CommandSupport.parseSize).map(Int.init) ?? Self.defaultMemory()

    let temporary: SizingTemporaryDirectory
    do {
      temporary = try SizingTemporaryDirectory(in: tempDir ?? Self.defaultTemporaryParent())
    } catch {
      diagnostics.error(tempDir ?? "temporary directory", "\(error)")
      throw ExitCode(2)
    }
    defer { temporary.remove() }
    SizingTemporaryDirectory.installInterruptHandlers()

    let asOf = settings.asOfDate
    let configuration = SizingConfiguration(
      categories: SizingSink.categories(of: rules), reasonCodes: SizingSink.reasonCodes,
      asOf: SizingDate(year: asOf.year, month: asOf.month, day: asOf.day)!,
      bankCardTier: bankCardTier == 50 ? .fifty : .fiveThousand, samplesPerCategory: samples,
      toolVersion: PIIScanVersion.current, rulesetSHA256: rules.sha256)

    var total: SizingAggregate
    var found = false
    if merge {
      do {
        total = try SizingAggregate.merging(
          stateFiles: input.paths, memoryBudget: budget, directory: temporary)
      } catch {
        diagnostics.error("--merge", "\(error)")
        throw ExitCode(2)
      }
    } else {
      let walk = settings.walk()
      let inputs = walk.inputs
      if let output { try CommandSupport.refuseToOverwriteInput(output, inputs: inputs) }
      let sizing = SizingSink(
        aggregate: SizingAggregate(
          configuration: configuration, memoryBudget: budget, directory: temporary))
      let aggregate = ScanAggregate()
      let meter = settings.progressMeter(for: inputs, enabled: progress)
      let sink = SinkFanout([
        aggregate, sizing, CommandSink(diagnostics: diagnostics, progress: meter),
      ])
      InputOptions.reportSkipped(walk.skipped, to: sink)
      var scan = settings.configuration(locate: true)
      scan.hashInputs = range == nil
      scan.range = range.flatMap(Self.parseRange)
      ScanPipeline(rules: rules, configuration: scan).run(inputs: inputs, sink: sink)
      meter?.finish()
      sizing.finish()
      if let error = sizing.error {
        diagnostics.error(tempDir ?? "temporary directory", "\(error)")
        throw ExitCode(2)
      }
      total = sizing.aggregate
      found = aggregate.personal > 0
    }

    if let stateOut {
      do {
        try total.write(to: stateOut)
      } catch {
        diagnostics.error(stateOut, "the state file cannot be written: \(error)")
        throw ExitCode(2)
      }
    }
    // The configuration in force rides with the command: the file and its hash, the filters.
    let described = settings.described(extra: []).map { "\($0.name)=\($0.value)" }
    let run = SizingRunInfo(
      command: CommandLine.arguments.joined(separator: " ") + " ["
        + described.joined(separator: "; ") + "]",
      started: started, ended: Self.timestamp(), threads: settings.threads, shards: nil)
    let report: SizingReport
    do {
      report = try total.report(
        SizingReportOptions(insider: insider, lookup: RegistryLookup(), run: run))
    } catch {
      diagnostics.error("report", "\(error)")
      throw ExitCode(2)
    }
    let text = report.render(format.sizing, language: language, labels: Self.labels(rules))
    let file = try CommandSupport.openOutput(output, diagnostics: diagnostics)
    let out = file?.stream ?? ReportStream(descriptor: 1)
    if csvBom && format == .csv { out.write(bytes: utf8ByteOrderMark) }
    out.write(text)
    out.flush()
    do {
      try file?.commit()
    } catch {
      diagnostics.error(output ?? "<stdout>", error.message)
      throw ExitCode(2)
    }
    if diagnostics.errored { throw ExitCode(2) }
    if found || (merge && report.persons.distinct > 0) { throw ExitCode(1) }
  }

  /// Category and reason names, from the registry and the reason codes.
  static func labels(_ rules: RuleSet) -> SizingLabels {
    var categories: [String: SizingLabel] = [:]
    for category in CategoryRegistry.builtInOrder + rules.categoryList {
      categories[category.id] = SizingLabel(zh: category.nameZh, en: category.nameEn)
    }
    var reasons: [String: SizingLabel] = [:]
    for code in ReasonCode.allCases {
      reasons[code.id] = SizingLabel(zh: code.names.zh, en: code.names.en)
    }
    return SizingLabels(categories: categories, reasons: reasons)
  }

  /// Chinese when the locale (LC_ALL, LC_MESSAGES or LANG) is a Chinese one (zh_CN.UTF-8…);
  /// else English.
  static func languageFromEnvironment() -> SizingLanguage {
    .fromEnvironment(ProcessInfo.processInfo.environment)
  }

  /// A quarter of the machine's memory (at least 64 MiB).
  static func defaultMemory() -> Int {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, size > 0 else { return 1 << 30 }
    return max(64 << 20, pages * size / 4)
  }

  static func defaultTemporaryParent() -> String {
    let value = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
    return value.isEmpty ? "/tmp" : value
  }

  /// Now, as ISO 8601 in UTC.
  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}

extension SizingLanguage: ExpressibleByArgument {}
