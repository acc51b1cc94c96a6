// `text/documents.txt` (key：value profiles with travel documents, accounts and record
// fields) and `text/notes.txt` (free text with names after cue words, and decoys).

extension SampleContext {
  /// `text/documents.txt`: one block per person, `key：value` lines. Besides the name,
  /// each block holds a random selection of passports, permits, officer IDs, plates,
  /// QQ and WeChat ids, bank accounts, SIM data, passwords, résumés and record fields
  /// (health, messages, credit, property, lodging, calls, location, orders).
  func documentsText(people count: Int) -> LabelledText {
    let path = "text/documents.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for i in 0..<count {
      let p = person(&rng)
      if i > 0 { doc.newline() }
      func field(_ keys: [String], _ value: Planted) {
        let colon = rng.chance(6_000) ? "：" : (rng.chance(7_000) ? ":" : ": ")
        doc.write(rng.pick(keys) + colon)
        doc.plant(value)
        doc.newline()
      }
      func money() -> String { "\(rng.int(100...500_000)).\(pad(rng.below(100), 2))" }
      field(["姓名", "姓名", "联系人", "户主姓名"], Planted(p.name, .personName))
      if rng.chance(7_000) { field(["性别"], Planted(p.gender.zh, .gender)) }
      if rng.chance(3_000) || i == 10 || i == 37 {
        field(
          ["出生日期", "出生年月"],
          i == 10 || i == 37
            ? ids.invalidBirthDate(year: p.birth.year, using: &rng)
            : plants.birthDate(p.birth, using: &rng))
      }
      if rng.chance(2_000) || i == 3 || i == 45 {
        field(
          ["年龄"], i == 3 || i == 45 ? ids.invalidAge(using: &rng) : Planted(String(p.age), .age))
      }
      if rng.chance(5_000) { field(["手机号", "联系电话"], mobileCell(p, &rng)) }
      if rng.chance(5_000) || i == 14 {
        field(
          ["护照号码", "护照号", "护照"],
          i == 14 ? ids.invalidPassport(using: &rng) : ids.passport(using: &rng))
      }
      if rng.chance(5_500) {
        field(["港澳居民来往内地通行证号", "回乡证号", "回乡证"], ids.homeReturnPermit(using: &rng))
      }
      if rng.chance(6_000) {
        field(["往来港澳通行证号", "港澳通行证号", "港澳通行证"], ids.exitEntryPermit(using: &rng))
      }
      if rng.chance(5_000) {
        field(["台胞证号码", "台胞证号", "台湾居民来往大陆通行证号"], ids.taiwanCompatriotPermit(using: &rng))
      }
      if rng.chance(5_000) {
        field(
          ["外国人永久居留身份证号", "永久居留证号码", "永久居留证号"], ids.foreignPermanentResidenceID(using: &rng))
      }
      if rng.chance(5_500) { field(["军官证号", "军官证", "军官证件号"], ids.militaryOfficerID(using: &rng)) }
      if rng.chance(4_000) || i == 22 {
        field(
          ["车牌号", "车牌号码", "号牌号码"], i == 22 ? ids.invalidPlate(using: &rng) : ids.plate(using: &rng))
      }
      var qq: String?
      if rng.chance(4_000) {
        let number = ids.qqNumber(using: &rng)
        qq = number
        field(["QQ", "QQ号", "qq号码"], Planted(number, .qq))
      }
      if let qq, rng.chance(5_000) { field(["邮箱", "电子邮箱"], Planted(qq + "@qq.com", .email)) }
      if rng.chance(4_000) {
        field(["微信号", "微信", "wechat"], ids.wechatID(surnamePinyin: p.surnamePinyin, using: &rng))
      }
      if rng.chance(3_000) { field(["银行账号", "对公账号"], ids.bankAccount(using: &rng)) }
      if rng.chance(3_000) || i == 19 {
        field(
          ["SIM卡号", "ICCID", "iccid"],
          i == 19 ? ids.invalidICCID(using: &rng) : ids.iccid(using: &rng))
      }
      if rng.chance(2_500) || i == 40 {
        field(["IMSI"], i == 40 ? ids.invalidIMSI(using: &rng) : ids.imsi(using: &rng))
      }
      if rng.chance(3_000) || i == 8 {
        field(
          ["IMEI", "手机串号", "串号"], i == 8 ? ids.invalidIMEI(using: &rng) : ids.imei(using: &rng))
      }
      if rng.chance(3_000) { field(["密码", "登录密码", "password", "pwd"], ids.password(using: &rng)) }
      if rng.chance(2_500) && p.age >= 22 {
        field(["履历", "工作经历", "简历"], ids.resume(p, using: &rng))
      }
      if rng.chance(3_500) {
        switch rng.below(3) {
        case 0: field(["诊断"], Planted(rng.pick(Vocabulary.diagnoses), .healthInfo))
        case 1: field(["病历"], Planted("主诉" + rng.pick(Vocabulary.complaints), .healthInfo))
        default: field(["过敏史"], Planted(rng.pick(Vocabulary.allergies), .healthInfo))
        }
      }
      if rng.chance(3_000) {
        if rng.chance(5_000) {
          field(["短信内容"], Planted(rng.pick(Vocabulary.smsTexts), .communicationContent))
        } else {
          let text = "甲：" + rng.pick(Vocabulary.chatLines) + "；乙：" + rng.pick(Vocabulary.chatLines)
          field(["聊天记录"], Planted(text, .communicationContent))
        }
      }
      if rng.chance(2_000) {
        switch rng.below(3) {
        case 0: field(["信用评分"], Planted(String(rng.int(350...950)), .creditReport))
        case 1: field(["逾期金额"], Planted(money(), .creditReport))
        default: field(["授信额度"], Planted(String(rng.int(1...60) * 5_000), .creditReport))
        }
      }
      if rng.chance(2_000) {
        switch rng.below(3) {
        case 0:
          let city = people.shortPlace(
            people.tables.addressParts(of: p.idRegion).dropLast().last ?? "广州市")
          field(
            ["房产证号"], Planted(ids.propertyCertificate(city: city + "市", using: &rng), .propertyInfo)
          )
        case 1: field(["存款"], Planted(money(), .propertyInfo))
        default: field(["余额"], Planted(money(), .propertyInfo))
        }
      }
      if rng.chance(1_500) {
        let hotel = rng.pick(Vocabulary.hotelNames) + rng.pick(Vocabulary.hotelBranches)
        field(["旅馆名称"], Planted(hotel, .lodgingRecord))
        field(["入住时间"], Planted(ids.timestamp(daysBack: 1...60, using: &rng).text, .lodgingRecord))
        field(["房号"], Planted(String(rng.int(2...18)) + pad(rng.int(1...40), 2), .lodgingRecord))
      }
      if rng.chance(1_200) {
        field(["主叫号码"], plants.mobile(p.mobile, style: .plain).alsoAs(.callDetailRecord))
        let seconds = rng.int(5...3_000)
        field(
          ["通话时长"],
          Planted(
            pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2),
            .callDetailRecord))
      }
      if rng.chance(1_500) {
        let c = ids.coordinates(using: &rng)
        field(["坐标", "定位"], Planted(c.lng + "," + c.lat, .locationTrace))
      }
      if rng.chance(1_500) {
        switch rng.below(3) {
        case 0: field(["订单号"], Planted(decoys.make(.orderNumber, using: &rng), .transactionRecord))
        case 1: field(["快递单号"], Planted(ids.waybill(using: &rng), .transactionRecord))
        default: field(["交易金额"], Planted(money(), .transactionRecord))
        }
      }
      if rng.chance(1_500) || i == 31 {
        field(["统一社会信用代码"], i == 31 ? ids.invalidUSCC(using: &rng) : ids.uscc(using: &rng))
      }
      if rng.chance(2_500) { field(["家庭住址", "现住址"], Planted(p.homeAddress, .homeAddress)) }
      if rng.chance(1_500) { field(["工作单位"], Planted(p.workUnit, .workUnit)) }
    }
    return doc
  }

  /// `text/notes.txt`: free-text notes. Names stand after the cue words 姓名, 联系人,
  /// 收件人, 收货人, 户主, 机主, 持卡人, 患者 (with `：`, `:`, 是, 为, 叫 or nothing
  /// between); some sentences carry an officer ID. Decoys: product codes shaped like
  /// passports and permits, model numbers shaped like plates, weak-password words,
  /// QQ-shaped ticket numbers, 15-digit serials that are not IMEIs, and cue words
  /// followed by words that are not names.
  func notesText(lines: Int) -> LabelledText {
    let path = "text/notes.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    let cues = ["姓名", "联系人", "收件人", "收货人", "户主", "机主", "持卡人", "患者"]
    let separators = ["：", ":", "是", "为", "叫", "：", "", " "]
    let openings = ["", "", "今天上午", "经核实，", "备注：", "下午", "客服反馈：", "登记时发现"]
    var decoyTurn = 0
    for i in 0..<lines {
      var kind = i < 8 ? 0 : rng.below(100)
      if kind >= 55 {
        // Decoy lines take the six decoy kinds in turn.
        kind = 55 + decoyTurn % 6
        decoyTurn += 1
      }
      switch kind {
      case 0..<45:
        let p = person(&rng)
        let cue = i < 8 ? cues[i] : rng.pick(cues)
        doc.write(rng.pick(openings) + cue + rng.pick(separators))
        doc.plant(Planted(p.name, .personName))
        switch rng.below(8) {
        case 0, 1:
          doc.write("，电话")
          doc.plant(plants.mobile(p.mobile, style: .plain))
          doc.write("。")
        case 2: doc.write("，已电话确认。")
        case 3: doc.write("（本人签字）。")
        case 4: doc.write("，地址不详，暂缓处理。")
        case 5: doc.write("，请尽快联系。")
        case 6: doc.write(" 已到店办理。")
        default: doc.write("。")
        }
      case 45..<55:
        let (before, after) = rng.pick([
          ("来访人员出示军官证（", "），已登记。"), ("经核验军官证，证号：", "，准予通行。"), ("证件：军官证 ", "，信息一致。"),
        ])
        doc.write(before)
        doc.plant(ids.militaryOfficerID(using: &rng))
        doc.write(after)
      case 55:
        doc.write("配件")
        doc.decoy(decoys.make(.productCode, using: &rng), .productCode)
        doc.write(rng.pick(["已停产，请改用新型号。", "库存不足，下周补货。"]))
      case 56:
        doc.write("型号")
        doc.decoy(decoys.make(.modelNumber, using: &rng), .modelNumber)
        doc.write(rng.pick(["的打印机需要更换硒鼓。", "的水泵保修两年。"]))
      case 57:
        doc.write("安全培训强调，不要使用")
        doc.decoy(decoys.make(.passwordWord, using: &rng), .passwordWord)
        doc.write("或")
        doc.decoy(decoys.make(.passwordWord, using: &rng), .passwordWord)
        doc.write("这类弱口令。")
      case 58:
        doc.write("工单")
        doc.decoy(decoys.make(.qqLike, using: &rng), .qqLike)
        doc.write("已处理完毕，客户满意。")
      case 59:
        doc.write("话费流水")
        doc.decoy(decoys.make(.notIMEI, using: &rng), .notIMEI)
        doc.write("已对账。")
      default:
        let (before, cue, after) = rng.pick(Vocabulary.cueNonNames)
        doc.write(before)
        doc.decoy(cue, .cueNotName)
        doc.write(after)
      }
      doc.newline()
    }
    return doc
  }
}
