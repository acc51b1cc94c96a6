import Testing

@testable import PIIScanCore

@Suite struct PersonNameTests {
  static let good: [Case] = [
    Case("张三"), Case("李小明"), Case("王 芳"), Case("欧阳娜娜"), Case("司马相如"), Case("诸葛亮"),
    Case("肖战"), Case("付强"), Case("张王秀英"),
    // Minority names with each separator variant.
    Case("买买提·艾力"), Case("买买提•艾力"), Case("买买提・艾力"), Case("买买提．艾力"), Case("买买提.艾力"),
    Case("阿依古丽·吐尔逊"), Case("迪丽努尔·阿不都·热合曼"),
    Case("扎西次仁"), Case("次仁卓玛"),
  ]
  static let bad: [Case] = [
    Case("高中同学", "a common word, not a name"), Case("周末", "a common word, not a name"),
    Case("黄金周", "a common word, not a name"), Case("于是", "a common word, not a name"),
    Case("张家港", "a common word, not a name"), Case("江苏", "a common word, not a name"),
    Case("安全生产", "a common word, not a name"), Case("和平", "a common word, not a name"),
    Case("张某", "anonymised or masked name"), Case("某某", "anonymised or masked name"),
    Case("张某某", "anonymised or masked name"), Case("张*", "anonymised or masked name"),
    Case("李**", "anonymised or masked name"), Case("张先生", "surname and title only"),
    Case("王女士", "surname and title only"), Case("张", "too short for a name"),
    Case("江苏分公司", "too long for a Han name"), Case("张三123", "not a name"),
    Case("的确良", "no known surname"), Case("·艾力", "not a name"),
  ]

  @Test(arguments: good)
  func names(_ example: Case) throws {
    let verdict = try #require(Soft.classify(example.value, .personNameZh))
    #expect(verdict.valid, "\(example.value): \(verdict.reason ?? "")")
    #expect(verdict.category == .personNameZh)
  }

  @Test(arguments: bad)
  func notNames(_ example: Case) throws {
    let verdict = try #require(Soft.classify(example.value, .personNameZh))
    #expect(!verdict.valid, "\(example.value)")
    #expect(verdict.reason == example.reason, "\(example.value)")
  }

  @Test func detailsAndNormalisation() throws {
    let han = try #require(Soft.classify(" 李小明 ", .personNameZh))
    #expect(han.normalized == "李小明")
    #expect(Soft.detail(han, "surname") == "李")
    #expect(han.confidence == .high)
    let compound = try #require(Soft.classify("欧阳娜娜", .personNameZh))
    #expect(Soft.detail(compound, "surname") == "欧阳")
    // Every dot variant is reported with the official middle dot.
    for dot in ["•", "・", "．", "."] {
      #expect(Soft.classify("买买提\(dot)艾力", .personNameZh)?.normalized == "买买提·艾力")
    }
    #expect(Soft.classify("王 芳", .personNameZh)?.normalized == "王芳")
    // A four-character name with a single surname is less certain.
    #expect(Soft.classify("张王秀英", .personNameZh)?.confidence == .medium)
  }

  @Test func placeholdersAreNil() {
    for value in ["", "  ", "NULL", "null", "-", "无", "未知", "N/A", "不详"] {
      #expect(Soft.classify(value, .personNameZh) == nil, "\(value)")
    }
  }

  /// A trap word that is also a plausible whole name (沈阳, 金华) passes under a name header.
  @Test func plausibleNamesThatAreAlsoWords() {
    #expect(Soft.classify("沈阳", .personNameZh)?.valid == true)
    #expect(Soft.classify("金华", .personNameZh)?.valid == true)
    #expect(Soft.classify("黄金华", .personNameZh)?.valid == true)
  }

  @Test func latinNamesAreLowConfidence() throws {
    let verdict = try #require(Soft.classify("Zhang San", .personNameZh))
    #expect(verdict.valid && verdict.confidence == .low)
    #expect(Soft.classify("zhangsan", .personNameZh)?.valid == false)
  }
}
