import PIIScanArchive
import PIIScanSheets

/// The parallel chunked reader: cuts every input into chunks, scans them on every core and
/// hands the results to a sink in input order.
///
/// The calling thread walks the inputs and cuts them; N worker threads scan. A regular file's
/// chunks are only numbered by the calling thread — each worker `pread`s (or maps) its own
/// chunk, so a single large file is read and scanned in parallel. A stream (standard input, a
/// pipe) is read by the calling thread into pooled buffers, since it can only be read in order.
/// Every item gets a sequence number; results wait in a reorder buffer until all earlier items
/// are out, so output does not depend on scheduling. At most ``maxInFlight`` chunks are out at
/// once, which bounds memory to about that many read buffers and results whatever the input.
public final class ScanPipeline {
  public let rules: RuleSet
  public let configuration: ScanConfiguration
  private let shared = SharedState()

  /// Chunks scanned or waiting to be emitted at once.
  var maxInFlight: Int { configuration.threads * 3 + 1 }

  public init(rules: RuleSet, configuration: ScanConfiguration) {
    self.rules = rules
    self.configuration = configuration
  }

  /// Scans `inputs` in order, feeding `sink` on the calling thread.
  public func run(inputs: [ScanInput], sink: ScanSink) {
    let configuration = configuration
    let rules = rules
    let shared = shared
    let join = startThreads(count: configuration.threads, name: "piiscan worker") { _ in
      Worker(rules: rules, configuration: configuration, shared: shared).run()
    }
    var emitter = Emitter(sink: sink, locate: configuration.locate)
    for input in inputs {
      feed(input, emitter: &emitter)
    }
    shared.monitor.withLock {
      shared.noMoreTasks = true
      shared.monitor.broadcast()
    }
    drain(&emitter) { shared.emitSequence == shared.nextSequence }
    join()
  }

  // MARK: Feeding

  private func feed(_ input: ScanInput, emitter: inout Emitter) {
    switch input.kind {
    case .regularFile:
      feedFile(input, emitter: &emitter)
    case .standardInput, .stream, .member:
      let source: FileDescriptorSource
      var descriptor: Int32 = 0
      if input.kind != .standardInput {
        descriptor = open(input.path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        if descriptor < 0 {
          enqueueMarker(.failed(input, .system(errno, "open")), emitter: &emitter)
          return
        }
      }
      defer { if descriptor != 0 { close(descriptor) } }
      source = FileDescriptorSource(fileDescriptor: descriptor)
      feedSource(source, as: input, depth: 0, budget: ArchiveBudget(limits: configuration.archiveLimits), emitter: &emitter)
    }
  }

  /// A regular file: an archive or compressed file goes through its container; text is cut
  /// into chunks that workers read themselves.
  private func feedFile(_ input: ScanInput, emitter: inout Emitter) {
    let file: RandomAccessInput
    do {
      file = try RandomAccessInput(path: input.path, useMapping: configuration.useMapping)
    } catch {
      enqueueMarker(.failed(input, error), emitter: &emitter)
      return
    }
    let kind: ContainerKind
    let isCompoundFile: Bool
    do {
      let prefix = try file.prefix(ContainerSniffer.prefixLength)
      (kind, isCompoundFile) = withExtendedLifetime(prefix.owner) {
        (ContainerSniffer.kind(of: prefix.bytes), XLSWorkbook.isXLS(prefix.bytes))
      }
    } catch {
      enqueueMarker(.failed(input, error), emitter: &emitter)
      return
    }
    if kind == .plain && isCompoundFile && file.size <= XLSWorkbook.maxFileSize {
      do {
        let source = try FileDescriptorSource(path: input.path)
        let read = try Self.readWhole(source, limit: XLSWorkbook.maxFileSize)
        if feedXLS(read.bytes, of: input, emitter: &emitter) { return }
      } catch {
        enqueueMarker(.failed(input, Self.inputError(error)), emitter: &emitter)
        return
      }
    }
    if kind != .plain {
      do {
        let source = try FileDescriptorSource(path: input.path)
        feedSource(source, as: input, depth: 0, budget: ArchiveBudget(limits: configuration.archiveLimits), emitter: &emitter)
      } catch {
        enqueueMarker(.failed(input, InputError(error.message)), emitter: &emitter)
      }
      return
    }
    var profile: InputProfile
    do {
      profile = try file.profile()
    } catch {
      enqueueMarker(.failed(input, error), emitter: &emitter)
      return
    }
    if profile.isBinary && !configuration.scanBinary {
      enqueueMarker(.notice(input, Self.binaryNotice), emitter: &emitter)
      return
    }
    enqueueMarker(.started(input), emitter: &emitter)
    // An SQL dump's statements are found ahead of the chunks that need them: a chunk is
    // queued once everything up to its furthest possible end has been pre-scanned.
    var scannedTo = Int64(InputProfile.sniffLength)
    for chunk in 0..<configuration.layout.chunkCount(inputSize: file.size) {
      if profile.format == .sql {
        let needed = configuration.layout.nominalStart(chunk + 2)
        if scannedTo < min(needed, file.size) {
          let end = max(needed, scannedTo + Int64(16 << 20))
          do {
            try file.scanSQL(into: &profile.sql, from: scannedTo, to: end)
          } catch {
            enqueueMarker(.finished(input, error), emitter: &emitter)
            return
          }
          scannedTo = end
        }
      }
      waitForRoom(&emitter)
      enqueue(Task(sequence: 0, input: input, profile: profile, work: .randomAccess(file, chunk)))
    }
    enqueueMarker(.finished(input, nil), emitter: &emitter)
  }

  static let binaryNotice = Notice(
    kind: "binary", severity: .note,
    message: "skipped: binary content (NUL or control bytes); scan it with --binary")

  /// A stream (standard input, a pipe, an archive member): a container is opened and its
  /// members fed one by one; text is read here and its chunks scanned by the workers.
  func feedSource(
    _ base: any ArchiveSource, as input: ScanInput, depth: Int, budget: ArchiveBudget,
    emitter: inout Emitter
  ) {
    let source = PeekingSource(base)
    let kind: ContainerKind
    do {
      kind = ContainerSniffer.kind(of: try source.peek())
    } catch {
      enqueueMarker(.failed(input, Self.inputError(error)), emitter: &emitter)
      return
    }
    if kind != .plain {
      do {
        let reader = try ArchiveReader(source: source, kind: kind, depth: depth, budget: budget)
        feedContainer(reader, of: input, emitter: &emitter)
      } catch {
        enqueueMarker(.notice(input, Self.notice(error)), emitter: &emitter)
      }
      return
    }
    if let prefix = try? source.peek(), XLSWorkbook.isXLS(prefix) {
      // A compound file: an .xls is read whole (as .xls readers must); anything else is read
      // on from the bytes already taken.
      do {
        let read = try Self.readWhole(source, limit: XLSWorkbook.maxFileSize)
        if read.complete && feedXLS(read.bytes, of: input, emitter: &emitter) { return }
        feedText(ArchiveByteStream(source: ChainedSource(read.bytes, then: source)), as: input, emitter: &emitter)
      } catch {
        enqueueMarker(.failed(input, Self.inputError(error)), emitter: &emitter)
      }
      return
    }
    feedText(ArchiveByteStream(source: source), as: input, emitter: &emitter)
  }

  /// Each member of an open container, in the container's order.
  private func feedContainer(_ reader: ArchiveReader, of outer: ScanInput, emitter: inout Emitter) {
    // A zip that may be a workbook (.xlsx) is held in memory from its first package part on.
    var held: HeldParts?
    defer { if let held { feedHeldParts(held, of: outer, emitter: &emitter) } }
    while true {
      let entry: ArchiveEntry
      do {
        guard let next = try reader.nextEntry() else { return }
        entry = next
      } catch {
        enqueueMarker(.notice(outer, Self.notice(error)), emitter: &emitter)
        continue  // the reader returns nil next when the container cannot go on
      }
      let name = entry.name
      var input = outer.member(name)
      input.size = entry.size
      switch entry.kind {
      case .directory:
        continue
      case .symlink:
        let target = entry.linkTarget.map { " to \($0)" } ?? ""
        enqueueMarker(
          .notice(input, Notice(kind: "skipped", severity: .note, message: "skipped: symbolic link\(target) inside the archive")),
          emitter: &emitter)
        continue
      case .other:
        enqueueMarker(
          .notice(input, Notice(kind: "skipped", severity: .note, message: "skipped: special entry (device, FIFO) inside the archive")),
          emitter: &emitter)
        continue
      case .file:
        break
      }
      if entry.isEncrypted {
        enqueueMarker(
          .notice(input, Notice(kind: "encrypted", severity: .error, message: "not read: the member is encrypted")),
          emitter: &emitter)
        continue
      }
      if reader.kind == .zip
        && holdPart(name, from: reader, as: input, of: outer, held: &held, emitter: &emitter)
      {
        continue
      }
      feedSource(reader, as: input, depth: reader.depth + 1, budget: reader.budget, emitter: &emitter)
    }
  }

  /// Text read front to back: cut into chunks here, scanned by the workers.
  func feedText(_ stream: ArchiveByteStream, as input: ScanInput, sheet: Bool = false, emitter: inout Emitter) {
    let chunker = StreamChunker(stream: stream, layout: configuration.layout)
    var profile = chunker.profile(sheet: sheet)
    chunker.encoding = profile.encoding
    if profile.isBinary && !configuration.scanBinary {
      enqueueMarker(.notice(input, Self.binaryNotice), emitter: &emitter)
      return
    }
    enqueueMarker(.started(input), emitter: &emitter)
    while true {
      waitForRoom(&emitter)
      let buffer = takeBuffer(&emitter)
      guard let (_, view) = chunker.next(into: buffer) else {
        returnBuffer(buffer)
        break
      }
      if profile.format == .sql && view.base + Int64(view.ownEnd) > Int64(InputProfile.sniffLength) {
        // The stream's statements, in order, before the chunks that follow them.
        profile.sql.scan(
          UnsafeRawBufferPointer(rebasing: view.bytes[view.ownStart...]),
          base: view.base + Int64(view.ownStart), startsBefore: view.ownEnd - view.ownStart)
      }
      enqueue(Task(sequence: 0, input: input, profile: profile, work: .filled(buffer, view)))
    }
    if let error = chunker.streamError {
      // What could be read was scanned; say what stopped the rest.
      let notice = stream.lastArchiveError.map(Self.notice)
        ?? Notice(kind: "unreadable", severity: .error, message: error.message)
      enqueueMarker(.notice(input, notice), emitter: &emitter)
    }
    enqueueMarker(.finished(input, nil), emitter: &emitter)
  }

  static func notice(_ error: ArchiveError) -> Notice {
    switch error.kind {
    case .truncated:
      return Notice(kind: "truncated", severity: .warning, message: "cut short: " + error.message)
    case .corrupt:
      return Notice(kind: "corrupt", severity: .error, message: "corrupt: " + error.message)
    case .unsupported:
      return Notice(kind: "unsupported", severity: .error, message: "not read: " + error.message)
    case .limitExceeded:
      return Notice(kind: "limit", severity: .error, message: "stopped: " + error.message)
    case .encrypted:
      return Notice(kind: "encrypted", severity: .error, message: "not read: " + error.message)
    case .io:
      return Notice(kind: "unreadable", severity: .error, message: error.message)
    case .trailingData:
      return Notice(kind: "trailing-data", severity: .warning, message: error.message)
    }
  }

  static func inputError(_ error: any Error) -> InputError {
    if let error = error as? ArchiveError { return InputError(error.message) }
    if let error = error as? InputError { return error }
    return InputError("\(error)")
  }

  private func enqueue(_ task: Task) {
    shared.monitor.withLock {
      var task = task
      task.sequence = shared.nextSequence
      shared.nextSequence += 1
      shared.inFlight += 1
      shared.tasks.append(task)
      shared.monitor.broadcast()
    }
  }

  /// Puts a marker (input started, finished, failed) into the output order.
  func enqueueMarker(_ marker: Marker, emitter: inout Emitter) {
    shared.monitor.withLock {
      shared.completed[shared.nextSequence] = .marker(marker)
      shared.nextSequence += 1
    }
    drain(&emitter) { true }
  }

  private func waitForRoom(_ emitter: inout Emitter) {
    let limit = maxInFlight
    drain(&emitter) { shared.inFlight < limit }
  }

  private func takeBuffer(_ emitter: inout Emitter) -> ReadBuffer {
    let capacity = configuration.layout.bufferCapacity
    let poolSize = configuration.threads + 2
    var buffer: ReadBuffer?
    drain(&emitter) {
      if let free = shared.freeBuffers.popLast() {
        buffer = free
        return true
      }
      if shared.buffersCreated < poolSize {
        shared.buffersCreated += 1
        buffer = ReadBuffer(capacity: capacity)
        return true
      }
      return false
    }
    return buffer!
  }

  private func returnBuffer(_ buffer: ReadBuffer) {
    shared.monitor.withLock { shared.freeBuffers.append(buffer) }
  }

  // MARK: Emitting

  /// Emits finished items in order until `done` (checked under the lock) holds, waiting for
  /// workers in between.
  private func drain(_ emitter: inout Emitter, until done: () -> Bool) {
    while true {
      var ready: [Completed] = []
      let finished: Bool = shared.monitor.withLock {
        while let item = shared.completed.removeValue(forKey: shared.emitSequence) {
          ready.append(item)
          shared.emitSequence += 1
        }
        if !ready.isEmpty { return false }
        if done() { return true }
        shared.monitor.wait()
        return false
      }
      for item in ready {
        if case .chunk = item { shared.monitor.withLock { shared.inFlight -= 1 } }
        emitter.emit(item)
      }
      if finished { return }
      if !ready.isEmpty, shared.monitor.withLock({ done() }) { return }
    }
  }
}

// MARK: - Shared state

/// A unit of work: one chunk of one input.
struct Task {
  enum Work {
    /// A chunk of a regular file the worker reads itself.
    case randomAccess(RandomAccessInput, Int)
    /// A chunk already read into a pooled buffer (returned to the pool after scanning).
    case filled(ReadBuffer, ChunkView)
  }
  var sequence: Int
  var input: ScanInput
  var profile: InputProfile
  var work: Work
}

enum Marker {
  case notice(ScanInput, Notice)
  case started(ScanInput)
  case finished(ScanInput, InputError?)
  case failed(ScanInput, InputError)
}

enum Completed {
  case chunk(ScanInput, ChunkResult)
  case chunkFailed(ScanInput, InputError)
  case marker(Marker)
}

/// Everything the calling thread and the workers share, guarded by `monitor`.
// SAFETY: every stored property is read and written only while `monitor` is held.
final class SharedState: @unchecked Sendable {
  let monitor = Monitor()
  var tasks: [Task] = []
  var taskHead = 0
  var completed: [Int: Completed] = [:]
  var nextSequence = 0
  var emitSequence = 0
  var inFlight = 0
  var noMoreTasks = false
  var freeBuffers: [ReadBuffer] = []
  var buffersCreated = 0

  /// Takes the next task (call with the monitor held).
  func popTask() -> Task? {
    guard taskHead < tasks.count else { return nil }
    let task = tasks[taskHead]
    taskHead += 1
    if taskHead > 64 && taskHead * 2 > tasks.count {
      tasks.removeFirst(taskHead)
      taskHead = 0
    }
    return task
  }
}

/// One worker thread: its scanner, its read buffer, its loop.
struct Worker {
  let rules: RuleSet
  let configuration: ScanConfiguration
  let shared: SharedState

  func run() {
    let scanner = ChunkScanner(
      rules: rules, settings: configuration.detection, locate: configuration.locate)
    var buffer: ReadBuffer?
    while true {
      let next: Task? = shared.monitor.withLock {
        while true {
          if let task = shared.popTask() { return task }
          if shared.noMoreTasks { return nil }
          shared.monitor.wait()
        }
      }
      guard let task = next else { return }
      let outcome: Completed
      switch task.work {
      case .randomAccess(let file, let chunk):
        let readBuffer = buffer ?? ReadBuffer(capacity: configuration.layout.bufferCapacity)
        buffer = readBuffer
        do {
          let view = try file.chunk(
            chunk, layout: configuration.layout, buffer: readBuffer, encoding: task.profile.encoding)
          outcome = .chunk(task.input, scanner.scan(view, profile: task.profile))
        } catch {
          outcome = .chunkFailed(task.input, error)
        }
      case .filled(let filled, let view):
        outcome = .chunk(task.input, scanner.scan(view, profile: task.profile))
        shared.monitor.withLock { shared.freeBuffers.append(filled) }
      }
      shared.monitor.withLock {
        shared.completed[task.sequence] = outcome
        shared.monitor.broadcast()
      }
    }
  }
}

/// Turns ordered results into sink calls, resolving lines, columns and records.
struct Emitter {
  let sink: ScanSink
  let locate: Bool
  private var summary = InputSummary()
  private var location = LocationResolver()
  private var overlaps = BoundaryOverlaps()
  private var bytesDone: Int64 = 0

  init(sink: ScanSink, locate: Bool) {
    self.sink = sink
    self.locate = locate
  }

  mutating func emit(_ item: Completed) {
    switch item {
    case .marker(.started(let input)):
      summary = InputSummary()
      location = LocationResolver()
      overlaps = BoundaryOverlaps()
      sink.inputStarted(input)
    case .marker(.finished(let input, let error)):
      let held = overlaps.finish()
      if !held.isEmpty { sink.found(held, in: input) }
      if let error, summary.error == nil { summary.error = error }
      if summary.undecodable > 0 {
        sink.noticed(
          Notice(
            kind: "undecodable", severity: .warning,
            message: "\(summary.undecodable) byte sequence\(summary.undecodable == 1 ? "" : "s") "
              + "could not be decoded and were read as U+FFFD"),
          in: input)
      }
      for (rule, count) in summary.stoppedSearches.sorted(by: { $0.key < $1.key }) {
        sink.noticed(
          Notice(
            kind: "match-limit", severity: .warning,
            message: "rule \(rule): PCRE2 stopped \(count) search\(count == 1 ? "" : "es") at its "
              + "match limit (\(RegexDetector.matchLimit) steps), so values of this rule may be "
              + "missing; simplify the regex (no nested repeats such as (a+)+)"),
          in: input)
      }
      sink.inputFinished(input, summary: summary)
    case .marker(.notice(let input, let notice)):
      sink.noticed(notice, in: input)
    case .marker(.failed(let input, let error)):
      var failed = InputSummary()
      failed.error = error
      sink.inputFinished(input, summary: failed)
    case .chunk(let input, var result):
      if locate { location.resolve(&result) }
      summary.bytes += Int64(result.ownedBytes)
      summary.undecodable += result.undecodable
      for (rule, count) in result.stoppedSearches { summary.stoppedSearches[rule, default: 0] += count }
      bytesDone += Int64(result.ownedBytes)
      let ready = overlaps.settle(result.findings, ownedEnd: result.ownedEnd)
      if !ready.isEmpty { sink.found(ready, in: input) }
      sink.progressed(bytes: bytesDone)
    case .chunkFailed(_, let error):
      if summary.error == nil { summary.error = error }
    }
  }
}

/// Settles overlaps between a soft finding and a strong one that different chunks own.
///
/// A chunk drops its own soft findings that overlap its strong ones, but a soft value may start
/// in one chunk and run into the next (a line longer than a chunk), or start just after a strong
/// value the previous chunk owns. Findings from the first soft one crossing a chunk's end are
/// held back until the chunks they reach into have been seen; a soft finding overlapping a
/// strong one is dropped. The findings that reach the sink are then those a single chunk would
/// have given, in offset order.
struct BoundaryOverlaps {
  private var held: [Finding] = []
  /// The furthest end of a strong finding passed on so far.
  private var strongEnd: Int64 = 0

  /// This chunk's findings that are settled, in offset order, with earlier held ones first.
  mutating func settle(_ findings: [Finding], ownedEnd: Int64) -> [Finding] {
    if held.isEmpty && !findings.contains(where: \.isSoft) {
      // Nothing to settle: only strong findings, none held.
      for finding in findings { strongEnd = max(strongEnd, finding.offset + Int64(finding.length)) }
      return findings
    }
    var all = held
    all.append(contentsOf: findings)
    held.removeAll()
    // A soft finding overlapping a strong one that starts before it (forward) or after it
    // (backward) is dropped.
    var keep = [Bool](repeating: true, count: all.count)
    var reach = strongEnd
    for (index, finding) in all.enumerated() {
      let end = finding.offset + Int64(finding.length)
      if finding.isSoft {
        if finding.offset < reach { keep[index] = false }
      } else {
        reach = max(reach, end)
      }
    }
    var nextStrong = Int64.max
    for index in all.indices.reversed() {
      let finding = all[index]
      if finding.isSoft {
        if nextStrong < finding.offset + Int64(finding.length) { keep[index] = false }
      } else {
        nextStrong = finding.offset
      }
    }
    var ready: [Finding] = []
    ready.reserveCapacity(all.count)
    var holding = false
    for (index, finding) in all.enumerated() where keep[index] {
      if !holding && finding.isSoft && finding.offset + Int64(finding.length) > ownedEnd { holding = true }
      if holding {
        held.append(finding)  // looked at again with the next chunk
      } else {
        ready.append(finding)
        if !finding.isSoft { strongEnd = max(strongEnd, finding.offset + Int64(finding.length)) }
      }
    }
    return ready
  }

  /// What is still held at the input's end.
  mutating func finish() -> [Finding] {
    defer { held.removeAll() }
    return held
  }
}

/// The only state carried from chunk to chunk: the running line number, the current line's
/// start and its characters before the next chunk.
struct LocationResolver {
  private var lineBase = 1
  private var lineStart: Int64 = 0
  private var charactersBeforeChunk = 0

  mutating func resolve(_ result: inout ChunkResult) {
    for index in result.findings.indices {
      let local = result.findings[index]
      result.findings[index].line = lineBase + local.localLine
      if local.localLineStart >= 0 {
        result.findings[index].column = local.localColumn + 1
        result.findings[index].record = local.localLineStart
      } else {
        result.findings[index].column = charactersBeforeChunk + local.localColumn + 1
        result.findings[index].record = lineStart
      }
      if local.structuredRecord >= 0 { result.findings[index].record = local.structuredRecord }
    }
    lineBase += result.newlineCount
    if let last = result.lastLineStart {
      lineStart = last
      charactersBeforeChunk = result.endsAtLineEnd ? 0 : result.trailingCharacters
    } else if !result.endsAtLineEnd {
      charactersBeforeChunk += result.trailingCharacters
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
