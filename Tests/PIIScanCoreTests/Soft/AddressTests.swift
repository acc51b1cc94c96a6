import Testing

@testable import PIIScanCore

@Suite struct AddressTests {
  static let precise: [Case] = [
    Case("四川省遂宁市蓬溪县东风南路809号,书香门第21幢2702"),
    Case("甘肃省张掖市甘州区和平中路315号书香门第5栋1单元302室"),
    Case("贵州省贵阳市南明区城南街道迎宾街912号15号楼1003室"),
    Case("湖北省恩施土家族苗族自治州恩施市解放北路979号星河湾22-2-2102"),
    Case("北京市朝阳区建国路88号"), Case("北京市 朝阳区 建国路 88 号"),
    Case("广东深圳南山区科技园路1号"), Case("上海市浦东新区张江路100弄5号302室"),
    Case("江苏省淮安市洪泽区西城镇石门村"), Case("河南省周口市淮阳区王店乡李庄村三组"),
    Case("天津市塘沽区芙蓉街18号"),  // an abolished district (120107) still resolves
    Case("广东省东莞市长安镇振安路368号"),  // a prefecture city without districts
    Case("中山路123号"), Case("阳光花园3栋2单元501室"), Case("幸福里小区8-4-3002"),
    Case("浙江省杭州市西湖区文三路398号3#楼501"), Case("深圳市福田区华强北路1002号赛格广场3-501"),
  ]

  @Test(arguments: precise)
  func preciseAddresses(_ example: Case) throws {
    let verdict = try #require(Soft.classify(example.value, .homeAddress))
    #expect(verdict.valid, "\(example.value): \(verdict.reason ?? "")")
    #expect(verdict.confidence != .low, "\(example.value)")
  }

  @Test func regionDetails() throws {
    let verdict = try #require(Soft.classify("甘肃省张掖市甘州区和平中路315号书香门第5栋1单元302室", .homeAddress))
    #expect(Soft.detail(verdict, "province") == "甘肃省")
    #expect(Soft.detail(verdict, "city") == "张掖市")
    #expect(Soft.detail(verdict, "district") == "甘州区")
    #expect(Soft.detail(verdict, "level") == "room")
    // Short forms resolve to the canonical names; a district alone resolves upwards when unique.
    let short = try #require(Soft.classify("广东深圳南山区科技园路1号", .homeAddress))
    #expect(Soft.detail(short, "province") == "广东省" && Soft.detail(short, "city") == "深圳市")
    let municipality = try #require(Soft.classify("北京市朝阳区建国路88号", .homeAddress))
    #expect(
      Soft.detail(municipality, "province") == "北京市"
        && Soft.detail(municipality, "district") == "朝阳区")
    #expect(Soft.detail(municipality, "city") == nil)
    // 朝阳区 alone is ambiguous (北京, 长春): no province is claimed.
    let ambiguous = try #require(Soft.classify("朝阳区建国路88号", .homeAddress))
    #expect(ambiguous.valid && Soft.detail(ambiguous, "province") == nil)
    let village = try #require(Soft.classify("西藏自治区日喀则地区白朗县城关镇陈店村", .homeAddress))
    #expect(Soft.detail(village, "level") == "village" && Soft.detail(village, "district") == "白朗县")
  }

  @Test func regionsAloneAreNotFullAddresses() throws {
    for value in ["广东省", "深圳市", "广东省深圳市", "广东省深圳市南山区", "北京", "内蒙古自治区呼和浩特市"] {
      let verdict = try #require(Soft.classify(value, .homeAddress))
      #expect(!verdict.valid && verdict.reason == "region only, not a full address", "\(value)")
    }
  }

  @Test func inconsistentRegions() throws {
    // Faker-style addresses whose parts do not nest.
    let verdict = try #require(Soft.classify("陕西省北镇县清浦路12号", .homeAddress))
    #expect(!verdict.valid)
    #expect(verdict.reason?.hasPrefix("regions do not belong together") == true)
  }

  @Test func streetLevelWithoutNumberIsLowConfidence() throws {
    let verdict = try #require(Soft.classify("北京市朝阳区建国路", .homeAddress))
    #expect(verdict.valid && verdict.confidence == .low)
  }

  @Test func notAddresses() {
    for value in ["abc", "13800138000", "今天天气很好", "张三", "12345"] {
      #expect(Soft.classify(value, .homeAddress)?.reason == "not an address", "\(value)")
    }
  }

  /// A company address is still an address: the structure layer decides personal or not.
  @Test func companyAddressesAreAddresses() {
    #expect(Soft.classify("广东省深圳市南山区科技南十二路18号长虹科技大厦12楼", .homeAddress)?.valid == true)
  }

  /// 中山路 is a road, not 中山市 + 路.
  @Test func shortRegionNamesNeedAFollower() throws {
    let verdict = try #require(Soft.classify("中山路123号", .homeAddress))
    #expect(verdict.valid && Soft.detail(verdict, "city") == nil)
  }

  @Test func householdRegistration() throws {
    for value in [
      "广东省湛江市遂溪县", "湖南长沙", "湖南长沙人", "河南省", "江苏省淮安市洪泽区西城镇石门村", "非农业", "农业户口", "居民", "天津市塘沽区芙蓉街18号",
    ] {
      let verdict = try #require(Soft.classify(value, .householdRegistration))
      #expect(verdict.valid, "\(value): \(verdict.reason ?? "")")
    }
    let region = try #require(Soft.classify("湖南长沙", .householdRegistration))
    #expect(Soft.detail(region, "province") == "湖南省" && Soft.detail(region, "city") == "长沙市")
    #expect(Soft.classify("其它", .householdRegistration)?.valid == false)
    #expect(Soft.classify("陕西省北镇县", .householdRegistration)?.valid == false)
  }
}
