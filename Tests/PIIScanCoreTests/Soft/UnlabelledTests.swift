import Testing

@testable import PIIScanCore

@Suite struct UnlabelledTests {
  @Test func fullAddresses() throws {
    let verdict = try #require(Soft.unlabelled("浙江省杭州市西湖区文三路398号"))
    #expect(verdict.category == .homeAddress && verdict.valid)
    #expect(Soft.detail(verdict, "district") == "西湖区")
    #expect(Soft.unlabelled("江苏省淮安市洪泽区西城镇石门村")?.category == .homeAddress)
    #expect(Soft.unlabelled("河南省周口市淮阳区王店乡李庄村三组")?.category == .homeAddress)
  }

  @Test func partialAddressesAndRegionsAreNothing() {
    for value in ["广东省深圳市", "广东省深圳市南山区", "中山路123号", "阳光花园3栋2单元501室", "广东省深圳市南山区科技园", "北京"] {
      #expect(Soft.unlabelled(value) == nil, "\(value)")
    }
  }

  @Test func namesAreNeverFoundWithoutALabel() {
    for value in ["张三", "李小明", "欧阳娜娜", "买买提·艾力", "王 芳"] {
      #expect(Soft.unlabelled(value) == nil, "\(value)")
    }
  }

  @Test func documentsAndPlates() {
    #expect(Soft.unlabelled("E12345678")?.confidence == .low)
    #expect(Soft.unlabelled("EF1260892")?.confidence == .medium)
    #expect(Soft.unlabelled("PE1234567")?.category == .cnPassport)
    #expect(Soft.unlabelled("H12345678")?.category == .cnHKMOHomeReturnPermit)
    #expect(Soft.unlabelled("C12345678")?.category == .cnHKMOExitEntryPermit)
    #expect(Soft.unlabelled("南字第1234567号")?.category == .cnMilitaryOfficerID)
    #expect(Soft.unlabelled("粤B·12345")?.normalized == "粤B12345")
    #expect(Soft.unlabelled("苏A·ZKML9") == nil)
    // Taiwan permits (8 digits) and old 14/15 passports are header-only.
    #expect(Soft.unlabelled("12345678") == nil)
    #expect(Soft.unlabelled("141234567") == nil)
  }

  @Test func organisationCodes() throws {
    // A 个体工商户 (92…) code is flagged as person-linked; the region comes from the code.
    let soleProprietor = try #require(Soft.unlabelled("92440300MA5F12345Y"))
    #expect(soleProprietor.category == .cnUSCC)
    #expect(Soft.detail(soleProprietor, "kind") == "个体工商户 (person-linked)")
    #expect(Soft.detail(soleProprietor, "region") == "广东省深圳市")
    #expect(Soft.unlabelled("91110000600037341L")?.category == .cnUSCC)
    #expect(Soft.unlabelled("91110000600037341A") == nil)
    #expect(Soft.unlabelled("USA123456789012")?.category == .cnForeignPermanentResidenceID)
    #expect(Soft.unlabelled("XYZ123456789012") == nil)
  }

  @Test func telecomIdentifiersNeedContext() {
    #expect(Soft.unlabelled("89860012345678901234") == nil)
    #expect(Soft.unlabelled("89860012345678901234", .iccid)?.category == .telecomAccountOpening)
    #expect(Soft.unlabelled("460011234567890") == nil)
    #expect(Soft.unlabelled("460011234567890", .imsi)?.valid == true)
    #expect(Soft.unlabelled("354855960098605", .imei)?.valid == true)
    #expect(Soft.unlabelled("354855960098606", .imei)?.valid == false)
    #expect(TelecomContext.detect(in: Array("SIM卡号".utf8)) == .iccid)
    #expect(TelecomContext.detect(in: Array("IMEI/串号".utf8)) == .imei)
    #expect(TelecomContext.detect(in: Array("imsi".utf8)) == .imsi)
  }
}
