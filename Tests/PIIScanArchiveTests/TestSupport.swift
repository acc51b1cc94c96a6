import Foundation
import PIIScanArchive
import Testing

/// A fresh directory under the system temporary directory, removed when released.
///
/// Fixtures are made here at run time with the system tools; nothing binary is committed.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "piiscan-archive-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The absolute path of `name` inside the directory.
  func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }

  /// Writes `bytes` to `name`, creating parent directories.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let fileURL = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: fileURL)
    return fileURL.path
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: url.appendingPathComponent(name)))
  }

  /// Runs a shell command in the directory (UTF-8 locale) and fails the test if it fails.
  func run(_ command: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = url
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C.UTF-8"
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(
      process.terminationStatus == 0,
      "\(command) failed: \(String(decoding: message, as: UTF8.self))",
      sourceLocation: sourceLocation)
  }
}

/// Whether a command is on the PATH (for the optional 7-Zip fixtures).
func commandExists(_ name: String) -> Bool {
  let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
  return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
}

/// The 7-Zip command installed here, if any (`7zz` from Debian's 7zip, `7z` from p7zip).
let sevenZipCommand: String? = ["7zz", "7z"].first(where: commandExists)

/// An in-memory, non-seekable source that hands out at most `chunkSize` bytes per read, like a
/// pipe.
final class MemorySource: ArchiveSource {
  let bytes: [UInt8]
  let chunkSize: Int
  private(set) var offset = 0
  /// Throw this error once `offset` reaches `failAt`.
  var failAt: Int?

  struct Failure: Error, CustomStringConvertible {
    var description: String { "simulated device error" }
  }

  init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
    self.bytes = bytes
    self.chunkSize = chunkSize
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if let failAt, offset >= failAt {
      throw Failure()
    }
    var count = min(buffer.count, chunkSize, bytes.count - offset)
    if let failAt {
      count = min(count, failAt - offset)
    }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }
}

/// One entry as read back: its description and, for files, its bytes.
struct Member: Equatable, CustomStringConvertible {
  var entry: ArchiveEntry
  var data: [UInt8]?

  var name: String { entry.name }
  var text: String? { data.map { String(decoding: $0, as: UTF8.self) } }
  var description: String { "\(entry.name) [\(entry.kind)] \(data?.count ?? -1) bytes" }
}

/// Reads a whole source (`ContainerSniffer`, then every entry), as a caller would.
///
/// - Parameters:
///   - bufferSize: The size of each `read(into:)` buffer.
///   - nested: Whether to open members that are themselves containers (their members are then
///     listed with `outer!inner` names instead of the member itself).
/// - Returns: The members, and the errors met on the way (reading goes on after an entry error).
func readAll(
  _ source: any ArchiveSource, budget: ArchiveBudget = ArchiveBudget(), bufferSize: Int = 4096,
  nested: Bool = false
) throws -> (members: [Member], errors: [ArchiveError]) {
  let peeking = PeekingSource(source)
  let kind = ContainerSniffer.kind(of: try peeking.peek())
  let reader = try ArchiveReader(source: peeking, kind: kind, budget: budget)
  return try readAll(reader, bufferSize: bufferSize, nested: nested)
}

func readAll(_ reader: ArchiveReader, bufferSize: Int = 4096, nested: Bool = false) throws -> (
  members: [Member], errors: [ArchiveError]
) {
  var members: [Member] = []
  var errors: [ArchiveError] = []
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 1)
  defer { buffer.deallocate() }
  while true {
    let entry: ArchiveEntry
    do {
      guard let next = try reader.nextEntry() else { break }
      entry = next
    } catch {
      errors.append(error)
      continue
    }
    guard entry.kind == .file, !entry.isEncrypted else {
      members.append(Member(entry: entry, data: nil))
      continue
    }
    if nested {
      let member = PeekingSource(reader)
      let kind = ContainerSniffer.kind(of: try member.peek())
      if kind != .plain {
        do {
          let inner = try reader.nestedReader(source: member, kind: kind)
          let (innerMembers, innerErrors) = try readAll(
            inner, bufferSize: bufferSize, nested: true)
          for var innerMember in innerMembers {
            innerMember.entry.name = entry.name + "!" + innerMember.entry.name
            members.append(innerMember)
          }
          errors += innerErrors
        } catch let error as ArchiveError {
          errors.append(error)
        }
        continue
      }
      members.append(Member(entry: entry, data: try readData(member, buffer, &errors)))
    } else {
      members.append(Member(entry: entry, data: try readData(reader, buffer, &errors)))
    }
  }
  return (members, errors)
}

private func readData(
  _ source: any ArchiveSource, _ buffer: UnsafeMutableRawBufferPointer,
  _ errors: inout [ArchiveError]
) throws -> [UInt8] {
  var data: [UInt8] = []
  do {
    while true {
      let count = try source.read(into: buffer)
      if count == 0 { break }
      data += UnsafeRawBufferPointer(rebasing: buffer[..<count])
    }
  } catch let error as ArchiveError {
    errors.append(error)
  }
  return data
}

/// Reads a file on disk (seekable) or the same bytes as a non-seekable stream.
enum Access: String, CaseIterable, CustomTestStringConvertible {
  case file
  case stream

  var testDescription: String { rawValue }

  func source(_ path: String) throws -> any ArchiveSource {
    switch self {
    case .file: try FileDescriptorSource(path: path)
    case .stream:
      MemorySource(Array(try Data(contentsOf: URL(fileURLWithPath: path))), chunkSize: 10_000)
    }
  }
}

/// Deterministic synthetic CSV rows (made-up names and numbers, not real people): `rows` lines,
/// varied enough that they compress like real exports (3-5x), not like zeros.
func syntheticCSV(rows: Int, seed: UInt64 = 1) -> String {
  let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
  let given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"]
  var state = seed
  func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }
  var text = "编号,姓名,手机,备注\n"
  for row in 0..<rows {
    let name = surnames[Int(next() % 10)] + given[Int(next() % 12)]
    let phone = "13" + String(format: "%09llu", next() % 1_000_000_000)
    text += "\(row),\(name),\(phone),测试数据\(next() % 100_000)\n"
  }
  return text
}

extension ArchiveError.Kind {
  var isLimit: Bool {
    if case .limitExceeded = self { return true }
    return false
  }
}
