import PIIScanArchive
import PIIScanSheets

/// Spreadsheets: an .xls (a compound file) is read whole, as .xls readers must; each sheet is
/// then scanned as a member named after it (`book.xls!员工`) with the sheet's first row as its
/// header. A compound file that holds no workbook (a .doc) is passed on to the next opener.
/// (An .xlsx arrives as a zip: ``WorkbookParts`` reads it.)
struct SpreadsheetOpener: InputOpener {
  func opens(prefix: UnsafeRawBufferPointer, kind: ContainerKind) -> Bool {
    kind == .plain && XLSWorkbook.isXLS(prefix)
  }

  func feed(file: RandomAccessInput, as input: ScanInput, using feeder: InputFeeder) -> Bool {
    guard file.size <= XLSWorkbook.maxFileSize else { return false }
    do {
      let source = FileDescriptorSource(fileDescriptor: file.descriptor)
      let read = try WorkbookParts.readWhole(source, limit: XLSWorkbook.maxFileSize)
      let fed = Self.feedXLS(read.bytes, of: input, using: feeder)
      if fed { Self.describe(read.bytes, of: input, using: feeder) }
      return fed
    } catch {
      feeder.scheduler.mark(.failed(input, InputFeeder.inputError(error)))
      return true
    }
  }

  func feed(
    stream: PeekingSource, as input: ScanInput, depth: Int, budget: ArchiveBudget,
    using feeder: InputFeeder
  ) -> (any ArchiveSource)? {
    do {
      let read = try WorkbookParts.readWhole(stream, limit: XLSWorkbook.maxFileSize)
      if read.complete && Self.feedXLS(read.bytes, of: input, using: feeder) {
        if input.kind == .member { Self.describe(read.bytes, of: input, using: feeder) }
        return nil
      }
      // Not a workbook: read on from the bytes already taken.
      return ChainedSource(read.bytes, then: stream)
    } catch {
      feeder.scheduler.mark(.failed(input, InputFeeder.inputError(error)))
      return nil
    }
  }

  /// The hash of a workbook read whole, when the scan records hashes.
  static func describe(_ bytes: [UInt8], of input: ScanInput, using feeder: InputFeeder) {
    guard feeder.configuration.hashInputs else { return }
    var digest = InputDigest()
    bytes.withUnsafeBytes { digest.update($0) }
    feeder.scheduler.mark(
      .described(
        input, InputFacts(sha256: digest.hex(), bytes: digest.bytes, format: "xls", encoding: nil)))
  }

  /// An .xls, read whole: its sheets (or a notice saying why not). False when the compound
  /// file holds no workbook.
  static func feedXLS(_ bytes: [UInt8], of input: ScanInput, using feeder: InputFeeder) -> Bool {
    do {
      let book = try bytes.withUnsafeBytes { try XLSWorkbook(bytes: $0) }
      feeder.feedSheets(names: book.sheetNames, of: input) { try book.sheetText($0) }
      return true
    } catch SpreadsheetError.notAWorkbook {
      return false
    } catch {
      feeder.scheduler.mark(.notice(input, NoticeText.workbook(error, fallback: false)))
      return true
    }
  }
}

/// The parts of a zip held back because it may be a workbook (.xlsx): once a part name of an
/// Office package appears ("[Content_Types].xml", "_rels/", "xl/", "docProps/"), the rest of
/// the zip is read into memory, in order, until the zip ends; then its sheets are scanned,
/// followed by the parts the workbook did not read (comments, properties, embedded files).
struct WorkbookParts {
  /// Most bytes of zip parts held in memory to read one workbook; past this the parts are
  /// scanned as they are (XML) with a notice.
  static let maxPartBytes = 1 << 30

  var names: [String] = []
  var bytes: [[UInt8]] = []
  var total = 0
  /// The zip's nesting depth and budget, for parts that are containers themselves (an embedded
  /// workbook).
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
      || n.contains("/theme/") || n.hasSuffix("/calcChain.xml")
      || n.contains("/printerSettings/")
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
    guard let index = names.firstIndex(where: { Self.normalized($0) == wanted }) else {
      return nil
    }
    return bytes[index]
  }

  /// Reads the rest of `source` into memory, stopping once more than `limit` bytes are read.
  /// - Returns: the bytes read, and whether that is all of it.
  static func readWhole(_ source: any ArchiveSource, limit: Int) throws -> (
    bytes: [UInt8], complete: Bool
  ) {
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
  static func hold(
    _ name: String, from reader: ArchiveReader, as input: ScanInput, of outer: ScanInput,
    held: inout WorkbookParts?, using feeder: InputFeeder
  ) -> Bool {
    guard held != nil || startsPackage(name) else { return false }
    var parts = held ?? WorkbookParts(depth: reader.depth + 1, budget: reader.budget)
    let read: (bytes: [UInt8], complete: Bool)
    do {
      read = try readWhole(reader, limit: maxPartBytes - parts.total)
    } catch {
      feeder.scheduler.mark(.notice(input, NoticeText.reading(error)))
      held = parts
      return true
    }
    if read.complete {
      parts.append(name, read.bytes)
      held = parts
      return true
    }
    // Too large to hold: what was held, then this member and the rest as they come.
    feeder.scheduler.mark(.notice(outer, NoticeText.workbookTooLarge(limit: maxPartBytes)))
    parts.feedParts(of: outer, using: feeder) { _ in true }
    held = nil
    feeder.feedText(
      ArchiveByteStream(source: ChainedSource(read.bytes, then: reader)), as: input)
    return true
  }

  /// The held parts: the workbook's sheets when they are one, then the parts the workbook did
  /// not read; else each part as a member.
  func feed(of outer: ScanInput, using feeder: InputFeeder) {
    if SpreadsheetKind.isXLSX(memberNames: names) {
      var read = Set<String>()
      do {
        let book = try XLSXWorkbook(member: { name in
          read.insert(Self.normalized(name))
          return part(name)
        })
        feeder.feedSheets(names: book.sheetNames, of: outer) { try book.sheetText($0) }
        feedParts(of: outer, using: feeder) { name in
          !read.contains(Self.normalized(name)) && !Self.isStructure(name)
        }
        return
      } catch {
        feeder.scheduler.mark(.notice(outer, NoticeText.workbook(error, fallback: true)))
      }
    }
    feedParts(of: outer, using: feeder) { _ in true }
  }

  /// The held parts `included` says, each as a member (sniffed: a part may be a container).
  private func feedParts(
    of outer: ScanInput, using feeder: InputFeeder, included: (String) -> Bool
  ) {
    for (name, part) in zip(names, bytes) where included(name) {
      var input = outer.member(name)
      input.size = Int64(part.count)
      feeder.feedSource(MemorySource(part), as: input, depth: depth, budget: budget)
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
