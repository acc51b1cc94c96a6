import PIIScanPCRE2
import Synchronization

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

/// The soft validators a rule can name: each checks a value found in a field, after a cue word
/// or by its own grammar, against its category's grammar and vocabulary (``SoftClassifier``).
/// Several categories may share one (the four travel documents, the eight record kinds).
public enum FieldValidator: String, Sendable, CaseIterable {
  case personName = "person-name"
  case gender
  case age
  case birthDate = "birth-date"
  case ethnicity
  case maritalStatus = "marital-status"
  case education
  case workUnit = "work-unit"
  case occupation
  case resume
  case address
  case householdRegistration = "household-registration"
  case travelDocument = "travel-document"
  case foreignPermanentResidence = "foreign-permanent-residence"
  case militaryOfficerID = "military-officer-id"
  case hkIdentityCard = "hk-identity-card"
  case qqNumber = "qq-number"
  case wechatID = "wechat-id"
  case vehiclePlate = "vehicle-plate"
  case bankAccount = "bank-account"
  case telecom
  case credential
  case uscc
  case recordKind = "record-kind"
}

/// The validators a rule can name, by name. Each decides whether a candidate of its shape is
/// the rule's category, and whether it is valid; code looks them up by the name a pattern file
/// gives (`validator = "mobile"`).
public enum ValidatorKind: Sendable, Hashable {
  case residentID18
  case residentID15
  case residencePermit
  case residentIDMasked
  case mobile
  case mobileMasked
  case landline
  case bankCard
  case email
  /// A soft validator: a value in a field whose name (header, key, column) or cue word says
  /// the rule's category, checked by that category's grammar and vocabulary; or found by
  /// strong free-text grammar.
  case field(FieldValidator)
  /// Every match of the rule's regex is a valid value of the rule's category; context words
  /// only raise its confidence (or, with `require_context`, decide whether it counts). Any
  /// number of rules may use it: the rules of `--patterns` files.
  case regex

  /// The validators of the number finder, in the order a number chain is tried.
  static let numberValidators: [ValidatorKind] = [
    .residentID18, .residencePermit, .residentID15, .residentIDMasked, .mobile, .mobileMasked,
    .landline, .bankCard,
  ]

  /// Every validator name a pattern file may use.
  public static var allNames: [String] {
    (numberValidators + [.email]).map(\.name) + FieldValidator.allCases.map(\.rawValue)
      + ["regex"]
  }

  /// The validator a pattern file names, or nil for an unknown name.
  public init?(name: String) {
    switch name {
    case "resident-id-18": self = .residentID18
    case "resident-id-15": self = .residentID15
    case "residence-permit": self = .residencePermit
    case "resident-id-masked": self = .residentIDMasked
    case "mobile": self = .mobile
    case "mobile-masked": self = .mobileMasked
    case "landline": self = .landline
    case "bank-card": self = .bankCard
    case "email": self = .email
    case "regex": self = .regex
    default:
      guard let field = FieldValidator(rawValue: name) else { return nil }
      self = .field(field)
    }
  }

  /// The name pattern files use.
  public var name: String {
    switch self {
    case .residentID18: "resident-id-18"
    case .residentID15: "resident-id-15"
    case .residencePermit: "residence-permit"
    case .residentIDMasked: "resident-id-masked"
    case .mobile: "mobile"
    case .mobileMasked: "mobile-masked"
    case .landline: "landline"
    case .bankCard: "bank-card"
    case .email: "email"
    case .field(let field): field.rawValue
    case .regex: "regex"
    }
  }

  /// Whether several rules may use this validator (each then names its own rule in findings).
  var isShared: Bool {
    switch self {
    case .field, .regex: true
    default: false
    }
  }

  /// A small number per built-in validator (their order when two findings share a span); nil
  /// for the shared ones, whose rules are ordered by their place in the rule files.
  var ordinal: Int? {
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
    case .field, .regex: nil
    }
  }

  /// Whether the validator is decided by the rule's regex (which the rule must then have).
  var needsRegex: Bool { self == .email || self == .regex }

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
///
/// Rules live for the whole process: a finding refers to its rule without a reference count
/// (``Finding/rule``), so that findings stay small, plain values.
public final class Rule: Sendable {
  /// Stable kebab-case id, never reused.
  public let id: String
  /// The category it finds.
  public let category: Category
  public let description: String
  public let validator: ValidatorKind
  /// The regex that decides a value, compiled and JIT-compiled once: the e-mail rule's and
  /// users' regex rules'. Other rules are decided by their validator alone and have none.
  public let shape: PCRE2Pattern?
  /// Context words, as lower-cased UTF-8 bytes.
  public let context: ContextWords
  public let examples: RuleExamples
  /// The pattern file the rule came from (a path under Patterns/, or a user file).
  public let file: String
  /// Whether the rule came from a user's file (`--patterns`) rather than the binary.
  public let isUser: Bool
  /// For ``ValidatorKind/regex`` rules: drop matches that no context word labels.
  public let requireContext: Bool
  /// A number no other rule of this process has: reporters index per-rule data by it. Rules
  /// loaded together are numbered in file order.
  public let serial: Int
  /// The order of findings of different rules at one span: the built-in validators' order,
  /// then shared-validator rules in file order.
  let orderKey: Int

  init(
    id: String, category: Category, description: String, validator: ValidatorKind,
    shape: PCRE2Pattern?, context: ContextWords, examples: RuleExamples, file: String,
    isUser: Bool, requireContext: Bool
  ) {
    self.id = id
    self.category = category
    self.description = description
    self.validator = validator
    self.shape = shape
    self.context = context
    self.examples = examples
    self.file = file
    self.isUser = isUser
    self.requireContext = requireContext
    let serial = Rule.serials.withLock { next in
      defer { next += 1 }
      return next
    }
    self.serial = serial
    orderKey = validator.ordinal ?? (16 + serial)
    Immortal.keep(self)
  }

  private static let serials = Mutex(0)

  public var finder: Finder { validator.finder }
}

/// A rule's context words, searched for in small windows before candidates.
///
/// Candidates in a dense dump are tens of bytes apart and almost every one asks whether its
/// rule's words stand before it, so the search is laid out for that question: the words sit in
/// one flat byte array, and a bitmap over the first two bytes of every word (both cases for
/// ASCII letters) rejects nearly every position with one load. Chinese words start with a
/// UTF-8 lead byte that most Chinese characters share; their second byte tells them apart.
public struct ContextWords: Sendable {
  /// The words, lower-cased UTF-8.
  public let words: [[UInt8]]
  /// Every word's bytes, one after another; word `i` is `flat[ends[i - 1]..<ends[i]]`.
  private let flat: [UInt8]
  private let ends: [Int]
  /// Bit `first << 8 | second` is set when a word starts with those two bytes.
  private let pairs: [UInt64]
  /// Whether a one-byte word exists (compared on its own, without the pair bitmap).
  private let singles: [Bool]

  public init(_ words: [String]) {
    self.words = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
    var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
    var singles = [Bool](repeating: false, count: 256)
    var flat: [UInt8] = []
    var ends: [Int] = []
    for word in self.words {
      flat += word
      ends.append(flat.count)
      let firsts = Self.cases(word[0])
      if word.count == 1 {
        for first in firsts { singles[Int(first)] = true }
        continue
      }
      for first in firsts {
        for second in Self.cases(word[1]) {
          let key = Int(first) << 8 | Int(second)
          pairs[key >> 6] |= 1 << UInt64(key & 63)
        }
      }
    }
    self.flat = flat
    self.ends = ends
    self.pairs = pairs
    self.singles = singles
  }

  /// A lower-case ASCII letter and its upper case; any other byte alone.
  private static func cases(_ byte: UInt8) -> [UInt8] {
    byte &- 0x61 < 26 ? [byte, byte - 0x20] : [byte]
  }

  public var isEmpty: Bool { words.isEmpty }

  /// Whether a word occurs in `range` of `window`, ASCII letters compared without case.
  func occur(in window: ByteWindow, _ range: Range<Int>) -> Bool {
    guard !ends.isEmpty, !range.isEmpty else { return false }
    let lower = max(range.lowerBound, 0)
    let upper = min(range.upperBound, window.bytes.count)
    guard lower < upper, let base = window.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
    else { return false }
    return pairs.withUnsafeBufferPointer { pairs in
      singles.withUnsafeBufferPointer { singles in
        var i = lower
        while i < upper {
          let first = Int(base[i])
          let second = i + 1 < upper ? Int(base[i + 1]) : 0x100
          let key = first << 8 | second
          if (second < 0x100 && pairs[key >> 6] & (1 << UInt64(key & 63)) != 0)
            || singles[first]
          {
            if matchAt(i, base, upper) { return true }
          }
          i += 1
        }
        return false
      }
    }
  }

  /// Whether some word starts at `i` and ends at or before `upper`.
  private func matchAt(_ i: Int, _ base: UnsafePointer<UInt8>, _ upper: Int) -> Bool {
    flat.withUnsafeBufferPointer { flat in
      var begin = 0
      for end in ends {
        let length = end - begin
        if i + length <= upper {
          var k = 0
          while k < length && ByteClass.lowercased(base[i + k]) == flat[begin + k] { k += 1 }
          if k == length { return true }
        }
        begin = end
      }
      return false
    }
  }
}
