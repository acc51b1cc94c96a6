import CPCRE2

/// Per-worker match state: a PCRE2 match data block, a match context with limits, and a JIT
/// stack.
///
/// Create one per worker thread or task and reuse it for every match that worker makes, with
/// any number of patterns. Nothing is allocated per match: the match data block starts with
/// room for ``defaultPairCapacity`` capture pairs and is replaced by a bigger one only when a
/// pattern with more groups is first used with this scratch. Since PCRE2 10.41 the block also
/// keeps the interpreter's backtracking heap between calls (pcre2perform(3)).
///
/// After a successful match the scratch holds that match's capture offsets; read them with
/// ``PCRE2Pattern/captureRange(_:in:)`` before the next match call with this scratch.
///
/// The limits bound the work done for one match call; a call that hits one throws a
/// ``PCRE2Error`` whose ``PCRE2Error/isMatchLimit`` is `true`, and the scratch stays usable.
///
/// - Note: Not thread-safe and not `Sendable`: every match call writes into it. Give each
///   worker its own.
public final class PCRE2MatchScratch {
  /// The number of capture pairs (whole match plus groups) a new scratch has room for.
  public static let defaultPairCapacity = 64

  /// `pcre2_set_match_limit`: the maximum number of backtracking steps per match call.
  public let matchLimit: UInt32

  /// `pcre2_set_depth_limit`: the maximum backtracking depth per match call (interpreter only;
  /// the JIT is bounded by the JIT stack instead).
  public let depthLimit: UInt32

  /// The maximum size in bytes of the JIT stack (`pcre2_jit_stack_create`'s `maxsize`).
  public let jitStackSize: Int

  /// The match context: limits, and the JIT stack when there is one.
  let matchContext: OpaquePointer

  /// The JIT stack assigned to ``matchContext``; `nil` when PCRE2 was built without JIT.
  let jitStack: OpaquePointer?

  /// The current match data block, big enough for ``pairCapacity`` pairs.
  private(set) var matchData: OpaquePointer

  /// `pcre2_get_ovector_pointer_8(matchData)`, cached: `2 * pairCapacity` `size_t` offsets.
  private(set) var ovector: UnsafeMutablePointer<Int>

  /// The number of (start, end) pairs ``matchData`` can hold.
  private(set) var pairCapacity: Int

  /// The number of pairs set by the last match call (its return code), or 0 if it failed.
  var lastPairCount = 0

  /// The compiled code of the pattern that made the last successful match.
  var lastCode: OpaquePointer?

  /// A one-byte buffer standing in for an empty subject whose base address is `nil`, so that
  /// PCRE2 (and the JIT fast path, which checks nothing) never sees a null subject pointer.
  let emptySubject: UnsafeMutablePointer<UInt8>

  /// Creates match state with the given limits.
  ///
  /// - Parameters:
  ///   - matchLimit: The maximum number of backtracking steps per match call.
  ///   - depthLimit: The maximum backtracking depth per match call (interpreter only).
  ///   - jitStackSize: The maximum JIT stack size in bytes; it starts at 32 KiB and grows on
  ///     demand up to this size. Must be positive. pcre2jit(3) says 512 KiB to 1 MiB is enough
  ///     for any reasonable pattern.
  public init(
    matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 100_000, jitStackSize: Int = 1 << 20
  ) {
    precondition(jitStackSize > 0, "jitStackSize must be positive, got \(jitStackSize)")
    self.matchLimit = matchLimit
    self.depthLimit = depthLimit
    self.jitStackSize = jitStackSize

    guard let context = pcre2_match_context_create_8(nil) else {
      preconditionFailure("PCRE2: could not allocate a match context")
    }
    // These setters only fail for a null context, which was ruled out above.
    _ = pcre2_set_match_limit_8(context, matchLimit)
    _ = pcre2_set_depth_limit_8(context, depthLimit)
    matchContext = context

    if PCRE2Pattern.isJITAvailable {
      let startSize = min(32 * 1024, jitStackSize)
      guard let stack = pcre2_jit_stack_create_8(startSize, jitStackSize, nil) else {
        preconditionFailure("PCRE2: could not allocate a JIT stack of \(jitStackSize) bytes")
      }
      // A null callback with a non-null data pointer means "use this stack".
      pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack))
      jitStack = stack
    } else {
      jitStack = nil
    }

    let pairs = Self.defaultPairCapacity
    let data = Self.createMatchData(pairs: pairs)
    matchData = data.matchData
    ovector = data.ovector
    pairCapacity = pairs

    emptySubject = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    emptySubject.initialize(to: 0)
  }

  deinit {
    // Reverse order of creation. The context only points at the JIT stack, so freeing the
    // stack before the context is fine; neither is used again.
    emptySubject.deallocate()
    pcre2_match_data_free_8(matchData)
    if let jitStack {
      pcre2_jit_stack_free_8(jitStack)
    }
    pcre2_match_context_free_8(matchContext)
  }

  /// Makes sure the match data block can hold `pairs` capture pairs, and forgets the last
  /// match.
  ///
  /// Called before every match; it replaces the block only when a pattern needs more pairs
  /// than any pattern used so far with this scratch.
  ///
  /// - Parameter pairs: The pattern's capture count plus one (for the whole match).
  @inline(__always)
  func prepare(pairs: Int) {
    lastPairCount = 0
    lastCode = nil
    if pairs > pairCapacity {
      grow(to: pairs)
    }
  }

  /// Replaces the match data block with one that holds `pairs` pairs (slow path).
  @inline(never)
  private func grow(to pairs: Int) {
    let data = Self.createMatchData(pairs: pairs)
    pcre2_match_data_free_8(matchData)
    matchData = data.matchData
    ovector = data.ovector
    pairCapacity = pairs
  }

  /// Allocates a match data block for `pairs` pairs and returns it with its ovector pointer.
  private static func createMatchData(
    pairs: Int
  ) -> (matchData: OpaquePointer, ovector: UnsafeMutablePointer<Int>) {
    // PCRE2 caps a pattern at 65535 groups, so `pairs` always fits in UInt32.
    guard let data = pcre2_match_data_create_8(UInt32(pairs), nil),
      let ovector = pcre2_get_ovector_pointer_8(data)
    else {
      preconditionFailure("PCRE2: could not allocate match data for \(pairs) pairs")
    }
    return (data, ovector)
  }
}

// Explicit non-conformance: every match call writes the match data block, the JIT stack and
// the cached last-match state, so one scratch must never be used by two threads at once.
@available(*, unavailable)
extension PCRE2MatchScratch: Sendable {}
