/// Delimited text with a header row (CSV, TSV, `|` and `;` separated): a record is a row, a
/// field is a column named by the header (or by its inferred category). Quoted cells may hold
/// the delimiter and newlines (``continuation(_:_:_:)``).
enum DelimitedRecords: RecordFormat {
  static func forEachField(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>, _ body: FieldBody
  ) {
    forEachCell(profile, in: w, owned: owned) { column, value, record in
      profile.columns[column].withUnsafeBytes { body($0, RecordReach.empty, value, record) }
    }
  }

  static func locate(_ profile: InputProfile, _ p: Int, in w: ByteWindow) -> FieldContext {
    guard let start = RecordReach.realLineStart(p, w) else { return FieldContext() }
    if profile.multilineCells, let row = continuation(profile, start, w) {
      // Inside a cell continued from an earlier line: that cell's row and column.
      let name = row.column < profile.columns.count ? profile.columns[row.column] : nil
      return FieldContext(record: w.absolute(row.record), field: name)
    }
    return FieldContext(record: w.absolute(start), field: column(profile, p, lineStart: start, w))
  }

  /// The header of the column holding `p`.
  private static func column(
    _ profile: InputProfile, _ p: Int, lineStart: Int, _ w: ByteWindow
  ) -> [UInt8]? {
    guard let delimiter = profile.delimiter else { return nil }
    var column = 0
    var quoted = false
    var i = lineStart
    while i < p {
      let b = w[i]
      if b == 0x22 {
        quoted.toggle()
      } else if b == delimiter && !quoted {
        var j = i
        while j < p && w[j] == delimiter { j += 1 }
        if j - i >= profile.delimiterRun { column += 1 }
        i = j
        continue
      }
      i += 1
    }
    return column < profile.columns.count ? profile.columns[column] : nil
  }

  /// Each cell of the rows overlapping `owned`: its column, its value's range (quotes
  /// removed) and the row's start. A separator is a run of at least `delimiterRun` delimiter
  /// bytes (one for CSV, the `----` of a combo list).
  static func forEachCell(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>,
    _ body: (_ column: Int, _ value: Range<Int>, _ record: Int) -> Void
  ) {
    guard let delimiter = profile.delimiter else { return }
    let columns = profile.columns.count
    let run = profile.delimiterRun
    RecordReach.forEachLine(w, owned) { line in
      // The header row names the columns; it is no record, nor are title rows above it, nor
      // the header repeated further down (a dump of several exports).
      if profile.headerRow {
        if let end = profile.headerEnd {
          if w.absolute(line.lowerBound) < end { return }
        } else if w.startsInput
          && (line.lowerBound == 0 || (line.lowerBound == 3 && w[0] == 0xEF))
        {
          return
        }
        if line.count == profile.headerLine.count && !line.isEmpty
          && profile.headerLine.withUnsafeBytes({ $0.elementsEqual(w.bytes[line]) })
        {
          return
        }
      }
      // A line of a combo list without a separator ("----") is no row of it (a file that
      // starts as a combo list may go on as anything).
      if (run > 1 || profile.isCombo) && !w.containsRun(of: delimiter, run, in: line) { return }
      var i = line.lowerBound
      var column = 0
      var record = line.lowerBound
      if profile.multilineCells, let row = continuation(profile, line.lowerBound, w) {
        // The rest of a quoted cell that began on an earlier line, then the row's next cells.
        var j = i
        while j < line.upperBound {
          if w[j] == 0x22 {
            if w[j + 1] == 0x22 {
              j += 2
              continue
            }
            break
          }
          j += 1
        }
        body(row.column, i..<min(j, line.upperBound), row.record)
        guard j < line.upperBound else { return }
        i = j + 1
        while i < line.upperBound && w[i] != delimiter { i += 1 }
        i += 1
        column = row.column + 1
        record = row.record
      }
      while i <= line.upperBound && column < columns && i - line.lowerBound <= RecordReach.reach {
        var value: Range<Int>
        if i < line.upperBound && w[i] == 0x22 {
          var j = i + 1
          while j < line.upperBound {
            if w[j] == 0x22 {
              if w[j + 1] == 0x22 {
                j += 2
                continue
              }
              break
            }
            j += 1
          }
          value = (i + 1)..<min(j, line.upperBound)
          i = j + 1
          while i < line.upperBound && w[i] != delimiter { i += 1 }
        } else {
          var j = i
          while j < line.upperBound {
            if w[j] == delimiter {
              var k = j
              while k < line.upperBound && w[k] == delimiter { k += 1 }
              if k - j >= run { break }
              j = k
              continue
            }
            j += 1
          }
          value = i..<j
          i = j
        }
        body(column, value, record)
        column += 1
        // Past the separator (a run of delimiters in a combo list).
        var skipped = 0
        while i < line.upperBound && w[i] == delimiter && skipped < max(run, 1) * 4 {
          i += 1
          skipped += 1
          if run == 1 { break }
        }
        if skipped == 0 { i += 1 }
      }
    }
  }
}

extension DelimitedRecords {
  /// Where the line starting at `lineStart` is, when it starts inside a quoted cell opened on an
  /// earlier line (a remark with a newline in it): the start of the row it continues and the
  /// column of the open cell; nil when it starts a row.
  ///
  /// Found by reading forward from the nearest earlier line that is a whole row (its quotes
  /// balanced, as many cells as there are columns) or the header, within
  /// ``RecordReach/lookBack`` bytes of the line (and 32 lines): the same bytes in every chunk.
  /// With no such line in reach, the line is taken to start a row.
  static func continuation(_ profile: InputProfile, _ lineStart: Int, _ w: ByteWindow) -> (
    record: Int, column: Int
  )? {
    guard let delimiter = profile.delimiter, lineStart > 0 else { return nil }
    let lowest = lineStart - RecordReach.lookBack
    // Back over earlier lines to an anchor.
    var starts: [Int] = []
    var end = lineStart - 1  // the newline ending the line before
    var anchor: Int?
    while end >= 0 && end > lowest && starts.count < 32 {
      var start = end
      while start > max(lowest, 0) && w[start - 1] != 0x0A { start -= 1 }
      let real = (start > 0 && w[start - 1] == 0x0A) || (start == 0 && w.startsInput)
      guard real else { return nil }
      if isWholeRow(start..<end, delimiter: delimiter, columns: profile.columns.count, w)
        || (start == 0 && w.startsInput)
      {
        anchor = start
        break
      }
      starts.append(start)
      end = start - 1
    }
    guard anchor != nil, !starts.isEmpty else { return nil }
    // Forward from the line after the anchor, which starts a row.
    var inside = false
    var record = starts.last!
    var column = 0
    for start in starts.reversed() {
      if !inside {
        record = start
        column = 0
      }
      var i = start
      while i < lineStart - 1 && w[i] != 0x0A {
        let b = w[i]
        if b == 0x22 {
          if inside && w[i + 1] == 0x22 {
            i += 2
            continue
          }
          inside.toggle()
        } else if b == delimiter && !inside {
          column += 1
        }
        i += 1
      }
    }
    return inside && column < profile.columns.count ? (record, column) : nil
  }

  /// Whether `line` is a whole row on its own: its quotes balanced and as many cells as
  /// `columns`.
  private static func isWholeRow(
    _ line: Range<Int>, delimiter: UInt8, columns: Int, _ w: ByteWindow
  ) -> Bool {
    var inside = false
    var cells = 1
    var i = line.lowerBound
    while i < line.upperBound {
      let b = w[i]
      if b == 0x22 {
        inside.toggle()
      } else if b == delimiter && !inside {
        cells += 1
      }
      i += 1
    }
    return !inside && cells == columns
  }
}

/// A `----` combo list (account----password----name----…): a record is a line, its fields have
/// no names (each is ``InputProfile/comboColumn``, or a category inferred from the values), and
/// the detectors read a field by its place and its own shape.
enum ComboRecords: RecordFormat {
  static func forEachField(
    _ profile: InputProfile, in w: ByteWindow, owned: Range<Int>, _ body: FieldBody
  ) {
    DelimitedRecords.forEachField(profile, in: w, owned: owned, body)
  }

  static func locate(_ profile: InputProfile, _ p: Int, in w: ByteWindow) -> FieldContext {
    guard let start = RecordReach.realLineStart(p, w) else { return FieldContext() }
    return FieldContext(record: w.absolute(start))
  }
}
