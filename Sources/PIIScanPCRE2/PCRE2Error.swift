import CPCRE2

/// An error reported by PCRE2 while compiling or matching a pattern.
///
/// `code` is PCRE2's own error number: positive for compile errors (`pcre2_compile`), negative
/// for match-time errors (`pcre2_match`, `pcre2_jit_match`). The well-known codes that callers
/// branch on are named in ``PCRE2Error/Code``, so no other module needs to import `CPCRE2`.
///
/// Match-time errors carry no pattern text, and ``message`` is looked up only when it is read,
/// so throwing one (for example a match-limit hit on a hostile candidate) does not allocate.
///
/// - Note: A plain value; safe to share across tasks.
public struct PCRE2Error: Error, Sendable, CustomStringConvertible, Equatable {
  /// PCRE2's error number (positive: compile error, negative: match error).
  public let code: Int32

  /// For compile errors, the byte offset in ``pattern`` (UTF-8) where PCRE2 stopped.
  ///
  /// `nil` for match-time errors.
  public let patternOffset: Int?

  /// For compile errors, the pattern that failed to compile; `nil` for match-time errors.
  public let pattern: String?

  /// Creates an error from a PCRE2 error code.
  ///
  /// - Parameters:
  ///   - code: The PCRE2 error number.
  ///   - patternOffset: For compile errors, the byte offset in `pattern` where PCRE2 stopped.
  ///   - pattern: For compile errors, the pattern text.
  public init(code: Int32, patternOffset: Int? = nil, pattern: String? = nil) {
    self.code = code
    self.patternOffset = patternOffset
    self.pattern = pattern
  }

  /// PCRE2's English message for ``code``, from `pcre2_get_error_message_8`.
  ///
  /// Computed on each access; it is meant for diagnostics, not for the matching loop.
  public var message: String {
    Self.message(for: code)
  }

  /// Whether this is a compile error (a bad pattern or bad compile options).
  public var isCompileError: Bool {
    code > 0
  }

  /// Whether a resource limit stopped the match: the match limit, depth limit, heap limit or
  /// JIT stack.
  ///
  /// The caller treats these as a failure of one candidate (count it, move on), not of the run.
  public var isMatchLimit: Bool {
    Self.isMatchLimit(code: code)
  }

  /// Whether `code` is one of PCRE2's resource-limit errors (see ``isMatchLimit``).
  ///
  /// - Parameter code: A PCRE2 error number.
  /// - Returns: `true` for the match, depth, heap and JIT stack limits.
  public static func isMatchLimit(code: Int32) -> Bool {
    code == Code.matchLimit || code == Code.depthLimit || code == Code.heapLimit
      || code == Code.jitStackLimit
  }

  /// A one-line description, for example
  /// `PCRE2 error 114 at offset 3 in pattern "a(b": missing closing parenthesis`.
  public var description: String {
    var text = "PCRE2 error \(code)"
    if let patternOffset {
      text += " at offset \(patternOffset)"
    }
    if let pattern {
      text += " in pattern \"\(pattern)\""
    }
    return text + ": " + message
  }

  /// PCRE2's message for `code`, or a fallback naming the code if PCRE2 does not know it.
  static func message(for code: Int32) -> String {
    // PCRE2's longest message is about 100 bytes; 256 leaves room for future versions.
    let capacity = 256
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      let length = pcre2_get_error_message_8(code, buffer.baseAddress, capacity)
      guard length >= 0 else {
        return "unknown PCRE2 error code \(code)"
      }
      return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }
  }
}

extension PCRE2Error {
  /// Names for the PCRE2 error codes that callers and tests branch on.
  ///
  /// The values are PCRE2's (`PCRE2_ERROR_…` in `pcre2.h`), re-exported so that only this
  /// module imports `CPCRE2`.
  public enum Code {
    /// `PCRE2_ERROR_MATCHLIMIT`: the match limit was reached (JIT and interpreter).
    public static let matchLimit: Int32 = PCRE2_ERROR_MATCHLIMIT
    /// `PCRE2_ERROR_DEPTHLIMIT`: the backtracking depth limit was reached (interpreter only).
    public static let depthLimit: Int32 = PCRE2_ERROR_DEPTHLIMIT
    /// `PCRE2_ERROR_HEAPLIMIT`: the backtracking heap limit was reached (interpreter only).
    public static let heapLimit: Int32 = PCRE2_ERROR_HEAPLIMIT
    /// `PCRE2_ERROR_JIT_STACKLIMIT`: the JIT stack was too small for this subject.
    public static let jitStackLimit: Int32 = PCRE2_ERROR_JIT_STACKLIMIT
    /// `PCRE2_ERROR_BADOFFSET`: the start offset was negative or past the end of the subject.
    public static let badOffset: Int32 = PCRE2_ERROR_BADOFFSET
    /// `PCRE2_ERROR_BAD_OPTIONS`: compile options that PCRE2 or this wrapper does not accept.
    public static let badOptions: Int32 = PCRE2_ERROR_BAD_OPTIONS
    /// `PCRE2_ERROR_UTF_IS_DISABLED`: the pattern asked for UTF with `(*UTF)` but UTF is only
    /// offered through ``PCRE2Options/matchInvalidUTF``.
    public static let utfIsDisabled: Int32 = PCRE2_ERROR_UTF_IS_DISABLED
    /// `PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS`, for example in `a(b`.
    public static let missingClosingParenthesis: Int32 = PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS
    /// `PCRE2_ERROR_CLASS_RANGE_ORDER`, for example in `[z-a]`.
    public static let classRangeOrder: Int32 = PCRE2_ERROR_CLASS_RANGE_ORDER
  }
}
