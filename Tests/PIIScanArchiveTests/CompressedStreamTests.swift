import Foundation
import PIIScanArchive
import Testing

/// Compression-only streams: one member, the decompressed bytes.
@Suite struct CompressedStreamTests {
  struct Tool: Sendable, CustomTestStringConvertible {
    let command: String
    let suffix: String
    let kind: ContainerKind
    var testDescription: String { suffix }
  }

  static let tools = [
    Tool(command: "gzip -n -c", suffix: "gz", kind: .gzip),
    Tool(command: "bzip2 -c", suffix: "bz2", kind: .bzip2),
    Tool(command: "xz -c", suffix: "xz", kind: .xz),
    Tool(command: "zstd -q -c", suffix: "zst", kind: .zstd),
  ]

  @Test(arguments: tools, [1, 4096, 1 << 20])
  func roundTrip(_ tool: Tool, bufferSize: Int) throws {
    let directory = try TemporaryDirectory()
    // Several of libarchive's 64 KiB output blocks, and more than one bzip2 block.
    let text = syntheticCSV(rows: bufferSize == 1 ? 3_000 : 40_000)
    try directory.write("名单.csv", text)
    try directory.run("\(tool.command) 名单.csv > data.\(tool.suffix)")

    let source = try FileDescriptorSource(path: directory.path("data.\(tool.suffix)"))
    let budget = ArchiveBudget()
    let reader = try ArchiveReader(source: source, kind: tool.kind, budget: budget)
    #expect(reader.isCompressedStream)
    let (members, errors) = try readAll(reader, bufferSize: bufferSize)
    #expect(errors.isEmpty)
    try #require(members.count == 1)
    // No format but gzip records a name, and `gzip -n` leaves it out.
    #expect(members[0].entry.name == "")
    #expect(members[0].entry.kind == .file)
    #expect(members[0].text == text)
    #expect(reader.producedBytes == Int64(text.utf8.count))
    #expect(budget.totalBytes == Int64(text.utf8.count))
    #expect(try reader.nextEntry() == nil)
  }

  @Test func gzipMemberIsNamedByItsHeader() throws {
    let directory = try TemporaryDirectory()
    try directory.write("客户名单.csv", "姓名,手机\n王伟,13800000000\n")
    try directory.run("gzip -k 客户名单.csv && gzip -c 客户名单.csv > renamed.bin")
    for file in ["客户名单.csv.gz", "renamed.bin"] {
      let (members, errors) = try readAll(try FileDescriptorSource(path: directory.path(file)))
      #expect(errors.isEmpty)
      #expect(members.map(\.name) == ["客户名单.csv"], "\(file)")
      #expect(members.first?.entry.rawName == Array("客户名单.csv".utf8))
      #expect(members.first?.text == "姓名,手机\n王伟,13800000000\n")
    }
  }

  @Test func emptyCompressedFileIsOneEmptyMember() throws {
    let directory = try TemporaryDirectory()
    try directory.write("empty.txt", "")
    try directory.run("gzip -k empty.txt && xz -k empty.txt")
    for (file, name) in [("empty.txt.gz", "empty.txt"), ("empty.txt.xz", "")] {
      let (members, errors) = try readAll(try FileDescriptorSource(path: directory.path(file)))
      #expect(errors.isEmpty)
      #expect(members.map(\.name) == [name])
      #expect(members.first?.data == [])
    }
  }

  @Test func concatenatedGzipMembersAreOneStream() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a", "第一部分\n")
    try directory.write("b", "第二部分\n")
    try directory.run("gzip -c a > ab.gz && gzip -c b >> ab.gz")
    let (members, _) = try readAll(try FileDescriptorSource(path: directory.path("ab.gz")))
    #expect(members.map(\.text) == ["第一部分\n第二部分\n"])
  }

  /// The raw-or-archive decision is made on the decoded bytes, by the sniffer.
  @Test(arguments: ["gzip -c", "xz -c", "zstd -q -c", "bzip2 -c"])
  func compressedTarIsReadAsTar(compressor: String) throws {
    let directory = try TemporaryDirectory()
    try directory.write("src/名单.csv", syntheticCSV(rows: 100))
    try directory.write("src/readme.txt", "说明\n")
    try directory.run("tar cf - -C src . | \(compressor) > a.tar.x")
    let source = PeekingSource(try FileDescriptorSource(path: directory.path("a.tar.x")))
    let kind = ContainerSniffer.kind(of: try source.peek())
    #expect(kind.isCompression)
    let reader = try ArchiveReader(source: source, kind: kind, budget: ArchiveBudget())
    #expect(!reader.isCompressedStream)
    let (members, errors) = try readAll(reader)
    #expect(errors.isEmpty)
    #expect(
      members.filter { $0.entry.kind == .file }.map(\.name).sorted()
        == ["./readme.txt", "./名单.csv"])
    #expect(members.first { $0.name == "./名单.csv" }?.text == syntheticCSV(rows: 100))
  }

  /// libarchive's own bidding would call this an empty tar and drop it.
  @Test func gzipOfDataStartingWithZerosIsOneMember() throws {
    let directory = try TemporaryDirectory()
    let bytes = [UInt8](repeating: 0, count: 4096) + Array("姓名：王伟 手机：13800000000\n".utf8)
    try directory.write("disk.img", bytes)
    try directory.run("gzip -k disk.img")
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("disk.img.gz")))
    #expect(errors.isEmpty)
    #expect(members.map(\.name) == ["disk.img"])
    #expect(members.first?.data == bytes)
  }

  /// libarchive's mtree reader would open the files such a listing names on the local disk.
  @Test func gzipOfAnMtreeListingIsText() throws {
    let directory = try TemporaryDirectory()
    try directory.write("secret.txt", "LOCAL FILE CONTENT\n")
    let listing = "#mtree\n./secret.txt type=file size=19\n"
    try directory.write("listing", listing)
    try directory.run("gzip -n -c listing > listing.gz")
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("listing.gz")))
    #expect(errors.isEmpty)
    #expect(members.map(\.text) == [listing])
  }

  @Test func compressedZipIsReadAsZip() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.csv", "王伟,13800000000\n")
    try directory.run("zip -q a.zip a.csv && xz -k a.zip")
    let (members, errors) = try readAll(try FileDescriptorSource(path: directory.path("a.zip.xz")))
    #expect(errors.isEmpty)
    #expect(members.map(\.name) == ["a.csv"])
    #expect(members.first?.text == "王伟,13800000000\n")
  }

  @Test func plainKindIsRefused() throws {
    let error = #expect(throws: ArchiveError.self) {
      _ = try ArchiveReader(
        source: MemorySource(Array("text".utf8)), kind: .plain, budget: ArchiveBudget())
    }
    #expect(error?.kind == .unsupported)
  }
}
