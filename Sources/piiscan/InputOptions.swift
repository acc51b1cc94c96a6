import ArgumentParser
import Foundation
import PIIScanArchive
import PIIScanCore

/// What to read: paths and the filters of a walk.
struct PathOptions: ParsableArguments {
  @Argument(help: "Files or directories to read (default: standard input; - is standard input).")
  var paths: [String] = []

  @Option(
    name: [.customShort("g"), .long],
    help: ArgumentHelp(
      "Only paths matching this glob (gitignore syntax; !GLOB leaves them out); repeatable.",
      valueName: "glob"))
  var glob: [String] = []

  @Flag(help: "Read dotfiles and dot-directories too (skipped in a walk by default).")
  var hidden = false

  @Flag(help: "Do not read .piiscanignore and .gitignore files; walk into .git too.")
  var noIgnore = false

  @Option(
    help: ArgumentHelp("Leave out files larger than this (K/M/G/T).", valueName: "size"))
  var maxFilesize: String?

  @Flag(help: "Follow symbolic links found while walking directories.")
  var follow = false

  @Flag(help: "Scan files that look binary instead of skipping them with a notice.")
  var binary = false
}

/// Which rules, as of when, and from which configuration file.
struct RuleOptions: ParsableArguments {
  @Option(help: "Only these categories (comma-separated taxonomy ids, e.g. cn_mobile,email).")
  var only: String?

  @Option(help: "Leave out these categories (comma-separated).")
  var except: String?

  @Option(
    name: .customLong("patterns"),
    help: ArgumentHelp(
      "Add your own rules: every *.toml file in DIR (not its subdirectories), or one .toml "
        + "file; repeatable. Format: Patterns/README.md, \"Your own rules\".",
      valueName: "dir"))
  var patterns: [String] = []

  @Option(
    help: ArgumentHelp(
      "Judge birth dates and ages as of this date (YYYY-MM-DD; default: today).",
      valueName: "date"))
  var asOf: String?

  @Option(
    help: ArgumentHelp(
      "Read settings and the allowlist from FILE (default: piiscan.toml in this directory or "
        + "a parent up to the repository's root).",
      valueName: "file"))
  var config: String?

  @Flag(help: "Read no configuration file.")
  var noConfig = false
}

/// Safety limits against endless streams and hostile archives.
struct LimitOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Read at most this many bytes of each input (K/M/G/T; default: all of a regular file, "
        + "64G of a stream).",
      valueName: "size"))
  var maxBytes: String?

  @Option(
    help: ArgumentHelp(
      "Stop an archive or compressed input after this many decompressed bytes (K/M/G/T; "
        + "default: 64G).",
      valueName: "size"))
  var maxDecompressed: String?

  @Option(
    help: ArgumentHelp(
      "Stop a container producing more than this many bytes per compressed byte (default: "
        + "200).",
      valueName: "ratio"))
  var maxRatio: Double?

  @Option(
    help: ArgumentHelp(
      "How deeply archives may be nested in one another (default: 8).", valueName: "depth"))
  var maxDepth: Int?
}

/// Knobs that change the speed, never the output.
struct PerformanceOptions: ParsableArguments {
  @Option(
    name: [.customShort("j"), .long],
    help: ArgumentHelp("Worker threads (default: every core).", valueName: "n"))
  var threads: Int?

  @Option(
    help: ArgumentHelp(
      "Nominal chunk size in bytes: a tuning knob that never changes the output (default: "
        + "2097152).",
      valueName: "bytes"))
  var chunkSize: Int?

  @Flag(help: "Read regular files through a read-only memory map instead of pread.")
  var mmap = false
}

/// What to read and how: the options `scan` and `size` share, in four groups for the help,
/// and the configuration file that supplies what the command line does not.
struct InputOptions: ParsableArguments {
  @OptionGroup(title: "Input") var files: PathOptions
  @OptionGroup(title: "Rules") var ruleOptions: RuleOptions
  @OptionGroup(title: "Limits") var limits: LimitOptions
  @OptionGroup(title: "Performance") var performance: PerformanceOptions

  var paths: [String] { files.paths }

  func validate() throws {
    if let threads = performance.threads, threads < 1 {
      throw ValidationError("--threads must be at least 1")
    }
    if let chunkSize = performance.chunkSize, chunkSize < 1 {
      throw ValidationError("--chunk-size must be at least 1")
    }
    if let asOf = ruleOptions.asOf, CivilDate(iso: asOf) == nil {
      throw ValidationError("--as-of must be a date written YYYY-MM-DD, not \"\(asOf)\"")
    }
    for (name, value) in [
      ("--max-decompressed", limits.maxDecompressed), ("--max-bytes", limits.maxBytes),
      ("--max-filesize", files.maxFilesize),
    ] {
      if let value, SizeText.parse(value) == nil {
        throw ValidationError("\(name) must be a size such as 500M or 64G, not \"\(value)\"")
      }
    }
    if let ratio = limits.maxRatio, ratio <= 1 {
      throw ValidationError("--max-ratio must be more than 1")
    }
    if let depth = limits.maxDepth, depth < 1 {
      throw ValidationError("--max-depth must be at least 1")
    }
    for glob in files.glob where PathPattern(glob: glob) == nil {
      throw ValidationError("--glob \"\(glob)\" is not a glob")
    }
    if ruleOptions.config != nil && ruleOptions.noConfig {
      throw ValidationError("--config and --no-config do not go together")
    }
  }

  /// The settings in force: the command line's, else the configuration file's, else the
  /// built-in defaults. A configuration file that is wrong is reported (file, line, key) and
  /// the command exits with status 2 before reading anything.
  func settings() throws -> ScanSettings {
    var config: ConfigFile?
    let path =
      ruleOptions.noConfig
      ? nil
      : ruleOptions.config ?? ConfigFile.discover(from: FileManager.default.currentDirectoryPath)
    if let path {
      do {
        config = try ConfigFile.load(path: path)
      } catch {
        Diagnostics().emit("piiscan: \(error)")
        Diagnostics().emit("piiscan: the configuration is wrong (docs/CI.md); nothing was scanned")
        throw ExitCode(2)
      }
    }
    return ScanSettings(options: self, config: config)
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

/// The settings of one run, after the configuration file filled in what the command line
/// left out.
struct ScanSettings {
  let options: InputOptions
  let config: ConfigFile?

  var only: String? { options.ruleOptions.only ?? config?.only?.joined(separator: ",") }
  var except: String? { options.ruleOptions.except ?? config?.except?.joined(separator: ",") }
  var patterns: [String] { options.ruleOptions.patterns + (config?.patterns ?? []) }
  var asOf: String? { options.ruleOptions.asOf ?? config?.asOf }
  /// The as-of date: the one given, or today.
  var asOfDate: CivilDate { asOf.flatMap { CivilDate(iso: $0) } ?? .today() }
  var threads: Int {
    options.performance.threads ?? config?.threads ?? ScanConfiguration.defaultThreads
  }
  var chunkSize: Int { options.performance.chunkSize ?? ChunkLayout.defaultChunkSize }
  var follow: Bool { options.files.follow || config?.follow == true }
  var binary: Bool { options.files.binary || config?.binary == true }
  var hidden: Bool { options.files.hidden || config?.hidden == true }
  var readsIgnoreFiles: Bool { !options.files.noIgnore && config?.ignore != false }
  var globs: [String] { (config?.globs ?? []) + options.files.glob }
  var maxFilesize: String? { options.files.maxFilesize ?? config?.maxFilesize }
  var maxBytes: String? { options.limits.maxBytes ?? config?.maxBytes }
  var maxDecompressed: String { options.limits.maxDecompressed ?? config?.maxDecompressed ?? "64G" }
  var maxRatio: Double { options.limits.maxRatio ?? config?.maxRatio ?? 200 }
  var maxDepth: Int { options.limits.maxDepth ?? config?.maxDepth ?? 8 }

  /// The fingerprint key: `PIISCAN_FINGERPRINT_KEY`, else the configuration file's
  /// `[fingerprint] key`, else the built-in (public) one; and where it came from.
  var fingerprints: (FindingFingerprint, source: String) {
    let environment = ProcessInfo.processInfo.environment["PIISCAN_FINGERPRINT_KEY"] ?? ""
    if !environment.isEmpty {
      return (FindingFingerprint(secret: environment), "PIISCAN_FINGERPRINT_KEY")
    }
    if let key = config?.fingerprintKey { return (FindingFingerprint(secret: key), "config") }
    return (.standard, "built-in")
  }

  /// The rules in force: the built-in ones and the user's, restricted by --only and --except.
  func rules() throws -> RuleSet {
    try CommandSupport.loadRules(
      only: only, except: except, patterns: patterns,
      settings: DetectionSettings(asOf: asOfDate))
  }

  /// The walk's filters.
  var filters: WalkFilters {
    WalkFilters(
      hidden: hidden, ignoreFiles: readsIgnoreFiles,
      globs: globs.compactMap { PathPattern(glob: $0) },
      maxFileSize: maxFilesize.flatMap(SizeText.parse))
  }

  /// The inputs the paths name, what the walk skipped and what its filters left out.
  func walk() -> InputWalker.Result {
    InputWalker(followLinks: follow, filters: filters)
      .walk(locations: CommandSupport.locations(of: options.paths))
  }

  /// The scan's settings.
  func configuration(locate: Bool) -> ScanConfiguration {
    var configuration = ScanConfiguration(
      threads: threads, layout: ChunkLayout(chunkSize: chunkSize),
      useMapping: options.performance.mmap, locate: locate,
      detection: DetectionSettings(asOf: asOfDate))
    configuration.scanBinary = binary
    configuration.archiveLimits = ArchiveLimits(
      maxTotalBytes: SizeText.parse(maxDecompressed)!, maxRatio: maxRatio, maxDepth: maxDepth)
    if let limit = maxBytes.flatMap(SizeText.parse) {
      configuration.maxFileBytes = limit
      configuration.maxStreamBytes = limit
    }
    return configuration
  }

  /// The settings reports show as the configuration in force.
  func described(extra: [(name: String, value: String)]) -> [(name: String, value: String)] {
    var items: [(name: String, value: String)] = []
    if let config {
      items.append(("config_file", config.path))
      items.append(("config_sha256", config.sha256))
    }
    if let only { items.append(("only", only)) }
    if let except { items.append(("except", except)) }
    if !patterns.isEmpty { items.append(("patterns", patterns.joined(separator: ","))) }
    items.append(("hidden", String(hidden)))
    items.append(("ignore_files", String(readsIgnoreFiles)))
    if !globs.isEmpty { items.append(("globs", globs.joined(separator: ","))) }
    if let maxFilesize { items.append(("max_filesize", maxFilesize)) }
    items.append(("fingerprint_key", fingerprints.source))
    return items + extra
  }

  /// A progress line on standard error, when it is a terminal and asked for.
  func progressMeter(for inputs: [ScanInput], enabled: Bool) -> ProgressMeter? {
    guard enabled && ProgressMeter.isTerminal else { return nil }
    let total =
      inputs.contains { $0.size == nil } ? nil : inputs.reduce(0) { $0 + ($1.size ?? 0) }
    return ProgressMeter(totalBytes: total)
  }
}
