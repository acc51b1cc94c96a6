import PIIScanText

/// Where an input is cut into chunks: the same cuts for a file, a pipe or a decoded stream.
///
/// Nominal cuts fall every ``chunkSize`` bytes. A cut moves forward to the start of the next
/// line when that line starts within one more chunk size; otherwise (a line longer than a
/// chunk) the cut stays where it is and the two chunks share ``overlap`` bytes of context, with
/// each finding owned by the chunk that holds its trigger. Both rules depend only on the
/// bytes, so every reader computes the same cuts, and memory stays bounded by
/// `2 × chunkSize + 2 × overlap` per buffer whatever the line lengths.
public struct ChunkLayout: Sendable, Hashable {
  /// Bytes of context readable before and after an owned range. Every detector's look-behind
  /// and look-ahead is bounded well below this (see ``DetectionLimits``).
  public static let overlap = 4096

  /// The default nominal chunk size: 2 MiB. A chunk's findings are held until it is emitted in
  /// order, and a dense dump carries one value per ~40 bytes, so memory grows with the chunk
  /// size times the chunks in flight (2 × threads + 1). On 80 MB of dense rows with two
  /// threads, JSON Lines peaked at 230 MB with 8 MiB chunks and 98 MB with 2 MiB ones, at the
  /// same CPU time; the overlap re-read (2 × 4 KiB per chunk) stays under 0.4%.
  public static let defaultChunkSize = 2 << 20

  /// Nominal chunk size in bytes (at least 1).
  public let chunkSize: Int

  public init(chunkSize: Int = ChunkLayout.defaultChunkSize) {
    precondition(chunkSize >= 1, "chunk size must be positive")
    self.chunkSize = chunkSize
  }

  /// Capacity a read buffer needs to hold any chunk with its context.
  public var bufferCapacity: Int { 2 * chunkSize + 2 * ChunkLayout.overlap + 2 }

  /// Number of chunks of an input of `size` bytes.
  public func chunkCount(inputSize size: Int64) -> Int {
    size <= 0 ? 0 : Int((size + Int64(chunkSize) - 1) / Int64(chunkSize))
  }

  /// Nominal start of chunk `index`.
  public func nominalStart(_ index: Int) -> Int64 { Int64(index) * Int64(chunkSize) }

  /// The bytes that decide the cut at nominal offset `nominal`: `[nominal - 1, nominal - 1 +
  /// chunkSize)`, clipped to the input.
  public func decidingRange(nominal: Int64, inputSize: Int64) -> Range<Int64> {
    let lower = max(0, nominal - 1)
    return lower..<min(inputSize, nominal - 1 + Int64(chunkSize))
  }

  /// The actual cut for nominal offset `nominal`.
  ///
  /// - Parameters:
  ///   - nominal: a multiple of ``chunkSize``.
  ///   - inputSize: the input's size (for a stream: its size once known, else `Int64.max`).
  ///   - window: bytes of the input starting at absolute offset `windowBase`; it must contain
  ///     ``decidingRange(nominal:inputSize:)`` (or reach the input's end).
  ///   - encoding: how newlines look in the stored bytes (UTF-16 newlines are code units), and
  ///     where a line longer than a chunk may be cut without splitting a character.
  /// - Returns: the first line start in `(nominal - 1, nominal - 1 + chunkSize]`, else a
  ///   character boundary at or soon after `nominal`. Cuts at or past the input's end are the
  ///   input's end.
  public func cut(
    nominal: Int64, inputSize: Int64, window: UnsafeRawBufferPointer, windowBase: Int64,
    encoding: EncodingReport? = nil
  ) -> Int64 {
    if nominal <= 0 { return 0 }
    if nominal >= inputSize { return inputSize }
    let range = decidingRange(nominal: nominal, inputSize: inputSize)
    let isUTF16 = encoding?.encoding.isUTF16 ?? false
    let lower = Int(range.lowerBound - windowBase) - (isUTF16 ? 1 : 0)
    let upper = min(Int(range.upperBound - windowBase) + (isUTF16 ? 1 : 0), window.count)
    precondition(lower >= -1 && lower <= upper, "window does not hold the deciding range")
    guard let base = window.baseAddress, upper > max(lower, 0) else { return nominal }
    guard let encoding, encoding.encoding != .utf8 && encoding.encoding != .utf8BOM else {
      if let hit = memchr(base + lower, 0x0A, upper - lower) {
        return windowBase + Int64(base.distance(to: UnsafeRawPointer(hit))) + 1
      }
      return nominal
    }
    let origin = Int((Int64(encoding.bomLength) - windowBase) % 2)
    let bounded = UnsafeRawBufferPointer(rebasing: window[0..<upper])
    if let start = StoredNewlines.firstLineStart(
      in: bounded, from: max(lower, 0), encoding: encoding.encoding, alignmentOrigin: origin)
    {
      return windowBase + Int64(start)
    }
    // A line longer than a chunk: cut where no character can be split, else at the nominal
    // offset (a rare run of Hanzi with no ASCII byte in one chunk size).
    let from = Int(nominal - windowBase)
    if let start = StoredNewlines.firstCharacterStart(
      in: bounded, from: from, encoding: encoding.encoding, alignmentOrigin: origin)
    {
      return windowBase + Int64(start)
    }
    return nominal
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
