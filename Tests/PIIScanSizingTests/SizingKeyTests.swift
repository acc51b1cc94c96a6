import Testing

@testable import PIIScanSizing

@Suite struct SizingKeyTests {
  @Test func residentIDIsPackedExactly() throws {
    let key = try #require(SizingKey.residentID("11010519491231002X"))
    #expect(key.kind == .residentID)
    #expect(key.high == 1 << 56)
    #expect(key.low == 11_010_519_491_231_002 << 4 | 10)
    let facts = try #require(key.residentIDFacts)
    #expect(facts.regionCode == 110_105)
    #expect(facts.provinceCode == 11)
    #expect((facts.birthYear, facts.birthMonth, facts.birthDay) == (1949, 12, 31))
    #expect(!facts.isMale)  // 17th digit 2
    #expect(key.residentIDText == "11010519491231002X")
    #expect(SizingKey.residentID("11010519491231002x") == key)
    #expect(SizingKey.residentID("110105194912310039")?.residentIDFacts?.isMale == true)
  }

  @Test(arguments: [
    "", "11010519491231002", "11010519491231002XX", "1101051949123100X2", "11010519491231002Y",
    "１１０１０５１９４９１２３１００２X", "110105 9491231002X",
  ])
  func residentIDNeedsItsShape(text: String) {
    #expect(SizingKey.residentID(text) == nil)
  }

  /// Sorted ID keys are sorted ID numbers (the digits compare as numbers, X after 9), and every
  /// key decodes back to its number.
  @Test func residentIDOrderAndRoundTrip() {
    var random = SeededRandom(seed: 7)
    let numbers = (0..<2_000).map { _ in
      String((0..<17).map { _ in Character(String(random.next() % 10)) })
        + (random.next() % 11 == 10 ? "X" : String(random.next() % 10))
    }
    let keys = numbers.map { SizingKey.residentID($0)! }
    #expect(keys.map { $0.residentIDText! } == numbers)
    let byKey = zip(keys, numbers).sorted { $0.0 < $1.0 }.map(\.1)
    #expect(byKey == numbers.sorted())
  }

  @Test func mobileIsPackedExactly() throws {
    let key = try #require(SizingKey.mobile("13912345670"))
    #expect(key.kind == .mobile)
    #expect(key.mobileNumber == 13_912_345_670)
    #expect(key.high == 2 << 56)
    for bad in ["1391234567", "139123456701", "1391234567a", ""] {
      #expect(SizingKey.mobile(bad) == nil, "\(bad)")
    }
  }

  @Test func bankCardKeepsItsLength() throws {
    let card = try #require(SizingKey.bankCard("6222021234567890128"))
    #expect(card.kind == .bankCard)
    #expect(card.bankCardDigits == "6222021234567890128")
    #expect(card.low == 6_222_021_234_567_890_128)
    // Leading zeros are part of the number.
    let short = try #require(SizingKey.bankCard("123"))
    let padded = try #require(SizingKey.bankCard("000123"))
    #expect(short != padded)
    #expect(padded.bankCardDigits == "000123")
    #expect(SizingKey.bankCard("9999999999999999999")?.bankCardDigits == "9999999999999999999")
    #expect(SizingKey.bankCard("12345678901234567890") == nil)
    #expect(SizingKey.bankCard("6222 0212") == nil)
  }

  /// An e-mail key is the documented pair of SipHash values, and sorting e-mail keys groups
  /// the addresses of a domain together.
  @Test func emailCarriesItsDomain() {
    let key = SizingKey.email("zhang.san@qq.com")
    #expect(key.kind == .email)
    var domain = SipHash(wide: false)
    domain.combine(UInt8(8))
    for byte in "qq.com".utf8 { domain.combine(byte) }
    var whole = SipHash(wide: false)
    whole.combine(UInt8(4))
    for byte in "zhang.san@qq.com".utf8 { whole.combine(byte) }
    #expect(key.high == 4 << 56 | domain.finish64() >> 8)
    #expect(key.low == whole.finish64())
    #expect(key.emailDomainHash == SizingKey.domainHash("qq.com"))

    let domains = ["qq.com", "163.com", "126.com", "sina.com", "example.org"]
    let addresses = (0..<500).map { "user\($0)@" + domains[$0 % domains.count] }
    let sorted = addresses.map { (SizingKey.email($0), $0) }.sorted { $0.0 < $1.0 }
    var runs: [String] = []
    for (_, address) in sorted {
      let domain = String(address.split(separator: "@")[1])
      if runs.last != domain { runs.append(domain) }
    }
    #expect(runs.count == domains.count)
    #expect(Set(addresses.map(SizingKey.email)).count == addresses.count)
    // The domain is what follows the last @; an address without one has an empty domain.
    #expect(SizingKey.email("a@b@qq.com").emailDomainHash == SizingKey.domainHash("qq.com"))
    #expect(SizingKey.email("nobody").emailDomainHash == SizingKey.domainHash(""))
  }

  /// Hashed keys follow the documented formula and keep categories apart by their tags.
  @Test func hashedKeysAreTaggedSipHash() {
    let key = SizingKey.hashed("张三", tag: 20)
    var hasher = SipHash(wide: true)
    hasher.combine(UInt8(20))
    for byte in "张三".utf8 { hasher.combine(byte) }
    let (first, second) = hasher.finish128()
    #expect(key.high == 20 << 56 | first >> 8)
    #expect(key.low == second)
    #expect(key.kind == .hashed(20))
    #expect(SizingKey.hashed("张三", tag: 21) != key)
    #expect(SizingKey.hashed("张三", tag: 20) == key)
    #expect(SizingKey.content("张三") != key)
    #expect(SizingKey.content("张三").kind == .content)
    // Substrings hash like strings.
    let text = "ab张三cd"
    let middle = text.dropFirst(2).dropLast(2)
    #expect(SizingKey.hashed(middle, tag: 20) == key)
  }

  @Test func hasherSeparatesPieces() {
    func content(_ pieces: [String]) -> SizingKey {
      var hasher = SizingKeyHasher.content()
      for piece in pieces { hasher.combine(piece) }
      return hasher.finish()
    }
    #expect(content(["ab", "c"]) != content(["a", "bc"]))
    #expect(content(["ab", "c"]) == content(["ab", "c"]))
    #expect(content(["abc"]) != SizingKey.content("abc"))
    #expect(content(["abc"]).kind == .content)
    var numbered = SizingKeyHasher(tag: 30)
    numbered.combine(UInt64(7))
    #expect(numbered.finish().kind == .hashed(30))
  }

  /// Keys the aggregate derives can never equal a value's key: their tags differ.
  @Test func derivedKeysHaveTheirOwnTags() {
    let name = SizingKey.hashed("张三", tag: 16)
    let address = SizingKey.hashed("北京市东城区东华门街道1号", tag: 17)
    #expect(SizingKey.nameAddress(name: name, address: address).kind == .nameAddress)
    #expect(
      SizingKey.nameAddress(name: name, address: address)
        != SizingKey.nameAddress(name: address, address: name))
    #expect(SizingKey.record(content: SizingKey.content("x")).kind == .record)
    #expect(SizingKey(high: 9 << 56, low: 0).kind == .reserved(9))
  }
}

/// A small, fast, seeded generator (SplitMix64), so random tests are repeatable.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
