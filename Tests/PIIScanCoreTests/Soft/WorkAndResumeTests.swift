import Testing

@testable import PIIScanCore

@Suite struct WorkAndResumeTests {
  @Test func workUnits() {
    for (value, kind) in [
      ("遂宁新锐机械制造股份有限公司", "company"), ("枣庄妇幼保健院", "medical"), ("北京市公安局朝阳分局", "government"),
      ("海淀派出所", "police-justice"), ("深圳第三中学", "education"), ("中国工商银行深圳分行", "finance"),
      ("南通图书馆", "public-institution"), ("解放军某部队", "military"), ("财务科", "department"),
    ] {
      let verdict = Soft.classify(value, .workUnit)
      #expect(
        verdict?.valid == true && Soft.detail(verdict, "kind") == kind,
        "\(value) → \(Soft.detail(verdict, "kind") ?? "nil")")
    }
    #expect(Soft.classify("个体", .workUnit)?.confidence == .low)
    #expect(Soft.classify("退休", .workUnit)?.valid == true)
    #expect(Soft.classify("公司", .workUnit)?.valid == false)  // an ending alone is no name
    #expect(Soft.classify("abc", .workUnit)?.reason == "not an organisation name")
    #expect(Soft.classify("张三", .workUnit)?.reason == "no organisation ending (公司, 医院, 学校…)")
  }

  @Test func occupations() {
    #expect(Soft.classify("经理人", .occupation)?.confidence == .high)
    #expect(Soft.classify("教师", .occupation)?.confidence == .high)
    #expect(Soft.classify("Engineer", .occupation)?.confidence == .high)
    #expect(Soft.classify("高级数据标注师", .occupation)?.confidence == .medium)
    #expect(Soft.classify("放羊", .occupation)?.confidence == .low)
    #expect(Soft.classify("12345", .occupation)?.reason == "not an occupation")
    #expect(Soft.classify("这是一段很长很长很长很长很长的说明文字不是职业", .occupation)?.valid == false)
  }

  @Test func resumes() throws {
    let one = try #require(Soft.classify("2015.09-2019.06 XX大学 本科", .resumeHistory))
    #expect(one.valid && one.confidence == .high && Soft.detail(one, "entries") == "1")
    let two = try #require(
      Soft.classify("2019年7月-2021年3月 深圳某某科技有限公司 工程师；2021年4月至今 广州某某公司", .resumeHistory))
    #expect(Soft.detail(two, "entries") == "2")
    #expect(Soft.classify("2010/09～2013/07 北京市第一中学", .resumeHistory)?.confidence == .high)
    #expect(Soft.classify("2018-2022 自由撰稿", .resumeHistory)?.confidence == .medium)
    #expect(Soft.classify("曾在深圳华为技术有限公司工作", .resumeHistory)?.confidence == .low)
    #expect(Soft.classify("无", .resumeHistory) == nil)
    #expect(
      Soft.classify("喜欢打篮球", .resumeHistory)?.reason == "no dated entries, employer or school")
  }
}
