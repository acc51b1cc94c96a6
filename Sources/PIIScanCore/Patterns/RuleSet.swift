import Crypto
import PIIScanPCRE2
import Synchronization
import TOMLKit

/// The compiled rules of one scan: checked once, shared read-only by every worker.
public struct RuleSet: Sendable {
  public let rules: [Rule]
  private let indexByValidator: [ValidatorKind: Int]
  private let fieldRuleByCategory: [String: Int]
  /// Every category of the set's rules, in rule order, without repeats.
  public let categoryList: [Category]
  /// SHA-256 of every file the rules were read from (the embedded Patterns/ and users' files),
  /// before any restriction.
  private let filesDigest: FilesDigest

  /// SHA-256 of the rule set in force: of every file the rules and their tables came from,
  /// and of the ids of the rules `--only` and `--except` leave in. Reports carry it, so a
  /// figure can be tied to the rules that made it.
  public var sha256: String {
    var hasher = SHA256()
    hasher.update(
      data: Array((filesDigest.hex + "\n" + rules.map(\.id).joined(separator: ",")).utf8))
    return Self.hex(hasher.finalize())
  }

  static func hex(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(
      decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
  }

  /// SHA-256 of the embedded Patterns/ (rules, tables and vocabularies) and `user` files.
  static func digest(user: [(path: String, text: String)]) -> String {
    var hasher = SHA256()
    for path in EmbeddedPatterns.paths {
      hasher.update(
        data: Array((path + "\u{0}" + (EmbeddedPatterns.text(path) ?? "") + "\u{0}").utf8))
    }
    for file in user {
      hasher.update(data: Array(("user:" + file.path + "\u{0}" + file.text + "\u{0}").utf8))
    }
    return hex(hasher.finalize())
  }

  /// Checks and compiles the rules of `files` (pattern-file path and text), reporting every
  /// problem at once.
  public init(files: [(path: String, text: String)]) throws(PatternLoadError) {
    let (rules, problems) = RuleSet.check(files.map { ($0.path, $0.text, false) })
    if !problems.isEmpty { throw PatternLoadError(problems: problems) }
    self.init(rules: rules, filesDigest: FilesDigest(user: files))
  }

  /// The built-in rules plus the rules of a user's files (`--patterns`), checked together:
  /// every problem in the user's files is reported at once, examples that fail included.
  ///
  /// A user file holds only ``ValidatorKind/regex`` rules, each with an id and a category of
  /// its own (not a built-in one) and at least one `match` and one `nomatch` example. The
  /// examples are scanned with the whole rule set, as `piiscan patterns --test` does.
  ///
  /// - Parameters:
  ///   - user: The user's files: a path to name in messages, and the file's text.
  ///   - settings: The settings the examples are scanned with.
  ///   - checkExamples: Whether failing examples are problems (`piiscan patterns --test`
  ///     lists them as failures instead).
  public static func embedded(
    adding user: [(path: String, text: String)], settings: DetectionSettings,
    checkExamples: Bool = true
  ) throws(PatternLoadError) -> RuleSet {
    let files =
      embeddedFiles().map { ($0.path, $0.text, false) } + user.map { ($0.path, $0.text, true) }
    var (rules, problems) = check(files)
    let set = RuleSet(rules: rules, filesDigest: FilesDigest(fixed: ""))
    if checkExamples {
      for result in set.runExamples(settings: settings, userOnly: true) {
        guard let failure = result.failure else { continue }
        let file = set.rules.first { $0.id == result.ruleID }?.file ?? "?"
        problems.append(
          PatternError(
            file: file, ruleID: result.ruleID,
            message: "\(result.expectation.rawValue) example \(JSONText.quoted(result.text)): "
              + "\(failure) (change the example or the regex)"))
      }
    }
    if !problems.isEmpty { throw PatternLoadError(problems: problems) }
    return RuleSet(rules: set.rules, filesDigest: FilesDigest(user: user))
  }

  /// What a regex rule's pattern may do, so that its matches never depend on where the input
  /// is cut (see ``RegexDetector``).
  public enum RegexLimits {
    /// The longest lookbehind, in characters.
    public static let maxLookbehind = 64
  }

  /// Checks and compiles `files` (path, text, whether it is a user's file), returning the
  /// rules that are sound and every problem found.
  private static func check(_ files: [(path: String, text: String, user: Bool)]) -> (
    rules: [Rule], problems: [PatternError]
  ) {
    var problems: [PatternError] = []
    var rules: [Rule] = []
    var seenIDs: [String: (file: String, user: Bool)] = [:]
    var seenValidators: [ValidatorKind: String] = [:]
    var seenFieldCategories: [String: String] = [:]
    var builtInCategories: [String: String] = [:]
    var userCategories: [String: Category] = [:]
    for (path, text, user) in files {
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
      for key in file.unknownKeys {
        problems.append(
          PatternError(
            file: path, ruleID: nil,
            message:
              "unknown key `\(key)` (a pattern file holds a [category] table and [[rules]] tables)"
          ))
      }
      // The category the file declares: built-in ones were checked by the registry.
      var declared: Category?
      if let raw = file.category {
        if user {
          switch CategoryRegistry.make(raw, file: path, isUser: true) {
          case .success(let category):
            if CategoryRegistry.builtIn[category.id] != nil {
              problems.append(
                PatternError(
                  file: path, ruleID: nil,
                  message: "[category] id \"\(category.id)\" is a built-in category; declare "
                    + "a category of your own (a new snake_case name)"))
            } else if userCategories[category.id] != nil {
              problems.append(
                PatternError(
                  file: path, ruleID: nil,
                  message: "[category] \"\(category.id)\" is declared in another file too"))
            } else {
              userCategories[category.id] = category
              declared = category
            }
          case .failure(let messages):
            for message in messages {
              problems.append(PatternError(file: path, ruleID: nil, message: message))
            }
          }
        } else {
          declared = raw.id.flatMap { CategoryRegistry.builtIn[$0] }
        }
      }
      if file.rules.isEmpty {
        problems.append(
          PatternError(
            file: path, ruleID: nil,
            message: "has no rules (each rule is a [[rules]] table; see Patterns/README.md)"))
      }
      for (position, raw) in file.rules.enumerated() {
        let before = problems.count
        let id = raw.id ?? "rule #\(position + 1)"
        func problem(_ message: String) {
          problems.append(PatternError(file: path, ruleID: id, message: message))
        }
        for key in raw.unknownKeys {
          problem(
            "unknown key `\(key)` (known: " + PatternFile.RawRule.keys.joined(separator: ", ")
              + ")")
        }
        for key in raw.examples?.unknownKeys ?? [] {
          problem("unknown key `examples.\(key)` (known: match, invalid, nomatch)")
        }
        if raw.id == nil {
          problem("has no `id` (add a stable kebab-case id such as \"cn-mobile\")")
        } else if !RuleSet.isKebabCase(id) {
          problem("id must be kebab-case: lower-case letters, digits and single hyphens")
        } else if let other = seenIDs[id] {
          if user && !other.user {
            problem(
              "id \"\(id)\" is the id of a built-in rule (\(other.file)); give your rule an id "
                + "of its own, for example prefixed with your organisation's name")
          } else {
            problem("id is already used in \(other.file) (ids are unique and never reused)")
          }
        }
        let category = raw.category ?? ""
        if raw.category == nil {
          problem("has no `category` (a taxonomy id such as \"cn_mobile\")")
        } else if !RuleSet.isSnakeCase(category) {
          problem(
            "category \"\(category)\" must be snake_case: lower-case letters, digits and "
              + "underscores, such as \"staff_number\"")
        } else if user, let other = builtInCategories[category] {
          problem(
            "category \"\(category)\" is the built-in rule \(other)'s; your rule reports a "
              + "category of its own (a new snake_case name; --except \(category) leaves the "
              + "built-in one out)")
        }
        var validator: ValidatorKind?
        if let name = raw.validator {
          validator = ValidatorKind(name: name)
          if validator == nil {
            let known = ValidatorKind.allNames.joined(separator: ", ")
            problem("unknown validator \"\(name)\" (known: \(known))")
          } else if user && validator != .regex {
            problem(
              "validator \"\(name)\" belongs to the built-in rules; a rule in your own file "
                + "uses validator = \"regex\"")
            validator = nil
          }
        } else {
          problem("has no `validator`" + (user ? " (your rules use validator = \"regex\")" : ""))
        }
        if let validator, !validator.isShared, let other = seenValidators[validator] {
          problem("validator \"\(validator.name)\" is already used by rule \(other)")
        }
        if case .field(let field)? = validator {
          if let soft = SoftCategory(rawValue: category), !soft.isStrongHeaderOnly {
            if let other = seenFieldCategories[category] {
              problem("category \"\(category)\" already has a field rule (\(other))")
            }
          } else if raw.category != nil {
            let known = SoftCategory.allCases.filter { !$0.isStrongHeaderOnly }.map(\.rawValue)
            problem(
              "validator \"\(field.rawValue)\" needs a soft category, not \"\(category)\" "
                + "(one of: " + known.joined(separator: ", ") + ")")
          }
        }
        // The rule's category: the file's own, a built-in one, or (a user's regex rule) one
        // made for it.
        var resolved: Category?
        if raw.category != nil {
          if let declared, declared.id == category {
            resolved = declared
          } else if !user, let builtIn = CategoryRegistry.builtIn[category] {
            resolved = builtIn
          } else if user, let other = userCategories[category] {
            resolved = other
          } else if user {
            resolved = Category.user(id: category, file: path)
            userCategories[category] = resolved
          } else if RuleSet.isSnakeCase(category) {
            problem("category \"\(category)\" has no [category] table in Patterns/")
          }
        }
        if let name = raw.finder {
          if let finder = Finder(rawValue: name) {
            if let validator, validator.finder != finder {
              problem(
                "validator \"\(validator.name)\" takes candidates of finder "
                  + "\"\(validator.finder.rawValue)\", not \"\(name)\"")
            }
          } else {
            let known = Finder.allCases.map(\.rawValue).joined(separator: ", ")
            problem("unknown finder \"\(name)\" (known: \(known))")
          }
        }
        var shape: PCRE2Pattern?
        if let regex = raw.regex {
          if validator == .regex {
            shape = compileScanning(regex, problem: problem)
          } else if validator == .email {
            do {
              shape = try PCRE2Pattern(regex, options: [.matchInvalidUTF])
            } catch {
              problem("regex does not compile: \(error)")
            }
          } else if let validator {
            problem(
              "has a `regex`, but validator \"\(validator.name)\" decides its values alone: "
                + "remove the regex (describe the shape in `description`)")
          }
        } else if validator == .regex {
          problem(
            "has no `regex` (the PCRE2 pattern whose every match is a value, such as "
              + "'ACME-[0-9]{6}')")
        } else if validator == .email {
          problem("has no `regex` (the pattern that decides an address)")
        }
        if raw.requireContext != nil, let validator, validator != .regex {
          problem("`require_context` applies only to rules with validator = \"regex\"")
        }
        if raw.requireContext == true && (raw.context ?? []).isEmpty {
          problem("`require_context = true` needs at least one word in `context`")
        }
        let examples = RuleExamples(
          match: raw.examples?.match ?? [], invalid: raw.examples?.invalid ?? [],
          nomatch: raw.examples?.nomatch ?? [])
        if examples.match.isEmpty {
          problem(
            "has no `examples.match` (every rule carries at least one text in which it finds "
              + "exactly one value)")
        }
        if user && examples.nomatch.isEmpty {
          problem(
            "has no `examples.nomatch` (add at least one text in which the rule must find "
              + "nothing, such as a near miss)")
        }
        if validator == .regex && !examples.invalid.isEmpty {
          problem(
            "has `examples.invalid`, but a regex rule has no check for a value to fail: move "
              + "them to `nomatch`, or drop them")
        }
        guard problems.count == before, let validator, let resolved,
          shape != nil || !validator.needsRegex
        else { continue }
        seenIDs[id] = (path, user)
        if !validator.isShared { seenValidators[validator] = id }
        if case .field = validator { seenFieldCategories[category] = id }
        if !user && builtInCategories[category] == nil { builtInCategories[category] = id }
        rules.append(
          Rule(
            id: id, category: resolved, description: raw.description ?? "",
            validator: validator, shape: shape, context: ContextWords(raw.context ?? []),
            examples: examples, file: path, isUser: user,
            requireContext: raw.requireContext ?? false))
      }
    }
    return (rules, problems)
  }

  /// Compiles a regex rule's pattern as the scanner runs it, or reports why it cannot be.
  ///
  /// UTF-8 in which invalid sequences never match (data files are not guaranteed UTF-8, and
  /// plain PCRE2_UTF would check the rest of the buffer on every call: docs/ARCHITECTURE.md,
  /// Performance); `^` and `$` at line starts and ends, a line ending in LF, CR or CRLF;
  /// JIT-compiled.
  static func compileScanning(_ regex: String, problem: (String) -> Void) -> PCRE2Pattern? {
    let prefix = "(*ANYCRLF)"
    let pattern: PCRE2Pattern
    do {
      pattern = try PCRE2Pattern(prefix + regex, options: [.matchInvalidUTF, .multiline])
    } catch {
      let offset = error.patternOffset.map { " at offset \(max(0, $0 - prefix.utf8.count))" } ?? ""
      problem(
        "regex does not compile\(offset): \(error.message) (PCRE2 error \(error.code)); "
          + "fix the pattern (PCRE2 syntax, best written in a '''literal''' string)")
      return nil
    }
    var sound = true
    if pattern.minimumLength == 0 {
      problem(
        "regex can match empty text; every match must be at least one character (make the "
          + "value's characters required, not optional)")
      sound = false
    }
    if pattern.maxLookbehind > RegexLimits.maxLookbehind {
      problem(
        "regex looks back \(pattern.maxLookbehind) characters; at most "
          + "\(RegexLimits.maxLookbehind) are allowed (shorten the lookbehind, or use `context`)")
      sound = false
    }
    if !pattern.isJITCompiled {
      problem(
        "PCRE2 could not JIT-compile the regex"
          + (PCRE2Pattern.isJITAvailable
            ? " (remove (*NO_JIT) or another verb the JIT does not support)"
            : " (this libpcre2 was built without JIT support)")
          + "; without the JIT a scan would be far too slow")
      sound = false
    }
    return sound ? pattern : nil
  }

  private init(filesDigest: FilesDigest, rules: [Rule]) {
    self.init(rules: rules, filesDigest: filesDigest)
  }

  private init(rules: [Rule], filesDigest: FilesDigest) {
    self.rules = rules
    self.filesDigest = filesDigest
    var index: [ValidatorKind: Int] = [:]
    var fields: [String: Int] = [:]
    var seen = Set<ObjectIdentifier>()
    var categories: [Category] = []
    for (position, rule) in rules.enumerated() {
      switch rule.validator {
      case .field: fields[rule.category.id] = position
      case .regex: break
      default: index[rule.validator] = position
      }
      if seen.insert(ObjectIdentifier(rule.category)).inserted { categories.append(rule.category) }
    }
    indexByValidator = index
    fieldRuleByCategory = fields
    categoryList = categories
  }

  /// The field rule of soft category `category`, if that rule is in the set.
  public func fieldRule(for category: SoftCategory) -> Int? {
    fieldRuleByCategory[category.rawValue]
  }

  /// Whether any field rule is in the set.
  public var hasFieldRules: Bool { !fieldRuleByCategory.isEmpty }

  /// The rules shipped in the binary (Patterns/*.toml).
  public static func embedded() throws(PatternLoadError) -> RuleSet {
    let set = try RuleSet(files: embeddedFiles())
    return RuleSet(rules: set.rules, filesDigest: FilesDigest(user: []))
  }

  static func embeddedFiles() -> [(path: String, text: String)] {
    EmbeddedPatterns.paths
      .filter { ($0.hasPrefix("soft/") || !$0.contains("/")) && $0.hasSuffix(".toml") }
      .map { (path: "Patterns/\($0)", text: EmbeddedPatterns.text($0)!) }
  }

  /// The rules whose category is in `only` (when given) and not in `except`.
  public func restricted(only: Set<String>?, except: Set<String>) -> RuleSet {
    RuleSet(
      filesDigest: filesDigest,
      rules: rules.filter { rule in
        (only.map { $0.contains(rule.category.id) } ?? true) && !except.contains(rule.category.id)
      })
  }

  /// The rule with id `id`, if it is in the set.
  public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

  /// The index of the rule using `validator`, if that rule is in the set (not for the shared
  /// validators `field` and `regex`, which many rules use).
  public func ruleIndex(for validator: ValidatorKind) -> Int? { indexByValidator[validator] }

  /// The rule using `validator`, if it is in the set (not for the shared validators).
  public func rule(for validator: ValidatorKind) -> Rule? {
    indexByValidator[validator].map { rules[$0] }
  }

  /// The field rule of soft category `category`, if that rule is in the set.
  func fieldRuleObject(for category: SoftCategory) -> Rule? {
    fieldRuleByCategory[category.rawValue].map { rules[$0] }
  }

  /// The indices of the regex rules, in rule order.
  public var regexRules: [Int] { rules.indices.filter { rules[$0].validator == .regex } }

  /// Every category the rules find, in rule order, without repeats.
  public var categories: [String] { categoryList.map(\.id) }

  static func isKebabCase(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
      && text.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
      }
  }

  static func isSnakeCase(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("_") && !text.hasSuffix("_")
      && text.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F
      }
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

/// The digest of the files a rule set was read from (``RuleSet/digest(user:)``), made the first
/// time a report asks for it: hashing every embedded table costs more than the rest of start-up,
/// and most runs never print it.
final class FilesDigest: Sendable {
  private let user: [(path: String, text: String)]
  private let value: Mutex<String?>

  init(user: [(path: String, text: String)]) {
    self.user = user
    value = Mutex(nil)
  }

  init(fixed: String) {
    user = []
    value = Mutex(fixed)
  }

  var hex: String {
    value.withLock { value in
      if let value { return value }
      let digest = RuleSet.digest(user: user)
      value = digest
      return digest
    }
  }
}
