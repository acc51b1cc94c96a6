// The dense bench corpus (`bench --density dense`): what leaked dumps look like.
//
// Every line but a table's header carries personal information: member tables in CSV with
// Chinese and with pinyin headers, SQL extended inserts under their CREATE TABLE, JSON Lines
// waybills with a sender and a receiver, `----` combo lists and application logs with a value
// on every line. The strong identifiers come with the soft fields around them (name, gender,
// birth date, ethnicity, address), about a tenth of them invalid and a few masked, and with the
// decoys such tables hold (snowflake member ids, order numbers, millisecond timestamps, trace
// ids). Every planted value, soft ones included, is labelled in the truth file.

extension BenchCorpus {
  /// The shapes of a dense dump.
  enum DenseShape: CaseIterable {
    case csvChinese, csvPinyin, sql, waybills, combo, log
  }

  /// Shares of bytes (percent) of each shape: every block runs to a byte budget.
  static let denseShares: [(DenseShape, Int)] = [
    (.csvChinese, 20), (.csvPinyin, 5), (.sql, 25), (.waybills, 25), (.combo, 10), (.log, 15),
  ]

  /// Writes one block of one shape (64 KiB to 1 MiB), stopping early at `target`.
  mutating func writeDenseBlock(until target: Int) throws {
    var pick = rng.below(100)
    var shape = DenseShape.csvChinese
    for (s, w) in BenchCorpus.denseShares {
      if pick < w {
        shape = s
        break
      }
      pick -= w
    }
    // Exports from Windows tools end their lines with CRLF.
    eol = rng.chance(1_000) ? [13, 10] : [10]
    let blockEnd = offset + rng.int((64 << 10)...(1 << 20))
    switch shape {
    case .csvChinese:
      put("会员编号,姓名,性别,出生日期,身份证号,手机号码,电子邮箱,银行卡号,固定电话,家庭住址,注册时间,积分,会员等级")
      put(eol)
    case .csvPinyin:
      put("\"id\",\"xm\",\"xb\",\"csrq\",\"mz\",\"sfzh\",\"sjhm\",")
      put("\"dzyx\",\"yhkh\",\"gddh\",\"jtzz\",\"zcsj\"")
      put(eol)
    case .sql:
      put("CREATE TABLE `t_member_")
      putInt(rng.below(100))
      put(
        "` (`id` bigint NOT NULL, `real_name` varchar(32), `sex` char(2), `birthday` date, "
          + "`id_card` varchar(18), `mobile` varchar(20), `email` varchar(64), "
          + "`bank_card` varchar(32), `landline` varchar(20), `address` varchar(255), "
          + "`created_at` datetime, `channel` varchar(16), PRIMARY KEY (`id`));")
      put(eol)
    default: break
    }
    while offset < blockEnd && offset < target {
      if buffer.count >= flushThreshold { try flush() }
      switch shape {
      case .csvChinese: denseChineseRow()
      case .csvPinyin: densePinyinRow()
      case .sql: try denseInsertLine()
      case .waybills: waybill()
      case .combo: denseComboLine()
      case .log: denseLogLine()
      }
      put(eol)
      recordCounter += 1
    }
  }

  // MARK: - Values

  /// One person of the pool: name, sex, surname pinyin, ethnicity, address (by index).
  private mutating func poolIndex() -> Int { rng.below(names.count) }

  /// An ID-number cell: mostly a valid number whose sex digit agrees with `male`, about a
  /// tenth invalid, a few masked and (where `allow15`) some first-generation numbers. Returns
  /// the birth date a valid number encodes, so that the record's birth date agrees with it.
  private mutating func denseID(male: Bool, allow15: Bool) -> (Planted, CivilDate?) {
    let roll = rng.below(1_000)
    let people = context.people
    if roll < 30 {
      let id = people.randomResidentID(using: &rng)
      return (Planted(id.prefix(6) + "********" + id.suffix(4), .residentIDMasked), nil)
    }
    if roll < 130 { return (context.plants.randomInvalidID(using: &rng), nil) }
    if allow15 && roll < 160 {
      let id = people.randomResidentID15(using: &rng)
      let digits = Array(id.utf8).map { Int($0) - 48 }
      let birth = CivilDate(
        year: 1900 + digits[6] * 10 + digits[7], month: digits[8] * 10 + digits[9],
        day: digits[10] * 10 + digits[11])
      return (Planted(id, .residentID15), birth)
    }
    let birth = CivilDate.random(years: 1950...2008, using: &rng)
    let pool = people.regionsUsable(in: birth.year >= 1985 ? birth.year : rng.int(1985...1995))
    let region = rng.pick(pool).code
    var sequence = rng.int(1...990)
    if (sequence % 2 == 1) != male { sequence += 1 }
    var id = PersonFactory.residentID(region: region, birth: birth, sequence: pad(sequence, 3))
    if PlantFactory.allSampleValues.contains(id) {
      id = PersonFactory.residentID(region: region, birth: birth, sequence: pad(sequence + 2, 3))
    }
    let written = id.hasSuffix("X") && rng.chance(2_000) ? String(id.dropLast()) + "x" : id
    return (Planted(written, .residentID, value: id), birth)
  }

  /// A mobile cell: mostly plain, sometimes in another written style (never with a space
  /// when `noSpaces`), about a tenth invalid, a few masked.
  private mutating func denseMobile(noSpaces: Bool = false) -> Planted {
    let roll = rng.below(1_000)
    let number = context.people.mobileNumber(using: &rng)
    if roll < 30 { return Planted(number.prefix(3) + "****" + number.suffix(4), .mobileMasked) }
    if roll < 110 { return context.plants.invalidMobile(using: &rng) }
    var style: MobileStyle = rng.chance(8_500) ? .plain : rng.pick(MobileStyle.allCases)
    if noSpaces && (style == .spaced || style == .plus86Spaced) { style = .dashed }
    return context.plants.mobile(number, style: style)
  }

  private mutating func denseCard() -> Planted {
    if rng.chance(800) { return context.plants.invalidBankCard(using: &rng) }
    let bin = rng.pick(context.people.tables.luhnBINs)
    return context.plants.bankCard(
      PersonFactory.cardNumber(bin: bin.bin, length: bin.cardLength, using: &rng), using: &rng)
  }

  private mutating func denseEmail(pool i: Int, birth: CivilDate?) -> Planted {
    let year = birth ?? CivilDate(year: rng.int(1960...2005), month: 1, day: 1)
    return Planted(
      context.people.email(surnamePinyin: poolPinyin[i], birth: year, using: &rng), .email)
  }

  private mutating func denseLandline() -> Planted {
    context.plants.landline(context.people.landline(using: &rng), using: &rng)
  }

  /// A soft value, labelled as written.
  private mutating func plantSoft(_ bytes: [UInt8], _ category: Category) {
    plant(Planted(String(decoding: bytes, as: UTF8.self), category))
  }

  private mutating func plantBirth(_ birth: CivilDate?, compact: Bool) {
    let d = birth ?? CivilDate.random(years: 1950...2008, using: &rng)
    plant(Planted(compact ? d.compact : d.iso, .birthDate))
  }

  /// `2024-05-06 13:07:55`: a registration time, before the corpus's reference date.
  private mutating func denseTime() {
    putPadded(rng.int(2016...2025), 4)
    buffer.append(45)
    putPadded(rng.int(1...12), 2)
    buffer.append(45)
    putPadded(rng.int(1...28), 2)
    buffer.append(32)
    putPadded(rng.below(24), 2)
    buffer.append(58)
    putPadded(rng.below(60), 2)
    buffer.append(58)
    putPadded(rng.below(60), 2)
  }

  private mutating func ipAddress() {
    putInt(rng.pick([10, 39, 58, 101, 112, 117, 183, 223]))
    for _ in 0..<3 {
      buffer.append(46)
      putInt(rng.below(256))
    }
  }

  // MARK: - Records

  /// 会员编号,姓名,性别,出生日期,身份证号,手机号码,电子邮箱,银行卡号,固定电话,家庭住址,注册时间,积分,会员等级
  private mutating func denseChineseRow() {
    let i = poolIndex()
    let male = poolMale[i]
    decoy(.snowflake)
    buffer.append(44)
    plantSoft(names[i], .personName)
    buffer.append(44)
    plantSoft(genders[male ? 0 : 1], .gender)
    buffer.append(44)
    let (id, birth) = denseID(male: male, allow15: true)
    if rng.chance(5_000) { plantBirth(birth, compact: false) }
    buffer.append(44)
    plant(id)
    buffer.append(44)
    let mobile = denseMobile()
    if mobile.written.contains(" ") {
      buffer.append(34)
      plant(mobile)
      buffer.append(34)
    } else {
      plant(mobile)
    }
    buffer.append(44)
    if rng.chance(4_000) { plant(denseEmail(pool: i, birth: birth)) }
    buffer.append(44)
    if rng.chance(3_000) { plant(denseCard()) }
    buffer.append(44)
    if rng.chance(1_500) { plant(denseLandline()) }
    buffer.append(44)
    plantSoft(addresses[i], .homeAddress)
    buffer.append(44)
    denseTime()
    buffer.append(44)
    putInt(rng.below(50_000))
    put(rng.pick([",普通会员", ",银卡会员", ",金卡会员", ",钻石会员", ",VIP1", ",VIP2"]))
  }

  /// "id","xm","xb","csrq","mz","sfzh","sjhm","dzyx","yhkh","gddh","jtzz","zcsj": pinyin
  /// initialisms, every field quoted.
  private mutating func densePinyinRow() {
    let i = poolIndex()
    let male = poolMale[i]
    buffer.append(34)
    putInt(100_000 + recordCounter)
    put("\",\"")
    plantSoft(names[i], .personName)
    put("\",\"")
    plantSoft(genders[male ? 0 : 1], .gender)
    put("\",\"")
    let (id, birth) = denseID(male: male, allow15: true)
    if rng.chance(6_000) { plantBirth(birth, compact: true) }
    put("\",\"")
    plantSoft(poolEthnicities[i], .ethnicity)
    put("\",\"")
    plant(id)
    put("\",\"")
    plant(denseMobile())
    put("\",\"")
    if rng.chance(4_000) { plant(denseEmail(pool: i, birth: birth)) }
    put("\",\"")
    if rng.chance(3_000) { plant(denseCard()) }
    put("\",\"")
    if rng.chance(1_500) { plant(denseLandline()) }
    put("\",\"")
    plantSoft(addresses[i], .homeAddress)
    put("\",\"")
    denseTime()
    buffer.append(34)
  }

  private mutating func sqlValue(_ p: Planted?) {
    guard let p else {
      put("NULL")
      return
    }
    buffer.append(39)
    plant(p)
    buffer.append(39)
  }

  /// One extended insert of 20 to 120 member tuples.
  private mutating func denseInsertLine() throws {
    put("INSERT INTO `t_member` VALUES ")
    let tuples = rng.int(20...120)
    for k in 0..<tuples {
      if k > 0 { buffer.append(44) }
      let i = poolIndex()
      let male = poolMale[i]
      buffer.append(40)
      decoy(.snowflake)
      put(",'")
      plantSoft(names[i], .personName)
      put("','")
      plantSoft(genders[male ? 0 : 1], .gender)
      put("',")
      let (id, birth) = denseID(male: male, allow15: false)
      if rng.chance(5_000) {
        buffer.append(39)
        plantBirth(birth, compact: false)
        buffer.append(39)
      } else {
        put("NULL")
      }
      buffer.append(44)
      sqlValue(id)
      buffer.append(44)
      sqlValue(denseMobile())
      buffer.append(44)
      sqlValue(rng.chance(4_000) ? denseEmail(pool: i, birth: birth) : nil)
      buffer.append(44)
      sqlValue(rng.chance(3_000) ? denseCard() : nil)
      buffer.append(44)
      sqlValue(rng.chance(1_500) ? denseLandline() : nil)
      put(",'")
      plantSoft(addresses[i], .homeAddress)
      put("','")
      denseTime()
      put("','")
      put(rng.pick(["app", "wechat", "web", "h5", "offline"]))
      put("')")
      if buffer.count >= flushThreshold * 2 { try flush() }  // mid-line; positions stay right
    }
    buffer.append(59)
  }

  /// A JSON Lines waybill: sender and receiver, each with name, mobile and address.
  private mutating func waybill() {
    put("{\"waybill_no\":\"SF")
    putPadded(rng.below(1_000_000), 6)
    putPadded(rng.below(1_000_000), 6)
    put("\",\"biz_id\":\"")
    decoy(.orderNumber)
    for (k, party) in ["sender", "receiver"].enumerated() {
      let i = poolIndex()
      put(k == 0 ? "\",\"" : "\"},\"")
      put(party)
      put("\":{\"name\":\"")
      plantSoft(names[i], .personName)
      put("\",\"mobile\":\"")
      plant(denseMobile())
      if k == 1 && rng.chance(2_000) {
        put("\",\"tel\":\"")
        plant(denseLandline())
      }
      put("\",\"address\":\"")
      plantSoft(addresses[i], .homeAddress)
    }
    put("\"},\"goods\":\"")
    put(rng.pick(["服装", "文件", "数码配件", "食品", "日用品", "图书"]))
    put("\",\"weight\":")
    putInt(rng.int(1...30))
    buffer.append(46)
    putInt(rng.below(10))
    put(",\"created_at\":")
    decoy(.msTimestamp)
    buffer.append(125)
  }

  /// `account----password[----ID]`: the account a mobile or an e-mail.
  private mutating func denseComboLine() {
    let i = poolIndex()
    if rng.chance(5_000) {
      plant(denseMobile(noSpaces: true))
    } else {
      plant(denseEmail(pool: i, birth: nil))
    }
    put("----")
    put(
      rng.chance(6_000) ? rng.pick(Vocabulary.passwords) : rng.pick(Vocabulary.moreCredentials))
    if rng.chance(3_000) {
      put("----")
      plant(denseID(male: poolMale[i], allow15: false).0)
    }
  }

  /// An application log line that names a person: a login, a real-name check, a card
  /// binding, a mail or a text message, with the trace ids and times logs carry.
  private mutating func denseLogLine() {
    let ms = rng.below(86_400_000)
    put("2026-11-29 ")
    putPadded(ms / 3_600_000, 2)
    buffer.append(58)
    putPadded(ms / 60_000 % 60, 2)
    buffer.append(58)
    putPadded(ms / 1000 % 60, 2)
    buffer.append(46)
    putPadded(ms % 1000, 3)
    put(rng.chance(9_000) ? "  INFO [exec-" : "  WARN [exec-")
    putInt(rng.int(1...64))
    let i = poolIndex()
    switch rng.below(5) {
    case 0:
      put("] c.s.member.LoginService - login ok name=")
      plantSoft(names[i], .personName)
      put(" mobile=")
      plant(denseMobile(noSpaces: true))
      put(" ip=")
      ipAddress()
    case 1:
      put("] c.s.member.RealNameService - verify ok name=")
      plantSoft(names[i], .personName)
      put(" idNo=")
      plant(denseID(male: poolMale[i], allow15: false).0)
      put(" mobile=")
      plant(denseMobile(noSpaces: true))
    case 2:
      put("] c.s.pay.CardService - bind card cardNo=")
      plant(denseCard())
      put(" bizId=")
      decoy(.snowflake)
    case 3:
      put("] c.s.notify.MailService - sent name=")
      plantSoft(names[i], .personName)
      put(" to=")
      plant(denseEmail(pool: i, birth: nil))
      put(" template=WELCOME")
    default:
      put("] c.s.notify.SmsService - sms sent phone=")
      plant(denseMobile(noSpaces: true))
      put(" cost=")
      putInt(rng.int(3...900))
      put("ms")
    }
    if rng.chance(5_000) {
      put(" traceId=")
      decoy(.uuid)
    }
  }
}
