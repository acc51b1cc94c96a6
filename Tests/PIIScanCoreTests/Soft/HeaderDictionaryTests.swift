import Testing

@testable import PIIScanCore

@Suite struct HeaderDictionaryTests {
  static let expected: [(String, SoftCategory)] = [
    // Pinyin initialisms (GA/T 543 style).
    ("xm", .personNameZh), ("sfzh", .cnResidentID), ("sjhm", .cnMobile),
    ("hjdz", .householdRegistration),
    ("gzdw", .workUnit), ("csrq", .birthDate), ("xb", .gender), ("mz", .ethnicity),
    ("hyzk", .maritalStatus),
    ("whcd", .education), ("jtzz", .homeAddress), ("nl", .age), ("zy", .occupation),
    ("gmsfhm", .cnResidentID),
    ("hphm", .cnVehiclePlate), ("hzhm", .cnPassport), ("yhkh", .cnBankCard),
    ("yhzh", .cnBankAccount),
    ("gzjl", .resumeHistory), ("rzsj", .lodgingRecord), ("thsc", .callDetailRecord),
    ("jysj", .transactionRecord),
    ("zjhm", .cnResidentID), ("tyshxydm", .cnUSCC), ("jg", .householdRegistration),
    ("dzyx", .email),
    // Chinese.
    ("姓名", .personNameZh), ("真实姓名", .personNameZh), ("身份证号码", .cnResidentID),
    ("家庭住址", .homeAddress),
    ("户口所在地", .householdRegistration), ("户口性质", .householdRegistration), ("工作单位", .workUnit),
    ("职务", .occupation), ("最高学历", .education), ("婚姻状况", .maritalStatus), ("出生年月", .birthDate),
    ("民族", .ethnicity), ("性别", .gender), ("车牌号", .cnVehiclePlate), ("微信号", .wechatID),
    ("QQ号", .qqNumber),
    ("回乡证", .cnHKMOHomeReturnPermit), ("港澳通行证", .cnHKMOExitEntryPermit),
    ("台胞证", .cnTWCompatriotPermit),
    ("军官证号", .cnMilitaryOfficerID), ("入网时间", .telecomAccountOpening), ("密码", .credential),
    ("经度", .locationTrace), ("聊天记录", .communicationContent), ("逾期金额", .creditReport),
    ("余额", .propertyInfo),
    ("诊断", .healthInfo), ("被叫号码", .callDetailRecord), ("订单号", .transactionRecord),
    ("房号", .lodgingRecord),
    // English.
    ("name", .personNameZh), ("real_name", .personNameZh), ("customer_name", .personNameZh),
    ("address", .homeAddress),
    ("birthday", .birthDate), ("dob", .birthDate), ("gender", .gender),
    ("passport_no", .cnPassport),
    ("password", .credential), ("latitude", .locationTrace), ("card_no", .cnBankCard),
    ("account_no", .cnBankAccount),
    ("wechat", .wechatID), ("plate_no", .cnVehiclePlate), ("mobile", .cnMobile), ("email", .email),
  ]

  @Test(arguments: expected.map { "\($0.0)→\($0.1.rawValue)" })
  func listedHeader(_ pair: String) {
    let parts = pair.split(separator: "→")
    let header = String(parts[0])
    let category = SoftCategory(rawValue: String(parts[1]))
    #expect(HeaderDictionary.category(ofHeader: Array(header.utf8)) == category, "\(header)")
  }

  @Test func caseSpacesUnderscoresQuotesAndBrackets() {
    for header in ["XM", "Xm", " xm ", "\"xm\"", "`xm`", "[xm]", "x_m", "ｘｍ"] {
      #expect(HeaderDictionary.category(ofHeader: Array(header.utf8)) == .personNameZh, "\(header)")
    }
    for header in ["REAL_NAME", "Real Name", "real-name", "RealName", "realname"] {
      #expect(HeaderDictionary.category(ofHeader: Array(header.utf8)) == .personNameZh, "\(header)")
    }
    #expect(HeaderDictionary.category(ofHeader: Array("年龄(岁)".utf8)) == .age)
    #expect(HeaderDictionary.category(ofHeader: Array("证件号码(身份证)".utf8)) == .cnResidentID)
    #expect(HeaderDictionary.category(ofHeader: Array("姓名：".utf8)) == .personNameZh)
  }

  @Test func suffixesAndOwnerPrefixesAreStripped() {
    #expect(HeaderDictionary.category(ofHeader: Array("qq号".utf8)) == .qqNumber)
    #expect(HeaderDictionary.category(ofHeader: Array("QQ号码".utf8)) == .qqNumber)
    #expect(HeaderDictionary.category(ofHeader: Array("护照号码".utf8)) == .cnPassport)
    #expect(HeaderDictionary.category(ofHeader: Array("客户手机号".utf8)) == .cnMobile)
    #expect(HeaderDictionary.category(ofHeader: Array("联系人地址".utf8)) == .homeAddress)
    #expect(HeaderDictionary.category(ofHeader: Array("收货人电话".utf8)) == .cnMobile)
    #expect(HeaderDictionary.category(ofHeader: Array("customer_address".utf8)) == .homeAddress)
    #expect(HeaderDictionary.category(ofHeader: Array("联系人".utf8)) == .personNameZh)
  }

  @Test func unknownAndCategorylessHeaders() {
    for header in [
      "", "zcsj", "备注", "id", "序号", "username", "nickname", "开户行", "khh", "证件类型", "车架号", "foo",
      "状态",
    ] {
      #expect(HeaderDictionary.category(ofHeader: Array(header.utf8)) == nil, "\(header)")
    }
  }

  /// Every category in the dictionary file is a real category, and the header of every
  /// soft category is present at least once.
  @Test func dictionaryCoversEveryCategory() {
    let named = Set(SoftVocabulary.shared.headers.values.compactMap { $0 })
    #expect(named == Set(SoftCategory.allCases))
  }
}
