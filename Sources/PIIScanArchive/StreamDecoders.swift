import CArchive

/// The four compressions whose streams ``DecompressedSource`` decodes with the codec libraries
/// themselves instead of through libarchive's filters: gzip (zlib), bzip2 (libbz2), xz
/// (liblzma) and zstd (libzstd).
///
/// Why not libarchive's filters, which use the same libraries:
/// - A filter decodes into a 64 KiB (zstd: 128 KiB) block of its own and hands the block out
///   only when it is full or the stream ends. When the input is cut short or damaged, the
///   filter returns a fatal error and the partly filled block is dropped: up to 128 KiB of
///   readable text, every ID number in it, and all of it for a small file.
/// - libarchive stacks every filter it recognises on one reader (a gzip inside a gzip inside …,
///   up to 25), so the layers escape the nesting limit and 50 of them read as corrupt.
/// Decoded here, every byte a codec produced is delivered before its error, and each layer is
/// one ``ArchiveReader``, one level deeper than the one enclosing it.
enum StreamDecoders {
  /// Whether `kind` is decoded by ``DecompressedSource`` rather than libarchive.
  static func decodes(_ kind: ContainerKind) -> Bool {
    switch kind {
    case .gzip, .bzip2, .xz, .zstd: true
    default: false
    }
  }

  /// A fresh decoder for one stream of `kind` (one of those ``decodes(_:)`` accepts).
  static func make(_ kind: ContainerKind) throws(ArchiveError) -> any StreamDecoder {
    switch kind {
    case .gzip: try GzipDecoder()
    case .bzip2: try Bzip2Decoder()
    case .xz: try XzDecoder()
    case .zstd: try ZstdDecoder()
    default: preconditionFailure("no stream decoder for \(kind)")
    }
  }
}

/// What one ``StreamDecoder/decode(_:into:inputEnded:)`` call did.
struct DecodeStep {
  enum Status {
    /// Going on: more input, more output space, or both are needed.
    case running
    /// The stream (a gzip member, a bzip2 or xz stream, a zstd frame) ended, integrity checks
    /// passed.
    case streamEnd
    /// The data cannot be decoded further. The bytes produced by this call are good.
    case failed(ArchiveError)
  }

  /// Input bytes used.
  var consumed: Int
  /// Output bytes written.
  var produced: Int
  var status: Status
}

/// One stream's decoder, driven by ``DecompressedSource``.
///
/// - Note: Not `Sendable`: it mutates the codec's state.
protocol StreamDecoder: AnyObject {
  /// Decodes from `input` into `output`.
  ///
  /// - Parameters:
  ///   - input: Compressed bytes; fewer than all may be used.
  ///   - output: Where decoded bytes go; may be filled partly.
  ///   - inputEnded: Whether the compressed input ends after `input`.
  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, inputEnded: Bool
  ) -> DecodeStep

  /// Gets ready for another stream of the same format after ``DecodeStep/Status/streamEnd``.
  func reset() throws(ArchiveError)

  /// Whether `bytes`, the first bytes after a stream's end, start another stream this decoder
  /// reads (a second gzip member, a zstd skippable frame…).
  func startsStream(_ bytes: UnsafeRawBufferPointer) -> Bool
}

extension StreamDecoder {
  func startsStream(_ bytes: UnsafeRawBufferPointer) -> Bool {
    ContainerSniffer.kind(of: bytes) == kind
  }

  /// The format, named for messages.
  var kind: ContainerKind {
    switch self {
    case is GzipDecoder: .gzip
    case is Bzip2Decoder: .bzip2
    case is XzDecoder: .xz
    default: .zstd
    }
  }
}

/// A byte count as the C codecs take it (their counters are 32-bit for zlib and libbz2).
private func cCount(_ count: Int) -> UInt32 {
  UInt32(min(count, Int(UInt32.max)))
}

// MARK: - gzip

/// gzip members (RFC 1952) with zlib's `inflate`, CRC-32 and length checked at each member's end.
final class GzipDecoder: StreamDecoder {
  /// zlib keeps a pointer back to its `z_stream` and refuses one that moved: it lives here.
  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

  init() throws(ArchiveError) {
    stream.initialize(to: z_stream())
    guard carchive_inflate_init_gzip(stream) == Z_OK else {
      stream.deallocate()
      throw ArchiveError(.io, "zlib could not start a gzip decoder (out of memory)")
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, inputEnded: Bool
  ) -> DecodeStep {
    let inCount = cCount(input.count)
    let outCount = cCount(output.count)
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
    stream.pointee.avail_in = inCount
    stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
    stream.pointee.avail_out = outCount
    let status = inflate(stream, Z_NO_FLUSH)
    let consumed = Int(inCount - stream.pointee.avail_in)
    let produced = Int(outCount - stream.pointee.avail_out)
    switch status {
    case Z_OK, Z_BUF_ERROR:
      // Z_BUF_ERROR: no progress was possible with this input and output, not damage.
      return DecodeStep(consumed: consumed, produced: produced, status: .running)
    case Z_STREAM_END:
      return DecodeStep(consumed: consumed, produced: produced, status: .streamEnd)
    case Z_NEED_DICT:
      return DecodeStep(
        consumed: consumed, produced: produced,
        status: .failed(ArchiveError(.unsupported, "the gzip data needs a preset dictionary")))
    case Z_MEM_ERROR:
      return DecodeStep(
        consumed: consumed, produced: produced,
        status: .failed(ArchiveError(.io, "zlib ran out of memory")))
    default:
      let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
      return DecodeStep(
        consumed: consumed, produced: produced,
        status: .failed(ArchiveError(.corrupt, "damaged gzip data: \(reason)")))
    }
  }

  func reset() throws(ArchiveError) {
    guard inflateReset(stream) == Z_OK else {
      throw ArchiveError(.io, "zlib could not restart its decoder")
    }
  }
}

// Explicit non-conformance: the codec state is mutated by every call.
@available(*, unavailable) extension GzipDecoder: Sendable {}

// MARK: - bzip2

/// bzip2 streams with libbz2; each block's CRC and the stream's combined CRC are checked.
final class Bzip2Decoder: StreamDecoder {
  /// libbz2 keeps a pointer back to its `bz_stream`, like zlib.
  private let stream = UnsafeMutablePointer<bz_stream>.allocate(capacity: 1)
  private var isOpen = false

  init() throws(ArchiveError) {
    stream.initialize(to: bz_stream())
    try open()
  }

  deinit {
    if isOpen { BZ2_bzDecompressEnd(stream) }
    stream.deallocate()
  }

  private func open() throws(ArchiveError) {
    guard BZ2_bzDecompressInit(stream, 0, 0) == BZ_OK else {
      throw ArchiveError(.io, "libbz2 could not start a decoder (out of memory)")
    }
    isOpen = true
  }

  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, inputEnded: Bool
  ) -> DecodeStep {
    let inCount = cCount(input.count)
    let outCount = cCount(output.count)
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: CChar.self))
    stream.pointee.avail_in = inCount
    stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: CChar.self)
    stream.pointee.avail_out = outCount
    let status = BZ2_bzDecompress(stream)
    let consumed = Int(inCount - stream.pointee.avail_in)
    let produced = Int(outCount - stream.pointee.avail_out)
    let error: ArchiveError
    switch status {
    case BZ_OK:
      return DecodeStep(consumed: consumed, produced: produced, status: .running)
    case BZ_STREAM_END:
      return DecodeStep(consumed: consumed, produced: produced, status: .streamEnd)
    case BZ_DATA_ERROR:
      error = ArchiveError(.corrupt, "damaged bzip2 data (a block fails its CRC or is invalid)")
    case BZ_DATA_ERROR_MAGIC:
      error = ArchiveError(.corrupt, "damaged bzip2 data: the stream header is not bzip2")
    case BZ_MEM_ERROR:
      error = ArchiveError(.io, "libbz2 ran out of memory")
    default:
      error = ArchiveError(.corrupt, "damaged bzip2 data (libbz2 error \(status))")
    }
    return DecodeStep(consumed: consumed, produced: produced, status: .failed(error))
  }

  func reset() throws(ArchiveError) {
    if isOpen { BZ2_bzDecompressEnd(stream) }
    isOpen = false
    stream.pointee = bz_stream()
    try open()
  }
}

// Explicit non-conformance: the codec state is mutated by every call.
@available(*, unavailable) extension Bzip2Decoder: Sendable {}

// MARK: - xz

/// xz streams with liblzma; every block's check (CRC-32, CRC-64 or SHA-256) is verified.
///
/// Streams are decoded one at a time (not with `LZMA_CONCATENATED`), so bytes after the last one
/// are recognised as trailing data rather than reported as a damaged stream.
final class XzDecoder: StreamDecoder {
  /// The most memory a stream may ask for: xz's presets need at most 65 MiB to decode, so this
  /// is only met by hand-made dictionaries, or by a header forged to make the reader allocate.
  static let memoryLimit: UInt64 = 1 << 30

  private let stream = UnsafeMutablePointer<lzma_stream>.allocate(capacity: 1)

  init() throws(ArchiveError) {
    stream.initialize(to: lzma_stream())
    try open()
  }

  deinit {
    lzma_end(stream)
    stream.deallocate()
  }

  private func open() throws(ArchiveError) {
    guard lzma_stream_decoder(stream, Self.memoryLimit, 0) == LZMA_OK else {
      throw ArchiveError(.io, "liblzma could not start a decoder (out of memory)")
    }
  }

  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, inputEnded: Bool
  ) -> DecodeStep {
    stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
    stream.pointee.avail_in = input.count
    stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
    stream.pointee.avail_out = output.count
    let status = lzma_code(stream, inputEnded ? LZMA_FINISH : LZMA_RUN)
    let consumed = input.count - stream.pointee.avail_in
    let produced = output.count - stream.pointee.avail_out
    let error: ArchiveError
    switch status {
    case LZMA_OK, LZMA_BUF_ERROR:
      // LZMA_BUF_ERROR: no progress possible, which the caller turns into truncation when the
      // input has ended.
      return DecodeStep(consumed: consumed, produced: produced, status: .running)
    case LZMA_STREAM_END:
      return DecodeStep(consumed: consumed, produced: produced, status: .streamEnd)
    case LZMA_DATA_ERROR:
      error = ArchiveError(.corrupt, "damaged xz data (a check fails or the data is invalid)")
    case LZMA_FORMAT_ERROR:
      error = ArchiveError(.corrupt, "damaged xz data: the stream header is not xz")
    case LZMA_OPTIONS_ERROR:
      error = ArchiveError(.unsupported, "the xz stream uses options liblzma does not support")
    case LZMA_MEMLIMIT_ERROR:
      error = ArchiveError(
        .unsupported,
        "the xz stream needs more than \(formatByteCount(Int64(Self.memoryLimit))) to decode")
    case LZMA_MEM_ERROR:
      error = ArchiveError(.io, "liblzma ran out of memory")
    default:
      error = ArchiveError(.corrupt, "damaged xz data (liblzma error \(status.rawValue))")
    }
    return DecodeStep(consumed: consumed, produced: produced, status: .failed(error))
  }

  func reset() throws(ArchiveError) {
    // A new decoder on the same stream reuses its memory.
    try open()
  }
}

// Explicit non-conformance: the codec state is mutated by every call.
@available(*, unavailable) extension XzDecoder: Sendable {}

// MARK: - zstd

/// Zstandard frames with libzstd; a frame's XXH64 checksum, when it has one, is verified.
///
/// libzstd reports a decoding error without saying how many bytes it wrote in the same call,
/// and one call may flush a block and then fail on what follows it (the next block's header,
/// which it reads ahead, or the checksum). So its calls are of two kinds: those that take input
/// get no room for output (libzstd then decodes into its own window and stops before
/// flushing), and those that flush get no input (they cannot meet damage). An error then
/// always comes in a call that wrote nothing, and every byte decoded before it is delivered,
/// however the input arrives. Input calls are given what libzstd asks for (its return value).
final class ZstdDecoder: StreamDecoder {
  private let context: OpaquePointer
  /// How much input the next input call should be given, as libzstd last said.
  private var wanted = 1
  /// Whether libzstd may hold decoded bytes not yet flushed.
  private var mayFlush = false

  init() throws(ArchiveError) {
    guard let context = ZSTD_createDCtx() else {
      throw ArchiveError(.io, "libzstd could not start a decoder (out of memory)")
    }
    self.context = context
  }

  deinit {
    ZSTD_freeDCtx(context)
  }

  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, inputEnded: Bool
  ) -> DecodeStep {
    var consumed = 0
    var produced = 0
    while true {
      if mayFlush {
        // A flush: all the room left, no input.
        var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        var outBuffer = ZSTD_outBuffer(
          dst: output.baseAddress.map { $0 + produced }, size: output.count - produced, pos: 0)
        let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
        if ZSTD_isError(result) != 0 {
          return DecodeStep(consumed: consumed, produced: produced, status: .failed(error(result)))
        }
        produced += outBuffer.pos
        if result == 0 {
          // The frame is decoded, checked and flushed.
          return endOfFrame(consumed, produced)
        }
        wanted = result
        if outBuffer.pos == outBuffer.size {
          // Full: there may be more to flush.
          return DecodeStep(consumed: consumed, produced: produced, status: .running)
        }
        mayFlush = false
      }
      // Input: what libzstd asks for, no room for output.
      let allowance = min(input.count - consumed, wanted)
      guard allowance > 0 else {
        return DecodeStep(consumed: consumed, produced: produced, status: .running)
      }
      var inBuffer = ZSTD_inBuffer(
        src: input.baseAddress.map { $0 + consumed }, size: allowance, pos: 0)
      var outBuffer = ZSTD_outBuffer(dst: nil, size: 0, pos: 0)
      let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
      if ZSTD_isError(result) != 0 {
        return DecodeStep(consumed: consumed, produced: produced, status: .failed(error(result)))
      }
      consumed += inBuffer.pos
      if result == 0 {
        // A frame with nothing left to flush (empty, or the checksum was the last part).
        return endOfFrame(consumed, produced)
      }
      wanted = result
      mayFlush = true
      if inBuffer.pos == 0 {
        // No progress (libzstd takes what it is given; this guards against spinning): the
        // caller sees a step that did nothing.
        return DecodeStep(consumed: consumed, produced: produced, status: .running)
      }
    }
  }

  private func endOfFrame(_ consumed: Int, _ produced: Int) -> DecodeStep {
    wanted = 1
    mayFlush = false
    return DecodeStep(consumed: consumed, produced: produced, status: .streamEnd)
  }

  private func error(_ code: Int) -> ArchiveError {
    let name = ZSTD_getErrorName(code).map { String(cString: $0) } ?? "error \(code)"
    switch ZSTD_getErrorCode(code) {
    case ZSTD_error_checksum_wrong:
      return ArchiveError(.corrupt, "damaged zstd data: the frame's checksum does not match")
    case ZSTD_error_frameParameter_windowTooLarge, ZSTD_error_frameParameter_unsupported:
      return ArchiveError(.unsupported, "the zstd frame cannot be decoded here: \(name)")
    case ZSTD_error_memory_allocation:
      return ArchiveError(.io, "libzstd ran out of memory")
    default:
      return ArchiveError(.corrupt, "damaged zstd data: \(name)")
    }
  }

  func reset() throws(ArchiveError) {
    // libzstd starts the next frame by itself once one is complete.
    wanted = 1
    mayFlush = false
  }

  func startsStream(_ bytes: UnsafeRawBufferPointer) -> Bool {
    // A zstd frame, or a skippable frame (magic 0x184D2A50 to 0x184D2A5F, little-endian).
    if ContainerSniffer.kind(of: bytes) == .zstd { return true }
    return bytes.count >= 4 && bytes[0] & 0xF0 == 0x50 && bytes[1] == 0x2A && bytes[2] == 0x4D
      && bytes[3] == 0x18
  }
}

// Explicit non-conformance: the codec state is mutated by every call.
@available(*, unavailable) extension ZstdDecoder: Sendable {}
