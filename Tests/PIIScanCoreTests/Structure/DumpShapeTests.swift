import Foundation
import Glibc
import Testing

@testable import PIIScanCore

/// Soft values in the shapes dumps put them (issue 12, items 9–11): one-line profiles with
/// several `key：value` pairs, combo lists whose fields include a name and an address, and SQL
/// inserts without their `CREATE TABLE` (also with GBK lines among UTF-8 ones). Each fixture
/// is written here by hand, the expected values listed beside it; every shape is also scanned
/// at many chunk sizes and thread counts and compared with one chunk.
@Suite struct DumpShapeTests {
  static let rules = try! RuleSet.embedded()

  /// The valid findings of a scan as "category value" (values raw), and every finding as a
  /// full comparable line.
  static func scan(
    _ bytes: [UInt8], name: String, chunkSize: Int = ChunkLayout.defaultChunkSize,
    threads: Int = 1
  ) -> (values: [String], lines: [String]) {
    let path = temporaryFile(name, Data(bytes))
    let configuration = ScanConfiguration(
      threads: threads, layout: ChunkLayout(chunkSize: chunkSize),
      detection: DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!))
    let collector = CollectingSink()
    ScanPipeline(rules: rules, configuration: configuration).run(
      inputs: [ScanInput(path: path, kind: .regularFile, size: nil)], sink: collector)
    let values = collector.findings.filter(\.finding.valid).map {
      "\($0.finding.category.id) \($0.finding.value.string)"
    }
    return (values, collector.lines)
  }

  static func scan(_ text: String, name: String) -> [String] {
    scan(Array(text.utf8), name: name).values
  }

  /// `text` in GBK, by iconv (independent of the scanner's own decoder).
  static func gbk(_ text: String) -> [UInt8] {
    let descriptor = iconv_open("GBK", "UTF-8")
    defer { iconv_close(descriptor) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
        var inLeft = inBuffer.count
        var outLeft = outBuffer.count
        _ = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        return outBuffer.count - outLeft
      }
    }
    return output[0..<produced].map { UInt8(bitPattern: $0) }
  }

  // MARK: - 9. One-line profiles

  static let profiles = """
    姓名：赵峰，身份证：440104198803124517，手机：15012345678，住址：广东省广州市越秀区中山五路18号3栋502室，性别：男
    姓名:钱小红,性别:女,出生日期:1990-03-07,工作单位:广州市天河区新锐贸易有限公司,住址:湖南省长沙市岳麓区麓山南路932号
    姓名=孙立|性别=男|民族=汉族|住址=北京市朝阳区建国路88号2单元301室|手机=13912345670
    姓名：李娜；学历：本科；婚姻状况：已婚；住址：上海市浦东新区世纪大道100号
    姓名：周杰 性别：男 住址：浙江省杭州市西湖区文三路90号 手机：13812345679
    姓名：吴敏、性别：女、民族：回族、学历：硕士
    聊天记录：甲：在吗？；乙：好的老地方见

    """

  @Test func everyPairOfAOneLineProfileIsFound() {
    let found = Self.scan(Self.profiles, name: "one-line-profiles.txt")
    for want in [
      "person_name_zh 赵峰", "home_address 广东省广州市越秀区中山五路18号3栋502室", "gender 男",
      "person_name_zh 钱小红", "gender 女", "birth_date 1990-03-07",
      "work_unit 广州市天河区新锐贸易有限公司", "home_address 湖南省长沙市岳麓区麓山南路932号",
      "person_name_zh 孙立", "ethnicity 汉族", "home_address 北京市朝阳区建国路88号2单元301室",
      "person_name_zh 李娜", "education 本科", "marital_status 已婚",
      "home_address 上海市浦东新区世纪大道100号", "person_name_zh 周杰",
      "home_address 浙江省杭州市西湖区文三路90号", "person_name_zh 吴敏", "ethnicity 回族",
      "education 硕士",
      // A chat's speakers are no keys: the record runs to the line's end.
      "communication_content 甲：在吗？；乙：好的老地方见",
    ] {
      #expect(found.contains(want), "\(want) not in \(found)")
    }
    // Each value ends at the next key: no value holds a separator and a key.
    for value in found where !value.hasPrefix("communication_content") {
      #expect(!value.contains("：") && !value.contains(":") && !value.contains("="), "\(value)")
    }
  }

  @Test func aValueAfterAKeyIsReadUpToItsNextKeyNotItsFirstComma() {
    // An address with a comma in it, and a name followed by prose.
    let text = """
      姓名：郑国平，住址：江苏省南京市玄武区中山路100号，3栋，手机：13912345670
      实名认证 name=阎恒浩 登录成功
      备注：高兴，说明：周末再联系
      姓名：高兴，性别：男

      """
    let found = Self.scan(text, name: "pairs.txt")
    #expect(found.contains("person_name_zh 郑国平"))
    #expect(found.contains("person_name_zh 阎恒浩"))
    // Under a key that names nothing no name; under a name key a common word is no valid one
    // (it is reported invalid, as in a name column).
    #expect(!found.contains("person_name_zh 高兴"), "\(found)")
    #expect(!found.contains { $0.hasPrefix("person_name_zh 周") })
  }

  // MARK: - 10. Combo lists with soft fields

  static let names = ["梁兰英", "王建国", "刘芳", "陈明", "张秀英", "杨磊", "欧阳明", "黄小燕"]
  static let addresses = [
    "宁夏回族自治区银川市兴庆区解放东路8号", "北京市朝阳区建国路88号2单元301室", "江苏省南京市玄武区中山路100号",
    "广东省深圳市南山区科技园路12号", "四川省成都市锦江区春熙路56号", "山东省济南市历下区泉城路200号",
    "浙江省杭州市西湖区文三路90号", "湖北省武汉市江汉区解放大道688号",
  ]
  static let ids = [
    "130421198204157723", "110101199003071233", "320102198507142349", "440305199111112226",
    "510104197812123451", "370102198806065551", "330106197001011234", "420103198512120028",
  ]

  static func combo(_ separator: String) -> String {
    var text = ""
    for n in 0..<8 {
      let mobile = "13\(n + 1)1234567\(n)"
      text += [names[n], ids[n], mobile, addresses[n]].joined(separator: separator) + "\n"
    }
    return text
  }

  @Test(arguments: ["----", ":", "|", "\t", ","])
  func aComboListsNameAndAddressColumnsAreFound(separator: String) {
    let found = Self.scan(Self.combo(separator), name: "combo.txt")
    for n in 0..<8 {
      #expect(found.contains("person_name_zh \(Self.names[n])"), "\(separator): \(found)")
      #expect(found.contains("home_address \(Self.addresses[n])"), "\(separator): \(found)")
    }
  }

  @Test func aComboFieldOfOtherHanTextIsNoNameAndNoAddress() {
    // An account, its password and a remark: neither remark is a name or an address.
    var text = ""
    for n in 0..<6 {
      text += "1391234567\(n)----pass\(n)word----\(n % 2 == 0 ? "已停机" : "广东省深圳市")\n"
    }
    let found = Self.scan(text, name: "combo-remarks.txt")
    #expect(!found.contains { $0.hasPrefix("person_name_zh") || $0.hasPrefix("home_address") })
    #expect(found.filter { $0.hasPrefix("credential") }.count == 6)
  }

  // MARK: - 11. SQL without its schema

  static func schemalessSQL(gbkEvery: Int? = nil) -> [UInt8] {
    var bytes: [UInt8] = []
    for n in 0..<8 {
      let gender = n % 2 == 0 ? "女" : "男"
      let line =
        "INSERT INTO `t_member` VALUES (\(n + 1),'\(names[n])','\(ids[n])','13\(n + 1)1234567\(n)',"
        + "'\(addresses[n])','\(gender)','华为手机',NULL);\n"
      if let every = gbkEvery, n % every == 1 {
        bytes += gbk(line)
      } else {
        bytes += Array(line.utf8)
      }
    }
    return bytes
  }

  @Test(arguments: [nil, 2] as [Int?])
  func theColumnsOfATableWithoutItsSchemaAreNamedFromTheirValues(gbkEvery: Int?) {
    let found = Self.scan(Self.schemalessSQL(gbkEvery: gbkEvery), name: "no-schema.sql").values
    for n in 0..<8 {
      #expect(found.contains("person_name_zh \(Self.names[n])"), "\(found)")
      #expect(found.contains("home_address \(Self.addresses[n])"), "\(found)")
    }
    #expect(found.filter { $0.hasPrefix("gender") }.count == 8)
    // A column of product names is no name column.
    #expect(!found.contains { $0.contains("华为") }, "\(found)")
  }

  @Test func inferenceNamesOnlyColumnsMostValuesAgreeOn() {
    var schema = SQLSchema()
    let text = """
      INSERT INTO t VALUES (1,'张伟','男','备注一'),(2,'李娜','女','王国'),(3,'刘洋','男','周末');
      INSERT INTO t VALUES (4,'陈静','女','高兴'),(5,'杨帆','男','黄金');

      """
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { schema.inferColumns(fromUTF8: UnsafeRawBufferPointer($0)) }
    let names = schema.inferred["t"]?.map { String(decoding: $0.name, as: UTF8.self) }
    #expect(names == ["", "姓名", "性别", ""])
  }

  // MARK: - 12. A header row below title rows

  static let titled = """
    员工信息表
    导出时间：2026-11-29,,,
    姓名,性别,手机号,家庭住址
    张伟,男,13912345670,北京市朝阳区建国路88号2单元301室
    李娜,女,13812345679,上海市浦东新区世纪大道100号
    姓名,性别,手机号,家庭住址
    王芳,女,13712345678,江苏省南京市玄武区中山路100号

    """

  @Test func aHeaderRowBelowTitleRowsNamesTheColumns() {
    let found = Self.scan(Array(Self.titled.utf8), name: "titled.csv")
    for want in [
      "person_name_zh 张伟", "gender 男", "home_address 北京市朝阳区建国路88号2单元301室",
      "person_name_zh 李娜", "person_name_zh 王芳", "home_address 江苏省南京市玄武区中山路100号",
    ] {
      #expect(found.values.contains(want), "\(want) not in \(found.values)")
    }
    // The title, the header and the repeated header are no records: nothing on lines 1-3, 6.
    for line in found.lines {
      #expect(!line.contains(" L1 ") && !line.contains(" L2 ") && !line.contains(" L3 "), "\(line)")
      #expect(!line.contains(" L6 "), "\(line)")
    }
  }

  @Test func aSheetsHeaderRowBelowItsTitleIsFound() {
    var text = Array("花名册\n\n工号\t姓名\t学历\nA01\t张伟\t本科\nA02\t李娜\t硕士\n".utf8)
    let profile = text.withUnsafeMutableBytes {
      InputProfile.sniffSheet(UnsafeRawBufferPointer($0))
    }
    #expect(profile.columns == [Array("工号".utf8), Array("姓名".utf8), Array("学历".utf8)])
    // Records start after the header row's newline (byte 31 of the text).
    #expect(profile.headerEnd == Int64(Array("花名册\n\n工号\t姓名\t学历\n".utf8).count))
  }

  // MARK: - 12. Quoted cells spanning lines

  static let multiline = """
    姓名,备注,家庭住址,学历
    张伟,"多次投诉
    已转主管
    待回访",北京市朝阳区建国路88号2单元301室,本科
    李娜,正常,上海市浦东新区世纪大道100号,硕士
    王芳,"客户说""勿扰""
    稍后再联系",江苏省南京市玄武区中山路100号,大专

    """

  @Test func aCellSpanningLinesKeepsTheColumnsOfItsRow() {
    let found = Self.scan(Array(Self.multiline.utf8), name: "multiline.csv")
    for want in [
      "person_name_zh 张伟", "home_address 北京市朝阳区建国路88号2单元301室", "education 本科",
      "person_name_zh 李娜", "person_name_zh 王芳", "home_address 江苏省南京市玄武区中山路100号",
      "education 大专",
    ] {
      #expect(found.values.contains(want), "\(want) not in \(found.values)")
    }
    // The continuation lines' text is the remark's, never a name under 姓名.
    #expect(found.lines.filter { $0.contains("person-name") }.count == 3, "\(found.lines)")
    // The address after a cell of three lines belongs to its row (record at the row's start).
    let row = Array("姓名,备注,家庭住址,学历\n".utf8).count
    #expect(found.lines.contains { $0.contains("home-address") && $0.hasSuffix(" R\(row)") })
  }

  // MARK: - The same findings on every chunking

  static let shapes: [(name: String, bytes: [UInt8])] = [
    ("profiles.txt", Array(profiles.utf8)), ("combo-dash.txt", Array(combo("----").utf8)),
    ("combo-colon.txt", Array(combo(":").utf8)), ("combo-bar.txt", Array(combo("|").utf8)),
    ("no-schema.sql", schemalessSQL()), ("no-schema-gbk.sql", schemalessSQL(gbkEvery: 2)),
    ("titled.csv", Array(titled.utf8)), ("multiline.csv", Array(multiline.utf8)),
  ]

  @Test(arguments: [1, 7, 64, 333, 4096])
  func sameFindingsOnEveryChunkingOfEveryShape(chunkSize: Int) {
    for shape in Self.shapes {
      let want = Self.scan(shape.bytes, name: shape.name).lines
      #expect(!want.isEmpty)
      for threads in [1, 2] {
        let got = Self.scan(shape.bytes, name: shape.name, chunkSize: chunkSize, threads: threads)
        #expect(got.lines == want, "\(shape.name) chunk \(chunkSize) threads \(threads)")
      }
    }
  }
}
