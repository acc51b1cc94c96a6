import CPCRE2

/// A compiled, JIT-compiled PCRE2 pattern over bytes.
///
/// Build it once from configuration, then share it: the initializer compiles the pattern,
/// JIT-compiles it immediately and records the pattern facts callers need (capture count, group
/// names, first code unit, minimum length). Match with ``firstMatch(in:from:using:)`` or
/// ``forEachMatch(in:from:using:_:)``, passing a per-worker ``PCRE2MatchScratch``.
///
/// ```swift
/// let phone = try PCRE2Pattern(#"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"#)
/// let scratch = PCRE2MatchScratch()
/// try buffer.withUnsafeBytes { bytes in
///   try phone.forEachMatch(in: bytes, using: scratch) { range in
///     print(range)  // byte offsets into `buffer`
///     return true
///   }
/// }
/// ```
///
/// Subjects are bytes and every offset is a byte offset. Unless the pattern was compiled with
/// ``PCRE2Options/matchInvalidUTF``, non-ASCII literals in the pattern (such as `姓名`) match
/// their UTF-8 bytes literally, and `.` or a class matches one byte.
///
/// - Note: Safe to share across tasks and threads: the compiled code is immutable once the
///   initializer returns. Each thread must use its own ``PCRE2MatchScratch``.
public final class PCRE2Pattern {
  /// The pattern text as given.
  public let pattern: String

  /// The options the pattern was compiled with.
  public let options: PCRE2Options

  /// The number of capture groups (`PCRE2_INFO_CAPTURECOUNT`); group 0 is not counted.
  public let captureCount: Int

  /// The named groups and their numbers, from `PCRE2_INFO_NAMETABLE`.
  ///
  /// With ``PCRE2Options/dupNames`` a name shared by several groups maps to the lowest number.
  public let captureNames: [String: Int]

  /// Whether the JIT compiled the pattern (`PCRE2_INFO_JITSIZE > 0`).
  ///
  /// `false` when JIT was not requested, when PCRE2 was built without JIT, or when the JIT
  /// refused the pattern (for example `(*NO_JIT)`); matching then uses the interpreter, which
  /// is much slower (docs/ARCHITECTURE.md, Performance), and quadratic over big buffers for
  /// ``PCRE2Options/matchInvalidUTF`` patterns (see there), so callers may want to warn.
  public let isJITCompiled: Bool

  /// Whether every match starts with one fixed byte (`PCRE2_INFO_FIRSTCODETYPE == 1`).
  ///
  /// Such patterns get a fast SIMD search for that byte. Patterns without it, or without a
  /// fixed-offset pair of bytes, fall back to a much slower start-bitmap loop
  /// (docs/ARCHITECTURE.md, Performance); callers use this to warn about slow user patterns.
  public let hasFirstCodeUnit: Bool

  /// The fixed first byte of every match (`PCRE2_INFO_FIRSTCODEUNIT`) when
  /// ``hasFirstCodeUnit`` is `true`, otherwise `nil`.
  public let firstCodeUnit: UInt8?

  /// The minimum length of a match (`PCRE2_INFO_MINLENGTH`).
  ///
  /// In bytes for byte patterns, but in characters for ``PCRE2Options/matchInvalidUTF``
  /// patterns (PCRE2 counts characters in UTF mode). It is a lower bound, not exact.
  public let minimumLength: Int

  /// How far a lookbehind can look back before the match start (`PCRE2_INFO_MAXLOOKBEHIND`).
  ///
  /// In bytes for byte patterns, in characters for ``PCRE2Options/matchInvalidUTF`` patterns.
  /// A caller that matches inside a window must include this much context before it.
  public let maxLookbehind: Int

  /// The compiled code; freed in `deinit`.
  let code: OpaquePointer

  /// Whether PCRE2 was built with JIT support and it works on this platform
  /// (`PCRE2_CONFIG_JIT`).
  public static let isJITAvailable: Bool = {
    var available: UInt32 = 0
    let rc = pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &available)
    return rc >= 0 && available != 0
  }()

  /// Compiles `pattern`, then JIT-compiles it.
  ///
  /// The pattern is passed to PCRE2 with its UTF-8 byte length. JIT compilation
  /// (`PCRE2_JIT_COMPLETE`) happens here, before the object can be shared. If the JIT is
  /// unavailable or refuses the pattern, the pattern still works through the interpreter and
  /// ``isJITCompiled`` is `false`.
  ///
  /// - Parameters:
  ///   - pattern: A PCRE2 pattern. Without ``PCRE2Options/matchInvalidUTF``, `(*UTF)` in the
  ///     pattern is rejected (see ``PCRE2Options``).
  ///   - options: Compile options; only ``PCRE2Options/supported`` members are accepted.
  ///   - jit: Whether to JIT-compile. Pass `false` only to exercise or measure the interpreter.
  /// - Throws: ``PCRE2Error`` for an invalid pattern, with ``PCRE2Error/patternOffset`` set to
  ///   the byte offset where PCRE2 stopped, or for unsupported options
  ///   (``PCRE2Error/Code/badOptions``).
  public init(_ pattern: String, options: PCRE2Options = [], jit: Bool = true) throws(PCRE2Error) {
    guard options.isValid else {
      throw PCRE2Error(code: PCRE2Error.Code.badOptions, patternOffset: 0, pattern: pattern)
    }
    var errorCode: Int32 = 0
    var errorOffset = 0
    // `withUTF8` needs a mutable copy: it makes a bridged string native (once, off the hot
    // path) so that the bytes are contiguous.
    var patternText = pattern
    let compiled = patternText.withUTF8 { bytes in
      // PCRE2 10.42 rejects a null pattern pointer even with length 0, so an empty pattern
      // without storage gets a stand-in byte (not read, since the length is 0).
      withUnsafePointer(to: UInt8(0)) { emptyPattern in
        pcre2_compile_8(
          bytes.baseAddress ?? emptyPattern, bytes.count, options.compileBits, &errorCode,
          &errorOffset, nil)
      }
    }
    guard let compiled else {
      throw PCRE2Error(code: errorCode, patternOffset: errorOffset, pattern: pattern)
    }

    if jit && Self.isJITAvailable {
      // A failure (PCRE2_ERROR_JIT_BADOPTION, PCRE2_ERROR_NOMEMORY, a pattern the JIT cannot
      // handle) leaves the interpreted code intact; JITSIZE below tells which one we got.
      _ = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE)
    }

    self.code = compiled
    self.pattern = pattern
    self.options = options
    let firstCodeType = Self.info(compiled, PCRE2_INFO_FIRSTCODETYPE)
    captureCount = Int(Self.info(compiled, PCRE2_INFO_CAPTURECOUNT))
    captureNames = Self.nameTable(compiled)
    isJITCompiled = Self.jitSize(compiled) > 0
    hasFirstCodeUnit = firstCodeType == 1
    let firstUnit = Self.info(compiled, PCRE2_INFO_FIRSTCODEUNIT)
    firstCodeUnit = firstCodeType == 1 ? UInt8(truncatingIfNeeded: firstUnit) : nil
    minimumLength = Int(Self.info(compiled, PCRE2_INFO_MINLENGTH))
    maxLookbehind = Int(Self.info(compiled, PCRE2_INFO_MAXLOOKBEHIND))
  }

  deinit {
    pcre2_code_free_8(code)
  }

  /// The number of the capture group called `name`, or `nil` if there is none.
  ///
  /// - Parameter name: A group name as written in `(?<name>…)`.
  /// - Returns: The group number (≥ 1), usable with ``captureRange(_:in:)``.
  public func captureIndex(named name: String) -> Int? {
    captureNames[name]
  }

  /// Reads a `uint32_t` pattern fact.
  ///
  /// PCRE2 fails only for a bad `what` or a null code pointer, both programming errors here.
  private static func info(_ code: OpaquePointer, _ what: Int32) -> UInt32 {
    var value: UInt32 = 0
    let rc = pcre2_pattern_info_8(code, UInt32(what), &value)
    precondition(rc == 0, "pcre2_pattern_info_8(\(what)) failed with \(rc)")
    return value
  }

  /// Reads `PCRE2_INFO_JITSIZE` (a `size_t`): 0 when the pattern was not JIT-compiled.
  private static func jitSize(_ code: OpaquePointer) -> Int {
    var value = 0
    let rc = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_JITSIZE), &value)
    precondition(rc == 0, "pcre2_pattern_info_8(JITSIZE) failed with \(rc)")
    return value
  }

  /// Decodes PCRE2's name table into a dictionary (lowest group number wins for duplicates).
  ///
  /// Each entry is `NAMEENTRYSIZE` bytes: the group number as two big-endian bytes, then the
  /// name, NUL-terminated and padded (pcre2api(3), "Information about a compiled pattern").
  private static func nameTable(_ code: OpaquePointer) -> [String: Int] {
    let count = Int(info(code, PCRE2_INFO_NAMECOUNT))
    guard count > 0 else { return [:] }
    let entrySize = Int(info(code, PCRE2_INFO_NAMEENTRYSIZE))
    var table: UnsafePointer<UInt8>? = nil
    let rc = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
    guard rc == 0, let table else {
      preconditionFailure("pcre2_pattern_info_8(NAMETABLE) failed with \(rc)")
    }
    var names: [String: Int] = [:]
    for index in 0..<count {
      let entry = table + index * entrySize
      let number = Int(entry[0]) << 8 | Int(entry[1])
      var length = 0
      while 2 + length < entrySize && entry[2 + length] != 0 {
        length += 1
      }
      let nameBytes = UnsafeBufferPointer(start: entry + 2, count: length)
      let name = String(decoding: nameBytes, as: UTF8.self)
      names[name] = min(number, names[name] ?? number)
    }
    return names
  }
}

// SAFETY: `code` is written only inside `init` (pcre2_compile_8, then pcre2_jit_compile_8,
// which is the one call that writes into a code object) before `self` is visible to anyone.
// From then on it is only read, and pcre2api(3) "MULTITHREADING" says one compiled (and
// JIT-compiled) pattern can be used by several threads at once. All other stored properties
// are immutable `Sendable` values. That is the only reason for `@unchecked`.
extension PCRE2Pattern: @unchecked Sendable {}
