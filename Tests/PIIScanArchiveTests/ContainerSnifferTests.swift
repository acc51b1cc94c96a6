import PIIScanArchive
import Testing

/// Magic bytes decide, never names.
@Suite struct ContainerSnifferTests {
  static func kind(_ bytes: [UInt8]) -> ContainerKind {
    bytes.withUnsafeBytes { ContainerSniffer.kind(of: $0) }
  }

  struct Magic: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let kind: ContainerKind
    var testDescription: String { "\(kind)" }
  }

  static let magics: [Magic] = [
    Magic(bytes: [0x1F, 0x8B, 0x08, 0x00], kind: .gzip),
    Magic(bytes: Array("BZh9".utf8) + [0x31, 0x41], kind: .bzip2),
    Magic(bytes: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], kind: .xz),
    Magic(bytes: [0x28, 0xB5, 0x2F, 0xFD, 0x24], kind: .zstd),
    Magic(bytes: [0x04, 0x22, 0x4D, 0x18, 0x64], kind: .lz4),
    Magic(bytes: Array("LZIP".utf8) + [1], kind: .lzip),
    Magic(bytes: [0x1F, 0x9D, 0x90], kind: .unixCompress),
    Magic(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], kind: .zip),
    Magic(bytes: [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18), kind: .zip),
    Magic(bytes: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04], kind: .sevenZip),
    Magic(bytes: Array("Rar!".utf8) + [0x1A, 0x07, 0x01, 0x00], kind: .rar),
    Magic(bytes: Array("070701".utf8) + Array("00000000".utf8), kind: .cpio),
    Magic(bytes: Array("!<arch>\n".utf8) + Array("debian".utf8), kind: .ar),
  ]

  @Test(arguments: magics)
  func recognisesMagic(_ magic: Magic) {
    #expect(Self.kind(magic.bytes) == magic.kind)
    // One byte short of the magic is not enough.
    let required = magic.kind == .bzip2 ? 4 : magic.kind == .zip ? 4 : 2
    #expect(Self.kind(Array(magic.bytes.prefix(required - 1))) == .plain)
  }

  @Test func ustarAtOffset257IsTar() {
    var header = [UInt8](repeating: 0, count: 512)
    header.replaceSubrange(0..<5, with: Array("a.csv".utf8))
    header.replaceSubrange(257..<263, with: Array("ustar\0".utf8))
    #expect(Self.kind(header) == .tar)
    #expect(Self.kind(Array(header.prefix(262))) == .tar)
    #expect(Self.kind(Array(header.prefix(261))) == .plain)
  }

  @Test func oldTarHeaderIsRecognisedByItsChecksum() {
    var header = [UInt8](repeating: 0, count: 512)
    header.replaceSubrange(0..<9, with: Array("names.csv".utf8))
    header.replaceSubrange(100..<108, with: Array("0000644\0".utf8))
    header.replaceSubrange(124..<136, with: Array("00000000012\0".utf8))
    header[156] = UInt8(ascii: "0")
    let sum = header.enumerated().reduce(0) { sum, item in
      sum + ((148..<156).contains(item.offset) ? 32 : Int(item.element))
    }
    let field = String(sum, radix: 8)
    let checksum = Array((String(repeating: "0", count: 6 - field.count) + field).utf8) + [0, 32]
    header.replaceSubrange(148..<156, with: checksum)
    #expect(Self.kind(header) == .tar)

    var damaged = header
    damaged[0] = UInt8(ascii: "N")
    #expect(Self.kind(damaged) == .plain)
  }

  @Test func plainTextAndBinaryArePlain() {
    #expect(Self.kind([]) == .plain)
    #expect(Self.kind(Array("编号,姓名,手机\n1,王伟,13800000000\n".utf8)) == .plain)
    #expect(Self.kind(Array("PK is not a zip".utf8)) == .plain)
    #expect(Self.kind(Array("BZh is not bzip2".utf8)) == .plain)
    // 512 zero bytes: an empty tar looks like this, and so does the start of a disk image.
    #expect(Self.kind([UInt8](repeating: 0, count: 512)) == .plain)
    var generator = SystemRandomNumberGenerator()
    var random = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    random[0] = 0x00  // not 1F, 04, 28, 37, 50, 52, 21, 30, 4C, BZ, FD
    #expect(Self.kind(random) == .plain)
  }

  @Test func filesMadeByTheToolsAreRecognised() throws {
    let directory = try TemporaryDirectory()
    try directory.write("客户.csv", syntheticCSV(rows: 50))
    try directory.run(
      """
      gzip -k 客户.csv && bzip2 -k 客户.csv && xz -k 客户.csv && zstd -q -k 客户.csv \
        && zip -q a.zip 客户.csv && tar cf a.tar 客户.csv && tar cf old.tar --format=v7 客户.csv
      """)
    let expected: [(String, ContainerKind)] = [
      ("客户.csv", .plain), ("客户.csv.gz", .gzip), ("客户.csv.bz2", .bzip2),
      ("客户.csv.xz", .xz), ("客户.csv.zst", .zstd), ("a.zip", .zip), ("a.tar", .tar),
      ("old.tar", .tar),
    ]
    for (name, kind) in expected {
      let source = PeekingSource(try FileDescriptorSource(path: directory.path(name)))
      #expect(ContainerSniffer.kind(of: try source.peek()) == kind, "\(name)")
    }
  }

  @Test func aFileNamedGzThatHoldsTextIsPlain() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("export.csv.gz", syntheticCSV(rows: 10))
    let source = PeekingSource(try FileDescriptorSource(path: path))
    #expect(ContainerSniffer.kind(of: try source.peek()) == .plain)
    // And a gzip stream with a misleading name is gzip.
    try directory.write("data.txt", "姓名：王伟\n")
    try directory.run("gzip -c data.txt > report.pdf")
    let renamed = PeekingSource(try FileDescriptorSource(path: directory.path("report.pdf")))
    #expect(ContainerSniffer.kind(of: try renamed.peek()) == .gzip)
  }

  @Test func kindsAreEitherCompressionOrArchive() {
    for kind in ContainerKind.allCases {
      #expect(!(kind.isCompression && kind.isArchive), "\(kind)")
      #expect((kind.isCompression || kind.isArchive) == (kind != .plain), "\(kind)")
    }
  }
}
