import Testing

@testable import PIIScanCore

@Suite struct MobilePrefixTableTests {
  let table = MobilePrefixTable.shared

  func lookup(_ number: String) -> MobilePrefix? { table.lookup(Array(number.utf8)) }

  @Test func rowCount() {
    #expect(table.count == 91)
    #expect(table.allPrefixes.filter { !$0.isPersonal }.count == 12)
  }

  @Test func basicPrefix() throws {
    let entry = try #require(lookup("13812345678"))
    #expect(entry.prefix == "138")
    #expect(entry.carrier == "China Mobile")
    #expect(entry.carrierZh == "中国移动")
    #expect(entry.category == "basic")
    #expect(entry.isPersonal)
    #expect(entry.length == 11)
  }

  @Test(arguments: [
    ("13012345678", "130", "中国联通", "basic"), ("13312345678", "133", "中国电信", "basic"),
    ("19212345678", "192", "中国广电", "basic"), ("16212345678", "162", "中国电信", "mvno"),
    ("17031234567", "1703", "中国移动", "mvno"), ("14512345678", "145", "中国联通", "data_card"),
    ("14912345678", "149", "中国电信", "data_card"), ("19912345678", "199", "中国电信", "basic"),
  ])
  func carriers(number: String, prefix: String, carrierZh: String, category: String) {
    let entry = lookup(number)
    #expect(entry?.prefix == prefix)
    #expect(entry?.carrierZh == carrierZh)
    #expect(entry?.category == category)
  }

  @Test func prefix134SplitsBetweenMobileAndTelecomSatellite() {
    #expect(lookup("13401234567")?.prefix == "1340")
    #expect(lookup("13481234567")?.carrier == "China Mobile")
    let satellite = lookup("13491234567")
    #expect(satellite?.prefix == "1349")
    #expect(satellite?.carrier == "China Telecom")
    #expect(satellite?.category == "satellite")
    #expect(satellite?.isPersonal == true)
  }

  @Test func prefix1740SatelliteVersusEmergency() {
    for digit in 0...5 {
      let entry = lookup("1740\(digit)123456")
      #expect(entry?.prefix == "1740\(digit)")
      #expect(entry?.category == "satellite")
      #expect(entry?.isPersonal == true)
    }
    for prefix in ["17406", "17409", "17410", "17412"] {
      let entry = lookup(prefix + "123456")
      #expect(entry?.category == "emergency", "\(prefix)")
      #expect(entry?.isPersonal == false)
      #expect(entry?.carrierZh == "工业和信息化部应急通信保障中心")
    }
    #expect(lookup("17413123456") == nil)
    #expect(lookup("17491234567")?.carrierZh == "北京船舶通信导航")
  }

  @Test func broadnet1610OnlyIn161() {
    let entry = lookup("16101234567")
    #expect(entry?.prefix == "1610")
    #expect(entry?.carrierZh == "中国广电")
    #expect(lookup("16111234567") == nil)
    #expect(lookup("16012345678") == nil)
  }

  @Test(arguments: [
    "14012345678", "14112345678", "14212345678", "14312345678", "15412345678", "16312345678",
    "16412345678", "16812345678", "16912345678", "17912345678", "19412345678", "12345678901",
    "11012345678", "10012345678",
  ])
  func unallocatedPrefixes(_ number: String) {
    #expect(lookup(number) == nil)
  }

  @Test func iotPrefixesAreNotElevenDigitMobiles() throws {
    for number in ["14612345678", "14812345678", "14101234567", "14401234567", "14411234567"] {
      #expect(lookup(number) == nil, "\(number)")
    }
    let iot = try #require(lookup("1461234567890"))
    #expect(iot.category == "iot")
    #expect(iot.length == 13)
    #expect(!iot.isPersonal)
    #expect(lookup("1410123456789")?.prefix == "1410")
    #expect(table.entry(forPrefixOf: Array("14612345678".utf8))?.category == "iot")
    // A 13-digit run under an 11-digit prefix is not a mobile number either.
    #expect(lookup("1381234567890") == nil)
  }

  @Test(arguments: ["1381234567", "138123456789", "1381234567X", "", "138"])
  func wrongLengthOrNonDigits(_ value: String) {
    #expect(lookup(value) == nil)
  }
}
