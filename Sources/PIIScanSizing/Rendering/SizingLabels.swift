/// The language of a report's labels.
public enum SizingLanguage: String, Sendable, CaseIterable {
  case zh
  case en
}

/// A label in both languages.
public struct SizingLabel: Equatable, Sendable {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  public func text(_ language: SizingLanguage) -> String { language == .zh ? zh : en }
}

/// The caller's names for what the report refers to by id: categories and reason codes (the
/// scanner's registry has them). An id with no label is shown as itself.
public struct SizingLabels: Sendable {
  public var categories: [String: SizingLabel]
  public var reasons: [String: SizingLabel]

  public init(categories: [String: SizingLabel] = [:], reasons: [String: SizingLabel] = [:]) {
    self.categories = categories
    self.reasons = reasons
  }

  func category(_ id: String, _ language: SizingLanguage) -> String {
    categories[id]?.text(language) ?? id
  }

  func reason(_ id: String, _ language: SizingLanguage) -> String {
    reasons[id]?.text(language) ?? id
  }
}

/// The report's own labels.
enum FixedLabel {
  /// The sentence every format carries.
  static let disclaimer = SizingLabel(
    zh: "参考计算，不构成法律意见。", en: "A reference calculation, not legal advice.")
  static let disclaimerShortZh = "参考计算，不构成法律意见"

  static let title = SizingLabel(zh: "piiscan 数量测算报告", en: "piiscan sizing report")
  static let tool = SizingLabel(zh: "工具", en: "Tool")
  static let ruleset = SizingLabel(zh: "规则集 SHA-256", en: "Rule set SHA-256")
  static let asOf = SizingLabel(zh: "基准日期", en: "As of")
  static let bankCardTier = SizingLabel(zh: "银行卡号档次", en: "Bank card tier")
  static let thresholds = SizingLabel(
    zh: "数量标准（50/500/5000 档）", en: "Thresholds (tiers 50/500/5000)")
  static let insider = SizingLabel(
    zh: "履职或服务中获得（第五条第一款第八项，标准减半）", en: "Insider (Art. 5 ①(八), halved)")
  static let yes = SizingLabel(zh: "是", en: "yes")
  static let no = SizingLabel(zh: "否", en: "no")
  static let run = SizingLabel(zh: "运行", en: "Run")
  static let command = SizingLabel(zh: "命令", en: "Command")
  static let started = SizingLabel(zh: "开始", en: "Started")
  static let ended = SizingLabel(zh: "结束", en: "Ended")
  static let threads = SizingLabel(zh: "线程", en: "Threads")
  static let shards = SizingLabel(zh: "分片", en: "Shards")

  static let score = SizingLabel(zh: "参考折算值", en: "Reference score")
  static let scoreFormula = SizingLabel(
    zh: "折算值 = 50档人数/50 + 500档人数/500 + 5000档人数/5000（按不重复人数）",
    en: "score = n50/50 + n500/500 + n5000/5000 over distinct persons")
  static let serious = SizingLabel(zh: "达到“情节严重”数量（折算值 ≥ 1）", en: "Reaches 情节严重 (score ≥ 1)")
  static let especiallySerious = SizingLabel(
    zh: "达到“情节特别严重”数量（折算值 ≥ 10）", en: "Reaches 情节特别严重 (score ≥ 10)")

  static let persons = SizingLabel(zh: "不重复人数", en: "Distinct persons")
  static let tier = SizingLabel(zh: "档次", en: "tier")
  static let threshold = SizingLabel(zh: "数量标准", en: "threshold")
  static let verdict = SizingLabel(zh: "判定", en: "verdict")
  static let value = SizingLabel(zh: "值", en: "value")
  static let tierPersons = SizingLabel(zh: "人数", en: "persons")
  static let tierRecords = SizingLabel(zh: "记录数", en: "records")
  static let byKey = SizingLabel(zh: "按识别依据", en: "By identifying key")
  static let groupsWithoutID = SizingLabel(
    zh: "未以身份证号识别的人员", en: "Persons without an ID number")
  static let raised = SizingLabel(
    zh: "因无身份证号记录而提档的关联组", en: "Groups raised a tier by records without an ID number")
  static let personKeys: [String: SizingLabel] = [
    "resident_id": SizingLabel(zh: "身份证号", en: "resident ID"),
    "mobile": SizingLabel(zh: "手机号", en: "mobile"),
    "email": SizingLabel(zh: "电子邮箱", en: "e-mail"),
    "name_address": SizingLabel(zh: "姓名＋住址", en: "name + address"),
    "record": SizingLabel(zh: "记录内容（无人员标识）", en: "record content (no person key)"),
  ]

  static let records = SizingLabel(zh: "记录", en: "Records")
  static let recordsTotal = SizingLabel(zh: "含个人信息的记录", en: "Records with personal information")
  static let recordsWithIdentifier = SizingLabel(
    zh: "含有效标识的记录", en: "Records with a valid identifier")
  static let recordsDistinct = SizingLabel(zh: "内容不重复的记录", en: "Distinct records")
  static let duplicatesWithin = SizingLabel(zh: "同一输入内重复", en: "Duplicates within one input")
  static let duplicatesAcross = SizingLabel(zh: "不同输入间重复", en: "Duplicates across inputs")
  static let duplicatesSameFile = SizingLabel(
    zh: "同一文件经不同路径（SHA-256 相同）", en: "The same file by another path (equal SHA-256)")

  static let categories = SizingLabel(zh: "类别", en: "Categories")
  static let raw = SizingLabel(zh: "命中", en: "raw")
  static let valid = SizingLabel(zh: "有效", en: "valid")
  static let invalid = SizingLabel(zh: "无效", en: "invalid")
  static let distinctValid = SizingLabel(zh: "有效且不重复", en: "distinct valid")
  static let invalidByReason = SizingLabel(zh: "无效原因", en: "Invalid by reason")

  static let residentIDs = SizingLabel(zh: "公民身份号码", en: "Resident ID numbers")
  static let residentDistinct = SizingLabel(
    zh: "不重复有效号码（15 位已转 18 位合并）", en: "Distinct valid numbers (15-digit merged into 18)")
  static let only18 = SizingLabel(zh: "仅见 18 位", en: "seen only with 18 characters")
  static let only15 = SizingLabel(zh: "仅见 15 位", en: "seen only with 15 digits")
  static let bothForms = SizingLabel(zh: "两种写法均见", en: "seen in both forms")
  static let hits18 = SizingLabel(zh: "18 位写法命中", en: "valid hits written with 18 characters")
  static let hits15 = SizingLabel(zh: "15 位写法命中", en: "valid hits written with 15 digits")
  static let male = SizingLabel(zh: "男", en: "male")
  static let female = SizingLabel(zh: "女", en: "female")
  static let ageBands = SizingLabel(zh: "年龄段", en: "Age bands")
  static let ageUnknown = SizingLabel(zh: "出生日期不可用", en: "birth date unusable")
  static let minors = SizingLabel(
    zh: "不满十四周岁（个人信息保护法第二十八条）", en: "Under 14 (PIPL Art. 28)")
  static let provinces = SizingLabel(zh: "出生地（省级）", en: "Birth province")
  static let sex = SizingLabel(zh: "性别", en: "Sex")

  static let mobiles = SizingLabel(zh: "手机号码", en: "Mobile numbers")
  static let distinct = SizingLabel(zh: "不重复", en: "distinct")
  static let carriers = SizingLabel(zh: "运营商", en: "Carriers")
  static let prefixes = SizingLabel(zh: "号段（前三位）", en: "Prefixes (first three digits)")
  static let emailDomains = SizingLabel(zh: "电子邮箱域名", en: "E-mail domains")
  static let banks = SizingLabel(zh: "发卡银行", en: "Issuing banks")
  static let unknown = SizingLabel(zh: "未知", en: "unknown")
  static let others = SizingLabel(zh: "其他", en: "others")

  static let inputs = SizingLabel(zh: "输入", en: "Inputs")
  static let copies = SizingLabel(zh: "同一文件的多条路径", en: "The same file by several paths")
  static let samples = SizingLabel(zh: "脱敏样例", en: "Masked samples")
  static let invalidSamples = SizingLabel(zh: "无效值样例", en: "Invalid samples")
  static let notices = SizingLabel(zh: "提示", en: "Notices")
  static let bytes = SizingLabel(zh: "字节", en: "bytes")
  static let format = SizingLabel(zh: "格式", en: "format")
  static let encoding = SizingLabel(zh: "编码", en: "encoding")
  static let status = SizingLabel(zh: "状态", en: "status")
  static let values = SizingLabel(zh: "值", en: "values")
  static let location = SizingLabel(zh: "位置", en: "location")
  static let reason = SizingLabel(zh: "原因", en: "reason")
  static let canonicalCopy = SizingLabel(zh: "计入的副本", en: "counted copy")

  /// Input formats by their ids (`SizingReport.Input.format`), for people; a container keeps
  /// its own name (zip, gzip, tar…), which reads the same in both languages.
  static let formats: [String: SizingLabel] = [
    "delimited": SizingLabel(zh: "分隔文本", en: "delimited"),
    "sql": SizingLabel(zh: "SQL 转储", en: "sql"),
    "jsonLines": SizingLabel(zh: "JSON Lines", en: "jsonLines"),
    "json": SizingLabel(zh: "JSON", en: "json"),
    "keyValue": SizingLabel(zh: "键值文本", en: "keyValue"),
    "text": SizingLabel(zh: "纯文本", en: "text"),
    "sheet": SizingLabel(zh: "工作表", en: "sheet"),
    "xls": SizingLabel(zh: "Excel 97 工作簿", en: "xls"),
  ]

  /// The name of an input's format in `language` (`-` when it has none).
  static func formatName(_ id: String?, _ language: SizingLanguage) -> String {
    guard let id else { return "-" }
    return formats[id]?.text(language) ?? id
  }

  static let statuses: [SizingInputStatus: SizingLabel] = [
    .complete: SizingLabel(zh: "完整", en: "complete"),
    .partial: SizingLabel(zh: "部分（见提示）", en: "partial (see notices)"),
    .skipped: SizingLabel(zh: "跳过", en: "skipped"),
    .unreadable: SizingLabel(zh: "无法读取", en: "unreadable"),
  ]
}
