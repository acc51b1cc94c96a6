import CPIIScanKernels

/// The tables of an SQL dump and where each `INSERT` statement starts, found by a literal
/// pre-scan so that a worker in the middle of a multi-gigabyte extended insert knows which
/// table, and so which column, a value belongs to (docs/FORMATS.md §6.6).
public struct SQLSchema: Sendable, Equatable {
  /// A column: its name (lower-cased, quotes removed) and the text of its `COMMENT '…'`, which
  /// often says in Chinese what a terse name means (`receiver` … COMMENT '收货人').
  public struct Column: Sendable, Equatable {
    public var name: [UInt8]
    public var comment: [UInt8] = []
  }

  /// Columns per table name (lower-cased, unquoted).
  public private(set) var tables: [String: [Column]] = [:]
  /// `INSERT` statements in offset order: where each starts, its table, and its own column
  /// list when it has one (`INSERT INTO t (a, b) VALUES …`).
  public private(set) var inserts: [Insert] = []

  public struct Insert: Sendable, Equatable {
    public var offset: Int64
    public var table: String
    public var columns: [Column]?
  }

  /// For tables the dump never declares (`INSERT INTO t VALUES (…)` without a `CREATE TABLE`):
  /// columns named from the values of their first tuples (``inferColumns(fromUTF8:)``),
  /// empty names where nothing was inferred.
  public private(set) var inferred: [String: [Column]] = [:]

  public init() {}

  public var isEmpty: Bool { tables.isEmpty && inserts.isEmpty }

  /// The columns of the statement in force at absolute `offset`: the last `INSERT` before it.
  public func columns(at offset: Int64) -> [Column]? {
    var low = 0
    var high = inserts.count
    while low < high {
      let mid = (low + high) / 2
      if inserts[mid].offset < offset { low = mid + 1 } else { high = mid }
    }
    guard low > 0 else { return nil }
    let insert = inserts[low - 1]
    guard let own = insert.columns else { return tables[insert.table] ?? inferred[insert.table] }
    // An insert's own column list, with the comments its table gave those columns.
    guard let table = tables[insert.table] else { return own }
    return own.map { column in
      Column(name: column.name, comment: table.first { $0.name == column.name }?.comment ?? [])
    }
  }

  /// Adds the statements found in `bytes` (absolute offset `base`); statements must be added in
  /// offset order. Only statements that start in `bytes` and whose head (up to the column
  /// list's end or `VALUES`) lies in `bytes` are read.
  public mutating func scan(
    _ bytes: UnsafeRawBufferPointer, base: Int64, startsBefore limit: Int? = nil
  ) {
    let limit = limit ?? bytes.count
    guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    var found: [(Int, Bool)] = []  // (position, isCreate)
    for (needle, isCreate) in [
      ("CREATE TABLE", true), ("create table", true), ("INSERT INTO", false),
      ("insert into", false),
    ] {
      var from = 0
      while from < bytes.count {
        let hit = Array(needle.utf8).withUnsafeBufferPointer {
          piiscan_find(start + from, bytes.count - from, $0.baseAddress!, $0.count)
        }
        guard hit >= 0 else { break }
        let position = from + hit
        found.append((position, isCreate))
        from = position + needle.utf8.count
      }
    }
    found.sort { $0.0 < $1.0 }
    for (position, isCreate) in found where position < limit {
      if let last = inserts.last, last.offset >= base + Int64(position) { continue }
      var i = position + 11 + (isCreate ? 1 : 0)
      if isCreate { skipWords(bytes, &i, ["IF", "NOT", "EXISTS", "if", "not", "exists"]) }
      guard let name = identifier(bytes, &i) else { continue }
      skipSpace(bytes, &i)
      if isCreate {
        guard i < bytes.count, bytes[i] == 0x28 else { continue }
        tables[name] = createColumns(bytes, after: i)
      } else {
        var columns: [Column]?
        if i < bytes.count && bytes[i] == 0x28 {
          columns = list(bytes, after: i)?.map { Column(name: $0) }
        }
        inserts.append(Insert(offset: base + Int64(position), table: name, columns: columns))
      }
    }
  }

  /// Names the columns of the tables whose `INSERT`s in `text` (the input's sniffed prefix,
  /// decoded to UTF-8) carry neither a `CREATE TABLE` in the prefix nor a column list: each
  /// tuple position gets the category most of its values have (``ColumnInference``, at least
  /// 80% of the non-NULL values of up to ``ColumnInference/maximumRows`` tuples). Only the
  /// prefix is read, once, before any chunk is scanned, so every chunk sees the same names.
  public mutating func inferColumns(fromUTF8 text: UnsafeRawBufferPointer) {
    var rows: [String: [[ArraySlice<UInt8>]]] = [:]
    var order: [String] = []
    let bytes = Array(text)
    var from = 0
    while from < bytes.count {
      guard let hit = Self.findInsert(bytes, from: from) else { break }
      var i = hit + 11
      from = i
      guard let name = identifier(text, &i), tables[name] == nil else { continue }
      skipSpace(text, &i)
      // An insert with its own column list names its columns.
      guard i < bytes.count, bytes[i] != 0x28, Self.skipValuesKeyword(bytes, &i) else { continue }
      if rows[name] == nil {
        rows[name] = []
        order.append(name)
      }
      while rows[name]!.count < ColumnInference.maximumRows {
        while i < bytes.count && (isSpace(bytes[i]) || bytes[i] == 0x2C) { i += 1 }
        guard i < bytes.count, bytes[i] == 0x28, let (cells, end) = Self.tuple(bytes, at: i)
        else { break }
        rows[name]!.append(cells)
        i = end
      }
      from = max(from, i)
    }
    for name in order {
      guard let found = rows[name], !found.isEmpty else { continue }
      let width = found.map(\.count).max() ?? 0
      let categories = ColumnInference.infer(rows: found, columnCount: width)
      guard categories.contains(where: { $0 != nil }) else { continue }
      inferred[name] = categories.map { Column(name: $0.map(ColumnInference.header) ?? []) }
    }
  }

  /// The next `INSERT INTO` (either case) at or after `from`.
  private static func findInsert(_ bytes: [UInt8], from: Int) -> Int? {
    var best: Int?
    bytes.withUnsafeBufferPointer { buffer in
      for needle in ["INSERT INTO", "insert into"] {
        let hit = Array(needle.utf8).withUnsafeBufferPointer {
          piiscan_find(buffer.baseAddress! + from, buffer.count - from, $0.baseAddress!, $0.count)
        }
        if hit >= 0 { best = min(best ?? .max, from + hit) }
      }
    }
    return best
  }

  /// Past `VALUES` (or `VALUE`), any case, with the spaces after it.
  private static func skipValuesKeyword(_ bytes: [UInt8], _ i: inout Int) -> Bool {
    let word = Array("values".utf8)
    var k = 0
    while k < 5 && i + k < bytes.count && bytes[i + k] | 0x20 == word[k] { k += 1 }
    guard k == 5 else { return false }
    i += 5
    if i < bytes.count && bytes[i] | 0x20 == 0x73 { i += 1 }
    while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
    return true
  }

  /// The cells of the tuple whose `(` is at `open` (strings without their quotes, NULL
  /// empty) and the position after its `)`; nil for a tuple cut by the text's end.
  private static func tuple(_ bytes: [UInt8], at open: Int) -> ([ArraySlice<UInt8>], Int)? {
    var cells: [ArraySlice<UInt8>] = []
    var i = open + 1
    while i < bytes.count {
      while i < bytes.count && bytes[i] == 0x20 { i += 1 }
      guard i < bytes.count else { return nil }
      if bytes[i] == 0x27 || bytes[i] == 0x22 {
        let quote = bytes[i]
        var k = i + 1
        while k < bytes.count {
          if bytes[k] == 0x5C {
            k += 2
            continue
          }
          if bytes[k] == quote {
            if k + 1 < bytes.count && bytes[k + 1] == quote {
              k += 2
              continue
            }
            break
          }
          k += 1
        }
        guard k < bytes.count else { return nil }
        cells.append(bytes[(i + 1)..<k])
        i = k + 1
      } else {
        var k = i
        var depth = 0
        while k < bytes.count {
          let b = bytes[k]
          if b == 0x28 {
            depth += 1
          } else if b == 0x29 {
            if depth == 0 { break }
            depth -= 1
          } else if b == 0x2C && depth == 0 {
            break
          }
          k += 1
        }
        guard k < bytes.count else { return nil }
        var cell = bytes[i..<k]
        while let last = cell.last, last == 0x20 { cell = cell.dropLast() }
        cells.append(cell.elementsEqual("NULL".utf8) || cell.elementsEqual("null".utf8) ? [] : cell)
        i = k
      }
      while i < bytes.count && bytes[i] == 0x20 { i += 1 }
      guard i < bytes.count, cells.count < 4096 else { return nil }
      if bytes[i] == 0x29 { return (cells, i + 1) }
      guard bytes[i] == 0x2C else { return nil }
      i += 1
    }
    return nil
  }

  private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  private func skipSpace(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) {
    while i < bytes.count && isSpace(bytes[i]) { i += 1 }
  }

  private func skipWords(_ bytes: UnsafeRawBufferPointer, _ i: inout Int, _ words: [String]) {
    while true {
      skipSpace(bytes, &i)
      guard
        let word = words.first(where: { w in
          let u = Array(w.utf8)
          return i + u.count <= bytes.count && (0..<u.count).allSatisfy { bytes[i + $0] == u[$0] }
        })
      else { return }
      i += word.utf8.count
    }
  }

  /// A table or column name: `name`, `` `name` ``, `"name"`, `[name]`, `schema.name` (the
  /// last part), lower-cased.
  private func identifier(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) -> String? {
    var name: [UInt8] = []
    while true {
      skipSpace(bytes, &i)
      guard i < bytes.count else { return nil }
      let open = bytes[i]
      var part: [UInt8] = []
      if open == 0x60 || open == 0x22 || open == 0x5B {
        let close: UInt8 = open == 0x5B ? 0x5D : open
        i += 1
        while i < bytes.count && bytes[i] != close && part.count < 128 {
          part.append(bytes[i])
          i += 1
        }
        i += 1
      } else {
        while i < bytes.count, part.count < 128,
          ByteClass.isAlphanumeric(bytes[i]) || bytes[i] == 0x5F || bytes[i] == 0x24
            || bytes[i] >= 0x80
        {
          part.append(bytes[i])
          i += 1
        }
      }
      guard !part.isEmpty else { return name.isEmpty ? nil : String(decoding: name, as: UTF8.self) }
      name = part.map(ByteClass.lowercased)
      if i < bytes.count && bytes[i] == 0x2E {
        i += 1
        continue
      }
      return String(decoding: name, as: UTF8.self)
    }
  }

  /// Whether "COMMENT" (any case) starts at `i`, as a word.
  private func matchesComment(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    let word: [UInt8] = Array("comment".utf8)
    guard i + word.count < bytes.count, i > 0, isSpace(bytes[i - 1]) else { return false }
    for k in 0..<word.count where bytes[i + k] | 0x20 != word[k] { return false }
    return isSpace(bytes[i + word.count])
  }

  /// `(a, b, c)` → names.
  private func list(_ bytes: UnsafeRawBufferPointer, after open: Int) -> [[UInt8]]? {
    var i = open + 1
    var names: [[UInt8]] = []
    while i < bytes.count && names.count < 4096 {
      guard let name = identifier(bytes, &i) else { return nil }
      names.append(Array(name.utf8))
      skipSpace(bytes, &i)
      guard i < bytes.count else { return nil }
      if bytes[i] == 0x29 { return names }
      guard bytes[i] == 0x2C else { return nil }
      i += 1
    }
    return nil
  }

  /// The column names of a `CREATE TABLE t ( … )` body: the first word of each top-level item
  /// that is not a key or constraint.
  private func createColumns(_ bytes: UnsafeRawBufferPointer, after open: Int) -> [Column] {
    var columns: [Column] = []
    var i = open + 1
    let skip: Set<String> = [
      "primary", "key", "unique", "index", "constraint", "foreign", "fulltext", "spatial",
      "check", "period",
    ]
    while i < bytes.count && columns.count < 4096 {
      skipSpace(bytes, &i)
      guard i < bytes.count, bytes[i] != 0x29 else { break }
      let itemStart = i
      var column: Column?
      if let name = identifier(bytes, &i), !skip.contains(name) || bytes[itemStart] == 0x60 {
        column = Column(name: Array(name.utf8))
      }
      // Skip to the next top-level comma, past nested parentheses and quotes.
      var depth = 0
      var quote: UInt8 = 0
      while i < bytes.count {
        let b = bytes[i]
        if quote != 0 {
          if b == 0x5C { i += 1 } else if b == quote { quote = 0 }
        } else if b == 0x27 || b == 0x22 {
          quote = b
        } else if b == 0x28 {
          depth += 1
        } else if b == 0x29 {
          if depth == 0 {
            if let column { columns.append(column) }
            return columns
          }
          depth -= 1
        } else if b == 0x2C && depth == 0 {
          i += 1
          break
        } else if depth == 0 && column != nil && (b | 0x20) == 0x63 && matchesComment(bytes, i) {
          // COMMENT 'text'
          i += 7
          skipSpace(bytes, &i)
          if i < bytes.count && (bytes[i] == 0x27 || bytes[i] == 0x22) {
            let close = bytes[i]
            i += 1
            var text: [UInt8] = []
            while i < bytes.count && bytes[i] != close && text.count < 256 {
              text.append(bytes[i])
              i += 1
            }
            column?.comment = text
          }
        }
        i += 1
      }
      if let column { columns.append(column) }
    }
    return columns
  }
}
