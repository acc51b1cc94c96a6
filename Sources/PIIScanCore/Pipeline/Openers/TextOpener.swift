import PIIScanArchive

/// Text, the opener that takes everything no other opener takes: a regular file is cut into
/// chunks that the workers read themselves; a stream is cut into chunks here, as it is read.
struct TextOpener: InputOpener {
  func opens(prefix: UnsafeRawBufferPointer, kind: ContainerKind) -> Bool { true }

  func feed(file: RandomAccessInput, as input: ScanInput, using feeder: InputFeeder) -> Bool {
    var profile: InputProfile
    do {
      profile = try file.profile()
    } catch {
      feeder.scheduler.mark(.failed(input, error))
      return true
    }
    if profile.isBinary && !feeder.configuration.scanBinary {
      feeder.scheduler.mark(.notice(input, NoticeText.binary))
      return true
    }
    feeder.scheduler.mark(.started(input, profile))
    let layout = feeder.configuration.layout
    var prescan = SQLPrescan(profile: profile)
    var chunks = 0..<layout.chunkCount(inputSize: file.size)
    if let range = feeder.configuration.range {
      let chunk = Int64(layout.chunkSize)
      let first = Int(min(range.lowerBound / chunk, Int64(chunks.upperBound)))
      let last = Int(
        min(range.upperBound == .max ? .max : range.upperBound / chunk, Int64(chunks.upperBound)))
      chunks = first..<max(first, last)
    }
    for chunk in chunks {
      do {
        try prescan.advance(for: chunk, of: file, layout: layout, into: &profile)
      } catch {
        feeder.scheduler.mark(.finished(input, error))
        return true
      }
      feeder.scheduler.submit(
        ChunkTask(input: input, profile: profile, work: .randomAccess(file, chunk)))
    }
    if let now = file.currentSize(), now > file.sizeWhenOpened {
      feeder.scheduler.mark(.notice(input, NoticeText.grew(from: file.sizeWhenOpened, to: now)))
    }
    feeder.scheduler.mark(.finished(input, nil))
    return true
  }

  func feed(
    stream: PeekingSource, as input: ScanInput, depth: Int, budget: ArchiveBudget,
    using feeder: InputFeeder
  ) -> (any ArchiveSource)? {
    feeder.feedText(ArchiveByteStream(source: stream), as: input)
    return nil
  }
}

/// An SQL dump's statements (`CREATE TABLE` column lists, `INSERT … (columns)`), found ahead of
/// the chunks that need them: a chunk is queued once everything up to its furthest possible end
/// has been pre-scanned, so a worker in the middle of the dump knows its tables' columns.
struct SQLPrescan {
  private let active: Bool
  private var scannedTo = Int64(InputProfile.sniffLength)

  init(profile: InputProfile) { active = profile.format == .sql }

  mutating func advance(
    for chunk: Int, of file: RandomAccessInput, layout: ChunkLayout,
    into profile: inout InputProfile
  ) throws(InputError) {
    guard active else { return }
    let needed = layout.nominalStart(chunk + 2)
    guard scannedTo < min(needed, file.size) else { return }
    let end = max(needed, scannedTo + Int64(16 << 20))
    try file.scanSQL(into: &profile.sql, from: scannedTo, to: end)
    scannedTo = end
  }
}
