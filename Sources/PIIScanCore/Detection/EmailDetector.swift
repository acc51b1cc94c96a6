import PIIScanPCRE2

/// Finds e-mail addresses from the `@` bytes the kernel reported.
///
/// The hand-written part only finds where a candidate can start (the local part before the
/// `@`, at most 64 bytes); the rule's own regex, compiled anchored, then decides the address
/// on that small window. This keeps PCRE2 off the bulk of the bytes: an e-mail pattern that
/// starts with a character class scans at 0.7 GB/s, one started at the `@` at 25 GB/s
/// (docs/ARCHITECTURE.md, Performance).
struct EmailDetector: Detector {
  private let rule: Rule?
  private let anchored: PCRE2Pattern?
  private let scratch = PCRE2MatchScratch()
  private var w = ByteWindow(bytes: UnsafeRawBufferPointer(start: nil, count: 0))

  init(rules: RuleSet, settings: DetectionSettings) {
    rule = rules.rule(for: .email)
    if let shape = rule?.shape {
      do {
        anchored = try PCRE2Pattern(shape.pattern, options: [.anchored])
      } catch {
        preconditionFailure("e-mail rule compiled once already: \(error)")
      }
    } else {
      anchored = nil
    }
  }

  var isEnabled: Bool { rule != nil }

  mutating func detect(
    _ chunk: ChunkContext, found: inout [Outcome], stopped: inout [String: Int]
  ) {
    w = ByteWindow(bytes: chunk.view.bytes)
    for position in chunk.candidates.atPositions { process(at: Int(position), into: &found) }
  }

  /// Characters of a local part (RFC 5322 dot-atom, the common subset).
  @inline(__always) private static func isLocal(_ b: UInt8) -> Bool {
    ByteClass.isAlphanumeric(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
  }

  /// Looks at the `@` at `at`; appends the address it belongs to, if any.
  mutating func process(at: Int, into out: inout [Outcome]) {
    guard let rule, let anchored else { return }
    var start = at
    while start > at - DetectionLimits.maxLocalPart && EmailDetector.isLocal(w[start - 1]) {
      start -= 1
    }
    // A local part longer than the limit is no address; nor is one that begins with a dot.
    if EmailDetector.isLocal(w[start - 1]) { return }
    while start < at && (w[start] == 0x2E || w[start] == 0x2D) { start += 1 }
    guard start < at else { return }
    let limit = min(w.count, at + 1 + DetectionLimits.maxDomain)
    let lineEnd = w.lineEnd(after: at, limit: limit - at)
    let subject = UnsafeRawBufferPointer(rebasing: w.bytes[0..<lineEnd])
    guard let match = try? anchored.firstMatch(in: subject, from: start, using: scratch),
      match.upperBound > at + 1
    else { return }
    // The address must not run on into more address characters.
    let next = w[match.upperBound]
    if ByteClass.isAlphanumeric(next) || next == 0x40 || next == 0x5F { return }
    // Dot-atom rules the regex does not spell out: no dot at the end of the local part, no
    // two dots in a row anywhere.
    if w[at - 1] == 0x2E { return }
    for i in match.lowerBound..<match.upperBound - 1 where w[i] == 0x2E && w[i + 1] == 0x2E {
      return
    }
    let role = isRoleAccount(match.lowerBound..<at)
    out.append(
      Outcome(
        rule: rule, span: match, value: FindingValue(w.bytes[match]), valid: true,
        reasonCode: nil, confidence: role ? .medium : .high))
  }

  private func isRoleAccount(_ local: Range<Int>) -> Bool {
    guard local.count <= 13 else { return false }
    return EmailDetector.isRoleAccount(w.string(local))
  }

  /// Whether `local` (an address's local part) names an organisational mailbox.
  static func isRoleAccount(_ local: String) -> Bool {
    local.utf8.count <= 13 && roleAccounts.contains(local.lowercased())
  }

  /// Local parts of organisational mailboxes, which rarely name a person.
  static let roleAccounts: Set<String> = [
    "admin", "administrator", "info", "service", "support", "hr", "sales", "contact", "help",
    "noreply", "no-reply", "webmaster", "postmaster", "abuse", "office", "marketing", "kefu",
    "job", "jobs", "press", "billing", "security", "root",
  ]
}
