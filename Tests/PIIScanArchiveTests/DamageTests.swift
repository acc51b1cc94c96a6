import Foundation
import PIIScanArchive
import Testing

/// Damaged compressed streams and archives (issue 8, class 4): what the format's own tool can
/// still recover from a damaged file, the reader delivers too, and then says what is wrong.
///
/// The reference for every cut file is the output of the format's command-line tool (`gzip -dc`,
/// `bzip2 -dc`, `xz -dc`, `zstd -dc`), which writes what it decoded before it reports the
/// damage; it shares no code with the reader.
@Suite struct DamageTests {
  struct Format: Sendable, CustomTestStringConvertible {
    let compress: String
    let decompress: String
    let suffix: String
    var testDescription: String { suffix }
  }

  static let formats = [
    Format(compress: "gzip -n -c", decompress: "gzip -dc", suffix: "gz"),
    Format(compress: "bzip2 -c", decompress: "bzip2 -dc", suffix: "bz2"),
    Format(compress: "xz -c", decompress: "xz -dc", suffix: "xz"),
    Format(compress: "zstd -q -c", decompress: "zstd -q -dc", suffix: "zst"),
  ]

  /// What `format`'s tool writes for `file`, whether or not it then fails.
  static func recovered(_ file: String, _ format: Format, in directory: TemporaryDirectory)
    throws -> [UInt8]
  {
    try directory.run("\(format.decompress) \(file) > \(file).out 2>/dev/null || true")
    return try directory.bytes("\(file).out")
  }

  @Test(arguments: formats)
  func class4CutStreamYieldsAtLeastWhatItsToolRecovers(_ format: Format) throws {
    let directory = try TemporaryDirectory()
    // About 850 kB of text: several of libarchive's 64 KiB output blocks, one bzip2 block.
    let text = Array(syntheticCSV(rows: 20_000).utf8)
    try directory.write("a.csv", text)
    try directory.run("\(format.compress) a.csv > a.\(format.suffix)")
    let whole = try directory.bytes("a.\(format.suffix)")
    // Early cuts (less than one output block decoded), middle ones, and inside the trailer.
    let cuts =
      [12_000, whole.count / 8, whole.count / 3, whole.count / 2, whole.count - 9]
      + [whole.count - 1]
    for cut in cuts where cut > 0 && cut < whole.count {
      let name = "cut\(cut).\(format.suffix)"
      try directory.write(name, Array(whole.prefix(cut)))
      let expected = try Self.recovered(name, format, in: directory)
      let (members, errors) = try readAllOrOpeningError(
        try FileDescriptorSource(path: directory.path(name)))
      let decoded = members.first?.data ?? []
      #expect(
        decoded.count * 100 >= expected.count * 99,
        "cut at \(cut): \(decoded.count) bytes decoded, the tool recovers \(expected.count)")
      #expect(decoded == Array(text.prefix(decoded.count)), "cut at \(cut): wrong bytes")
      #expect(errors.map(\.kind) == [.truncated], "cut at \(cut): \(errors)")
    }
  }

  @Test func class4ZstdChecksumMismatchKeepsTheDataBeforeIt() throws {
    let directory = try TemporaryDirectory()
    let text = Array(syntheticCSV(rows: 60_000).utf8)
    try directory.write("a.csv", text)
    // zstd writes an XXH64 checksum at the end of the frame (its default, said explicitly).
    try directory.run("zstd -q --check -c a.csv > a.zst")
    var bytes = try directory.bytes("a.zst")
    bytes[bytes.count - 1] ^= 0xFF
    let path = try directory.write("bad.zst", bytes)
    let (members, errors) = try readAll(try FileDescriptorSource(path: path))
    #expect(members.first?.data == text)
    #expect(errors.map(\.kind) == [.corrupt], "\(errors)")
    #expect(errors.first?.message.contains("checksum") == true, "\(errors)")
  }

  @Test func class4GzipCRCMismatchKeepsTheDataBeforeIt() throws {
    let directory = try TemporaryDirectory()
    let text = Array(syntheticCSV(rows: 20_000).utf8)
    try directory.write("a.csv", text)
    try directory.run("gzip -n -c a.csv > a.gz")
    var bytes = try directory.bytes("a.gz")
    bytes[bytes.count - 8] ^= 0xFF  // the CRC-32 in the trailer
    let path = try directory.write("bad.gz", bytes)
    let (members, errors) = try readAll(MemorySource(try directory.bytes("bad.gz")))
    #expect(members.first?.data == text)
    #expect(errors.map(\.kind) == [.corrupt], "\(errors)")
    _ = path
  }

  /// A cut inside the first 512 decoded bytes: the reader still hands them out.
  @Test(arguments: formats)
  func class4ShortStreamCutBeforeItsEnd(_ format: Format) throws {
    let directory = try TemporaryDirectory()
    let text = Array("姓名,身份证号\n王伟,11010519491231002X\n李娜,13800000000\n".utf8)
    try directory.write("a.csv", text)
    try directory.run("\(format.compress) a.csv > a.\(format.suffix)")
    let whole = try directory.bytes("a.\(format.suffix)")
    let name = "cut.\(format.suffix)"
    try directory.write(name, Array(whole.prefix(whole.count - 4)))
    let expected = try Self.recovered(name, format, in: directory)
    let (members, errors) = try readAllOrOpeningError(
      try FileDescriptorSource(path: directory.path(name)))
    let decoded = members.first?.data ?? []
    #expect(decoded.count >= expected.count, "\(decoded.count) < \(expected.count)")
    #expect(decoded == Array(text.prefix(decoded.count)))
    #expect(errors.count == 1, "\(errors)")
  }

  @Test(arguments: Access.allCases)
  func class4GzipTrailingGarbageIsReportedAndReadAsItIs(access: Access) throws {
    let directory = try TemporaryDirectory()
    let text = syntheticCSV(rows: 2_000)
    try directory.write("a.csv", text)
    try directory.run("gzip -n -c a.csv > a.gz")
    let compressed = try directory.bytes("a.gz")
    // 4 KiB that are not gzip data, with a line a person can read.
    var garbage = (0..<4096).map { UInt8(truncatingIfNeeded: ($0 * 37) ^ 0x5A) }
    let line = Array("\n备注：王伟 手机 13800000000\n".utf8)
    garbage.replaceSubrange(1000..<(1000 + line.count), with: line)
    try directory.write("b.gz", compressed + garbage)
    let (members, errors) = try readAll(try access.source(directory.path("b.gz")))
    try #require(members.count == 2, "\(members)")
    #expect(members[0].text == text)
    #expect(members[1].data == garbage)
    #expect(members[1].name.contains("\(compressed.count)"), "\(members[1].name)")
    #expect(errors.map(\.kind) == [.trailingData], "\(errors)")
    #expect(errors.first?.message.contains("offset \(compressed.count)") == true, "\(errors)")
  }

  @Test func class4ZeroPaddingAfterGzipIsNotTrailingData() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.csv", "王伟,13800000000\n")
    try directory.run("gzip -n -c a.csv > a.gz && head -c 4096 /dev/zero >> a.gz")
    let (members, errors) = try readAll(try FileDescriptorSource(path: directory.path("a.gz")))
    #expect(errors.isEmpty, "\(errors)")
    #expect(members.map(\.text) == ["王伟,13800000000\n"])
  }

  @Test func class4TrailingDataAfterACompressedTarIsReported() throws {
    let directory = try TemporaryDirectory()
    try directory.write("t/1.csv", syntheticCSV(rows: 100))
    try directory.run("tar czf a.tar.gz -C t 1.csv && printf 'not gzip at all\\n' >> a.tar.gz")
    let (members, errors) = try readAll(
      try FileDescriptorSource(path: directory.path("a.tar.gz")))
    #expect(members.first?.text == syntheticCSV(rows: 100))
    #expect(members.last?.text == "not gzip at all\n")
    #expect(errors.map(\.kind) == [.trailingData], "\(errors)")
  }

  @Test func class4CRCMismatchAtTheEndOfACompressedTarIsReported() throws {
    let directory = try TemporaryDirectory()
    try directory.write("t/1.csv", syntheticCSV(rows: 100))
    try directory.run("tar czf a.tar.gz -C t 1.csv")
    var bytes = try directory.bytes("a.tar.gz")
    bytes[bytes.count - 8] ^= 0xFF
    let (members, errors) = try readAll(MemorySource(bytes))
    #expect(members.first?.text == syntheticCSV(rows: 100))
    #expect(errors.map(\.kind) == [.corrupt], "\(errors)")
  }

  /// A tar member whose header declares 8 GiB in an archive of a few kilobytes: its bytes come
  /// out without the archive's zero padding after them, then the truncation.
  @Test(arguments: ["", "z"], Access.allCases)
  func class4TarMemberLongerThanTheArchive(compression: String, access: Access) throws {
    let directory = try TemporaryDirectory()
    let text = "姓名,身份证号\n王伟,11010519491231002X\n"
    try directory.write("t/a.csv", text)
    try directory.run("tar cf a.tar --format=gnu -C t a.csv")
    var tar = try directory.bytes("a.tar")
    setTarSize(&tar, header: 0, octal: "77777777777")
    try directory.write("big.tar", tar)
    var name = "big.tar"
    if compression == "z" {
      try directory.run("gzip -n -c big.tar > big.tar.gz")
      name = "big.tar.gz"
    }
    let (members, errors) = try readAll(try access.source(directory.path(name)))
    #expect(members.map(\.name) == ["a.csv"])
    #expect(members.first?.text == text)
    #expect(members.first?.entry.size == 8_589_934_591)
    #expect(errors.map(\.kind) == [.truncated], "\(errors)")
    #expect(errors.first?.message.contains("a.csv") == true, "\(errors)")
  }

  /// Zero bytes inside a member are data: only those the archive ends on are held back.
  @Test func class4ZerosInsideATarMemberAreKept() throws {
    let directory = try TemporaryDirectory()
    let bytes =
      Array("头".utf8) + [UInt8](repeating: 0, count: 70_000) + Array("尾\n".utf8)
      + [UInt8](repeating: 0, count: 3)
    try directory.write("t/z.bin", bytes)
    try directory.run("tar cf a.tar -C t z.bin")
    let (members, errors) = try readAll(MemorySource(try directory.bytes("a.tar")))
    #expect(errors.isEmpty)
    #expect(members.first?.data == bytes)
  }

  /// Found by Fuzz/ (fuzz-archive): libbz2 notices a damaged block's bad run lengths while it
  /// writes the block out, so how much came out before the error depended on the caller's
  /// buffer (and, in the scanner, on --chunk-size). The input is the fuzzer's, as it found it:
  /// a bzip2 stream of the start of samples/data/text/profiles.txt (synthetic), mutated.
  @Test func class4DamagedBzip2GivesTheSameBytesHoweverItIsRead() throws {
    let bytes = try #require(
      Data(base64Encoded: Self.damagedBzip2, options: .ignoreUnknownCharacters))
    var readings: [[String]] = []
    for (chunkSize, bufferSize) in [(1 << 16, 1 << 16), (4093, 777), (1 << 16, 1), (7, 1 << 20)] {
      let (members, errors) = try readAllOrOpeningError(
        MemorySource(Array(bytes), chunkSize: chunkSize), bufferSize: bufferSize)
      readings.append(
        members.map { "\($0.name) \($0.data?.count ?? -1) \($0.data?.hashValue ?? 0)" }
          + errors.map(\.description))
    }
    #expect(readings.allSatisfy { $0 == readings[0] }, "\(readings)")
    #expect(readings[0].last?.hasPrefix("corrupt: damaged bzip2 data") == true, "\(readings[0])")
  }

  static let damagedBzip2 = """
    QlpoOTFBWSZTWY///uAAAntf+UAQQBP/8EIAAEAsp6Kgf/////////+H4NADTAvABOjhpITamTQNTDQEekNNNN6iMjTaNQ9N
    RoA00BiGgDQIkgNNA2oAGgDQAAAAA0AAAaAAIqfppqeRTymhAaABpoAAANGgAAAAAAOBoDQaNAyaAA0ABiaGmgaaAGjRoAGj
    QSSJkmg01NJ6aDak9DSbUzRGINPUNAGho0yBpkGgzSE8m8GaAh2sphywFxxXXJkFKQ0GpktzFbxxmQ2blf9FYxpcnz6DRdCj
    e1QJtMxALmYyfSVgsRKlLGyM50WUXoBxVrRoMOVUkjBFgik4GGLgeRk5ZXCKHNaLCAAAAAAAAAC5KCJ2EiMhOGINETUGuKsE
    6JmSktesRUcJkSbCgIMJ5SxSAwSQLNQM4krnAQGMwB19XT2AqWPDVYncynsB2DkpCTJKrzaBaQ5kbCqvN6Fg6VQOLasayija
    By4B4jocMzcL1VG5e77uMJIMkFuoujiiccUchd/GjvwNDFiCSzCOk6UKgQQXruZB9tE96kkAk8Lex8u6mDT9/Mawi0wTMPTC
    T7Rg+9ZZIMhmJBmGFnxzWFhgoTtj838jInvb8y3OtryAxOVBtCblzhZVF2FnILPMqpAeHMxVtc5qNoQopUjOeDMsFG+GaS6t
    w1L+rVRWrE2/lJwS0yLO7Sr6NZGQTOK7Jhj9aTFxZYprwR26S7hjnyqVmL5a2IWLBP+yajZcsgx5TIwHAr9lTmviCNxqHLqB
    XTJxdTDDJOR0iLzFDWZEGxTmvFFlbrA6obUWZSuKQfLUiFKxXqq/wkp4pWGwBQPPASQt8R1b8+SbeZpmZHL8WzLjk3A3Fwmt
    ZwuWWYAOKO+Frf4UnbUAWAlxmhcz+p6h/USbqqt8n4MUODHFCuPKm7kujkNnDg4zA9z9j1UYBOFcqcCvNzJpGbmzxYUKIEyS
    4SGvHYPPJWEXygk2ARIQelV7X/lAEEAT//BCAABALKeioH//////9/f39/f39/f39/f39/f39/f39/f39/f39/f39/f39/f3
    9/f3hFacwZEcmKNRMqsOXFUgpSAsfShPVCpIBtVdnpSCGUs2jMhO1L8iaFraHSAUAf8XckU4UJCP//7g
    """

  /// Found by Fuzz/ (fuzz-archive): libzstd flushes a block and reads the next block's header
  /// in one call, and a damaged header then hid what that call wrote, when the input came in
  /// one piece but not in small ones. A frame written here: a raw block, then a block of the
  /// reserved type.
  @Test func class4ZstdBlockBeforeADamagedHeaderComesOut() throws {
    let text = Array(String(repeating: "王伟,13912345670\n", count: 50).utf8)
    // Magic, no checksum and no content size, a 64 KiB window; a raw block (type 0) of the
    // text, not the last; a block header of type 3 (reserved); a few more bytes.
    let size = text.count << 3
    let frame: [UInt8] =
      [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x30]
      + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16)] + text
      + [0x06, 0x00, 0x00, 0x41, 0x42, 0x43]
    for chunkSize in [1 << 16, 7, 1] {
      let (members, errors) = try readAllOrOpeningError(MemorySource(frame, chunkSize: chunkSize))
      #expect(members.first?.data == text, "chunks of \(chunkSize)")
      #expect(errors.map(\.kind) == [.corrupt], "chunks of \(chunkSize): \(errors)")
    }
  }

  @Test func class4PeekKeepsTheBytesBeforeAnError() throws {
    let source = MemorySource(Array("abcdef".utf8), chunkSize: 2)
    source.failAt = 4
    let peeking = PeekingSource(source)
    #expect(Array(try peeking.peek()) == Array("abcd".utf8))
    var buffer = [UInt8](repeating: 0, count: 16)
    #expect(try buffer.withUnsafeMutableBytes { try peeking.read(into: $0) } == 4)
    #expect(throws: MemorySource.Failure.self) {
      _ = try buffer.withUnsafeMutableBytes { try peeking.read(into: $0) }
    }
  }
}

/// Limits without holes (issue 8, class 5): every compression layer is one level of nesting.
@Suite struct StackedFilterTests {
  /// `text` compressed `layers` times with `command`, as `name`.
  static func stacked(
    _ command: String, layers: Int, in directory: TemporaryDirectory, text: String
  ) throws -> String {
    try directory.write("l0", text)
    try directory.run(
      "i=0; while [ $i -lt \(layers) ]; do \(command) < l$i > l$((i+1)); i=$((i+1)); done")
    return directory.path("l\(layers)")
  }

  @Test(arguments: ["gzip -n -c", "lz4 -q -c", "xz -c", "zstd -q -c", "bzip2 -c"])
  func class5StackedCompressionObeysMaxDepth(command: String) throws {
    let directory = try TemporaryDirectory()
    let path = try Self.stacked(command, layers: 5, in: directory, text: "最里面\n")
    let limits = ArchiveLimits(maxDepth: 3)
    let (members, errors) = try readAllOrOpeningError(
      try FileDescriptorSource(path: path), budget: ArchiveBudget(limits: limits), nested: true)
    #expect(members.isEmpty, "\(members)")
    try #require(errors.count == 1, "\(errors)")
    #expect(
      errors[0].kind
        == .limitExceeded(
          "containers nested more than 3 deep (raise with --max-depth)"), "\(errors[0])")

    let deepEnough = try readAll(
      try FileDescriptorSource(path: path),
      budget: ArchiveBudget(limits: ArchiveLimits(maxDepth: 6)), nested: true)
    #expect(deepEnough.errors.isEmpty, "\(deepEnough.errors)")
    #expect(deepEnough.members.map(\.text) == ["最里面\n"])
  }

  @Test func class5FiftyNestedGzipsAreTheDepthLimit() throws {
    let directory = try TemporaryDirectory()
    let path = try Self.stacked("gzip -n -c", layers: 50, in: directory, text: "最里面\n")
    let (members, errors) = try readAllOrOpeningError(
      try FileDescriptorSource(path: path), nested: true)
    #expect(members.isEmpty)
    try #require(errors.count == 1, "\(errors)")
    #expect(
      errors[0].kind
        == .limitExceeded(
          "containers nested more than 8 deep (raise with --max-depth)"), "\(errors[0])")
  }
}

/// ``readAll(_:budget:bufferSize:nested:)``, with an error that stops the outermost reader from
/// opening (nothing decodable at all, a limit reached at once) as the only error.
func readAllOrOpeningError(
  _ source: any ArchiveSource, budget: ArchiveBudget = ArchiveBudget(), bufferSize: Int = 4096,
  nested: Bool = false
) throws -> (members: [Member], errors: [ArchiveError]) {
  do {
    return try readAll(source, budget: budget, bufferSize: bufferSize, nested: nested)
  } catch let error as ArchiveError {
    return ([], [error])
  }
}

/// Writes `octal` into the size field of the tar header at `header` and fixes its checksum.
func setTarSize(_ tar: inout [UInt8], header: Int, octal: String) {
  let size = Array(octal.utf8) + [0]
  tar.replaceSubrange((header + 124)..<(header + 124 + size.count), with: size)
  for index in (header + 148)..<(header + 156) { tar[index] = 0x20 }
  let sum = tar[header..<(header + 512)].reduce(0) { $0 + Int($1) }
  let field = Array(String(sum, radix: 8).utf8)
  let padded = [UInt8](repeating: UInt8(ascii: "0"), count: 6 - field.count) + field + [0, 0x20]
  tar.replaceSubrange((header + 148)..<(header + 156), with: padded)
}
