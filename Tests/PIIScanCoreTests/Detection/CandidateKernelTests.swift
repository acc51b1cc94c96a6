import Testing

@testable import PIIScanCore

/// The SIMD kernels must agree with a plain reference on every buffer and every range.
@Suite struct CandidateKernelTests {
  struct Candidates: Equatable {
    var runs: [[Int]] = []
    var ats: [Int] = []
    var newlines = 0
  }

  /// The contract of `piiscan_scan_block`, written the obvious way.
  static func reference(_ bytes: [UInt8], from: Int, to: Int) -> Candidates {
    var out = Candidates()
    func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] &- 0x30 < 10 }
    var i = from
    while i < to {
      if isDigit(i) && !isDigit(i - 1) {
        var j = i
        while isDigit(j) { j += 1 }
        if j - i >= CandidateKernel.minimumRun { out.runs.append([i, j - i]) }
      }
      if bytes[i] == 0x40 { out.ats.append(i) }
      if bytes[i] == 0x0A { out.newlines += 1 }
      i += 1
    }
    return out
  }

  static func kernel(_ kernel: CandidateKernel, _ bytes: [UInt8], from: Int, to: Int) -> Candidates {
    bytes.withUnsafeBytes { raw in
      kernel.scan(raw, from: from, to: to)
      var out = Candidates()
      for i in 0..<kernel.runCount { out.runs.append([kernel.runStart(i), kernel.runLength(i)]) }
      for i in 0..<kernel.atCount { out.ats.append(kernel.atPosition(i)) }
      out.newlines = kernel.newlineCount
      return out
    }
  }

  /// Digit-heavy random bytes with '@', newlines and high bytes.
  static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    return (0..<count).map { _ in
      switch next() % 16 {
      case 0..<9: UInt8(0x30 + next() % 10)
      case 9: 0x40
      case 10: 0x0A
      case 11: 0xE4
      case 12: 0x2F  // '/' and ':' sit next to the digit range
      case 13: 0x3A
      default: UInt8(0x20 + next() % 0x5F)
      }
    }
  }

  @Test(arguments: ["avx2", "sse2", "scalar"])
  func agreesWithReference(implementation: String) throws {
    let original = CandidateKernel.implementationName
    defer { CandidateKernel.force(original) }
    guard CandidateKernel.force(implementation) else { return }  // not on this CPU
    let kernel = CandidateKernel()
    for seed in 0..<40 {
      let bytes = Self.randomBytes(1 + seed * 97 % 3000, seed: UInt64(seed))
      for (from, to) in [(0, bytes.count), (1, bytes.count - 1), (63, bytes.count / 2), (bytes.count / 3, bytes.count)]
      where 0 <= from && from <= to && to <= bytes.count {
        #expect(
          Self.kernel(kernel, bytes, from: from, to: to) == Self.reference(bytes, from: from, to: to),
          "\(implementation) seed \(seed) range \(from)..<\(to)")
      }
    }
  }

  @Test func runCrossingTheRangeEndIsFollowedToItsEnd() {
    let bytes = Array("ab 1234567890123 cd".utf8)
    let found = Self.kernel(CandidateKernel(), bytes, from: 0, to: 6)
    #expect(found.runs == [[3, 13]])
  }

  @Test func runStartingBeforeTheRangeBelongsToTheEarlierRange() {
    let bytes = Array("ab 1234567890123 cd 456".utf8)
    let found = Self.kernel(CandidateKernel(), bytes, from: 5, to: bytes.count)
    #expect(found.runs == [[20, 3]])
  }

  @Test func shortRunsAreNotReported() {
    let bytes = Array("1 22 333 4444".utf8)
    #expect(Self.kernel(CandidateKernel(), bytes, from: 0, to: bytes.count).runs == [[5, 3], [9, 4]])
  }
}
