/// A pattern file as written in `Patterns/*.toml` or a user's `--patterns` file: strings only,
/// checked later by ``RuleSet`` (the raw → compiled split of gitleaks' configuration).
///
/// Keys the format does not know are kept (``unknownKeys``) rather than ignored, so that a
/// misspelt `require_contex` is reported instead of silently doing nothing.
///
/// The schema is documented in Patterns/README.md.
public struct PatternFile: Decodable, Sendable {
  /// The category the file declares (its `[category]` table), if it declares one.
  public var category: RawCategory?
  public var rules: [RawRule]
  /// Top-level keys other than `category` and `rules`.
  public var unknownKeys: [String]

  /// A `[category]` table: one category of the taxonomy, declared once (see ``Category``).
  public struct RawCategory: Decodable, Sendable {
    public var id: String?
    public var name: String?
    public var nameEn: String?
    public var noticeItem: String?
    public var personal: Bool?
    public var tier: Int?
    public var mask: String?
    public var identifier: Bool?
    public var personKey: String?
    public var kind: String?
    public var headers: [String]?
    public var unknownKeys: [String]

    static let keys = [
      "id", "name", "name_en", "notice_item", "personal", "tier", "mask", "identifier",
      "person_key", "kind", "headers",
    ]

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: AnyKey.self)
      func string(_ key: String) throws -> String? {
        try container.decodeIfPresent(String.self, forKey: AnyKey(key))
      }
      id = try string("id")
      name = try string("name")
      nameEn = try string("name_en")
      noticeItem = try string("notice_item")
      personal = try container.decodeIfPresent(Bool.self, forKey: AnyKey("personal"))
      tier = try container.decodeIfPresent(Int.self, forKey: AnyKey("tier"))
      mask = try string("mask")
      identifier = try container.decodeIfPresent(Bool.self, forKey: AnyKey("identifier"))
      personKey = try string("person_key")
      kind = try string("kind")
      headers = try container.decodeIfPresent([String].self, forKey: AnyKey("headers"))
      unknownKeys = container.allKeys.map(\.stringValue).filter { !Self.keys.contains($0) }
    }
  }

  public struct RawRule: Decodable, Sendable {
    public var id: String?
    public var category: String?
    public var description: String?
    /// The candidate finder: "digits", "email", "structure" or "regex".
    public var finder: String?
    /// The validator the finder's candidates go through, by name (see ``ValidatorKind``).
    public var validator: String?
    /// The PCRE2 pattern that decides a value: the e-mail rule's, and users' regex rules'.
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
    category = try container.decodeIfPresent(RawCategory.self, forKey: AnyKey("category"))
    rules = try container.decodeIfPresent([RawRule].self, forKey: AnyKey("rules")) ?? []
    unknownKeys = container.allKeys.map(\.stringValue).filter { $0 != "rules" && $0 != "category" }
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
