import CPIIScanKernels

/// Per-worker output buffers of the byte-classification kernel (`CPIIScanKernels`).
///
/// The kernel is called on blocks of at most ``blockSize`` bytes, which bounds how many
/// candidates one call can produce, so the buffers are allocated once and never grow.
// SAFETY: owned by one worker; the raw buffers are freed in deinit and never escape.
final class CandidateKernel {
  static let blockSize = 64 << 10
  /// Shortest digit run reported: every numeric rule is triggered by a run of 3+ digits
  /// (shorter groups such as "86" or "10" are found by looking back from that run).
  static let minimumRun = 3
  /// Lengths of runs that can be a value on their own: landlines without separators (10–12),
  /// mobiles (11, 13 with 86, 15 with 0086), ID numbers (15, 17 + X, 18) and cards (15–19).
  static let standalone = 10...19
  /// Set in a run's length for a run of full-width digits (`PIISCAN_WIDE_RUN` of the kernel's
  /// header): the rest of the length counts its digits, three bytes each.
  static let wideRun = Int(PIISCAN_WIDE_RUN)
  private var filter = piiscan_run_filter(
    min_run: CandidateKernel.minimumRun, standalone_min: CandidateKernel.standalone.lowerBound,
    standalone_max: CandidateKernel.standalone.upperBound)

  private(set) var state: piiscan_candidates
  private let runStarts: UnsafeMutablePointer<UInt32>
  private let runLengths: UnsafeMutablePointer<UInt32>
  private let atPositions: UnsafeMutablePointer<UInt32>

  init() {
    let runCapacity = CandidateKernel.blockSize / 2 + 1
    runStarts = .allocate(capacity: runCapacity)
    runLengths = .allocate(capacity: runCapacity)
    atPositions = .allocate(capacity: CandidateKernel.blockSize)
    state = piiscan_candidates(
      run_starts: runStarts, run_lengths: runLengths, run_capacity: runCapacity, run_count: 0,
      at_positions: atPositions, at_capacity: CandidateKernel.blockSize, at_count: 0,
      newline_count: 0)
  }

  deinit {
    runStarts.deallocate()
    runLengths.deallocate()
    atPositions.deallocate()
  }

  /// Scans `bytes[from, to)` (at most ``blockSize`` bytes); runs may extend to the end of `bytes`.
  func scan(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int) {
    precondition(to - from <= CandidateKernel.blockSize && from <= to && to <= bytes.count)
    guard let base = bytes.baseAddress else {
      state.run_count = 0
      state.at_count = 0
      state.newline_count = 0
      return
    }
    piiscan_scan_block(
      base.assumingMemoryBound(to: UInt8.self), from, to, bytes.count, &filter, &state)
  }

  var runCount: Int { state.run_count }
  var atCount: Int { state.at_count }
  var newlineCount: Int { state.newline_count }
  @inline(__always) func runStart(_ i: Int) -> Int { Int(runStarts[i]) }
  @inline(__always) func runLength(_ i: Int) -> Int { Int(runLengths[i]) }
  @inline(__always) func atPosition(_ i: Int) -> Int { Int(atPositions[i]) }

  /// The implementation the kernel uses on this CPU ("avx2", "sse2" or "scalar").
  static var implementationName: String { String(cString: piiscan_kernel_name()) }

  /// Forces an implementation (tests, benchmarks); false if unknown or unsupported here.
  @discardableResult static func force(_ name: String) -> Bool {
    piiscan_force_kernel(name) == 0
  }
}
