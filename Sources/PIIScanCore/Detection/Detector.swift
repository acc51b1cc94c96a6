/// What the kernel found in one chunk: the digit runs and `@` bytes of its owned range, in
/// order, and the runs just before it that a number chain cut by the chunk's start began with.
///
/// Filled once per chunk by ``ChunkScanner`` in one pass of the byte kernel; every detector
/// reads from it.
struct Candidates {
  var runStarts: [Int32] = []
  var runLengths: [Int32] = []
  var atPositions: [Int32] = []
  /// Runs before the owned start of a number chain that reaches into it (see
  /// ``NumberDetector``): replayed, not reported.
  var primingStarts: [Int32] = []
  var primingLengths: [Int32] = []

  mutating func removeAll() {
    runStarts.removeAll(keepingCapacity: true)
    runLengths.removeAll(keepingCapacity: true)
    atPositions.removeAll(keepingCapacity: true)
    primingStarts.removeAll(keepingCapacity: true)
    primingLengths.removeAll(keepingCapacity: true)
  }
}

/// One chunk as every detector sees it.
struct ChunkContext {
  /// The window (decoded text for inputs that are not UTF-8) with its owned range.
  let view: ChunkView
  let profile: InputProfile
  let candidates: Candidates
}

/// A detector: finds the values of some rules in a chunk. ``ChunkScanner`` runs a list of
/// them in order — the strong ones (numbers, e-mails, users' regexes), then the soft one, which
/// gives way to the strong values found before it.
protocol Detector {
  /// Whether the scan's rules give this detector anything to do.
  var isEnabled: Bool { get }

  /// Appends what it finds in `chunk`'s owned range to `found` (which holds what the
  /// detectors before it found, in order), and counts searches a regex gave up in `stopped`.
  mutating func detect(_ chunk: ChunkContext, found: inout [Outcome], stopped: inout [String: Int])
}
