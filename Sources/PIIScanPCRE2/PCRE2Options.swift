import CPCRE2

/// Compile options for a ``PCRE2Pattern``.
///
/// `rawValue` holds PCRE2's own compile option bits (`PCRE2_CASELESS`, …), so a value can be
/// compared with `pcre2test` output directly. Only the members declared here are accepted by
/// ``PCRE2Pattern/init(_:options:jit:)``; any other bit is rejected with
/// ``PCRE2Error/Code/badOptions``.
///
/// UTF mode is offered in exactly one way, ``matchInvalidUTF``. Plain `PCRE2_UTF` makes
/// `pcre2_match` validate the whole rest of the subject on every call, which is quadratic over
/// a big buffer (see docs/ARCHITECTURE.md, Performance), and it fails outright on invalid UTF-8,
/// which real files contain. Patterns compiled without ``matchInvalidUTF`` are also compiled with
/// `PCRE2_NEVER_UTF`, so a `(*UTF)` written inside the pattern is a compile error rather than a
/// way around this rule.
///
/// Anchoring is a compile-time decision: the JIT ignores `PCRE2_ANCHORED` and
/// `PCRE2_ENDANCHORED` at match time (pcre2jit(3)), so ``anchored`` and ``endAnchored`` are
/// compile options here and the match functions take no anchoring flag.
///
/// - Note: A plain value; safe to share across tasks.
public struct PCRE2Options: OptionSet, Sendable, Hashable {
  /// PCRE2 compile option bits (`PCRE2_…` from `pcre2.h`).
  public let rawValue: UInt32

  /// Creates options from PCRE2 compile option bits.
  ///
  /// - Parameter rawValue: `PCRE2_…` compile option bits. Bits outside ``supported`` are
  ///   rejected when a pattern is compiled.
  public init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// `PCRE2_CASELESS`: letters match either case (ASCII only, unless UTF mode with ``ucp``).
  public static let caseless = PCRE2Options(rawValue: PCRE2_CASELESS)

  /// `PCRE2_MULTILINE`: `^` and `$` also match after and before each newline.
  public static let multiline = PCRE2Options(rawValue: PCRE2_MULTILINE)

  /// `PCRE2_DOTALL`: `.` also matches newlines.
  public static let dotAll = PCRE2Options(rawValue: PCRE2_DOTALL)

  /// `PCRE2_EXTENDED`: unescaped whitespace is ignored and `#` starts a comment.
  public static let extended = PCRE2Options(rawValue: PCRE2_EXTENDED)

  /// `PCRE2_ANCHORED`: a match must start exactly at the start offset passed to the match call.
  ///
  /// Use this to test one candidate position: pass the candidate's byte offset as `startOffset`.
  public static let anchored = PCRE2Options(rawValue: PCRE2_ANCHORED)

  /// `PCRE2_ENDANCHORED`: a match must end exactly at the end of the subject buffer.
  public static let endAnchored = PCRE2Options(rawValue: PCRE2_ENDANCHORED)

  /// `PCRE2_UCP`: `\d`, `\w`, `\s`, `\b` and POSIX classes use Unicode properties.
  ///
  /// Only meaningful together with ``matchInvalidUTF``; it can double the cost of `\d`
  /// (docs/ARCHITECTURE.md, Performance), so prefer explicit classes such as `[0-9]`.
  public static let ucp = PCRE2Options(rawValue: PCRE2_UCP)

  /// `PCRE2_UTF | PCRE2_MATCH_INVALID_UTF`: the pattern and subject are UTF-8, and invalid byte
  /// sequences in the subject simply never match.
  ///
  /// This is the only UTF mode offered (see the type's overview). Invalid UTF-8 is never an
  /// error, so passing `PCRE2_NO_UTF_CHECK` is unnecessary (PCRE2 ignores it in this mode),
  /// and a start offset inside a character is allowed. Offsets stay byte offsets; `.` and
  /// classes consume whole characters, and an empty match advances by one character.
  ///
  /// Linear only with the JIT. The interpreter (``PCRE2Pattern/isJITCompiled`` is `false`)
  /// scans the subject from the start offset to the next invalid sequence on every call, so
  /// matching match after match over a big, clean buffer is quadratic there (measured with
  /// libpcre2 10.42: 4,000 matches in 655 KB of valid UTF-8 took 0.62 s, 1,000 in 163 KB took
  /// 0.04 s; with an invalid byte on every line, under 1 ms). Without the JIT, match such
  /// patterns only against small windows.
  public static let matchInvalidUTF = PCRE2Options(
    rawValue: PCRE2_UTF | PCRE2_MATCH_INVALID_UTF)

  /// `PCRE2_UNGREEDY`: quantifiers are lazy by default and greedy when followed by `?`.
  public static let ungreedy = PCRE2Options(rawValue: PCRE2_UNGREEDY)

  /// `PCRE2_DOLLAR_ENDONLY`: `$` matches only at the very end, not before a final newline.
  public static let dollarEndOnly = PCRE2Options(rawValue: PCRE2_DOLLAR_ENDONLY)

  /// `PCRE2_NO_AUTO_CAPTURE`: plain `( … )` groups do not capture; named groups still do.
  public static let noAutoCapture = PCRE2Options(rawValue: PCRE2_NO_AUTO_CAPTURE)

  /// `PCRE2_DUPNAMES`: several groups may share a name.
  public static let dupNames = PCRE2Options(rawValue: PCRE2_DUPNAMES)

  /// `PCRE2_LITERAL`: the whole pattern is a literal string (no metacharacters).
  public static let literal = PCRE2Options(rawValue: PCRE2_LITERAL)

  /// `PCRE2_NO_START_OPTIMIZE`: disables start-of-match optimisations.
  ///
  /// For benchmarks and experiments only; it makes the JIT try every position.
  public static let noStartOptimize = PCRE2Options(rawValue: PCRE2_NO_START_OPTIMIZE)

  /// Every option this wrapper accepts.
  public static let supported: PCRE2Options = [
    .caseless, .multiline, .dotAll, .extended, .anchored, .endAnchored, .ucp,
    .matchInvalidUTF, .ungreedy, .dollarEndOnly, .noAutoCapture, .dupNames, .literal,
    .noStartOptimize,
  ]

  /// Whether these options are accepted by ``PCRE2Pattern``: only ``supported`` bits, and the
  /// UTF bit only together with `PCRE2_MATCH_INVALID_UTF`.
  var isValid: Bool {
    guard isSubset(of: .supported) else { return false }
    let utfBits = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF
    return rawValue & utfBits == 0 || rawValue & utfBits == utfBits
  }

  /// The bits actually handed to `pcre2_compile_8`.
  ///
  /// Without ``matchInvalidUTF`` this adds `PCRE2_NEVER_UTF`, so `(*UTF)` in the pattern is
  /// refused. With it, this adds `PCRE2_NEVER_BACKSLASH_C`: `\C` can stop inside a character
  /// and is not supported by the JIT in UTF mode (it would silently fall back to the
  /// interpreter). A ``literal`` pattern has no syntax, so neither is needed (and PCRE2 refuses
  /// both together with `PCRE2_LITERAL`).
  var compileBits: UInt32 {
    if rawValue & PCRE2_LITERAL != 0 {
      return rawValue
    }
    if rawValue & PCRE2_UTF != 0 {
      return rawValue | PCRE2_NEVER_BACKSLASH_C
    }
    return rawValue | PCRE2_NEVER_UTF
  }
}

/// Match-time options for ``PCRE2Pattern/firstMatch(in:from:options:using:)``.
///
/// `rawValue` holds PCRE2's own option bits; only the members declared here exist, and the JIT
/// supports each of them (pcre2jit(3), "JIT FAST PATH API").
///
/// - Note: A plain value; safe to share across tasks.
public struct PCRE2MatchOptions: OptionSet, Sendable, Hashable {
  /// PCRE2 match option bits (`PCRE2_NOTBOL`, `PCRE2_NOTEOL`).
  public let rawValue: UInt32

  /// Creates options from PCRE2 match option bits; keep to the members below.
  public init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// `PCRE2_NOTBOL`: the subject's start is not the start of a line, so `^` does not match
  /// there (with ``PCRE2Options/multiline`` it still matches after each newline).
  public static let notBOL = PCRE2MatchOptions(rawValue: PCRE2_NOTBOL)

  /// `PCRE2_NOTEOL`: the subject's end is not the end of a line, so `$` does not match there
  /// (with ``PCRE2Options/multiline`` it still matches before each newline).
  public static let notEOL = PCRE2MatchOptions(rawValue: PCRE2_NOTEOL)
}
