/// What the reports people read say in Chinese: reasons, detail names and values, and the
/// words around them (`--lang zh` of `scan --format text` and `check`).
///
/// Reasons are written in English where they are made (``FindingDescription``), from a fixed
/// set of sentences, a few with parts taken from the value (`checksum: expected 3, found 4`).
/// This translates each sentence by its template, carrying the parts over unchanged: a masked
/// reason names no hidden character in English, so it names none in Chinese either (the
/// templates add only fixed words). A sentence no template knows (a user's rule, a reason
/// added later) is shown as the reason code's Chinese name with the English sentence after it,
/// never dropped; the tests check that no reason on the labelled samples needs that.
public enum ChineseText {
  /// The reason in Chinese; several failures joined by `; ` are translated one by one.
  public static func reason(_ english: String, code: ReasonCode?) -> String {
    let parts = english.components(separatedBy: "; ")
    let translated = parts.map(translatePart)
    if translated.allSatisfy({ $0 != nil }) {
      return translated.map { $0! }.joined(separator: "；")
    }
    let name = code?.names.zh ?? "无效"
    return "\(name)（\(english)）"
  }

  /// Whether ``reason(_:code:)`` knows every part of `english` (no fallback is needed).
  public static func knows(_ english: String) -> Bool {
    english.components(separatedBy: "; ").allSatisfy { translatePart($0) != nil }
  }

  private static func translatePart(_ english: String) -> String? {
    var text = english
    var suffix = ""
    let excel = " (probably truncated by Excel: ends in 000)"
    if text.hasSuffix(excel) {
      text.removeLast(excel.count)
      suffix = "（疑被 Excel 截断：以 000 结尾）"
    }
    if let fixed = exact[text] { return fixed + suffix }
    for template in templates {
      if let parts = template.match(text) { return template.fill(parts) + suffix }
    }
    return nil
  }

  /// The Chinese name of a detail key (`region` → 地区); the key itself when none is known.
  public static func detailKey(_ key: String) -> String { detailKeys[key] ?? key }

  /// A detail's value in Chinese where it is a word of ours (`male`, `true`, `retired`); values
  /// read from tables (regions, carriers, banks) are Chinese already and pass unchanged.
  public static func detailValue(key: String, value: String) -> String {
    if let word = detailWords[value] { return word }
    if key == "line_type", let word = lineTypes[value] { return word }
    return value
  }

  /// `high` → 高.
  public static func confidence(_ confidence: Confidence) -> String {
    switch confidence {
    case .high: "高"
    case .medium: "中"
    case .low: "低"
    }
  }

  // MARK: The sentences

  private static let exact: [String: String] = [
    "known sample value": "公开的样例值",
    "implausible age": "年龄不合理",
    "not a real date": "日期不存在",
    "in the future": "晚于基准日",
    "too early": "早于可能的出生日期",
    "check character fails": "校验码错误",
    "masked": "已脱敏",
    "anonymised or masked name": "已脱敏或匿名化的姓名",
    "a common word, not a name": "常用词而非人名",
    "region only, not a full address": "只有地区，不是完整地址",
    "surname and title only": "只有姓氏和称谓",
    "too short for a name": "太短，不是姓名",
    "too long for a Han name": "太长，不是汉族姓名",
    "no known surname": "没有已知的姓氏",
    "not a name": "不是姓名",
    "not a Chinese-character name": "不是汉字姓名",
    "serial too short": "号牌序号太短",
    "wrong serial length": "号牌序号长度不对",
    "not a plate serial": "不是号牌序号",
    "I or O in the serial": "号牌序号含字母 I 或 O",
    "I or O as the authority letter": "发牌机关代号为 I 或 O",
    "not a new-energy serial (D/F first or last)": "不是新能源号牌序号（首位或末位应为 D/F）",
    "not a serial a plate can have": "号牌不可能有这样的序号",
    "unknown province abbreviation": "省份简称不存在",
    "not one of the 56 ethnic groups": "不是 56 个民族之一",
    "not a marital status": "不是婚姻状况",
    "not an education level or school": "不是学历或学校",
    "not an occupation": "不是职业",
    "not an organisation name": "不是单位名称",
    "no organisation ending (公司, 医院, 学校…)": "没有单位名称的结尾（公司、医院、学校……）",
    "not a gender": "不是性别",
    "not an age": "不是年龄",
    "not a date": "不是日期",
    "not an address": "不是地址",
    "not a region or address": "不是地区或地址",
    "not a document number": "不是证件号码",
    "not a passport number (E/G/PE/SE/DE/K/MA + digits)": "不是护照号码（E/G/PE/SE/DE/K/MA 加数字）",
    "not a home-return permit number (H/M + 8 or 10 digits)": "不是回乡证号码（H/M 加 8 或 10 位数字）",
    "not an exit-entry permit number (C/W + 8 digits)": "不是往来港澳通行证号码（C/W 加 8 位数字）",
    "not a Taiwan compatriot permit number (8 or 10 digits)": "不是台胞证号码（8 或 10 位数字）",
    "not a permanent-residence ID": "不是外国人永久居留身份证号码",
    "checksum, date or province fails": "校验码、日期或省份不符",
    "not a military officer ID (X字第NNNNNNN号)": "不是军官证号（X字第NNNNNNN号）",
    "not a plate": "不是机动车号牌",
    "not a QQ number": "不是 QQ 号",
    "QQ numbers do not start with 0": "QQ 号不以 0 开头",
    "not a WeChat ID": "不是微信号",
    "WeChat IDs start with a letter": "微信号以字母开头",
    "not an account number": "不是账号",
    "not an 18-character code": "不是 18 位代码",
    "not a Hong Kong identity card number (A123456(3))": "不是香港身份证号码（A123456(3)）",
    "ICCID check digit (Luhn) fails": "ICCID 校验位（Luhn）错误",
    "IMEI check digit (Luhn) fails": "IMEI 校验位（Luhn）错误",
    "Luhn check fails": "Luhn 校验失败",
    "unknown BIN and Luhn check fails": "卡 BIN 未知且 Luhn 校验失败",
    "malformed": "格式错误",
    "regions do not belong together": "地区前后不一致",
    "unknown mobile network code": "移动网络代码未分配",
    "the number is in a non-personal range": "号码属于非个人号段",
    "the local number cannot start with its first digit": "本地号码不能以这一位数字开头",
    "checksum: the check character does not match": "校验码错误：校验位不符",
    "the birth date is not a date": "出生日期不存在",
    "the birth date is not valid": "出生日期无效",
  ]

  /// Sentences with parts from the value, most specific first (`{}` stands for a part).
  private static let templates: [Template] = [
    Template("checksum: expected {}, found {}", "校验码错误：应为 {}，实为 {}"),
    Template("checksum: expected {}", "校验码错误：应为 {}"),
    Template("birth date {} is not a date", "出生日期 {} 不存在"),
    Template("birth date {} is before {}", "出生日期 {} 早于 {}"),
    Template("birth date {} is after {}", "出生日期 {} 晚于基准日 {}"),
    Template("birth date {} is not valid", "出生日期 {} 无效"),
    Template("the birth date is before {}", "出生日期早于 {}"),
    Template("the birth date is after {}", "出生日期晚于基准日 {}"),
    Template("expected {} characters, got {}", "应为 {} 位，实为 {} 位"),
    Template("character {} ('{}') is not a digit or X", "第 {} 位（'{}'）不是数字或 X"),
    Template("character {} ('{}') is not a digit", "第 {} 位（'{}'）不是数字"),
    Template("character {} is not a digit or X", "第 {} 位不是数字或 X"),
    Template("character {} is not a digit", "第 {} 位不是数字"),
    Template("first character is '{}', expected '{}'", "首位为 '{}'，应为 '{}'"),
    Template(
      "region code {} is Taiwan (71), never used on a resident ID",
      "地区码 {} 属台湾（71），居民身份证上不用"),
    Template(
      "region code {} is a Hong Kong/Macao/Taiwan code, valid only as "
        + "810000/820000/830000 on 18-character residence permits",
      "地区码 {} 属港澳台，只在 18 位居住证上以 810000/820000/830000 出现"),
    Template(
      "accepting-province code {} is not a mainland province", "受理省份代码 {} 不是内地省份"),
    Template(
      "region code {} was never assigned (a leading 9 marks a foreign permanent residence ID)",
      "地区码 {} 从未启用（首位 9 表示外国人永久居留身份证）"),
    Template("region code {} was never assigned", "地区码 {} 从未启用"),
    Template("prefix {} is a non-personal {} range", "号段 {} 属非个人的{}号段", words: lineTypes),
    Template("prefix {} is not allocated to any carrier", "号段 {} 未分配给任何运营商"),
    Template("area code {} is not in use", "区号 {} 未使用"),
    Template("a local number cannot start with {}", "本地号码不能以 {} 开头"),
    Template("{} digits, but {} cards have {}", "卡号 {} 位，但 {} 的卡应为 {} 位"),
    Template("unknown mobile network code {}", "移动网络代码 {} 未分配"),
    Template("more than {} letters in the serial", "号牌序号中的字母多于 {} 个"),
    Template("regions do not belong together ({})", "地区前后不一致（{}）"),
    Template("unknown nationality code {}", "国籍代码 {} 不存在"),
  ]

  private static let lineTypes: [String: String] = [
    "basic": "基础", "data_card": "上网卡", "emergency": "应急通信", "iot": "物联网",
    "mvno": "虚拟运营商", "satellite": "卫星",
  ]

  private static let detailKeys: [String: String] = [
    "region": "地区", "region_current": "现行地区码", "region_retired_before_birth": "出生前已撤销的地区码",
    "birth_date": "出生日期", "birth_year": "出生年份", "age": "年龄", "sex": "性别",
    "minor_under_14": "不满十四周岁", "implausible_age": "年龄不合理", "id18": "18位号码",
    "carrier": "运营商", "line_type": "号码类型", "country_code": "国家代码", "area_code": "区号",
    "city": "城市", "area_code_status": "区号状态", "area_code_replaced_by": "区号并入",
    "extension": "分机号", "bank": "发卡行", "bin": "卡BIN", "card_type": "卡种", "luhn": "Luhn校验",
    "domain": "域名", "role_account": "职能邮箱", "qq": "QQ号", "sample": "样例出处",
    "normalized": "规范写法", "form": "写法", "kind": "类型", "code": "代码", "document": "证件",
    "province": "省份", "surname": "姓氏", "issuer": "签发机关", "issuer_meaning": "签发机关含义",
    "minor": "未成年", "nationality": "国籍", "level": "地址层级", "length": "长度",
    "entries": "条目", "district": "区县",
  ]

  private static let detailWords: [String: String] = [
    "male": "男", "female": "女", "true": "是", "false": "否", "pass": "通过", "fail": "失败",
    "retired": "已撤销", "unknown": "未知",
  ]

  /// An English sentence with parts, and its Chinese form with the same parts in the same
  /// order.
  struct Template {
    let literals: [String]
    let chinese: [String]
    /// Words a part is translated by when it is one of them (a mobile range's kind).
    let words: [String: String]

    init(_ english: String, _ chinese: String, words: [String: String] = [:]) {
      literals = english.components(separatedBy: "{}")
      self.chinese = chinese.components(separatedBy: "{}")
      self.words = words
    }

    /// The parts when `text` is this sentence, each at least one character, the earliest
    /// split that fits.
    func match(_ text: String) -> [String]? {
      guard text.hasPrefix(literals[0]) else { return nil }
      var parts: [String] = []
      return Self.match(Substring(text.dropFirst(literals[0].count)), literals[1...], &parts)
        ? parts : nil
    }

    private static func match(
      _ rest: Substring, _ literals: ArraySlice<String>, _ parts: inout [String]
    ) -> Bool {
      guard let literal = literals.first else { return rest.isEmpty }
      if literal.isEmpty && literals.count == 1 {
        guard !rest.isEmpty else { return false }
        parts.append(String(rest))
        return true
      }
      guard !rest.isEmpty else { return false }
      var search = rest.index(after: rest.startIndex)
      while search <= rest.endIndex, let found = rest[search...].range(of: literal) {
        parts.append(String(rest[..<found.lowerBound]))
        if match(rest[found.upperBound...], literals.dropFirst(), &parts) { return true }
        parts.removeLast()
        guard found.lowerBound < rest.endIndex else { break }
        search = rest.index(after: found.lowerBound)
      }
      return false
    }

    func fill(_ parts: [String]) -> String {
      var out = chinese[0]
      for (index, part) in parts.enumerated() where index + 1 < chinese.count {
        out += (words[part] ?? part) + chinese[index + 1]
      }
      return out
    }
  }
}
