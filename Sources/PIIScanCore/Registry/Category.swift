import Synchronization

/// The legal tier of a kind of personal information under Art. 5 of 法释〔2017〕10号: the number
/// of records (50, 500 or 5000) that reaches 情节严重. A record takes the lowest number (the
/// highest tier) of anything it carries; see docs/SIZING.md.
public enum Tier: Int, Sendable, Comparable, CaseIterable {
  /// 行踪轨迹、通信内容、征信、财产信息.
  case fifty = 50
  /// 住宿、通信记录、健康生理、交易信息 and other information affecting personal or property safety.
  case fiveHundred = 500
  /// Every other kind of personal information.
  case fiveThousand = 5000

  /// A lower threshold is a higher tier: `.fifty > .fiveThousand`.
  public static func < (a: Tier, b: Tier) -> Bool { a.rawValue > b.rawValue }
}

/// How a category's values are masked in reports (`--reveal` shows them whole).
public enum MaskStyle: Sendable, Equatable {
  /// Keep the first and last characters, star the rest: `keep-6-4` → `110101********1233`.
  case keep(first: Int, last: Int)
  /// `z***@qq.com`: the local part's first character and the domain.
  case email
  /// `0755-****3456`: the area code and the local number's last four digits.
  case landline
  /// `********`, whatever the value (a password: nothing of it, not even its length).
  case all
  /// Shown as written: values that are masks already (`138****5678`).
  case none
  /// The first character, and the last two of a value of eight characters or more (`张*`).
  case soft
  /// About a quarter kept at each end, at most 6 and 4: the default for users' identifiers.
  case identifier

  /// Reads a style as written in a pattern file: `keep-6-4`, `email`, `landline`, `all`,
  /// `none`, `soft`, `identifier`.
  public init?(name: String) {
    switch name {
    case "email": self = .email
    case "landline": self = .landline
    case "all": self = .all
    case "none": self = .none
    case "soft": self = .soft
    case "identifier": self = .identifier
    default:
      let parts = name.split(separator: "-")
      guard parts.count == 3, parts[0] == "keep", let first = Int(parts[1]),
        let last = Int(parts[2]), first >= 0, last >= 0, first + last <= 16
      else { return nil }
      self = .keep(first: first, last: last)
    }
  }

  /// The style's name as written in pattern files.
  public var name: String {
    switch self {
    case .keep(let first, let last): "keep-\(first)-\(last)"
    case .email: "email"
    case .landline: "landline"
    case .all: "all"
    case .none: "none"
    case .soft: "soft"
    case .identifier: "identifier"
    }
  }
}

/// How a value identifies a person when records are counted per person (docs/SIZING.md): the
/// strongest key a record carries decides who it is about.
public enum PersonKey: String, Sendable, CaseIterable, Comparable {
  case residentID = "resident_id"
  case mobile
  case email
  case name
  case address

  /// Strongest first: an ID number decides over a mobile, a mobile over an e-mail.
  public static func < (a: PersonKey, b: PersonKey) -> Bool { a.rank < b.rank }

  var rank: Int {
    switch self {
    case .residentID: 0
    case .mobile: 1
    case .email: 2
    case .name: 3
    case .address: 4
    }
  }
}

/// One category of the taxonomy, declared once as data in the `[category]` table of its pattern
/// file (Patterns/README.md): what a finding's `category` names, and everything reports,
/// masking, counting and tiers need to know about it.
///
/// Categories live for the whole process (a finding refers to its rule, and a rule to its
/// category, without reference counting); they are never freed.
public final class Category: Sendable, CustomStringConvertible {
  /// The stable snake_case id findings carry (`cn_resident_id`).
  public let id: String
  /// The category's name for people, in Chinese (居民身份证号码) and English.
  public let nameZh: String
  public let nameEn: String
  /// The item of 公通字〔2013〕12号 (or of the information it names as traded, or of Art. 5 of
  /// 法释〔2017〕10号 for record kinds) the category belongs to.
  public let noticeItem: String
  /// Whether its values are personal information: informational ones (masked values,
  /// organisation codes) are reported but never counted and never fail a CI run.
  public let isPersonal: Bool
  /// The tier of its records; nil for informational categories.
  public let tier: Tier?
  /// How its values are masked.
  public let mask: MaskStyle
  /// Whether a valid value identifies a person on its own (an ID number, a mobile, a card):
  /// a record holding one counts as a record with an identifier.
  public let isIdentifier: Bool
  /// How a value keys a person, when it does.
  public let personKey: PersonKey?
  /// A record kind (location trace, lodging record…): recognised from field names only, any
  /// non-empty value counts, reported beside the strong values it holds.
  public let isRecordKind: Bool
  /// Column and key names whose values belong to the category (lookup form: see
  /// ``HeaderDictionary``).
  public let headers: [String]
  /// The pattern file that declares it.
  public let file: String
  /// Whether a user's file (`--patterns`) declares it.
  public let isUser: Bool

  init(
    id: String, nameZh: String, nameEn: String, noticeItem: String, isPersonal: Bool,
    tier: Tier?, mask: MaskStyle, isIdentifier: Bool, personKey: PersonKey?,
    isRecordKind: Bool, headers: [String], file: String, isUser: Bool
  ) {
    self.id = id
    self.nameZh = nameZh
    self.nameEn = nameEn
    self.noticeItem = noticeItem
    self.isPersonal = isPersonal
    self.tier = tier
    self.mask = mask
    self.isIdentifier = isIdentifier
    self.personKey = personKey
    self.isRecordKind = isRecordKind
    self.headers = headers
    self.file = file
    self.isUser = isUser
    Immortal.keep(self)
  }

  /// A user's category without a `[category]` table: personal, tier 5000, masked like an
  /// identifier.
  static func user(id: String, file: String) -> Category {
    Category(
      id: id, nameZh: id, nameEn: id, noticeItem: "其他身份与联系信息", isPersonal: true,
      tier: .fiveThousand, mask: .identifier, isIdentifier: false, personKey: nil,
      isRecordKind: false, headers: [], file: file, isUser: true)
  }

  public var description: String { id }
}

/// Objects that must outlive every value referring to them without a reference count
/// (categories and rules, referred to by `unowned(unsafe)` from findings): kept here for the
/// life of the process.
enum Immortal {
  private static let kept = Mutex<[any AnyObject & Sendable]>([])

  static func keep(_ object: any AnyObject & Sendable) {
    kept.withLock { $0.append(object) }
  }
}
