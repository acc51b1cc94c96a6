import Testing

@testable import PIIScanCore

/// Columns no header explains are named from their values, from the sniffed prefix alone.
@Suite struct ColumnInferenceTests {
  static func profile(_ text: String) -> InputProfile {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { InputProfile.sniff(UnsafeRawBufferPointer($0)) }
  }

  static func names(_ profile: InputProfile) -> [String] {
    profile.columns.map { String(decoding: $0, as: UTF8.self) }
  }

  static let rows = [
    "张伟,110101199003071233,13912345670,北京市朝阳区建国路88号3单元201室,汉族,男,1",
    "李娜,11010119900307141X,18612345678,上海市浦东新区世纪大道100号,回族,女,2",
    "王秀英,110101199003071532,13812345679,广东省广州市天河区体育西路1号,汉族,女,3",
    "欧阳明,110101199003071591,13912345671,浙江省杭州市西湖区文三路90号,满族,男,4",
  ]

  @Test func aTableWithoutHeaderGetsItsColumnsFromItsValues() {
    let profile = Self.profile(Self.rows.joined(separator: "\n") + "\n")
    #expect(profile.format == .delimited)
    #expect(profile.headerRow == false)
    // Row numbers (1, 2, 3…) are no ethnicity or gender codes without a header saying so.
    #expect(Self.names(profile) == ["姓名", "身份证号", "手机号", "家庭住址", "民族", "性别", ""])
  }

  @Test func aHeaderTheDictionaryDoesNotKnowIsKeptAndItsColumnsInferred() {
    let text = "c1,c2,c3,c4,c5,c6,c7\n" + Self.rows.joined(separator: "\n") + "\n"
    let profile = Self.profile(text)
    #expect(profile.headerRow == true)
    #expect(Self.names(profile) == ["姓名", "身份证号", "手机号", "家庭住址", "民族", "性别", "c7"])
  }

  @Test func knownHeadersAreNeverOverriddenByValues() {
    // 开户行 is a known header without a category: bank names there are no employer, and a
    // column of dates is no birth date, whatever its values look like.
    let text = """
      姓名,开户行,日期,备用1
      张伟,中国工商银行北京分行,2026-10-04,男
      李娜,招商银行上海分行,2026-10-05,女
      王秀英,交通银行广州分行,2026-10-06,女
      欧阳明,中国银行杭州分行,2026-10-07,男

      """
    let profile = Self.profile(text)
    #expect(Self.names(profile) == ["姓名", "开户行", "日期", "性别"])
  }

  @Test func fewValuesOrMixedValuesInferNothing() {
    // Two rows are too few; a column where a fifth of the values are no ID is not an ID column.
    #expect(Self.profile(Self.rows.prefix(2).joined(separator: "\n") + "\n").format != .delimited)
    let mixed =
      Self.rows.map { $0.replacingOccurrences(of: "13912345670", with: "未知") }
      + ["赵磊,110101199003071575,无,北京市海淀区中关村大街1号,汉族,男,5"]
    let names = Self.names(Self.profile(mixed.joined(separator: "\n") + "\n"))
    #expect(names[2] == "")
  }

  @Test func onlyTheFirstRowsAreRead() {
    // Inference reads at most its first rows, so what comes after them cannot change a column.
    let head =
      Array(repeating: Self.rows, count: ColumnInference.maximumRows / 4 + 1).joined().joined(
        separator: "\n") + "\n"
    let junk = String(repeating: "x,y,z,w,v,u,t\n", count: 500)
    #expect(Self.names(Self.profile(head + junk)) == Self.names(Self.profile(head)))
    #expect(Self.names(Self.profile(head)).first == "姓名")
  }

  @Test func shapesOfTheStrongCategories() {
    #expect(ColumnInference.matches(Array("11010119900307141X".utf8)[...], .cnResidentID))
    #expect(!ColumnInference.matches(Array("110101199003071412".utf8)[...], .cnResidentID))
    #expect(ColumnInference.matches(Array("420502900307722".utf8)[...], .cnResidentID))
    // Month 31.
    #expect(!ColumnInference.matches(Array("143173112597404".utf8)[...], .cnResidentID))
    #expect(ColumnInference.matches(Array("+8613912345670".utf8)[...], .cnMobile))
    #expect(!ColumnInference.matches(Array("12912345670".utf8)[...], .cnMobile))
    #expect(ColumnInference.matches(Array("6222021234567890128".utf8)[...], .cnBankCard))
    #expect(!ColumnInference.matches(Array("6222021234567890127".utf8)[...], .cnBankCard))
    #expect(ColumnInference.matches(Array("zhang.wei@163.com".utf8)[...], .email))
  }
}
