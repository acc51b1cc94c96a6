import CPCRE2

extension PCRE2Pattern {
  /// Finds the first match that starts at or after `startOffset`.
  ///
  /// The whole of `subject` is passed to PCRE2 with its explicit length, so lookbehinds can see
  /// the bytes before `startOffset` and `$` sees the real end. Uses `pcre2_jit_match` when
  /// ``isJITCompiled`` is `true`, otherwise `pcre2_match`. `PCRE2_NO_UTF_CHECK` is never
  /// passed because it is not needed: byte patterns are not UTF-checked, and
  /// ``PCRE2Options/matchInvalidUTF`` patterns treat invalid sequences as non-matching (PCRE2
  /// ignores the flag in that mode; see there for the interpreter's cost). Allocates nothing.
  ///
  /// For an ``PCRE2Options/anchored`` pattern the match must start exactly at `startOffset`.
  /// On success, capture groups can be read with ``captureRange(_:in:)`` until the next match
  /// call with the same scratch.
  ///
  /// - Parameters:
  ///   - subject: The bytes to search; an empty buffer with a `nil` base address is fine.
  ///   - startOffset: The byte offset to start at, in `0...subject.count`.
  ///   - scratch: This thread's match state.
  /// - Returns: The byte range of the whole match in `subject`, or `nil` if there is none.
  /// - Throws: ``PCRE2Error`` when a limit is hit (``PCRE2Error/isMatchLimit``) or for any
  ///   other PCRE2 match error, including ``PCRE2Error/Code/badOffset`` for a `startOffset`
  ///   outside `0...subject.count`.
  /// - Note: Safe to call from several threads at once, each with its own `scratch`.
  public func firstMatch(
    in subject: UnsafeRawBufferPointer, from startOffset: Int = 0,
    using scratch: PCRE2MatchScratch
  ) throws(PCRE2Error) -> Range<Int>? {
    try match(subject, from: startOffset, notEmptyAtStart: false, using: scratch)
  }

  /// Finds the first match that starts at or after `startOffset`, with match-time options.
  ///
  /// The same as ``firstMatch(in:from:using:)``, except that ``PCRE2MatchOptions/notBOL`` and
  /// ``PCRE2MatchOptions/notEOL`` say that the subject's first or last byte is not the start
  /// or end of the text: a caller that matches inside a window of a bigger text passes them
  /// so that `^` and `$` do not match at the window's edges (they still match at newlines
  /// inside it with ``PCRE2Options/multiline``).
  ///
  /// - Parameters:
  ///   - subject: The bytes to search.
  ///   - startOffset: The byte offset to start at, in `0...subject.count`.
  ///   - options: Match-time options.
  ///   - scratch: This thread's match state.
  /// - Returns: The byte range of the whole match in `subject`, or `nil` if there is none.
  /// - Throws: ``PCRE2Error`` as for ``firstMatch(in:from:using:)``.
  /// - Note: Safe to call from several threads at once, each with its own `scratch`.
  public func firstMatch(
    in subject: UnsafeRawBufferPointer, from startOffset: Int = 0, options: PCRE2MatchOptions,
    using scratch: PCRE2MatchScratch
  ) throws(PCRE2Error) -> Range<Int>? {
    try match(
      subject, from: startOffset, notEmptyAtStart: false, options: options, using: scratch)
  }

  /// Calls `body` with each non-overlapping match, left to right, until `body` returns `false`.
  ///
  /// After a non-empty match the next search starts at its end. After an empty match at
  /// offset `p` the next search starts at `p` again with `PCRE2_NOTEMPTY_ATSTART`: it finds a
  /// non-empty match at `p` if there is one, otherwise PCRE2 moves on by one byte (by one
  /// character for ``PCRE2Options/matchInvalidUTF`` patterns) and may report an empty match
  /// there. These are Perl's and `pcre2test`'s `/g` rules: `x*` over `axxb` yields `0..<0`,
  /// `1..<3`, `3..<3`, `4..<4`. The loop always makes progress, so it ends.
  ///
  /// Inside `body`, ``captureRange(_:in:)`` with the same scratch reads the current match's
  /// groups. `body` may use the scratch for other matches; the loop does not depend on it.
  ///
  /// - Parameters:
  ///   - subject: The bytes to search; an empty buffer with a `nil` base address is fine.
  ///   - startOffset: The byte offset to start at, in `0...subject.count`.
  ///   - scratch: This thread's match state.
  ///   - body: Called with each match's byte range; return `false` to stop.
  /// - Throws: A ``PCRE2Error`` from matching (see ``firstMatch(in:from:using:)``), or
  ///   whatever `body` throws. Matches already passed to `body` stand.
  /// - Note: Safe to call from several threads at once, each with its own `scratch`.
  public func forEachMatch(
    in subject: UnsafeRawBufferPointer, from startOffset: Int = 0,
    using scratch: PCRE2MatchScratch, _ body: (Range<Int>) throws -> Bool
  ) throws {
    var offset = startOffset
    var afterEmptyMatch = false
    while let found = try match(
      subject, from: offset, notEmptyAtStart: afterEmptyMatch, using: scratch)
    {
      // PCRE2_NOTEMPTY_ATSTART rules out the same empty match twice, and every other result
      // ends later than `offset` or is empty at a later offset: the loop always advances.
      precondition(
        !(afterEmptyMatch && found.isEmpty && found.lowerBound == offset),
        "PCRE2 repeated an empty match at \(offset) despite PCRE2_NOTEMPTY_ATSTART")
      guard try body(found) else { return }
      offset = found.upperBound
      afterEmptyMatch = found.isEmpty
    }
  }

  /// Whether `text` (as UTF-8 bytes) contains a match.
  ///
  /// A convenience for tests and the `check` command; scanning code passes byte buffers to
  /// ``firstMatch(in:from:using:)`` instead.
  ///
  /// - Parameters:
  ///   - text: The text to search.
  ///   - scratch: This thread's match state.
  /// - Returns: `true` if the pattern matches somewhere in `text`.
  /// - Throws: ``PCRE2Error`` as for ``firstMatch(in:from:using:)``.
  public func matches(_ text: String, using scratch: PCRE2MatchScratch) throws(PCRE2Error)
    -> Bool
  {
    try firstMatch(in: text, using: scratch) != nil
  }

  /// Finds the first match in `text` (as UTF-8 bytes) at or after byte offset `startOffset`.
  ///
  /// A convenience for tests and the `check` command. Capture groups can then be read with
  /// ``captureRange(_:in:)``; ranges are byte offsets into `text.utf8`.
  ///
  /// - Parameters:
  ///   - text: The text to search.
  ///   - startOffset: A byte offset in `0...text.utf8.count`.
  ///   - scratch: This thread's match state.
  /// - Returns: The byte range of the match in `text.utf8`, or `nil`.
  /// - Throws: ``PCRE2Error`` as for ``firstMatch(in:from:using:)``.
  public func firstMatch(
    in text: String, from startOffset: Int = 0, using scratch: PCRE2MatchScratch
  ) throws(PCRE2Error) -> Range<Int>? {
    var text = text
    let result = text.withUTF8 { bytes in
      Result { () throws(PCRE2Error) in
        try firstMatch(in: UnsafeRawBufferPointer(bytes), from: startOffset, using: scratch)
      }
    }
    return try result.get()
  }

  /// The byte range of capture group `group` in the last match made with `scratch`.
  ///
  /// Valid after ``firstMatch(in:from:using:)`` returned a match, or inside the body of
  /// ``forEachMatch(in:from:using:_:)``, until the next match call with `scratch`.
  ///
  /// - Parameters:
  ///   - group: A group number in `0...captureCount`; 0 is the whole match.
  ///   - scratch: The scratch the match was made with.
  /// - Returns: The group's byte range in the subject, or `nil` if the group did not take
  ///   part in the match or the last match call with `scratch` found nothing or failed.
  /// - Precondition: `group` is in `0...captureCount`, and the last successful match with
  ///   `scratch` was made by this pattern.
  public func captureRange(_ group: Int, in scratch: PCRE2MatchScratch) -> Range<Int>? {
    precondition(
      group >= 0 && group <= captureCount,
      "capture group \(group) is not in 0...\(captureCount) for pattern \(pattern)")
    guard group < scratch.lastPairCount else { return nil }
    precondition(scratch.lastCode == code, "the scratch's last match was made by another pattern")
    let start = scratch.ovector[2 * group]
    let end = scratch.ovector[2 * group + 1]
    // cpcre2_unset() is PCRE2_UNSET, (size_t)-1, which is -1 as a Swift Int.
    guard start != cpcre2_unset(), end != cpcre2_unset() else { return nil }
    return start..<end
  }

  /// The byte range of the capture group called `name` in the last match made with `scratch`.
  ///
  /// - Parameters:
  ///   - name: A group name as written in `(?<name>…)`.
  ///   - scratch: The scratch the match was made with.
  /// - Returns: The group's byte range, or `nil` if there is no such group or it is unset.
  public func captureRange(named name: String, in scratch: PCRE2MatchScratch) -> Range<Int>? {
    guard let group = captureIndex(named: name) else { return nil }
    return captureRange(group, in: scratch)
  }

  /// One match call: the shared core of ``firstMatch(in:from:using:)`` and
  /// ``forEachMatch(in:from:using:_:)``.
  func match(
    _ subject: UnsafeRawBufferPointer, from startOffset: Int, notEmptyAtStart: Bool,
    options: PCRE2MatchOptions = [], using scratch: PCRE2MatchScratch
  ) throws(PCRE2Error) -> Range<Int>? {
    // pcre2_jit_match checks nothing, so an out-of-range offset would be undefined behaviour.
    guard startOffset >= 0 && startOffset <= subject.count else {
      throw PCRE2Error(code: PCRE2Error.Code.badOffset)
    }
    scratch.prepare(pairs: captureCount + 1)
    // SAFETY: PCRE2 only reads the subject, through `const uint8_t *`, and never past
    // `subject.count` bytes; the pointer is not dereferenced as `UInt8` in Swift, so binding
    // the raw memory is only a formality of the C signature. A `nil` base address (an empty
    // buffer) is replaced by a valid one-byte buffer that is never read (length 0).
    let bytes =
      subject.baseAddress?.assumingMemoryBound(to: UInt8.self)
      ?? UnsafePointer(scratch.emptySubject)
    let matchOptions: UInt32 = (notEmptyAtStart ? PCRE2_NOTEMPTY_ATSTART : 0) | options.rawValue
    let rc: Int32
    if isJITCompiled {
      // The fast path is valid here: the code was JIT-compiled in COMPLETE mode, the subject
      // has an explicit length, the offset was checked above and the only options are ones the
      // JIT supports (pcre2jit(3), "JIT FAST PATH API": NOTBOL, NOTEOL, NOTEMPTY_ATSTART).
      rc = pcre2_jit_match_8(
        code, bytes, subject.count, startOffset, matchOptions, scratch.matchData,
        scratch.matchContext)
    } else {
      rc = pcre2_match_8(
        code, bytes, subject.count, startOffset, matchOptions, scratch.matchData,
        scratch.matchContext)
    }
    if rc > 0 {
      scratch.lastPairCount = Int(rc)
      scratch.lastCode = code
      // Start <= end always holds: \K inside lookarounds (the only way to report a start past
      // the end) is a compile error unless PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK, never set here.
      return scratch.ovector[0]..<scratch.ovector[1]
    }
    if rc == PCRE2_ERROR_NOMATCH {
      return nil
    }
    // 0 would mean the ovector was too small, which prepare(pairs:) rules out.
    precondition(rc != 0, "PCRE2 match data too small for pattern \(pattern)")
    throw PCRE2Error(code: rc)
  }
}
