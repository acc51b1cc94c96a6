/// A piece of a text or Markdown report.
enum TextBlock {
  case title(String)
  case heading(String)
  case paragraph(String)
  case item(String)
  /// Rows of cells; `numeric` columns are right-aligned in text.
  case table(header: [String]?, rows: [[String]], numeric: Set<Int>)
}

/// Lays out report blocks as aligned plain text or as Markdown.
struct TextDocument {
  var blocks: [TextBlock]

  /// Plain text: columns padded to the widest cell, counting CJK characters as two columns
  /// (as terminals show them).
  var text: String {
    var out = ""
    for block in blocks {
      switch block {
      case .title(let title):
        out += title + "\n" + String(repeating: "=", count: Self.width(title)) + "\n\n"
      case .heading(let heading):
        out += heading + "\n" + String(repeating: "-", count: Self.width(heading)) + "\n"
      case .paragraph(let text): out += text + "\n\n"
      case .item(let text): out += "- " + text + "\n"
      case .table(let header, let rows, let numeric):
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in all {
          for (index, cell) in row.enumerated() {
            widths[index] = max(widths[index], Self.width(cell))
          }
        }
        for row in all {
          var line = ""
          for (index, cell) in row.enumerated() {
            let padding = String(repeating: " ", count: widths[index] - Self.width(cell))
            let isLast = index == row.count - 1
            if numeric.contains(index) {
              line += padding + cell
            } else {
              line += cell + (isLast ? "" : padding)
            }
            if !isLast { line += "  " }
          }
          while line.hasSuffix(" ") { line.removeLast() }
          out += "  " + line + "\n"
        }
        out += "\n"
      }
    }
    return out
  }

  /// Markdown: headings, paragraphs, lists and pipe tables (a table without a header gets an
  /// empty one, as Markdown needs).
  var markdown: String {
    var out = ""
    for block in blocks {
      switch block {
      case .title(let title): out += "# " + Self.escape(title) + "\n\n"
      case .heading(let heading): out += "## " + Self.escape(heading) + "\n\n"
      case .paragraph(let text): out += Self.escape(text) + "\n\n"
      case .item(let text): out += "- " + Self.escape(text) + "\n"
      case .table(let header, let rows, let numeric):
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        let head = header ?? Array(repeating: "", count: columns)
        out += "| " + head.map(Self.cell).joined(separator: " | ") + " |\n"
        out +=
          "|" + (0..<columns).map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
          let padded = row + Array(repeating: "", count: columns - row.count)
          out += "| " + padded.map(Self.cell).joined(separator: " | ") + " |\n"
        }
        out += "\n"
      }
    }
    return out
  }

  /// A table cell: pipes escaped, line breaks as spaces.
  private static func cell(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "|": out += "\\|"
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return escape(out)
  }

  /// Backslash-escapes the characters Markdown would read as markup at the start of text or
  /// inside it (`*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `#`), so masks like `138****5678` stay
  /// as written.
  private static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if "*_`[]<>#".contains(character) { out += "\\" }
      out.append(character)
    }
    return out
  }

  /// Display width in terminal columns.
  static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      let value = scalar.value
      let wide =
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
      return total + (wide ? 2 : 1)
    }
  }
}
