/// Passports, travel permits, military officer IDs, vehicle plates, foreign permanent-residence
/// IDs and telecom identifiers (docs/VALIDATORS.md §13, §14), checked by their own grammar.
///
/// `Patterns/vocabularies/document-prefixes.tsv` lists the passport and permit shapes checked
/// here (a test keeps the two in step).
enum DocumentNumbers {
  /// A document number recognised by its prefix and length.
  struct Document: Equatable {
    var category: SoftCategory
    /// What the document is (普通电子护照…).
    var document: String
    /// Confidence without a header (the E/G/C/H/M/W + 8-digit series collide with product codes).
    var unlabelledConfidence: Confidence?
  }

  @inline(__always)
  private static func isSerialLetter(_ value: UInt32) -> Bool {
    SoftText.isUpper(value) && value != 0x49 && value != 0x4F  // no I, O
  }

  /// Whether `text[range]` from `from` on is `count` ASCII digits exactly to the end.
  @inline(__always)
  private static func digits(
    _ text: ScalarText, _ from: Int, _ end: Int, _ counts: ClosedRange<Int>
  ) -> Bool {
    guard counts.contains(end - from) else { return false }
    for index in from..<end where !SoftText.isDigit(text.scalars[index]) { return false }
    return true
  }

  /// The compact upper-case form of an alphanumeric value (letters upper-cased, spaces dropped);
  /// nil when anything but letters, digits, spaces, `.`, `(` `)` occurs.
  static func compactASCII(_ text: ScalarText, _ range: Range<Int>) -> String? {
    var result = ""
    for index in range {
      let value = text.scalars[index]
      if value == 0x20 { continue }
      guard SoftText.isAlphanumeric(value) || value == 0x2E || value == 0x28 || value == 0x29
      else { return nil }
      result.unicodeScalars.append(Unicode.Scalar(UInt8(SoftText.upper(value))))
    }
    return result
  }

  /// The passport or permit `text[range]` is (ASCII, letters in either case), or nil.
  static func document(_ text: ScalarText, _ range: Range<Int>) -> Document? {
    let start = range.lowerBound
    let end = range.upperBound
    guard end - start >= 8, end - start <= 12 else { return nil }
    let first = SoftText.upper(text.scalars[start])
    let second = SoftText.upper(text[start + 1])
    switch first {
    case 0x45:  // E
      if digits(text, start + 1, end, 8...8) {
        return Document(category: .cnPassport, document: "普通电子护照", unlabelledConfidence: .low)
      }
      if isSerialLetter(second), digits(text, start + 2, end, 7...7) {
        return Document(category: .cnPassport, document: "普通电子护照", unlabelledConfidence: .medium)
      }
    case 0x47:  // G
      if digits(text, start + 1, end, 8...8) {
        return Document(category: .cnPassport, document: "普通护照", unlabelledConfidence: .low)
      }
    case 0x31:  // 14/15 + 7 digits (header only)
      if second == 0x34 || second == 0x35, digits(text, start + 2, end, 7...7) {
        return Document(category: .cnPassport, document: "普通护照", unlabelledConfidence: nil)
      }
    case 0x50, 0x53, 0x44:  // P, S, D
      let names: [UInt32: String] = [0x50: "公务普通护照", 0x53: "公务护照", 0x44: "外交护照"]
      let name = names[first] ?? ""
      if second == 0x45, digits(text, start + 2, end, 7...7) {
        return Document(category: .cnPassport, document: name, unlabelledConfidence: .medium)
      }
      if second == 0x2E, first != 0x44, digits(text, start + 2, end, 7...7) {
        return Document(category: .cnPassport, document: name, unlabelledConfidence: .low)
      }
      if digits(text, start + 1, end, first == 0x50 ? 7...7 : 7...8) {
        return Document(category: .cnPassport, document: name, unlabelledConfidence: .low)
      }
    case 0x4B:  // K
      if digits(text, start + 1, end, 8...8) {
        return Document(category: .cnPassport, document: "香港特别行政区护照", unlabelledConfidence: .low)
      }
    case 0x4D:  // MA + 7, M + 8/10
      if second == 0x41, digits(text, start + 2, end, 7...7) {
        return Document(category: .cnPassport, document: "澳门特别行政区护照", unlabelledConfidence: .medium)
      }
      if digits(text, start + 1, end, 8...8) || digits(text, start + 1, end, 10...10) {
        return Document(
          category: .cnHKMOHomeReturnPermit, document: "港澳居民来往内地通行证(澳门)", unlabelledConfidence: .low
        )
      }
    case 0x48:  // H + 8/10
      if digits(text, start + 1, end, 8...8) || digits(text, start + 1, end, 10...10) {
        return Document(
          category: .cnHKMOHomeReturnPermit, document: "港澳居民来往内地通行证(香港)", unlabelledConfidence: .low
        )
      }
    case 0x43:  // C + 8, C + letter + 7
      if digits(text, start + 1, end, 8...8) {
        return Document(
          category: .cnHKMOExitEntryPermit, document: "往来港澳通行证", unlabelledConfidence: .low)
      }
      if isSerialLetter(second), digits(text, start + 2, end, 7...7) {
        return Document(
          category: .cnHKMOExitEntryPermit, document: "往来港澳通行证", unlabelledConfidence: .low)
      }
    case 0x57:  // W + 8
      if digits(text, start + 1, end, 8...8) {
        return Document(
          category: .cnHKMOExitEntryPermit, document: "往来港澳通行证(旧版)", unlabelledConfidence: .low)
      }
    default:
      break
    }
    return nil
  }

  /// Whether `text[range]` is a 台胞证 number: 8 digits, 10 digits, or 8 digits + `(A)`.
  static func isTaiwanCompatriotPermit(_ text: ScalarText, _ range: Range<Int>) -> Bool {
    let start = range.lowerBound
    let end = range.upperBound
    if digits(text, start, end, 8...8) || digits(text, start, end, 10...10) { return true }
    if end - start == 11, digits(text, start, start + 8, 8...8), text.scalars[start + 8] == 0x28,
      SoftText.isASCIILetter(text.scalars[start + 9]), text.scalars[start + 10] == 0x29
    {
      return true
    }
    return false
  }

  // MARK: Military officer ID

  /// A 军官证 number `X字第NNNNNNN号` (1–2 issuer characters, 6–10 digits, 号 optional at the end).
  struct MilitaryID {
    var range: Range<Int>
    var issuer: String
    var issuerMeaning: String?
  }

  /// The military officer ID starting at `start` (exactly; `end` bounds the digits).
  static func militaryID(
    _ text: ScalarText, at start: Int, end: Int, vocabulary v: SoftVocabulary = .shared
  ) -> MilitaryID? {
    // 字 = 5B57, 第 = 7B2C, 号 = 53F7
    for issuerLength in 1...2 {
      let zi = start + issuerLength
      guard zi + 1 < end, text.scalars[zi] == 0x5B57, text.scalars[zi + 1] == 0x7B2C else {
        continue
      }
      guard (start..<zi).allSatisfy({ SoftText.isHan(text.scalars[$0]) }) else { return nil }
      var index = zi + 2
      // Some series put one or two letters before the digits (南字第A123456号).
      while index < end, index - (zi + 2) < 2, SoftText.isUpper(SoftText.upper(text.scalars[index]))
      {
        index += 1
      }
      let letters = index - (zi + 2)
      while index < end, SoftText.isDigit(text.scalars[index]) { index += 1 }
      let digitCount = index - (zi + 2) - letters
      guard (6...10).contains(digitCount + letters), digitCount >= 5 else { return nil }
      if index < end, text.scalars[index] == 0x53F7 { index += 1 }
      let issuer = text.string(start..<zi)
      let meaning = issuerLength == 1 ? v.militaryIssuers[text.scalars[start]] : nil
      return MilitaryID(range: start..<index, issuer: issuer, issuerMeaning: meaning)
    }
    return nil
  }

  // MARK: Vehicle plates

  /// The outcome of the plate grammar.
  enum Plate {
    case valid(normalized: String, province: String, kind: String)
    case invalid(normalized: String, reason: String)
    case notPlate
  }

  /// Separators written inside plates: · • - space ．/. ・.
  @inline(__always)
  static func isPlateSeparator(_ value: UInt32) -> Bool {
    value == 0x20 || value == 0x2D || SoftText.isNameDot(value)
  }

  /// Special last characters of 4-character serials: 挂 学 警 港 澳 领 试 超.
  static let plateSuffixes: [UInt32: String] = [
    0x6302: "trailer", 0x5B66: "coach", 0x8B66: "police", 0x6E2F: "Hong Kong", 0x6FB3: "Macao",
    0x9886: "consulate", 0x8BD5: "test", 0x8D85: "over-limit",
  ]

  /// Checks `text[range]` as a plate: province abbreviation, authority letter, 5 serial
  /// characters (at most 2 letters, no I/O), or 6 for new-energy vehicles (an energy letter
  /// A–K but I, first for small, last for large), or 4 + a special suffix (挂, 学, 警, 领…).
  static func plate(
    _ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary = .shared
  ) -> Plate {
    // Compact form: drop separators, upper-case letters.
    var chars: [UInt32] = []
    chars.reserveCapacity(9)
    for index in range {
      let value = text.scalars[index]
      if isPlateSeparator(value) && !chars.isEmpty { continue }
      guard chars.count < 9 else { return .notPlate }
      chars.append(SoftText.upper(value))
    }
    let count = chars.count
    guard count >= 6, SoftText.isHan(chars[0]), SoftText.isUpper(chars[1]) else { return .notPlate }
    var normalized = ""
    for value in chars {
      if let scalar = Unicode.Scalar(value) { normalized.unicodeScalars.append(scalar) }
    }
    guard let provinceIndex = v.plateProvinces[chars[0]] else {
      return .invalid(normalized: normalized, reason: "unknown province abbreviation")
    }
    let province = v.provinces[provinceIndex].name
    guard isSerialLetter(chars[1]) else {
      return .invalid(normalized: normalized, reason: "I or O as the authority letter")
    }
    let serial = Array(chars.dropFirst(2))
    func isSerial(_ value: UInt32) -> Bool { SoftText.isDigit(value) || isSerialLetter(value) }
    if serial.contains(where: { $0 == 0x49 || $0 == 0x4F }) {
      return .invalid(normalized: normalized, reason: "I or O in the serial")
    }
    switch serial.count {
    case 5:
      guard serial.allSatisfy(isSerial) else {
        if serial.count == 5, serial[0..<4].allSatisfy(isSerial),
          let kind = plateSuffixes[serial[4]]
        {
          return .valid(normalized: normalized, province: province, kind: kind)
        }
        return .invalid(normalized: normalized, reason: "not a plate serial")
      }
      let letters = serial.filter { SoftText.isUpper($0) }.count
      guard letters <= 2 else {
        return .invalid(normalized: normalized, reason: "more than 2 letters in the serial")
      }
      return .valid(normalized: normalized, province: province, kind: "regular")
    case 6:
      // The energy letter: D (electric) and F (hybrid) from 2016, and since 2021 the other
      // letters A–K but I as the D/F series of a city run out.
      func isEnergyLetter(_ value: UInt32) -> Bool { value &- 0x41 < 11 && value != 0x49 }
      if isEnergyLetter(serial[0]) && isSerial(serial[1])
        && serial[2...].allSatisfy(SoftText.isDigit)
      {
        return .valid(normalized: normalized, province: province, kind: "new-energy (small)")
      }
      if serial[0..<5].allSatisfy(SoftText.isDigit) && isEnergyLetter(serial[5]) {
        return .valid(normalized: normalized, province: province, kind: "new-energy (large)")
      }
      return .invalid(
        normalized: normalized, reason: "not a new-energy serial (A–K but I, first or last)")
    case 4:
      return .invalid(normalized: normalized, reason: "serial too short")
    default:
      return .invalid(normalized: normalized, reason: "wrong serial length")
    }
  }

  // MARK: Telecom identifiers

  /// An ICCID, IMSI or IMEI and what it tells.
  struct TelecomID {
    var kind: String
    var valid: Bool
    var reason: String?
    var carrier: String?
  }

  /// Reads `compact` (ASCII, upper-case, no spaces) as an ICCID, IMSI or IMEI, as allowed by
  /// `context`; nil when it has none of their shapes.
  static func telecomID(_ compact: String, context: TelecomContext) -> TelecomID? {
    let bytes = Array(compact.utf8)
    let allDigits = bytes.allSatisfy { $0 &- 0x30 < 10 }
    // 89 is the telecom industry identifier of every ICCID (ITU-T E.118); 8986 is China's.
    if context.contains(.iccid), (19...20).contains(bytes.count), compact.hasPrefix("89"),
      compact.hasPrefix("8986") || allDigits,
      bytes.allSatisfy({ $0 &- 0x30 < 10 || $0 &- 0x41 < 6 })
    {
      let issuer =
        compact.hasPrefix("8986") ? String(decoding: bytes[4..<6], as: UTF8.self) : ""
      // The last digit is a Luhn check digit (ITU-T E.118); serials with hex letters have none
      // that can be checked.
      let valid = !allDigits || Luhn.isValid(bytes)
      return TelecomID(
        kind: "ICCID", valid: valid, reason: valid ? nil : "ICCID check digit (Luhn) fails",
        carrier: SoftVocabulary.shared.iccidCarriers[issuer])
    }
    if context.contains(.imsi), bytes.count == 15, allDigits, compact.hasPrefix("460") {
      let mnc = String(decoding: bytes[3..<5], as: UTF8.self)
      if let carrier = SoftVocabulary.shared.imsiCarriers[mnc] {
        return TelecomID(kind: "IMSI", valid: true, reason: nil, carrier: carrier)
      }
      return TelecomID(
        kind: "IMSI", valid: false, reason: "unknown mobile network code 460\(mnc)", carrier: nil)
    }
    if context.contains(.imei), bytes.count == 15, allDigits {
      let valid = Luhn.isValid(bytes)
      return TelecomID(
        kind: "IMEI", valid: valid, reason: valid ? nil : "IMEI check digit (Luhn) fails",
        carrier: nil)
    }
    // IMEISV: the 14 digits of the IMEI without its check digit and a 2-digit software
    // version (3GPP TS 23.003); nothing in it can be checked.
    if context.contains(.imei), bytes.count == 16, allDigits {
      return TelecomID(kind: "IMEISV", valid: true, reason: nil, carrier: nil)
    }
    return nil
  }
}
