/// A pattern file as written in `Patterns/*.toml` or a user's `--patterns` file: strings only,
/// checked later by ``RuleSet`` (the raw → compiled split of gitleaks' configuration).
///
/// Keys the format does not know are kept (``unknownKeys``) rather than ignored, so that a
/// misspelt `require_contex` is reported instead of silently doing nothing.
///
/// The schema is documented in Patterns/README.md.
public struct PatternFile: Decodable, Sendable {
  public var rules: [RawRule]
  /// Top-level keys other than `rules`.
  public var unknownKeys: [String]

  public struct RawRule: Decodable, Sendable {
    public var id: String?
    public var category: String?
    public var description: String?
    /// The candidate finder: "digits", "email", "structure" or "regex".
    public var finder: String?
    /// The validator the finder's candidates go through (see ``ValidatorKind``).
    public var validator: String?
    /// The PCRE2 pattern describing the value's written shape.
    public var regex: String?
    /// Words that, shortly before a value on the same line, mark it as this category.
    public var context: [String]?
    /// For regex rules: report only matches that a context word labels.
    public var requireContext: Bool?
    public var examples: Examples?
    /// Keys of the rule's table that the format does not know, in file order.
    public var unknownKeys: [String]

    static let keys = [
      "id", "category", "description", "finder", "validator", "regex", "context",
      "require_context", "examples",
    ]

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: AnyKey.self)
      func string(_ key: String) throws -> String? {
        try container.decodeIfPresent(String.self, forKey: AnyKey(key))
      }
      id = try string("id")
      category = try string("category")
      description = try string("description")
      finder = try string("finder")
      validator = try string("validator")
      regex = try string("regex")
      context = try container.decodeIfPresent([String].self, forKey: AnyKey("context"))
      requireContext = try container.decodeIfPresent(Bool.self, forKey: AnyKey("require_context"))
      examples = try container.decodeIfPresent(Examples.self, forKey: AnyKey("examples"))
      unknownKeys = container.allKeys.map(\.stringValue).filter { !Self.keys.contains($0) }
    }
  }

  public struct Examples: Decodable, Sendable {
    /// Texts in which the rule finds exactly one valid value.
    public var match: [String]?
    /// Texts in which the rule finds exactly one value that fails a check.
    public var invalid: [String]?
    /// Texts in which the rule finds nothing.
    public var nomatch: [String]?
    /// Keys of the examples table that the format does not know.
    public var unknownKeys: [String]

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: AnyKey.self)
      match = try container.decodeIfPresent([String].self, forKey: AnyKey("match"))
      invalid = try container.decodeIfPresent([String].self, forKey: AnyKey("invalid"))
      nomatch = try container.decodeIfPresent([String].self, forKey: AnyKey("nomatch"))
      unknownKeys = container.allKeys.map(\.stringValue).filter {
        !["match", "invalid", "nomatch"].contains($0)
      }
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    rules = try container.decodeIfPresent([RawRule].self, forKey: AnyKey("rules")) ?? []
    unknownKeys = container.allKeys.map(\.stringValue).filter { $0 != "rules" }
  }

  /// Any key of a table, so that the keys the format does not know can be listed.
  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
  }
}
