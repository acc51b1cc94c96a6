import Testing

@testable import PIIScanCore

/// New-energy plates of the 2021+ series and consulate plates (issue 12, class 2): the energy
/// letter is any of A–K but I (not only D/F), first in a small car's 6-character serial, last
/// in a large vehicle's.
@Suite struct PlateFormsTests {
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  func plates(_ text: String) -> [String] {
    TextScan.findings(in: text, rules: Self.rules, settings: Self.settings)
      .filter { $0.category.id == "cn_vehicle_plate" }
      .map { "\($0.value) \($0.valid)" }
  }

  /// Every letter the series may use, and the ones it may not (I; L and later).
  static let energyLetters = Array("ABCDEFGHJK")
  static let otherLetters = Array("ILMNPQRSTUVWXYZ")

  @Test func smallNewEnergyPlatesWithEveryEnergyLetter() {
    for letter in Self.energyLetters {
      let plate = "粤B\(letter)03205"
      #expect(plates("车牌号：\(plate)") == ["\(plate) true"], "\(plate)")
    }
    for letter in Self.otherLetters {
      let plate = "粤B\(letter)03205"
      #expect(plates("车牌号：\(plate)") == ["\(plate) false"], "\(plate)")
    }
  }

  @Test func largeNewEnergyPlatesWithEveryEnergyLetter() {
    for letter in Self.energyLetters {
      let plate = "川A·23047\(letter)"
      #expect(plates("号牌号码：\(plate)") == ["\(plate) true"], "\(plate)")
    }
    #expect(plates("号牌号码：川A·23047L") == ["川A·23047L false"])
  }

  @Test func plateFormsInFreeText() {
    #expect(
      plates("车牌 粤BA03205 川A·23047B 京A1234领")
        == ["粤BA03205 true", "川A·23047B true", "京A1234领 true"])
  }
}

/// Officer IDs whose number starts with one or two letters (issue 12, class 8).
@Suite struct MilitaryOfficerLettersTests {
  @Test func lettersBeforeTheDigitsAreStillAnOfficerID() {
    let rules = try! RuleSet.embedded()
    let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)
    func ids(_ text: String) -> [String] {
      TextScan.findings(in: text, rules: rules, settings: settings)
        .filter { $0.category.id == "cn_military_officer_id" }.map(\.value.string)
    }
    #expect(ids("军官证 南字第A123456号") == ["南字第A123456号"])
    #expect(ids("军官证号：海字第AB12345号") == ["海字第AB12345号"])
    #expect(ids("军官证 南字第1234567号") == ["南字第1234567号"])
    // Three letters, or too few digits after the letters, is no officer ID.
    #expect(ids("军官证 南字第ABC12345号").isEmpty)
    #expect(ids("军官证 南字第AB1234号").isEmpty)
  }
}
