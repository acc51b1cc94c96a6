/// The decoded bytes of a gzip, bzip2, xz or zstd stream, as a source: every byte the codec can
/// produce is delivered before the error that stops it (see ``StreamDecoders`` for why this is
/// not left to libarchive).
///
/// Streams of the same format that follow one another (`gzip -c a b > ab.gz`, `cat` of two
/// `.xz` files, zstd frames and skippable frames) decode as one. Zero bytes after a stream are
/// padding (xz allows it; `dd` and tape copies add it) and are skipped. Anything else after a
/// stream is *trailing data*: decoding ends there, ``trailingDataOffset`` says where it starts,
/// and ``readTrailingData(into:)`` returns it as it is stored.
///
/// Decoded bytes are handed out from a 64 KiB block of this source's own, which is decoded
/// whole before it is read (see `fillOutput()`), so what comes out, up to an error, depends only
/// on the compressed bytes.
///
/// Errors: truncation (the input ends inside a stream) is reported as
/// ``ArchiveError/Kind/truncated`` with the count of bytes decoded before it; damage as the
/// codec reports it. An error the underlying source throws (an enclosing member that was cut
/// short, a device error) is reported unchanged, once the input read before it is decoded.
/// Each error is thrown once, by the call after the one that delivered the last good byte; the
/// source then stays at its end.
///
/// - Note: Not `Sendable`: it holds the codec's state and reads its source.
final class DecompressedSource: ArchiveSource {
  /// The compression this source decodes.
  let kind: ContainerKind

  private let source: any ArchiveSource
  private let decoder: any StreamDecoder

  /// The account to refund for bytes pulled from `source`, for a nested reader whose source
  /// bytes the enclosing reader has charged already.
  private let refundBudget: ArchiveBudget?

  /// Compressed bytes read from `source` and not yet used: `input[inputStart..<inputEnd]`.
  private let input: UnsafeMutableRawBufferPointer
  private var inputStart = 0
  private var inputEnd = 0

  /// Whether `source` has ended (or failed, see ``sourceError``).
  private var sourceEnded = false

  /// The error `source` threw, reported once the input before it is decoded.
  private(set) var sourceError: ArchiveError?

  /// Bytes read from `source`.
  private(set) var bytesFromSource: Int64 = 0

  /// Decoded bytes delivered.
  private(set) var producedBytes: Int64 = 0

  /// The first compressed bytes read, kept while ``keepsFirstBytes`` is set (up to 64 KiB): a
  /// gzip header's original file name is read from them.
  private(set) var firstBytes: [UInt8] = []

  /// Whether bytes read from the source are still copied into ``firstBytes``.
  var keepsFirstBytes = false {
    didSet {
      if !keepsFirstBytes { firstBytes = [] }
    }
  }

  /// Where the compressed data ends and bytes that are not part of it start, counted from the
  /// start of `source`; `nil` while decoding and when the data ends at the end of the input.
  private(set) var trailingDataOffset: Int64?

  private enum State {
    /// Inside a stream.
    case decoding
    /// After a stream's end: padding, another stream, trailing data or the end of the input.
    case betweenStreams
    /// Decoding is over: at the end of the input, at trailing data, or after an error.
    case ended
  }

  private var state = State.decoding

  /// An error to throw once the decoded bytes before it have been read.
  private var pendingError: ArchiveError?

  /// Decoded bytes not yet read: `output[outputStart..<outputEnd]`.
  private let output: UnsafeMutableRawBufferPointer
  private var outputStart = 0
  private var outputEnd = 0

  /// The bytes needed after a stream to tell another stream from trailing data (the longest
  /// magic, xz's, has six).
  private static let lookahead = 6

  /// Decodes `source`, whose first bytes are a `kind` stream.
  ///
  /// - Parameters:
  ///   - source: The compressed bytes.
  ///   - kind: One of the compressions ``StreamDecoders/decodes(_:)`` accepts.
  ///   - refundBudget: For a nested reader, the account to refund for bytes read from `source`.
  init(source: any ArchiveSource, kind: ContainerKind, refundBudget: ArchiveBudget?)
    throws(ArchiveError)
  {
    self.source = source
    self.kind = kind
    self.decoder = try StreamDecoders.make(kind)
    self.refundBudget = refundBudget
    self.input = .allocate(byteCount: ArchiveClient.bufferSize, alignment: 16)
    self.output = .allocate(byteCount: ArchiveClient.bufferSize, alignment: 16)
  }

  deinit {
    input.deallocate()
    output.deallocate()
  }

  /// Compressed bytes the codec has used so far: the offset in `source` it has reached.
  var compressedOffset: Int64 {
    bytesFromSource - Int64(inputEnd - inputStart)
  }

  /// Reads decoded bytes.
  ///
  /// - Returns: The number of bytes written to `buffer`; 0 at the end of the compressed data
  ///   (the end of the input, or the start of trailing data).
  /// - Throws: An ``ArchiveError`` once, after every byte that could be decoded.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
    guard let destination = buffer.baseAddress, !buffer.isEmpty else { return 0 }
    if outputStart == outputEnd {
      fillOutput()
    }
    if outputStart < outputEnd {
      let count = min(buffer.count, outputEnd - outputStart)
      destination.copyMemory(from: output.baseAddress! + outputStart, byteCount: count)
      outputStart += count
      return count
    }
    if let error = pendingError {
      pendingError = nil
      throw error
    }
    return 0
  }

  /// Decodes into the whole of `output` (emptied first): it is filled to the end unless the
  /// compressed data ends, or an error stops it (then kept in `pendingError`).
  ///
  /// The codec is always called with what is left of `output`, so its calls stop at the same
  /// places of the decoded stream however the input arrives and whatever the caller reads: a
  /// codec that notices damage only when it stops (libbz2 checks a damaged block's run lengths
  /// as it writes them out) then delivers the same bytes before the error for every caller.
  private func fillOutput() {
    outputStart = 0
    outputEnd = 0
    while outputEnd < output.count {
      switch state {
      case .ended:
        return
      case .betweenStreams:
        do throws(ArchiveError) {
          try findNextStream()
        } catch {
          end(with: error)
          return
        }
      case .decoding:
        if inputStart == inputEnd && !sourceEnded {
          refill()
        }
        let step = decoder.decode(
          UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd]),
          into: UnsafeMutableRawBufferPointer(rebasing: output[outputEnd...]),
          inputEnded: sourceEnded)
        inputStart += step.consumed
        outputEnd += step.produced
        producedBytes += Int64(step.produced)
        switch step.status {
        case .running:
          if step.produced > 0 || step.consumed > 0 { continue }
          if !sourceEnded {
            guard inputEnd - inputStart < input.count else {
              // Cannot happen with these codecs, which take all the input they are given;
              // guards against spinning for ever.
              end(with: ArchiveError(.corrupt, "the \(kind) decoder made no progress"))
              return
            }
            compactInput()
            refill()
            continue
          }
          // No progress, and none possible: the input ended inside the stream.
          end(
            with: sourceError
              ?? ArchiveError(
                .truncated,
                "truncated \(kind) input (after \(producedBytes) decompressed bytes)"))
          return
        case .streamEnd:
          state = .betweenStreams
        case .failed(var error):
          error.message += " (after \(producedBytes) decompressed bytes)"
          end(with: error)
          return
        }
      }
    }
  }

  /// Ends decoding with `error`, thrown once the bytes decoded before it have been read.
  private func end(with error: ArchiveError) {
    state = .ended
    pendingError = error
  }

  /// After a stream: skips zero padding, then starts the next stream, notes trailing data, or
  /// ends at the end of the input.
  private func findNextStream() throws(ArchiveError) {
    while true {
      while inputStart < inputEnd && input[inputStart] == 0 {
        inputStart += 1
      }
      if inputStart < inputEnd && inputEnd - inputStart >= Self.lookahead || sourceEnded {
        break
      }
      compactInput()
      refill()
    }
    guard inputStart < inputEnd else {
      state = .ended
      if let sourceError {
        throw sourceError
      }
      return
    }
    let next = UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd])
    if decoder.startsStream(next) {
      try decoder.reset()
      state = .decoding
    } else {
      trailingDataOffset = compressedOffset
      state = .ended
    }
  }

  /// Reads the bytes after the compressed data, as they are stored (call once
  /// ``trailingDataOffset`` is set and ``read(into:)`` has returned 0).
  ///
  /// - Returns: The number of bytes read; 0 at the end of the input.
  /// - Throws: The source's error, as an ``ArchiveError``.
  func readTrailingData(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
    guard trailingDataOffset != nil, let destination = buffer.baseAddress, !buffer.isEmpty else {
      return 0
    }
    if inputStart < inputEnd {
      let count = min(buffer.count, inputEnd - inputStart)
      destination.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
      inputStart += count
      return count
    }
    if let error = sourceError {
      sourceError = nil
      throw error
    }
    guard !sourceEnded else { return 0 }
    let count: Int
    do {
      count = try source.read(into: buffer)
    } catch {
      sourceEnded = true
      throw ArchiveClient.sourceFailure(error)
    }
    guard count >= 0, count <= buffer.count else {
      sourceEnded = true
      throw ArchiveError(.io, "the source returned an invalid byte count (\(count))")
    }
    if count == 0 { sourceEnded = true }
    bytesFromSource += Int64(count)
    refundBudget?.refund(Int64(count))
    return count
  }

  /// Moves the unused input to the front of the buffer.
  private func compactInput() {
    guard inputStart > 0 else { return }
    let count = inputEnd - inputStart
    if count > 0 {
      input.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
    }
    inputStart = 0
    inputEnd = count
  }

  /// Reads more compressed bytes after the unused ones; at the end of the source, or when it
  /// fails, sets ``sourceEnded`` (and ``sourceError``).
  private func refill() {
    if inputStart == inputEnd {
      inputStart = 0
      inputEnd = 0
    }
    guard !sourceEnded, inputEnd < input.count else { return }
    let space = UnsafeMutableRawBufferPointer(rebasing: input[inputEnd...])
    do {
      let count = try source.read(into: space)
      guard count >= 0, count <= space.count else {
        sourceError = ArchiveError(.io, "the source returned an invalid byte count (\(count))")
        sourceEnded = true
        return
      }
      if count == 0 {
        sourceEnded = true
      }
      if keepsFirstBytes && firstBytes.count < ArchiveClient.bufferSize {
        firstBytes.append(
          contentsOf: UnsafeRawBufferPointer(
            rebasing: space[..<min(count, ArchiveClient.bufferSize - firstBytes.count)]))
      }
      inputEnd += count
      bytesFromSource += Int64(count)
      refundBudget?.refund(Int64(count))
    } catch {
      sourceError = ArchiveClient.sourceFailure(error)
      sourceEnded = true
    }
  }
}

// Explicit non-conformance: reading mutates the codec, the buffer and the source.
@available(*, unavailable) extension DecompressedSource: Sendable {}
