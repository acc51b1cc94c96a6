// The line-oriented sample files: application and access logs, combo lists,
// key-value profiles, prose and the decoy file.

extension SampleContext {
  /// `logs/app.log`: Spring-style application log lines and nginx access lines, with
  /// request ids, order numbers, phone numbers and e-mails inside messages.
  func appLog(lines: Int) -> LabelledText {
    let path = "logs/app.log"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    var clockMs = 7 * 3_600_000  // 07:00 on the reference day
    let day = CivilDate.reference
    let threads = [
      "nio-8080-exec-1", "nio-8080-exec-3", "nio-8080-exec-7", "scheduling-1", "sms-pool-2",
      "pay-async-4",
    ]
    var written = 0
    while written < lines {
      clockMs += rng.int(40...15_000)
      let h = clockMs / 3_600_000
      let m = clockMs / 60_000 % 60
      let s = clockMs / 1000 % 60
      let ms = clockMs % 1000
      let stamp = "\(day.iso) \(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(ms, 3))"
      func head(_ level: String, _ logger: String) -> String {
        "\(stamp) \(level) 23817 --- [\(rng.pick(threads))] \(logger) : "
      }
      let p = person(&rng)
      let kind = rng.below(20)
      switch kind {
      case 0..<3:
        doc.write(head(" INFO", "c.s.crm.user.UserController") + "[req=")
        doc.decoy(decoys.make(.uuid, using: &rng), .uuid)
        doc.write("] register ok uid=\(10_000 + rng.below(90_000)) mobile=")
        doc.plant(mobileCell(p, &rng, styled: false))
        doc.write(" email=")
        doc.plant(Planted(p.email, .email))
      case 3..<7:
        doc.write(
          "10.\(rng.below(256)).\(rng.below(256)).\(rng.int(1...254)) - - [\(day.day)/Nov/\(day.year):"
        )
        doc.write("\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)) +0800] \"GET /api/v1/users/detail?phone=")
        doc.plant(plants.mobile(p.mobile, style: .plain))
        doc.write("&_t=")
        doc.decoy(decoys.make(.msTimestamp, using: &rng), .msTimestamp)
        doc.write(
          " HTTP/1.1\" 200 \(rng.int(200...9000)) \"-\" \"Mozilla/5.0 (Linux; Android 13; V2148A) AppleWebKit/537.36\""
        )
      case 7..<9:
        doc.write(head(" INFO", "c.s.crm.sms.SmsSender") + "send verify code to ")
        doc.plant(
          plants.mobile(
            p.mobile, style: rng.pick([.plus86Spaced, .plus86, .zero086, .dash86, .plain])))
        doc.write(", bizId=")
        doc.decoy(decoys.make(.snowflake, using: &rng), .snowflake)
        doc.write(", tpl=SMS_\(rng.int(100_000...999_999))")
      case 9..<11:
        let id = idCell(p, &rng)
        doc.write(head(" INFO", "c.s.crm.auth.RealNameService") + "实名认证请求 name=")
        doc.plant(Planted(p.name, .personName))
        doc.write(" idNo=")
        doc.plant(id)
        doc.write(" result=\(id.valid ? "PASS" : "FAIL") cost=\(rng.int(20...900))ms")
      case 11:
        doc.write(
          head(" INFO", "c.s.crm.pay.BankCardService")
            + "bind card ok uid=\(10_000 + rng.below(90_000)) cardNo=")
        doc.plant(cardCell(p, &rng, spaced: false))
        doc.write(" bank=\(p.bank)")
      case 12..<14:
        doc.write(head(" INFO", "c.s.crm.order.OrderService") + "order ")
        doc.decoy(decoys.make(.orderNumber, using: &rng), .orderNumber)
        doc.write(" created, receiver=")
        doc.plant(Planted(p.name, .personName))
        doc.write(" tel=")
        doc.plant(landlineCell(p, &rng))
        doc.write(" addr=")
        doc.plant(Planted(p.homeAddress, .homeAddress))
        // `amount=` names a transaction field: labelled.
        doc.write(" amount=")
        doc.plant(Planted("\(rng.int(1...3000)).\(pad(rng.below(100), 2))", .transactionRecord))
      case 14:
        doc.write(head(" WARN", "c.s.crm.audit.MaskFilter") + "masked output mobile=")
        doc.plant(plants.maskedMobile(p.mobile, using: &rng))
        doc.write(" idNo=")
        doc.plant(plants.maskedResidentID(p, using: &rng))
      case 15:
        let bad = plants.invalidMobile(using: &rng)
        doc.write(
          head("ERROR", "c.s.crm.user.UserController")
            + "java.lang.IllegalArgumentException: invalid mobile ")
        doc.plant(bad)
        doc.write("\n\tat com.sample.crm.user.MobileValidator.check(MobileValidator.java:42)")
        doc.write("\n\tat com.sample.crm.user.UserController.register(UserController.java:118)")
        written += 2
      case 16..<18:
        doc.write(
          head("DEBUG", "c.s.crm.cache.ProfileCache")
            + "cache hit key=user:profile:\(rng.int(10_000...99_999)) ttl=3600 etag=")
        doc.decoy(decoys.make(.sha1, using: &rng), .sha1)
      default:
        doc.write(head(" INFO", "c.s.crm.auth.LoginService") + "login success account=")
        doc.plant(Planted(p.email, .email))
        doc.write(" device=")
        doc.decoy(decoys.make(.imei, using: &rng), .imei)
        doc.write(" ts=")
        doc.decoy(decoys.make(.epoch, using: &rng), .epoch)
      }
      doc.newline()
      written += 1
    }
    return doc
  }

  /// `text/combo.txt`: `----`-separated combo lists as traded. The password (or PIN)
  /// after an account is labelled `credential`.
  func comboList(lines: Int) -> LabelledText {
    let path = "text/combo.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for _ in 0..<lines {
      let p = person(&rng)
      let pass = Planted(rng.pick(Vocabulary.passwords), .credential)
      switch rng.below(100) {
      case 0..<45:
        doc.plant(mobileCell(p, &rng, styled: rng.chance(1_500)))
        doc.write("----")
        doc.plant(pass)
      case 45..<65:
        doc.plant(Planted(p.email, .email))
        doc.write("----")
        doc.plant(pass)
        doc.write("----")
        doc.plant(Planted(p.name, .personName))
      case 65..<82:
        doc.plant(Planted(p.email, .email))
        doc.write("----")
        doc.plant(pass)
      case 82..<87:
        // bank card, 6-digit PIN, holder: a financial credential combo
        doc.plant(cardCell(p, &rng, spaced: false))
        doc.write("----")
        doc.plant(Planted(pad(rng.below(1_000_000), 6), .credential))
        doc.write("----")
        doc.plant(Planted(p.name, .personName))
      case 87..<95:
        doc.plant(plants.mobile(p.mobile, style: .plain))
        doc.write("----")
        doc.plant(pass)
        doc.write("----")
        doc.plant(idCell(p, &rng))
      default:
        doc.plant(Planted(p.name, .personName))
        doc.write("----")
        doc.plant(idCell(p, &rng))
        doc.write("----")
        doc.plant(mobileCell(p, &rng, styled: false))
      }
      doc.newline()
    }
    return doc
  }

  /// `text/profiles.txt`: `key：value` profiles, one field a line, blank lines between
  /// people; full-width and ASCII colons, varying key names.
  func profiles(people count: Int) -> LabelledText {
    let path = "text/profiles.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for i in 0..<count {
      let p = person(&rng)
      if i > 0 { doc.newline() }
      func field(_ keys: [String], _ value: Planted?) {
        guard let value else { return }
        let colon = rng.chance(6_000) ? "：" : (rng.chance(7_000) ? ":" : ": ")
        doc.write(rng.pick(keys) + colon)
        doc.plant(value)
        doc.newline()
      }
      field(["姓名", "姓名", "客户姓名", "真实姓名"], Planted(p.name, .personName))
      field(["性别"], Planted(p.gender.zh, .gender))
      if rng.chance(6_000) { field(["民族"], Planted(p.ethnicity, .ethnicity)) }
      field(["出生日期", "出生年月", "生日"], plants.birthDate(p.birth, using: &rng))
      if rng.chance(5_000) { field(["年龄"], Planted(String(p.age), .age)) }
      field(["身份证号", "身份证号码", "公民身份号码", "证件号码"], idCell(p, &rng, allow15: false))
      if let old = p.id15, rng.chance(4_000) {
        field(["旧身份证号", "身份证号(15位)"], Planted(old, .residentID15))
      }
      field(["手机号码", "手机", "联系电话", "手机号"], mobileCell(p, &rng))
      if rng.chance(5_000) { field(["固定电话", "家庭电话", "座机"], landlineCell(p, &rng)) }
      if rng.chance(6_000) {
        field(["银行卡号", "卡号", "银行账号"], cardCell(p, &rng))
        doc.write((rng.chance(5_000) ? "开户行：" : "开户银行:") + p.bank + "\n")
      }
      if rng.chance(7_000) { field(["电子邮箱", "邮箱", "E-mail"], Planted(p.email, .email)) }
      field(["家庭住址", "现住址", "住址", "联系地址"], Planted(p.homeAddress, .homeAddress))
      if rng.chance(7_000) {
        field(["户籍所在地", "户口所在地", "户籍地址"], Planted(p.household, .householdRegistration))
      }
      if rng.chance(8_000) { field(["工作单位", "单位名称", "就职单位"], Planted(p.workUnit, .workUnit)) }
      if rng.chance(6_000) { field(["职业", "职务"], Planted(p.occupation, .occupation)) }
      field(["学历", "文化程度", "最高学历"], Planted(p.education, .education))
      field(["婚姻状况", "婚姻状态"], Planted(p.marital, .maritalStatus))
      if rng.chance(2_000) {
        doc.write("备注：原手机号 ")
        doc.plant(plants.maskedMobile(people.mobileNumber(using: &rng), using: &rng))
        doc.write(" 已停机\n")
      }
    }
    return doc
  }
}
