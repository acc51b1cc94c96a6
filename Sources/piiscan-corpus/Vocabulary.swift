// Small hand-written word lists for the generator (written for this project; no
// origin other than common Chinese usage). Kept as space-separated strings, split
// once at start-up.

enum Vocabulary {
  private static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
  }

  /// Road name stems; a suffix (路, 街, 大道…) is added.
  static let roadStems = words(
    """
    人民 解放 中山 建设 和平 胜利 文化 幸福 新华 青年 光明 长江 黄河 朝阳 东风 团结 友谊 迎宾
    工业 学府 振兴 复兴 华山 泰山 金桥 银河 滨江 湖滨 春晓 秀水 望江 凤凰 紫荆 桂花 丹桂 芙蓉
    """)
  static let roadSuffixes = words("路 路 路 街 大道 大街 巷 东路 西路 南路 北路 中路")
  /// Residential compound names.
  static let compounds = words(
    """
    阳光花园 锦绣家园 金色家园 翠苑小区 幸福里小区 碧桂园 绿城花园 东方明珠苑 金地名郡 万科城
    和谐家园 书香门第 江南名府 华府天地 龙湖花园 盛世嘉园 丽景湾 星河湾 御景园 新村小区 凤凰城
    """)
  static let subdistrictStems = words("城关 新华 朝阳 东城 西城 南湖 北苑 长安 和平 向阳 龙泉 青山 城南 城北")
  static let villageStems = words("王庄 李家 张湾 刘集 陈店 杨柳 黄岗 赵寨 周庄 吴桥 石门 新庄 河口 松林")

  /// Company name parts: trade names, industries and legal forms (docs/VALIDATORS.md §11.1).
  static let tradeNames = words(
    """
    恒达 华信 金鼎 瑞丰 鑫源 天成 宏远 中兴 永盛 博瑞 信达 嘉禾 汇通 联创 锦程 德润 远航 启明
    新锐 华泰 同创 卓越 众联 诚信 海纳 正和 安泰 广源 明辉 盛世
    """)
  static let industries = words(
    """
    电子科技 网络科技 信息技术 贸易 物流 建设工程 餐饮管理 房地产开发 机械制造 医药 食品 服装
    环保科技 文化传媒 教育咨询 物业管理 汽车销售 建材 化工 电器
    """)
  static let legalForms = words("有限公司 有限公司 有限公司 股份有限公司 有限责任公司")
  /// Public employers: a place name is put in front.
  static let institutions = words(
    """
    第一人民医院 中心医院 妇幼保健院 第三中学 实验小学 第二中学 人民法院 税务局 供电公司 自来水公司
    街道办事处 市场监督管理局 公安局交警支队 中心幼儿园 卫生院 农业农村局 图书馆 邮政分局
    """)
  static let bankBranches = words("支行 分行营业部 支行营业室")

  static let educationLevels = words("博士研究生 硕士研究生 本科 本科 本科 大专 大专 中专 高中 高中 初中 初中 小学")
  static let maritalStatuses = words("已婚 已婚 已婚 未婚 离异 丧偶 初婚 再婚")

  /// Components of transliterated minority names (Uyghur and other Turkic names), joined
  /// with `·`; the combinations are synthetic.
  static let minorityMaleNames = words("买买提 艾力 阿不都 吐尔逊 艾尼瓦尔 亚森 依明 热合曼 麦麦提 阿布拉 肉孜 塔依尔")
  static let minorityFemaleNames = words("阿依古丽 热依拉 古丽 帕提古丽 迪丽努尔 米热古丽 阿娜尔 祖丽皮亚 努尔尼沙")
  static let minorityFatherNames = words("艾力 吐尔逊 阿不都 买买提 亚森 依明 热合曼 库尔班 司马义 托乎提")
  /// Tibetan-style names (no separator), 4 characters.
  static let tibetanMaleNames = words("扎西次仁 多吉才让 旦增罗布 索朗次旦 格桑多吉 次仁顿珠")
  static let tibetanFemaleNames = words("次仁卓玛 格桑拉姆 央金卓玛 德吉央宗 白玛曲珍 拉巴卓嘎")

  /// Common weak passwords for combo lists (not tied to anyone).
  static let passwords = words(
    """
    123456 a123456 woaini1314 qq123456 abc123 password 5201314 zxcvbnm 111111 iloveyou asd123
    Aa123456 qwerty 1qaz2wsx 7758521 woaini520 admin888 Passw0rd 147258 nihao123 hello123
    """)

  /// E-mail providers common in China; company domains are made from trade names.
  static let freeMailDomains = words(
    "163.com 126.com sina.com sohu.com foxmail.com 139.com 189.cn aliyun.com yeah.net")

  /// Pinyin of trade names, for company e-mail domains.
  static let tradeNamePinyin = words(
    "hengda huaxin jinding ruifeng xinyuan tiancheng hongyuan yongsheng borui xinda jiahe huitong")

  /// Words that begin with a surname character (docs/VALIDATORS.md §9).
  static let surnameInitialWords = words(
    """
    高中 周末 黄金 江苏 张家港 和平 安全 白天 于是 常见 马上 方法 万一 钱包 石头 金融 毛病 许多
    程序 杨柳 林业 高速 周边 黄山 江南 王府井 李子 温度 司机 严格 章程 宋体 丁香 武汉 陆地 沈阳
    """)
}
