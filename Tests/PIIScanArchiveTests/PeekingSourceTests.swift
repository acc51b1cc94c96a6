import PIIScanArchive
import Testing

@Suite struct PeekingSourceTests {
  @Test(arguments: [1, 3, 1000])
  func peekedBytesAreReadAgain(chunkSize: Int) throws {
    let bytes = (0..<2000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    let source = PeekingSource(MemorySource(bytes, chunkSize: chunkSize), capacity: 512)
    #expect(Array(try source.peek()) == Array(bytes.prefix(512)))
    #expect(Array(try source.peek()) == Array(bytes.prefix(512)))

    var read: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 100)
    // Read part of the peeked bytes, peek again: the window slides.
    let first = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
    read += buffer.prefix(first)
    #expect(Array(try source.peek()) == Array(bytes[first..<(first + 512)]))
    while true {
      let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
      if count == 0 { break }
      read += buffer.prefix(count)
    }
    #expect(read == bytes)
  }

  @Test func shortStreamPeeksWhatThereIs() throws {
    let source = PeekingSource(MemorySource(Array("abc".utf8)))
    #expect(Array(try source.peek()) == Array("abc".utf8))
    #expect(!source.isSeekable)
  }

  @Test func seeksThroughToAFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("f", Array("0123456789".utf8))
    let source = PeekingSource(try FileDescriptorSource(path: path), capacity: 4)
    #expect(source.isSeekable)
    #expect(Array(try source.peek()) == Array("0123".utf8))
    #expect(try source.seek(to: 2, from: .current) == 2)
    var buffer = [UInt8](repeating: 0, count: 3)
    #expect(try buffer.withUnsafeMutableBytes { try source.read(into: $0) } == 3)
    #expect(buffer == Array("234".utf8))
    #expect(try source.seek(to: -2, from: .end) == 8)
    #expect(try source.seek(to: 1, from: .start) == 1)
  }
}
