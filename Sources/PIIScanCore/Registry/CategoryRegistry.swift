import TOMLKit

/// The categories of the taxonomy: the built-in ones, declared in the `[category]` tables of
/// the embedded pattern files (Patterns/*.toml, Patterns/soft/*.toml), read once per process.
///
/// Everything that treats categories differently — masking, the personal/informational split,
/// counting, tiers, header words, names for people — reads a ``Category`` from here; no list
/// of category ids is written in code.
public enum CategoryRegistry {
  /// The built-in categories by id.
  public static var builtIn: [String: Category] { loaded.byID }

  /// The built-in categories in file order (the order `piiscan patterns` lists them).
  public static var builtInOrder: [Category] { loaded.order }

  /// The soft validator the built-in rule of category `id` names, if it has one.
  static func fieldValidator(of id: String) -> FieldValidator? { loaded.fieldValidators[id] }

  /// The outcome of checking one `[category]` table.
  enum Checked {
    case success(Category)
    case failure([String])
  }

  private struct Loaded: Sendable {
    var byID: [String: Category] = [:]
    var order: [Category] = []
    var fieldValidators: [String: FieldValidator] = [:]
  }

  private static let loaded: Loaded = {
    var result = Loaded()
    for (path, text) in RuleSet.embeddedFiles() {
      let file: PatternFile
      do {
        file = try TOMLDecoder().decode(PatternFile.self, from: text)
      } catch {
        preconditionFailure("\(path): the built-in pattern file does not decode: \(error)")
      }
      for rule in file.rules {
        if let category = rule.category, let name = rule.validator,
          case .field(let validator)? = ValidatorKind(name: name)
        {
          result.fieldValidators[category] = validator
        }
      }
      guard let raw = file.category else { continue }
      switch make(raw, file: path, isUser: false) {
      case .success(let category):
        precondition(result.byID[category.id] == nil, "\(path): category declared twice")
        result.byID[category.id] = category
        result.order.append(category)
      case .failure(let messages):
        preconditionFailure("\(path): " + messages.joined(separator: "; "))
      }
    }
    return result
  }()

  /// Checks a `[category]` table, reporting every problem at once, each naming the key.
  static func make(_ raw: PatternFile.RawCategory, file: String, isUser: Bool) -> Checked {
    var problems: [String] = []
    for key in raw.unknownKeys {
      problems.append(
        "[category]: unknown key `\(key)` (known: "
          + PatternFile.RawCategory.keys.joined(separator: ", ") + ")")
    }
    let id = raw.id ?? ""
    if raw.id == nil {
      problems.append("[category] has no `id` (a snake_case taxonomy id such as \"staff_number\")")
    } else if !RuleSet.isSnakeCase(id) {
      problems.append("[category] id \"\(id)\" must be snake_case")
    }
    let personal = raw.personal ?? true
    var tier: Tier?
    if let value = raw.tier {
      tier = Tier(rawValue: value)
      if tier == nil { problems.append("[category] tier must be 50, 500 or 5000, not \(value)") }
      if !personal { problems.append("[category] tier is for personal categories only") }
    } else if personal {
      tier = .fiveThousand
    }
    var mask: MaskStyle = isUser ? .identifier : .soft
    if let name = raw.mask {
      if let style = MaskStyle(name: name) {
        mask = style
      } else {
        problems.append(
          "[category] mask \"\(name)\" is unknown (keep-N-M, email, landline, all, none, soft, "
            + "identifier)")
      }
    }
    if mask == .none && personal {
      problems.append("[category] mask \"none\" shows values whole: only for informational ones")
    }
    var personKey: PersonKey?
    if let name = raw.personKey {
      personKey = PersonKey(rawValue: name)
      if personKey == nil {
        problems.append(
          "[category] person_key \"\(name)\" is unknown (known: "
            + PersonKey.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
      if isUser { problems.append("[category] person_key is for built-in categories only") }
    }
    var isRecordKind = false
    if let kind = raw.kind {
      if kind == "record" {
        isRecordKind = true
      } else {
        problems.append("[category] kind \"\(kind)\" is unknown (the only kind is \"record\")")
      }
    }
    if isUser && !(raw.headers ?? []).isEmpty {
      problems.append(
        "[category] headers are for built-in categories; a rule of yours names its columns with "
          + "`context` words")
    }
    guard problems.isEmpty else { return .failure(problems) }
    let category = Category(
      id: id, nameZh: raw.name ?? id, nameEn: raw.nameEn ?? raw.name ?? id,
      noticeItem: raw.noticeItem ?? "其他身份与联系信息", isPersonal: personal, tier: tier,
      mask: mask, isIdentifier: raw.identifier ?? false, personKey: personKey,
      isRecordKind: isRecordKind, headers: raw.headers ?? [], file: file, isUser: isUser)
    return .success(category)
  }
}
