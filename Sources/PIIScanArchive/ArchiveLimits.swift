/// Safety limits that stop decompression bombs and runaway nesting.
///
/// One set applies to an outermost input and everything inside it. The defaults suit a
/// workstation sizing a seized dump: they never stop a real export but stop a zip bomb after a
/// few megabytes of output.
///
/// - Note: A plain value; safe to share across tasks.
public struct ArchiveLimits: Sendable, Equatable {
  /// The most decompressed bytes one outermost input may produce, counted over every level of
  /// nesting (see ``ArchiveBudget``). Default 64 GiB.
  public var maxTotalBytes: Int64

  /// The most decompressed bytes one container may produce per compressed byte it consumes.
  ///
  /// Checked continuously once the container has produced ``ratioCheckThreshold`` bytes, so a
  /// small file with a high ratio (a few kilobytes of zeros) is never flagged. Real text and
  /// tables compress 3 to 20 times; deflate cannot exceed about 1032. Default 200.
  public var maxRatio: Double

  /// How many containers may enclose one another: a reader at depth `maxDepth` or deeper is
  /// refused. Default 8.
  public var maxDepth: Int

  /// How many bytes a container must produce before ``maxRatio`` is checked. Default 8 MiB.
  public var ratioCheckThreshold: Int64

  /// Creates limits; every argument has the default described on its property.
  public init(
    maxTotalBytes: Int64 = 64 << 30,
    maxRatio: Double = 200,
    maxDepth: Int = 8,
    ratioCheckThreshold: Int64 = 8 << 20
  ) {
    self.maxTotalBytes = maxTotalBytes
    self.maxRatio = maxRatio
    self.maxDepth = maxDepth
    self.ratioCheckThreshold = ratioCheckThreshold
  }
}
