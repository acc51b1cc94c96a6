import Foundation
import Testing

@testable import PIIScanSizing

/// The state file's layout (docs/STATE-FORMAT.md) and what reading a damaged one does.
@Suite struct StateFileTests {
  struct Fixture {
    let parent = TestDirectory()
    let directory: SizingTemporaryDirectory
    let path: String
    let bytes: [UInt8]

    init() throws {
      directory = try parent.spillDirectory()
      var aggregate = try Feeding.single(
        TestWorld.generate(seed: 61, records: 300), directory: directory)
      path = parent.path + "/good.state"
      try aggregate.write(to: path)
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes `bytes` to a new file and tries to read it and report from it.
    func readAndReport(_ bytes: [UInt8]) throws {
      let path = parent.path + "/bad-\(UUID().uuidString).state"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      var aggregate = try SizingAggregate.read(
        from: path, memoryBudget: 1 << 20, directory: directory)
      _ = try Feeding.report(&aggregate)
    }

    /// The sections as (tag, payload start, payload length), walked by the documented layout.
    var sections: [(tag: String, start: Int, length: Int)] {
      var result: [(String, Int, Int)] = []
      var position = 16
      while position < bytes.count {
        let tag = String(decoding: bytes[position..<position + 4], as: UTF8.self)
        let length = bytes[position + 8..<position + 16].reversed().reduce(0) { $0 << 8 | Int($1) }
        result.append((tag, position + 24, length))
        position += 24 + length
      }
      return result
    }
  }

  /// Expects `body` to throw a ``SizingError`` saying the state is corrupt.
  static func expectCorrupt(
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) {
    let error = #expect(throws: SizingError.self, comment, sourceLocation: sourceLocation) {
      try body()
    }
    #expect(error?.code == .corruptState, comment, sourceLocation: sourceLocation)
  }

  @Test func layoutIsAsDocumented() throws {
    let fixture = try Fixture()
    #expect(Array(fixture.bytes[0..<8]) == Array("PIISIZE".utf8) + [0x1A])
    #expect(Array(fixture.bytes[8..<16]) == [1, 0, 0, 0, 0, 0, 0, 0])
    let tags = fixture.sections.map(\.tag)
    #expect(
      tags
        == ["CONF", "INPT", "CNTS", "SMPL", "DOMN"]
        + Array(repeating: "CSET", count: TestWorld.categories.count) + [
          "NODE", "LINK", "SEEN", "END ",
        ])
    #expect(fixture.sections.last!.start + fixture.sections.last!.length == fixture.bytes.count)
    // Each set section: index, entry width, count, then count entries of that width, sorted.
    for (order, section) in fixture.sections.enumerated() where section.tag == "CSET" {
      let header = Array(fixture.bytes[section.start..<section.start + 16])
      let index = header[0..<4].reversed().reduce(0) { $0 << 8 | Int($1) }
      let width = header[4..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
      let count = header[8..<16].reversed().reduce(0) { $0 << 8 | Int($1) }
      #expect(index == order - 5)
      #expect(width == 17)
      #expect(section.length == 16 + width * count)
      var previous: [UInt8]?
      for entry in 0..<count {
        let start = section.start + 16 + entry * width
        // high word then low word, little-endian: compare as big-endian numbers.
        let key =
          Array(fixture.bytes[start..<start + 8].reversed())
          + Array(fixture.bytes[start + 8..<start + 16].reversed())
        if let previous { #expect(previous.lexicographicallyPrecedes(key)) }
        previous = key
      }
    }
    // The checksum of a small section is SipHash-2-4-64 of its payload.
    let conf = fixture.sections[0]
    var hasher = SipHash(wide: false)
    Array(fixture.bytes[conf.start..<conf.start + conf.length]).withUnsafeBytes {
      hasher.combine($0)
    }
    let stored = fixture.bytes[conf.start - 8..<conf.start].reversed().reduce(UInt64(0)) {
      $0 << 8 | UInt64($1)
    }
    #expect(hasher.finish64() == stored)
  }

  @Test func aGoodFileReads() throws {
    let fixture = try Fixture()
    try fixture.readAndReport(fixture.bytes)
  }

  @Test func notAStateFile() throws {
    let fixture = try Fixture()
    var bytes = fixture.bytes
    bytes[0] = 0x51
    Self.expectCorrupt { try fixture.readAndReport(bytes) }
    Self.expectCorrupt { try fixture.readAndReport(Array("hello, world\n".utf8)) }
    Self.expectCorrupt { try fixture.readAndReport([]) }
  }

  @Test func anotherVersion() throws {
    let fixture = try Fixture()
    var bytes = fixture.bytes
    bytes[8] = 2
    Self.expectCorrupt { try fixture.readAndReport(bytes) }
  }

  /// One flipped bit anywhere in a section's payload is caught: in a small section when the
  /// file is read, in a set section when the set is.
  @Test func aFlippedBitIsCaught() throws {
    let fixture = try Fixture()
    for section in fixture.sections where section.length > 0 {
      for position in [
        section.start, section.start + section.length / 2, section.start + section.length - 1,
      ] {
        var bytes = fixture.bytes
        bytes[position] ^= 0x10
        Self.expectCorrupt(Comment(rawValue: "\(section.tag) @\(position)")) {
          try fixture.readAndReport(bytes)
        }
      }
    }
  }

  @Test func aCutFileIsCaught() throws {
    let fixture = try Fixture()
    for length in [
      10, 16, 40, fixture.sections[6].start + 3, fixture.bytes.count - 30, fixture.bytes.count - 1,
    ] {
      Self.expectCorrupt(Comment(rawValue: "cut at \(length)")) {
        try fixture.readAndReport(Array(fixture.bytes[0..<length]))
      }
    }
  }

  @Test func aMissingFileIsAnIOError() throws {
    let fixture = try Fixture()
    let error = #expect(throws: SizingError.self) {
      _ = try SizingAggregate.read(
        from: fixture.parent.path + "/none.state", memoryBudget: 1_000, directory: fixture.directory
      )
    }
    #expect(error?.code == .io(operation: "open", errno: ENOENT))
  }

  /// Writing where the state cannot go fails and leaves nothing behind.
  @Test func anUnwritablePlaceIsAnError() throws {
    let fixture = try Fixture()
    var aggregate = Feeding.empty(fixture.directory)
    #expect(throws: SizingError.self) {
      try aggregate.write(to: fixture.parent.path + "/no/such/dir/x.state")
    }
  }
}
