import CPIIScanKernels
import PIIScanArchive

/// Settings of one scan, as plain values (built by the command line, or by a test).
public struct ScanConfiguration: Sendable {
  /// Worker threads scanning chunks (at least 1).
  public var threads: Int
  /// How inputs are cut into chunks.
  public var layout: ChunkLayout
  /// Read regular files through a read-only mapping instead of `pread`.
  public var useMapping: Bool
  /// Compute lines, columns and records (off for `--count`).
  public var locate: Bool
  public var detection: DetectionSettings
  /// Scan files that look binary instead of skipping them with a notice.
  public var scanBinary: Bool = false
  /// Safety limits for compressed files and archives (zip bombs, deep nesting).
  public var archiveLimits = ArchiveLimits()
  /// Compute each input's SHA-256 as it is read, and say its format and encoding
  /// (``InputSummary/facts``): the sizing report's evidence list.
  public var hashInputs = false
  /// For a shard (`size --range`): only the chunks of a regular file whose nominal start lies
  /// in this byte range are scanned (both ends multiples of the chunk size), so that the
  /// shards of a file together give what one scan of it gives.
  public var range: Range<Int64>?
  /// The most bytes read of a regular file (nil: all of it).
  public var maxFileBytes: Int64?
  /// The most bytes read of a stream that may never end: standard input, a FIFO, a device.
  public var maxStreamBytes: Int64 = 64 << 30

  public init(
    threads: Int = ScanConfiguration.defaultThreads, layout: ChunkLayout = ChunkLayout(),
    useMapping: Bool = false, locate: Bool = true,
    detection: DetectionSettings = DetectionSettings(asOf: .today())
  ) {
    self.threads = max(1, threads)
    self.layout = layout
    self.useMapping = useMapping
    self.locate = locate
    self.detection = detection
  }

  /// Every core the process may run on.
  public static var defaultThreads: Int {
    let available = Int(piiscan_available_cpus())
    if available > 0 { return available }
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
