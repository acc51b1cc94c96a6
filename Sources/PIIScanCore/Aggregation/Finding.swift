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

/// One derived fact about a value (its region, carrier, issuing bank…).
public struct FindingDetail: Sendable, Equatable {
  public var key: String
  /// The fact as shown with `--reveal`.
  public var value: String
  /// The fact as shown in masked output; nil means "same as `value`", "" means "leave out".
  public var masked: String?

  public init(_ key: String, _ value: String, masked: String? = nil) {
    self.key = key
    self.value = value
    self.masked = masked
  }
}

/// One value found in an input.
///
/// Offsets are absolute byte positions in the input as stored. `line`, `column` and `record`
/// are filled in by the ordered merge (``LocationResolver``), since a worker does not know how
/// many lines came before its chunk.
public struct Finding: Sendable {
  /// Absolute byte offset of the value's written form (including a `+86` prefix, say).
  public var offset: Int64
  /// Byte length of the written form.
  public var length: Int
  /// Index of the rule in the scan's ``RuleSet``.
  public var ruleIndex: Int
  /// The value, normalised (digits only, upper-case X, no separators); never masked here.
  public var value: String
  public var valid: Bool
  /// Which check failed, when `valid` is false.
  public var reason: String?
  public var confidence: Confidence
  public var details: [FindingDetail]

  /// 1-based line number in the decoded text.
  public var line: Int = 0
  /// 1-based column, in characters of the decoded line.
  public var column: Int = 0
  /// Absolute byte offset where the finding's record (here: its line) starts.
  public var record: Int64 = 0

  // Chunk-local location, resolved by the merge.
  /// Position of the value in the scanned window (decoded text, for transcoded inputs).
  var windowPosition: Int = 0
  /// Newlines between the chunk's owned start and the value.
  var localLine: Int = 0
  /// Characters from the line start (or, if the line began before the chunk, from the chunk's
  /// owned start; negative when the value starts before it) to the value.
  var localColumn: Int = 0
  /// Absolute offset of the line start, or -1 when the line began before the chunk.
  var localLineStart: Int64 = -1
  /// The record's start when the input's structure decides it (a tuple, an object, a block);
  /// -1 means the record is the line.
  var structuredRecord: Int64 = -1
  /// Whether a field or free-text detector found it (it then yields to an overlapping strong
  /// finding).
  var isSoft = false

  public init(
    offset: Int64, length: Int, ruleIndex: Int, value: String, valid: Bool, reason: String?,
    confidence: Confidence, details: [FindingDetail]
  ) {
    self.offset = offset
    self.length = length
    self.ruleIndex = ruleIndex
    self.value = value
    self.valid = valid
    self.reason = reason
    self.confidence = confidence
    self.details = details
  }
}
