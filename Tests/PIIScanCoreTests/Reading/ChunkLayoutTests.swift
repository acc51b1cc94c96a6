import Testing

@testable import PIIScanCore

@Suite struct ChunkLayoutTests {
  func cuts(_ text: String, chunkSize: Int) -> [Int64] {
    let layout = ChunkLayout(chunkSize: chunkSize)
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { raw in
      (0...layout.chunkCount(inputSize: Int64(bytes.count))).map { index in
        layout.cut(
          nominal: layout.nominalStart(index), inputSize: Int64(bytes.count), window: raw,
          windowBase: 0)
      }
    }
  }

  @Test func cutsMoveToTheNextLineStart() {
    // lines start at 0, 6, 12
    #expect(cuts("aaaaa\nbbbbb\ncc", chunkSize: 4) == [0, 6, 8, 12, 14])
  }

  @Test func aLineLongerThanAChunkIsCutInside() {
    #expect(cuts("aaaaaaaaaaaaaaaaaaaa", chunkSize: 4) == [0, 4, 8, 12, 16, 20])
  }

  @Test func aCutRightAfterANewlineStays() {
    #expect(cuts("abc\ndef\n", chunkSize: 4) == [0, 4, 8])
  }

  @Test func cutsAreMonotonicAndBounded() {
    var text = ""
    for n in 0..<200 { text += String(repeating: "x", count: n * 7 % 23) + "\n" }
    for size in [1, 2, 3, 7, 16, 64] {
      let all = cuts(text, chunkSize: size)
      #expect(all == all.sorted())
      for (index, cut) in all.enumerated() {
        let nominal = Int64(index * size)
        #expect(cut >= min(nominal, Int64(text.utf8.count)))
        #expect(cut <= nominal + Int64(size) || cut == Int64(text.utf8.count))
      }
    }
  }
}
