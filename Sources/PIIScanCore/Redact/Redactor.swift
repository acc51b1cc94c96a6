import CPIIScanKernels
import PIIScanArchive
import PIIScanSheets
import PIIScanText

#if canImport(Glibc)
  import Glibc
#endif

/// `piiscan redact`: writes a copy of an input with every personal value replaced, keeping
/// the file's format, encoding, lines and record structure; an archive is written back as the
/// same kind of archive, its members redacted (nested ones too).
///
/// For each input: a scan finds the values and their stored byte ranges (the same scan as
/// `piiscan scan`, so the same values); the input is read again and copied with those ranges
/// replaced (``TextRewriter``); the copy is scanned, and kept only when that scan finds no valid
/// personal value — otherwise it is deleted and the input reported as not redacted, so a copy
/// that still holds personal information is never left behind. The input is only ever read.
///
/// Not redacted (no copy is written, and the result says why): standard input and other
/// streams (redact reads an input twice), `.xls` workbooks (not rewritten yet; an `.xlsx` is,
/// by ``WorkbookRewriter``), archives libarchive cannot write (rar, cab, lha, iso9660, xar,
/// warc), encrypted members, and inputs that could not be read in full. Archive members are
/// held in memory while they are rewritten, up to ``maxMemberBytes`` each.
public final class Redactor {
  public let rules: RuleSet
  public let configuration: ScanConfiguration
  let maker: ReplacementMaker
  /// Whether to scan each copy before keeping it.
  public var verify = true

  /// The largest archive member rewritten (held in memory while it is).
  public static let maxMemberBytes = 1 << 30

  public init(rules: RuleSet, configuration: ScanConfiguration, mode: RedactionMode) {
    self.rules = rules
    var configuration = configuration
    configuration.hashInputs = true
    configuration.locate = true
    self.configuration = configuration
    maker = ReplacementMaker(mode: mode, rules: rules, asOf: configuration.detection.asOf)
  }

  /// What became of one input.
  public struct Result: Sendable {
    public enum Status: String, Sendable {
      /// The copy was written (and, unless verification was turned off, scanned clean).
      case written
      /// No copy: see ``Result/message``.
      case notRedacted = "not_redacted"
    }

    public var input: String
    public var output: String
    public var status: Status
    public var message: String?
    /// SHA-256 of the input as stored, hex, when it was read in full.
    public var sha256: String?
    public var replaced: RedactionTally
    /// Valid personal values a scan of the copy still found (the copy is then removed).
    public var remaining: Int

    public init(
      input: String, output: String, status: Status, message: String? = nil,
      sha256: String? = nil, replaced: RedactionTally = RedactionTally(), remaining: Int = 0
    ) {
      self.input = input
      self.output = output
      self.status = status
      self.message = message
      self.sha256 = sha256
      self.replaced = replaced
      self.remaining = remaining
    }
  }

  /// Redacts `input` into a new file at `output` (which must not exist).
  public func redact(_ input: ScanInput, to output: InputPath) -> Result {
    var result = Result(
      input: input.displayPath, output: output.display, status: .notRedacted, message: nil,
      sha256: nil, replaced: RedactionTally(), remaining: 0)
    guard input.kind == .regularFile else {
      result.message = "only regular files are redacted (a stream can be read only once)"
      return result
    }
    let scan = FindingCollector()
    ScanPipeline(rules: rules, configuration: configuration).run(inputs: [input], sink: scan)
    result.sha256 = scan.facts[""]?.sha256
    if let problem = scan.problem {
      result.message = problem
      return result
    }
    let file: OutputTarget
    do {
      file = try OutputTarget(final: output)
    } catch {
      result.message = error.message
      return result
    }
    do {
      result.replaced = try write(input, findings: scan, to: file)
      try file.flush()
    } catch let error as RedactionError {
      file.discard()
      result.message = error.message
      return result
    } catch {
      file.discard()
      result.message = "\(error)"
      return result
    }
    if verify {
      let check = FindingCollector()
      let copy = ScanInput(location: file.temporary, kind: .regularFile, size: nil)
      var settings = configuration
      settings.hashInputs = false
      ScanPipeline(rules: rules, configuration: settings).run(inputs: [copy], sink: check)
      result.remaining = check.personalValid
      if check.personalValid > 0 {
        file.discard()
        result.message =
          "a scan of the copy still finds \(check.personalValid) valid personal value(s); "
          + "the copy was removed"
        return result
      }
    }
    do {
      try file.commit()
    } catch {
      result.message = error.message
      return result
    }
    result.status = .written
    return result
  }

  private func write(_ input: ScanInput, findings: FindingCollector, to file: OutputTarget) throws
    -> RedactionTally
  {
    let descriptor = input.location.withCString { open($0, O_RDONLY | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw RedactionError("cannot be read: \(systemErrorText(errno))")
    }
    defer { close(descriptor) }
    var prefix = [UInt8](repeating: 0, count: InputProfile.sniffLength)
    let prefixCount = prefix.withUnsafeMutableBytes {
      pread(descriptor, $0.baseAddress, $0.count, 0)
    }
    guard prefixCount >= 0 else {
      throw RedactionError("cannot be read: \(systemErrorText(errno))")
    }
    prefix.removeLast(prefix.count - prefixCount)
    let kind = prefix.withUnsafeBytes {
      ContainerSniffer.kind(
        of: UnsafeRawBufferPointer(rebasing: $0.prefix(ContainerSniffer.prefixLength)))
    }
    if kind == .plain {
      let profile = prefix.withUnsafeBytes { InputProfile.sniff($0) }
      let rewriter = TextRewriter(
        encoding: StoredEncoding(profile.encoding), syntax: TextRewriter.syntax(of: profile.format),
        maker: maker)
      return try rewriter.rewrite(
        edits: RedactionEdit.plan(findings.findings[MemberKey(name: "", occurrence: 1)] ?? []),
        read: { buffer in
          while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw RedactionError("cannot be read: \(systemErrorText(errno))") }
          }
        },
        write: { try file.write($0) })
    }
    let source = PeekingSource(FileDescriptorSource(fileDescriptor: descriptor))
    let rewriter = ArchiveRewriter(
      findings: findings, maker: maker,
      budget: ArchiveBudget(limits: configuration.archiveLimits))
    try rewriter.rewrite(source: source, kind: kind, member: nil, depth: 0, into: file)
    return rewriter.tally
  }
}

/// Why an input could not be redacted.
struct RedactionError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// A member of an input by its name (nested members joined by `!`, "" for the input itself) and
/// which occurrence of that name it is (an archive may hold one name twice).
struct MemberKey: Hashable {
  var name: String
  var occurrence: Int
}

/// Collects a scan's findings per member, the facts of each input, and what stops a copy.
final class FindingCollector: FindingSink {
  private(set) var findings: [MemberKey: [Finding]] = [:]
  private(set) var facts: [String: InputFacts] = [:]
  private var occurrences: [String: Int] = [:]
  private var current: [String: MemberKey] = [:]
  /// Why no copy can be made, if something says so.
  private(set) var problem: String?
  /// Valid personal values seen.
  private(set) var personalValid = 0

  func receive(_ batch: FindingBatch) {
    let name = batch.input.member ?? ""
    let key = current[name] ?? MemberKey(name: name, occurrence: 1)
    findings[key, default: []] += batch.findings
    personalValid += batch.findings.count { $0.isPersonal }
  }

  func receive(_ event: ScanEvent) {
    switch event {
    case .started(let input):
      let name = input.member ?? ""
      occurrences[name, default: 0] += 1
      current[name] = MemberKey(name: name, occurrence: occurrences[name]!)
    case .described(let input, let facts):
      self.facts[input.member ?? ""] = facts
    case .finished(let input, let summary):
      if let facts = summary.facts { self.facts[input.member ?? ""] = facts }
      if summary.facts?.format == "xls" {
        problem = problem ?? "Excel 97 workbooks (.xls) are not redacted yet"
      }
    case .notice(let input, let notice):
      if notice.kind == .binary || notice.kind == .skipped {
        problem = problem ?? "\(input.displayName): \(notice.message)"
      }
      if notice.severity == .error {
        problem = problem ?? "\(input.displayName) could not be read in full: \(notice.message)"
      }
    case .progress:
      break
    }
    if case .described(_, let facts) = event, facts.format == "xls" {
      problem = problem ?? "Excel 97 workbooks (.xls) are not redacted yet"
    }
  }
}

/// Rewrites a container level by level: each member read into memory, redacted (or, when it is
/// a container itself, rewritten the same way) and written to a writer of the same format.
final class ArchiveRewriter {
  let findings: FindingCollector
  let maker: ReplacementMaker
  let budget: ArchiveBudget
  private(set) var tally = RedactionTally()
  private var occurrences: [String: Int] = [:]

  init(findings: FindingCollector, maker: ReplacementMaker, budget: ArchiveBudget) {
    self.findings = findings
    self.maker = maker
    self.budget = budget
  }

  func rewrite(
    source: PeekingSource, kind: ContainerKind, member: String?, depth: Int,
    into sink: any ArchiveSink
  ) throws {
    let reader = try ArchiveReader(source: source, kind: kind, depth: depth, budget: budget)
    var writer: ArchiveWriter?
    let label = member.map { "member \($0)" } ?? "the \(kind) container"
    func memberName(of entry: ArchiveEntry) -> String {
      [member, entry.name.isEmpty ? nil : entry.name].compactMap { $0 }.joined(separator: "!")
    }
    // A zip is read whole first: it may be a workbook, whose sheets are rewritten together.
    var held: [(entry: ArchiveEntry, bytes: [UInt8])] = []
    while let entry = try reader.nextEntry() {
      if writer == nil {
        guard let layout = ArchiveWriter.Layout(of: reader) else {
          throw RedactionError(
            "\(label) is in a format that cannot be written back (\(reader.kind): rar, cab, "
              + "lha, iso9660, xar and warc are read but not written)")
        }
        writer = try ArchiveWriter(sink: sink, layout: layout)
      }
      let name = memberName(of: entry)
      switch entry.kind {
      case .directory, .symlink:
        if kind == .zip {
          held.append((entry, []))
        } else {
          try writer!.writeEntry(entry)
        }
        continue
      case .other:
        throw RedactionError(
          "member \(name) is a hard link or a special file, which is not copied")
      case .file:
        break
      }
      if entry.isEncrypted {
        throw RedactionError("member \(name) is encrypted: it cannot be read, nor redacted")
      }
      let bytes = try Self.readAll(reader, name: name)
      if kind == .zip {
        held.append((entry, bytes))
      } else {
        try write(entry, try rewritten(bytes, name: name, depth: depth), to: writer!)
      }
    }
    guard let writer else {
      throw RedactionError("\(label) holds no entries; there is nothing to write back")
    }
    if kind == .zip {
      let names = held.filter { $0.entry.kind == .file }.map(\.entry.name)
      if SpreadsheetKind.isXLSX(memberNames: names) {
        let workbook = WorkbookRewriter(
          parts: held, member: member, findings: findings, maker: maker)
        held = try workbook.rewrite(text: { bytes, name in
          try self.rewritten(bytes, name: name, depth: depth)
        })
        tally.add(workbook.tally)
        for (entry, bytes) in held { try write(entry, bytes, to: writer) }
      } else {
        for (entry, bytes) in held {
          let content =
            entry.kind == .file
            ? try rewritten(bytes, name: memberName(of: entry), depth: depth) : []
          try write(entry, content, to: writer)
        }
      }
    }
    try writer.finish()
  }

  /// Writes an entry with its (rewritten) content: a file with `bytes`, anything else as it is.
  private func write(_ entry: ArchiveEntry, _ bytes: [UInt8], to writer: ArchiveWriter) throws {
    guard entry.kind == .file else {
      try writer.writeEntry(entry)
      return
    }
    var copy = entry
    copy.size = Int64(bytes.count)
    try bytes.withUnsafeBytes { try writer.writeFile(copy, data: $0) }
  }

  /// A member's bytes redacted: a container rewritten level by level, a text with its edits.
  func rewritten(_ bytes: [UInt8], name: String, depth: Int) throws -> [UInt8] {
    let inner = bytes.withUnsafeBytes {
      ContainerSniffer.kind(
        of: UnsafeRawBufferPointer(rebasing: $0.prefix(ContainerSniffer.prefixLength)))
    }
    if inner != .plain {
      let memory = MemorySink()
      try rewrite(
        source: PeekingSource(SeekableMemorySource(bytes)), kind: inner,
        member: name.isEmpty ? nil : name, depth: depth + 1, into: memory)
      return memory.bytes
    }
    // Only text members start a scan (a container member does not), so only they count as
    // occurrences of their name: a nameless stream inside `a.gz` is `a.gz` again.
    occurrences[name, default: 0] += 1
    let key = MemberKey(name: name, occurrence: occurrences[name]!)
    let (text, replaced) = try TextRewriter.rewrite(
      bytes, edits: RedactionEdit.plan(findings.findings[key] ?? []), maker: maker)
    tally.add(replaced)
    return text
  }

  private static func readAll(_ reader: ArchiveReader, name: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = try reader.read(into: buffer)
      if count == 0 { return bytes }
      bytes += buffer[..<count]
      if bytes.count > Redactor.maxMemberBytes {
        throw RedactionError(
          "member \(name) is larger than \(Redactor.maxMemberBytes >> 20) MiB, the most "
            + "redact holds in memory")
      }
    }
  }
}

/// An archive's bytes in memory: a member that is itself a container, read again to rewrite it
/// (seekable, as a 7z needs).
final class SeekableMemorySource: SeekableArchiveSource {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = min(buffer.count, bytes.count - position)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes {
      buffer.baseAddress!.copyMemory(from: $0.baseAddress! + position, byteCount: count)
    }
    position += count
    return count
  }

  func seek(to offset: Int64, from origin: ArchiveSeekOrigin) throws -> Int64 {
    let base =
      switch origin {
      case .start: 0
      case .current: position
      case .end: bytes.count
      }
    let target = base + Int(offset)
    guard target >= 0 else { throw RedactionError("seek before the start") }
    position = min(target, bytes.count)
    return Int64(position)
  }
}

/// A rewritten member that is itself a container, collected in memory.
final class MemorySink: ArchiveSink {
  private(set) var bytes: [UInt8] = []
  func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes += bytes }
}

/// A copy being written: a new file under a temporary name beside its final one (removed on
/// interrupt), given its name only when complete and checked, and never over an existing file.
final class OutputTarget: ArchiveSink {
  let final: InputPath
  let temporary: InputPath
  private let descriptor: Int32
  private let slot: Int32
  private var buffer: [UInt8] = []
  private var done = false

  init(final: InputPath) throws(InputError) {
    self.final = final
    let bytes = final.bytes
    let slash = bytes.lastIndex(of: 0x2F)
    let directory = slash.map { Array(bytes[...$0]) } ?? []
    let name = slash.map { Array(bytes[($0 + 1)...]) } ?? bytes
    temporary = InputPath(
      bytes: directory + [0x2E] + name + Array(".piiscan-\(getpid()).partial".utf8))
    if final.withCString({ access($0, F_OK) }) == 0 {
      throw InputError("exists already; redact never writes over a file")
    }
    _ = piiscan_install_interrupt_cleanup()
    let fd = temporary.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
    if fd < 0 { throw InputError("cannot be written: \(systemErrorText(errno))", code: errno) }
    descriptor = fd
    slot = temporary.withCString { piiscan_register_cleanup($0, 0) }
  }

  func write(_ bytes: UnsafeRawBufferPointer) throws {
    buffer += bytes
    if buffer.count >= 1 << 20 { try flush() }
  }

  func write(_ bytes: [UInt8]) throws {
    buffer += bytes
    if buffer.count >= 1 << 20 { try flush() }
  }

  func flush() throws {
    var written = 0
    try buffer.withUnsafeBytes { raw in
      while written < raw.count {
        let n = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          throw RedactionError("cannot be written: \(systemErrorText(errno))")
        }
        written += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Gives the copy its name: a hard link, which fails rather than replace a file that
  /// appeared meanwhile.
  func commit() throws(InputError) {
    guard !done else { return }
    done = true
    defer {
      _ = temporary.withCString { unlink($0) }
      piiscan_unregister_cleanup(slot)
    }
    close(descriptor)
    let status = temporary.withCString { from in final.withCString { link(from, $0) } }
    if status != 0 {
      throw InputError("cannot be written: \(systemErrorText(errno))", code: errno)
    }
  }

  /// Removes the partial copy.
  func discard() {
    guard !done else { return }
    done = true
    close(descriptor)
    _ = temporary.withCString { unlink($0) }
    piiscan_unregister_cleanup(slot)
  }

  deinit { discard() }
}
