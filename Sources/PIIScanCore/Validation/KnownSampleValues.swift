/// Published worked examples and demo/placeholder values (GB 11643's 11010519491231002X,
/// the China Mobile demo number 13800138000, …) from `Patterns/tables/known-sample-values.tsv`.
///
/// A finding whose value is listed is evidence of test or fabricated data, not of a real
/// person: report it, marked, rather than drop it.
///
/// - Note: immutable; safe to share across tasks.
public struct KnownSampleValues: Sendable {
  /// One listed value.
  public struct Entry: Sendable, Hashable {
    /// The value in normalised form (ASCII, no separators, uppercase letters).
    public let value: String
    /// The category id, such as `cn_resident_id` or `cn_mobile`.
    public let category: String
    /// Where the value was published and why it is known.
    public let note: String
  }

  /// Where the embedded table lives under `Patterns/`.
  public static let embeddedPath = "tables/known-sample-values.tsv"

  /// The table embedded in the binary.
  public static let shared: KnownSampleValues = ReferenceTable.loadEmbedded(embeddedPath) {
    try KnownSampleValues(tsv: $0)
  }

  /// Entries by value (a value may be listed under several categories).
  private let byValue: [String: [Entry]]
  private let entryCount: Int
  /// One bit per ``bloomBits`` slot, set for the hash of every listed value: a clear bit
  /// answers "not listed" for a candidate without building a string (the scan asks this of
  /// every valid number).
  private let bloom: [UInt64]
  private static let bloomBits = 1 << 14

  /// Parses the table text.
  ///
  /// - Parameters:
  ///   - tsv: header `value category note`.
  ///   - source: The table's name in errors.
  /// - Throws: `TableParseError` for an empty value or category, or a repeated
  ///   (value, category) pair.
  public init(tsv: String, source: String = "known-sample-values.tsv") throws {
    var byValue: [String: [Entry]] = [:]
    var entryCount = 0
    try ReferenceTable.forEachRow(tsv, table: source, header: ["value", "category", "note"]) {
      row in
      guard !row.isEmpty(0) else { throw row.error("value is empty") }
      guard !row.isEmpty(1) else { throw row.error("category is empty") }
      let entry = Entry(value: row.string(0), category: row.string(1), note: row.string(2))
      if byValue[entry.value, default: []].contains(where: { $0.category == entry.category }) {
        throw row.error("\(entry.value) is listed twice under \(entry.category)")
      }
      byValue[entry.value, default: []].append(entry)
      entryCount += 1
    }
    self.byValue = byValue
    self.entryCount = entryCount
    var bloom = [UInt64](repeating: 0, count: Self.bloomBits / 64)
    for var value in byValue.keys {
      let slot = value.withUTF8 { Self.slot(UnsafeRawBufferPointer($0)) }
      bloom[slot >> 6] |= 1 << UInt64(slot & 63)
    }
    self.bloom = bloom
  }

  /// The filter slot of a value's bytes (FNV-1a, folded).
  @inline(__always)
  private static func slot(_ bytes: UnsafeRawBufferPointer) -> Int {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return Int(truncatingIfNeeded: (hash ^ hash >> 29) & UInt64(bloomBits - 1))
  }

  /// Whether `value` (normalised bytes) is listed under `category`; a string is made only when
  /// the filter cannot rule the value out.
  func contains(_ value: UnsafeRawBufferPointer, category: String) -> Bool {
    let slot = Self.slot(value)
    guard bloom[slot >> 6] & (1 << UInt64(slot & 63)) != 0 else { return false }
    return note(for: String(decoding: value, as: UTF8.self), category: category) != nil
  }

  /// The number of listed (value, category) pairs.
  public var count: Int { entryCount }

  /// The note for `value` as a `category` value, or nil if it is not a known sample.
  ///
  /// - Parameters:
  ///   - value: the normalised value (ASCII digits, uppercase `X`/letters, no separators).
  ///   - category: the category id, e.g. `cn_resident_id`.
  public func note(for value: String, category: String) -> String? {
    byValue[value]?.first { $0.category == category }?.note
  }

  /// Every listing, ordered by value and category.
  public var allEntries: [Entry] {
    byValue.values.joined().sorted { ($0.value, $0.category) < ($1.value, $1.category) }
  }

  /// Every listing of `value`, whatever the category.
  public func entries(for value: String) -> [Entry] {
    byValue[value] ?? []
  }
}
