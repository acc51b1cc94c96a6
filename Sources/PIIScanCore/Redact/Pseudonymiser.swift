import Crypto

/// Keyed, consistent pseudonyms for identifiers (`redact --pseudonymise`): the same value gives
/// the same pseudonym in every file of a run and in every run with the same secret, so tables
/// can still be joined on it; without the secret nobody can tell which value it stands for.
///
/// Each pseudonym has the shape of the value (an 18-character ID number, an 11-digit mobile
/// starting with 1, a card of the same length, an e-mail at the same domain) and is built to
/// fail its validator in a fixed way, so that it can never be a real person's value, whatever
/// the secret, and a scan of the pseudonymised copy finds no valid one:
///
/// | value | pseudonym |
/// |---|---|
/// | resident ID (18, 15) and HK/Macao/Taiwan residence permit | region (first 6 digits) and the parity of the sex digit kept, the rest keyed; the birth month 13–19; a correct check character |
/// | mobile | `10`, `11` or `12` and 9 keyed digits (those prefixes were never allocated) |
/// | landline | the area code kept; the local number keyed, starting with 0 or 1 (no local number does) |
/// | bank card | the same length, starting with 0 (no issuer's), keyed, failing the Luhn check |
/// | e-mail | the domain kept; the local part keyed, its last character `*` (no address ends so) |
/// | QQ number | keyed digits starting with 0 (QQ numbers do not) |
/// | WeChat ID | keyed letters and digits starting with a digit (WeChat IDs start with a letter) |
///
/// Values of other categories get no pseudonym; the redactor masks them.
///
/// Keys: HMAC-SHA-256 of the user's secret over a label, the kind of value, the normalised
/// value and a counter, stretched by block number. A 15-digit ID number is keyed by its
/// 18-character form, so both forms of one number get the two forms of one pseudonym. The
/// smaller spaces (3 × 10⁹ mobiles, local numbers per area code) can give two values one
/// pseudonym; within a run the second value then takes the next counter, so no pseudonym
/// stands for two values in one run — but which value keeps the first depends on which came
/// first, so across runs over different inputs such a pair may swap (about n² / 6 × 10⁹ pairs
/// among n distinct mobiles).
final class Pseudonymiser {
  private let key: SymmetricKey
  /// Pseudonyms given in this run, by kind and pseudonym: the value each stands for.
  private var given: [String: String] = [:]
  /// Pseudonyms by kind and value, so each value is computed once.
  private var cache: [String: String] = [:]

  /// The shortest secret accepted, in bytes.
  static let minimumSecretLength = 16

  init(secret: [UInt8]) {
    key = SymmetricKey(data: secret)
  }

  /// The pseudonym of `finding`'s value, or nil when its kind has none.
  func pseudonym(for finding: Finding) -> String? {
    let value = finding.value.string
    let kind: String
    switch finding.rule.validator {
    case .residentID18, .residencePermit, .residentID15: kind = "resident-id"
    case .mobile: kind = "mobile"
    case .landline: kind = "landline"
    case .bankCard: kind = "bank-card"
    case .email: kind = "email"
    case .field(.qqNumber): kind = "qq"
    case .field(.wechatID): kind = "wechat"
    default: return nil
    }
    var normalized = value
    if finding.rule.validator == .residentID15 {
      guard let upgraded = ResidentID.check15(Array(value.utf8), asOf: .today()).upgraded18
      else { return nil }
      normalized = upgraded
    }
    let cacheKey = kind + "\u{0}" + normalized
    let full: String
    if let cached = cache[cacheKey] {
      full = cached
    } else {
      var made: String?
      for counter in 0..<64 {
        guard let candidate = make(kind: kind, value: normalized, counter: counter) else {
          return nil
        }
        let slot = kind + "\u{0}" + candidate
        if let owner = given[slot], owner != normalized { continue }
        given[slot] = normalized
        made = candidate
        break
      }
      guard let made else { return nil }
      cache[cacheKey] = made
      full = made
    }
    if finding.rule.validator == .residentID15 {
      // The 15-digit form: region, the year without its century, the rest without the check.
      let characters = Array(full)
      return String(characters[0..<6]) + String(characters[8..<17])
    }
    return full
  }

  private func make(kind: String, value: String, counter: Int) -> String? {
    var stream = KeyedDigits(key: key, label: kind + "\u{0}" + value + "\u{0}" + String(counter))
    let characters = Array(value)
    switch kind {
    case "resident-id":
      guard characters.count == 18 else { return nil }
      var digits = Array(characters[0..<6].map { UInt8($0.asciiValue ?? 0x30) })
      for _ in 0..<4 { digits.append(0x30 + stream.digit()) }  // year
      digits.append(0x31)  // month 13–19: no such month
      digits.append(0x33 + stream.digit() % 7)
      for _ in 0..<2 { digits.append(0x30 + stream.digit()) }  // day
      for _ in 0..<2 { digits.append(0x30 + stream.digit()) }  // sequence
      // The sex digit keeps its parity (odd for men), so counts by sex survive.
      let sex = characters[16].wholeNumberValue ?? 0
      digits.append(0x30 + UInt8((stream.digit() % 5) * 2 + UInt8(sex % 2)))
      digits.append(ResidentID.checkCharacter(first17: digits))
      return String(decoding: digits, as: UTF8.self)
    case "mobile":
      guard characters.count == 11 else { return nil }
      return "1" + String(stream.digit() % 3) + (0..<9).map { _ in String(stream.digit()) }.joined()
    case "landline":
      guard let dash = characters.firstIndex(of: "-") else { return nil }
      let local = characters.count - dash - 1
      guard local >= 2 else { return nil }
      return String(characters[...dash]) + String(stream.digit() % 2)
        + (1..<local).map { _ in String(stream.digit()) }.joined()
    case "bank-card":
      guard characters.count >= 12 else { return nil }
      var digits: [UInt8] = [0x30]
      for _ in 1..<(characters.count - 1) { digits.append(0x30 + stream.digit()) }
      let check = Luhn.checkDigit(forPayload: digits)
      digits.append(0x30 + (check - 0x30 + 1 + stream.digit() % 9) % 10)
      return String(decoding: digits, as: UTF8.self)
    case "email":
      guard let at = characters.lastIndex(of: "@"), at > 0 else { return nil }
      var local = characters[..<at].map { character -> Character in
        if character.isASCII && character.isNumber { return Character(String(stream.digit())) }
        if character.isASCII && character.isLetter { return stream.letter() }
        return character
      }
      local[local.count - 1] = "*"
      return String(local) + String(characters[at...])
    case "qq":
      guard characters.count >= 2 else { return nil }
      return "0" + (1..<characters.count).map { _ in String(stream.digit()) }.joined()
    case "wechat":
      guard characters.count >= 2 else { return nil }
      let rest = (1..<characters.count).map { _ in
        stream.digit() < 5 ? String(stream.digit()) : String(stream.letter())
      }
      return String(stream.digit()) + rest.joined()
    default:
      return nil
    }
  }
}

/// Digits and letters drawn from HMAC-SHA-256 blocks of one label (rejection sampling, so each
/// digit and letter is equally likely).
private struct KeyedDigits {
  let key: SymmetricKey
  let label: String
  private var block: [UInt8] = []
  private var position = 0
  private var counter: UInt32 = 0

  init(key: SymmetricKey, label: String) {
    self.key = key
    self.label = label
  }

  private mutating func byte() -> UInt8 {
    if position == block.count {
      var message = Array("piiscan-pseudonym-v1\u{0}".utf8) + Array(label.utf8)
      withUnsafeBytes(of: counter.bigEndian) { message += $0 }
      block = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
      position = 0
      counter += 1
    }
    defer { position += 1 }
    return block[position]
  }

  /// 0…9.
  mutating func digit() -> UInt8 {
    while true {
      let value = byte()
      if value < 250 { return value % 10 }
    }
  }

  /// a…z.
  mutating func letter() -> Character {
    while true {
      let value = byte()
      if value < 234 { return Character(Unicode.Scalar(0x61 + value % 26)) }
    }
  }
}
