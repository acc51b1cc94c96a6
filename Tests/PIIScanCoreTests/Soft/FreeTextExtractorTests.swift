import Testing

@testable import PIIScanCore

@Suite struct FreeTextExtractorTests {
  @Test func namesAfterCueWords() {
    let cases: [(String, String)] = [
      ("联系人：张三，电话13800138000", "张三"), ("姓名王五性别男", "王五"), ("收件人: 李小明 广州", "李小明"),
      ("收货人为欧阳娜娜。", "欧阳娜娜"), ("户主是刘德华", "刘德华"), ("机主叫陈晓", "陈晓"), ("持卡人 赵四先生", "赵四"),
      ("患者：买买提·艾力，男", "买买提·艾力"), ("客户孙悟空来电", "孙悟空"), ("客户姓名：周杰", "周杰"),
    ]
    for (line, name) in cases {
      let found = Soft.extract(line).filter { $0.category == .personNameZh }
      #expect(found.map(\.text) == [name], "\(line) → \(found.map(\.text))")
    }
    #expect(Soft.extract("姓名：张三")[0].verdict.confidence == .high)
    #expect(Soft.extract("客户孙悟空来电")[0].verdict.confidence == .medium)
  }

  @Test func trapsAfterCueWordsAreNotNames() {
    for line in [
      "客户周末来访", "客户高中同学聚会", "联系人：江苏分公司", "联系人张家港市分部", "客户于是决定退货",
      "患者张某某", "患者张某", "客户黄金周出行", "客户和平路门店", "客户安全生产培训", "联系人张先生",
      "客户服务中心", "客户经理", "姓名：", "联系人：13800138000",
    ] {
      #expect(Soft.extract(line).filter { $0.category == .personNameZh }.isEmpty, "\(line)")
    }
  }

  @Test func proseWithoutCuesHasNoNames() {
    for line in [
      "周末我们去了张家港，天气很好，高中同学聚会一共来了29个人。",
      "黄金价格今年上涨了67.3%，于是不少人马上去银行买了金条。",
      "张三和李四是好朋友", "和平路门店安全生产检查，常见问题汇总",
    ] {
      #expect(Soft.extract(line).filter { $0.category == .personNameZh }.isEmpty, "\(line)")
    }
  }

  @Test func addresses() throws {
    let found = Soft.extract("买家地址是浙江省杭州市西湖区文三路398号3幢501室谢谢")
    #expect(found.map(\.text) == ["浙江省杭州市西湖区文三路398号3幢501室"])
    #expect(found.first?.category == .homeAddress)
    #expect(Soft.detail(found.first?.verdict, "city") == "杭州市")
    // Short forms anchor too; a name and an address on one line are both found.
    let both = Soft.extract("收件人李四 广东深圳南山区科技园路1号")
    #expect(both.map(\.text) == ["李四", "广东深圳南山区科技园路1号"])
    #expect(Soft.extract("住在江苏省淮安市洪泽区西城镇石门村的老人").map(\.text) == ["江苏省淮安市洪泽区西城镇石门村"])
  }

  @Test func regionMentionsAreNotAddresses() {
    for line in [
      "我们公司在广东省深圳市有分部", "周末我们去了张家港", "江苏分公司本月业绩", "深圳市南山区是科技中心",
      "北京欢迎你", "中山路门店今天休息",
    ] {
      #expect(Soft.extract(line).filter { $0.category == .homeAddress }.isEmpty, "\(line)")
    }
  }

  @Test func documentsAndPlates() {
    let found = Soft.extract("护照号E12345678，车牌粤B·12345，军官证南字第1234567号。")
    #expect(found.map(\.text) == ["E12345678", "粤B·12345", "南字第1234567号"])
    #expect(found.map(\.category) == [.cnPassport, .cnVehiclePlate, .cnMilitaryOfficerID])
    #expect(found[0].verdict.confidence == .medium)  // 护照 before it
    #expect(found[1].verdict.normalized == "粤B12345")
    #expect(Soft.extract("往来港澳通行证C12345678").first?.category == .cnHKMOExitEntryPermit)
    // Word boundaries: no document inside a longer alphanumeric run, no plate with 3 letters.
    #expect(Soft.extract("SKUE12345678X").isEmpty)
    #expect(Soft.extract("型号AE123456789").isEmpty)
    #expect(Soft.extract("车牌苏A·ZKML9").isEmpty)
    #expect(Soft.extract("粤B123456789").isEmpty)
  }

  @Test func rangesAreByteOffsets() {
    let line = "收件人李四"
    let results = FreeTextExtractor.extract(line: Array(line.utf8))
    #expect(results.map(\.range) == [9..<15])
  }
}
