// The sparse bench corpus (`bench --density sparse`): documents and application logs in which
// about one line in a hundred carries a value.
//
// The other lines are what such files are made of: Chinese prose full of surname characters
// and place names (the words a soft detector has to look at and let go), English text, and log
// lines with timestamps, thread names, trace ids and durations. A personal line holds one strong
// identifier after the word that introduces it (联系电话, 身份证号, mobile=…), about a tenth of
// them invalid and a few masked. Only the strong identifiers are planted and labelled.

extension BenchCorpus {
  /// The shapes of a sparse corpus.
  enum SparseShape: CaseIterable {
    case document, english, appLog
  }

  /// Shares of bytes (percent) of each shape.
  static let sparseShares: [(SparseShape, Int)] = [(.document, 40), (.english, 15), (.appLog, 45)]
  /// Lines that carry a value, per 10 000.
  static let sparsePersonalRate = 100

  /// The strong identifiers of a personal line, with their shares (percent).
  enum SparseValue: CaseIterable { case mobile, id, email, card, landline }
  static let sparseValueShares: [(SparseValue, Int)] = [
    (.mobile, 35), (.id, 25), (.email, 20), (.card, 10), (.landline, 10),
  ]

  /// Writes one block of one shape (64 KiB to 1 MiB), stopping early at `target`.
  mutating func writeSparseBlock(until target: Int) throws {
    var pick = rng.below(100)
    var shape = SparseShape.document
    for (s, w) in BenchCorpus.sparseShares {
      if pick < w {
        shape = s
        break
      }
      pick -= w
    }
    eol = rng.chance(1_000) ? [13, 10] : [10]
    let blockEnd = offset + rng.int((64 << 10)...(1 << 20))
    while offset < blockEnd && offset < target {
      if buffer.count >= flushThreshold { try flush() }
      if includeInvalidUTF8 && offset >= nextJunk {
        put("binary residue: ")
        buffer.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x28, 0x80, 0xBF])
        put(" (not UTF-8)")
        put(eol)
        nextJunk += 37 << 20
      }
      let personal = rng.chance(BenchCorpus.sparsePersonalRate) ? sparseValueKind() : nil
      switch shape {
      case .document: documentLine(personal)
      case .english: englishLine(personal)
      case .appLog: appLogLine(personal)
      }
      put(eol)
      recordCounter += 1
    }
  }

  private mutating func sparseValueKind() -> SparseValue {
    var pick = rng.below(100)
    for (v, w) in BenchCorpus.sparseValueShares {
      if pick < w { return v }
      pick -= w
    }
    return .mobile
  }

  /// A value of `kind`: about a tenth invalid; ID numbers and mobiles sometimes masked. Never
  /// with a space, so that a log's `key=value` holds it whole.
  private mutating func sparseValue(_ kind: SparseValue) -> Planted {
    let people = context.people
    let plants = context.plants
    let invalid = rng.chance(1_000)
    switch kind {
    case .mobile:
      if invalid { return plants.invalidMobile(using: &rng) }
      let m = people.mobileNumber(using: &rng)
      if rng.chance(300) { return Planted(m.prefix(3) + "****" + m.suffix(4), .mobileMasked) }
      return plants.mobile(m, style: rng.chance(8_000) ? .plain : .plus86)
    case .id:
      if invalid { return plants.randomInvalidID(using: &rng) }
      let id = people.randomResidentID(using: &rng)
      if rng.chance(300) {
        return Planted(id.prefix(6) + "********" + id.suffix(4), .residentIDMasked)
      }
      return Planted(id, .residentID)
    case .email:
      let s = rng.pick(people.tables.surnames)
      return Planted(
        people.email(
          surnamePinyin: s.pinyin, birth: CivilDate(year: rng.int(1950...2005), month: 1, day: 1),
          using: &rng),
        .email)
    case .card:
      if invalid { return plants.invalidBankCard(using: &rng) }
      let bin = rng.pick(people.tables.luhnBINs)
      return Planted(
        PersonFactory.cardNumber(bin: bin.bin, length: bin.cardLength, using: &rng), .bankCard)
    case .landline:
      let l = people.landline(using: &rng)
      return Planted(l.area + "-" + l.local, .landline, value: l.normalised)
    }
  }

  /// Prose of one to four sentences; a personal line ends one of them with a value.
  private mutating func documentLine(_ personal: SparseValue?) {
    let sentences = rng.int(1...4)
    let carrier = personal == nil ? -1 : rng.below(sentences)
    for s in 0..<sentences {
      for k in 0..<rng.int(3...7) {
        if k > 0 { put("，") }
        put(zhFragments[rng.below(zhFragments.count)])
        if rng.chance(500) {
          put("共")
          putInt(rng.int(2...99_999))
          put("元")
        }
      }
      if s == carrier, let personal {
        switch personal {
        case .mobile: put("，联系电话")
        case .id: put("，身份证号")
        case .email: put("，邮箱")
        case .card: put("，卡号")
        case .landline: put("，座机")
        }
        plant(sparseValue(personal))
      }
      if rng.chance(200) {
        put("，编号")
        decoy(.orderNumber)
      }
      put("。")
    }
  }

  private mutating func englishLine(_ personal: SparseValue?) {
    for k in 0..<rng.int(8...24) {
      if k > 0 { buffer.append(32) }
      put(enWords[rng.below(enWords.count)])
    }
    if let personal {
      switch personal {
      case .mobile: put(" call ")
      case .id: put(" id ")
      case .email: put(" mail ")
      case .card: put(" card ")
      case .landline: put(" tel ")
      }
      plant(sparseValue(personal))
    }
    if rng.chance(300) {
      put(" ref ")
      decoy(rng.pick([.orderNumber, .msTimestamp, .version, .decimal]))
    }
    put(".")
  }

  /// `2026-11-29 08:15:02.331  INFO [exec-12] c.s.app.Service - words key=value…`.
  private mutating func appLogLine(_ personal: SparseValue?) {
    let ms = rng.below(86_400_000)
    put("2026-11-29 ")
    putPadded(ms / 3_600_000, 2)
    buffer.append(58)
    putPadded(ms / 60_000 % 60, 2)
    buffer.append(58)
    putPadded(ms / 1000 % 60, 2)
    buffer.append(46)
    putPadded(ms % 1000, 3)
    let level = rng.below(100)
    put(level < 85 ? "  INFO [" : level < 97 ? "  WARN [" : " ERROR [")
    put(rng.pick(["exec-", "http-nio-8080-exec-", "pool-2-thread-", "scheduler-"]))
    putInt(rng.int(1...64))
    put("] ")
    put(
      rng.pick([
        "c.s.app.OrderService", "c.s.app.CacheManager", "o.s.web.DispatcherServlet",
        "c.s.job.SyncJob", "c.s.member.ProfileService", "c.s.gateway.AuthFilter",
      ]))
    put(" - ")
    for k in 0..<rng.int(3...9) {
      if k > 0 { buffer.append(32) }
      put(enWords[rng.below(enWords.count)])
    }
    if let personal {
      switch personal {
      case .mobile: put(" mobile=")
      case .id: put(" idNo=")
      case .email: put(" email=")
      case .card: put(" cardNo=")
      case .landline: put(" tel=")
      }
      plant(sparseValue(personal))
    }
    if rng.chance(3_000) {
      put(" traceId=")
      decoy(rng.chance(7_000) ? .uuid : .snowflake)
    }
    if rng.chance(2_000) {
      put(" cost=")
      putInt(rng.int(1...5_000))
      put("ms")
    }
    if rng.chance(500) {
      put(" ts=")
      decoy(.msTimestamp)
    }
  }
}
