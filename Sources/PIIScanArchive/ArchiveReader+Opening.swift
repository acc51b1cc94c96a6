import CArchive

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opening libarchive handles, reading headers and translating libarchive's errors.
extension ArchiveReader {
  /// What the initializer found while opening a container.
  struct Opening {
    /// The libarchive reader; `nil` for a decoded stream that holds no archive.
    var handle: OpaquePointer?
    /// The client `handle` reads from.
    var client: ArchiveClient?
    /// For gzip, bzip2, xz and zstd: the decoder, and its output with the sniffed prefix.
    var decoded: DecompressedSource?
    var decodedStream: PeekingSource?
    /// Whether the handle reads a compressed stream as one member (format "raw").
    var isStream = false
    var pendingEntry: ArchiveEntry?
    var pendingEntryIsSparse = false
    var reachedEnd = false
    var deferredEndError: ArchiveError?
    /// For a stream: bytes copied into the peek buffer.
    var peeked = 0
    /// For a stream: the rest of the last block libarchive returned while peeking.
    var leftover: UnsafeRawPointer?
    var leftoverCount = 0
    /// For a stream: whether the data ended while peeking.
    var streamEnded = false
    /// For a stream: the error that stopped peeking.
    var streamError: ArchiveError?
  }

  /// Opens a gzip, bzip2, xz or zstd stream, decoded by ``DecompressedSource``, and decides
  /// from its first decoded bytes whether it holds an archive, which libarchive then reads from
  /// the decoded bytes (with no filter of its own).
  ///
  /// The sniffed bytes stay in a ``PeekingSource``, so neither a recording of the compressed
  /// bytes nor a seek is needed. An error before any byte was decoded (a damaged or cut
  /// header) is thrown here; one after the first bytes is reported once they are read.
  static func openDecodedStream(
    source: any ArchiveSource, kind: ContainerKind, refundBudget: ArchiveBudget?
  ) throws(ArchiveError) -> Opening {
    let decoded = try DecompressedSource(
      source: source, kind: kind, refundBudget: refundBudget)
    decoded.keepsFirstBytes = kind == .gzip
    defer { decoded.keepsFirstBytes = false }
    let stream = PeekingSource(decoded)
    let sniffed: ContainerKind
    do {
      sniffed = ContainerSniffer.kind(of: try stream.peek())
    } catch {
      throw ArchiveClient.sourceFailure(error)
    }
    if sniffed.isArchive {
      let client = ArchiveClient(source: stream, allowSeeking: false, refundBudget: nil)
      let handle = try newHandle(client: client, formats: .archives, seekable: false)
      return Opening(handle: handle, client: client, decoded: decoded, decodedStream: stream)
    }
    let name = kind == .gzip ? GzipHeader.originalName(in: decoded.firstBytes) : nil
    var opening = Opening(handle: nil, decoded: decoded, decodedStream: stream, isStream: true)
    opening.pendingEntry = ArchiveEntry(
      name: name.map(decodeName) ?? "", rawName: name ?? [], size: nil, kind: .file)
    return opening
  }

  /// Which libarchive formats a handle bids with.
  enum FormatSet {
    /// A compressed stream read as one member ("raw"), or nothing at all ("empty").
    case stream
    /// Every archive format except mtree.
    case archives
  }

  /// Opens a compressed stream and decides, from its first decoded bytes, whether it holds an
  /// archive.
  ///
  /// libarchive's own bidding is not used for that decision: its tar reader claims any stream
  /// that starts with a 512-byte zero block (an "empty tar") and would drop the rest of, say, a
  /// gzipped disk image. Instead the stream is opened as "raw", up to
  /// ``ContainerSniffer/prefixLength`` decoded bytes are sniffed, and only if they start an
  /// archive is a second handle opened on the same compressed bytes (replayed from a recording,
  /// so the source need not seek).
  ///
  /// Only the filter for `kind` is enabled. libarchive still stacks it on itself when the
  /// decoded bytes start with the same magic (an lz4 of an lz4): each extra layer counts one
  /// level of nesting against `limits`, from `depth`.
  static func openCompressedStream(
    client: ArchiveClient, kind: ContainerKind, peekBuffer: UnsafeMutableRawBufferPointer,
    depth: Int, limits: ArchiveLimits
  ) throws(ArchiveError) -> Opening {
    client.startRecording()
    let probe = try newHandle(client: client, formats: .stream, seekable: false, filter: kind)
    let stacked = Int(archive_filter_count(probe)) - 2
    if stacked > 0 && depth + stacked >= limits.maxDepth {
      archive_read_free(probe)
      throw depthLimit(limits)
    }
    guard archive_filter_count(probe) > 1 else {
      // libarchive found no compression: the header is damaged or cut short. Reading on would
      // hand out the compressed bytes as if they were the content.
      archive_read_free(probe)
      let shortInput = client.reachedEnd && client.bytesFromSource < 32
      throw ArchiveError(
        shortInput ? .truncated : .corrupt,
        "the \(kind) header is \(shortInput ? "cut short" : "damaged"): libarchive does not "
          + "recognise it (\(client.bytesFromSource) bytes)")
    }

    var opening = Opening(handle: probe, client: client, isStream: true)
    switch readHeader(handle: probe, client: client, kind: kind) {
    case .entry:
      break
    case .end:
      // The "empty" format: the stream decompresses to nothing.
      opening.streamEnded = true
    case .retry(let message):
      archive_read_free(probe)
      throw ArchiveError(.corrupt, message)
    case .failed(let error), .fatal(let error):
      archive_read_free(probe)
      throw error
    }

    if !opening.streamEnded {
      peek(into: peekBuffer, from: probe, client: client, kind: kind, opening: &opening)
    }
    let sniffed = ContainerSniffer.kind(
      of: UnsafeRawBufferPointer(rebasing: peekBuffer[..<opening.peeked]))
    if sniffed.isArchive {
      archive_read_free(probe)
      guard client.canReplay else {
        throw ArchiveError(
          .unsupported,
          "the \(kind) stream holds a \(sniffed) archive, but its start was too large to keep "
            + "in memory while deciding how to read it")
      }
      client.replayRecording()
      let handle = try newHandle(client: client, formats: .archives, seekable: false, filter: kind)
      return Opening(handle: handle, client: client)
    }

    // lz4, lzip and compress record no file name.
    client.stopRecording()
    opening.pendingEntry = ArchiveEntry(name: "", rawName: [], size: nil, kind: .file)
    return opening
  }

  /// Copies up to `peekBuffer.count` decoded bytes of a raw stream into `peekBuffer`.
  private static func peek(
    into peekBuffer: UnsafeMutableRawBufferPointer, from handle: OpaquePointer,
    client: ArchiveClient, kind: ContainerKind, opening: inout Opening
  ) {
    while opening.peeked < peekBuffer.count {
      var pointer: UnsafeRawPointer?
      var size = 0
      var offset: Int64 = 0
      let status = archive_read_data_block(handle, &pointer, &size, &offset)
      if status == ARCHIVE_EOF {
        opening.streamEnded = true
        return
      }
      guard status == ARCHIVE_OK || status == ARCHIVE_WARN else {
        opening.streamError = error(
          handle: handle, client: client, kind: kind, member: nil,
          decodedBytes: Int64(opening.peeked))
        return
      }
      guard let pointer, size > 0 else { continue }
      let count = min(size, peekBuffer.count - opening.peeked)
      (peekBuffer.baseAddress! + opening.peeked).copyMemory(from: pointer, byteCount: count)
      opening.peeked += count
      if count < size {
        // The block stays valid: no libarchive call follows until the reader delivers it.
        opening.leftover = pointer + count
        opening.leftoverCount = size - count
      }
    }
  }

  /// Opens an archive. A zip on a seekable source is read from its central directory; if that
  /// is damaged, it is read again from its local headers and the damage is reported at the end.
  static func openArchive(client: ArchiveClient, kind: ContainerKind) throws(ArchiveError)
    -> Opening
  {
    let seekable = client.seekableSource != nil
    let handle = try newHandle(client: client, formats: .archives, seekable: seekable)
    guard kind == .zip, seekable else {
      return Opening(handle: handle, client: client)
    }
    let damage: ArchiveError
    switch readHeader(handle: handle, client: client, kind: kind) {
    case .entry(let entry, let isSparse):
      return Opening(
        handle: handle, client: client, pendingEntry: entry, pendingEntryIsSparse: isSparse)
    case .end:
      return Opening(handle: handle, client: client, reachedEnd: true)
    case .retry(let message):
      damage = ArchiveError(.corrupt, message)
    case .failed(let error), .fatal(let error):
      damage = error
    }
    archive_read_free(handle)
    guard client.sourceError == nil, client.rewind() else {
      throw damage
    }
    let streaming = try newHandle(client: client, formats: .archives, seekable: false)
    return Opening(
      handle: streaming,
      client: client,
      deferredEndError: ArchiveError(
        .corrupt,
        "the zip central directory is damaged (\(damage.message)); the entries were read from "
          + "their local headers instead"))
  }

  /// The error for a container nested deeper than `limits` allow.
  static func depthLimit(_ limits: ArchiveLimits) -> ArchiveError {
    let reason = "containers nested more than \(limits.maxDepth) deep (raise with --max-depth)"
    return ArchiveError(.limitExceeded(reason), reason)
  }

  /// A new libarchive handle reading from `client`, opened (which reads the first bytes and
  /// picks the filters and format).
  ///
  /// - Parameter filter: The one compression libarchive may decode (lz4, lzip, compress), or
  ///   `nil` for none: an archive's compressed members are nested readers, and gzip, bzip2, xz
  ///   and zstd are decoded before libarchive sees the bytes.
  static func newHandle(
    client: ArchiveClient, formats: FormatSet, seekable: Bool, filter: ContainerKind? = nil
  ) throws(ArchiveError) -> OpaquePointer {
    guard let handle = archive_read_new() else {
      preconditionFailure("libarchive could not allocate a reader")
    }
    switch filter {
    case .lz4: _ = archive_read_support_filter_lz4(handle)
    case .lzip: _ = archive_read_support_filter_lzip(handle)
    case .unixCompress: _ = archive_read_support_filter_compress(handle)
    default: break
    }
    let formatFunctions =
      switch formats {
      case .stream:
        [archive_read_support_format_raw, archive_read_support_format_empty]
      case .archives:
        [
          archive_read_support_format_zip, archive_read_support_format_tar,
          archive_read_support_format_7zip, archive_read_support_format_rar,
          archive_read_support_format_rar5, archive_read_support_format_cpio,
          archive_read_support_format_ar, archive_read_support_format_cab,
          archive_read_support_format_lha, archive_read_support_format_iso9660,
          archive_read_support_format_xar, archive_read_support_format_warc,
          archive_read_support_format_empty,
        ]
      }
    for enable in formatFunctions {
      _ = enable(handle)
    }
    archive_read_set_read_callback(handle) { archive, clientData, output in
      // SAFETY: clientData is the unretained ArchiveClient registered below; the reader keeps
      // it alive until after archive_read_free, so it is valid in every callback.
      let client = Unmanaged<ArchiveClient>.fromOpaque(clientData!).takeUnretainedValue()
      return client.read(archive: archive, output: output!)
    }
    if seekable {
      archive_read_set_seek_callback(handle) { archive, clientData, offset, whence in
        // SAFETY: as for the read callback.
        let client = Unmanaged<ArchiveClient>.fromOpaque(clientData!).takeUnretainedValue()
        return client.seek(archive: archive, offset: offset, whence: whence)
      }
    }
    // SAFETY: the pointer is unretained; the reader that owns `client` frees this handle in
    // its deinit (or here, on failure) before `client` is released.
    archive_read_set_callback_data(handle, Unmanaged.passUnretained(client).toOpaque())
    let status = archive_read_open1(handle)
    guard status == ARCHIVE_OK || status == ARCHIVE_WARN else {
      let error = error(handle: handle, client: client, kind: nil, member: nil, decodedBytes: nil)
      archive_read_free(handle)
      throw error
    }
    return handle
  }

  /// What `archive_read_next_header` said.
  enum HeaderOutcome {
    /// An entry; `isSparse` when libarchive reports holes in its data (GNU and pax sparse
    /// files), which are delivered as zeros.
    case entry(ArchiveEntry, isSparse: Bool)
    case end
    /// Damaged bytes were skipped; calling again looks for the next header.
    case retry(String)
    /// This entry cannot be read; the next one may be.
    case failed(ArchiveError)
    /// The container cannot be read further.
    case fatal(ArchiveError)
  }

  /// Reads the next header under a UTF-8 locale (see ``ThreadLocale``) and describes the entry.
  static func readHeader(handle: OpaquePointer, client: ArchiveClient, kind: ContainerKind?)
    -> HeaderOutcome
  {
    ThreadLocale.withUTF8 {
      var entry: OpaquePointer?
      let status = archive_read_next_header(handle, &entry)
      switch status {
      case ARCHIVE_OK, ARCHIVE_WARN:
        guard let entry else {
          return .fatal(ArchiveError(.corrupt, "libarchive returned no entry"))
        }
        let warning = status == ARCHIVE_WARN ? errorText(handle) : nil
        return .entry(
          archiveEntry(from: entry, warning: warning),
          isSparse: archive_entry_sparse_count(entry) > 0)
      case ARCHIVE_EOF:
        return .end
      case ARCHIVE_RETRY:
        return .retry(errorText(handle))
      case ARCHIVE_FAILED:
        return .failed(
          error(handle: handle, client: client, kind: kind, member: nil, decodedBytes: nil))
      default:
        return .fatal(
          error(handle: handle, client: client, kind: kind, member: nil, decodedBytes: nil))
      }
    }
  }

  /// The public description of a libarchive entry. Call under ``ThreadLocale/withUTF8(_:)``.
  private static func archiveEntry(from entry: OpaquePointer, warning: String?) -> ArchiveEntry {
    var warning = warning
    let rawName: [UInt8]
    if let name = archive_entry_pathname(entry) ?? archive_entry_pathname_utf8(entry) {
      rawName = bytes(of: name)
    } else {
      rawName = []
      warning = warning ?? "libarchive could not decode this entry's name"
    }
    let fileType = UInt32(archive_entry_filetype(entry))
    let hardLink = archive_entry_hardlink(entry)
    let kind: ArchiveEntry.Kind =
      if hardLink != nil {
        .other
      } else if fileType == carchive_filetype_regular() {
        .file
      } else if fileType == carchive_filetype_directory() {
        .directory
      } else if fileType == carchive_filetype_symlink() {
        .symlink
      } else {
        .other
      }
    let linkTarget = (archive_entry_symlink(entry) ?? hardLink).map { decodeName(bytes(of: $0)) }
    return ArchiveEntry(
      name: decodeName(rawName),
      rawName: rawName,
      size: archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil,
      kind: kind,
      isEncrypted: archive_entry_is_encrypted(entry) != 0,
      linkTarget: linkTarget,
      warning: warning,
      modificationTime: archive_entry_mtime_is_set(entry) != 0
        ? Int64(archive_entry_mtime(entry)) : nil,
      permissions: UInt32(archive_entry_perm(entry)) & 0o7777)
  }

  private static func bytes(of string: UnsafePointer<CChar>) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: string, count: strlen(string)))
  }

  /// A name's bytes as UTF-8, with U+FFFD for invalid sequences (GBK names).
  static func decodeName(_ bytes: [UInt8]) -> String {
    String(validating: bytes, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self)
  }

  /// libarchive's current error message.
  static func errorText(_ handle: OpaquePointer) -> String {
    if let text = archive_error_string(handle) {
      return String(cString: text)
    }
    return "libarchive error \(archive_errno(handle))"
  }

  /// The error for libarchive's current failure.
  ///
  /// The source's own error wins, so that a truncated member of an enclosing container is
  /// reported as truncation by the readers nested in it. Otherwise the kind is read from
  /// libarchive's message, which is the only place libarchive says what went wrong.
  static func error(
    handle: OpaquePointer, client: ArchiveClient, kind: ContainerKind?, member: String?,
    decodedBytes: Int64?
  ) -> ArchiveError {
    if let sourceError = client.sourceError {
      return sourceError
    }
    let text = errorText(handle)
    let lowercased = text.lowercased()
    func mentions(_ words: String...) -> Bool {
      words.contains { lowercased.contains($0) }
    }
    var errorKind: ArchiveError.Kind
    var message = text
    if mentions("passphrase", "encrypt", "decrypt") {
      errorKind = .encrypted
    } else if mentions("truncat", "premature end", "unexpected end", "unexpected eof") {
      errorKind = .truncated
    } else if mentions("no progress is possible") {
      // liblzma's LZMA_BUF_ERROR: the input ended inside the stream.
      errorKind = .truncated
    } else if mentions("too many filters") {
      // libarchive's own cap on stacked layers (25); the depth limit is lower.
      let reason = "containers nested too deep (raise with --max-depth)"
      return ArchiveError(.limitExceeded(reason), "\(reason): \(text)")
    } else if mentions("unrecognized archive format") {
      // The magic bytes said this was a container; libarchive could not read its header.
      errorKind = .corrupt
      if let kind {
        message = "\(text): the \(kind) header is damaged"
      }
    } else if mentions("seeking") {
      errorKind = .unsupported
      message = "\(text): this format needs random access, which this source cannot give"
    } else if mentions("unsupported", "not supported", "does not support", "cannot handle") {
      errorKind = .unsupported
    } else {
      errorKind = .corrupt
    }
    if let member, !member.isEmpty {
      message += " (in member '\(member)')"
    }
    if let decodedBytes {
      message += " (after \(decodedBytes) decompressed bytes)"
    }
    return ArchiveError(errorKind, message)
  }
}
