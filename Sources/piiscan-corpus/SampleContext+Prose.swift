// Prose full of surname-initial words and harmless numbers, and the decoy file.

extension SampleContext {
  /// Sentence templates. `{w:高中}` marks a surname-initial word (a labelled decoy);
  /// the other slots are filled per sentence. Harmless slots: {year} {num} {price}
  /// {pct} {service} {postcode} {someone} {order}.
  static let proseTemplates: [String] = [
    "{w:周末}我们去了{w:张家港}，天气很好，{w:高中}同学聚会一共来了{num}个人。",
    "{w:黄金}价格今年上涨了{pct}，{w:于是}不少人{w:马上}去银行买了金条。",
    "{w:江苏}省{w:高速}公路{year}年通车里程达到{num}公里，{w:安全}形势总体平稳。",
    "世界{w:和平}与发展仍是时代主题，{w:常见}的误解需要澄清。",
    "这种{w:方法}{w:许多}人都用过，{w:万一}出了{w:毛病}，可以拨打客服热线{service}咨询。",
    "{w:白天}气温{num}度，夜间{w:温度}下降明显，{w:司机}朋友请注意行车{w:安全}。",
    "本店{w:黄金}饰品每克{price}元，{w:周末}另有优惠，详询{service}。",
    "{w:王府井}附近的{w:李子}每斤{price}元，{w:周边}超市价格相近。",
    "公司{w:章程}第{num}条规定，{w:严格}执行财务审批制度，金额超过{price}元须经董事会批准。",
    "{w:林业}部门统计，{year}年全省森林覆盖率达到{pct}，{w:江南}地区尤其明显。",
    "邮政编码{postcode}，{w:武汉}市{w:黄山}路{num}号，{w:钱包}失物招领请到前台。",
    "案件中{someone}以非法手段获取数据，{w:程序}违法，法院依法判处。",
    "{w:陆地}面积约{num}万平方公里，{w:沈阳}至{w:武汉}航线每周{num}班。",
    "文档请使用{w:宋体}小四号字，页边距{num}毫米，{w:丁香}色封面。",
    "订单{order}已发货，预计{num}天送达，{w:周末}也正常派送。",
    "{w:高中}毕业后他去了{w:江苏}工作，{w:于是}每逢{w:周末}都回{w:张家港}看望父母。",
    "今年{w:金融}市场波动较大，{w:黄金}和{w:石头}收藏品都成了热门话题。",
    "系统提示：请输入{num}位验证码，{w:安全}起见不要告诉他人。",
    "{w:杨柳}依依，{w:白天}的{w:江南}小镇游客如织，门票{price}元。",
    "退款将原路退回尾号为{num4}的银行卡，请留意短信。",
  ]

  /// Templates holding real values: {name} {mobile} {id} {email} {landline} {card}
  /// {maskedMobile}, and invalid ones: {badId} {badMobile} {badCard} {sampleId}
  /// {sampleMobile}. About one sentence in eight uses one.
  static let piTemplates: [String] = [
    "如有疑问请联系{name}，手机{mobile}，工作日{num}点前回复。",
    "经查，{name}（身份证号{id}）于{year}年在本市登记。",
    "报名请发邮件至{email}，或致电{landline}，{w:周末}不办公。",
    "退款将原路退回尾号为{num4}的银行卡，卡号{card}的客户请留意短信。",
    "{name}的联系方式已变更为{mobile}，原号码{maskedMobile}停用。",
    "{name}登记的身份证号{badId}与系统记录不符，请核实后重新提交。",
    "填写示例：身份证号{sampleId}，手机号{sampleMobile}，请勿照抄。",
    "号码{badMobile}无法接通，卡号{badCard}校验失败，{w:于是}转人工处理。",
  ]

  /// `text/prose.txt`: Chinese prose whose surname-initial words are not names and whose
  /// numbers are not PI, with a few real values inside sentences.
  func prose(lines: Int) -> LabelledText {
    let path = "text/prose.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for i in 0..<lines {
      if i > 0 && i % 6 == 0 {
        doc.newline()  // paragraph break
        continue
      }
      let sentences = rng.int(1...3)
      for _ in 0..<sentences {
        let template =
          rng.chance(1_250)
          ? rng.pick(SampleContext.piTemplates) : rng.pick(SampleContext.proseTemplates)
        renderTemplate(template, into: &doc, using: &rng)
      }
      doc.newline()
    }
    return doc
  }

  private func renderTemplate(
    _ template: String, into doc: inout LabelledText, using rng: inout SeededGenerator
  ) {
    var rest = Substring(template)
    let p = person(&rng)
    while let open = rest.firstIndex(of: "{") {
      doc.write(String(rest[..<open]))
      let close = rest[open...].firstIndex(of: "}")!
      let slot = rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: close)...]
      if slot.hasPrefix("w:") {
        doc.decoy(String(slot.dropFirst(2)), .surnameWord)
        continue
      }
      switch slot {
      case "name": doc.plant(Planted(p.name, .personName))
      case "mobile": doc.plant(mobileCell(p, &rng))
      case "maskedMobile":
        doc.plant(plants.maskedMobile(people.mobileNumber(using: &rng), using: &rng))
      case "id": doc.plant(idCell(p, &rng, allow15: false))
      case "email": doc.plant(Planted(p.email, .email))
      case "landline": doc.plant(landlineCell(p, &rng))
      case "card": doc.plant(cardCell(p, &rng))
      case "badId": doc.plant(plants.randomInvalidID(using: &rng))
      case "badMobile": doc.plant(plants.invalidMobile(using: &rng))
      case "badCard": doc.plant(plants.invalidBankCard(using: &rng))
      case "sampleId":
        doc.plant(Planted(rng.pick(PlantFactory.sampleIDs), .residentID, reason: .knownSample))
      case "sampleMobile":
        doc.plant(Planted(PlantFactory.sampleMobiles[0], .mobile, reason: .knownSample))
      case "year": doc.write(String(rng.int(1990...2026)))
      case "num": doc.write(String(rng.int(2...40)))
      case "num4": doc.write(pad(rng.below(10_000), 4))
      case "price": doc.write("\(rng.int(1...2000)).\(pad(rng.below(100), 2))")
      case "pct": doc.write("\(rng.int(1...99)).\(rng.below(10))%")
      case "service": doc.decoy(decoys.make(.serviceNumber, using: &rng), .serviceNumber)
      case "postcode": doc.decoy(decoys.make(.postcode, using: &rng), .postcode)
      case "someone": doc.decoy(decoys.make(.maskedName, using: &rng), .maskedName)
      case "order": doc.decoy(decoys.make(.orderNumber, using: &rng), .orderNumber)
      default: preconditionFailure("unknown slot \(slot)")
      }
    }
    doc.write(String(rest))
  }

  /// `text/decoys.txt`: hard negatives only, one or two per line with some context.
  func decoyFile(lines: Int) -> LabelledText {
    let path = "text/decoys.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    typealias Kind = DecoyFactory.Kind
    let contexts: [(Kind, [String])] = [
      (.snowflake, ["trace_id=", "消息ID：", "tweet_id: ", "snowflake "]),
      (.msTimestamp, ["created_at=", "时间戳：", "\"ts\":", "expires "]),
      (.epoch, ["[", "mtime=", "unix "]),
      // No context below is a header of a category or record kind (订单号, 坐标, IMEI,
      // ICCID, 资产, 统一社会信用代码 would make the value a label).
      (.orderNumber, ["单据号：", "单据编号 ", "biz_no=", "票据号:"]),
      (.uuid, ["request-id: ", "uuid=", "设备标识 "]),
      (.md5, ["md5: ", "文件校验 ", "etag=\""]),
      (.sha1, ["sha1=", "commit "]),
      (.sha256, ["sha256 ", "digest: sha256:"]),
      (.coordinate, ["中心点：", "center=", "质心 "]),
      (.decimal, ["汇率 ", "ratio=", "系数："]),
      (.uscc, ["机构代码：", "org_code ", "备案编号:"]),
      (.imei, ["设备指纹：", "hwid=", "物料码 "]),
      (.iccid, ["批次码 ", "物料批次：", "lot="]),
      (.version, ["version ", "固件版本：", "app/"]),
      (.longDigitRun, ["流水号 ", "批次号：", "serial="]),
      (.notMobilePrefix, ["编号 ", "工单号：", "ref="]),
      (.serviceNumber, ["客服热线 ", "服务电话："]),
      (.postcode, ["邮编 ", "邮政编码："]),
    ]
    doc.write("# hard negatives: nothing on these lines is personal information\n")
    for _ in 1..<lines {
      let count = rng.chance(3_000) ? 2 : 1
      for k in 0..<count {
        if k > 0 { doc.write("  ") }
        let (kind, prefixes) = rng.pick(contexts)
        let prefix = rng.pick(prefixes)
        doc.write(prefix)
        doc.decoy(decoys.make(kind, using: &rng), kind)
        if prefix.hasSuffix("\"") { doc.write("\"") }
        if prefix == "[" { doc.write("]") }
      }
      doc.newline()
    }
    return doc
  }
}
