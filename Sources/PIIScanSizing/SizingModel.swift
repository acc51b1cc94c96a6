/// The legal tier of what a record carries under Art. 5 of 法释〔2017〕10号: the number of
/// records (50, 500 or 5000) that reaches 情节严重. The caller decides a record's tier (from
/// its category registry and settings such as where bare bank cards go); this module only
/// counts.
public enum SizingTier: Int, Sendable, CaseIterable, Comparable, Codable {
  case fifty = 50
  case fiveHundred = 500
  case fiveThousand = 5000

  /// A lower threshold is a higher tier: `.fifty > .fiveThousand`.
  public static func < (a: SizingTier, b: SizingTier) -> Bool { a.rawValue > b.rawValue }

  /// The tier's bit in a payload: one bit per tier, so OR keeps every tier seen.
  var flag: UInt8 {
    switch self {
    case .fiveThousand: 1
    case .fiveHundred: 2
    case .fifty: 4
    }
  }

  /// The highest tier among the bits of `flags` (bits 0…2), or nil when none is set.
  static func highest(_ flags: UInt8) -> SizingTier? {
    if flags & 4 != 0 { return .fifty }
    if flags & 2 != 0 { return .fiveHundred }
    if flags & 1 != 0 { return .fiveThousand }
    return nil
  }

  /// Index in per-tier arrays: 0 for 50, 1 for 500, 2 for 5000.
  var index: Int {
    switch self {
    case .fifty: 0
    case .fiveHundred: 1
    case .fiveThousand: 2
    }
  }

  /// Tiers in the order of per-tier arrays.
  static let ordered: [SizingTier] = [.fifty, .fiveHundred, .fiveThousand]
}

/// How a value names a person, strongest first: when a record holds an ID number, it is about
/// the person of that number, else of the mobile, else of the e-mail, else of the name and the
/// address together (docs/SIZING.md, "Persons").
public enum SizingPersonKind: UInt8, Sendable, CaseIterable, Comparable {
  case residentID = 0
  case mobile = 1
  case email = 2
  case name = 3
  case address = 4

  public static func < (a: SizingPersonKind, b: SizingPersonKind) -> Bool {
    a.rawValue < b.rawValue
  }
}

/// One personal value of a record, as the caller found and judged it.
public struct SizingValue: Sendable {
  /// Index into the configuration's category table.
  public var category: Int
  /// Whether every check passed.
  public var valid: Bool
  /// Index into the configuration's reason-code table when invalid (0: none given).
  public var reasonCode: Int
  /// The key of the normalised value (a 15-digit ID number keyed by its 18-digit form).
  public var key: SizingKey
  /// How the value names a person, if it does.
  public var person: SizingPersonKind?
  /// Whether a valid value of its kind makes the record one "with an identifier".
  public var isIdentifier: Bool
  /// How the value was written, where forms matter: 18 or 15 for resident ID numbers.
  public var form: UInt8

  public init(
    category: Int, valid: Bool, reasonCode: Int = 0, key: SizingKey,
    person: SizingPersonKind? = nil, isIdentifier: Bool = false, form: UInt8 = 0
  ) {
    self.category = category
    self.valid = valid
    self.reasonCode = reasonCode
    self.key = key
    self.person = person
    self.isIdentifier = isIdentifier
    self.form = form
  }
}

/// One record (a table row, an SQL tuple, a JSON object, a line) carrying personal values.
///
/// Only personal values are passed; the caller leaves out informational ones (masked values,
/// organisation codes). Reuse one record and its `values` array (`removeAll(keepingCapacity:)`)
/// to spare an allocation per record.
public struct SizingRecord: Sendable {
  /// The input, as numbered by ``SizingAggregate/source(path:member:)``.
  public var source: Int
  /// Byte offset where the record starts in that input.
  public var offset: Int64
  /// The highest tier of what the record carries, decided by the caller.
  public var tier: SizingTier
  /// The key of the record's normalised content (``SizingKey/content(_:)``): equal for two
  /// records exactly when one duplicates the other.
  public var contentKey: SizingKey
  public var values: [SizingValue]

  public init(
    source: Int, offset: Int64, tier: SizingTier, contentKey: SizingKey, values: [SizingValue]
  ) {
    self.source = source
    self.offset = offset
    self.tier = tier
    self.contentKey = contentKey
    self.values = values
  }
}

/// A calendar date (proleptic Gregorian), for the as-of date and birth dates.
public struct SizingDate: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// A real date, or nil.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= SizingDate.days(inMonth: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads `YYYY-MM-DD`.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public static func < (a: SizingDate, b: SizingDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let pad = { (value: Int, width: Int) -> String in
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Whole years from `birth` to this date (the age on this date), or nil when `birth` is
  /// later.
  func years(since birth: SizingDate) -> Int? {
    guard birth <= self else { return nil }
    var age = year - birth.year
    if (month, day) < (birth.month, birth.day) { age -= 1 }
    return age
  }
}

/// Settings that decide what the aggregate counts. Two aggregates (or state files) merge only
/// when their configurations are equal, since their counts would not mean the same otherwise.
public struct SizingConfiguration: Equatable, Sendable {
  /// Category ids (`cn_resident_id`…): ``SizingValue/category`` indexes this table.
  public var categories: [String]
  /// Reason-code ids (`checksum`…): ``SizingValue/reasonCode`` indexes this table; entry 0
  /// stands for "no reason given".
  public var reasonCodes: [String]
  /// The date validity and ages were judged on.
  public var asOf: SizingDate
  /// The tier the caller gives a bare bank card (it decides tiers; recorded for the report).
  public var bankCardTier: SizingTier
  /// Masked samples kept per category, valid and invalid each.
  public var samplesPerCategory: Int
  /// The tool's version and a SHA-256 of the rule set in force, as the report shows them.
  public var toolVersion: String
  public var rulesetSHA256: String

  public init(
    categories: [String], reasonCodes: [String], asOf: SizingDate,
    bankCardTier: SizingTier = .fifty, samplesPerCategory: Int = 5, toolVersion: String,
    rulesetSHA256: String
  ) {
    precondition(!reasonCodes.isEmpty, "reason code 0 stands for none; give a table with it")
    self.categories = categories
    self.reasonCodes = reasonCodes
    self.asOf = asOf
    self.bankCardTier = bankCardTier
    self.samplesPerCategory = max(0, samplesPerCategory)
    self.toolVersion = toolVersion
    self.rulesetSHA256 = rulesetSHA256
  }
}

/// What an input turned out to be, as the report lists it.
public enum SizingInputStatus: String, Sendable, CaseIterable, Comparable {
  /// Read whole.
  case complete
  /// Read, with notices (undecodable bytes, a truncated archive, a limit reached).
  case partial
  /// Not scanned on purpose (a binary file).
  case skipped
  /// Could not be read at all.
  case unreadable

  var severity: Int {
    switch self {
    case .complete: 0
    case .partial: 1
    case .skipped: 2
    case .unreadable: 3
    }
  }

  /// Ordered by severity: merging two descriptions keeps the worse status.
  public static func < (a: SizingInputStatus, b: SizingInputStatus) -> Bool {
    a.severity < b.severity
  }
}

/// The evidence facts of one input (a file or an archive member), given by the caller once it
/// has read the input. Every field is optional so that shards of one file can each say what
/// they know; descriptions of the same input merge (docs/SIZING.md, "Inputs").
public struct SizingInputDescription: Equatable, Sendable {
  /// Lower-case hexadecimal SHA-256 of the whole input as stored.
  public var sha256: String?
  public var bytes: Int64?
  public var format: String?
  public var encoding: String?
  public var status: SizingInputStatus
  public var notices: [String]

  public init(
    sha256: String? = nil, bytes: Int64? = nil, format: String? = nil, encoding: String? = nil,
    status: SizingInputStatus = .complete, notices: [String] = []
  ) {
    self.sha256 = sha256
    self.bytes = bytes
    self.format = format
    self.encoding = encoding
    self.status = status
    self.notices = notices
  }
}

/// Orders text by its UTF-8 bytes: locale-free, the same on every machine.
func utf8Less(_ a: String, _ b: String) -> Bool {
  a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// Orders optional text with nil first, then by UTF-8 bytes.
func utf8Less(_ a: String?, _ b: String?) -> Bool {
  switch (a, b) {
  case (nil, nil): false
  case (nil, _): true
  case (_, nil): false
  case (let a?, let b?): utf8Less(a, b)
  }
}
