// Word lists for the record-kind sample files (lodging, call records, vehicles, orders,
// messages, bank, health). Written for this project from common Chinese usage; every
// hotel, shop and company name is invented.

extension Vocabulary {
  private static func list(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
  }

  /// Invented hotel names; a city and a branch are added.
  static let hotelNames = list(
    """
    悦途快捷酒店 云栖商务宾馆 锦程大酒店 好梦旅馆 星辰酒店 悠然居民宿 海岸假日酒店 金桥宾馆 途家驿站
    青松招待所 望江楼宾馆 春晓精品酒店
    """)
  static let hotelBranches = list("火车站店 步行街店 会展中心店 机场店 高新区店 人民广场店 大学城店")

  /// Certificate types written in lodging registers.
  static let certificateTypes = list("身份证 护照 回乡证 港澳通行证 外国人永久居留证 军官证")

  /// Issuer abbreviations of officer IDs (docs/VALIDATORS.md §13.3).
  static let militaryIssuers = list("南 北 沈 兰 济 广 成 海 空 参 政 后 装 军 武")

  /// ISO 3166 alpha-3 codes for foreign permanent residence IDs.
  static let countryCodes = list(
    "USA GBR CAN AUS DEU FRA JPN KOR RUS SGP MYS THA VNM PAK ITA ESP NLD NZL BRA IND")

  /// Province abbreviations that start a plate (docs/VALIDATORS.md §14.6).
  static let plateProvinces = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新".map { String($0) }
  static let plateTypes = list("小型汽车 小型汽车 小型汽车 大型汽车 新能源小型车 新能源大型车")
  static let bodyColours = list("白 黑 银 灰 红 蓝 棕")
  static let directions = list("东向西 西向东 南向北 北向南")
  static let vehicleMakes = list("SVW BJ LZW BYD SQR HFC JL CAF")

  /// Text messages: everyday content, nothing that looks like an identifier.
  static let smsTexts = list(
    """
    您好，您的快递已放在小区驿站，请及时领取。
    明天上午九点在三楼会议室开会，请准时参加。
    妈，我已经到家了，别担心。
    周末一起去爬山吗？天气预报说是晴天。
    房租这个月晚两天交，实在不好意思。
    孩子发烧了，我下午请假带他去医院。
    合同已经盖章寄出，请注意查收。
    今晚加班，晚饭不用等我。
    车已经修好了，随时可以来取。
    老地方见，我穿蓝色外套。
    """)
  /// Chat exchanges: `甲：…；乙：…` pieces.
  static let chatLines = list(
    """
    在吗？ 在，怎么了？ 借我点钱周转一下 下周一定还你 那批货到了没有 已经到仓库了
    晚上一起吃饭 好的老地方见 合同改好了发你 收到马上看 孩子作业写完了吗 还差一点
    """)

  /// Diagnoses and allergy notes for medical-examination sheets.
  static let diagnoses = list(
    """
    高血压2级 2型糖尿病 慢性胃炎 腰椎间盘突出 轻度脂肪肝 甲状腺结节 过敏性鼻炎 窦性心动过缓
    高脂血症 慢性咽炎 颈椎病 未见明显异常 未见明显异常 乳腺增生 肾结石
    """)
  /// Allergy histories (never a bare 无, a placeholder that scanners rightly read as empty).
  static let allergies = list("无药物过敏史 否认药物过敏史 无药物过敏史 青霉素过敏 磺胺类药物过敏 海鲜过敏 花粉过敏 头孢类过敏")
  static let complaints = list(
    """
    咳嗽三天伴低热 反复头晕一月余 腰痛两周 上腹部不适半年 体检发现血糖偏高 夜间胸闷 右膝关节疼痛
    """)

  /// Goods for order lines.
  static let goods = list(
    """
    蓝牙耳机 保温杯 儿童绘本 运动鞋 洗衣液 手机壳 空气炸锅 床上四件套 咖啡豆 登山包 电动牙刷 台灯
    """)
  static let expressPrefixes = list("SF YT ZTO JT YD")

  /// Extra weak passwords and passphrases (credentials; not tied to anyone).
  static let moreCredentials = list(
    """
    Abc@2023 zhang888 Qwe123!@# woshishui 8888abcd Hello@123 aa112233 lovemama88 Welcome1
    sunshine520 asdf1234 P@ssw0rd! 19910101 kiss1314 abc.123456
    """)
  /// Words that look like passwords in prose (decoys).
  static let passwordLikeWords = list("123456 password qwerty iloveyou admin888 abc123 111111")

  /// Sentences that put a cue word before a word that is not a name (decoys).
  static let cueNonNames: [(String, String, String)] = [
    ("请核对", "收件人信息", "是否完整，地址写到门牌号。"),
    ("需", "持卡人本人", "携带证件到柜台办理。"),
    ("", "患者家属", "请在走廊等候，不要围在诊室门口。"),
    ("", "联系人电话", "变更后请在系统里同步更新。"),
    ("", "户主页", "需加盖派出所户口专用章。"),
    ("", "机主本人", "办理补卡，不接受代办。"),
    ("", "收货人地址", "不详的包裹将退回发件网点。"),
    ("表格中", "姓名栏", "不得涂改。"),
  ]

  /// Degree courses for résumés.
  static let majors = list("计算机科学与技术 会计学 市场营销 机械工程 汉语言文学 临床医学 法学 英语 土木工程 护理学")
}
