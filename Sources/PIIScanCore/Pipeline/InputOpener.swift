import PIIScanArchive
import PIIScanSheets

/// One kind of input: decides from an input's first bytes whether it reads it, and feeds what
/// it holds to the scan — a text's chunks, an archive's members, a workbook's sheets.
///
/// The pipeline tries the openers of ``InputFeeder/openers`` in order and the first that
/// takes an input reads it; the last one (text) takes everything. A new container format is a
/// new opener, not a new branch in the pipeline.
protocol InputOpener: Sendable {
  /// Whether this opener reads an input starting with `prefix`, which the container sniffer
  /// says is of kind `kind`.
  func opens(prefix: UnsafeRawBufferPointer, kind: ContainerKind) -> Bool

  /// Reads a regular file, which any worker may read at any offset. Returns false when the
  /// file turns out not to be this opener's after all (the next opener then reads it).
  func feed(file: RandomAccessInput, as input: ScanInput, using feeder: InputFeeder) -> Bool

  /// Reads a source front to back (standard input, a pipe, an archive member). Returns the
  /// source to hand to the next opener when the input is not this opener's after all (with
  /// any bytes already read put back in front), or nil when it was read.
  func feed(
    stream: PeekingSource, as input: ScanInput, depth: Int, budget: ArchiveBudget,
    using feeder: InputFeeder
  ) -> (any ArchiveSource)?
}
