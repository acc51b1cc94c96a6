import CArchive

/// Reads one level of a compressed stream or archive as a sequence of entries, streaming.
///
/// Give it a source and the ``ContainerKind`` that ``ContainerSniffer`` found in its first
/// bytes. It pulls bytes from the source as it goes, holds no more than libarchive's working
/// buffers (a few hundred kilobytes) and writes nothing anywhere.
///
/// ```swift
/// let budget = ArchiveBudget()
/// let input = PeekingSource(try FileDescriptorSource(path: "dump.zip"))
/// let reader = try ArchiveReader(source: input, kind: .zip, budget: budget)
/// while let entry = try reader.nextEntry() {
///   guard entry.kind == .file else { continue }        // list directories and links only
///   let member = PeekingSource(reader)                 // a reader is itself a source
///   let kind = ContainerSniffer.kind(of: try member.peek())
///   if kind != .plain {
///     let inner = try reader.nestedReader(source: member, kind: kind)   // e.g. a .tar.gz
///     …
///   } else {
///     while try member.read(into: buffer) > 0 { … }    // scan the member's bytes
///   }
/// }
/// ```
///
/// What the entries are:
/// - A compression-only stream (``ContainerKind/isCompression``: a `.gz` of a text file) yields
///   exactly one ``ArchiveEntry/Kind/file`` entry, the decompressed stream, named by the gzip
///   `FNAME` field or `""`.
/// - Archives yield every entry in stored order. Directories, links and other non-file entries
///   are reported so they can be listed, but ``read(into:)`` refuses them.
/// - A compressed stream whose decompressed bytes start like an archive (a `.tar.gz`, a
///   `.zip.xz`) is read as that archive in the same reader: its entries are the archive's.
///   The reader decides by sniffing the first decompressed bytes with ``ContainerSniffer``,
///   not by libarchive's format bidding, which would read a stream that starts with 512 zero
///   bytes as an empty tar and silently drop it.
///
/// - gzip, bzip2, xz and zstd are decoded by ``DecompressedSource`` with the codec libraries, not
///   by libarchive's filters, so that every byte the codec can decode is delivered (see
///   ``StreamDecoders``), and an archive inside them is read by libarchive from the decoded
///   bytes. Bytes after the compressed data that start no further stream of the same format
///   are *trailing data*: ``nextEntry()`` throws ``ArchiveError/Kind/trailingData``, then
///   returns one more entry holding those bytes as they are stored, named
///   `(trailing data at offset N)` where N counts bytes of this container as stored.
/// - lz4, lzip and compress are decoded by libarchive, with only that one filter enabled;
///   layers of the same compression inside (an lz4 of an lz4) are stacked by libarchive on one
///   reader and count one level of nesting each against ``ArchiveLimits/maxDepth``. Archives
///   are read with no filter at all: a compressed member is a nested reader.
///
/// Errors: each ``ArchiveError`` is thrown once. Bytes before a failure are delivered first: a
/// truncated `.gz` yields every byte `gzip -dc` would, then ``ArchiveError/Kind/truncated``. After
/// an error that ends the container (truncation, corruption of the stream, a limit),
/// ``nextEntry()`` returns `nil`; after an error confined to one entry (an encrypted entry, a
/// bad CRC, an unsupported method) it goes on with the next entry. A tar entry whose header
/// declares more bytes than the archive holds ends in ``ArchiveError/Kind/truncated``; the zero
/// bytes the archive ends on (its padding and end blocks) are not delivered as the entry's data.
///
/// Limits: every decoded byte is charged to the shared ``ArchiveBudget``
/// (``ArchiveLimits/maxTotalBytes``) and counted against the bytes consumed from the source
/// (``ArchiveLimits/maxRatio``), including the data of entries the caller skips, which the
/// reader decodes and discards. A reader deeper than ``ArchiveLimits/maxDepth`` is refused.
///
/// What libarchive is asked to read: the filters lzip, lz4 and compress (one per reader), and
/// the formats zip, tar (all dialects), 7z, rar, rar5, cpio, ar, cab, lha, iso9660, xar and
/// warc. Left out on purpose: mtree (its reader opens the files an mtree listing names on the
/// local disk), and the uuencode, lrzip, lzop and grzip filters (uuencode would decode a block
/// inside a text file instead of the text; the others run external programs).
///
/// - Note: Not `Sendable` and not thread-safe: use one reader from one thread at a time. Readers
///   of different inputs are independent.
public final class ArchiveReader {
  /// The kind the caller sniffed.
  public let kind: ContainerKind

  /// How many containers enclose this one: 0 for a file or standard input.
  public let depth: Int

  /// The limits this reader enforces (the total is enforced by ``budget``).
  public let limits: ArchiveLimits

  /// The account shared with the other readers of the same outermost input.
  public let budget: ArchiveBudget

  /// Whether this reader yields a single member, the decompressed stream, rather than the
  /// entries of an archive.
  public let isCompressedStream: Bool

  /// Decoded bytes this reader produced: delivered by ``read(into:)`` or decoded and discarded
  /// for skipped entries.
  public private(set) var producedBytes: Int64 = 0

  /// Bytes consumed from the source so far (for a seekable source, the read position).
  public var consumedBytes: Int64 {
    if let decoded { return decoded.bytesFromSource }
    return handle.map { archive_filter_bytes($0, -1) } ?? 0
  }

  /// libarchive's code of the format being read (`ARCHIVE_FORMAT_TAR_GNUTAR`…), known once the
  /// first header is read; nil for a gzip, bzip2, xz or zstd stream that holds no archive. What
  /// ``ArchiveWriter/Layout/init(of:)`` writes back.
  var archiveFormat: Int32? { handle.map { archive_format($0) } }

  /// The libarchive reader, freed in `deinit`; `nil` for a gzip, bzip2, xz or zstd stream that
  /// holds no archive, which ``decodedStream`` reads alone.
  private let handle: OpaquePointer?

  /// The client-data object libarchive's callbacks reach; outlives `handle`.
  private let client: ArchiveClient?

  /// For gzip, bzip2, xz and zstd: the decoder of this container's compressed bytes.
  private let decoded: DecompressedSource?

  /// For gzip, bzip2, xz and zstd: the decoded bytes, with the sniffed prefix still to be read
  /// (libarchive reads them too, when they hold an archive).
  private let decodedStream: PeekingSource?

  /// Trailing data after the compressed data: reported, then offered as one more entry.
  private enum Trailing {
    case none
    case reported
    case reading
    case done
  }

  private var trailing = Trailing.none

  /// Whether the current entry is the trailing data.
  private var currentIsTrailingData = false

  /// Whether the entry's format ends in zero blocks (tar), which a truncated entry would
  /// otherwise take as its last bytes.
  private var holdsTrailingZeros = false

  /// Zero bytes at the end of the data fetched so far, not yet delivered: delivered when more
  /// data or the entry's end follows, dropped when the archive ends inside the entry.
  private var heldZeros: Int64 = 0

  /// The first decoded bytes of a compressed stream, read to sniff them:
  /// `peekBuffer[peekStart..<peekEnd]` is still to be delivered.
  private let peekBuffer: UnsafeMutableRawBufferPointer
  private var peekStart = 0
  private var peekEnd = 0

  /// The part of libarchive's current data block not yet delivered. Valid until the next
  /// libarchive call.
  private var block: UnsafeRawPointer?
  private var blockRemaining = 0

  /// Zero bytes to deliver before `block`: a hole in a sparse entry.
  private var zerosRemaining: Int64 = 0

  /// The entry offset just past the data delivered or scheduled so far.
  private var nextDataOffset: Int64 = 0

  /// An entry read ahead by the initializer, returned by the first ``nextEntry()``.
  private var pendingEntry: ArchiveEntry?
  private var pendingEntryIsSparse = false

  /// The entry whose data ``read(into:)`` returns.
  private var current: ArchiveEntry?

  /// Whether libarchive reports holes in the current entry's data.
  private var currentIsSparse = false

  /// Whether the current entry's data has all been fetched from libarchive (or has none).
  private var dataEnded = true

  /// An error to throw once the bytes before it have been delivered.
  private var deferredDataError: ArchiveError?

  /// An error to throw instead of the end of the entries.
  private var deferredEndError: ArchiveError?

  /// Whether libarchive reported the end of the entries.
  private var reachedEnd = false

  /// Whether an error ended the container; every later call reports the end.
  private var isFinished = false

  /// Where libarchive was the last time a header failed, to tell retrying from looping.
  private var lastHeaderFailurePosition: (Int64, Int64)?

  // MARK: - Opening

  /// Opens one container level.
  ///
  /// For a compressed stream this decodes its first bytes to decide between one member and an
  /// archive; errors in those bytes are reported by ``read(into:)`` after the bytes before
  /// them.
  ///
  /// - Parameters:
  ///   - source: Where the container's bytes come from. The reader keeps it until released.
  ///   - kind: What ``ContainerSniffer`` found in the first bytes. It chooses between reading a
  ///     compressed stream and an archive, and whether random access is used; libarchive then
  ///     recognises the exact format itself. ``ContainerKind/plain`` is refused.
  ///   - limits: The ratio and depth limits.
  ///   - depth: How many containers enclose this one: 0 for a file or standard input, the
  ///     enclosing reader's depth + 1 for a member (see ``nestedReader(source:kind:)``).
  ///   - budget: The account of the outermost input; a new one for each outermost input.
  /// - Throws: ``ArchiveError/Kind/limitExceeded(_:)`` past ``ArchiveLimits/maxDepth``;
  ///   ``ArchiveError/Kind/unsupported`` for `.plain`, and for 7z from a source that cannot
  ///   seek; otherwise whatever stops the container's start from being read.
  public init(
    source: any ArchiveSource, kind: ContainerKind, limits: ArchiveLimits, depth: Int = 0,
    budget: ArchiveBudget
  ) throws(ArchiveError) {
    guard depth < limits.maxDepth else {
      throw Self.depthLimit(limits)
    }
    guard kind != .plain else {
      throw ArchiveError(.unsupported, "not a compressed stream or archive; read it directly")
    }
    let peekBuffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: ContainerSniffer.prefixLength, alignment: 16)
    let opening: Opening
    do throws(ArchiveError) {
      if StreamDecoders.decodes(kind) {
        opening = try Self.openDecodedStream(
          source: source, kind: kind, refundBudget: depth > 0 ? budget : nil)
      } else {
        let client = ArchiveClient(
          source: source, allowSeeking: !kind.isCompression,
          refundBudget: depth > 0 ? budget : nil)
        if kind == .sevenZip, client.seekableSource == nil {
          throw ArchiveError(
            .unsupported,
            "7z keeps its index at the end and needs random access, which standard input or a "
              + "member of another container cannot give; extract it first")
        }
        opening =
          kind.isCompression
          ? try Self.openCompressedStream(
            client: client, kind: kind, peekBuffer: peekBuffer, depth: depth, limits: limits)
          : try Self.openArchive(client: client, kind: kind)
      }
    } catch {
      peekBuffer.deallocate()
      throw error
    }

    self.kind = kind
    self.depth = depth
    self.limits = limits
    self.budget = budget
    self.client = opening.client
    self.decoded = opening.decoded
    self.decodedStream = opening.decodedStream
    self.peekBuffer = peekBuffer
    self.handle = opening.handle
    self.isCompressedStream = opening.isStream
    self.pendingEntry = opening.pendingEntry
    self.pendingEntryIsSparse = opening.pendingEntryIsSparse
    self.reachedEnd = opening.reachedEnd
    self.deferredEndError = opening.deferredEndError
    if opening.isStream && opening.decoded != nil {
      dataEnded = false
    } else if opening.isStream {
      peekEnd = opening.peeked
      block = opening.leftover
      blockRemaining = opening.leftoverCount
      nextDataOffset = Int64(opening.peeked + opening.leftoverCount)
      // An error while sniffing is reported after the bytes before it, and ends the stream.
      deferredDataError = opening.streamError
      dataEnded = opening.streamEnded || opening.streamError != nil
      try account(Int64(opening.peeked + opening.leftoverCount))
    }
  }

  /// Opens one container level, with the ratio and depth limits of `budget`.
  ///
  /// - Parameters:
  ///   - source: Where the container's bytes come from.
  ///   - kind: What ``ContainerSniffer`` found in the first bytes.
  ///   - depth: How many containers enclose this one.
  ///   - budget: The account of the outermost input; its limits apply.
  /// - Throws: As ``init(source:kind:limits:depth:budget:)``.
  public convenience init(
    source: any ArchiveSource, kind: ContainerKind, depth: Int = 0, budget: ArchiveBudget
  ) throws(ArchiveError) {
    try self.init(source: source, kind: kind, limits: budget.limits, depth: depth, budget: budget)
  }

  deinit {
    if let handle { archive_read_free(handle) }
    peekBuffer.deallocate()
  }

  /// A reader for a container found inside the current entry: one level deeper, same limits
  /// and budget.
  ///
  /// - Parameters:
  ///   - source: The entry's bytes: this reader, or a ``PeekingSource`` wrapping it.
  ///   - kind: What ``ContainerSniffer`` found in the entry's first bytes.
  /// - Throws: As ``init(source:kind:limits:depth:budget:)``.
  public func nestedReader(source: any ArchiveSource, kind: ContainerKind) throws(ArchiveError)
    -> ArchiveReader
  {
    try ArchiveReader(source: source, kind: kind, limits: limits, depth: depth + 1, budget: budget)
  }

  // MARK: - Entries

  /// Moves to the next entry.
  ///
  /// Data of the previous entry that was not read is decoded and discarded (so the limits see
  /// it); an error in that skipped data is not reported, unless it ends the container.
  ///
  /// - Returns: The entry, or `nil` at the end (and after an error that ended the container).
  /// - Throws: An ``ArchiveError``; see the type's discussion for what may follow.
  public func nextEntry() throws(ArchiveError) -> ArchiveEntry? {
    if isFinished {
      return nil
    }
    if let entry = pendingEntry {
      pendingEntry = nil
      current = entry
      currentIsSparse = pendingEntryIsSparse
      if !isCompressedStream {
        dataEnded = entry.kind != .file || entry.isEncrypted
      }
      return entry
    }
    if currentIsTrailingData {
      currentIsTrailingData = false
      trailing = .done
      resetEntryState()
      current = nil
      return try end()
    }
    if trailing == .reported, let offset = decoded?.trailingDataOffset {
      trailing = .reading
      return startTrailingData(at: offset)
    }
    // A compressed stream has nothing after its one member: no need to decode the rest.
    if !isCompressedStream, let current, current.kind == .file, !current.isEncrypted, !dataEnded {
      try drain()
    }
    let memberWasRead = current != nil && dataEnded
    resetEntryState()
    current = nil
    if isCompressedStream || reachedEnd {
      return try endOfEntries(memberWasRead: memberWasRead || !isCompressedStream)
    }

    var damage: String?
    while true {
      // Only a reader without a handle (a decoded stream's single member) has none; it never
      // gets here.
      guard let handle, let client else { return try end() }
      switch Self.readHeader(handle: handle, client: client, kind: kind) {
      case .entry(var entry, let isSparse):
        // libarchive may have decoded data to reach this header (skipped padding, damaged
        // blocks): the ratio covers it.
        try checkRatio()
        if let damage {
          entry.warning = [damage, entry.warning].compactMap { $0 }.joined(separator: "; ")
        }
        current = entry
        currentIsSparse = isSparse
        dataEnded = entry.kind != .file || entry.isEncrypted
        holdsTrailingZeros =
          archive_format(handle) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_TAR
        return entry
      case .end:
        reachedEnd = true
        if let damage {
          throw fail(ArchiveError(.corrupt, "\(damage); no readable entry followed"))
        }
        return try endOfEntries(memberWasRead: true)
      case .retry(let message):
        // libarchive skipped damaged bytes and can look for the next header (tar does this a
        // block at a time). Keep going while it makes progress; say so on the next entry.
        let position = (archive_filter_bytes(handle, -1), archive_filter_bytes(handle, 0))
        if let last = lastHeaderFailurePosition, last == position {
          throw fail(ArchiveError(.corrupt, "\(message); cannot find the next entry"))
        }
        lastHeaderFailurePosition = position
        damage = "damaged data skipped before this entry (\(message))"
        try checkRatio()
      case .failed(let error):
        let position = (archive_filter_bytes(handle, -1), archive_filter_bytes(handle, 0))
        if let last = lastHeaderFailurePosition, last == position {
          throw fail(error)
        }
        lastHeaderFailurePosition = position
        throw error
      case .fatal(let error):
        throw fail(error)
      }
    }
  }

  /// Reads the current entry's data.
  ///
  /// Allocates nothing: bytes are copied from libarchive's buffers into `buffer`.
  ///
  /// - Parameter buffer: Where to put the bytes; filled partly when less is ready.
  /// - Returns: The number of bytes read; 0 at the end of the entry, before the first entry and
  ///   after the last.
  /// - Throws: ``ArchiveError/Kind/unsupported`` for an entry that is not a file,
  ///   ``ArchiveError/Kind/encrypted`` for an encrypted one, and whatever stops the data from
  ///   being decoded, once the bytes before it have been returned.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
    guard
      !isFinished || peekStart < peekEnd || blockRemaining > 0 || zerosRemaining > 0
        || deferredDataError != nil, let current
    else {
      return 0
    }
    guard current.kind == .file else {
      throw ArchiveError(
        .unsupported, "'\(current.name)' is a \(current.kind), which has no data to read")
    }
    guard !current.isEncrypted else {
      throw ArchiveError(
        .encrypted, "'\(current.name)' is encrypted and no passphrase is known; it is skipped")
    }
    guard let destination = buffer.baseAddress, !buffer.isEmpty else { return 0 }
    if currentIsTrailingData || (isCompressedStream && decodedStream != nil) {
      return try readDecoded(into: buffer)
    }

    while true {
      if peekStart < peekEnd {
        let count = min(buffer.count, peekEnd - peekStart)
        destination.copyMemory(from: peekBuffer.baseAddress! + peekStart, byteCount: count)
        peekStart += count
        return count
      }
      if zerosRemaining > 0 {
        let count = Int(min(Int64(buffer.count), zerosRemaining))
        destination.initializeMemory(as: UInt8.self, repeating: 0, count: count)
        zerosRemaining -= Int64(count)
        return count
      }
      if blockRemaining > 0, let block {
        let count = min(buffer.count, blockRemaining)
        destination.copyMemory(from: block, byteCount: count)
        self.block = block + count
        blockRemaining -= count
        return count
      }
      if let error = deferredDataError {
        deferredDataError = nil
        dataEnded = true
        throw error
      }
      if dataEnded || isFinished {
        return 0
      }
      if try !fetchBlock() {
        dataEnded = true
        // A sparse entry that ends in a hole: libarchive stops at the last data block.
        if currentIsSparse, let size = current.size, size > nextDataOffset {
          let zeros = size - nextDataOffset
          nextDataOffset = size
          try account(zeros)
          zerosRemaining = zeros
          continue
        }
        return 0
      }
    }
  }

  // MARK: - Data

  /// Reads the single member of a decoded stream, or the trailing data after it.
  private func readDecoded(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
    guard !dataEnded, let decoded, let decodedStream else { return 0 }
    let count: Int
    do {
      count =
        currentIsTrailingData
        ? try decoded.readTrailingData(into: buffer) : try decodedStream.read(into: buffer)
    } catch {
      throw fail(ArchiveClient.sourceFailure(error))
    }
    if count == 0 {
      dataEnded = true
      return 0
    }
    nextDataOffset += Int64(count)
    try account(Int64(count))
    return count
  }

  /// The name of the entry holding the bytes after the compressed data.
  static func trailingDataName(offset: Int64) -> String {
    "(trailing data at offset \(offset))"
  }

  /// Makes the trailing data after the compressed data the current entry.
  private func startTrailingData(at offset: Int64) -> ArchiveEntry {
    let entry = ArchiveEntry(name: Self.trailingDataName(offset: offset), kind: .file)
    current = entry
    currentIsTrailingData = true
    dataEnded = false
    return entry
  }

  /// The end of the entries. For a decoded stream holding an archive, the rest of the stream is
  /// decoded first (its checks, a CRC at the end, are then verified); trailing data after the
  /// compressed data is reported once, then offered as an entry by the next ``nextEntry()``.
  ///
  /// - Parameter memberWasRead: Whether the data before was read to its end: trailing data is
  ///   only looked for then (a member the caller skipped, a binary file, is not decoded on).
  private func endOfEntries(memberWasRead: Bool) throws(ArchiveError) -> ArchiveEntry? {
    if let decoded, trailing == .none {
      if !isCompressedStream {
        try drainDecodedStream()
      }
      if memberWasRead, let offset = decoded.trailingDataOffset {
        trailing = .reported
        let name = Self.trailingDataName(offset: offset)
        throw ArchiveError(
          .trailingData,
          "the \(kind) data ends at offset \(offset) and is followed by bytes that are not "
            + "\(kind) data; they are read as they are stored, as '\(name)'")
      }
    }
    return try end()
  }

  /// Decodes and discards what is left of a decoded stream after the archive in it ended (its
  /// padding), so that the stream's own checks run and trailing data is found.
  private func drainDecodedStream() throws(ArchiveError) {
    guard let decodedStream else { return }
    let scratch = UnsafeMutableRawBufferPointer.allocate(
      byteCount: ArchiveClient.bufferSize, alignment: 16)
    defer { scratch.deallocate() }
    while true {
      let count: Int
      do {
        count = try decodedStream.read(into: scratch)
      } catch {
        throw fail(ArchiveClient.sourceFailure(error))
      }
      if count == 0 { return }
      try checkRatio()
    }
  }

  /// Fetches the current entry's next data block from libarchive.
  ///
  /// - Returns: `false` at the end of the entry's data.
  private func fetchBlock() throws(ArchiveError) -> Bool {
    guard let handle, let client else { return false }
    while true {
      var pointer: UnsafeRawPointer?
      var size = 0
      var offset: Int64 = 0
      let status = archive_read_data_block(handle, &pointer, &size, &offset)
      if status == ARCHIVE_EOF {
        if heldZeros > 0 {
          // The entry really ends on zeros: they are its data.
          zerosRemaining = heldZeros
          heldZeros = 0
          return true
        }
        return false
      }
      guard status == ARCHIVE_OK || status == ARCHIVE_WARN else {
        var error = Self.error(
          handle: handle, client: client, kind: kind, member: current?.name,
          decodedBytes: isCompressedStream ? nextDataOffset : nil)
        // Zeros held back when the archive ends inside an entry are the archive's padding and
        // end blocks, read as data because the header claims more than there is.
        let delivered = nextDataOffset - heldZeros
        heldZeros = 0
        if error.kind == .truncated, let size = current?.size, size > delivered {
          error.message +=
            " (its header declares \(formatByteCount(size)); the archive holds "
            + "\(formatByteCount(delivered)) of it)"
        }
        if status == ARCHIVE_FATAL {
          throw fail(error)
        }
        dataEnded = true
        throw error
      }
      if status == ARCHIVE_WARN {
        // A problem found at the end of the data, such as a CRC mismatch: the block is
        // delivered, then the error.
        var error = Self.error(
          handle: handle, client: client, kind: kind, member: current?.name, decodedBytes: nil)
        if error.kind == .unsupported || error.kind == .io {
          error.kind = .corrupt
        }
        deferredDataError = error
      }
      let gap = offset > nextDataOffset ? offset - nextDataOffset : 0
      nextDataOffset = max(offset, nextDataOffset) + Int64(size)
      var count = pointer == nil ? 0 : size
      var zeros = gap
      if holdsTrailingZeros && status == ARCHIVE_OK {
        let run = Self.trailingZeroCount(pointer, count)
        if run == count {
          heldZeros += gap + Int64(count)
          zeros = 0
          count = 0
        } else {
          zeros = heldZeros + gap
          heldZeros = Int64(run)
          count -= run
        }
      } else {
        zeros += heldZeros
        heldZeros = 0
      }
      zerosRemaining = zeros
      block = pointer
      blockRemaining = count
      try account(gap + Int64(pointer == nil ? 0 : size))
      if blockRemaining > 0 || zerosRemaining > 0 || deferredDataError != nil {
        return true
      }
    }
  }

  /// How many zero bytes `pointer[0..<count]` ends with.
  private static func trailingZeroCount(_ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    guard let pointer, count > 0 else { return count }
    let bytes = pointer.assumingMemoryBound(to: UInt8.self)
    var index = count
    while index > 0 && bytes[index - 1] == 0 {
      index -= 1
    }
    return count - index
  }

  /// Decodes and discards the rest of the current entry.
  private func drain() throws(ArchiveError) {
    peekStart = peekEnd
    block = nil
    blockRemaining = 0
    zerosRemaining = 0
    deferredDataError = nil
    while !dataEnded {
      do throws(ArchiveError) {
        if try !fetchBlock() {
          dataEnded = true
        }
      } catch {
        if isFinished {
          throw error
        }
        // An error confined to an entry the caller chose not to read.
        dataEnded = true
      }
      block = nil
      blockRemaining = 0
      zerosRemaining = 0
      deferredDataError = nil
    }
  }

  private func resetEntryState() {
    peekStart = 0
    peekEnd = 0
    block = nil
    blockRemaining = 0
    zerosRemaining = 0
    heldZeros = 0
    holdsTrailingZeros = false
    nextDataOffset = 0
    deferredDataError = nil
    dataEnded = true
  }

  /// Charges `count` decoded bytes to this reader and the budget, and checks the ratio.
  private func account(_ count: Int64) throws(ArchiveError) {
    producedBytes += count
    do throws(ArchiveError) {
      try budget.charge(count)
    } catch {
      throw fail(error)
    }
    try checkRatio()
  }

  /// Throws once this container has produced more than ``ArchiveLimits/maxRatio`` bytes per
  /// byte consumed, after ``ArchiveLimits/ratioCheckThreshold`` bytes.
  ///
  /// Produced bytes include what a compression filter decoded for data libarchive skipped
  /// itself (damaged tar blocks between headers).
  private func checkRatio() throws(ArchiveError) {
    var produced = producedBytes
    if let decoded {
      produced = max(produced, decoded.producedBytes)
    } else if let handle, archive_filter_count(handle) > 1 {
      produced = max(produced, archive_filter_bytes(handle, 0))
    }
    guard produced > limits.ratioCheckThreshold else { return }
    let consumed = max(consumedBytes, 1)
    guard Double(produced) > limits.maxRatio * Double(consumed) else { return }
    let ratio =
      limits.maxRatio == limits.maxRatio.rounded() && abs(limits.maxRatio) < 1e15
      ? String(Int64(limits.maxRatio)) : String(limits.maxRatio)
    let reason = "decompression ratio exceeds \(ratio):1 (raise with --max-ratio)"
    throw fail(
      ArchiveError(
        .limitExceeded(reason),
        "\(reason): \(formatByteCount(produced)) decoded from \(formatByteCount(consumed)) of "
          + "\(kind) input"))
  }

  /// Marks the container as ended by `error`, and returns it to throw.
  private func fail(_ error: ArchiveError) -> ArchiveError {
    isFinished = true
    dataEnded = true
    return error
  }

  /// The end of the entries, or the error saved for it.
  private func end() throws(ArchiveError) -> ArchiveEntry? {
    if let error = deferredEndError {
      deferredEndError = nil
      throw fail(error)
    }
    return nil
  }
}

// A reader is the source of the readers nested in its entries.
extension ArchiveReader: ArchiveSource {}

// Explicit non-conformance: a reader mutates libarchive's state and its own on every call, and
// libarchive handles must not be used from two threads at once.
@available(*, unavailable) extension ArchiveReader: Sendable {}
