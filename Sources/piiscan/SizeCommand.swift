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
      For running on a cluster (spark/README.md), a plain file can be cut into shards: \
      --range START:END counts the records of one regular file that start in that byte range \
      (START and END multiples of --chunk-size; END may be left out), reading a chunk more on \
      each side so that a record cut by the edge is read whole, and --lines-before N numbers \
      lines as in the whole file (N: the line feeds before the first byte it reads). A shard \
      leaves the file's hash, size, format, encoding and undecodable bytes to \
      --describe-only, which reads the whole file and counts nothing. --walk-only reads \
      nothing, records what walking the PATHs skips and, without --output, prints the files \
      the walk would read (NUL-terminated) instead of a report; --unreadable MESSAGE records each \
      PATH as not read, with that message (a shard that could not be fetched). With --merge, \
      --run-command, --run-started and --run-shards give the run section the cluster job's \
      command line, start and shard count.

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
      "Count the records of one regular file that start in bytes START..<END (a shard).",
      valueName: "start:end"))
  var range: String?

  @Option(
    help: ArgumentHelp(
      "With --range: the line feeds before the first byte the shard reads (its START less one chunk, moved to a line start as chunks are).",
      valueName: "n"))
  var linesBefore: Int?

  @Flag(
    help: ArgumentHelp(
      "Record each file's SHA-256, size, format and encoding (reading it whole); count nothing."
    ))
  var describeOnly = false

  @Flag(
    help: ArgumentHelp(
      "Record what walking the PATHs skips, list the files it reads; read nothing."))
  var walkOnly = false

  @Option(
    help: ArgumentHelp(
      "Record each PATH as not read, with this message; read nothing.", valueName: "message"))
  var unreadable: String?

  @Option(
    help: ArgumentHelp(
      "With --merge: the command line the report's run section shows (the job that made the states).",
      valueName: "text"))
  var runCommand: String?

  @Option(
    help: ArgumentHelp(
      "With --merge: when the job that made the states started (ISO 8601).", valueName: "time"))
  var runStarted: String?

  @Option(
    help: ArgumentHelp(
      "With --merge: the shard count the report's run section shows.", valueName: "n"))
  var runShards: Int?

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
    let modes = [merge, describeOnly, walkOnly, unreadable != nil].filter { $0 }.count
    if modes > 1 {
      throw ValidationError(
        "--merge, --describe-only, --walk-only and --unreadable do not go together")
    }
    if range != nil && (describeOnly || walkOnly) {
      throw ValidationError("--range does not go with --describe-only or --walk-only")
    }
    if let linesBefore {
      guard range != nil else { throw ValidationError("--lines-before goes with --range") }
      guard linesBefore >= 0 else { throw ValidationError("--lines-before must be 0 or more") }
    }
    if !merge && (runCommand != nil || runStarted != nil || runShards != nil) {
      throw ValidationError("--run-command, --run-started and --run-shards go with --merge")
    }
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
    var walked: [ScanInput] = []
    if merge {
      do {
        total = try SizingAggregate.merging(
          stateFiles: input.paths, memoryBudget: budget, directory: temporary)
      } catch {
        diagnostics.error("--merge", "\(error)")
        throw ExitCode(2)
      }
    } else if let unreadable {
      // Nothing is opened: each PATH is described as the driver of a cluster run found it.
      total = SizingAggregate(
        configuration: configuration, memoryBudget: budget, directory: temporary)
      for path in input.paths {
        total.describe(
          source: total.source(path: path == "-" ? "<stdin>" : path, member: nil),
          SizingInputDescription(
            status: range == nil ? .unreadable : .partial,
            notices: ["\(NoticeKind.unreadable.rawValue): \(unreadable)"]))
      }
    } else {
      let walk = settings.walk()
      let inputs = walk.inputs
      walked = inputs
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
      var scan = settings.configuration(locate: !describeOnly)
      scan.hashInputs = range == nil
      if let shard = range.flatMap(Self.parseRange), let file = inputs.first {
        // A chunk more before the range, and past its end to a chunk after the end of the line
        // running over it: the records cut by the edges are read whole by their owner.
        let chunk = Int64(settings.chunkSize)
        let (end, capped) = Self.shardReadingEnd(file, end: shard.upperBound, chunk: chunk)
        scan.range = max(0, shard.lowerBound - chunk)..<end
        sizing.shard = SizingSink.Shard(records: shard, linesBefore: linesBefore ?? 0)
        if capped {
          sink.receive(
            .notice(
              file,
              Notice(
                kind: .limit, severity: .warning,
                message: "a line longer than \(Self.longestShardLine >> 20) MiB runs over the "
                  + "shard edge at byte \(shard.upperBound): a record of it may be counted in part"
              )))
        }
      }
      if !walkOnly {
        // --describe-only: every byte is read and hashed, no rule looks at it.
        let scanned = describeOnly ? rules.restricted(only: [], except: []) : rules
        ScanPipeline(rules: scanned, configuration: scan).run(inputs: inputs, sink: sink)
      }
      meter?.finish()
      sizing.finish()
      if let error = sizing.error {
        diagnostics.error(tempDir ?? "temporary directory", "\(error)")
        throw ExitCode(2)
      }
      if let container = sizing.shardContainer {
        diagnostics.error(
          container, "--range reads a plain file, not an archive or workbook: no state written")
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
      command: (runCommand ?? CommandLine.arguments.joined(separator: " ")) + " ["
        + described.joined(separator: "; ") + "]",
      started: runStarted ?? started, ended: Self.timestamp(), threads: settings.threads,
      shards: runShards)
    let report: SizingReport
    do {
      report = try total.report(
        SizingReportOptions(insider: insider, lookup: RegistryLookup(), run: run))
    } catch {
      diagnostics.error("report", "\(error)")
      throw ExitCode(2)
    }
    if walkOnly && output == nil {
      // For the driver of a cluster run: each file the walk reads, as the file system names it,
      // NUL-terminated (any byte but NUL may be in a name).
      let out = ReportStream(descriptor: 1)
      for file in walked { out.write(bytes: file.location.bytes + [0]) }
      out.flush()
      return
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

  /// How far past its end a shard looks for the end of the line running over it.
  static let longestShardLine: Int64 = 256 << 20

  /// Where a shard ending at `end` stops reading: two chunks past the chunk holding the first
  /// line feed at or after `end - 1` (the end of the line running over the edge, and room for a
  /// record of several lines that starts on it), or one chunk past `end` when no line feed
  /// comes within ``longestShardLine`` bytes (`capped`). The line feed is the byte 0x0A, which
  /// is right for UTF-8 and GB18030; the end of the file ends every search.
  static func shardReadingEnd(_ file: ScanInput, end: Int64, chunk: Int64) -> (Int64, Bool) {
    guard end < Int64.max - chunk - longestShardLine else { return (Int64.max, false) }
    let descriptor = file.location.withCString { open($0, O_RDONLY | O_CLOEXEC) }
    guard descriptor >= 0 else { return (end + chunk, false) }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var position = max(0, end - 1)
    while position < end + longestShardLine {
      let count = buffer.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, $0.count, off_t(position))
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return (end + chunk, false) }  // the scan says what cannot be read
      if count == 0 { return (Int64.max, false) }  // the file ends on this line
      if let index = buffer[0..<count].firstIndex(of: 0x0A) {
        let lineFeed = position + Int64(index)
        return (max(end + chunk, (lineFeed / chunk + 2) * chunk), false)
      }
      position += Int64(count)
    }
    return (end + chunk, true)
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
