import PIIScanArchive
import PIIScanSheets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Feeds inputs to the scheduler on the calling thread: opens each, asks the openers which of
/// them reads it, and cuts text into chunks.
final class InputFeeder {
  let scheduler: Scheduler
  let configuration: ScanConfiguration

  /// The openers, tried in order; the last (text) takes every input.
  let openers: [any InputOpener] = [SpreadsheetOpener(), ArchiveOpener(), TextOpener()]

  init(scheduler: Scheduler, configuration: ScanConfiguration) {
    self.scheduler = scheduler
    self.configuration = configuration
  }

  /// Feeds one input as the walk or the command line gave it.
  func feed(_ input: ScanInput) {
    switch input.kind {
    case .regularFile:
      feedFile(input)
    case .standardInput, .stream, .member:
      var descriptor: Int32 = 0
      var isFIFO = false
      if input.kind != .standardInput {
        // A FIFO without a writer would block open() for ever: open without waiting, then
        // read as usual (a FIFO nobody writes to reads as empty).
        descriptor = input.location.withCString {
          open($0, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        }
        if descriptor < 0 {
          scheduler.mark(.failed(input, .system(errno, "open")))
          return
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var info = stat()
        isFIFO = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
      }
      defer { if descriptor != 0 { close(descriptor) } }
      let source = LimitedSource(
        FileDescriptorSource(fileDescriptor: descriptor), limit: configuration.maxStreamBytes)
      // A stream's bytes are hashed here as they are read, whatever reads them.
      let hashed = configuration.hashInputs ? HashingSource(source) : nil
      feedSource(
        hashed ?? source, as: input, depth: 0,
        budget: ArchiveBudget(limits: configuration.archiveLimits))
      if let hashed {
        hashed.drain()
        scheduler.mark(
          .described(
            input,
            InputFacts(
              sha256: hashed.digest.hex(), bytes: hashed.digest.bytes, format: nil,
              encoding: nil)))
      }
      if source.hitLimit {
        scheduler.mark(.notice(input, NoticeText.streamLimit(configuration.maxStreamBytes)))
      }
      if isFIFO && source.bytesRead == 0 {
        scheduler.mark(.notice(input, NoticeText.emptyFIFO))
      }
    }
  }

  /// A regular file: the first opener that takes its first bytes reads it.
  private func feedFile(_ input: ScanInput) {
    let file: RandomAccessInput
    do {
      file = try RandomAccessInput(
        location: input.location, useMapping: configuration.useMapping,
        limit: configuration.maxFileBytes)
    } catch {
      scheduler.mark(.failed(input, error))
      return
    }
    let accepting: [any InputOpener]
    do {
      let prefix = try file.prefix(ContainerSniffer.prefixLength)
      accepting = withExtendedLifetime(prefix.owner) {
        let kind = ContainerSniffer.kind(of: prefix.bytes)
        return openers.filter { $0.opens(prefix: prefix.bytes, kind: kind) }
      }
    } catch {
      scheduler.mark(.failed(input, error))
      return
    }
    for opener in accepting where opener.feed(file: file, as: input, using: self) {
      if file.size < file.sizeWhenOpened {
        scheduler.mark(
          .notice(input, NoticeText.fileLimit(file.size, of: file.sizeWhenOpened)))
      }
      return
    }
  }

  /// A source read front to back: the first opener that takes its first bytes reads it.
  func feedSource(
    _ base: any ArchiveSource, as input: ScanInput, depth: Int, budget: ArchiveBudget
  ) {
    var source = PeekingSource(base)
    var tried = 0
    while tried < openers.count {
      let prefix: [UInt8]
      do {
        prefix = Array(try source.peek())
      } catch {
        scheduler.mark(.failed(input, Self.inputError(error)))
        return
      }
      let kind = prefix.withUnsafeBytes { ContainerSniffer.kind(of: $0) }
      let opener = openers[tried]
      tried += 1
      guard prefix.withUnsafeBytes({ opener.opens(prefix: $0, kind: kind) }) else { continue }
      guard
        let rest = opener.feed(
          stream: source, as: input, depth: depth, budget: budget, using: self)
      else { return }
      source = PeekingSource(rest)
    }
  }

  /// Text read front to back: cut into chunks here, scanned by the workers.
  func feedText(_ stream: ArchiveByteStream, as input: ScanInput, sheet: Bool = false) {
    let chunker = StreamChunker(stream: stream, layout: configuration.layout)
    var profile = chunker.profile(sheet: sheet)
    chunker.encoding = profile.encoding
    if profile.isBinary && !configuration.scanBinary {
      scheduler.mark(.notice(input, NoticeText.binary))
      return
    }
    scheduler.mark(.started(input, profile))
    while true {
      let buffer = scheduler.takeBuffer()
      guard let (_, view) = chunker.next(into: buffer) else {
        scheduler.returnBuffer(buffer)
        break
      }
      if profile.format == .sql
        && view.base + Int64(view.ownEnd) > Int64(InputProfile.sniffLength)
      {
        // The stream's statements, in order, before the chunks that follow them.
        profile.sql.scan(
          UnsafeRawBufferPointer(rebasing: view.bytes[view.ownStart...]),
          base: view.base + Int64(view.ownStart), startsBefore: view.ownEnd - view.ownStart)
      }
      scheduler.submit(ChunkTask(input: input, profile: profile, work: .filled(buffer, view)))
    }
    if let error = chunker.streamError {
      // What could be read was scanned; say what stopped the rest.
      let notice =
        stream.lastArchiveError.map(NoticeText.archive)
        ?? Notice(kind: .unreadable, severity: .error, message: error.message)
      scheduler.mark(.notice(input, notice))
    }
    scheduler.mark(.finished(input, nil))
  }

  /// Each sheet as a member of `workbook`, in the workbook's order; a sheet that cannot be read
  /// gets a notice and the others are still scanned.
  func feedSheets(names: [String], of workbook: ScanInput, text: (Int) throws -> [UInt8]) {
    for (index, name) in names.enumerated() {
      let sheet = workbook.member(name.isEmpty ? "sheet\(index + 1)" : name)
      do {
        let bytes = try text(index)
        var input = sheet
        input.size = Int64(bytes.count)
        feedText(ArchiveByteStream(source: MemorySource(bytes)), as: input, sheet: true)
      } catch {
        scheduler.mark(.notice(sheet, NoticeText.workbook(error, fallback: false)))
      }
    }
  }

  /// An error while reading a source, as the reason an input could not be read.
  static func inputError(_ error: any Error) -> InputError {
    if let error = error as? ArchiveError { return InputError(error.message) }
    if let error = error as? InputError { return error }
    return InputError("\(error)")
  }
}
