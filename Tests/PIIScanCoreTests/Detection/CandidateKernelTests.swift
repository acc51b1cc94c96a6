import CPIIScanKernels
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
    func byte(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }
    func joined(_ i: Int, _ j: Int) -> Bool {
      let (a, b) = (byte(j), byte(i - 1))
      return ((a == 0x20 || a == 0x2D) && isDigit(j + 1)) || a == 0x2A || a | 0x20 == 0x78
        || ((b == 0x20 || b == 0x2D) && isDigit(i - 2)) || b == 0x29 || b == 0x89
        || (b == 0x20 && (byte(i - 2) == 0x29 || byte(i - 2) == 0x89))
        || (a == 0x20 && byte(j + 1) == 0x20 && isDigit(j + 2))
    }
    // A full-width digit: EF BC 90...99.
    func isWide(_ i: Int) -> Bool {
      i >= 0 && i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBC
        && bytes[i + 2] &- 0x90 < 10
    }
    var i = from
    while i < to {
      if isWide(i) && !isWide(i - 3) {
        var n = 0
        while isWide(i + 3 * n) { n += 1 }
        if n >= 2 { out.runs.append([i, n | CandidateKernel.wideRun]) }
      }
      if isDigit(i) && !isDigit(i - 1) {
        var j = i
        while isDigit(j) { j += 1 }
        if j - i >= CandidateKernel.minimumRun
          && (CandidateKernel.standalone.contains(j - i) || joined(i, j))
        {
          out.runs.append([i, j - i])
        }
      }
      if bytes[i] == 0x40 { out.ats.append(i) }
      if bytes[i] == 0x0A { out.newlines += 1 }
      i += 1
    }
    return out
  }

  static func kernel(_ kernel: CandidateKernel, _ bytes: [UInt8], from: Int, to: Int) -> Candidates
  {
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
    return (0..<count).flatMap { _ -> [UInt8] in
      switch next() % 16 {
      // A full-width digit, or a full-width character close to one (：, ｐ).
      case 14 where next() % 2 == 0:
        [0xEF, 0xBC, UInt8(0x90 + next() % 10)]
      case 14 where next() % 2 == 0:
        [[0xEF, 0xBC, 0x9A], [0xEF, 0xBD, 0x90], [0xE4, 0xBC, 0x99]][Int(next() % 3)]
      case 0..<9: [UInt8(0x30 + next() % 10)]
      case 15: [UInt8(0x30 + next() % 10)]
      case 9: [0x40]
      case 10: [0x0A]
      case 11: [0xE4]
      case 12: [[0x2F, 0x3A, 0x29, 0x2A][Int(next() % 4)]]  // '/', ':', ')', '*'
      case 13: [[0x20, 0x2D, 0x78, 0x89][Int(next() % 4)]]  // joiners
      default: [UInt8(0x20 + next() % 0x5F)]
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
      for (from, to) in [
        (0, bytes.count), (1, bytes.count - 1), (63, bytes.count / 2),
        (bytes.count / 3, bytes.count),
      ]
      where 0 <= from && from <= to && to <= bytes.count {
        #expect(
          Self.kernel(kernel, bytes, from: from, to: to)
            == Self.reference(bytes, from: from, to: to),
          "\(implementation) seed \(seed) range \(from)..<\(to)")
      }
    }
  }

  /// The SIMD UTF-8 validator agrees with the standard library on valid text, text with one
  /// corrupted byte, cut text and random bytes, at every length around the 32-byte blocks.
  @Test func utf8ValidationAgreesWithTheStandardLibrary() {
    var state: UInt64 = 7
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let samples = [
      "姓名张三，身份证110101199003071233 ok", "𠀀𝄞é ä 日本語 \u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
    ]
    var cases: [[UInt8]] = []
    for sample in samples {
      let bytes = Array(String(repeating: sample, count: 5).utf8)
      for cut in stride(from: 0, through: bytes.count, by: 3) { cases.append(Array(bytes[..<cut])) }
      for _ in 0..<300 {
        var corrupted = bytes
        corrupted[Int(next()) % corrupted.count] = UInt8(truncatingIfNeeded: next())
        cases.append(corrupted)
      }
    }
    for _ in 0..<300 {
      cases.append((0..<(Int(next()) % 100)).map { _ in UInt8(truncatingIfNeeded: next()) })
    }
    // Overlong, surrogate and too-large forms.
    cases += [
      [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF0, 0x80, 0x80, 0x80],
    ]
    for bytes in cases {
      let expected = String(validating: bytes, as: UTF8.self) != nil
      let padded = Array(repeating: UInt8(0x41), count: 40) + bytes
      for input in [bytes, padded] {
        let got = input.withUnsafeBufferPointer {
          piiscan_valid_utf8($0.baseAddress, $0.count) != 0
        }
        #expect(got == expected, "\(input)")
      }
    }
  }

  @Test func runCrossingTheRangeEndIsFollowedToItsEnd() {
    let bytes = Array("ab 1234567890123 cd".utf8)
    let found = Self.kernel(CandidateKernel(), bytes, from: 0, to: 6)
    #expect(found.runs == [[3, 13]])
  }

  @Test func runStartingBeforeTheRangeBelongsToTheEarlierRange() {
    let bytes = Array("ab 1234567890123 cd 13912345670".utf8)
    let found = Self.kernel(CandidateKernel(), bytes, from: 5, to: bytes.count)
    #expect(found.runs == [[20, 11]])
  }

  @Test func fullWidthRunsAreReportedWithTheirDigitCount() {
    // Eleven full-width digits, a lone one (not reported), four; ASCII 0212 after them is no
    // group of theirs for the kernel (the number detector folds the whole number).
    let bytes = Array("手机１３９１２３４５６７０，第１页 ６２２２  0212".utf8)
    let found = Self.kernel(CandidateKernel(), bytes, from: 0, to: bytes.count)
    #expect(
      found.runs == [
        [6, 11 | CandidateKernel.wideRun], [52, 4 | CandidateKernel.wideRun],
      ])
    // A range starting inside a run leaves it to the range before.
    let later = Self.kernel(CandidateKernel(), bytes, from: 9, to: bytes.count)
    #expect(later.runs.first == [52, 4 | CandidateKernel.wideRun])
  }

  /// A group followed by two spaces and a digit is reported (the number's chain is built from
  /// the first); the last group, with nothing after it, need not be.
  @Test func groupsTwoSpacesApartAreJoined() {
    let bytes = Array("6222  0212  3456  7890  128 x 9485  y".utf8)
    #expect(
      Self.kernel(CandidateKernel(), bytes, from: 0, to: bytes.count).runs == [
        [0, 4], [6, 4], [12, 4], [18, 4],
      ])
  }

  @Test func shortRunsAreReportedOnlyWhenJoined() {
    // "22 333" joins 333 to a digit before; "4444 5555" are joined; "*" masks; "(010)" is
    // found by looking back from 62345678; 9485 stands alone and is dropped.
    let bytes = Array("1 22 333,4444 5555*12 (010)62345678 13912345670,9485,".utf8)
    #expect(
      Self.kernel(CandidateKernel(), bytes, from: 0, to: bytes.count).runs == [
        [5, 3], [9, 4], [14, 4], [27, 8], [36, 11],
      ])
  }
}
