import ArgumentParser
import Foundation
import PIIScanCore

#if canImport(Glibc)
  import Glibc
#endif

/// `piiscan redact`: a copy of each input with every personal value replaced (``Redactor``).
struct RedactCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "redact",
    abstract:
      "Write a copy of each input with every personal value masked (or pseudonymised), "
      + "keeping its format, encoding, lines and records.",
    discussion: """
      Each input is scanned as scan does; a copy is written with every value of a personal \
      category replaced by its mask (139****5670, 张*), or with --pseudonymise by a keyed \
      pseudonym of the same shape, so tables can still be joined on it. The copy keeps the \
      input's encoding (UTF-8, GB18030, UTF-16), its line count and its record structure \
      (CSV quoting, SQL tuples, JSON validity); an archive is written back as the same kind of \
      archive. Each copy is scanned before it is kept: one in which a valid personal value is \
      still found is removed and reported.

      The inputs are only read. --output DIR gets one copy per input under the input's own \
      name (a directory's files keep their paths inside it); with one file, --output FILE \
      names the copy. Nothing is written over an existing file, and nothing beside the \
      evidence (in an input's directory, or inside an input directory) unless --beside-input \
      is given.

      --pseudonymise needs a secret of at least 16 bytes, from --secret-file FILE or the \
      PIISCAN_SECRET environment variable (never on the command line, where other users can \
      read it). The same secret gives the same pseudonyms. Pseudonyms are built so that they \
      can never be a real person's value: see docs/REDACTION.md.

      An .xlsx workbook gets its cells rewritten (as inline strings). Not redacted yet: .xls \
      workbooks, standard input, rar archives.

      Exit status: 0 every input was redacted, 2 some input was not (the rest were), 64 a \
      usage error.
      """)

  @OptionGroup(title: "Input")
  var input: InputOptions

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Where the copies go: a directory, or a file when there is one input file.",
      valueName: "dir|file"))
  var output: String

  @Flag(help: "Replace identifiers by keyed pseudonyms of the same shape instead of masks.")
  var pseudonymise = false

  @Option(
    help: ArgumentHelp(
      "The secret pseudonyms are keyed with (default: $PIISCAN_SECRET).", valueName: "file"))
  var secretFile: String?

  @Flag(help: "Allow writing copies beside the inputs (in their directories).")
  var besideInput = false

  @Flag(help: "Keep each copy without scanning it first.")
  var noVerify = false

  @Option(help: "Summary format: text or json.")
  var format: SummaryFormat = .text

  @Option(help: "Language of the text summary: zh or en (default: from LANG/LC_ALL).")
  var lang: ReportLanguage?

  enum SummaryFormat: String, ExpressibleByArgument {
    case text, json
  }

  func validate() throws {
    if secretFile != nil && !pseudonymise {
      throw ValidationError("--secret-file is for --pseudonymise")
    }
    if input.paths.isEmpty || input.paths.contains("-") {
      throw ValidationError(
        "redact reads each input twice, so it needs files or directories, not standard input")
    }
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let diagnostics = Diagnostics()
    let settings = try input.settings()
    let rules = try settings.rules()
    let mode = try redactionMode()
    let redactor = Redactor(
      rules: rules, configuration: settings.configuration(locate: true), mode: mode)
    redactor.verify = !noVerify

    let plan = try Self.plan(
      paths: input.paths, output: output,
      walker: InputWalker(followLinks: settings.follow, filters: settings.filters),
      besideInput: besideInput)
    var results: [Redactor.Result] = []
    for skipped in plan.skipped {
      diagnostics.error(skipped.path, skipped.reason)
    }
    for (scanInput, target) in plan.copies {
      var made: [InputPath] = []
      if let problem = Self.makeParent(of: target, made: &made) {
        results.append(
          Redactor.Result(
            input: scanInput.displayPath, output: target.display, status: .notRedacted,
            message: problem, sha256: nil, replaced: RedactionTally(), remaining: 0))
        continue
      }
      let result = redactor.redact(scanInput, to: target)
      if result.status != .written {
        diagnostics.error(result.input, "not redacted: \(result.message ?? "")")
        // The directories made for the copy go too (rmdir leaves one that is not empty).
        for directory in made.reversed() { _ = directory.withCString { rmdir($0) } }
      }
      results.append(result)
    }
    let language = lang ?? .fromEnvironment(ProcessInfo.processInfo.environment)
    let summary = RedactionSummary(
      results: results, pseudonymise: pseudonymise, categories: rules.categoryList)
    let out = ReportStream(descriptor: 1)
    out.write(format == .json ? summary.json : summary.text(language))
    out.flush()
    if diagnostics.errored || results.contains(where: { $0.status != .written }) {
      throw ExitCode(2)
    }
  }

  private func redactionMode() throws -> RedactionMode {
    guard pseudonymise else { return .mask }
    var secret: [UInt8]
    if let secretFile {
      guard let data = FileManager.default.contents(atPath: secretFile) else {
        throw ValidationError("--secret-file \(secretFile) cannot be read")
      }
      secret = Array(data)
      // A trailing line break (echo secret > file) is not part of the secret.
      while secret.last == 0x0A || secret.last == 0x0D { secret.removeLast() }
    } else if let value = ProcessInfo.processInfo.environment["PIISCAN_SECRET"] {
      secret = Array(value.utf8)
    } else {
      throw ValidationError("--pseudonymise needs a secret: --secret-file FILE or PIISCAN_SECRET")
    }
    guard secret.count >= 16 else {
      throw ValidationError(
        "the secret has \(secret.count) bytes; --pseudonymise needs at least 16")
    }
    return .pseudonymise(secret: secret)
  }

  /// Which copy each input gets, and what the walk could not read.
  struct Plan {
    var copies: [(ScanInput, InputPath)] = []
    var skipped: [InputWalker.Skipped] = []
  }

  /// Maps every input to its copy: `output` itself for one file given alone (unless it is a
  /// directory), else `output/NAME/…` with NAME the input's last path component and a
  /// directory's files under their paths inside it. Refuses copies beside the evidence unless
  /// `besideInput`.
  static func plan(paths: [String], output: String, walker: InputWalker, besideInput: Bool)
    throws -> Plan
  {
    var plan = Plan()
    let locations = CommandSupport.locations(of: paths).compactMap { $0 }
    let outputBytes = Array(output.utf8)
    let single =
      locations.count == 1 && !isDirectory(locations[0].bytes) && !isDirectory(outputBytes)
      && output.last != "/"
    for location in locations {
      let walk = walker.walk(locations: [location])
      let inputs = walk.inputs
      plan.skipped += walk.skipped
      var root = location.bytes
      while root.count > 1 && root.last == 0x2F { root.removeLast() }
      let base = root.split(separator: 0x2F).last.map(Array.init) ?? []
      let name = base == [0x2E] || base == [0x2E, 0x2E] ? [] : base
      for scanInput in inputs {
        let target: [UInt8]
        if single {
          target = outputBytes
        } else {
          var relative = Array(scanInput.location.bytes.dropFirst(root.count))
          while relative.first == 0x2F { relative.removeFirst() }
          var path = outputBytes
          while path.count > 1 && path.last == 0x2F { path.removeLast() }
          for part in [name, relative] where !part.isEmpty { path += [0x2F] + part }
          target = path
        }
        let copy = InputPath(bytes: target)
        if !besideInput,
          let problem = besideProblem(
            input: scanInput.location, copy: copy,
            root: isDirectory(root) ? root : nil)
        {
          throw ValidationError(problem)
        }
        plan.copies.append((scanInput, copy))
      }
    }
    return plan
  }

  private static func isDirectory(_ path: [UInt8]) -> Bool {
    var info = stat()
    return InputPath(bytes: path).withCString { stat($0, &info) } == 0
      && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The canonical path of an existing `path`, or of its nearest existing ancestor followed by
  /// the rest.
  private static func canonical(_ path: [UInt8]) -> [UInt8] {
    var head = path
    var tail: [UInt8] = []
    while !head.isEmpty {
      if let resolved = InputPath(bytes: head).withCString({ realpath($0, nil) }) {
        defer { free(resolved) }
        let bytes = Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
        return tail.isEmpty ? bytes : bytes + [0x2F] + tail
      }
      guard let slash = head.lastIndex(of: 0x2F) else { break }
      tail = Array(head[(slash + 1)...]) + (tail.isEmpty ? [] : [0x2F] + tail)
      head = Array(head[..<slash])
    }
    let cwd = FileManager.default.currentDirectoryPath
    return canonical(Array(cwd.utf8)) + [0x2F] + path
  }

  /// Why writing `copy` would put it beside the evidence: in the input's own directory, or
  /// inside the directory the input was found in.
  private static func besideProblem(input: InputPath, copy: InputPath, root: [UInt8]?) -> String? {
    func parent(_ path: [UInt8]) -> [UInt8] {
      guard let slash = path.lastIndex(of: 0x2F) else { return [0x2E] }
      return slash == 0 ? [0x2F] : Array(path[..<slash])
    }
    let copyDirectory = canonical(parent(copy.bytes))
    let inputDirectory = canonical(parent(input.bytes))
    if copyDirectory == inputDirectory {
      return "--output would put \(copy.display) beside its input \(input.display); "
        + "give another directory, or --beside-input"
    }
    if let root {
      let rootPath = canonical(root)
      if copyDirectory == rootPath || copyDirectory.starts(with: rootPath + [0x2F]) {
        return "--output \(copy.display) is inside the input directory "
          + "\(String(decoding: root, as: UTF8.self)); give another directory, or --beside-input"
      }
    }
    return nil
  }

  /// Creates the directories above `path`, adding those it made to `made`; a message when
  /// that fails.
  private static func makeParent(of path: InputPath, made: inout [InputPath]) -> String? {
    guard let slash = path.bytes.lastIndex(of: 0x2F), slash > 0 else { return nil }
    var prefix: [UInt8] = []
    for (index, byte) in path.bytes[..<slash].enumerated() {
      prefix.append(byte)
      let atEnd = index == slash - 1
      guard byte == 0x2F || atEnd else { continue }
      let directory = byte == 0x2F ? Array(prefix.dropLast()) : prefix
      if directory.isEmpty { continue }
      let status = InputPath(bytes: directory).withCString { mkdir($0, 0o755) }
      if status == 0 { made.append(InputPath(bytes: directory)) }
      if status != 0 && errno != EEXIST {
        return "cannot create \(String(decoding: directory, as: UTF8.self)): "
          + String(cString: strerror(errno))
      }
    }
    return nil
  }
}
