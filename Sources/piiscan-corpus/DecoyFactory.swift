/// Hard negatives: strings that look like personal information and are not
/// (docs/VALIDATORS.md §3.1, §4.1, §5, §14.4, §15).
///
/// Every decoy is checked before use: no maximal digit run in it may pass for a
/// real value (an 11-digit run with a mobile prefix, an 18-character ID with a real
/// province, date and checksum, a 15-digit first-generation ID, a card run that
/// passes Luhn under a known BIN). The check is deliberately stricter than the
/// scanner should need, so a decoy is never a mislabelled positive.
struct DecoyFactory: Sendable {
  let tables: ReferenceTables
  /// Known BIN prefixes, for the card-shape check.
  private let binPrefixes: [[UInt8]]

  init(tables: ReferenceTables) {
    self.tables = tables
    binPrefixes = tables.bins.map { Array($0.bin.utf8) }
  }

  enum Kind: String, CaseIterable {
    case snowflake
    case msTimestamp = "ms_timestamp"
    case epoch
    case orderNumber = "order_number"
    case uuid
    case md5, sha1, sha256
    case coordinate
    case decimal
    case uscc
    case imei
    case iccid
    case version
    case longDigitRun = "long_digit_run"
    case notMobilePrefix = "not_mobile_prefix"
    case surnameWord = "surname_word"
    case serviceNumber = "service_number"
    case postcode
    case maskedName = "anonymised_name"
    // For the categories of other documents, accounts and credentials:
    /// `E12345678`, `G12345678`, `C12345678`, `H12345678`: a product code in prose, no
    /// passport or permit context.
    case productCode = "product_code"
    /// `E20190123`: a staff number under 工号 (passport-shaped, not a passport).
    case staffNumber = "staff_number"
    /// `A12345`: a model number (a plate without its province).
    case modelNumber = "model_number"
    /// 6-10 digits outside any QQ field (item ids, ticket numbers).
    case qqLike = "qq_like_number"
    /// 15 digits that fail Luhn, outside any IMEI field (bill serials).
    case notIMEI = "not_imei"
    /// A weak-password word in prose (`123456`, `qwerty`), not after an account.
    case passwordWord = "password_word"
    /// A name cue followed by a word that is not a name (`收件人信息`, `持卡人本人`).
    case cueNotName = "cue_word_not_name"
  }

  func make(_ kind: Kind, using rng: inout SeededGenerator) -> String {
    while true {
      let s = draft(kind, using: &rng)
      let alnum = [.md5, .sha1, .sha256, .uuid, .uscc].contains(kind)
      if kind == .surnameWord || kind == .maskedName || kind == .passwordWord
        || kind == .cueNotName
        || !couldBePI(s, allowLuhn: kind == .imei || kind == .iccid, alnumTokens: alnum)
      {
        return s
      }
    }
  }

  private func draft(_ kind: Kind, using rng: inout SeededGenerator) -> String {
    let ref = CivilDate.reference.daysSinceEpoch
    switch kind {
    case .snowflake:
      // Twitter layout: ms since 2010-11-04 << 22 | worker << 12 | sequence (19 digits).
      let ms = UInt64(1_288_834_974_657 + 0)  // Twitter epoch (ms since 1970)
      let now = UInt64(ref - rng.int(0...900)) * 86_400_000 + UInt64(rng.below(86_400_000))
      let id = ((now - ms) << 22) | (UInt64(rng.below(1024)) << 12) | UInt64(rng.below(4096))
      return String(id)
    case .msTimestamp:
      let day = ref - rng.int(0...1200)
      return String(UInt64(day) * 86_400_000 + UInt64(rng.below(86_400_000)))
    case .epoch:
      let day = ref - rng.int(0...3000)
      return String(day * 86_400 + rng.below(86_400))
    case .orderNumber:
      // yyyyMMddHHmmss + serial: 16-20 digits.
      let d = CivilDate(daysSinceEpoch: ref - rng.int(0...700))
      let stamp = d.compact + pad(rng.below(24), 2) + pad(rng.below(60), 2) + pad(rng.below(60), 2)
      return stamp + rng.digitString(rng.int(2...6))
    case .uuid:
      func hex(_ n: Int) -> String { randomHex(n, using: &rng) }
      return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + ["8", "9", "a", "b"][rng.below(4)]
        + hex(3) + "-"
        + rng.digitString(12)
    case .md5: return hashWithDigitStretch(32, using: &rng)
    case .sha1: return hashWithDigitStretch(40, using: &rng)
    case .sha256: return hashWithDigitStretch(64, using: &rng)
    case .coordinate:
      let lon = String(rng.int(73...134)) + "." + rng.digitString(rng.int(6...11))
      let lat = String(rng.int(18...53)) + "." + rng.digitString(rng.int(6...11))
      return rng.chance(5_000) ? lon + "," + lat : lat + "," + lon
    case .decimal:
      // A decimal whose fraction holds a mobile-like 10-11 digit run (1.3800138000).
      let fraction = String(rng.int(3...9)) + rng.digitString(rng.int(9...10))
      return rng.pick(["1", "1", "0", "11", "21", "101"]) + "." + fraction
    case .uscc:
      return uscc(allDigits: rng.chance(3_000), using: &rng)
    case .imei:
      // TAC 86xxxxxx or 35xxxxxx, serial, Luhn digit: 15 digits.
      var b = Array((rng.chance(5_000) ? "86" : "35").utf8)
      rng.digits(12, into: &b)
      b.append(CheckDigits.luhnCheckDigit(b))
      return String(decoding: b, as: UTF8.self)
    case .iccid:
      // 89 86 + issuer + ...: 19 or 20 digits; 19-digit ones end in a Luhn digit.
      var b = Array("8986".utf8)
      b.append(contentsOf: Array(["00", "01", "03", "11", "15"][rng.below(5)].utf8))
      let total = rng.chance(5_000) ? 19 : 20
      rng.digits(total - 1 - b.count, into: &b)
      b.append(CheckDigits.luhnCheckDigit(b))
      return String(decoding: b, as: UTF8.self)
    case .version:
      switch rng.below(3) {
      case 0:
        return "v\(rng.int(1...13)).\(rng.int(0...38)).\(rng.int(0...9))"
          + rng.digitString(rng.int(6...9))
      case 1: return "\(rng.int(1...20)).\(rng.int(0...99)).\(rng.int(0...9)).\(rng.digitString(8))"
      default:
        return "build-" + rng.digitString(4) + "." + rng.digitString(11, leadingNonZero: true)
      }
    case .longDigitRun:
      // A mobile-shaped run buried in a longer run: 13x... inside 20-32 digits.
      let mobile = "1" + String(rng.int(3...9)) + rng.digitString(9)
      return rng.digitString(rng.int(3...10), leadingNonZero: true) + mobile
        + rng.digitString(rng.int(6...11))
    case .notMobilePrefix:
      return (rng.chance(5_000) ? "12" : "10") + rng.digitString(9)
    case .surnameWord:
      return rng.pick(Vocabulary.surnameInitialWords)
    case .serviceNumber:
      return rng.pick([
        "95588", "95533", "95555", "95566", "10086", "10010", "10000", "12345", "12315",
        "400-820-8820", "400-610-1688", "800-830-8300", "95599", "12306",
      ])
    case .postcode:
      return pad(rng.int(10...85), 2) + pad(rng.int(0...9999), 4)
    case .maskedName:
      return rng.pick(["张某", "李某某", "王某", "刘某某", "陈某", "赵某某"])
    case .productCode:
      return rng.pick(["E", "E", "G", "C", "H"]) + rng.digitString(8)
    case .staffNumber:
      return "E" + String(rng.int(2008...2026)) + rng.digitString(4)
    case .modelNumber:
      let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
      return String(UnicodeScalar(letters[rng.below(letters.count)])) + rng.digitString(5)
    case .qqLike:
      return rng.digitString(rng.int(6...10), leadingNonZero: true)
    case .notIMEI:
      while true {
        let s = rng.digitString(15, leadingNonZero: true)
        if !CheckDigits.luhnIsValid(Array(s.utf8)) { return s }
      }
    case .passwordWord:
      return rng.pick(Vocabulary.passwordLikeWords)
    case .cueNotName:
      return rng.pick(Vocabulary.cueNonNames).1
    }
  }

  private func randomHex(_ n: Int, using rng: inout SeededGenerator) -> String {
    let alphabet = Array("0123456789abcdef".utf8)
    return String(decoding: (0..<n).map { _ in alphabet[rng.below(16)] }, as: UTF8.self)
  }

  /// A hex digest with an 11-18 digit stretch fenced by letters.
  private func hashWithDigitStretch(_ length: Int, using rng: inout SeededGenerator) -> String {
    let letters = Array("abcdef".utf8)
    var b = Array(randomHex(length, using: &rng).utf8)
    let stretch = rng.int(11...18)
    let start = rng.int(1...(length - stretch - 1))
    b[start - 1] = letters[rng.below(6)]
    for i in start..<(start + stretch) { b[i] = UInt8(48 + (i == start ? 1 : rng.below(10))) }
    if stretch >= 2 { b[start + 1] = UInt8(48 + rng.int(3...9)) }  // 13..19: mobile-like start
    b[start + stretch] = letters[rng.below(6)]
    return String(decoding: b, as: UTF8.self)
  }

  /// A GB 32100 code with a valid check character; region from the tables.
  private func uscc(allDigits: Bool, using rng: inout SeededGenerator) -> String {
    let region = rng.pick(tables.idRegions).code
    var b: [UInt8]
    if allDigits {
      b = Array((["12", "52", "53", "11", "31"][rng.below(5)] + region).utf8)
      rng.digits(9, into: &b)
    } else {
      b = Array((["91", "92", "93", "51", "52", "12"][rng.below(6)] + region).utf8)
      let alphabet = CheckDigits.usccAlphabet
      for i in 0..<9 {
        b.append(i < 8 ? UInt8(48 + rng.below(10)) : alphabet[rng.below(alphabet.count)])
      }
      if !b[8...].contains(where: { $0 > 57 }) { b[16] = alphabet[rng.int(10...30)] }
    }
    b.append(CheckDigits.usccCheck(b))
    if allDigits && b[17] > 57 { return uscc(allDigits: true, using: &rng) }  // keep it all digits
    return String(decoding: b, as: UTF8.self)
  }

  // MARK: - Safety check

  /// True when any maximal digit run of `s` could be read as a valid identifier.
  /// With `alnumTokens`, runs are maximal letter-or-digit tokens instead (a digit
  /// stretch inside a hex digest is fenced by letters, as a scanner's
  /// `(?<![0-9A-Za-z])` boundary sees it) and only all-digit tokens are checked.
  /// `allowLuhn` lets Luhn-valid runs through unless a known BIN or `62` starts them
  /// (IMEIs and ICCIDs are Luhn-valid by construction).
  func couldBePI(_ s: String, allowLuhn: Bool, alnumTokens: Bool = false) -> Bool {
    let bytes = Array(s.utf8)
    func inToken(_ b: UInt8) -> Bool {
      ASCII.isDigit(b) || (alnumTokens && ((b | 0x20) >= 97 && (b | 0x20) <= 122))
    }
    var i = 0
    while i < bytes.count {
      guard inToken(bytes[i]) else {
        i += 1
        continue
      }
      var j = i
      while j < bytes.count && inToken(bytes[j]) { j += 1 }
      if alnumTokens {
        let token = Array(bytes[i..<j])
        let digits =
          token.allSatisfy(ASCII.isDigit)
          || (token.count == 18 && token[0..<17].allSatisfy(ASCII.isDigit)
            && (token[17] | 0x20) == ASCII.lowerX)
        if digits
          && runCouldBePI(
            token.map { $0 == ASCII.lowerX ? ASCII.upperX : $0 }, allowLuhn: allowLuhn)
        {
          return true
        }
        i = j
        continue
      }
      // An 18-character ID may end in X.
      var run = Array(bytes[i..<j])
      if run.count == 17, j < bytes.count, bytes[j] == ASCII.upperX || bytes[j] == ASCII.lowerX {
        run.append(ASCII.upperX)
      }
      if runCouldBePI(run, allowLuhn: allowLuhn) { return true }
      i = j
    }
    return false
  }

  private func runCouldBePI(_ run: [UInt8], allowLuhn: Bool) -> Bool {
    let n = run.count
    if n == 11 && run[0] == 49 && run[1] >= 51 { return true }  // 13x-19x mobile shape
    if n == 18 || n == 15 {
      let province = Int(run[0] - 48) * 10 + Int(run[1] - 48)
      let provinceOK = (11...65).contains(province)
      let date: CivilDate
      if n == 18 {
        date = CivilDate(
          year: number(run[6..<10]), month: number(run[10..<12]), day: number(run[12..<14]))
      } else {
        date = CivilDate(
          year: 1900 + number(run[6..<8]), month: number(run[8..<10]), day: number(run[10..<12]))
      }
      let dateOK = date.isValid && date.year >= 1900 && date <= CivilDate.reference
      if provinceOK && dateOK {
        if n == 15 { return true }
        if CheckDigits.residentIDCheck(run[0..<17]) == run[17] { return true }
      }
    }
    if (15...19).contains(n) && run.allSatisfy(ASCII.isDigit) && CheckDigits.luhnIsValid(run) {
      let knownBIN = binPrefixes.contains { run.starts(with: $0) } || run.starts(with: [54, 50])
      if !allowLuhn || knownBIN { return true }
    }
    return false
  }

  private func number(_ s: ArraySlice<UInt8>) -> Int {
    s.reduce(0) { $0 * 10 + Int($1) - 48 }
  }
}
