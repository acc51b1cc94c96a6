/// How sure a finding is.
public enum Confidence: String, Sendable, Comparable, CaseIterable {
  case low, medium, high

  public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
  /// 0 (low) to 2 (high).
  var rank: Int {
    switch self {
    case .low: 0
    case .medium: 1
    case .high: 2
    }
  }
}

/// Facts about how a value was written that its normalised form does not keep.
public struct FindingFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// A mobile written with its country code (`+86`, `0086`, `86-`).
  public static let countryCode = FindingFlags(rawValue: 1 << 0)
  /// Found by a field or free-text detector: it yields to a strong finding it overlaps.
  public static let soft = FindingFlags(rawValue: 1 << 1)
  /// A landline written without separators, whose area code the table decided.
  public static let unseparated = FindingFlags(rawValue: 1 << 2)
  /// Found as a document under an identity-document column by its own shape.
  public static let byShape = FindingFlags(rawValue: 1 << 3)
  /// Found in free text (after a cue word, or by its own grammar).
  public static let freeText = FindingFlags(rawValue: 1 << 4)

  // Chunk-local bookkeeping, resolved by the ordered merge (``LocationResolver``).
  /// `record` holds the start of the structure's record (a tuple, an object, a block).
  static let structuredRecord = FindingFlags(rawValue: 1 << 6)
  /// `record` holds the start of the value's line, which began inside the chunk.
  static let lineStartKnown = FindingFlags(rawValue: 1 << 7)
  static let local: FindingFlags = [.structuredRecord, .lineStartKnown]
}

/// One value found in an input: where it is, which rule found it, the value, and whether it
/// passed every check. A small plain value: it describes itself (``rule`` and ``category``
/// carry stable ids), and what reports show beyond it — the human reason, derived facts such as
/// the region of an ID number — is derived from it when it is written (``FindingDescriber``).
///
/// Offsets are absolute byte positions in the input as stored. `line`, `column` and `record`
/// are filled in by the ordered merge (``LocationResolver``), since a worker does not know how
/// many lines came before its chunk.
public struct Finding: Sendable {
  /// Absolute byte offset of the value's written form (including a `+86` prefix, say).
  public var offset: Int64
  /// Byte length of the written form.
  public var length: Int
  /// The rule that found it (rules live for the whole process).
  public unowned(unsafe) let rule: Rule
  /// The value: normalised for the strong identifiers (digits only, upper-case X,
  /// `AREA-LOCAL`), as written (trimmed) for the rest; never masked here.
  public var value: FindingValue
  public var valid: Bool
  /// Which check failed, when `valid` is false.
  public var reasonCode: ReasonCode?
  public var confidence: Confidence
  public var flags: FindingFlags
  /// A datum of the validator's that the value does not hold: a landline's extension, as its
  /// digits in the low bytes (one per byte, most significant first) and their count in the top
  /// byte.
  public var aux: UInt64 = 0

  /// 1-based line number in the decoded text.
  public var line: Int = 0
  /// 1-based column, in characters of the decoded line.
  public var column: Int = 0
  /// Absolute byte offset where the finding's record starts.
  public var record: Int64 = 0

  /// Position of the value in the scanned window (decoded text, for transcoded inputs).
  var windowPosition: Int32 = 0

  public init(
    offset: Int64, length: Int, rule: Rule, value: FindingValue, valid: Bool,
    reasonCode: ReasonCode?, confidence: Confidence, flags: FindingFlags = []
  ) {
    self.offset = offset
    self.length = length
    self.rule = rule
    self.value = value
    self.valid = valid
    self.reasonCode = valid ? nil : reasonCode
    self.confidence = confidence
    self.flags = flags
  }

  /// The category it belongs to.
  public var category: Category { rule.category }

  /// Whether a field or free-text detector found it.
  public var isSoft: Bool { flags.contains(.soft) }

  /// Whether it counts as personal information: valid, in a personal category, and not a
  /// published sample value.
  public var isPersonal: Bool { valid && category.isPersonal }

  /// The landline extension kept in ``aux``, if any.
  public var landlineExtension: String? {
    let count = Int(aux >> 56)
    guard count > 0 else { return nil }
    var digits: [UInt8] = []
    for i in (0..<count).reversed() { digits.append(UInt8(truncatingIfNeeded: aux >> (8 * i))) }
    return String(decoding: digits, as: UTF8.self)
  }

  /// Packs up to seven extension digits for ``aux``.
  static func packExtension(_ digits: some Collection<UInt8>) -> UInt64 {
    var packed: UInt64 = 0
    var count: UInt64 = 0
    for digit in digits.prefix(7) {
      packed = packed << 8 | UInt64(digit)
      count += 1
    }
    return count << 56 | packed
  }
}
