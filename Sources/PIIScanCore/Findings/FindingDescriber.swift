/// One derived fact about a value (its region, carrier, issuing bank…).
public struct FindingDetail: Sendable, Equatable {
  public var key: String
  /// The fact as shown with `--reveal`.
  public var value: String
  /// The fact as shown in masked output; nil means "same as `value`", "" means "leave out".
  public var masked: String?

  public init(_ key: String, _ value: String, masked: String? = nil) {
    self.key = key
    self.value = value
    self.masked = masked
  }
}

/// What a report shows of a finding beyond the finding itself: the human reason it is invalid,
/// and the facts its value reveals.
///
/// Each comes in two forms: as `--reveal` shows it, and as a masked report shows it — with
/// nothing that a character the mask hides decides (docs/VALIDATORS.md, "Masking"): a detail
/// whose `masked` is "" is left out, a masked reason names no hidden character.
public struct FindingDescription: Sendable, Equatable {
  /// Which check failed, in English, when the finding is invalid.
  public var reason: String?
  /// The same, as a masked report shows it.
  public var maskedReason: String?
  public var details: [FindingDetail]

  public init(reason: String?, maskedReason: String? = nil, details: [FindingDetail]) {
    self.reason = reason
    self.maskedReason = maskedReason ?? reason
    self.details = details
  }

  /// The reason as a report with (`reveal`) or without raw values shows it.
  public func reason(reveal: Bool) -> String? { reveal ? reason : maskedReason }
}

/// Derives a finding's reason and details from its value when it is written, by running its
/// validator's checks again: detection keeps only the verdict (valid, reason code, confidence),
/// so a scan that writes no details (`--count`, `size`) never builds them, and every report
/// builds them the same way.
public struct FindingDescriber: Sendable {
  public let asOf: CivilDate

  public init(asOf: CivilDate) { self.asOf = asOf }

  public func describe(_ finding: Finding) -> FindingDescription {
    finding.value.withBytes { value in
      switch finding.rule.validator {
      case .residentID18, .residencePermit: return residentID18(finding, value)
      case .residentID15: return residentID15(finding, value)
      case .mobile: return mobile(finding, value)
      case .landline: return landline(finding, value)
      case .bankCard: return bankCard(finding, value)
      case .mobileMasked: return mobileMasked(value)
      case .residentIDMasked: return residentIDMasked(value)
      case .email: return email(value)
      case .field: return soft(finding, value)
      case .regex: return FindingDescription(reason: nil, details: [])
      }
    }
  }

  private static let sampleReason = "known sample value"

  /// Where a published sample value comes from; left out of masked reports, since the note
  /// may say what the hidden characters are (a worked example's birth year).
  private func sampleNote(_ finding: Finding, _ category: String) -> FindingDetail? {
    guard finding.reasonCode == .knownSample else { return nil }
    return KnownSampleValues.shared.note(for: finding.value.string, category: category)
      .map { FindingDetail("sample", $0, masked: "") }
  }

  private func residentID18(_ finding: Finding, _ value: UnsafeRawBufferPointer)
    -> FindingDescription
  {
    let check = ResidentID.check18(value, asOf: asOf)
    var details = IdentityDetails.of(check, asOf: asOf)
    if let note = sampleNote(finding, "cn_resident_id") {
      details.append(note)
      return FindingDescription(reason: Self.sampleReason, details: details)
    }
    return FindingDescription(
      reason: finding.valid ? nil : check.reasonText,
      maskedReason: finding.valid ? nil : check.maskedReasonText, details: details)
  }

  private func residentID15(_ finding: Finding, _ value: UnsafeRawBufferPointer)
    -> FindingDescription
  {
    let check = ResidentID.check15(value, asOf: asOf)
    var details = IdentityDetails.of(check, asOf: asOf)
    if let upgraded = check.upgraded18 {
      // Its check character is computed from the hidden digits: only the region shows.
      details.append(
        FindingDetail("id18", upgraded, masked: Redaction.keep(upgraded, first: 6, last: 0)))
    }
    if let note = sampleNote(finding, "cn_resident_id_15") {
      details.append(note)
      return FindingDescription(reason: Self.sampleReason, details: details)
    }
    return FindingDescription(
      reason: finding.valid ? nil : check.reasonText,
      maskedReason: finding.valid ? nil : check.maskedReasonText, details: details)
  }

  private func mobile(_ finding: Finding, _ value: UnsafeRawBufferPointer) -> FindingDescription {
    var details: [FindingDetail] = []
    var reason: String?
    var maskedReason: String?
    // The mask shows three digits; a carrier that a fourth or fifth digit decides (1349, 1700,
    // 17406) is left out of a masked report.
    let decidedByThree = MobilePrefixTable.shared.isDecidedByFirstThree(value)
    if let prefix = MobilePrefixTable.shared.lookup(value) {
      details.append(
        FindingDetail("carrier", prefix.carrierZh, masked: decidedByThree ? nil : ""))
      if prefix.category != "basic" {
        details.append(
          FindingDetail("line_type", prefix.category, masked: decidedByThree ? nil : ""))
      }
      if !prefix.isPersonal {
        reason = "prefix \(prefix.prefix) is a non-personal \(prefix.category) range"
        maskedReason =
          prefix.prefix.utf8.count <= 3 ? reason : "the number is in a non-personal range"
      }
    } else {
      let shown = String(decoding: value.prefix(3), as: UTF8.self)
      reason = "prefix \(shown) is not allocated to any carrier"
    }
    if finding.flags.contains(.countryCode) { details.append(FindingDetail("country_code", "+86")) }
    if let note = sampleNote(finding, "cn_mobile") {
      details.append(note)
      reason = Self.sampleReason
      maskedReason = nil
    }
    return FindingDescription(
      reason: finding.valid ? nil : reason,
      maskedReason: finding.valid ? nil : maskedReason ?? reason, details: details)
  }

  private func landline(_ finding: Finding, _ value: UnsafeRawBufferPointer)
    -> FindingDescription
  {
    let text = String(decoding: value, as: UTF8.self)
    let parts = text.split(separator: "-", maxSplits: 1)
    let area = parts.first.map(String.init) ?? ""
    let local = parts.count > 1 ? String(parts[1]) : ""
    var details: [FindingDetail] = []
    let known = LandlineAreaCodes.shared.lookup(Array((area + local).utf8))
    let areaMatches = known.map { $0.code == area } ?? false
    if areaMatches, let known {
      details.append(FindingDetail("area_code", known.code))
      let city = known.province == known.city ? known.city : known.province + known.city
      details.append(FindingDetail("city", city))
      if known.isRetired {
        details.append(FindingDetail("area_code_status", "retired"))
        if !known.replacedBy.isEmpty {
          details.append(
            FindingDetail("area_code_replaced_by", known.replacedBy.joined(separator: ",")))
        }
      }
    }
    if let digits = finding.landlineExtension {
      details.append(FindingDetail("extension", digits, masked: ""))
    }
    var reason: String?
    var maskedReason: String?
    if !finding.valid {
      if !areaMatches {
        reason = "area code \(area) is not in use"
      } else if let first = local.first {
        reason = "a local number cannot start with \(first)"
        maskedReason = "the local number cannot start with its first digit"
      }
    }
    return FindingDescription(reason: reason, maskedReason: maskedReason, details: details)
  }

  private func bankCard(_ finding: Finding, _ value: UnsafeRawBufferPointer)
    -> FindingDescription
  {
    let luhn = Luhn.isValid(value)
    guard let bin = BankBINTable.shared.lookup(value) else {
      let details = [
        FindingDetail("bin", "unknown"), FindingDetail("luhn", luhn ? "pass" : "fail"),
      ]
      return FindingDescription(
        reason: finding.valid ? nil : "unknown BIN and Luhn check fails", details: details)
    }
    // The mask shows six digits: what a longer BIN decides is left out of a masked report.
    let shown = BankBINTable.shared.decidedByFirstSix(value)
    var details = [
      FindingDetail("bank", bin.bank, masked: shown?.bank ?? ""),
      // (The masked value shows the first six digits itself; a longer BIN's are hidden.)
      FindingDetail("bin", bin.bin, masked: ""),
    ]
    if let note = sampleNote(finding, "cn_bank_card") {
      details.append(note)
      return FindingDescription(reason: Self.sampleReason, details: details)
    }
    if let type = bin.cardType {
      let masked = shown?.cardType.map(BankCardTypes.name) ?? ""
      details.append(FindingDetail("card_type", BankCardTypes.name(type), masked: masked))
    }
    let n = value.count
    if let length = bin.cardLength, length != n {
      return FindingDescription(
        reason: finding.valid ? nil : "\(n) digits, but \(bin.bin) cards have \(length)",
        details: details)
    }
    if luhn { return FindingDescription(reason: nil, details: details) }
    details.append(FindingDetail("luhn", "fail"))
    return FindingDescription(reason: finding.valid ? nil : "Luhn check fails", details: details)
  }

  private func mobileMasked(_ value: UnsafeRawBufferPointer) -> FindingDescription {
    var digits = Array(value.prefix(3))
    digits.append(contentsOf: [UInt8](repeating: 0x30, count: 8))
    var details: [FindingDetail] = []
    if let prefix = MobilePrefixTable.shared.lookup(digits), prefix.prefix.utf8.count == 3 {
      details.append(FindingDetail("carrier", prefix.carrierZh))
    }
    return FindingDescription(reason: nil, details: details)
  }

  private func residentIDMasked(_ value: UnsafeRawBufferPointer) -> FindingDescription {
    var details: [FindingDetail] = []
    if value.count >= 6, value.prefix(6).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      let code = value.prefix(6).reduce(0) { $0 * 10 + Int($1 - 0x30) }
      if let region = RegionCodeTable.shared.region(code: code) {
        details.append(FindingDetail("region", region.name))
      }
    }
    return FindingDescription(reason: nil, details: details)
  }

  private func email(_ value: UnsafeRawBufferPointer) -> FindingDescription {
    guard let at = value.lastIndex(of: 0x40) else {
      return FindingDescription(reason: nil, details: [])
    }
    let local = String(decoding: value[..<at], as: UTF8.self)
    let domain = String(decoding: value[(at + 1)...], as: UTF8.self).lowercased()
    var details = [FindingDetail("domain", domain)]
    if EmailDetector.isRoleAccount(local) {
      details.append(FindingDetail("role_account", "true", masked: ""))
    }
    if domain == "qq.com", (5...11).contains(local.utf8.count),
      local.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    {
      details.append(FindingDetail("qq", local, masked: ""))
    }
    return FindingDescription(reason: nil, details: details)
  }

  /// A soft value: classified again by its category's grammar, as its detector classified it
  /// (under its field's name, by its own shape, or in free text).
  private func soft(_ finding: Finding, _ value: UnsafeRawBufferPointer) -> FindingDescription {
    guard let category = SoftCategory(rawValue: finding.category.id) else {
      return FindingDescription(reason: nil, details: [])
    }
    let verdict = SoftReclassifier.verdict(
      value, category: category, flags: finding.flags, valid: finding.valid, asOf: asOf)
    guard let verdict else { return FindingDescription(reason: nil, details: []) }
    let written = String(decoding: value, as: UTF8.self)
    var details = verdict.details.map { Self.maskedSoft($0, category: category, value: written) }
    if verdict.normalized != written && !verdict.normalized.isEmpty {
      details.insert(FindingDetail("normalized", verdict.normalized, masked: ""), at: 0)
    }
    let reason = finding.valid ? nil : verdict.reason
    return FindingDescription(
      reason: reason, maskedReason: reason.map(Self.maskedSoftReason), details: details)
  }

  /// A soft value's detail as a masked report shows it. The mask keeps a soft value's first
  /// character (and its last two from eight on), so only what those decide may show: the
  /// document a prefix names, a plate's province, a one-character surname, how much of an
  /// address is there, how a value is written. Everything else read from the value (an
  /// address's city and district, codes, carriers, ages) is left out.
  static func maskedSoft(_ detail: FindingDetail, category: SoftCategory, value: String)
    -> FindingDetail
  {
    var detail = detail
    guard detail.masked == nil else { return detail }
    switch detail.key {
    case "document", "level":
      break
    case "form" where category != .wechatID:
      break
    case "province" where category == .cnVehiclePlate:
      break
    case "surname" where detail.value.count == 1 && value.hasPrefix(detail.value):
      break
    case "issuer", "issuer_meaning":
      if !(value.first.map { detail.value.hasPrefix(String($0)) } ?? false) || value.count < 2 {
        detail.masked = ""
      }
    default:
      detail.masked = ""
    }
    return detail
  }

  /// A soft reason as a masked report shows it: without the parts it quotes from the value.
  static func maskedSoftReason(_ reason: String) -> String {
    if reason.hasPrefix("regions do not belong together") {
      return "regions do not belong together"
    }
    if reason.hasPrefix("unknown mobile network code") { return "unknown mobile network code" }
    // What a plate's hidden letters and digits are (an I or O, three letters, a D or F).
    if reason.contains("serial") || reason.contains("authority letter") {
      return "not a serial a plate can have"
    }
    return reason
  }
}
