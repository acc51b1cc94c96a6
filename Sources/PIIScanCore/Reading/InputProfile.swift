import PIIScanText

/// What the start of an input says about all of it, read once before the input is cut into
/// chunks so that every worker knows it (docs/FORMATS.md §6.1): for delimited text, the
/// delimiter and the header row, so that a value in the 4th column is known to sit under "sfzh".
///
/// The profile is made from the first ``sniffLength`` bytes only, whatever the chunk size, so
/// findings never depend on how the input is cut.
public struct InputProfile: Sendable, Equatable {
  /// How many bytes of the input's start are read to make the profile.
  public static let sniffLength = 64 << 10

  /// Whether the input looks binary: NUL bytes that are not UTF-16's, or many control bytes.
  public var isBinary = false
  /// The text encoding of the input (GB18030, UTF-16 … are decoded by each worker).
  public var encoding = EncodingReport(
    encoding: .utf8, mixedLines: false, bomLength: 0, confidence: 1, reason: "default")
  /// The input's shape: what a record is, where field names are.
  public var format: InputFormat = .text
  /// The tables and `INSERT` statements of an SQL dump (filled by the pipeline's pre-scan).
  public var sql = SQLSchema()
  /// The field delimiter of delimited text with a header row (`,`, tab, `|` or `;`).
  public var delimiter: UInt8?
  /// The header row's column names, lower-cased, quotes and spaces removed; for a list
  /// without a header (a `----` combo list), names inferred from the values.
  public var columns: [[UInt8]] = []
  /// Whether the first line is a header row (not a record).
  public var headerRow = true
  /// Where the records start when title rows stand above the header row (an exported sheet's
  /// title and date lines): the stored offset just past the header row; nil when the header
  /// is the first line. Lines before it are no records.
  public var headerEnd: Int64?
  /// Whether quoted cells may span lines: some line of the sniffed prefix leaves a quote open.
  public var multilineCells = false
  /// The header row as written (decoded, without its line end): a line equal to it further
  /// down (the header repeated by a dump of several exports) is no record either.
  public var headerLine: [UInt8] = []
  /// For combo lists: how many delimiter bytes in a row make a separator (`----`); 1 otherwise.
  public var delimiterRun = 1
  /// Whether this is a spreadsheet's sheet text: columns are then cells, not characters.
  public var isSheet = false
  /// Whether this is a combo list (`----` or `:` separated, rows of mixed layouts, no header):
  /// its fields are read by their place and their own shape.
  public var isCombo = false
  /// For a combo list: the category of each field position that most rows agree on (a name
  /// column, an address column), inferred from the rows of the sniffed prefix; nil elsewhere.
  public var comboCategories: [SoftCategory?] = []

  public static let unstructured = InputProfile()

  public init() {}

  /// The profile of a spreadsheet's sheet text (UTF-8, tab-separated, row N on line N): a
  /// delimited table whatever its first lines look like, whose rows may stop before the last
  /// column (a sheet writes no trailing empty cells).
  public static func sniffSheet(_ prefix: UnsafeRawBufferPointer) -> InputProfile {
    var profile = sniffDelimited(prefix, sheet: true)
    profile.format = .delimited
    profile.isSheet = true
    profile.encoding = EncodingReport(
      encoding: .utf8, mixedLines: false, bomLength: 0, confidence: 1, reason: "spreadsheet")
    return profile
  }

  /// Reads the profile from the first bytes of an input.
  public static func sniff(_ prefix: UnsafeRawBufferPointer) -> InputProfile {
    let report = EncodingDetector.detect(prefix)
    // A byte order mark the content contradicts is not text (EncodingReport.bomContradicted).
    let text = UnsafeRawBufferPointer(
      rebasing: prefix[(report.bomContradicted ? min(report.bomLength, prefix.count) : 0)...])
    let isBinary = report.looksBinary || (!report.encoding.isUTF16 && looksBinary(text))
    // Structure is read from the text, decoded when the input is not UTF-8.
    var profile: InputProfile
    let transcoder = Transcoder()
    let utf8: UnsafeRawBufferPointer
    // Where a position of the decoded prefix is in the stored input.
    let stored: (Int) -> Int64
    let textStart = prefix.baseAddress.map { text.baseAddress! - $0 } ?? 0
    if report.encoding == .utf8 || report.encoding == .utf8BOM {
      var bytes = text
      if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
        bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
      }
      utf8 = bytes
      let start = textStart + (text.count - bytes.count)
      stored = { Int64(start + $0) }
      profile = sniffText(bytes)
    } else {
      let decoded = transcoder.transcode(
        text, encoding: report.encoding, mixedLines: report.mixedLines,
        alignmentOrigin: report.bomLength & 1)
      utf8 = decoded.utf8
      stored = { Int64(textStart + decoded.storedOffset(forUTF8: $0)) }
      profile = sniffText(utf8)
      profile.sql = SQLSchema()
    }
    if let end = profile.headerEnd { profile.headerEnd = stored(Int(end)) }
    // SQL statement offsets are stored offsets: read them from the stored bytes, which hold
    // the keywords as ASCII in every encoding but UTF-16.
    if profile.format == .sql && !report.encoding.isUTF16 { profile.sql.scan(prefix, base: 0) }
    // Tables without a schema are named from their values, read from the decoded text (a
    // dump whose lines mix UTF-8 and GBK names its columns by both kinds of line).
    if profile.format == .sql { profile.sql.inferColumns(fromUTF8: utf8) }
    withExtendedLifetime(transcoder) {}
    profile.encoding = report
    profile.isBinary = isBinary
    return profile
  }

  /// Format, delimiter and header of UTF-8 text.
  private static func sniffText(_ bytes: UnsafeRawBufferPointer) -> InputProfile {
    var profile = sniffDelimited(bytes)
    profile.format = InputFormat.sniff(bytes, delimited: profile.delimiter != nil)
    if profile.format != .delimited {
      profile.delimiter = nil
      profile.columns = []
    }
    if profile.format == .text || profile.format == .keyValue, let combo = sniffCombo(bytes) {
      profile = combo
    }
    return profile
  }

  /// A combo list — `account----password----name` lines without a header. Rows of one list
  /// mix layouts (`email----pass----name`, `mobile----pass`, `name----ID`), so its columns are
  /// not named; each field is judged by its own shape and its neighbour (``comboColumn``).
  ///
  /// Fields are joined by `----` (two fields or more) or by `:` (three or more, so that
  /// `key: value` text is no combo list), with no spaces in the line. Where most rows agree on
  /// what a field position holds (a name, an address), ``comboCategories`` says so.
  static func sniffCombo(_ bytes: UnsafeRawBufferPointer) -> InputProfile? {
    let lines = bytes.split(separator: 0x0A).prefix(400).filter { !$0.isEmpty }
    for (delimiter, run, fewest) in [(UInt8(0x2D), 4, 2), (UInt8(0x3A), 1, 3)] {
      var rows: [[ArraySlice<UInt8>]] = []
      var keyed = 0
      for line in lines {
        var text = Array(line)
        if text.last == 0x0D { text.removeLast() }
        // No spaces: credentials dumps, not log lines with "---" or "12:30:00".
        guard !text.contains(0x20) else { continue }
        let fields = splitRuns(text, delimiter: delimiter, run: run)
        guard fields.count >= fewest else { continue }
        if HeaderDictionary.isKnown(fields[0]) { keyed += 1 }
        rows.append(fields.map { $0[...] })
      }
      guard rows.count >= 5, rows.count * 10 >= lines.count * 8, keyed * 5 < rows.count else {
        continue
      }
      var profile = InputProfile()
      profile.format = .delimited
      profile.delimiter = delimiter
      profile.delimiterRun = run
      profile.isCombo = true
      profile.columns = Array(repeating: comboColumn, count: 8)
      profile.headerRow = false
      let inferred = ColumnInference.infer(rows: rows, columnCount: 8)
      if inferred.contains(where: { $0 != nil }) { profile.comboCategories = inferred }
      return profile
    }
    return nil
  }

  /// The name of every column of a combo list: no header says what it holds.
  static let comboColumn: [UInt8] = Array("*".utf8)

  /// `bytes` split at runs of at least `run` `delimiter` bytes.
  static func splitRuns(_ bytes: [UInt8], delimiter: UInt8, run: Int) -> [[UInt8]] {
    var fields: [[UInt8]] = []
    var current: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if bytes[i] == delimiter {
        var j = i
        while j < bytes.count && bytes[j] == delimiter { j += 1 }
        if j - i >= run {
          fields.append(current)
          current = []
        } else {
          current.append(contentsOf: bytes[i..<j])
        }
        i = j
      } else {
        current.append(bytes[i])
        i += 1
      }
    }
    fields.append(current)
    return fields
  }

  /// NUL bytes (unless they fall on every other byte, as in UTF-16 text), or more than one byte
  /// in ten a control character other than tab, newline, carriage return, form feed and escape.
  static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard !bytes.isEmpty else { return false }
    var zeros = (0, 0)
    var controls = 0
    for (index, b) in bytes.enumerated() {
      if b == 0 {
        if index & 1 == 0 { zeros.0 += 1 } else { zeros.1 += 1 }
      } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
        controls += 1
      }
    }
    let total = zeros.0 + zeros.1
    if total > 0 {
      // UTF-16: zeros nearly all at one parity, in a good share of the units.
      let (high, low) = (max(zeros.0, zeros.1), min(zeros.0, zeros.1))
      let isUTF16 = high * 5 >= bytes.count / 2 && low * 20 <= high
      if !isUTF16 { return true }
    }
    return controls * 10 > bytes.count
  }

  /// The delimiter and column names of delimited text: from its header row, or, for a table
  /// without one, inferred from the values (``ColumnInference``); columns whose header says
  /// nothing the dictionary knows are inferred too.
  private static func sniffDelimited(_ bytes: UnsafeRawBufferPointer, sheet: Bool = false)
    -> InputProfile
  {
    var profile = InputProfile()
    // Whole lines of the prefix (the last one may be cut by the prefix's end).
    var lines: [Range<Int>] = []
    var start = 0
    while start < bytes.count && lines.count <= ColumnInference.maximumRows {
      guard let end = bytes[start...].firstIndex(of: 0x0A) else { break }
      var line = start..<end
      if !line.isEmpty && bytes[line.upperBound - 1] == 0x0D {
        line = line.lowerBound..<(line.upperBound - 1)
      }
      lines.append(line)
      start = end + 1
    }
    // A last line without its newline counts when it is the second (a header and one row), or
    // for a sheet (whose text ends without one) the only line.
    if start < bytes.count && (lines.count == 1 || (sheet && lines.isEmpty)) {
      lines.append(start..<bytes.count)
    }
    guard lines.count >= (sheet ? 1 : 2) else { return profile }
    // Title rows above the header (an export's title, its date): the header is then the first
    // of the first five lines that splits like the line below it and names a column the
    // dictionary knows.
    if let title = titleRows(bytes, lines, sheet: sheet), title > 0 {
      lines.removeFirst(title)
      profile.headerEnd = Int64(lines.count > 1 ? lines[1].lowerBound : bytes.count)
    }
    let header = UnsafeRawBufferPointer(rebasing: bytes[lines[0]])
    var best: (delimiter: UInt8, count: Int)?
    if sheet {
      // Tabs, as many columns as the widest row.
      let widest =
        lines.map { fields(UnsafeRawBufferPointer(rebasing: bytes[$0]), 0x09).count }.max() ?? 1
      best = (0x09, widest)
    } else {
      let second = UnsafeRawBufferPointer(rebasing: bytes[lines[1]])
      // When the first row's quoted cell spans lines, the first row below whose quotes are
      // balanced and that starts no cell of its own.
      let whole = lines.dropFirst().prefix(8).first { line in
        bytes[line].filter { $0 == 0x22 }.count % 2 == 0 && bytes[line].first != 0x22
          && fields(UnsafeRawBufferPointer(rebasing: bytes[line]), 0x2C).count > 1
      }
      let spans = second.filter { $0 == 0x22 }.count % 2 == 1
      let below = spans ? whole.map { UnsafeRawBufferPointer(rebasing: bytes[$0]) } : nil
      for delimiter: UInt8 in [0x2C, 0x09, 0x7C, 0x3B] {
        let count = fields(header, delimiter).count
        // A header and its first row split into the same number of fields.
        let rowCount = fields(below ?? second, delimiter).count
        if count >= 2, count == rowCount, count > (best?.count ?? 1) {
          best = (delimiter, count)
        }
      }
    }
    guard let best else { return profile }
    let rows: [[ArraySlice<UInt8>]] = lines.compactMap { line in
      let text = UnsafeRawBufferPointer(rebasing: bytes[line])
      var cells = fields(text, best.delimiter).map { Array(text[$0])[...] }
      // A sheet's rows stop at their last cell; a delimited file's must be whole.
      if sheet && cells.count < best.count {
        cells += Array(repeating: [][...], count: best.count - cells.count)
      }
      return cells.count == best.count ? cells : nil
    }
    guard !rows.isEmpty else { return profile }
    var names = fields(header, best.delimiter).map { range in
      Array(header[range]).filter { $0 != 0x22 && $0 != 0x20 && $0 != 0x0D }.map(
        ByteClass.lowercased)
    }
    if names.count < best.count { names += Array(repeating: [], count: best.count - names.count) }
    let known = names.map { HeaderDictionary.isKnown($0) }
    // Header names are short labels, not values: no empty names, no long or numeric ones.
    let plausible = names.allSatisfy { name in
      (sheet || !name.isEmpty) && name.count <= 64
        && (name.isEmpty || !name.allSatisfy(ByteClass.isDigit))
    }
    profile.multilineCells =
      best.delimiter != 0x09 && !sheet
      && lines.contains { line in bytes[line].filter { $0 == 0x22 }.count % 2 == 1 }
    if plausible && known.contains(true) {
      profile.headerLine = Array(header)
      // A header row: columns it leaves unexplained are inferred from the rows below it.
      let inferred = ColumnInference.infer(
        rows: Array(rows.dropFirst()), columnCount: best.count, consider: { !known[$0] })
      profile.delimiter = best.delimiter
      profile.columns = names.indices.map { i in inferred[i].map(ColumnInference.header) ?? names[i]
      }
      return profile
    }
    // No known header: infer from every row; the first row is data when its cells fit what
    // the rows below it hold, else a header the dictionary does not know.
    let below = ColumnInference.infer(rows: Array(rows.dropFirst()), columnCount: best.count)
    let inferredColumns = below.indices.filter { below[$0] != nil }
    let fitting = inferredColumns.filter { i in
      i < rows[0].count && ColumnInference.matches(ColumnInference.trimmed(rows[0][i]), below[i]!)
    }
    let firstIsData =
      !plausible || (!inferredColumns.isEmpty && fitting.count * 2 >= inferredColumns.count)
    if firstIsData {
      let inferred = ColumnInference.infer(rows: rows, columnCount: best.count)
      guard inferred.contains(where: { $0 != nil }) || sheet else { return profile }
      profile.delimiter = best.delimiter
      profile.columns = inferred.map { $0.map(ColumnInference.header) ?? [] }
      profile.headerRow = false
      return profile
    }
    profile.delimiter = best.delimiter
    profile.columns = names.indices.map { i in below[i].map(ColumnInference.header) ?? names[i] }
    return profile
  }

  /// How many title rows stand above the header row among the first five `lines`: the index of
  /// the first line that splits into at least two fields, as many as the line below it (for a
  /// sheet, whose rows stop at their last cell: at least as many), one of which the header
  /// dictionary knows; nil when none does.
  static func titleRows(_ bytes: UnsafeRawBufferPointer, _ lines: [Range<Int>], sheet: Bool)
    -> Int?
  {
    for index in 0..<min(5, lines.count - 1) {
      let line = UnsafeRawBufferPointer(rebasing: bytes[lines[index]])
      let next = UnsafeRawBufferPointer(rebasing: bytes[lines[index + 1]])
      for delimiter: UInt8 in sheet ? [0x09] : [0x2C, 0x09, 0x7C, 0x3B] {
        let names = fields(line, delimiter)
        let below = fields(next, delimiter).count
        guard names.count >= 2, sheet ? below >= 2 : below == names.count else { continue }
        let known = names.contains { range in
          HeaderDictionary.isKnown(
            Array(line[range]).filter { $0 != 0x22 && $0 != 0x20 && $0 != 0x0D })
        }
        if known { return index }
      }
    }
    return nil
  }

  /// The byte ranges of the fields of `line`, split on `delimiter` outside double quotes.
  static func fields(_ line: UnsafeRawBufferPointer, _ delimiter: UInt8) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    var quoted = false
    for (index, byte) in line.enumerated() {
      if byte == 0x22 {
        quoted.toggle()
      } else if byte == delimiter && !quoted {
        ranges.append(start..<index)
        start = index + 1
      }
    }
    ranges.append(start..<line.count)
    return ranges
  }
}
