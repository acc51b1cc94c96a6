import Crypto
import PIIScanPCRE2

/// Findings a privacy officer has accepted, from the `[allowlist]` of `piiscan.toml`: by value
/// (the normalised value, or its SHA-256 so that the file itself holds no personal
/// information), by path (globs), by rule, by category, or by a regex on the finding's line.
///
/// A suppressed finding is left out of every report and of the exit status, and counted in
/// the summary (``ScanAggregate/suppressed``).
public final class Allowlist: @unchecked Sendable {
  private let values: Set<String>
  private let hashes: Set<String>
  private let paths: [PathPattern]
  private let rules: Set<String>
  private let categories: Set<String>
  private let contexts: [PCRE2Pattern]
  private let scratch = PCRE2MatchScratch()

  /// Whether any entry needs the finding's line (a `contexts` regex).
  public var needsLines: Bool { !contexts.isEmpty }
  public var isEmpty: Bool {
    values.isEmpty && hashes.isEmpty && paths.isEmpty && rules.isEmpty && categories.isEmpty
      && contexts.isEmpty
  }

  /// Checks `entries` against `ruleSet` (an unknown rule or category is a mistake, not a
  /// no-op) and compiles its globs and regexes.
  public init(_ entries: AllowlistEntries, ruleSet: RuleSet) throws(ConfigError) {
    func problem(_ key: String, _ message: String) -> ConfigError {
      ConfigError(
        file: entries.file, line: entries.lines[key] ?? 0, key: "allowlist." + key,
        message: message)
    }
    var values = Set<String>()
    var hashes = Set<String>()
    for value in entries.values {
      if let hash = Self.hashEntry(value) {
        hashes.insert(hash)
      } else {
        values.insert(value)
      }
    }
    let knownRules = Set(ruleSet.rules.map(\.id))
    for rule in entries.rules where !knownRules.contains(rule) {
      throw problem("rules", "unknown rule \(rule) (see piiscan patterns)")
    }
    let knownCategories = Set(ruleSet.categories)
    for category in entries.categories where !knownCategories.contains(category) {
      throw problem("categories", "unknown category \(category) (see piiscan patterns)")
    }
    var contexts: [PCRE2Pattern] = []
    for context in entries.contexts {
      do {
        contexts.append(try PCRE2Pattern(context, options: [.matchInvalidUTF]))
      } catch {
        throw problem("contexts", "\"\(context)\" does not compile: \(error.message)")
      }
    }
    self.values = values
    self.hashes = hashes
    self.paths = entries.paths.compactMap { PathPattern(glob: $0) }
    self.rules = Set(entries.rules)
    self.categories = Set(entries.categories)
    self.contexts = contexts
  }

  /// `sha256:HEX` or 64 hex digits: the lower-case hex; nil for a plain value.
  static func hashEntry(_ entry: String) -> String? {
    var text = Substring(entry)
    if text.lowercased().hasPrefix("sha256:") { text = text.dropFirst(7) }
    guard text.count == 64, text.allSatisfy(\.isHexDigit) else { return nil }
    return text.lowercased()
  }

  /// SHA-256 of a normalised value, hex: what `values` may hold instead of the value.
  public static func hash(of value: String) -> String {
    SHA256.hash(data: Array(value.utf8)).map { byte in
      let digits = Array("0123456789abcdef")
      return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }.joined()
  }

  /// Whether every finding of `input` is accepted by path.
  public func acceptsPath(of input: ScanInput) -> Bool {
    guard !paths.isEmpty else { return false }
    var path = Array(input.displayPath.utf8)[...]
    while path.starts(with: [0x2E, 0x2F]) { path = path.dropFirst(2) }
    let bytes = Array(path)
    return paths.last { $0.matches(bytes, isDirectory: false) }.map { !$0.negated } ?? false
  }

  /// Whether `finding` is accepted by its rule, category or value; `line` (the stored bytes
  /// of its line, when known) is tried against the `contexts`.
  public func accepts(_ finding: Finding, line: [UInt8]?) -> Bool {
    if rules.contains(finding.rule.id) || categories.contains(finding.category.id) {
      return true
    }
    if !values.isEmpty || !hashes.isEmpty {
      let value = finding.value.string
      if values.contains(value) { return true }
      if !hashes.isEmpty && hashes.contains(Self.hash(of: value)) { return true }
    }
    if let line, !contexts.isEmpty {
      return line.withUnsafeBytes { bytes in
        contexts.contains { (try? $0.firstMatch(in: bytes, using: scratch)) != nil }
      }
    }
    return false
  }
}
