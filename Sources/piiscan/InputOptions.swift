import ArgumentParser
import PIIScanArchive
import PIIScanCore

/// What to read and how: the options `scan` and `size` share.
struct InputOptions: ParsableArguments {
  @Argument(help: "Files or directories to read (default: standard input; - is standard input).")
  var paths: [String] = []

  @Option(help: "Only these categories (comma-separated taxonomy ids, e.g. cn_mobile,email).")
  var only: String?

  @Option(help: "Leave out these categories (comma-separated).")
  var except: String?

  @Option(
    name: .customLong("patterns"),
    help: ArgumentHelp(
      "Add your own rules: every *.toml file in DIR (not its subdirectories), or one .toml file; repeatable. Format: Patterns/README.md, \"Your own rules\".",
      valueName: "dir"))
  var patterns: [String] = []

  @Option(
    help: ArgumentHelp(
      "Judge birth dates and ages as of this date (YYYY-MM-DD; default: today).",
      valueName: "date"))
  var asOf: String?

  @Option(name: [.customShort("j"), .long], help: "Worker threads (default: every core).")
  var threads: Int = ScanConfiguration.defaultThreads

  @Option(
    help: ArgumentHelp(
      "Nominal chunk size in bytes: a tuning knob that never changes the output.",
      valueName: "bytes"))
  var chunkSize: Int = ChunkLayout.defaultChunkSize

  @Flag(help: "Read regular files through a read-only memory map instead of pread.")
  var mmap = false

  @Flag(help: "Follow symbolic links found while walking directories.")
  var follow = false

  @Flag(help: "Scan files that look binary instead of skipping them with a notice.")
  var binary = false

  @Option(
    help: ArgumentHelp(
      "Read at most this many bytes of each input (K/M/G/T; default: all of a regular file, 64G of a stream).",
      valueName: "size"))
  var maxBytes: String?

  @Option(
    help: ArgumentHelp(
      "Stop an archive or compressed input after this many decompressed bytes (K/M/G/T).",
      valueName: "size"))
  var maxDecompressed: String = "64G"

  @Option(help: "Stop a container producing more than this many bytes per compressed byte.")
  var maxRatio: Double = 200

  @Option(help: "How deeply archives may be nested in one another.")
  var maxDepth: Int = 8

  @Flag(inversion: .prefixedNo, help: "Show progress on standard error when it is a terminal.")
  var progress = true

  func validate() throws {
    if threads < 1 { throw ValidationError("--threads must be at least 1") }
    if chunkSize < 1 { throw ValidationError("--chunk-size must be at least 1") }
    if let asOf, CivilDate(iso: asOf) == nil {
      throw ValidationError("--as-of must be a date written YYYY-MM-DD, not \"\(asOf)\"")
    }
    if CommandSupport.parseSize(maxDecompressed) == nil {
      throw ValidationError(
        "--max-decompressed must be a size such as 500M or 64G, not \"\(maxDecompressed)\"")
    }
    if maxRatio <= 1 { throw ValidationError("--max-ratio must be more than 1") }
    if let maxBytes, CommandSupport.parseSize(maxBytes) == nil {
      throw ValidationError("--max-bytes must be a size such as 500M or 64G, not \"\(maxBytes)\"")
    }
    if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
  }

  /// The as-of date: the one given, or today.
  var asOfDate: CivilDate { asOf.flatMap { CivilDate(iso: $0) } ?? .today() }

  /// The rules in force: the built-in ones and the user's, restricted by --only and --except.
  func rules() throws -> RuleSet {
    try CommandSupport.loadRules(
      only: only, except: except, patterns: patterns,
      settings: DetectionSettings(asOf: asOfDate))
  }

  /// The inputs the paths name, and what the walk skipped.
  func resolveInputs() -> (inputs: [ScanInput], skipped: [InputWalker.Skipped]) {
    InputWalker(followLinks: follow).resolve(locations: CommandSupport.locations(of: paths))
  }

  /// The scan's settings.
  func configuration(locate: Bool) -> ScanConfiguration {
    var configuration = ScanConfiguration(
      threads: threads, layout: ChunkLayout(chunkSize: chunkSize), useMapping: mmap,
      locate: locate, detection: DetectionSettings(asOf: asOfDate))
    configuration.scanBinary = binary
    configuration.archiveLimits = ArchiveLimits(
      maxTotalBytes: CommandSupport.parseSize(maxDecompressed)!, maxRatio: maxRatio,
      maxDepth: maxDepth)
    if let limit = maxBytes.flatMap(CommandSupport.parseSize) {
      configuration.maxFileBytes = limit
      configuration.maxStreamBytes = limit
    }
    return configuration
  }

  /// A progress line on standard error, when it is a terminal and asked for.
  func progressMeter(for inputs: [ScanInput]) -> ProgressMeter? {
    guard progress && ProgressMeter.isTerminal else { return nil }
    let total =
      inputs.contains { $0.size == nil } ? nil : inputs.reduce(0) { $0 + ($1.size ?? 0) }
    return ProgressMeter(totalBytes: total)
  }

  /// What the walk skipped, reported like any other notice, before anything is read.
  static func reportSkipped(_ skipped: [InputWalker.Skipped], to sink: any FindingSink) {
    for skip in skipped {
      let input = ScanInput(path: skip.path, kind: .regularFile, size: nil)
      sink.receive(
        .notice(
          input,
          Notice(
            kind: skip.isError ? .unreadable : .skipped, severity: skip.isError ? .error : .note,
            message: skip.isError ? skip.reason : "skipped: \(skip.reason)")))
    }
  }
}
