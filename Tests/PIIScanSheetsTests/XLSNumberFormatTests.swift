import Testing

@testable import PIIScanSheets

/// Numbers of an .xls written as their cells' formats say: dates (serial day numbers in the
/// file) as dates, zero-padded codes with their zeros. Expected dates from Python's
/// `date(1899, 12, 30) + timedelta(serial)` (serials past 60) and Excel's documented 1900
/// epoch (serial 1 is 1900-01-01, 60 the leap day 1900 never had).
@Suite struct XLSNumberFormatTests {
  /// A FORMAT record: index and code (8-bit characters).
  static func format(_ index: UInt16, _ code: String) -> Record {
    let units = Array(code.utf8)
    return Record(type: 0x041E, data: le16(index) + le16(UInt16(units.count)) + [0] + units)
  }

  /// An XF record using number format `format`.
  static func xf(_ format: UInt16) -> Record {
    Record(type: 0x00E0, data: le16(0) + le16(format) + Array(repeating: 0, count: 16))
  }

  static func number(_ row: Int, _ column: Int, _ value: Double, xf: UInt16) -> Record {
    Record(
      type: 0x0203,
      data: le16(UInt16(row)) + le16(UInt16(column)) + le16(xf) + le64(value.bitPattern))
  }

  static func rk(_ row: Int, _ column: Int, _ n: Int32, xf: UInt16) -> Record {
    Record(
      type: 0x027E,
      data: le16(UInt16(row)) + le16(UInt16(column)) + le16(xf) + le32(RK.int(n)))
  }

  /// XF 0 General, 1 built-in 14 (m/d/yy), 2 yyyy-mm-dd, 3 000000, 4 built-in 22 (date and
  /// time), 5 yyyy"年"m"月"d"日", 6 0.00, 7 built-in 20 (h:mm), 8 00000000000000000 (18 zeros
  /// less one: 17), 9 built-in 49 (@, text).
  static let globals: [Record] = [
    format(164, "yyyy-mm-dd"), format(165, "000000"), format(166, "yyyy\"年\"m\"月\"d\"日\""),
    format(167, "0.00"), format(168, String(repeating: "0", count: 17)),
    xf(0), xf(14), xf(164), xf(165), xf(22), xf(166), xf(167), xf(20), xf(168), xf(49),
  ]

  func text(_ cells: [Record], dateMode: UInt16? = nil) throws -> [String] {
    var extra = Self.globals
    if let dateMode { extra.insert(Record(type: 0x0022, data: le16(dateMode)), at: 0) }
    let workbook = WorkbookStream(sheets: [("表", 0, cells)], globalsExtra: extra)
    let file = workbook.file()
    let book = try file.withUnsafeBytes { try XLSWorkbook(bytes: $0) }
    return String(decoding: try book.sheetText(0), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func datesAreWrittenAsDates() throws {
    let rows = try text([
      Self.number(0, 0, 32939, xf: 1), Self.number(0, 1, 45292, xf: 2),
      Self.number(0, 2, 61, xf: 5), Self.number(0, 3, 1, xf: 2), Self.number(0, 4, 60, xf: 2),
      Self.rk(1, 0, 25569, xf: 2), Self.number(1, 1, 45292.5, xf: 4),
      Self.number(1, 2, 0.75, xf: 7), Self.number(1, 3, 2_958_465, xf: 2),
    ])
    #expect(rows[0] == "1990-03-07\t2024-01-01\t1900-03-01\t1900-01-01\t1900-02-29")
    #expect(rows[1] == "1970-01-01\t2024-01-01 12:00:00\t18:00:00\t9999-12-31")
  }

  @Test func the1904DateSystemCountsFromItsOwnEpoch() throws {
    let rows = try text([Self.number(0, 0, 0, xf: 2), Self.number(0, 1, 31, xf: 2)], dateMode: 1)
    #expect(rows[0] == "1904-01-01\t1904-02-01")
  }

  @Test func zeroPaddedCodesKeepTheirZeros() throws {
    let rows = try text([
      Self.number(0, 0, 12345, xf: 3), Self.rk(0, 1, 440104, xf: 3),
      Self.number(0, 2, 1_234_567_890_123_456, xf: 8),
    ])
    #expect(rows[0] == "012345\t440104\t01234567890123456")
  }

  @Test func otherFormatsLeaveTheNumberAsItIs() throws {
    let rows = try text([
      Self.number(0, 0, 3.5, xf: 6), Self.number(0, 1, 13_912_345_670, xf: 0),
      Self.number(0, 2, 45292, xf: 9), Self.number(0, 3, 45292, xf: 42),
      Self.number(0, 4, -5, xf: 2),
    ])
    // 0.00 and General and text: the number; an XF the workbook lacks: General; a negative
    // serial is no date.
    #expect(rows[0] == "3.5\t13912345670\t45292\t45292\t-5")
  }

  @Test func formatCodesAreReadByTheirTokensNotTheirText() {
    #expect(CellFormat.kind(ofCode: "yyyy/m/d") == .date(time: false))
    #expect(CellFormat.kind(ofCode: "[$-804]yyyy\"年\"m\"月\"d\"日\" hh:mm") == .date(time: true))
    #expect(CellFormat.kind(ofCode: "mm:ss") == .time)
    #expect(CellFormat.kind(ofCode: "\"day\"0") == .general)  // quoted text is no token
    #expect(CellFormat.kind(ofCode: "General") == .general)
    #expect(CellFormat.kind(ofCode: "000000;-000000") == .padded(6))
    #expect(CellFormat.kind(ofCode: "#,##0.00") == .general)
  }
}
