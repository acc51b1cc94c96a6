import Testing

@testable import PIIScanCore

/// `Redaction.keep` masks Chinese text without grapheme breaking when every scalar is a
/// character of its own. These tests hold it to the definition, written here over Swift's
/// characters: the first and last characters kept, every other one a star, at least one star.
@Suite struct RedactionKeepTests {
  func reference(_ value: String, first: Int, last: Int) -> String {
    let characters = Array(value)
    guard characters.count > first + last else {
      return characters.count <= 1
        ? "*" : String(characters[0]) + String(repeating: "*", count: characters.count - 1)
    }
    return String(characters[..<first])
      + String(repeating: "*", count: characters.count - first - last)
      + String(characters[(characters.count - last)...])
  }

  @Test func agreesWithTheCharacterDefinition() {
    let alphabet: [String] = [
      "张", "伟", "㐀", "·", "、", "【", "Ａ", "１", "a", "Z", "0", " ", "-", "@",
      // Outside the fast path: a combining accent, an emoji, a flag. (CR LF is left out: an
      // ASCII value is masked byte by byte, where it counts as two.)
      "e\u{301}", "😀", "🇨🇳",
    ]
    var state: UInt64 = 20_261_204
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<3_000 {
      let length = next(12)
      let value = (0..<length).map { _ in alphabet[next(alphabet.count)] }.joined()
      let first = next(4)
      let last = next(4)
      #expect(
        Redaction.keep(value, first: first, last: last)
          == reference(value, first: first, last: last), "\(value) \(first) \(last)")
    }
  }

  @Test func namesAndAddresses() {
    #expect(Redaction.keep("欧阳娜娜", first: 1, last: 0) == "欧***")
    #expect(Redaction.keep("广东省深圳市南山区科技园路8号", first: 1, last: 2) == "广************8号")
    #expect(Redaction.keep("王", first: 1, last: 0) == "*")
  }
}
