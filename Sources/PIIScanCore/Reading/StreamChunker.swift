import PIIScanArchive
import PIIScanText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source of bytes read front to back: standard input, a pipe, a decompressor.
public protocol ByteStream {
  /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at the end of the stream.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}

/// Cuts a stream into the same chunks ``ChunkLayout`` gives a file of the same bytes.
///
/// The chunker keeps a sliding window of the stream (at most two chunk sizes plus context) and
/// copies each chunk with its context into a buffer handed to a worker, so decoding (one thread)
/// and scanning (every core) overlap.
public final class StreamChunker<Stream: ByteStream> {
  public let layout: ChunkLayout
  private var stream: Stream
  private let window: UnsafeMutableRawBufferPointer
  private var windowBase: Int64 = 0
  private var windowCount = 0
  private var endOfStream = false
  /// Why the stream ended early, if it did. What was read before is still cut and scanned:
  /// a truncated archive member gives its readable part.
  public private(set) var streamError: InputError?
  /// The stream's text encoding, for newline cuts (set from its profile).
  public var encoding: EncodingReport?
  private var nextIndex = 0
  private var nextStart: Int64 = 0

  public init(stream: Stream, layout: ChunkLayout) {
    self.stream = stream
    self.layout = layout
    let capacity = max(
      layout.bufferCapacity + ChunkLayout.overlap + 1, InputProfile.sniffLength + (1 << 20))
    window = UnsafeMutableRawBufferPointer(
      start: UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 4096),
      count: capacity)
  }

  deinit { window.deallocate() }

  /// Bytes read from the stream so far.
  public var bytesRead: Int64 { windowBase + Int64(windowCount) }

  private var windowEnd: Int64 { windowBase + Int64(windowCount) }

  /// Reads until the window reaches absolute offset `target` or the stream ends (an error
  /// ends it too, and is kept in ``streamError``).
  private func fill(upTo target: Int64) {
    while !endOfStream && windowEnd < target {
      let space = window.count - windowCount
      precondition(space > 0, "stream window overflow")
      let want = min(space, max(Int(target - windowEnd), 1 << 20))
      do {
        let n = try stream.read(
          into: UnsafeMutableRawBufferPointer(rebasing: window[windowCount..<windowCount + want]))
        if n == 0 { endOfStream = true } else { windowCount += n }
      } catch {
        streamError = error
        endOfStream = true
      }
    }
  }

  /// Drops window bytes before absolute offset `keepFrom`.
  private func discard(before keepFrom: Int64) {
    let drop = Int(keepFrom - windowBase)
    guard drop > 0 else { return }
    let keep = windowCount - drop
    if keep > 0 {
      window.baseAddress!.copyMemory(from: window.baseAddress! + drop, byteCount: keep)
    }
    windowBase = keepFrom
    windowCount = max(keep, 0)
  }

  /// The profile of the stream, from its first ``InputProfile/sniffLength`` bytes (call before
  /// the first chunk: it reads ahead without consuming).
  public func profile(sheet: Bool = false) -> InputProfile {
    precondition(nextIndex == 0 && windowBase == 0, "profile() comes before the first chunk")
    fill(upTo: Int64(InputProfile.sniffLength))
    let count = min(windowCount, InputProfile.sniffLength)
    let prefix = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(window)[0..<count])
    return sheet ? InputProfile.sniffSheet(prefix) : InputProfile.sniff(prefix)
  }

  /// The next chunk, copied with its context into `buffer`; nil after the last one.
  ///
  /// - Returns: the view and the chunk's index.
  public func next(into buffer: ReadBuffer) -> (index: Int, view: ChunkView)? {
    let overlap = Int64(ChunkLayout.overlap)
    let nominal = layout.nominalStart(nextIndex)
    fill(upTo: nominal + 1)
    if endOfStream && nominal >= windowEnd { return nil }
    let nextNominal = nominal + Int64(layout.chunkSize)
    // Enough to decide the next cut (or the stream's end), then the context after it.
    fill(upTo: nextNominal - 1 + Int64(layout.chunkSize))
    let knownSize = endOfStream ? windowEnd : Int64.max
    let windowView = UnsafeRawBufferPointer(window)
    let start = nextStart
    let end: Int64
    if nextNominal >= knownSize {
      end = knownSize
    } else {
      end = layout.cut(
        nominal: nextNominal, inputSize: knownSize,
        window: UnsafeRawBufferPointer(rebasing: windowView[0..<windowCount]),
        windowBase: windowBase, encoding: encoding)
    }
    fill(upTo: end + overlap)
    let lower = max(windowBase, start - overlap)
    let upper = min(windowEnd, end + overlap)
    let count = Int(upper - lower)
    precondition(count <= buffer.capacity, "read buffer too small")
    buffer.storage.baseAddress!.copyMemory(
      from: window.baseAddress! + Int(lower - windowBase), byteCount: count)
    let view = ChunkView(
      bytes: UnsafeRawBufferPointer(rebasing: buffer.storage[0..<count]), base: lower,
      ownStart: Int(start - lower), ownEnd: Int(end - lower),
      reachesEndOfInput: endOfStream && upper == windowEnd)
    let index = nextIndex
    nextIndex += 1
    nextStart = end
    discard(before: max(windowBase, end - overlap - 1))
    return (index, view)
  }
}

/// Reads an archive source (a file, standard input, an archive member) as a ``ByteStream``,
/// keeping the archive error that ended it so reports can say "truncated" or "corrupt".
public final class ArchiveByteStream: ByteStream {
  let source: any ArchiveSource
  public private(set) var lastArchiveError: ArchiveError?

  public init(source: any ArchiveSource) { self.source = source }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
    do {
      return try source.read(into: buffer)
    } catch let error as ArchiveError {
      lastArchiveError = error
      throw InputError(error.message)
    } catch {
      throw InputError("\(error)")
    }
  }
}
