import PIIScanPCRE2

/// The hand-written candidate finders a rule can use.
public enum Finder: String, Sendable, CaseIterable {
  /// Maximal digit runs, joined with their separators into number chains.
  case digits
  /// `@` bytes, expanded to a local part and a domain.
  case email
  /// The fields of the input's records (columns, keys, tuples, `key：value`) and the cue
  /// words and grammar of free text.
  case structure
  /// The rule's own regex, run over the text (a user rule; see ``RegexDetector``).
  case regex
}

/// The validators a rule can name. Each decides whether a candidate of its shape is this
/// category, and whether it is valid.
public enum ValidatorKind: String, Sendable, CaseIterable {
  case residentID18 = "resident-id-18"
  case residentID15 = "resident-id-15"
  case residencePermit = "residence-permit"
  case residentIDMasked = "resident-id-masked"
  case mobile
  case mobileMasked = "mobile-masked"
  case landline
  case bankCard = "bank-card"
  case email
  /// A value in a field whose name (header, key, column) or cue word says the rule's category,
  /// checked by that category's grammar and vocabulary; or found by strong free-text grammar.
  case field
  /// Every match of the rule's regex is a valid value of the rule's category; context words
  /// only raise its confidence (or, with `require_context`, decide whether it counts). Any
  /// number of rules may use it: the rules of `--patterns` files.
  case regex

  /// Whether several rules may use this validator (each then names its own rule in findings).
  var isShared: Bool { self == .field || self == .regex }

  /// A small distinct number per case, for array lookups on the hot path.
  var ordinal: Int {
    switch self {
    case .residentID18: 0
    case .residentID15: 1
    case .residencePermit: 2
    case .residentIDMasked: 3
    case .mobile: 4
    case .mobileMasked: 5
    case .landline: 6
    case .bankCard: 7
    case .email: 8
    case .field: 9
    case .regex: 10
    }
  }

  /// The finder whose candidates this validator takes.
  public var finder: Finder {
    switch self {
    case .email: .email
    case .field: .structure
    case .regex: .regex
    default: .digits
    }
  }
}

/// A rule's own examples, run by `piiscan patterns --test` and the test suite.
public struct RuleExamples: Sendable {
  public var match: [String]
  public var invalid: [String]
  public var nomatch: [String]
}

/// A checked, compiled rule. Immutable and safe to share between workers.
public struct Rule: Sendable {
  /// Stable kebab-case id, never reused.
  public let id: String
  /// The taxonomy id of what it finds (snake_case, PRODUCT.md §4).
  public let category: String
  public let description: String
  public let validator: ValidatorKind
  /// The value's written shape, compiled and JIT-compiled once.
  public let shape: PCRE2Pattern
  /// Context words, as lower-cased UTF-8 bytes.
  public let context: ContextWords
  public let examples: RuleExamples
  /// The pattern file the rule came from (a path under Patterns/, or a user file).
  public let file: String
  /// Whether the rule came from a user's file (`--patterns`) rather than the binary.
  public let isUser: Bool
  /// For ``ValidatorKind/regex`` rules: drop matches that no context word labels.
  public let requireContext: Bool

  public var finder: Finder { validator.finder }
}

/// A rule's context words, searched for in small windows before candidates.
public struct ContextWords: Sendable {
  /// The words, lower-cased UTF-8.
  public let words: [[UInt8]]
  /// Which bytes start a word (ASCII letters in both cases): most window bytes start none,
  /// so the search rarely compares more than one byte.
  private let starts: [Bool]

  public init(_ words: [String]) {
    self.words = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
    var starts = [Bool](repeating: false, count: 256)
    for word in self.words {
      starts[Int(word[0])] = true
      if word[0] &- 0x61 < 26 { starts[Int(word[0] - 0x20)] = true }
    }
    self.starts = starts
  }

  public var isEmpty: Bool { words.isEmpty }

  /// Whether a word occurs in `range` of `window`, ASCII letters compared without case.
  func occur(in window: ByteWindow, _ range: Range<Int>) -> Bool {
    guard !words.isEmpty else { return false }
    var i = range.lowerBound
    while i < range.upperBound {
      if starts[Int(window[i])] {
        for word in words where i + word.count <= range.upperBound {
          var k = 0
          while k < word.count && ByteClass.lowercased(window[i + k]) == word[k] { k += 1 }
          if k == word.count { return true }
        }
      }
      i += 1
    }
    return false
  }
}
