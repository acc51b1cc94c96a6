import PIIScanArchive
import PIIScanSheets

/// Spreadsheets: an .xlsx (a zip of XML parts) or an .xls (a compound file) is read as one
/// tab-separated text per sheet, row N on line N, and each sheet is scanned as a member named
/// after it (`book.xlsx!员工`), so findings carry the sheet, the row as their line, the column
/// and the header the sheet's first row gives. Offsets count bytes of the sheet's text.
extension ScanPipeline {
  /// Most bytes of zip parts held in memory to read one workbook; past this the parts are
  /// scanned as they are (XML) with a notice.
  static let maxWorkbookPartBytes = 1 << 30

  /// Parts of a zip held back because it may be a workbook: once a part name of an Office
  /// package appears ("[Content_Types].xml", "_rels/", "xl/", "docProps/"), the rest of the
  /// zip is read into memory, in order, until the zip ends.
  struct HeldParts {
    var names: [String] = []
    var bytes: [[UInt8]] = []
    var total = 0
    /// The zip's nesting depth and budget, for parts that are containers themselves (an
    /// embedded workbook).
    let depth: Int
    let budget: ArchiveBudget

    init(depth: Int, budget: ArchiveBudget) {
      self.depth = depth
      self.budget = budget
    }

    /// Parts that only say how the package is put together: not scanned once the workbook is
    /// read.
    static func isStructure(_ name: String) -> Bool {
      let n = normalized(name)
      return n == "[Content_Types].xml" || n.hasSuffix(".rels") || n.hasSuffix("/styles.xml")
        || n.contains("/theme/") || n.hasSuffix("/calcChain.xml") || n.contains("/printerSettings/")
    }

    mutating func append(_ name: String, _ part: [UInt8]) {
      names.append(name)
      bytes.append(part)
      total += part.count
    }

    static func startsPackage(_ name: String) -> Bool {
      let n = normalized(name)
      return n == "[Content_Types].xml" || n.hasPrefix("_rels/") || n.hasPrefix("xl/")
        || n.hasPrefix("docProps/")
    }

    static func normalized(_ name: String) -> String {
      if name.hasPrefix("./") { return String(name.dropFirst(2)) }
      if name.hasPrefix("/") { return String(name.dropFirst()) }
      return name
    }

    func part(_ name: String) -> [UInt8]? {
      let wanted = Self.normalized(name)
      guard let index = names.firstIndex(where: { Self.normalized($0) == wanted }) else { return nil }
      return bytes[index]
    }
  }

  /// Reads the rest of `source` into memory, stopping once more than `limit` bytes are read.
  /// - Returns: the bytes read, and whether that is all of it.
  static func readWhole(_ source: any ArchiveSource, limit: Int) throws -> (bytes: [UInt8], complete: Bool) {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
      if count == 0 { return (bytes, true) }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit { return (bytes, false) }
    }
  }

  /// A zip member that may be a part of an Office package: held back (true), or, past the
  /// memory bound, the held parts and this member scanned as they are (false is returned only
  /// when nothing was held and this member is not a package part).
  func holdPart(
    _ name: String, from reader: ArchiveReader, as input: ScanInput, of outer: ScanInput,
    held: inout HeldParts?, emitter: inout Emitter
  ) -> Bool {
    guard held != nil || HeldParts.startsPackage(name) else { return false }
    var parts = held ?? HeldParts(depth: reader.depth + 1, budget: reader.budget)
    let read: (bytes: [UInt8], complete: Bool)
    do {
      read = try Self.readWhole(reader, limit: Self.maxWorkbookPartBytes - parts.total)
    } catch {
      let notice = (error as? ArchiveError).map(Self.notice)
        ?? Notice(kind: "unreadable", severity: .error, message: "\(error)")
      enqueueMarker(.notice(input, notice), emitter: &emitter)
      held = parts
      return true
    }
    if read.complete {
      parts.append(name, read.bytes)
      held = parts
      return true
    }
    // Too large to hold: what was held, then this member and the rest as they come.
    enqueueMarker(
      .notice(
        outer,
        Notice(
          kind: "limit", severity: .note,
          message: "more than \(Self.maxWorkbookPartBytes >> 20) MiB of parts: not read as a workbook; "
            + "its parts are scanned as they are")),
      emitter: &emitter)
    feedParts(parts, of: outer, emitter: &emitter) { _ in true }
    held = nil
    feedText(ArchiveByteStream(source: ChainedSource(read.bytes, then: reader)), as: input, emitter: &emitter)
    return true
  }

  /// The held parts of a zip: its sheets when it is a workbook, then the parts the workbook
  /// did not read (comments, document properties, embedded files); else each part as a member.
  func feedHeldParts(_ parts: HeldParts, of outer: ScanInput, emitter: inout Emitter) {
    if SpreadsheetKind.isXLSX(memberNames: parts.names) {
      var read = Set<String>()
      do {
        let book = try XLSXWorkbook(member: { name in
          read.insert(HeldParts.normalized(name))
          return parts.part(name)
        })
        feedSheets(names: book.sheetNames, of: outer, emitter: &emitter) { try book.sheetText($0) }
        feedParts(parts, of: outer, emitter: &emitter) { name in
          !read.contains(HeldParts.normalized(name)) && !HeldParts.isStructure(name)
        }
        return
      } catch {
        enqueueMarker(.notice(outer, Self.workbookNotice(error, fallback: true)), emitter: &emitter)
      }
    }
    feedParts(parts, of: outer, emitter: &emitter) { _ in true }
  }

  /// The held parts `included` says, each as a member (sniffed: a part may be a container).
  private func feedParts(
    _ parts: HeldParts, of outer: ScanInput, emitter: inout Emitter, included: (String) -> Bool
  ) {
    for (name, bytes) in zip(parts.names, parts.bytes) where included(name) {
      var input = outer.member(name)
      input.size = Int64(bytes.count)
      feedSource(MemorySource(bytes), as: input, depth: parts.depth, budget: parts.budget, emitter: &emitter)
    }
  }

  /// An .xls, read whole: its sheets (or a notice saying why not). False when the compound
  /// file holds no workbook (a .doc): the caller then treats it as any other file.
  func feedXLS(_ bytes: [UInt8], of input: ScanInput, emitter: inout Emitter) -> Bool {
    do {
      let book = try bytes.withUnsafeBytes { try XLSWorkbook(bytes: $0) }
      feedSheets(names: book.sheetNames, of: input, emitter: &emitter) { try book.sheetText($0) }
      return true
    } catch SpreadsheetError.notAWorkbook {
      return false
    } catch {
      enqueueMarker(.notice(input, Self.workbookNotice(error, fallback: false)), emitter: &emitter)
      return true
    }
  }

  /// Each sheet as a member of `workbook`, in the workbook's order; a sheet that cannot be read
  /// gets a notice and the others are still scanned.
  private func feedSheets(
    names: [String], of workbook: ScanInput, emitter: inout Emitter, text: (Int) throws -> [UInt8]
  ) {
    for (index, name) in names.enumerated() {
      let sheet = workbook.member(name.isEmpty ? "sheet\(index + 1)" : name)
      do {
        let bytes = try text(index)
        var input = sheet
        input.size = Int64(bytes.count)
        feedText(ArchiveByteStream(source: MemorySource(bytes)), as: input, sheet: true, emitter: &emitter)
      } catch {
        enqueueMarker(.notice(sheet, Self.workbookNotice(error, fallback: false)), emitter: &emitter)
      }
    }
  }

  /// What to say when a workbook or sheet cannot be read; `fallback` when its parts are then
  /// scanned as XML (nothing is lost, so a warning).
  static func workbookNotice(_ error: any Error, fallback: Bool) -> Notice {
    let message = (error as? SpreadsheetError).map(\.description) ?? "\(error)"
    if fallback {
      return Notice(
        kind: "corrupt", severity: .warning,
        message: "not read as a workbook (\(message)); its parts are scanned as XML")
    }
    switch error as? SpreadsheetError {
    case .encrypted: return Notice(kind: "encrypted", severity: .error, message: "not read: \(message)")
    case .unsupportedVersion: return Notice(kind: "unsupported", severity: .error, message: "not read: \(message)")
    case .tooManyEmptyRows, .tooManyEmptyCells, .tooLarge:
      return Notice(kind: "limit", severity: .error, message: "stopped: \(message)")
    default: return Notice(kind: "corrupt", severity: .error, message: "corrupt: \(message)")
    }
  }
}

/// Bytes in memory as an archive source (a workbook's sheet text, a held zip part).
final class MemorySource: ArchiveSource {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = min(buffer.count, bytes.count - position)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
    }
    position += count
    return count
  }
}

/// Bytes already read, then the rest of a source.
final class ChainedSource: ArchiveSource {
  private let head: MemorySource
  private let tail: any ArchiveSource
  private var inTail = false

  init(_ bytes: [UInt8], then tail: any ArchiveSource) {
    head = MemorySource(bytes)
    self.tail = tail
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if !inTail {
      let count = try head.read(into: buffer)
      if count > 0 { return count }
      inTail = true
    }
    return try tail.read(into: buffer)
  }
}
