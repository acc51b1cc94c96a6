import Foundation
import PIIScanArchive
import Testing

/// Damaged input: what could be read comes out first, then a precise error.
@Suite struct ErrorTests {
  struct Cut: Sendable, CustomTestStringConvertible {
    let command: String
    let suffix: String
    var testDescription: String { suffix }
  }

  @Test(arguments: [
    Cut(command: "gzip -n -c", suffix: "gz"), Cut(command: "bzip2 -c", suffix: "bz2"),
    Cut(command: "xz -c", suffix: "xz"), Cut(command: "zstd -q -c", suffix: "zst"),
  ])
  func truncatedStreamYieldsItsDecodableStartThenTruncated(_ cut: Cut) throws {
    let directory = try TemporaryDirectory()
    let text = syntheticCSV(rows: 60_000)  // ~2.5 MB: several bzip2 blocks, many gzip blocks
    try directory.write("a.csv", text)
    try directory.run("\(cut.command) a.csv > a.\(cut.suffix)")
    let whole = try directory.bytes("a.\(cut.suffix)")
    let half = try directory.write("half.\(cut.suffix)", Array(whole.prefix(whole.count / 2)))

    let (members, errors) = try readAll(try FileDescriptorSource(path: half))
    try #require(members.count == 1)
    let decoded = try #require(members[0].data)
    // A good part of the first half comes out, and every byte of it is right.
    #expect(decoded.count > text.utf8.count / 4)
    #expect(decoded == Array(text.utf8.prefix(decoded.count)))
    try #require(errors.count == 1)
    #expect(errors[0].kind == .truncated, "\(errors[0])")
  }

  @Test func truncatedGzipMessageSaysWhereItStopped() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.csv", syntheticCSV(rows: 30_000))
    try directory.run("gzip -c a.csv > a.gz")
    let whole = try directory.bytes("a.gz")
    let (members, errors) = try readAll(MemorySource(Array(whole.prefix(whole.count / 2))))
    let error = try #require(errors.first)
    #expect(error.message.contains("truncated gzip input"))
    #expect(error.message.contains("after \(members[0].data!.count) decompressed bytes"))
    #expect(error.description.hasPrefix("truncated: "))
  }

  @Test func gzipCutInsideItsHeaderIsAnError() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.csv", "王伟\n")
    try directory.run("gzip -n -c a.csv > a.gz")
    let header = Array(try directory.bytes("a.gz").prefix(5))
    let error = #expect(throws: ArchiveError.self) {
      _ = try readAll(MemorySource(header))
    }
    #expect(error?.kind == .truncated)
  }

  @Test func truncatedTarGzGivesTheEntriesBeforeTheCut() throws {
    let directory = try TemporaryDirectory()
    try directory.write("t/1.csv", syntheticCSV(rows: 5_000, seed: 1))
    try directory.write("t/2.csv", syntheticCSV(rows: 5_000, seed: 2))
    try directory.write("t/3.csv", syntheticCSV(rows: 5_000, seed: 3))
    try directory.run("tar czf a.tar.gz -C t 1.csv 2.csv 3.csv")
    let whole = try directory.bytes("a.tar.gz")
    let (members, errors) = try readAll(MemorySource(Array(whole.prefix(whole.count / 2))))
    #expect(members.first?.text == syntheticCSV(rows: 5_000, seed: 1))
    #expect(members.count == 2)
    #expect(errors.map(\.kind) == [.truncated])
  }

  @Test(arguments: Access.allCases)
  func truncatedZip(access: Access) throws {
    let directory = try TemporaryDirectory()
    try directory.write("1.csv", syntheticCSV(rows: 5_000, seed: 1))
    try directory.write("2.csv", syntheticCSV(rows: 5_000, seed: 2))
    try directory.run("zip -q a.zip 1.csv 2.csv")
    let whole = try directory.bytes("a.zip")
    let cut = try directory.write("cut.zip", Array(whole.prefix(whole.count * 3 / 4)))
    let (members, errors) = try readAll(try access.source(cut))
    if access == .stream {
      // Local headers: the first entry is whole, the second ends early.
      #expect(members.first?.text == syntheticCSV(rows: 5_000, seed: 1))
      #expect(members.count == 2)
    }
    // From a file the central directory is missing, so the local headers are read instead and
    // the error comes last.
    try #require(errors.count == 1)
    #expect(errors[0].kind == .truncated || errors[0].kind == .corrupt, "\(errors[0])")
  }

  @Test(arguments: Access.allCases)
  func zipWithBytesOverwrittenInTheMiddle(access: Access) throws {
    let directory = try TemporaryDirectory()
    let first = syntheticCSV(rows: 8_000, seed: 1)
    try directory.write("1.csv", first)
    try directory.write("2.csv", syntheticCSV(rows: 100, seed: 2))
    try directory.run("zip -q a.zip 1.csv 2.csv")
    var bytes = try directory.bytes("a.zip")
    let middle = bytes.count / 3  // inside 1.csv's deflated data
    bytes.replaceSubrange(middle..<(middle + 64), with: [UInt8](repeating: 0xFF, count: 64))
    let path = try directory.write("damaged.zip", bytes)
    let (members, errors) = try readAll(try access.source(path))
    #expect(members.first?.name == "1.csv")
    try #require(!errors.isEmpty)
    #expect(errors[0].kind == .corrupt, "\(errors[0])")
    #expect(errors[0].message.contains("1.csv"))
    // What came out of 1.csv before the damage is the start of the file.
    let decoded = members.first?.data ?? []
    #expect(decoded.count < first.utf8.count)
    #expect(decoded == Array(first.utf8.prefix(decoded.count)))
  }

  @Test(arguments: Access.allCases)
  func crcMismatchComesAfterTheBytesAndTheNextEntryIsRead(access: Access) throws {
    let directory = try TemporaryDirectory()
    let first = syntheticCSV(rows: 200, seed: 1)
    try directory.write("1.csv", first)
    try directory.write("2.csv", "李娜,13900000000\n")
    try directory.run("zip -q -0 a.zip 1.csv 2.csv")
    var bytes = try directory.bytes("a.zip")
    // Stored, so the data is the file's bytes: change one digit in the middle of 1.csv.
    let start = try #require(firstIndex(of: Array(first.utf8.prefix(40)), in: bytes))
    let flipped = start + first.utf8.count / 2
    bytes[flipped] ^= 0x01
    let path = try directory.write("flipped.zip", bytes)
    let (members, errors) = try readAll(try access.source(path))
    #expect(members.map(\.name) == ["1.csv", "2.csv"])
    #expect(members[0].data?.count == first.utf8.count)
    #expect(members[1].text == "李娜,13900000000\n")
    try #require(errors.count == 1)
    #expect(errors[0].kind == .corrupt)
    #expect(errors[0].message.contains("CRC"))
    #expect(errors[0].message.contains("1.csv"))
  }

  @Test func zipWithADamagedLocalHeader() throws {
    let directory = try TemporaryDirectory()
    try directory.write("1.csv", syntheticCSV(rows: 100, seed: 1))
    try directory.write("2.csv", syntheticCSV(rows: 100, seed: 2))
    try directory.run("zip -q a.zip 1.csv 2.csv")
    var bytes = try directory.bytes("a.zip")
    let second = try #require(findSecondLocalHeader(bytes))
    bytes.replaceSubrange(second..<(second + 4), with: Array("XXXX".utf8))
    let path = try directory.write("damaged.zip", bytes)
    // From a file, the central directory points at the damaged header.
    let (members, errors) = try readAll(try FileDescriptorSource(path: path))
    #expect(members.map(\.name) == ["1.csv"])
    #expect(members.first?.text == syntheticCSV(rows: 100, seed: 1))
    #expect(errors.map(\.kind) == [.corrupt])
  }

  @Test func zipWithADamagedCentralDirectoryIsReadFromLocalHeadersThenReported() throws {
    let directory = try TemporaryDirectory()
    try directory.write("1.csv", syntheticCSV(rows: 100, seed: 1))
    try directory.write("客户/2.csv", syntheticCSV(rows: 100, seed: 2))
    try directory.run("zip -q a.zip 1.csv 客户/2.csv")
    var bytes = try directory.bytes("a.zip")
    let central = try #require(lastIndex(of: [0x50, 0x4B, 0x01, 0x02], in: bytes))
    bytes.replaceSubrange(central..<(central + 4), with: Array("XXXX".utf8))
    let path = try directory.write("damaged.zip", bytes)
    let (members, errors) = try readAll(try FileDescriptorSource(path: path))
    #expect(members.map(\.name) == ["1.csv", "客户/2.csv"])
    #expect(members.last?.text == syntheticCSV(rows: 100, seed: 2))
    try #require(errors.count == 1)
    #expect(errors[0].kind == .corrupt)
    #expect(errors[0].message.contains("central directory"))
  }

  @Test(arguments: Access.allCases)
  func encryptedEntryIsSkippedAndTheNextIsRead(access: Access) throws {
    let directory = try TemporaryDirectory()
    try directory.write("secret.csv", "王伟,13800000000\n")
    try directory.write("open.csv", "李娜,13900000000\n")
    try directory.run("zip -q -P 口令 a.zip secret.csv && zip -q a.zip open.csv")
    let source = PeekingSource(try access.source(directory.path("a.zip")))
    let reader = try ArchiveReader(
      source: source, kind: ContainerSniffer.kind(of: try source.peek()), budget: ArchiveBudget())

    let secret = try #require(try reader.nextEntry())
    #expect(secret.name == "secret.csv")
    #expect(secret.isEncrypted)
    var buffer = [UInt8](repeating: 0, count: 64)
    let error = #expect(throws: ArchiveError.self) {
      _ = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
    }
    #expect(error?.kind == .encrypted)
    #expect(error?.message.contains("secret.csv") == true)

    let open = try #require(try reader.nextEntry())
    #expect(open.name == "open.csv")
    #expect(!open.isEncrypted)
    let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
    #expect(Array(buffer.prefix(count)) == Array("李娜,13900000000\n".utf8))
    #expect(try reader.nextEntry() == nil)
  }

  @Test func damagedTarHeaderIsSkippedAndSaidSo() throws {
    let directory = try TemporaryDirectory()
    for index in 1...3 {
      try directory.write("t/\(index).csv", syntheticCSV(rows: 50, seed: UInt64(index)))
    }
    try directory.run("tar cf a.tar -C t 1.csv 2.csv 3.csv")
    var bytes = try directory.bytes("a.tar")
    let header = try #require(firstIndex(of: Array("2.csv".utf8), in: bytes))
    bytes.replaceSubrange((header + 100)..<(header + 108), with: Array("XXXXXXXX".utf8))
    let (members, errors) = try readAll(MemorySource(bytes))
    #expect(errors.isEmpty)
    #expect(members.map(\.name) == ["1.csv", "3.csv"])
    #expect(members[1].entry.warning?.contains("Damaged tar archive") == true)
    #expect(members[1].text == syntheticCSV(rows: 50, seed: 3))
  }

  @Test func sourceErrorsAreIOErrors() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.csv", syntheticCSV(rows: 20_000))
    try directory.run("gzip -c a.csv > a.gz")
    let source = MemorySource(try directory.bytes("a.gz"), chunkSize: 4096)
    source.failAt = 100_000
    let (members, errors) = try readAll(source)
    #expect(members.count == 1)
    #expect(errors.map(\.kind) == [.io])
    #expect(errors.first?.message.contains("simulated device error") == true)
  }

  @Test func eachErrorIsThrownOnceThenTheReaderEnds() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.csv", syntheticCSV(rows: 20_000))
    try directory.run("gzip -c a.csv > a.gz")
    let whole = try directory.bytes("a.gz")
    let reader = try ArchiveReader(
      source: MemorySource(Array(whole.prefix(whole.count / 2))), kind: .gzip,
      budget: ArchiveBudget())
    _ = try reader.nextEntry()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var thrown = 0
    for _ in 0..<100 {
      do {
        if try buffer.withUnsafeMutableBytes({ try reader.read(into: $0) }) == 0 { break }
      } catch {
        thrown += 1
      }
    }
    #expect(thrown == 1)
    #expect(try buffer.withUnsafeMutableBytes { try reader.read(into: $0) } == 0)
    #expect(try reader.nextEntry() == nil)
  }
}

private func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
  guard bytes.count >= needle.count else { return nil }
  return (0...(bytes.count - needle.count)).first {
    Array(bytes[$0..<($0 + needle.count)]) == needle
  }
}

private func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
  guard bytes.count >= needle.count else { return nil }
  return (0...(bytes.count - needle.count)).reversed().first {
    Array(bytes[$0..<($0 + needle.count)]) == needle
  }
}

private func findSecondLocalHeader(_ bytes: [UInt8]) -> Int? {
  let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
  guard let first = firstIndex(of: signature, in: bytes) else { return nil }
  return firstIndex(of: signature, in: Array(bytes[(first + 4)...])).map { $0 + first + 4 }
}
