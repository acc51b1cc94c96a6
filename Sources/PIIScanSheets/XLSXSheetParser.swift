/// Reads the cells of a worksheet part (`<worksheet><sheetData><row><c>…`).
enum XLSXSheetParser {
  /// The last column of an .xlsx sheet (XFD).
  static let maxColumn = 16_384
  /// Row numbers above this are refused outright (Excel's limit is 1,048,576; the empty-line
  /// cap of ``SheetText`` usually reports such a row first).
  static let maxRow = 1_000_000_000

  private enum CellType {
    case number, shared, inline, boolean, string
  }

  private enum Capture {
    case none, value, inlineText
  }

  static func parse(
    _ xml: UnsafeBufferPointer<UInt8>, part: String, sharedStrings: Int,
    into builder: inout SheetTextBuilder
  ) throws {
    var scanner = XMLScanner(xml)
    var inSheetData = false
    var row = 0  // the current row number (0 before the first row)
    var column = 0  // the last cell's column in the current row
    var inCell = false
    var cellRow = 0
    var cellColumn = 0
    var cellType = CellType.number
    var cellReference: Range<Int>? = nil
    var capture = Capture.none
    var inInline = false
    var phonetic = 0
    var valueStart = 0

    func finishCell() throws {
      let start = valueStart
      switch cellType {
      case .shared:
        let value = trimmed(builder.arena, from: start)
        defer { builder.arena.removeSubrange(start...) }
        guard !value.isEmpty else { return }
        var index = 0
        for i in value {
          let b = builder.arena[i]
          guard b >= 0x30 && b <= 0x39, index < Int(Int32.max) else {
            throw SpreadsheetError.malformed(
              part: part,
              problem: "cell \(describe(cellReference)) has a shared string index that is not a"
                + " number: \"\(String(decoding: builder.arena[value], as: UTF8.self))\"")
          }
          index = index * 10 + Int(b - 0x30)
        }
        guard index < sharedStrings else {
          throw SpreadsheetError.malformed(
            part: part,
            problem: "cell \(describe(cellReference)) refers to shared string \(index), but the"
              + " table has \(sharedStrings)")
        }
        builder.commitShared(row: cellRow, column: cellColumn, index: index)
        return
      case .inline, .string:
        decodeOOXMLEscapes(&builder.arena, from: start)
      case .boolean:
        let value = trimmed(builder.arena, from: start)
        var replacement: StaticString? = nil
        if value.count == 1 {
          let b = builder.arena[value.lowerBound]
          replacement = b == 0x31 ? "TRUE" : b == 0x30 ? "FALSE" : nil
        }
        if let replacement {
          builder.arena.removeSubrange(start...)
          builder.arena.append(
            contentsOf: UnsafeBufferPointer(
              start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        }
      case .number:
        // As written, without surrounding white space.
        let value = trimmed(builder.arena, from: start)
        if value.count != builder.arena.count - start {
          let kept = Array(builder.arena[value])
          builder.arena.removeSubrange(start...)
          builder.arena.append(contentsOf: kept)
        }
      }
      builder.commit(row: cellRow, column: cellColumn, from: start)
    }

    func describe(_ reference: Range<Int>?) -> String {
      if let reference {
        return String(decoding: UnsafeBufferPointer(rebasing: xml[reference]), as: UTF8.self)
      }
      return "in row \(cellRow), column \(cellColumn)"
    }

    loop: while true {
      let token = scanner.next()
      switch token {
      case .end:
        break loop
      case .text(let range):
        switch capture {
        case .none: break
        case .value, .inlineText: scanner.appendDecoded(range, to: &builder.arena)
        }
      case .cdata(let range):
        if capture != .none {
          builder.arena.append(contentsOf: UnsafeBufferPointer(rebasing: xml[range]))
        }
      case .startTag(let name, let attributes, let selfClosing):
        if !inSheetData {
          if scanner.equals(name, "sheetData") { inSheetData = !selfClosing }
          continue
        }
        if scanner.equals(name, "c") {
          if inCell { try finishCell() }  // an unclosed cell ends where the next begins
          var reference: Range<Int>? = nil
          var type = CellType.number
          scanner.forEachAttribute(in: attributes) { n, v in
            if scanner.equals(n, "r") {
              reference = v
            } else if scanner.equals(n, "t") {
              if scanner.equals(v, "s") {
                type = .shared
              } else if scanner.equals(v, "inlineStr") {
                type = .inline
              } else if scanner.equals(v, "b") {
                type = .boolean
              } else if scanner.equals(v, "str") {
                type = .string
              }
              // "n", "e" (error values such as #N/A) and "d" (ISO dates) stay as written.
            }
          }
          cellReference = reference
          if let reference, let (c, r) = try cellPosition(reference, in: scanner, part: part) {
            cellColumn = c
            cellRow = r
          } else {
            cellColumn = column + 1
            cellRow = max(row, 1)
            if cellColumn > maxColumn {
              throw SpreadsheetError.malformed(
                part: part, problem: "row \(cellRow) has cells beyond the last column (XFD)")
            }
          }
          row = cellRow
          column = cellColumn
          cellType = type
          valueStart = builder.arena.count
          capture = .none
          inInline = false
          phonetic = 0
          inCell = !selfClosing
        } else if !inCell {
          if scanner.equals(name, "row") {
            if let r = scanner.attribute("r", in: attributes), let n = positiveNumber(r, scanner),
              n <= maxRow
            {
              row = n
            } else {
              row += 1
            }
            column = 0
          }
        } else if scanner.equals(name, "v") {
          if !selfClosing && cellType != .inline { capture = .value }
        } else if scanner.equals(name, "is") {
          inInline = !selfClosing
        } else if scanner.equals(name, "t") {
          if !selfClosing && inInline && phonetic == 0 && cellType == .inline {
            capture = .inlineText
          }
        } else if scanner.equals(name, "rPh") {
          if !selfClosing { phonetic += 1 }
        }
      case .endTag(let name):
        guard inSheetData else { continue }
        if scanner.equals(name, "c") {
          if inCell {
            try finishCell()
            inCell = false
            capture = .none
          }
        } else if scanner.equals(name, "v") || scanner.equals(name, "t") {
          capture = .none
        } else if scanner.equals(name, "is") {
          inInline = false
          capture = .none
        } else if scanner.equals(name, "rPh") {
          phonetic = max(0, phonetic - 1)
        } else if scanner.equals(name, "row") {
          if inCell {
            try finishCell()
            inCell = false
            capture = .none
          }
        } else if scanner.equals(name, "sheetData") {
          break loop
        }
      }
    }
    if inCell { try finishCell() }
  }

  /// The column and row of a cell reference such as `B12` (letters case-insensitive, `$`
  /// ignored); nil when it is not one, so that the cell follows the previous one.
  private static func cellPosition(
    _ reference: Range<Int>, in scanner: XMLScanner, part: String
  ) throws -> (Int, Int)? {
    let bytes = scanner.bytes
    var i = reference.lowerBound
    let end = reference.upperBound
    var column = 0
    var letters = 0
    while i < end {
      var b = bytes[i]
      if b == 0x24 {  // '$'
        i += 1
        continue
      }
      if b >= 0x61 && b <= 0x7A { b -= 0x20 }
      guard b >= 0x41 && b <= 0x5A else { break }
      if letters < 4 { column = column * 26 + Int(b - 0x40) }
      letters += 1
      i += 1
    }
    var row = 0
    var digits = 0
    while i < end {
      let b = bytes[i]
      if b == 0x24 && digits == 0 {
        i += 1
        continue
      }
      guard b >= 0x30 && b <= 0x39 else { return nil }
      row = row * 10 + Int(b - 0x30)
      digits += 1
      if row > maxRow { break }
      i += 1
    }
    guard letters > 0, digits > 0 else { return nil }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[reference]), as: UTF8.self)
    guard column <= maxColumn, letters <= 3 else {
      throw SpreadsheetError.malformed(
        part: part, problem: "cell reference \"\(text)\" is beyond the last column (XFD)")
    }
    guard row >= 1, row <= maxRow, i == end else {
      throw SpreadsheetError.malformed(
        part: part, problem: "cell reference \"\(text)\" has an impossible row number")
    }
    return (column, row)
  }

  private static func positiveNumber(_ range: Range<Int>, _ scanner: XMLScanner) -> Int? {
    var n = 0
    var any = false
    for i in range {
      let b = scanner.bytes[i]
      if XMLScanner.isSpace(b) { continue }
      guard b >= 0x30 && b <= 0x39, n <= maxRow else { return nil }
      n = n * 10 + Int(b - 0x30)
      any = true
    }
    return any && n >= 1 ? n : nil
  }

  /// The range of `bytes` from `start` without leading and trailing XML white space.
  private static func trimmed(_ bytes: [UInt8], from start: Int) -> Range<Int> {
    var lo = start
    var hi = bytes.count
    while lo < hi && XMLScanner.isSpace(bytes[lo]) { lo += 1 }
    while hi > lo && XMLScanner.isSpace(bytes[hi - 1]) { hi -= 1 }
    return lo..<hi
  }
}
