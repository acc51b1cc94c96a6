import CArchive

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an ``ArchiveWriter`` puts the bytes it makes: a file, or memory for an archive that
/// goes inside another one.
///
/// - Note: A writer calls its sink from the thread that calls the writer.
public protocol ArchiveSink: AnyObject {
  /// Takes the next bytes of the archive; throws when they cannot be kept.
  func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Writes a compressed stream or an archive, entry by entry, through libarchive: the writing
/// side of ``ArchiveReader``, used to write a redacted copy of an archive back as the same
/// kind of archive.
///
/// ```swift
/// let reader = try ArchiveReader(source: input, kind: .gzip, budget: budget)  // a .tar.gz
/// let first = try reader.nextEntry()                                           // reads the header
/// guard let layout = ArchiveWriter.Layout(of: reader) else { … }             // tar + gzip
/// let writer = try ArchiveWriter(sink: output, layout: layout)
/// try writer.writeFile(ArchiveEntry(name: "a.csv"), data: bytes)
/// try writer.finish()
/// ```
///
/// What it writes: zip (deflate), tar (pax, GNU, ustar), 7z, cpio (newc, odc), ar (SVR4, BSD),
/// or a single compressed stream (``Format/raw``), each through the compression filters of
/// the original (gzip, bzip2, xz, lzma, lzip, lz4, zstd, compress). gzip streams are written
/// without a timestamp, so the same entries give the same bytes. Formats libarchive reads but
/// cannot write (rar, cab, lha, iso9660, xar, warc) have no ``Layout``.
///
/// - Note: Not `Sendable` and not thread-safe: use one writer from one thread.
public final class ArchiveWriter {
  /// An archive format libarchive writes.
  public enum Format: Sendable, Equatable, CustomStringConvertible {
    case zip, tarPAX, tarGNU, tarUSTAR, sevenZip, cpioNewc, cpioODC, arSVR4, arBSD
    /// One compressed stream holding one file (a `.gz` of a CSV file).
    case raw

    public var description: String {
      switch self {
      case .zip: "zip"
      case .tarPAX: "tar (pax)"
      case .tarGNU: "tar (GNU)"
      case .tarUSTAR: "tar (ustar)"
      case .sevenZip: "7z"
      case .cpioNewc: "cpio (newc)"
      case .cpioODC: "cpio (odc)"
      case .arSVR4: "ar (SVR4)"
      case .arBSD: "ar (BSD)"
      case .raw: "raw stream"
      }
    }
  }

  /// A compression applied to everything the format writes.
  public enum Filter: Sendable, Equatable {
    case gzip, bzip2, xz, lzma, lzip, lz4, zstd, compress

    /// The filter of a compression kind; nil for archives and plain bytes.
    public init?(_ kind: ContainerKind) {
      switch kind {
      case .gzip: self = .gzip
      case .bzip2: self = .bzip2
      case .xz: self = .xz
      case .zstd: self = .zstd
      case .lz4: self = .lz4
      case .lzip: self = .lzip
      case .unixCompress: self = .compress
      default: return nil
      }
    }
  }

  /// A format and its filters (outermost last).
  public struct Layout: Sendable, Equatable {
    public var format: Format
    public var filters: [Filter]

    public init(format: Format, filters: [Filter]) {
      self.format = format
      self.filters = filters
    }

    /// What writes back the container `reader` reads, once it has read its first header (the
    /// format is known only then); nil for a format libarchive cannot write.
    public init?(of reader: ArchiveReader) {
      var filters: [Filter] = []
      if let filter = Filter(reader.kind) { filters.append(filter) }
      if reader.isCompressedStream {
        guard !filters.isEmpty else { return nil }
        self.init(format: .raw, filters: filters)
        return
      }
      guard let code = reader.archiveFormat else { return nil }
      let format: Format
      switch code & ARCHIVE_FORMAT_BASE_MASK {
      case ARCHIVE_FORMAT_ZIP: format = .zip
      case ARCHIVE_FORMAT_7ZIP: format = .sevenZip
      case ARCHIVE_FORMAT_TAR:
        switch code {
        case ARCHIVE_FORMAT_TAR_GNUTAR: format = .tarGNU
        case ARCHIVE_FORMAT_TAR_USTAR: format = .tarUSTAR
        // pax, and the old v7 tar (whose headers restricted pax writes the same way).
        default: format = .tarPAX
        }
      case ARCHIVE_FORMAT_CPIO: format = code == ARCHIVE_FORMAT_CPIO_POSIX ? .cpioODC : .cpioNewc
      case ARCHIVE_FORMAT_AR: format = code == ARCHIVE_FORMAT_AR_BSD ? .arBSD : .arSVR4
      default: return nil
      }
      self.init(format: format, filters: filters)
    }
  }

  public let layout: Layout

  private let handle: OpaquePointer
  private let client: WriterClient
  private var finished = false

  /// Opens a writer that sends its bytes to `sink`.
  ///
  /// - Throws: ``ArchiveError/Kind/unsupported`` when this libarchive cannot write the format
  ///   or a filter (a filter it would run as an external program counts as unsupported).
  public init(sink: any ArchiveSink, layout: Layout) throws(ArchiveError) {
    guard let handle = archive_write_new() else {
      preconditionFailure("archive_write_new: out of memory")
    }
    self.handle = handle
    self.layout = layout
    client = WriterClient(sink: sink)
    do {
      try configure()
    } catch {
      archive_write_free(handle)
      throw error
    }
    archive_write_set_bytes_in_last_block(handle, 1)
    // SAFETY: the pointer is unretained; `client` lives as long as this writer, which frees
    // the handle in deinit (or above, on failure) before `client` is released.
    let status = archive_write_open(
      handle, Unmanaged.passUnretained(client).toOpaque(), nil,
      { _, clientData, buffer, length in
        // SAFETY: clientData is the unretained WriterClient registered above.
        let client = Unmanaged<WriterClient>.fromOpaque(clientData!).takeUnretainedValue()
        return client.write(UnsafeRawBufferPointer(start: buffer, count: length))
      }, nil)
    guard status == ARCHIVE_OK else {
      let error = failure("cannot start writing the \(layout.format) archive")
      archive_write_free(handle)
      throw error
    }
  }

  deinit {
    // archive_write_free closes the archive first (writing its end) when it was not finished;
    // a writer dropped after an error writes nothing more that matters.
    archive_write_free(handle)
  }

  private func configure() throws(ArchiveError) {
    let set: (OpaquePointer) -> Int32 =
      switch layout.format {
      case .zip: archive_write_set_format_zip
      case .tarPAX: archive_write_set_format_pax_restricted
      case .tarGNU: archive_write_set_format_gnutar
      case .tarUSTAR: archive_write_set_format_ustar
      case .sevenZip: archive_write_set_format_7zip
      case .cpioNewc: archive_write_set_format_cpio_newc
      case .cpioODC: archive_write_set_format_cpio_odc
      case .arSVR4: archive_write_set_format_ar_svr4
      case .arBSD: archive_write_set_format_ar_bsd
      case .raw: archive_write_set_format_raw
      }
    guard set(handle) == ARCHIVE_OK else {
      throw failure("this libarchive cannot write \(layout.format)")
    }
    for filter in layout.filters {
      let add: (OpaquePointer) -> Int32 =
        switch filter {
        case .gzip: archive_write_add_filter_gzip
        case .bzip2: archive_write_add_filter_bzip2
        case .xz: archive_write_add_filter_xz
        case .lzma: archive_write_add_filter_lzma
        case .lzip: archive_write_add_filter_lzip
        case .lz4: archive_write_add_filter_lz4
        case .zstd: archive_write_add_filter_zstd
        case .compress: archive_write_add_filter_compress
        }
      // ARCHIVE_WARN means libarchive would run an external program: refused, as the reader
      // refuses such filters.
      guard add(handle) == ARCHIVE_OK else {
        throw failure("this libarchive cannot write the \(filter) compression itself")
      }
      if filter == .gzip {
        // No timestamp in the gzip header: equal entries give equal bytes.
        _ = archive_write_set_filter_option(handle, "gzip", "timestamp", nil)
      }
    }
  }

  /// Writes a regular file with its data.
  public func writeFile(_ entry: ArchiveEntry, data: UnsafeRawBufferPointer) throws(ArchiveError) {
    try writeHeader(entry, type: carchive_filetype_regular(), size: Int64(data.count))
    var offset = 0
    while offset < data.count {
      let written = archive_write_data(handle, data.baseAddress! + offset, data.count - offset)
      guard written > 0 else { throw failure("cannot write the data of \(entry.name)") }
      offset += written
    }
    guard archive_write_finish_entry(handle) == ARCHIVE_OK else {
      throw failure("cannot finish \(entry.name)")
    }
  }

  /// Writes a directory or a symbolic link (its ``ArchiveEntry/linkTarget``); other kinds of
  /// entry have no data and are not written.
  public func writeEntry(_ entry: ArchiveEntry) throws(ArchiveError) {
    switch entry.kind {
    case .directory: try writeHeader(entry, type: carchive_filetype_directory(), size: 0)
    case .symlink: try writeHeader(entry, type: carchive_filetype_symlink(), size: 0)
    case .file: try writeFile(entry, data: UnsafeRawBufferPointer(start: nil, count: 0))
    case .other: return
    }
  }

  private func writeHeader(_ entry: ArchiveEntry, type: UInt32, size: Int64) throws(ArchiveError) {
    guard let header = archive_entry_new() else {
      preconditionFailure("archive_entry_new: out of memory")
    }
    defer { archive_entry_free(header) }
    var name = entry.rawName.isEmpty ? Array(entry.name.utf8) : entry.rawName
    if layout.format == .raw && name.isEmpty { name = Array("data".utf8) }
    name.append(0)
    var target = entry.linkTarget.map { Array($0.utf8) + [0] }
    let status = ThreadLocale.withUTF8 { () -> Int32 in
      name.withUnsafeBufferPointer { pointer in
        pointer.withMemoryRebound(to: CChar.self) {
          archive_entry_copy_pathname(header, $0.baseAddress)
        }
      }
      archive_entry_set_filetype(header, type)
      archive_entry_set_perm(
        header, mode_t(entry.permissions ?? (type == carchive_filetype_directory() ? 0o755 : 0o644))
      )
      archive_entry_set_size(header, size)
      if let time = entry.modificationTime { archive_entry_set_mtime(header, time_t(time), 0) }
      if type == carchive_filetype_symlink(), target != nil {
        target!.withUnsafeMutableBufferPointer { pointer in
          pointer.withMemoryRebound(to: CChar.self) {
            archive_entry_copy_symlink(header, $0.baseAddress)
          }
        }
      }
      return archive_write_header(handle, header)
    }
    guard status == ARCHIVE_OK || status == ARCHIVE_WARN else {
      throw failure("cannot write the header of \(entry.name)")
    }
  }

  /// Writes the end of the archive and flushes the filters.
  public func finish() throws(ArchiveError) {
    guard !finished else { return }
    finished = true
    guard archive_write_close(handle) == ARCHIVE_OK else {
      throw failure("cannot finish the \(layout.format) archive")
    }
  }

  private func failure(_ context: String) -> ArchiveError {
    if let error = client.error { return error }
    let detail = archive_error_string(handle).map { String(cString: $0) }
    return ArchiveError(.unsupported, detail.map { "\(context): \($0)" } ?? context)
  }
}

/// The Swift side of the writer's callback: the sink, and the first error it threw.
private final class WriterClient {
  let sink: any ArchiveSink
  var error: ArchiveError?

  init(sink: any ArchiveSink) { self.sink = sink }

  func write(_ bytes: UnsafeRawBufferPointer) -> Int {
    do {
      try sink.write(bytes)
      return bytes.count
    } catch let error as ArchiveError {
      self.error = error
      return -1
    } catch {
      self.error = ArchiveError(.io, "\(error)")
      return -1
    }
  }
}
