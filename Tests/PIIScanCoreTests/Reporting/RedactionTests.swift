import Testing

@testable import PIIScanCore

/// Masked values keep what tells two values apart and nothing that identifies a person.
@Suite struct RedactionTests {
  @Test(arguments: [
    ("cn_resident_id", "11010119900307123X", "110101********123X"),
    ("cn_resident_id_15", "420502900307722", "420502******722"),
    ("cn_mobile", "13912345670", "139****5670"),
    ("cn_bank_card", "6222021234567890128", "622202*********0128"),
    ("cn_landline", "0755-86123456", "0755-****3456"),
    ("email", "zhang.wei@163.com", "z***@163.com"),  // the local part's length hidden too
    ("person_name_zh", "欧阳明", "欧**"),
    ("person_name_zh", "张伟", "张*"),
    ("home_address", "北京市朝阳区建国路88号3单元201室", "北" + String(repeating: "*", count: 16) + "1室"),
    ("cn_passport", "E12345678", "E******78"),
    ("cn_mobile_masked", "139****5670", "139****5670"),
  ])
  func masks(category: String, value: String, masked: String) {
    #expect(Redaction.mask(value, category: CategoryRegistry.builtIn[category]!) == masked)
  }

  @Test func aPasswordShowsNothingNotEvenItsLength() {
    #expect(
      Redaction.mask("7758521", category: CategoryRegistry.builtIn["credential"]!) == "********")
    #expect(
      Redaction.mask(
        "correct horse battery staple", category: CategoryRegistry.builtIn["credential"]!)
        == "********")
  }

  @Test func shortValuesAreStarredWhole() {
    #expect(Redaction.mask("男", category: CategoryRegistry.builtIn["gender"]!) == "*")
    #expect(Redaction.mask("29", category: CategoryRegistry.builtIn["age"]!) == "2*")
  }
}
