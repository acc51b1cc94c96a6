import PIIScanPCRE2

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] {
  Array(text.utf8)
}

/// Every match `forEachMatch` reports for `pattern` in `subject`.
func allMatches(
  _ pattern: PCRE2Pattern, in subject: [UInt8], from startOffset: Int = 0,
  using scratch: PCRE2MatchScratch = PCRE2MatchScratch()
) throws -> [Range<Int>] {
  var found: [Range<Int>] = []
  try subject.withUnsafeBytes { bytes in
    try pattern.forEachMatch(in: bytes, from: startOffset, using: scratch) { range in
      found.append(range)
      return true
    }
  }
  return found
}

/// The first match of `pattern` in `subject` at or after `startOffset`.
func firstMatch(
  _ pattern: PCRE2Pattern, in subject: [UInt8], from startOffset: Int = 0,
  using scratch: PCRE2MatchScratch = PCRE2MatchScratch()
) throws -> Range<Int>? {
  try subject.withUnsafeBytes { bytes in
    try pattern.firstMatch(in: bytes, from: startOffset, using: scratch)
  }
}

/// The compile error thrown for `pattern`, or `nil` if it compiles.
func compileError(_ pattern: String, options: PCRE2Options = []) -> PCRE2Error? {
  do {
    _ = try PCRE2Pattern(pattern, options: options)
    return nil
  } catch {
    return error
  }
}
