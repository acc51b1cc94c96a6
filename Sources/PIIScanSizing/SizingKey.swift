/// A value as the sizing report counts it: 128 bits that are equal exactly when two values
/// count as the same.
///
/// Strong identifiers are packed exactly, with no hashing, so they never collide and can be
/// decoded again at the end for the histograms (province, birth date and sex of an ID number;
/// prefix of a mobile; BIN of a card). Every other value is a SipHash-2-4 hash of a kind tag
/// and its bytes. The layout, which the state format stores as it is (docs/STATE-FORMAT.md):
///
/// | kind | `high` (bits 63…56 = tag) | `low` |
/// |---|---|---|
/// | resident ID (tag 1) | tag only | the first 17 digits × 16 + check value (X = 10) |
/// | mobile (tag 2) | tag only | the 11-digit number |
/// | bank card (tag 3) | tag, digit count in bits 7…0 | the digits as a number |
/// | e-mail (tag 4) | tag, 56-bit hash of the domain | 64-bit hash of the whole address |
/// | hashed (other tags) | tag, 56 bits of the hash | 64 bits of the hash |
///
/// Keys order by `high`, then `low`: by kind first, then (for exact kinds) numerically, so a
/// sorted set of ID numbers is in region and birth-date order, and a sorted set of e-mails is
/// grouped by domain (the domain histogram is a count of runs).
///
/// Collision rates (two different values given the same key), for n distinct values of one
/// kind: none for exact kinds; about n² / 2¹²¹ for hashed kinds (10¹⁰ values: 4 × 10⁻¹⁷);
/// for e-mails, n_d² / 2⁶⁵ summed over the domains, where n_d is the number of distinct
/// addresses at domain d (10⁸ addresses at one domain: 3 × 10⁻⁴; 10⁹: 0.03), because only
/// the low word tells two addresses at the same domain apart. Two domains share a 56-bit hash
/// with probability about d² / 2⁵⁷ for d distinct domains (10⁶ domains: 7 × 10⁻⁶); the
/// aggregate keeps each domain's name and reports such a collision when it sees one.
public struct SizingKey: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
  public var high: UInt64
  public var low: UInt64

  /// Builds a key from its two words as stored (docs/STATE-FORMAT.md).
  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  public static func < (a: SizingKey, b: SizingKey) -> Bool {
    a.high != b.high ? a.high < b.high : a.low < b.low
  }

  /// The kind tag: the top byte of `high`.
  public var tag: UInt8 { UInt8(truncatingIfNeeded: high >> 56) }

  public var kind: Kind { Kind(tag: tag) }

  /// Hexadecimal, high word first: for diagnostics only (a key can hold a raw value).
  public var description: String {
    let hex = { (word: UInt64) -> String in
      let digits = String(word, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
    return hex(high) + hex(low)
  }

  /// What a key holds, from its tag.
  public enum Kind: Equatable, Hashable, Sendable {
    case residentID
    case mobile
    case bankCard
    case email
    /// A name and an address held together by one record (made by the aggregate).
    case nameAddress
    /// A record that names no person, keyed by its content (made by the aggregate).
    case record
    /// A record's normalised content (``SizingKey/content(_:)``).
    case content
    /// Tags 1…15 not listed above are reserved.
    case reserved(UInt8)
    /// A value hashed with a caller's tag (16…255).
    case hashed(UInt8)

    init(tag: UInt8) {
      switch tag {
      case Tag.residentID: self = .residentID
      case Tag.mobile: self = .mobile
      case Tag.bankCard: self = .bankCard
      case Tag.email: self = .email
      case Tag.nameAddress: self = .nameAddress
      case Tag.record: self = .record
      case Tag.content: self = .content
      case 0..<SizingKey.firstCallerTag: self = .reserved(tag)
      default: self = .hashed(tag)
      }
    }
  }

  /// The tags the module assigns itself.
  enum Tag {
    static let residentID: UInt8 = 1
    static let mobile: UInt8 = 2
    static let bankCard: UInt8 = 3
    static let email: UInt8 = 4
    static let nameAddress: UInt8 = 5
    static let record: UInt8 = 6
    static let content: UInt8 = 7
    /// Hash input prefix for an e-mail's domain (never a key's tag).
    static let emailDomain: UInt8 = 8
  }

  /// The first tag a caller may use for ``hashed(_:tag:)``; lower ones are the module's.
  public static let firstCallerTag: UInt8 = 16

  @inline(__always)
  private static func tagged(_ tag: UInt8, _ rest: UInt64 = 0) -> UInt64 {
    UInt64(tag) << 56 | (rest & 0x00FF_FFFF_FFFF_FFFF)
  }

  /// Runs `body` over the UTF-8 bytes of `text`, without copying when the text is stored
  /// contiguously (native strings are).
  static func withBytes<R>(_ text: some StringProtocol, _ body: (UnsafeRawBufferPointer) -> R)
    -> R
  {
    if let result = text.utf8.withContiguousStorageIfAvailable({
      body(UnsafeRawBufferPointer($0))
    }) {
      return result
    }
    return Array(text.utf8).withUnsafeBytes(body)
  }

  // MARK: Exact kinds

  /// An 18-character resident ID number (17 digits and a check character, digit or `X`/`x`)
  /// packed exactly, or nil when it does not have that shape. The check character is not
  /// verified here: validity is the caller's decision, made before.
  ///
  /// A 15-digit number is keyed by its 18-character form (the caller converts it), so both
  /// forms of one number are one key.
  public static func residentID(_ text: some StringProtocol) -> SizingKey? {
    withBytes(text) { residentID(bytes: $0) }
  }

  /// ``residentID(_:)`` over bytes.
  public static func residentID(bytes: UnsafeRawBufferPointer) -> SizingKey? {
    guard bytes.count == 18 else { return nil }
    var number: UInt64 = 0
    for index in 0..<17 {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      number = number * 10 + UInt64(digit)
    }
    let last = bytes[17]
    let check: UInt64
    if last == 0x58 || last == 0x78 {
      check = 10
    } else if last &- 0x30 < 10 {
      check = UInt64(last &- 0x30)
    } else {
      return nil
    }
    return SizingKey(high: tagged(Tag.residentID), low: number << 4 | check)
  }

  /// An 11-digit mobile number packed exactly, or nil when it is not 11 digits.
  public static func mobile(_ text: some StringProtocol) -> SizingKey? {
    guard let (number, count) = decimal(text.utf8), count == 11 else { return nil }
    return SizingKey(high: tagged(Tag.mobile), low: number)
  }

  /// A bank card number of 1 to 19 digits packed exactly (its digit count kept, so leading
  /// zeros count), or nil.
  public static func bankCard(_ text: some StringProtocol) -> SizingKey? {
    guard let (number, count) = decimal(text.utf8), (1...19).contains(count) else { return nil }
    return SizingKey(high: tagged(Tag.bankCard, UInt64(count)), low: number)
  }

  /// The value of a run of 1 to 19 ASCII digits and its length.
  private static func decimal(_ utf8: some Sequence<UInt8>) -> (UInt64, Int)? {
    var number: UInt64 = 0
    var count = 0
    for byte in utf8 {
      let digit = byte &- 0x30
      guard digit < 10, count < 19 else { return nil }
      number = number * 10 + UInt64(digit)
      count += 1
    }
    return count == 0 ? nil : (number, count)
  }

  // MARK: Hashed kinds

  /// An e-mail address: a 56-bit hash of the domain (the bytes after the last `@`, or none)
  /// in `high`, a 64-bit hash of the whole address in `low`. The bytes are taken as given:
  /// the caller normalises (for instance, lower-cases the domain) before.
  public static func email(_ text: some StringProtocol) -> SizingKey {
    withBytes(text) { email(bytes: $0) }
  }

  /// ``email(_:)`` over bytes.
  public static func email(bytes: UnsafeRawBufferPointer) -> SizingKey {
    var at = bytes.count
    while at > 0 && bytes[at - 1] != 0x40 { at -= 1 }
    let domain = UnsafeRawBufferPointer(rebasing: bytes[(at == 0 ? bytes.count : at)...])
    return SizingKey(
      high: tagged(Tag.email, domainHash(domain)),
      low: hash64(tag: Tag.email, bytes))
  }

  /// The 56-bit domain hash an e-mail key carries, for the domain's bytes.
  static func domainHash(_ domain: UnsafeRawBufferPointer) -> UInt64 {
    hash64(tag: Tag.emailDomain, domain) >> 8
  }

  /// ``domainHash(_:)`` of a domain given as text.
  static func domainHash(_ domain: some StringProtocol) -> UInt64 {
    withBytes(domain) { domainHash($0) }
  }

  /// The hash of a domain as `high` carries it, when this is an e-mail key.
  public var emailDomainHash: UInt64? {
    tag == Tag.email ? high & 0x00FF_FFFF_FFFF_FFFF : nil
  }

  /// Any other value (a passport number, a name, an address, a QQ number, a soft value): a
  /// 120-bit SipHash-2-4 of the tag and the bytes, with the tag in the top byte. Use a tag of
  /// your own per category (16…255) so that equal text in two categories stays two values.
  public static func hashed(_ text: some StringProtocol, tag: UInt8) -> SizingKey {
    withBytes(text) { hashed(bytes: $0, tag: tag) }
  }

  /// ``hashed(_:tag:)`` over bytes.
  public static func hashed(bytes: UnsafeRawBufferPointer, tag: UInt8) -> SizingKey {
    precondition(tag >= firstCallerTag, "tags below \(firstCallerTag) are the module's")
    return hash120(tag: tag, bytes)
  }

  /// A record's normalised content, for telling duplicated records apart: the bytes are
  /// whatever the caller decides identifies the record (for instance, its normalised values
  /// joined with a separator). See also ``SizingKeyHasher``.
  public static func content(bytes: UnsafeRawBufferPointer) -> SizingKey {
    hash120(tag: Tag.content, bytes)
  }

  /// ``content(bytes:)`` of text.
  public static func content(_ text: some StringProtocol) -> SizingKey {
    withBytes(text) { content(bytes: $0) }
  }

  /// The key of a name and an address held together by one record.
  static func nameAddress(name: SizingKey, address: SizingKey) -> SizingKey {
    var hasher = SipHash(wide: true)
    hasher.combine(Tag.nameAddress)
    hasher.combine(name.high)
    hasher.combine(name.low)
    hasher.combine(address.high)
    hasher.combine(address.low)
    return fromHash(tag: Tag.nameAddress, hasher.finish128())
  }

  /// The person key of a record that names nobody: its content key, hashed again under its own
  /// tag so that it can never equal a value's key.
  static func record(content: SizingKey) -> SizingKey {
    var hasher = SipHash(wide: true)
    hasher.combine(Tag.record)
    hasher.combine(content.high)
    hasher.combine(content.low)
    return fromHash(tag: Tag.record, hasher.finish128())
  }

  static func hash120(tag: UInt8, _ bytes: UnsafeRawBufferPointer) -> SizingKey {
    var hasher = SipHash(wide: true)
    hasher.combine(tag)
    hasher.combine(bytes)
    return fromHash(tag: tag, hasher.finish128())
  }

  static func hash64(tag: UInt8, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hasher = SipHash(wide: false)
    hasher.combine(tag)
    hasher.combine(bytes)
    return hasher.finish64()
  }

  static func fromHash(tag: UInt8, _ words: (UInt64, UInt64)) -> SizingKey {
    SizingKey(high: tagged(tag, words.0 >> 8), low: words.1)
  }

  // MARK: Decoding exact keys

  /// The 18-character ID number an ID key holds.
  var residentIDText: String? {
    guard tag == Tag.residentID else { return nil }
    let check = low & 0xF
    var digits = String(low >> 4)
    digits = String(repeating: "0", count: max(0, 17 - digits.count)) + digits
    return digits + (check == 10 ? "X" : String(check))
  }

  /// What an ID number says of its holder: region, birth date, sex.
  public var residentIDFacts: ResidentIDFacts? {
    guard tag == Tag.residentID else { return nil }
    let body = low >> 4  // the 17 digits as a number
    let sequence = body % 1000
    let birth = (body / 1000) % 100_000_000
    let region = body / 100_000_000_000
    return ResidentIDFacts(
      regionCode: Int(region), birthYear: Int(birth / 10_000),
      birthMonth: Int(birth / 100 % 100), birthDay: Int(birth % 100),
      isMale: sequence % 2 == 1)
  }

  /// The number a mobile key holds.
  public var mobileNumber: UInt64? { tag == Tag.mobile ? low : nil }

  /// The digits a bank card key holds (leading zeros restored).
  public var bankCardDigits: String? {
    guard tag == Tag.bankCard else { return nil }
    let count = Int(high & 0xFF)
    let digits = String(low)
    return String(repeating: "0", count: max(0, count - digits.count)) + digits
  }
}

/// What the digits of a resident ID number say (GB 11643): the six-digit region code where it
/// was issued, the holder's birth date, and sex (the 17th digit: odd for men).
public struct ResidentIDFacts: Equatable, Sendable {
  public var regionCode: Int
  public var birthYear: Int
  public var birthMonth: Int
  public var birthDay: Int
  public var isMale: Bool

  /// The two-digit province code (the region code's first two digits).
  public var provinceCode: Int { regionCode / 10_000 }
}

/// Hashes a value given in pieces (a record's fields, say) into a key, as ``SizingKey`` hashes
/// one run of bytes: `SizingKeyHasher(tag:)`, `combine` each piece, `finish()`. Each piece is
/// preceded by its length, so `("ab", "c")` and `("a", "bc")` differ.
public struct SizingKeyHasher {
  private var hasher = SipHash(wide: true)
  private let tag: UInt8

  /// A hasher for record contents (the tag of ``SizingKey/content(_:)``).
  public static func content() -> SizingKeyHasher {
    SizingKeyHasher(uncheckedTag: SizingKey.Tag.content)
  }

  /// A hasher for a caller's tag (16…255).
  public init(tag: UInt8) {
    precondition(tag >= SizingKey.firstCallerTag, "tags below 16 are the module's")
    self.init(uncheckedTag: tag)
  }

  private init(uncheckedTag tag: UInt8) {
    self.tag = tag
    hasher.combine(tag)
    hasher.combine(UInt8(0xFF))  // a piecewise hash never equals a one-run hash
  }

  /// Adds one piece.
  public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    hasher.combine(UInt64(bytes.count))
    hasher.combine(bytes)
  }

  /// Adds one piece of text.
  public mutating func combine(_ text: some StringProtocol) {
    SizingKey.withBytes(text) { combine($0) }
  }

  /// Adds a number (a category index, say) as one piece.
  public mutating func combine(_ number: UInt64) {
    hasher.combine(UInt64(8))
    hasher.combine(number)
  }

  public consuming func finish() -> SizingKey { SizingKey.fromHash(tag: tag, hasher.finish128()) }
}
