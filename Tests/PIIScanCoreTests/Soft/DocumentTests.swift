import Testing

@testable import PIIScanCore

@Suite struct DocumentTests {
  @Test func passports() {
    for value in [
      "E12345678", "EF1260892", "e12345678", "G12345678", "PE1234567", "SE1234567", "DE1234567",
      "P1234567", "K12345678", "MA1234567", "141234567", "E 1234 5678",
    ] {
      let verdict = Soft.classify(value, .cnPassport)
      #expect(
        verdict?.valid == true && verdict?.category == .cnPassport,
        "\(value): \(verdict?.reason ?? "nil")")
    }
    #expect(Soft.classify("e12345678", .cnPassport)?.normalized == "E12345678")
    #expect(Soft.classify("EI1260892", .cnPassport)?.valid == false)  // no I in the series letter
    #expect(
      Soft.classify("E1234567", .cnPassport)?.reason
        == "not a passport number (E/G/PE/SE/DE/K/MA + digits)")
    #expect(Soft.classify("X12345678", .cnPassport)?.valid == false)
    #expect(Soft.classify("护照", .cnPassport)?.valid == false)
  }

  @Test func permits() {
    #expect(Soft.classify("H12345678", .cnHKMOHomeReturnPermit)?.valid == true)
    #expect(Soft.classify("M1234567801", .cnHKMOHomeReturnPermit)?.valid == true)
    #expect(Soft.classify("C12345678", .cnHKMOExitEntryPermit)?.valid == true)
    #expect(Soft.classify("W12345678", .cnHKMOExitEntryPermit)?.valid == true)
    #expect(Soft.classify("12345678", .cnTWCompatriotPermit)?.valid == true)
    #expect(Soft.classify("1234567890", .cnTWCompatriotPermit)?.valid == true)
    #expect(Soft.classify("12345678(B)", .cnTWCompatriotPermit)?.valid == true)
    #expect(Soft.classify("1234567", .cnTWCompatriotPermit)?.valid == false)
    #expect(
      Soft.classify("C1234567", .cnHKMOExitEntryPermit)?.reason
        == "not an exit-entry permit number (C/W + 8 digits)")
    // A number whose prefix names a sibling document is reported as what it is.
    let sibling = Soft.classify("H12345678", .cnHKMOExitEntryPermit)
    #expect(
      sibling?.category == .cnHKMOHomeReturnPermit && sibling?.valid == true
        && sibling?.confidence == .medium)
  }

  @Test func militaryOfficerIDs() throws {
    let verdict = try #require(Soft.classify("南字第1234567号", .cnMilitaryOfficerID))
    #expect(verdict.valid && verdict.confidence == .high)
    #expect(Soft.detail(verdict, "issuer") == "南")
    #expect(Soft.classify("政字第12345678号", .cnMilitaryOfficerID)?.valid == true)
    #expect(Soft.classify("某某字第1234567号", .cnMilitaryOfficerID)?.confidence == .medium)
    #expect(Soft.classify("1234567", .cnMilitaryOfficerID)?.confidence == .low)
    #expect(Soft.classify("南字第123号", .cnMilitaryOfficerID)?.valid == false)
  }

  static let plates: [Case] = [
    Case("粤B12345"), Case("粤B·12345"), Case("粤B-12345"), Case("粤B 12345"), Case("闽W-75588"),
    Case("京A1B234"),
    Case("粤BD12345"), Case("粤B12345D"), Case("沪AF12345"), Case("粤B1234挂"), Case("粤B1234学"),
    Case("粤bd12345"),
    Case("苏A·ZKML9", "more than 2 letters in the serial"),
    Case("粤BABC12", "more than 2 letters in the serial"),
    Case("粤B12I45", "I or O in the serial"), Case("港B12345", "unknown province abbreviation"),
    Case("粤B1234567", "wrong serial length"),
    Case("粤B123456", "not a new-energy serial (A–K but I, first or last)"),
    Case("粤B1234", "serial too short"),
  ]

  @Test(arguments: plates)
  func vehiclePlates(_ example: Case) throws {
    let verdict = try #require(Soft.classify(example.value, .cnVehiclePlate))
    #expect(verdict.valid == (example.reason == nil), "\(example.value): \(verdict.reason ?? "")")
    #expect(verdict.reason == example.reason, "\(example.value)")
  }

  @Test func plateNormalisationAndDetails() throws {
    let verdict = try #require(Soft.classify("粤B·12345", .cnVehiclePlate))
    #expect(verdict.normalized == "粤B12345")
    #expect(Soft.detail(verdict, "province") == "广东省" && Soft.detail(verdict, "kind") == "regular")
    #expect(Soft.detail(Soft.classify("粤BD12345", .cnVehiclePlate), "kind") == "new-energy (small)")
    #expect(Soft.detail(Soft.classify("粤B12345F", .cnVehiclePlate), "kind") == "new-energy (large)")
    #expect(Soft.classify("粤bd12345", .cnVehiclePlate)?.normalized == "粤BD12345")
  }

  @Test func foreignPermanentResidence() {
    #expect(Soft.classify("USA123456789012", .cnForeignPermanentResidenceID)?.valid == true)
    #expect(
      Soft.classify("ZZZ123456789012", .cnForeignPermanentResidenceID)?.reason
        == "unknown nationality code ZZZ")
    #expect(Soft.classify("12345", .cnForeignPermanentResidenceID)?.valid == false)
  }

  @Test func uscc() throws {
    let verdict = try #require(Soft.classify("91110000600037341L", .cnUSCC))
    #expect(verdict.valid && Soft.detail(verdict, "region") == "北京市")
    #expect(Soft.classify("91110000600037341A", .cnUSCC)?.reason == "check character fails")
    #expect(Soft.classify("123", .cnUSCC)?.valid == false)
  }

  /// The document shapes listed in document-prefixes.tsv are the ones the code accepts.
  @Test func documentPrefixTableMatchesCode() {
    let samples: [String: String] = [
      "E": "E12345678", "G": "G12345678", "14": "141234567", "15": "151234567", "PE": "PE1234567",
      "P": "P1234567", "SE": "SE1234567", "S": "S12345678", "DE": "DE1234567", "D": "D1234567",
      "K": "K12345678", "MA": "MA1234567", "H": "H12345678", "M": "M12345678", "C": "C12345678",
      "W": "W12345678", "-": "12345678",
    ]
    #expect(SoftVocabulary.shared.documentPrefixes.count == 17)
    for entry in SoftVocabulary.shared.documentPrefixes {
      guard let sample = samples[entry.prefix] else {
        Issue.record("no sample for prefix \(entry.prefix)")
        continue
      }
      let verdict = Soft.classify(sample, entry.category)
      #expect(
        verdict?.valid == true && verdict?.category == entry.category, "\(entry.prefix): \(sample)")
    }
  }
}
