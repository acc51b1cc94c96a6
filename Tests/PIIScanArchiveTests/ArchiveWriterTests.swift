import Foundation
import PIIScanArchive
import Testing

/// The writer (what `piiscan redact` writes archives back with): every format and filter it
/// offers, read back by the system's own tools (tar, unzip, 7-Zip, cpio, ar, gzip…) and by
/// ``ArchiveReader``; the layout a reader reports is the one the input had.
@Suite struct ArchiveWriterTests {
  /// Collects the bytes a writer makes.
  final class Collector: ArchiveSink {
    var bytes: [UInt8] = []
    func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes += bytes }
  }

  /// A sink that fails on its first write.
  final class FailingSink: ArchiveSink {
    struct Full: Error {}
    func write(_ bytes: UnsafeRawBufferPointer) throws { throw Full() }
  }

  static let members: [(name: String, text: String)] = [
    ("客户/名单.csv", "姓名,手机号\n张*,139****5670\n"),
    ("notes.txt", String(repeating: "line of text\n", count: 500)),
    ("empty.txt", ""),
  ]

  static func write(_ layout: ArchiveWriter.Layout, modified: Int64 = 1_700_000_000) throws
    -> [UInt8]
  {
    let sink = Collector()
    let writer = try ArchiveWriter(sink: sink, layout: layout)
    if layout.format != .raw {
      try writer.writeEntry(
        ArchiveEntry(name: "客户", kind: .directory, modificationTime: modified))
    }
    for member in layout.format == .raw ? Array(members.prefix(1)) : members {
      let entry = ArchiveEntry(name: member.name, modificationTime: modified, permissions: 0o640)
      try Array(member.text.utf8).withUnsafeBytes { try writer.writeFile(entry, data: $0) }
    }
    try writer.finish()
    return sink.bytes
  }

  /// Every member as the tools list and extract it, compared with what was written.
  @Test(arguments: [
    (ArchiveWriter.Format.tarPAX, [ArchiveWriter.Filter](), "tar -xf a"),
    (.tarGNU, [.gzip], "tar -xzf a"),
    (.tarUSTAR, [.bzip2], "tar -xjf a"),
    (.tarPAX, [.xz], "tar -xJf a"),
    (.tarPAX, [.zstd], "zstd -dc a | tar -xf -"),
    (.zip, [], "unzip -q a"),
  ])
  func theSystemToolsReadWhatIsWritten(
    format: ArchiveWriter.Format, filters: [ArchiveWriter.Filter], extract: String
  ) throws {
    let directory = try TemporaryDirectory()
    let layout = ArchiveWriter.Layout(format: format, filters: filters)
    try directory.write("a", try Self.write(layout))
    try directory.run("mkdir x && cd x && mv ../a . && \(extract) && rm a")
    for member in Self.members {
      #expect(
        try String(decoding: directory.bytes("x/\(member.name)"), as: UTF8.self) == member.text,
        "\(format) \(filters): \(member.name)")
    }
    // The modification time and permissions are the entry's.
    let attributes = try FileManager.default.attributesOfItem(
      atPath: directory.path("x/notes.txt"))
    #expect((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 == 1_700_000_000)
    #expect((attributes[.posixPermissions] as? Int) == 0o640)
  }

  @Test(.enabled(if: sevenZipCommand != nil, "needs 7-Zip"))
  func sevenZipReadsASevenZipArchive() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.7z", try Self.write(.init(format: .sevenZip, filters: [])))
    try directory.run("\(sevenZipCommand!) x -y -ox a.7z > /dev/null")
    for member in Self.members {
      #expect(
        try String(decoding: directory.bytes("x/\(member.name)"), as: UTF8.self) == member.text)
    }
  }

  /// ar holds flat names only; `ar p` gives each member back.
  @Test(arguments: [ArchiveWriter.Format.arSVR4, .arBSD])
  func arReadsAnArArchive(format: ArchiveWriter.Format) throws {
    let directory = try TemporaryDirectory()
    let sink = Collector()
    let writer = try ArchiveWriter(sink: sink, layout: .init(format: format, filters: []))
    for (name, text) in [("one.csv", "a,b\n1,2\n"), ("two.txt", "两个\n")] {
      try Array(text.utf8).withUnsafeBytes {
        try writer.writeFile(ArchiveEntry(name: name), data: $0)
      }
    }
    try writer.finish()
    try directory.write("a.a", sink.bytes)
    try directory.run("ar p a.a one.csv > one && ar p a.a two.txt > two")
    #expect(try directory.bytes("one") == Array("a,b\n1,2\n".utf8))
    #expect(try directory.bytes("two") == Array("两个\n".utf8))
  }

  /// A single compressed stream: `gzip -dc` gives the data back, and no timestamp is written,
  /// so the same data gives the same bytes at any time.
  @Test func aRawGzipStreamIsTheDataAndCarriesNoTime() throws {
    let directory = try TemporaryDirectory()
    let layout = ArchiveWriter.Layout(format: .raw, filters: [.gzip])
    let first = try Self.write(layout, modified: 1)
    #expect(first == (try Self.write(layout, modified: 2_000_000_000)))
    #expect(first[4..<8] == [0, 0, 0, 0])  // MTIME
    try directory.write("a.gz", first)
    try directory.run("gzip -dc a.gz > a.txt")
    #expect(try directory.bytes("a.txt") == Array(Self.members[0].text.utf8))
  }

  /// What a reader reports is written back as the same layout: the archive the system tools
  /// made, read and written again, reads the same.
  @Test(arguments: [
    (
      "tar --format=gnu -cf a.tar d", "a.tar", ArchiveWriter.Format.tarGNU, [ArchiveWriter.Filter]()
    ),
    ("tar --format=pax -czf a.tgz d", "a.tgz", .tarPAX, [.gzip]),
    ("tar --format=ustar -cJf a.txz d", "a.txz", .tarUSTAR, [.xz]),
    ("zip -qr a.zip d", "a.zip", .zip, []),
    ("gzip -nc d/one.csv > a.csv.gz", "a.csv.gz", .raw, [.gzip]),
    ("bzip2 -c d/one.csv > a.csv.bz2", "a.csv.bz2", .raw, [.bzip2]),
  ])
  func aReadArchiveIsWrittenBackInItsLayout(
    make: String, file: String, format: ArchiveWriter.Format, filters: [ArchiveWriter.Filter]
  ) throws {
    let directory = try TemporaryDirectory()
    try directory.write("d/one.csv", "a,b\n1,2\n")
    try directory.write("d/two.txt", "两个\n")
    try directory.run(make)
    let bytes = try directory.bytes(file)
    let reader = try ArchiveReader(
      source: MemorySource(bytes), kind: Self.kind(of: bytes), budget: ArchiveBudget())
    var entries: [(ArchiveEntry, [UInt8])] = []
    while let entry = try reader.nextEntry() {
      entries.append((entry, entry.kind == .file ? try Self.readAll(reader) : []))
    }
    let layout = try #require(ArchiveWriter.Layout(of: reader))
    #expect(layout == ArchiveWriter.Layout(format: format, filters: filters))
    let sink = Collector()
    let writer = try ArchiveWriter(sink: sink, layout: layout)
    for (entry, data) in entries {
      if entry.kind == .file {
        try data.withUnsafeBytes { try writer.writeFile(entry, data: $0) }
      } else {
        try writer.writeEntry(entry)
      }
    }
    try writer.finish()
    let again = try ArchiveReader(
      source: MemorySource(sink.bytes), kind: Self.kind(of: sink.bytes), budget: ArchiveBudget())
    var index = 0
    while let entry = try again.nextEntry() {
      try #require(index < entries.count)
      #expect(entry.name == entries[index].0.name)
      // Dates and permissions are carried over (zip keeps no permissions of its own).
      #expect(entry.modificationTime == entries[index].0.modificationTime)
      if format != .zip { #expect(entry.permissions == entries[index].0.permissions) }
      if entry.kind == .file { #expect(try Self.readAll(again) == entries[index].1) }
      index += 1
    }
    #expect(index == entries.count)
  }

  /// A sink's failure ends the write with an error (never a half archive passed as whole).
  @Test func aFailingSinkIsAnError() throws {
    let writer = try ArchiveWriter(
      sink: FailingSink(), layout: .init(format: .tarPAX, filters: [.gzip]))
    #expect(throws: ArchiveError.self) {
      let data = [UInt8](repeating: 0x41, count: 1 << 20)
      try data.withUnsafeBytes { try writer.writeFile(ArchiveEntry(name: "a"), data: $0) }
      try writer.finish()
    }
  }

  static func kind(of bytes: [UInt8]) -> ContainerKind {
    bytes.withUnsafeBytes {
      ContainerSniffer.kind(
        of: UnsafeRawBufferPointer(rebasing: $0.prefix(ContainerSniffer.prefixLength)))
    }
  }

  static func readAll(_ reader: ArchiveReader) throws -> [UInt8] {
    var out: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 8)
    defer { buffer.deallocate() }
    while true {
      let count = try reader.read(into: buffer)
      if count == 0 { return out }
      out += buffer[..<count]
    }
  }
}
