/// A pattern file as written in `Patterns/*.toml`: strings only, checked later by
/// ``RuleSet/init(files:)`` (the raw → compiled split of gitleaks' configuration).
///
/// The schema is documented in Patterns/README.md.
public struct PatternFile: Decodable, Sendable {
  public var rules: [RawRule]

  public struct RawRule: Decodable, Sendable {
    public var id: String?
    public var category: String?
    public var description: String?
    /// The hand-written candidate finder: "digits" or "email".
    public var finder: String?
    /// The validator the finder's candidates go through (see ``ValidatorKind``).
    public var validator: String?
    /// The PCRE2 pattern describing the value's written shape.
    public var regex: String?
    /// Words that, shortly before a value on the same line, mark it as this category.
    public var context: [String]?
    public var examples: Examples?
  }

  public struct Examples: Decodable, Sendable {
    /// Texts in which the rule finds exactly one valid value.
    public var match: [String]?
    /// Texts in which the rule finds exactly one value that fails a check.
    public var invalid: [String]?
    /// Texts in which the rule finds nothing.
    public var nomatch: [String]?
  }
}
