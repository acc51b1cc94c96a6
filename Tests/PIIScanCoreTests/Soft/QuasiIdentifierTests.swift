import Testing

@testable import PIIScanCore

@Suite struct QuasiIdentifierTests {
  @Test func gender() {
    for (value, expected) in [
      ("男", "男"), ("女", "女"), ("M", "男"), ("f", "女"), ("Male", "男"), ("FEMALE", "女"), ("1", "男"),
      ("2", "女"), ("男性", "男"),
    ] {
      let verdict = Soft.classify(value, .gender)
      #expect(verdict?.valid == true && verdict?.normalized == expected, "\(value)")
    }
    // 0 未知 and 9 未说明 carry nothing.
    for value in ["0", "9", "未知", "未说明", ""] {
      #expect(Soft.classify(value, .gender) == nil, "\(value)")
    }
    #expect(Soft.classify("3", .gender)?.reason == "not a gender")
    #expect(Soft.classify("男女", .gender)?.valid == false)
  }

  @Test func age() {
    for (value, expected) in [
      ("35", "35"), ("0", "0"), ("120", "120"), ("35岁", "35"), ("35 周岁", "35"), ("42.0", "42"),
    ] {
      let verdict = Soft.classify(value, .age)
      #expect(verdict?.valid == true && verdict?.normalized == expected, "\(value)")
    }
    #expect(Soft.classify("230", .age)?.reason == "implausible age")
    #expect(Soft.classify("121", .age)?.reason == "implausible age")
    #expect(Soft.classify("-3", .age)?.reason == "not an age")
    #expect(Soft.classify("三十", .age)?.reason == "not an age")
    #expect(Soft.detail(Soft.classify("9", .age), "minor") == "under 14")
  }

  static let dates: [Case] = [
    Case("19900307"), Case("1990-03-07"), Case("1990/3/7"), Case("1990年3月7日"), Case("1990.03.07"),
    Case("1990-03-07 00:00:00"), Case("1990-03"), Case("1990年3月"), Case("199003"),
    Case("2000-02-29"),
    Case("1990-02-30", "not a real date"), Case("1990-13-01", "not a real date"),
    Case("19900230", "not a real date"),
    Case("1899-12-31"), Case("1860-01-01"), Case("1859-12-31", "too early"),
    Case("2030-01-01", "in the future"),
    Case("2026-11-30", "in the future"),
    Case("2001-02-29", "not a real date"), Case("yesterday", "not a date"),
    Case("90-3-7", "not a date"),
  ]

  @Test(arguments: dates)
  func birthDate(_ example: Case) throws {
    let verdict = try #require(Soft.classify(example.value, .birthDate))
    #expect(verdict.valid == (example.reason == nil), "\(example.value): \(verdict.reason ?? "")")
    #expect(verdict.reason == example.reason, "\(example.value)")
  }

  @Test func birthDateDetails() throws {
    let verdict = try #require(Soft.classify("1990年3月7日", .birthDate))
    #expect(verdict.normalized == "1990-03-07")
    #expect(Soft.detail(verdict, "age") == "36")
    let child = try #require(Soft.classify("2016-02-24", .birthDate))
    #expect(Soft.detail(child, "minor") == "under 14")
    #expect(Soft.classify("1990/3", .birthDate)?.normalized == "1990-03")
    // An Excel serial: 32939 = 1990-03-07.
    let serial = try #require(Soft.classify("32939", .birthDate))
    #expect(serial.normalized == "1990-03-07" && serial.confidence == .medium)
  }

  @Test func ethnicity() {
    for (value, expected) in [
      ("汉族", "汉族"), ("汉", "汉族"), ("维吾尔族", "维吾尔族"), ("维吾尔", "维吾尔族"), ("01", "汉族"), ("1", "汉族"),
      ("56", "基诺族"), ("23", "高山族"), ("97", "其他"), ("98", "外国血统中国籍人士"), ("蒙古", "蒙古族"),
    ] {
      let verdict = Soft.classify(value, .ethnicity)
      #expect(
        verdict?.valid == true && verdict?.normalized == expected,
        "\(value) → \(verdict?.normalized ?? "nil")")
    }
    #expect(Soft.detail(Soft.classify("回族", .ethnicity), "code") == "03")
    for value in ["57", "穿青人", "汉人", "Han"] {
      #expect(
        Soft.classify(value, .ethnicity)?.reason == "not one of the 56 ethnic groups", "\(value)")
    }
  }

  @Test func maritalStatus() {
    for (value, expected) in [
      ("已婚", "已婚"), ("未婚", "未婚"), ("离异", "离婚"), ("丧偶", "丧偶"), ("初婚", "初婚"), ("20", "已婚"),
      ("40", "离婚"), ("单身", "未婚"), ("Married", "已婚"), ("是", "已婚"),
    ] {
      let verdict = Soft.classify(value, .maritalStatus)
      #expect(
        verdict?.valid == true && verdict?.normalized == expected,
        "\(value) → \(verdict?.normalized ?? "nil")")
    }
    #expect(Soft.detail(Soft.classify("再婚", .maritalStatus), "code") == "22")
    #expect(Soft.classify("90", .maritalStatus) == nil)
    #expect(Soft.classify("未说明的婚姻状况", .maritalStatus) == nil)
    #expect(Soft.classify("50", .maritalStatus)?.reason == "not a marital status")
    #expect(Soft.classify("恋爱中", .maritalStatus)?.valid == false)
  }

  @Test func education() {
    for value in [
      "本科", "大专", "硕士研究生", "博士研究生", "博士(研究生)", "博士（研究生）", "高中", "初中", "小学", "中专", "文盲", "大学本科毕业",
      "本科学历", "Bachelor", "20", "31",
    ] {
      #expect(Soft.classify(value, .education)?.valid == true, "\(value)")
    }
    #expect(Soft.classify("21", .education)?.normalized == "大学本科毕业")
    #expect(Soft.detail(Soft.classify("大专", .education), "code") == "30")
    #expect(Soft.classify("清华大学", .education)?.confidence == .medium)
    #expect(Soft.classify("90", .education) == nil)
    #expect(Soft.classify("计算机科学与技术", .education)?.reason == "not an education level or school")
    #expect(Soft.classify("55", .education)?.valid == false)
  }
}
