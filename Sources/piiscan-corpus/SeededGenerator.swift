/// A deterministic pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// Written here (not `SystemRandomNumberGenerator`, not Foundation) so that the same
/// seed gives the same sequence on every run, machine and Swift version. All draws
/// use integer arithmetic only; no floating point decides anything.
///
/// - Note: a value type; copy it to fork a stream, or use `derived(_:)` for an
///   independent stream named by a label.
struct SeededGenerator {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Seeds the four state words from SplitMix64, as the xoshiro authors recommend.
  init(seed: UInt64) {
    var sm = seed
    s0 = SeededGenerator.splitMix64(&sm)
    s1 = SeededGenerator.splitMix64(&sm)
    s2 = SeededGenerator.splitMix64(&sm)
    s3 = SeededGenerator.splitMix64(&sm)
  }

  /// An independent stream for one named part of the output (a file, a block kind),
  /// so that changing one part does not shift the random draws of another.
  init(seed: UInt64, label: String) {
    self.init(seed: seed ^ SeededGenerator.fnv1a(label) &* 0x9E37_79B9_7F4A_7C15)
  }

  static func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// FNV-1a over UTF-8: a stable string hash (Swift's `hashValue` is seeded per process).
  static func fnv1a(_ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in text.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01B3
    }
    return h
  }

  @inline(__always)
  private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  @inline(__always)
  mutating func next() -> UInt64 {
    let result = SeededGenerator.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = SeededGenerator.rotl(s3, 45)
    return result
  }

  /// A uniform integer in `0..<bound` (Lemire's multiply-high; the tiny bias is irrelevant
  /// here and the result is deterministic). `bound` must be positive.
  @inline(__always)
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A uniform integer in `range`.
  @inline(__always)
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `perTenThousand` / 10 000.
  @inline(__always)
  mutating func chance(_ perTenThousand: Int) -> Bool { below(10_000) < perTenThousand }

  /// One element of a non-empty array.
  @inline(__always)
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// An index drawn with the given cumulative weights (last element = total).
  mutating func weightedIndex(cumulative: [Int]) -> Int {
    let r = below(cumulative[cumulative.count - 1])
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > r { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// `count` random decimal digits as ASCII bytes.
  mutating func digits(_ count: Int, into out: inout [UInt8]) {
    for _ in 0..<count { out.append(UInt8(48 + below(10))) }
  }

  /// `count` random decimal digits as a string; the first digit is non-zero when asked.
  mutating func digitString(_ count: Int, leadingNonZero: Bool = false) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count)
    for i in 0..<count {
      bytes.append(UInt8(48 + (i == 0 && leadingNonZero ? int(1...9) : below(10))))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
