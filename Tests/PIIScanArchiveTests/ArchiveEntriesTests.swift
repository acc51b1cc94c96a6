import Foundation
import PIIScanArchive
import Testing

/// Archives: every entry, with its name, kind and bytes.
@Suite struct ArchiveEntriesTests {
  /// A tree with directories, non-ASCII names, an empty file and a larger file.
  static func makeTree(in directory: TemporaryDirectory) throws -> [String: String] {
    let files = [
      "客户/名单.csv": syntheticCSV(rows: 2_000),
      "客户/空.txt": "",
      "readme.txt": "样本数据，均为虚构。\n",
    ]
    for (name, text) in files {
      try directory.write("tree/" + name, text)
    }
    return files
  }

  @Test(arguments: ["-0", "-6"], Access.allCases)
  func zipRoundTrip(level: String, access: Access) throws {
    let directory = try TemporaryDirectory()
    let files = try Self.makeTree(in: directory)
    try directory.run("cd tree && zip -q -r \(level) ../a.zip readme.txt 客户")
    let (members, errors) = try readAll(try access.source(directory.path("a.zip")))
    #expect(errors.isEmpty)
    #expect(members.map(\.name).sorted() == ["readme.txt", "客户/", "客户/名单.csv", "客户/空.txt"])
    #expect(members.first { $0.name == "客户/" }?.entry.kind == .directory)
    for member in members where member.name != "客户/" {
      #expect(member.entry.kind == .file)
      #expect(member.text == files[member.name], "\(member.name)")
      #expect(member.entry.size == Int64(files[member.name]!.utf8.count))
    }
  }

  /// `zip` writing to a pipe puts each entry's sizes in a descriptor after its data, so a
  /// single-pass reader learns them only at the end.
  @Test(arguments: Access.allCases)
  func zipWrittenToAPipe(access: Access) throws {
    let directory = try TemporaryDirectory()
    let text = syntheticCSV(rows: 3_000)
    try directory.write("名单.csv", text)
    try directory.run(
      "zip -q - 名单.csv | cat > piped.zip && cat 名单.csv | zip -q -0 - - > stored.zip")
    for file in ["piped.zip", "stored.zip"] {
      let (members, errors) = try readAll(try access.source(directory.path(file)))
      #expect(errors.isEmpty, "\(file)")
      #expect(members.map(\.text) == [text], "\(file)")
    }
  }

  @Test(arguments: ["", "z", "J"], ["gnu", "pax"])
  func tarRoundTrip(compression: String, format: String) throws {
    let directory = try TemporaryDirectory()
    let files = try Self.makeTree(in: directory)
    try directory.run(
      "ln -s 客户/名单.csv tree/link"
        + " && tar c\(compression)f a.tar --format=\(format) -C tree readme.txt 客户 link")
    let (members, errors) = try readAll(try FileDescriptorSource(path: directory.path("a.tar")))
    #expect(errors.isEmpty)
    let names = members.map(\.name)
    #expect(names.sorted() == ["link", "readme.txt", "客户/", "客户/名单.csv", "客户/空.txt"])
    for member in members {
      switch member.name {
      case "客户/":
        #expect(member.entry.kind == .directory)
      case "link":
        #expect(member.entry.kind == .symlink)
        #expect(member.entry.linkTarget == "客户/名单.csv")
        #expect(member.data == nil)
      default:
        #expect(member.entry.kind == .file)
        #expect(member.text == files[member.name], "\(member.name)")
      }
    }
  }

  @Test func directoriesAndLinksAreListedButNotRead() throws {
    let directory = try TemporaryDirectory()
    try directory.write("tree/dir/a.txt", "a\n")
    try directory.run(
      "ln -s dir/a.txt tree/link && ln tree/dir/a.txt tree/hard && tar cf a.tar -C tree dir link hard"
    )
    let reader = try ArchiveReader(
      source: try FileDescriptorSource(path: directory.path("a.tar")), kind: .tar,
      budget: ArchiveBudget())
    var buffer = [UInt8](repeating: 0, count: 16)
    var kinds: [String: ArchiveEntry.Kind] = [:]
    while let entry = try reader.nextEntry() {
      kinds[entry.name] = entry.kind
      if entry.kind == .file {
        #expect(try buffer.withUnsafeMutableBytes { try reader.read(into: $0) } == 2)
        continue
      }
      let error = #expect(throws: ArchiveError.self) {
        _ = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
      }
      #expect(error?.kind == .unsupported)
    }
    // GNU tar stores the second name of a hard link as a link to the first.
    #expect(kinds == ["dir/": .directory, "dir/a.txt": .file, "link": .symlink, "hard": .other])
  }

  @Test func emptyZipHasNoEntries() throws {
    // The end-of-central-directory record alone: what `zip` leaves after deleting everything.
    let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
    let directory = try TemporaryDirectory()
    let path = try directory.write("empty.zip", empty)
    for source in [try FileDescriptorSource(path: path), MemorySource(empty)] as [any ArchiveSource]
    {
      let (members, errors) = try readAll(source)
      #expect(members.isEmpty)
      #expect(errors.isEmpty)
    }
  }

  /// An empty tar is 10 KiB of zeros: indistinguishable from zeros, so it is one member of
  /// zeros rather than nothing (nothing is dropped silently).
  @Test func emptyTarGzIsOneMemberOfZeros() throws {
    let directory = try TemporaryDirectory()
    try directory.run("tar cf - -T /dev/null | gzip -n > empty.tar.gz")
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("empty.tar.gz")))
    #expect(errors.isEmpty)
    #expect(members.count == 1)
    #expect(members.first?.data?.allSatisfy { $0 == 0 } == true)
    #expect((members.first?.data?.count ?? 0) >= 1024)
  }

  @Test func gbkNamesKeepTheirBytes() throws {
    let directory = try TemporaryDirectory()
    // 客户.csv in GBK, as Chinese Windows tools write it.
    let gbkName: [UInt8] = [0xBF, 0xCD, 0xBB, 0xA7] + Array(".csv".utf8)
    // Create the file with its raw bytes through the shell, which does not decode them.
    try directory.run(
      #"mkdir -p tree && cd tree && printf 'x\n' > "$(printf '\277\315\273\247.csv')" && zip -q ../g.zip * && tar cf ../g.tar *"#
    )
    for archive in ["g.zip", "g.tar"] {
      let (members, _) = try readAll(try FileDescriptorSource(path: directory.path(archive)))
      #expect(members.map(\.entry.rawName) == [gbkName], "\(archive)")
      #expect(members.first?.name.hasSuffix(".csv") == true)
      #expect(members.first?.text == "x\n")
    }
  }

  @Test func sparseTarEntryComesBackWithItsHoles() throws {
    let directory = try TemporaryDirectory()
    try directory.run(
      "printf 'head' > sparse.bin && truncate -s 1048576 sparse.bin && printf 'tail' >> sparse.bin"
        + " && truncate -s 2097152 sparse.bin && tar cSf a.tar sparse.bin")
    let expected = try directory.bytes("sparse.bin")
    let (members, errors) = try readAll(try FileDescriptorSource(path: directory.path("a.tar")))
    #expect(errors.isEmpty)
    #expect(members.count == 1)
    #expect(members.first?.data?.count == expected.count)
    #expect(members.first?.data == expected)
  }

  @Test(
    .enabled(if: sevenZipCommand != nil, "needs 7-Zip (apt install 7zip) to make fixtures"),
    arguments: Access.allCases)
  func sevenZip(access: Access) throws {
    let directory = try TemporaryDirectory()
    let files = try Self.makeTree(in: directory)
    try directory.run("cd tree && \(sevenZipCommand!) a -bd -bso0 ../a.7z readme.txt 客户")
    switch access {
    case .file:
      let (members, errors) = try readAll(try access.source(directory.path("a.7z")))
      #expect(errors.isEmpty)
      #expect(
        members.filter { $0.entry.kind == .file }.map(\.name).sorted()
          == ["readme.txt", "客户/名单.csv", "客户/空.txt"])
      for member in members where member.entry.kind == .file {
        #expect(member.text == files[member.name], "\(member.name)")
      }
    case .stream:
      let error = #expect(throws: ArchiveError.self) {
        _ = try readAll(try access.source(directory.path("a.7z")))
      }
      #expect(error?.kind == .unsupported)
      #expect(error?.message.contains("random access") == true)
    }
  }
}
