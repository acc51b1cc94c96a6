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
public struct FindingDescription: Sendable, Equatable {
  /// Which check failed, in English, when the finding is invalid.
  public var reason: String?
  public var details: [FindingDetail]
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

  private func sampleNote(_ finding: Finding, _ category: String) -> FindingDetail? {
    guard finding.reasonCode == .knownSample else { return nil }
    return KnownSampleValues.shared.note(for: finding.value.string, category: category)
      .map { FindingDetail("sample", $0) }
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
    return FindingDescription(reason: finding.valid ? nil : check.reasonText, details: details)
  }

  private func residentID15(_ finding: Finding, _ value: UnsafeRawBufferPointer)
    -> FindingDescription
  {
    let check = ResidentID.check15(value, asOf: asOf)
    var details = IdentityDetails.of(check, asOf: asOf)
    if let upgraded = check.upgraded18 {
      details.append(
        FindingDetail("id18", upgraded, masked: Redaction.maskResidentID(upgraded)))
    }
    if let note = sampleNote(finding, "cn_resident_id_15") {
      details.append(note)
      return FindingDescription(reason: Self.sampleReason, details: details)
    }
    return FindingDescription(reason: finding.valid ? nil : check.reasonText, details: details)
  }

  private func mobile(_ finding: Finding, _ value: UnsafeRawBufferPointer) -> FindingDescription {
    var details: [FindingDetail] = []
    var reason: String?
    if let prefix = MobilePrefixTable.shared.lookup(value) {
      details.append(FindingDetail("carrier", prefix.carrierZh))
      if prefix.category != "basic" { details.append(FindingDetail("line_type", prefix.category)) }
      if !prefix.isPersonal {
        reason = "prefix \(prefix.prefix) is a non-personal \(prefix.category) range"
      }
    } else {
      let shown = String(decoding: value.prefix(3), as: UTF8.self)
      reason = "prefix \(shown) is not allocated to any carrier"
    }
    if finding.flags.contains(.countryCode) { details.append(FindingDetail("country_code", "+86")) }
    if let note = sampleNote(finding, "cn_mobile") {
      details.append(note)
      reason = Self.sampleReason
    }
    return FindingDescription(reason: finding.valid ? nil : reason, details: details)
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
    if let digits = finding.landlineExtension { details.append(FindingDetail("extension", digits)) }
    var reason: String?
    if !finding.valid {
      if !areaMatches {
        reason = "area code \(area) is not in use"
      } else if let first = local.first {
        reason = "a local number cannot start with \(first)"
      }
    }
    return FindingDescription(reason: reason, details: details)
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
    var details = [FindingDetail("bank", bin.bank), FindingDetail("bin", bin.bin)]
    if let note = sampleNote(finding, "cn_bank_card") {
      details.append(note)
      return FindingDescription(reason: Self.sampleReason, details: details)
    }
    if let type = bin.cardType {
      details.append(FindingDetail("card_type", BankCardTypes.name(type)))
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
    if EmailDetector.isRoleAccount(local) { details.append(FindingDetail("role_account", "true")) }
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
    var details = verdict.details
    let written = String(decoding: value, as: UTF8.self)
    if verdict.normalized != written && !verdict.normalized.isEmpty {
      details.insert(FindingDetail("normalized", verdict.normalized, masked: ""), at: 0)
    }
    return FindingDescription(reason: finding.valid ? nil : verdict.reason, details: details)
  }
}
