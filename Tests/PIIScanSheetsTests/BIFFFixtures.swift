// Test support: a compound-file (OLE2) writer and a BIFF8 record writer, to build .xls files
// in the tests themselves.

func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
func le32(_ v: UInt32) -> [UInt8] {
  [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
}
func le64(_ v: UInt64) -> [UInt8] { le32(UInt32(v & 0xFFFF_FFFF)) + le32(UInt32(v >> 32)) }

/// Writes a version-3 compound file (512-byte sectors) whose root storage holds `streams`.
/// Streams below 4096 bytes go to the mini stream, the others to regular sectors; a FAT longer
/// than the header's 109 entries continues in DIFAT sectors.
enum CompoundFileWriter {
  static let end: UInt32 = 0xFFFF_FFFE
  static let free: UInt32 = 0xFFFF_FFFF

  static func write(_ streams: [(String, [UInt8])]) -> [UInt8] {
    let sector = 512
    func sectors(_ n: Int) -> Int { (n + sector - 1) / sector }

    // The mini stream and its MiniFAT.
    var mini: [UInt8] = []
    var miniFAT: [UInt32] = []
    var starts: [UInt32] = Array(repeating: end, count: streams.count)
    for (k, (_, data)) in streams.enumerated() where data.count < 4096 && !data.isEmpty {
      let first = miniFAT.count
      let count = (data.count + 63) / 64
      for j in 0..<count { miniFAT.append(j == count - 1 ? end : UInt32(first + j + 1)) }
      starts[k] = UInt32(first)
      mini += data + Array(repeating: 0, count: count * 64 - data.count)
    }
    let miniFATBytes = miniFAT.flatMap(le32)

    // Regular sectors: big streams, the mini stream, the MiniFAT, the directory.
    var body: [UInt8] = []
    var fat: [UInt32] = []
    func place(_ data: [UInt8]) -> UInt32 {
      guard !data.isEmpty else { return end }
      let first = fat.count
      let n = sectors(data.count)
      for j in 0..<n { fat.append(j == n - 1 ? end : UInt32(first + j + 1)) }
      body += data + Array(repeating: 0, count: n * sector - data.count)
      return UInt32(first)
    }
    for (k, (_, data)) in streams.enumerated() where data.count >= 4096 {
      starts[k] = place(data)
    }
    let miniStart = place(mini)
    let miniFATStart = place(miniFATBytes)
    var directory: [UInt8] = []
    directory += entry(
      "Root Entry", type: 5, child: streams.isEmpty ? free : 1, right: free, start: miniStart,
      size: mini.count)
    for (k, (name, data)) in streams.enumerated() {
      directory += entry(
        name, type: 2, child: free, right: k + 1 < streams.count ? UInt32(k + 2) : free,
        start: starts[k], size: data.count)
    }
    while directory.count % sector != 0 { directory += emptyEntry() }
    let directoryStart = place(directory)

    // FAT and DIFAT sectors, sized until they cover themselves.
    let dataSectors = fat.count
    var fatSectors = 1
    var difatSectors = 0
    while true {
      let total = dataSectors + fatSectors + difatSectors
      let needFAT = (total + 127) / 128
      let needDIFAT = max(0, (needFAT - 109 + 126) / 127)
      if needFAT == fatSectors && needDIFAT == difatSectors { break }
      fatSectors = needFAT
      difatSectors = needDIFAT
    }
    let fatStart = dataSectors
    for _ in 0..<fatSectors { fat.append(0xFFFF_FFFD) }
    let difatStart = fat.count
    for _ in 0..<difatSectors { fat.append(0xFFFF_FFFC) }
    while fat.count % 128 != 0 { fat.append(free) }
    let fatIds = (0..<fatSectors).map { UInt32(fatStart + $0) }
    var difat: [UInt8] = []
    var rest = Array(fatIds.dropFirst(109))
    for d in 0..<difatSectors {
      let chunk = Array(rest.prefix(127))
      rest.removeFirst(chunk.count)
      difat += chunk.flatMap(le32) + Array(repeating: 0xFF, count: (127 - chunk.count) * 4)
      difat += le32(d + 1 < difatSectors ? UInt32(difatStart + d + 1) : end)
    }

    var header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    header += Array(repeating: 0, count: 16)
    header += le16(0x003E) + le16(3) + le16(0xFFFE) + le16(9) + le16(6)
    header += Array(repeating: 0, count: 6)
    header += le32(0) + le32(UInt32(fatSectors)) + le32(directoryStart) + le32(0) + le32(4096)
    header += le32(miniFATStart) + le32(UInt32(sectors(miniFATBytes.count)))
    header += le32(difatSectors > 0 ? UInt32(difatStart) : end) + le32(UInt32(difatSectors))
    for k in 0..<109 { header += le32(k < fatIds.count ? fatIds[k] : free) }
    return header + body + fat.flatMap(le32) + difat
  }

  private static func entry(
    _ name: String, type: UInt8, child: UInt32, right: UInt32, start: UInt32, size: Int
  ) -> [UInt8] {
    var e: [UInt8] = []
    let units = Array(name.utf16)
    e += units.flatMap(le16) + [0, 0]
    e += Array(repeating: 0, count: 64 - e.count)
    e += le16(UInt16((units.count + 1) * 2)) + [type, 1]
    e += le32(free) + le32(right) + le32(child)
    e += Array(repeating: 0, count: 16 + 4 + 16)
    e += le32(start) + le32(UInt32(size)) + le32(0)
    return e
  }

  private static func emptyEntry() -> [UInt8] {
    Array(repeating: 0, count: 64) + [0, 0, 0, 0] + le32(free) + le32(free) + le32(free)
      + Array(repeating: 0, count: 48)
  }
}

/// One BIFF8 record.
struct Record {
  var type: UInt16
  var data: [UInt8]

  var bytes: [UInt8] { le16(type) + le16(UInt16(data.count)) + data }

  static func bof(_ kind: UInt16, version: UInt16 = 0x0600) -> Record {
    Record(
      type: 0x0809,
      data: le16(version) + le16(kind) + le16(0x0DBB) + le16(0x07CC) + le32(0) + le32(0x06))
  }
  static let eof = Record(type: 0x000A, data: [])

  static func cell(_ row: Int, _ column: Int) -> [UInt8] {
    le16(UInt16(row)) + le16(UInt16(column)) + le16(15)
  }
  static func labelSST(_ row: Int, _ column: Int, _ index: Int) -> Record {
    Record(type: 0x00FD, data: cell(row, column) + le32(UInt32(index)))
  }
  static func number(_ row: Int, _ column: Int, _ value: Double) -> Record {
    Record(type: 0x0203, data: cell(row, column) + le64(value.bitPattern))
  }
  static func rk(_ row: Int, _ column: Int, _ rk: UInt32) -> Record {
    Record(type: 0x027E, data: cell(row, column) + le32(rk))
  }
  static func mulRK(_ row: Int, _ first: Int, _ values: [UInt32]) -> Record {
    var data = le16(UInt16(row)) + le16(UInt16(first))
    for v in values { data += le16(15) + le32(v) }
    return Record(type: 0x00BD, data: data + le16(UInt16(first + values.count - 1)))
  }
  static func boolErr(_ row: Int, _ column: Int, _ value: UInt8, error: Bool) -> Record {
    Record(type: 0x0205, data: cell(row, column) + [value, error ? 1 : 0])
  }
  /// A FORMULA record with a cached number, or with the special result `kind` (0 string,
  /// 1 boolean, 2 error, 3 empty string) and `value`.
  static func formula(_ row: Int, _ column: Int, number: Double) -> Record {
    Record(type: 0x0006, data: cell(row, column) + le64(number.bitPattern) + formulaTail)
  }
  static func formula(_ row: Int, _ column: Int, kind: UInt8, value: UInt8 = 0) -> Record {
    Record(
      type: 0x0006,
      data: cell(row, column) + [kind, 0, value, 0, 0, 0, 0xFF, 0xFF] + formulaTail)
  }
  private static let formulaTail: [UInt8] = le16(0) + le32(0) + le16(3) + [0x1E, 0x01, 0x00]
  static func string(_ text: String) -> Record {
    Record(type: 0x0207, data: unicodeString(text))
  }
  static func label(_ row: Int, _ column: Int, _ text: String) -> Record {
    Record(type: 0x0204, data: cell(row, column) + unicodeString(text))
  }
  static func blank(_ row: Int, _ column: Int) -> Record {
    Record(type: 0x0201, data: cell(row, column))
  }

  /// An XLUnicodeString: compressed when every character fits in a byte, else UTF-16LE.
  static func unicodeString(_ text: String) -> [UInt8] {
    let units = Array(text.utf16)
    let compressed = units.allSatisfy { $0 < 0x100 }
    return le16(UInt16(units.count)) + [compressed ? 0 : 1]
      + (compressed ? units.map { UInt8($0) } : units.flatMap(le16))
  }

  static func boundSheet(_ name: String, offset: Int, type: UInt8 = 0) -> Record {
    let units = Array(name.utf16)
    let compressed = units.allSatisfy { $0 < 0x100 }
    return Record(
      type: 0x0085,
      data: le32(UInt32(offset)) + [0, type, UInt8(units.count), compressed ? 0 : 1]
        + (compressed ? units.map { UInt8($0) } : units.flatMap(le16)))
  }
}

/// RK encodings, written out by hand.
enum RK {
  static func int(_ n: Int32) -> UInt32 { UInt32(bitPattern: n << 2) | 2 }
  static func int100(_ n: Int32) -> UInt32 { UInt32(bitPattern: n << 2) | 3 }
  /// For doubles whose low 34 bits are zero.
  static func double(_ d: Double) -> UInt32 { UInt32(truncatingIfNeeded: d.bitPattern >> 32) & ~3 }
  static func double100(_ d: Double) -> UInt32 { double(d) | 1 }
}

/// Writes an SST record and its CONTINUE records with at most `limit` bytes of data each, as
/// Excel does: a string's header never splits, its characters split with a flags byte at the
/// start of the next record, rich-text runs and phonetic data split anywhere.
struct SSTWriter {
  struct Item {
    var text: String
    var runs: Int = 0
    var phonetic: [UInt8] = []
  }

  var limit = 8224
  /// Write continuation characters compressed when they all fit in a byte, even when the
  /// string began as UTF-16 (Excel may switch).
  var recompressContinuations = false
  /// Let a header end a record with none of its characters (they start in the next record,
  /// after the flags byte).
  var headerMayEndRecord = false

  func records(_ items: [Item]) -> [Record] {
    var records: [Record] = []
    var current: [UInt8] = le32(UInt32(items.count * 2)) + le32(UInt32(items.count))
    var type: UInt16 = 0x00FC
    func flush() {
      records.append(Record(type: type, data: current))
      current = []
      type = 0x003C
    }
    func raw(_ bytes: [UInt8]) {
      var rest = bytes[...]
      while !rest.isEmpty {
        if current.count == limit { flush() }
        let take = min(limit - current.count, rest.count)
        current += rest.prefix(take)
        rest = rest.dropFirst(take)
      }
    }
    for item in items {
      let units = Array(item.text.utf16)
      var wide = !units.allSatisfy { $0 < 0x100 }
      var flags: UInt8 = wide ? 1 : 0
      var header = le16(UInt16(units.count))
      if item.runs > 0 { flags |= 8 }
      if !item.phonetic.isEmpty { flags |= 4 }
      header.append(flags)
      if item.runs > 0 { header += le16(UInt16(item.runs)) }
      if !item.phonetic.isEmpty { header += le32(UInt32(item.phonetic.count)) }
      let firstChar = units.isEmpty ? 0 : (wide ? 2 : 1)
      if current.count + header.count + (headerMayEndRecord ? 0 : firstChar) > limit { flush() }
      current += header
      var k = 0
      while k < units.count {
        let size = wide ? 2 : 1
        let room = (limit - current.count) / size
        if room == 0 {
          flush()
          if recompressContinuations { wide = !units[k...].allSatisfy { $0 < 0x100 } }
          current.append(wide ? 1 : 0)
          continue
        }
        let take = min(room, units.count - k)
        for u in units[k..<(k + take)] { current += wide ? le16(u) : [UInt8(u)] }
        k += take
      }
      var runs: [UInt8] = []
      for r in 0..<item.runs { runs += le16(UInt16(r)) + le16(0) }
      raw(runs)
      raw(item.phonetic)
    }
    flush()
    return records
  }
}

/// A workbook stream: globals (BOF, optional extra records, BOUNDSHEETs, SST, EOF), then each
/// sheet's substream (BOF, its records, EOF).
struct WorkbookStream {
  var sheets: [(name: String, type: UInt8, records: [Record])] = []
  var sst: [Record] = []
  var globalsExtra: [Record] = []
  var version: UInt16 = 0x0600

  func bytes() -> [UInt8] {
    func globals(_ offsets: [Int]) -> [UInt8] {
      var out = Record.bof(0x0005, version: version).bytes
      for r in globalsExtra { out += r.bytes }
      for (k, sheet) in sheets.enumerated() {
        out += Record.boundSheet(sheet.name, offset: offsets[k], type: sheet.type).bytes
      }
      for r in sst { out += r.bytes }
      return out + Record.eof.bytes
    }
    var offsets = Array(repeating: 0, count: sheets.count)
    var at = globals(offsets).count
    var substreams: [UInt8] = []
    for (k, sheet) in sheets.enumerated() {
      offsets[k] = at
      var s = Record.bof(sheet.type == 2 ? 0x0020 : 0x0010, version: version).bytes
      for r in sheet.records { s += r.bytes }
      s += Record.eof.bytes
      substreams += s
      at += s.count
    }
    return globals(offsets) + substreams
  }

  /// The stream in a compound file named `Workbook`, with the usual other streams beside it.
  func file(streamName: String = "Workbook", padTo: Int = 0) -> [UInt8] {
    var stream = bytes()
    if stream.count < padTo { stream += Array(repeating: 0, count: padTo - stream.count) }
    return CompoundFileWriter.write([
      ("\u{5}SummaryInformation", Array(repeating: 0, count: 200)),
      (streamName, stream),
      ("\u{5}DocumentSummaryInformation", Array(repeating: 0, count: 100)),
    ])
  }
}
