/// One landline (fixed-line) area code.
///
/// - Note: a value type; safe to share across tasks.
public struct AreaCode: Sendable, Hashable {
  /// The code with its trunk prefix 0, such as "010" or "0755".
  public let code: String
  /// The province, such as "广东".
  public let province: String
  /// The city, such as "深圳".
  public let city: String
  /// Whether the code is retired: its area now dials other codes (`replacedBy`), such as 0565
  /// 巢湖 since 2011 and 0634 莱芜 since 2019.
  ///
  /// A retired code stays valid (old records keep the numbers written with it); a finding says
  /// it is retired in its details.
  public let isRetired: Bool
  /// The year a retired code stopped being used, when known.
  public let retiredYear: Int?
  /// The codes a retired code's numbers moved to, such as ["0531"] for 0634; empty for a
  /// current code.
  public let replacedBy: [String]
}

/// PRC landline area codes from `Patterns/tables/cn-landline-area-codes.tsv`.
///
/// 3-digit codes are 010 and 02x (026 is unused); all others have 4 digits (03xx–09xx). The
/// table is checked so that no 4-digit code starts with a 3-digit one, which makes "try 3
/// digits, then 4" unambiguous. Lookups index flat arrays by the code's value: no hashing,
/// no allocation. Retired codes (an area merged into another's code) are kept and marked, as
/// numbers written with them stay in old records.
///
/// - Note: immutable; safe to share across tasks.
public struct LandlineAreaCodes: Sendable {
  /// Where the embedded table lives under `Patterns/`.
  public static let embeddedPath = "tables/cn-landline-area-codes.tsv"

  /// The table embedded in the binary.
  public static let shared: LandlineAreaCodes = ReferenceTable.loadEmbedded(embeddedPath) {
    try LandlineAreaCodes(tsv: $0)
  }

  private let entries: [AreaCode]
  /// Value of a 3-digit code (0…99, the leading 0 contributes nothing) → entry index + 1.
  private let threeDigit: [UInt16]
  /// Value of a 4-digit code (0…999) → entry index + 1.
  private let fourDigit: [UInt16]

  /// Parses the table text.
  ///
  /// - Parameters:
  ///   - tsv: header `code province city status retired replaced_by`.
  ///   - source: The table's name in errors.
  /// - Throws: `TableParseError` for a code that is not 3 or 4 digits starting with 0, that
  ///   repeats, or a 4-digit code that starts with a 3-digit one; an empty province; a status
  ///   other than current/retired; a retirement year or replacement on a current code; or a
  ///   replacement that is not a current code of the table.
  public init(tsv: String, source: String = "cn-landline-area-codes.tsv") throws {
    var entries: [AreaCode] = []
    var threeDigit = [UInt16](repeating: 0, count: 100)
    var fourDigit = [UInt16](repeating: 0, count: 1_000)
    var fourDigitLines: [(value: Int, line: Int)] = []
    var entryLines: [Int] = []
    try ReferenceTable.forEachRow(
      tsv, table: source,
      header: ["code", "province", "city", "status", "retired", "replaced_by"]
    ) { row in
      let value = try row.digits(0, column: "code", lengths: 3...4)
      let digits = row.length(0)
      guard row.bytes[row.start(0)] == UInt8(ascii: "0") else {
        throw row.error("code must start with the trunk prefix 0, got '\(row.string(0))'")
      }
      guard !row.isEmpty(1) else { throw row.error("province is empty") }
      guard entries.count < Int(UInt16.max) else { throw row.error("too many codes") }
      let slot: UInt16
      if digits == 3 {
        guard threeDigit[value] == 0 else { throw row.error("code \(row.string(0)) appears twice") }
        slot = UInt16(entries.count + 1)
        threeDigit[value] = slot
      } else {
        guard fourDigit[value] == 0 else { throw row.error("code \(row.string(0)) appears twice") }
        slot = UInt16(entries.count + 1)
        fourDigit[value] = slot
        fourDigitLines.append((value, row.line))
      }
      let isRetired: Bool
      if row.field(3, is: "retired") {
        isRetired = true
      } else if row.field(3, is: "current") {
        isRetired = false
      } else {
        throw row.error("status must be current or retired, got '\(row.string(3))'")
      }
      let retiredYear = try row.optionalInt(4, column: "retired", range: 1950...9999)
      let replacedBy = row.string(5).split(separator: "|").map(String.init)
      guard isRetired || (retiredYear == nil && replacedBy.isEmpty) else {
        throw row.error("a current code has no retirement year or replacement")
      }
      entryLines.append(row.line)
      entries.append(
        AreaCode(
          code: row.string(0), province: row.string(1), city: row.string(2),
          isRetired: isRetired, retiredYear: retiredYear, replacedBy: replacedBy))
    }
    for (value, line) in fourDigitLines where threeDigit[value / 10] != 0 {
      throw TableParseError(
        table: source, line: line,
        message:
          "4-digit code \(entries[Int(fourDigit[value]) - 1].code) starts with the 3-digit code "
          + entries[Int(threeDigit[value / 10]) - 1].code)
    }
    let current = Set(entries.filter { !$0.isRetired }.map(\.code))
    for (entry, line) in zip(entries, entryLines) {
      for code in entry.replacedBy where !current.contains(code) {
        throw TableParseError(
          table: source, line: line,
          message: "\(entry.code) is replaced by \(code), which is not a current code")
      }
    }
    self.entries = entries
    self.threeDigit = threeDigit
    self.fourDigit = fourDigit
  }

  /// The number of area codes.
  public var count: Int { entries.count }

  /// All area codes in table order.
  public var allAreaCodes: [AreaCode] { entries }

  /// The area code that `digits` starts with, trying 3 digits (010, 02x) then 4.
  ///
  /// - Parameter digits: ASCII digits starting with the trunk 0, e.g. "075512345678"; only
  ///   the first 3–4 are read and must be digits.
  /// - Returns: the area code, or nil if `digits` does not start with 0 and a known code.
  public func lookup(_ digits: UnsafeRawBufferPointer) -> AreaCode? {
    guard digits.count >= 3, digits[0] == UInt8(ascii: "0"),
      let value3 = ValidationBytes.number(digits, 1, 2)
    else { return nil }
    let value4 = digits.count >= 4 ? ValidationBytes.number(digits, 1, 3) : nil
    return match(value3: value3, value4: value4)
  }

  /// The area code that `digits` starts with (see the raw-buffer overload).
  @inlinable
  public func lookup(_ digits: some Collection<UInt8>) -> AreaCode? {
    withValidatorBytes(digits) { lookup($0) }
  }

  /// Like `lookup`, for international or `+86` forms where the trunk 0 is dropped
  /// (`+86-10-12345678`, `86-755-12345678`): `digits` starts with "10", "2x" or "xxx".
  public func lookup(withoutTrunkPrefix digits: UnsafeRawBufferPointer) -> AreaCode? {
    // Read as if a 0 came first: "0" + d0 d1 (d2).
    guard digits.count >= 2, digits[0] != UInt8(ascii: "0"),
      let value3 = ValidationBytes.number(digits, 0, 2)
    else { return nil }
    let value4 = digits.count >= 3 ? ValidationBytes.number(digits, 0, 3) : nil
    return match(value3: value3, value4: value4)
  }

  /// Like `lookup`, without the trunk 0 (see the raw-buffer overload).
  @inlinable
  public func lookup(withoutTrunkPrefix digits: some Collection<UInt8>) -> AreaCode? {
    withValidatorBytes(digits) { lookup(withoutTrunkPrefix: $0) }
  }

  /// The length of the area code that `digits` starts with (3 or 4, counting the trunk 0),
  /// or nil if it starts with no known code.
  public func areaCodeLength(_ digits: UnsafeRawBufferPointer) -> Int? {
    lookup(digits).map { $0.code.utf8.count }
  }

  /// ``areaCodeLength(_:)`` without copying the entry: 3, 4, or 0 when `digits` starts with no
  /// known code.
  @inline(__always)
  func codeLength(_ digits: UnsafeRawBufferPointer) -> Int {
    guard digits.count >= 3, digits[0] == UInt8(ascii: "0"),
      let value3 = ValidationBytes.number(digits, 1, 2)
    else { return 0 }
    if threeDigit[value3] != 0 { return 3 }
    guard digits.count >= 4, let value4 = ValidationBytes.number(digits, 1, 3) else { return 0 }
    return fourDigit[value4] != 0 ? 4 : 0
  }

  /// The length of the area code that `digits` starts with (see the raw-buffer overload).
  @inlinable
  public func areaCodeLength(_ digits: some Collection<UInt8>) -> Int? {
    withValidatorBytes(digits) { areaCodeLength($0) }
  }

  private func match(value3: Int, value4: Int?) -> AreaCode? {
    if value3 < threeDigit.count, threeDigit[value3] != 0 {
      return entries[Int(threeDigit[value3]) - 1]
    }
    if let value4, value4 < fourDigit.count, fourDigit[value4] != 0 {
      return entries[Int(fourDigit[value4]) - 1]
    }
    return nil
  }
}
