// JSON Lines feeds: shop orders (transaction records), messages (communication
// content and shared locations) and job applicants (soft categories, résumés,
// documents and accounts).

extension LabelledText {
  /// `"key":"value"` (pieces escaped for JSON); a comma first unless `first`.
  mutating func jsonString(_ key: String, _ value: [Piece], first: Bool = false) {
    if !first { write(",") }
    write(JSON.quote(key) + ":\"")
    write(value, escape: Escape.json)
    write("\"")
  }

  /// `"key":value` for a number (written as is).
  mutating func jsonNumber(_ key: String, _ value: [Piece], first: Bool = false) {
    if !first { write(",") }
    write(JSON.quote(key) + ":")
    write(value)
  }
}

extension SampleContext {
  /// `jsonl/orders.jsonl`: one shop order per line. 订单号/ddh, 交易时间/jysj,
  /// 交易金额/jyje and 快递单号/运单号 are transaction headers; the receiver has a name,
  /// phone and address; the buyer a QQ number (and often a QQ mailbox whose local part
  /// is that number: labelled as e-mail only); the shop its USCC; item ids are
  /// QQ-shaped decoys.
  func ordersJSONL(lines: Int) -> LabelledText {
    let path = "jsonl/orders.jsonl"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for i in 0..<lines {
      let buyer = person(&rng)
      let receiver = rng.chance(7_000) ? buyer : person(&rng)
      let chinese = i % 2 == 0
      let time = ids.timestamp(daysBack: 0...200, using: &rng)
      let orderNumber = decoys.make(.orderNumber, using: &rng)
      let amount = "\(rng.int(1...4999)).\(pad(rng.below(100), 2))"
      doc.write("{")
      doc.jsonString(chinese ? "订单号" : "ddh", record(.transactionRecord, orderNumber), first: true)
      doc.jsonString(chinese ? "交易时间" : "jysj", record(.transactionRecord, time.text))
      if chinese {
        doc.jsonNumber("交易金额", record(.transactionRecord, amount))
      } else {
        doc.jsonString("jyje", record(.transactionRecord, amount))
      }
      doc.write(",\"item\":{")
      doc.jsonNumber("id", [.decoy(decoys.make(.qqLike, using: &rng), .qqLike)], first: true)
      doc.jsonString("goods", plainText(rng.pick(Vocabulary.goods)))
      doc.write(",\"qty\":\(rng.int(1...5))}")
      if rng.chance(8_500) {
        doc.jsonString(
          chinese ? "快递单号" : "运单号", record(.transactionRecord, ids.waybill(using: &rng)))
      }
      doc.write(",\"buyer\":{")
      doc.jsonString(
        "nick", plainText(rng.pick(["小鱼儿", "阿杰", "晴天", "momo", "大白", "木子"])), first: true)
      if rng.chance(6_000) {
        let qq = ids.qqNumber(using: &rng)
        doc.jsonString("qq", plantedValue(Planted(qq, .qq)))
        if rng.chance(5_000) {
          doc.jsonString("email", plantedValue(Planted(qq + "@qq.com", .email)))
        }
      } else {
        doc.jsonString("email", plantedValue(Planted(buyer.email, .email)))
      }
      // Wallet balance and a credit score, as risk-control exports carry them.
      if rng.chance(4_000) {
        doc.jsonNumber(
          "余额", record(.propertyInfo, "\(rng.int(0...20_000)).\(pad(rng.below(100), 2))"))
      }
      if rng.chance(3_500) {
        doc.jsonNumber("信用评分", record(.creditReport, String(rng.int(350...950))))
      }
      doc.write("},\"receiver\":{")
      doc.jsonString("name", soft(.personName, receiver.name), first: true)
      doc.jsonString("phone", plantedValue(mobileCell(receiver, &rng, styled: false)))
      doc.jsonString("address", soft(.homeAddress, receiver.homeAddress))
      doc.write("},\"seller\":{")
      doc.jsonString(
        "shop",
        plainText(
          rng.pick(Vocabulary.tradeNames) + rng.pick(["数码", "家居", "母婴", "食品", "服饰"]) + "旗舰店"),
        first: true)
      if rng.chance(5_500) {
        doc.jsonString(
          "统一社会信用代码", plantedValue(i == 13 ? ids.invalidUSCC(using: &rng) : ids.uscc(using: &rng)))
      }
      doc.write("}}\n")
    }
    return doc
  }

  /// `jsonl/messages.jsonl`: an export of text messages (短信内容/dxnr), WeChat chats
  /// (微信号/wxid, 聊天记录) and shared locations (lng/lat).
  func messagesJSONL(lines: Int) -> LabelledText {
    let path = "jsonl/messages.jsonl"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    var clock = CivilDate.reference.daysSinceEpoch * 86_400 - 30 * 86_400
    for i in 0..<lines {
      let p = person(&rng)
      clock += rng.int(60...60_000)
      let time = SampleContext.stamp(day: clock / 86_400, seconds: clock % 86_400)
      doc.write("{\"id\":\(900_001 + i)")
      switch rng.below(10) {
      case 0..<5:
        doc.jsonString("type", plainText("sms"))
        doc.jsonString("from", plantedValue(plants.mobile(p.mobile, style: .plain)))
        doc.jsonString(
          "to", plantedValue(plants.mobile(people.mobileNumber(using: &rng), style: .plain)))
        doc.jsonString("time", plainText(time))
        doc.jsonString(
          rng.chance(6_000) ? "短信内容" : "dxnr",
          record(.communicationContent, rng.pick(Vocabulary.smsTexts)))
      case 5..<8:
        doc.jsonString("type", plainText("chat"))
        doc.jsonString(
          rng.chance(5_000) ? "微信号" : "wxid",
          plantedValue(ids.wechatID(surnamePinyin: p.surnamePinyin, using: &rng)))
        doc.jsonString("friend", plainText(rng.pick(["老王", "阿May", "表哥", "财务小刘", "房东"])))
        doc.jsonString("time", plainText(time))
        var lines: [String] = []
        for _ in 0..<rng.int(2...4) {
          lines.append(rng.pick(["甲", "乙"]) + "：" + rng.pick(Vocabulary.chatLines))
        }
        doc.jsonString("聊天记录", record(.communicationContent, lines.joined(separator: "；")))
      default:
        doc.jsonString("type", plainText("location"))
        doc.jsonString(
          "wxid", plantedValue(ids.wechatID(surnamePinyin: p.surnamePinyin, using: &rng)))
        doc.jsonString("time", plainText(time))
        let c = ids.coordinates(using: &rng)
        doc.jsonNumber("lng", record(.locationTrace, c.lng))
        doc.jsonNumber("lat", record(.locationTrace, c.lat))
      }
      doc.write("}\n")
    }
    return doc
  }

  /// `jsonl/candidates.jsonl`: job applicants with pinyin keys (xm, xb, nl, csrq, mz,
  /// hyzk, xl, jg, gzdw, zw, gzjl), contacts with QQ and WeChat, some travel documents,
  /// and a login with a password.
  func candidatesJSONL(lines: Int) -> LabelledText {
    let path = "jsonl/candidates.jsonl"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for i in 0..<lines {
      let p = people.person(using: &rng, birthYears: 1966...2002)
      doc.write("{\"id\":\"C2026\(pad(i + 1, 4))\"")
      doc.jsonString("xm", soft(.personName, p.name))
      doc.jsonString("xb", soft(.gender, p.gender.zh))
      doc.jsonNumber(
        "nl",
        plantedValue(
          i == 11 || i == 27 ? ids.invalidAge(using: &rng) : Planted(String(p.age), .age)))
      doc.jsonString(
        "csrq",
        plantedValue(
          i == 6 || i == 33
            ? ids.invalidBirthDate(year: p.birth.year, using: &rng)
            : Planted(p.birth.iso, .birthDate)))
      doc.jsonString("mz", soft(.ethnicity, p.ethnicity))
      doc.jsonString("hyzk", soft(.maritalStatus, p.marital))
      doc.jsonString("xl", soft(.education, p.education))
      doc.jsonString("jg", soft(.householdRegistration, p.household))
      doc.jsonString("gzdw", soft(.workUnit, p.workUnit))
      doc.jsonString("zw", soft(.occupation, p.occupation))
      doc.jsonString("gzjl", plantedValue(ids.resume(p, using: &rng)))
      doc.write(",\"contact\":{")
      doc.jsonString("sjhm", plantedValue(mobileCell(p, &rng, styled: false)), first: true)
      let qq = rng.chance(5_500) ? ids.qqNumber(using: &rng) : nil
      if let qq { doc.jsonString("qq", plantedValue(Planted(qq, .qq))) }
      if rng.chance(5_500) {
        doc.jsonString(
          "wechat", plantedValue(ids.wechatID(surnamePinyin: p.surnamePinyin, using: &rng)))
      }
      doc.jsonString("email", plantedValue(Planted(qq.map { $0 + "@qq.com" } ?? p.email, .email)))
      doc.write("}")
      if rng.chance(3_500) { doc.jsonString("passport", plantedValue(ids.passport(using: &rng))) }
      if rng.chance(2_500) {
        doc.jsonString("回乡证号", plantedValue(ids.homeReturnPermit(using: &rng)))
      }
      if rng.chance(2_500) {
        doc.jsonString("台胞证号", plantedValue(ids.taiwanCompatriotPermit(using: &rng)))
      }
      if rng.chance(3_000) {
        doc.jsonString("永久居留证号", plantedValue(ids.foreignPermanentResidenceID(using: &rng)))
      }
      doc.write(",\"account\":{")
      doc.jsonString(
        "username", plainText("hr_" + String(100_000 + rng.below(900_000))), first: true)
      doc.jsonString("password", plantedValue(ids.password(using: &rng, hashes: true)))
      doc.write("}}\n")
    }
    return doc
  }
}
