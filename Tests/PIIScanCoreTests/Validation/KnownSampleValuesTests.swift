import Testing

@testable import PIIScanCore

@Suite struct KnownSampleValuesTests {
  let samples = KnownSampleValues.shared
  let asOf = ValidationFixtures.asOf

  @Test func rowCount() {
    #expect(samples.count == 27)
  }

  @Test(arguments: [
    ("11010519491231002X", "cn_resident_id"), ("440524188001010014", "cn_resident_id"),
    ("440308199901101512", "cn_resident_id"), ("13800138000", "cn_mobile"),
    ("13888888888", "cn_mobile"), ("18888888888", "cn_mobile"), ("13000000000", "cn_mobile"),
  ])
  func requiredSamplesAreListed(value: String, category: String) {
    let note = samples.note(for: value, category: category)
    #expect(note != nil, "\(value)")
    #expect(note?.isEmpty == false)
  }

  @Test func categoryMustMatch() {
    #expect(samples.note(for: "11010519491231002X", category: "cn_mobile") == nil)
    #expect(samples.note(for: "13800138001", category: "cn_mobile") == nil)
    #expect(samples.entries(for: "13800138000").map(\.category) == ["cn_mobile"])
    #expect(samples.entries(for: "nothing").isEmpty)
  }

  @Test func listedIDsAreStructurallyWhatTheirNotesSay() {
    // Known samples are valid-looking numbers (that is why they need listing), the 1880 one
    // (GB 11643's example) too, now that birth dates go back to 1860.
    for entry in samples.allEntries where entry.category == "cn_resident_id" {
      let result = ResidentID.check18(Array(entry.value.utf8), asOf: asOf)
      #expect(result.isValid, "\(entry.value): \(result.reasonText)")
    }
    #expect(ResidentID.check15(Array("610104620927690".utf8), asOf: asOf).isValid)
  }

  @Test func listedMobilesAndCards() {
    #expect(MobilePrefixTable.shared.lookup(Array("13800138000".utf8))?.carrierZh == "中国移动")
    #expect(MobilePrefixTable.shared.lookup(Array("12345678901".utf8)) == nil)
    #expect(USCC.isValid(Array("91110000600037341L".utf8)))
    for number in ["6214832018989180", "60142870670591508"] {
      #expect(samples.note(for: number, category: "cn_bank_card") != nil)
    }
  }
}
