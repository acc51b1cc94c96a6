import PIIScanPCRE2
import TOMLKit

/// The compiled rules of one scan: checked once, shared read-only by every worker.
public struct RuleSet: Sendable {
  public let rules: [Rule]
  private let indexByValidator: [ValidatorKind: Int]
  private let fieldRuleByCategory: [String: Int]

  /// Checks and compiles the rules of `files` (pattern-file path and text), reporting every
  /// problem at once.
  public init(files: [(path: String, text: String)]) throws(PatternLoadError) {
    var problems: [PatternError] = []
    var rules: [Rule] = []
    var seenIDs: [String: String] = [:]
    var seenValidators: [ValidatorKind: String] = [:]
    var seenFieldCategories: [String: String] = [:]
    for (path, text) in files {
      let file: PatternFile
      do {
        file = try TOMLDecoder().decode(PatternFile.self, from: text)
      } catch let error as TOMLParseError {
        problems.append(
          PatternError(
            file: path, ruleID: nil,
            message:
              "line \(error.source.begin.line): \(error.description) (the file is not valid TOML)"))
        continue
      } catch {
        problems.append(
          PatternError(file: path, ruleID: nil, message: "\(RuleSet.describe(error))"))
        continue
      }
      for (position, raw) in file.rules.enumerated() {
        let before = problems.count
        let id = raw.id ?? "rule #\(position + 1)"
        func problem(_ message: String) {
          problems.append(PatternError(file: path, ruleID: id, message: message))
        }
        if raw.id == nil {
          problem("has no `id` (add a stable kebab-case id such as \"cn-mobile\")")
        } else if !RuleSet.isKebabCase(id) {
          problem("id must be kebab-case: lower-case letters, digits and single hyphens")
        } else if let other = seenIDs[id] {
          problem("id is already used in \(other) (ids are unique and never reused)")
        }
        let category = raw.category ?? ""
        if raw.category == nil {
          problem("has no `category` (a taxonomy id such as \"cn_mobile\")")
        } else if !RuleSet.isSnakeCase(category) {
          problem("category \"\(category)\" must be snake_case")
        }
        var validator: ValidatorKind?
        if let name = raw.validator {
          validator = ValidatorKind(rawValue: name)
          if validator == nil {
            let known = ValidatorKind.allCases.map(\.rawValue).joined(separator: ", ")
            problem("unknown validator \"\(name)\" (known: \(known))")
          }
        } else {
          problem("has no `validator`")
        }
        if let validator, validator != .field, let other = seenValidators[validator] {
          problem("validator \"\(validator.rawValue)\" is already used by rule \(other)")
        }
        if validator == .field {
          if let soft = SoftCategory(rawValue: category), !soft.isStrongHeaderOnly {
            if let other = seenFieldCategories[category] {
              problem("category \"\(category)\" already has a field rule (\(other))")
            }
          } else if raw.category != nil {
            let known = SoftCategory.allCases.filter { !$0.isStrongHeaderOnly }.map(\.rawValue)
            problem(
              "validator \"field\" needs a soft category, not \"\(category)\" (one of: "
                + known.joined(separator: ", ") + ")")
          }
        }
        if let name = raw.finder {
          if let finder = Finder(rawValue: name) {
            if let validator, validator.finder != finder {
              problem(
                "validator \"\(validator.rawValue)\" takes candidates of finder "
                  + "\"\(validator.finder.rawValue)\", not \"\(name)\"")
            }
          } else {
            let known = Finder.allCases.map(\.rawValue).joined(separator: ", ")
            problem("unknown finder \"\(name)\" (known: \(known))")
          }
        }
        var shape: PCRE2Pattern?
        if let regex = raw.regex {
          do {
            shape = try PCRE2Pattern(regex, options: [.matchInvalidUTF])
          } catch {
            problem("regex does not compile: \(error)")
          }
        } else {
          problem("has no `regex` describing the value's shape")
        }
        let examples = RuleExamples(
          match: raw.examples?.match ?? [], invalid: raw.examples?.invalid ?? [],
          nomatch: raw.examples?.nomatch ?? [])
        if examples.match.isEmpty {
          problem("has no `examples.match` (every rule carries at least one matching example)")
        }
        guard problems.count == before, let validator, let shape else { continue }
        seenIDs[id] = path
        seenValidators[validator] = id
        if validator == .field { seenFieldCategories[category] = id }
        rules.append(
          Rule(
            id: id, category: category, description: raw.description ?? "",
            validator: validator, shape: shape,
            context: ContextWords(raw.context ?? []),
            examples: examples, file: path))
      }
    }
    if !problems.isEmpty { throw PatternLoadError(problems: problems) }
    self.init(rules: rules)
  }

  private init(rules: [Rule]) {
    self.rules = rules
    var index: [ValidatorKind: Int] = [:]
    var fields: [String: Int] = [:]
    for (position, rule) in rules.enumerated() {
      if rule.validator == .field { fields[rule.category] = position } else { index[rule.validator] = position }
    }
    indexByValidator = index
    fieldRuleByCategory = fields
  }

  /// The field rule of soft category `category`, if that rule is in the set.
  public func fieldRule(for category: SoftCategory) -> Int? { fieldRuleByCategory[category.rawValue] }

  /// Whether any field rule is in the set.
  public var hasFieldRules: Bool { !fieldRuleByCategory.isEmpty }

  /// The rules shipped in the binary (Patterns/*.toml).
  public static func embedded() throws(PatternLoadError) -> RuleSet {
    let files = EmbeddedPatterns.paths
      .filter { ($0.hasPrefix("soft/") || !$0.contains("/")) && $0.hasSuffix(".toml") }
      .map { (path: "Patterns/\($0)", text: EmbeddedPatterns.text($0)!) }
    return try RuleSet(files: files)
  }

  /// The rules whose category is in `only` (when given) and not in `except`.
  public func restricted(only: Set<String>?, except: Set<String>) -> RuleSet {
    RuleSet(
      rules: rules.filter { rule in
        (only.map { $0.contains(rule.category) } ?? true) && !except.contains(rule.category)
      })
  }

  /// The index of the rule using `validator`, if that rule is in the set.
  public func ruleIndex(for validator: ValidatorKind) -> Int? { indexByValidator[validator] }

  /// Every category the rules find, in rule order, without repeats.
  public var categories: [String] {
    var seen = Set<String>()
    return rules.map(\.category).filter { seen.insert($0).inserted }
  }

  static func isKebabCase(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
      && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }

  static func isSnakeCase(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("_") && !text.hasSuffix("_")
      && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
  }

  private static func describe(_ error: any Error) -> String {
    if let error = error as? DecodingError {
      switch error {
      case .typeMismatch(_, let context), .valueNotFound(_, let context),
        .keyNotFound(_, let context), .dataCorrupted(let context):
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return "\(path.isEmpty ? "" : "\(path): ")\(context.debugDescription)"
      @unknown default:
        return "\(error)"
      }
    }
    return "\(error)"
  }
}
