import PIIScanPCRE2

/// Runs the regex rules — the rules of users' `--patterns` files — over a chunk: every match of
/// a rule's regex is a value of the rule's category.
///
/// Each pattern was compiled and JIT-compiled once (``RuleSet``) and is shared read-only by
/// every worker; each worker has one ``PCRE2MatchScratch`` with explicit limits, used for all
/// its rules. The regex runs over the whole decoded window as one subject (so lookbehinds see
/// the bytes before the owned range, and matches may run on into the context after it) and
/// JIT start-of-match search skips the bytes between candidates: one PCRE2 call per match, not
/// per line.
///
/// **Why findings never depend on the chunking.** Matches are leftmost and non-overlapping,
/// and where one match ends decides where the next can start, so which matches a plain scan
/// finds depends on everything before them: two chunkings that started their scans at
/// different places could disagree about a value near a cut. The scan is therefore defined
/// piecewise, on a grid fixed in the input:
///
/// - restart points lie every ``restartInterval`` bytes of the stored input (absolute offsets
///   0, 512, 1024, …, mapped into decoded text for GB18030 and UTF-16 inputs);
/// - the matches of the segment `[r, next r)` are those that a plain scan started
///   ``maxMatchLength`` bytes before `r` finds starting in the segment. A scan from further
///   back finds the same ones unless one of its matches straddles that start point, which
///   takes matches running into each other for more than ``maxMatchLength`` bytes
///   (`[0-9]{3}` over a long digit run): such runs are cut from the grid instead, the same
///   way on every chunking;
/// - a match longer than ``maxMatchLength`` bytes is no value, and is not reported.
///
/// A segment's matches so depend only on bytes from 256 bytes (plus a lookbehind of at most
/// ``RuleSet/RegexLimits/maxLookbehind`` characters) before it to 256 bytes after it: for the
/// segments of a chunk, at most about 1.3 KiB before the owned range and 1 KiB after it,
/// which every window's context covers (``ChunkLayout/overlap`` stored bytes, at least 2 KiB
/// once decoded). That holds for every regex whose decision at a position needs no text
/// further on than that (anything without an unbounded lookahead such as `(?=.*x)`).
///
/// A chunk does not rescan every segment: one running scan is valid for the next segment as
/// long as the search that reaches into it started at or before that segment's own start
/// point (both then find the same leftmost match); only when a match straddles the start
/// point is the scan restarted there, which regexes with boundaries (`(?<![0-9])`, a literal
/// prefix) almost never cause. So the cost is one search per match plus one per chunk, and
/// the findings are the same, byte for byte, whatever the chunk size and threads.
///
/// A search that PCRE2 stops at its match limit (catastrophic backtracking) is counted, the
/// rest of that segment is skipped, and the scan goes on with searches bounded to their
/// segment; the pipeline reports the count as a notice for the input. Which searches hit the
/// limit can depend on the chunking; everything else cannot.
struct RegexDetector: Detector {
  /// Restart points lie at stored offsets that are multiples of this.
  static let restartInterval = 512
  /// The longest match reported, in bytes (a value is an identifier, not a paragraph).
  static let maxMatchLength = 256
  /// PCRE2's match limit per search (steps of backtracking at one start position).
  static let matchLimit: UInt32 = 1_000_000

  /// What a regex rule needs at scan time, per rule.
  private struct CompiledRule {
    unowned(unsafe) var rule: Rule
    var id: String
    var pattern: PCRE2Pattern
    var context: ContextWords
    var requireContext: Bool
  }

  private let rules: [CompiledRule]
  private let settings: DetectionSettings
  private let scratch = PCRE2MatchScratch(matchLimit: RegexDetector.matchLimit)

  init(rules: RuleSet, settings: DetectionSettings) {
    self.rules = rules.regexRules.compactMap { index in
      let rule = rules.rules[index]
      guard let shape = rule.shape else { return nil }
      return CompiledRule(
        rule: rule, id: rule.id, pattern: shape, context: rule.context,
        requireContext: rule.requireContext)
    }
    self.settings = settings
  }

  var isEnabled: Bool { !rules.isEmpty }

  /// Appends the matches of every regex rule that start in `view`'s owned range to `out`, and
  /// counts, per rule id, the searches PCRE2 stopped at its match limit.
  func detect(_ chunk: ChunkContext, found out: inout [Outcome], stopped: inout [String: Int]) {
    let view = chunk.view
    let profile = chunk.profile
    guard view.ownStart < view.ownEnd else { return }
    let grid = RestartGrid(view: view)
    var options: PCRE2MatchOptions = []
    if view.base != 0 { options.insert(.notBOL) }
    if !view.reachesEndOfInput { options.insert(.notEOL) }
    for rule in rules {
      let hits = scan(rule.pattern, view, grid, options) { match in
        let context =
          settings.assumeContext
          || ValueContext.labels(
            rule.context, valueAt: match.lowerBound, in: view.window, profile: profile)
        if rule.requireContext && !context { return }
        out.append(
          Outcome(
            rule: rule.rule, span: match, value: FindingValue(view.bytes[match]), valid: true,
            reasonCode: nil, confidence: context ? .high : .medium))
      }
      if hits > 0 { stopped[rule.id, default: 0] += hits }
    }
  }

  /// Calls `found` with each match of `pattern` that starts in the owned range, in order, as
  /// the segment definition above says; returns the number of searches stopped by a limit.
  private func scan(
    _ pattern: PCRE2Pattern, _ view: ChunkView, _ grid: RestartGrid, _ options: PCRE2MatchOptions,
    _ found: (Range<Int>) -> Void
  ) -> Int {
    let subject = view.bytes
    let owned = view.ownStart..<view.ownEnd
    let lead = Self.maxMatchLength
    var hits = 0
    // The segment being collected: [start, end) in the window, and its restart point's offset.
    var segment = grid.segment(containing: view.ownStart)
    // The running scan: where its next search starts, where the search that found `pending`
    // started, and that search's result.
    var next = max(0, segment.start - lead)
    var searchedFrom = next
    var pending: Range<Int>?
    var searched = false
    // After a search is stopped, searches end shortly after their segment.
    var bounded = false
    while segment.start < owned.upperBound {
      // The scan is valid for this segment if the search reaching into it started no later
      // than the segment's own scan would (`lead` bytes before it); else restart there.
      let probe = max(0, segment.start - lead)
      if searchedFrom > probe || (bounded && searched && pending == nil) {
        next = probe
        searchedFrom = probe
        pending = nil
        searched = false
      }
      var gaveUp = false
      while true {
        if !searched {
          let end = bounded ? min(subject.count, segment.end + lead) : subject.count
          searchedFrom = next
          do {
            pending = try pattern.firstMatch(
              in: UnsafeRawBufferPointer(rebasing: subject[0..<end]), from: next,
              options: end < subject.count ? options.union(.notEOL) : options, using: scratch)
            searched = true
          } catch {
            hits += 1
            if !bounded {
              bounded = true
              continue  // the same search, bounded to this segment
            }
            gaveUp = true
            break
          }
        }
        guard let match = pending, match.lowerBound < segment.end else { break }
        searched = false
        pending = nil
        next = max(match.upperBound, match.lowerBound + 1)
        if match.lowerBound >= segment.start && owned.contains(match.lowerBound)
          && match.count <= Self.maxMatchLength
        {
          found(match)
        }
      }
      if gaveUp {
        // The next segment restarts from its own probe.
        searchedFrom = Int.max
        segment = grid.segment(after: segment)
      } else if let match = pending {
        // Segments before the one holding the next match have none.
        segment = grid.segment(containing: match.lowerBound)
      } else if !bounded {
        break  // no match in the rest of the window
      } else {
        segment = grid.segment(after: segment)
      }
    }
    return hits
  }
}

/// The restart points of ``RegexDetector`` in one window: stored offsets that are multiples of
/// ``RegexDetector/restartInterval``, as window positions.
struct RestartGrid {
  struct Segment {
    /// The restart point's stored offset.
    var offset: Int64
    /// Window positions of the segment's start and end (the next restart point).
    var start: Int
    var end: Int
  }

  let view: ChunkView

  /// The segment holding window position `p`: `start <= p < end`.
  func segment(containing p: Int) -> Segment {
    let interval = Int64(RegexDetector.restartInterval)
    let absolute = view.absolute(p)
    var found = segment(at: absolute - absolute % interval)
    // In decoded text a restart point is the start of the character holding it, which may lie
    // before the stored offset `p` maps to: settle on the segment whose positions hold `p`.
    while p >= found.end && found.end < view.bytes.count { found = segment(after: found) }
    while p < found.start && found.offset > 0 {
      found = segment(at: found.offset - interval)
    }
    return found
  }

  /// The segment after `segment`.
  func segment(after segment: Segment) -> Segment {
    self.segment(at: segment.offset + Int64(RegexDetector.restartInterval))
  }

  private func segment(at offset: Int64) -> Segment {
    let next = offset + Int64(RegexDetector.restartInterval)
    return Segment(offset: offset, start: position(offset), end: position(next))
  }

  /// The window position of stored offset `offset` (clamped to the window; in decoded text,
  /// the start of the character holding it).
  private func position(_ offset: Int64) -> Int {
    let stored = offset - view.base
    guard let mapping = view.mapping else {
      return Int(max(0, min(stored, Int64(view.bytes.count))))
    }
    return mapping.text.utf8Offset(forStored: Int(max(0, stored)))
  }
}
