// Record-kind tables: a hotel register (lodging), call detail records and ANPR
// checkpoint passes (location traces). Every non-empty value under a record-kind
// header is labelled with the record kind, as written.

extension LabelledText {
  /// Writes one tab-separated record (values never hold tabs or newlines).
  mutating func tsvRow(_ cells: [[Piece]]) {
    for (i, cell) in cells.enumerated() {
      if i > 0 { write("\t") }
      write(cell)
    }
    newline()
  }
}

/// A record-kind cell: the text, labelled as written.
func record(_ c: Category, _ s: String) -> [Piece] { s.isEmpty ? [] : [.pi(Planted(s, c))] }

extension SampleContext {
  /// `csv/hotel_checkins.csv`: a hotel guest register. 旅馆名称, 房号, 入住时间 and
  /// 退房时间 are lodging-record headers; the certificate column mixes resident IDs,
  /// passports, permits, foreign permanent residence and officer IDs.
  func hotelCheckinsCSV(rows: Int) -> LabelledText {
    let path = "csv/hotel_checkins.csv"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    doc.csvRow(
      "序号,旅馆名称,房号,姓名,性别,民族,出生日期,证件类型,证件号码,手机号,户籍地址,入住时间,退房时间,车牌号"
        .split(separator: ",").map { plainText(String($0)) })
    var hotel = ""
    for row in 1...rows {
      if row == 1 || rng.chance(1_500) {
        hotel = rng.pick(Vocabulary.hotelNames) + rng.pick(Vocabulary.hotelBranches)
      }
      let adult = rng.chance(8_000)
      let p = people.person(using: &rng, birthYears: adult ? 1960...1999 : 1940...2008)
      var type: String
      switch rng.below(100) {
      case 0..<42: type = "身份证"
      case 42..<54: type = "护照"
      case 54..<65: type = "回乡证"
      case 65..<75: type = "港澳通行证"
      case 75..<90: type = "外国人永久居留证"
      default: type = "军官证"
      }
      let document: Planted
      if row == 9 || row == 31 {
        type = "护照"
        document = ids.invalidPassport(using: &rng)
      } else {
        document = ids.document(ofType: type, person: p, context: self, using: &rng)
      }
      let room = String(rng.int(2...18)) + pad(rng.int(1...40), 2)
      let checkin = ids.timestamp(daysBack: 1...120, using: &rng)
      let nights = rng.int(1...4)
      let checkout =
        rng.chance(1_200)
        ? ""
        : SampleContext.stamp(day: checkin.day + nights, seconds: rng.int(7 * 3600...13 * 3600))
      let plate: [Piece] =
        rng.chance(3_000)
        ? plantedValue(row == 17 ? ids.invalidPlate(using: &rng) : ids.plate(using: &rng)) : []
      doc.csvRow([
        plainText(String(row)), record(.lodgingRecord, hotel), record(.lodgingRecord, room),
        soft(.personName, p.name), soft(.gender, p.gender.zh), soft(.ethnicity, p.ethnicity),
        soft(.birthDate, p.birth.iso), plainText(type), plantedValue(document),
        plantedValue(mobileCell(p, &rng, styled: false)),
        type == "身份证" ? soft(.householdRegistration, p.household) : [],
        record(.lodgingRecord, checkin.text), record(.lodgingRecord, checkout), plate,
      ])
    }
    return doc
  }

  /// `csv/cdr.tsv`: call detail records, tab-separated: 主叫号码, 被叫号码, 通话时间,
  /// 通话时长, 基站 (all call-record headers), the subscriber's IMSI and IMEI
  /// (account-opening data) and a bill serial (a 15-digit decoy, not an IMEI).
  func callDetailRecordsTSV(rows: Int) -> LabelledText {
    let path = "csv/cdr.tsv"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    doc.tsvRow(
      ["主叫号码", "被叫号码", "通话时间", "通话时长", "基站", "IMSI", "IMEI", "话单流水号"].map { plainText($0) })
    struct Subscriber {
      var mobile: String
      var imsi: Planted
      var imei: Planted
    }
    var subscribers: [Subscriber] = []
    for k in 0..<8 {
      subscribers.append(
        Subscriber(
          mobile: people.mobileNumber(using: &rng),
          imsi: k == 5 ? ids.invalidIMSI(using: &rng) : ids.imsi(using: &rng),
          imei: k == 3 ? ids.invalidIMEI(using: &rng) : ids.imei(using: &rng)))
    }
    var clock = CivilDate.reference.daysSinceEpoch * 86_400 - 20 * 86_400
    for _ in 0..<rows {
      let s = subscribers[rng.below(subscribers.count)]
      clock += rng.int(300...40_000)
      let own = plants.mobile(s.mobile, style: .plain).alsoAs(.callDetailRecord)
      let other: Planted
      switch rng.below(100) {
      case 0..<70:
        other = plants.mobile(people.mobileNumber(using: &rng), style: .plain).alsoAs(
          .callDetailRecord)
      case 70..<85:
        let l = people.landline(using: &rng)
        other = Planted(l.normalised, .landline).alsoAs(.callDetailRecord)
      default:
        other = Planted(decoys.make(.serviceNumber, using: &rng), .callDetailRecord)
      }
      let outgoing = rng.chance(6_500)
      let duration = rng.chance(1_000) ? 0 : rng.int(3...1_800)
      doc.tsvRow([
        plantedValue(outgoing ? own : other), plantedValue(outgoing ? other : own),
        record(
          .callDetailRecord, SampleContext.stamp(day: clock / 86_400, seconds: clock % 86_400)),
        record(.callDetailRecord, String(duration)),
        record(.callDetailRecord, ids.cellID(using: &rng)),
        plantedValue(s.imsi), plantedValue(s.imei),
        [.decoy(decoys.make(.notIMEI, using: &rng), .notIMEI)],
      ])
    }
    return doc
  }

  /// `csv/vehicles.csv`: ANPR checkpoint passes. 过车时间, 卡口, 经度 and 纬度 are
  /// location-trace headers; plates (some breaking the serial rules); model numbers,
  /// some shaped like a plate without its province (decoys).
  func vehiclePassesCSV(rows: Int) -> LabelledText {
    let path = "csv/vehicles.csv"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    doc.csvRow(
      "过车时间,卡口,方向,号牌号码,号牌种类,车辆型号,车身颜色,经度,纬度".split(separator: ",").map { plainText(String($0)) })
    var checkpoints: [(name: String, lng: String, lat: String)] = []
    for _ in 0..<9 {
      let name: String
      if rng.chance(6_500) {
        name =
          rng.pick(Vocabulary.roadStems) + "路与" + rng.pick(Vocabulary.roadStems) + "路交叉口"
      } else {
        name = "G\(rng.int(1...99))高速K\(rng.int(1...300))+" + pad(rng.below(1000), 3)
      }
      let c = ids.coordinates(using: &rng)
      checkpoints.append((name, c.lng, c.lat))
    }
    var clock = CivilDate.reference.daysSinceEpoch * 86_400 - 3 * 86_400
    for row in 1...rows {
      clock += rng.int(20...9_000)
      let c = rng.pick(checkpoints)
      let plate =
        row == 12 || row == 29 || row == 37 ? ids.invalidPlate(using: &rng) : ids.plate(using: &rng)
      let model: [Piece]
      if rng.chance(3_000) {
        model = [.decoy(decoys.make(.modelNumber, using: &rng), .modelNumber)]
      } else {
        model = plainText(
          rng.pick(Vocabulary.vehicleMakes) + String(rng.int(6400...7200))
            + rng.pick(["", "A", "BEV", "U3A"]))
      }
      doc.csvRow([
        record(.locationTrace, SampleContext.stamp(day: clock / 86_400, seconds: clock % 86_400)),
        record(.locationTrace, c.name), plainText(rng.pick(Vocabulary.directions)),
        plantedValue(plate),
        plainText(rng.pick(Vocabulary.plateTypes)), model,
        plainText(rng.pick(Vocabulary.bodyColours)),
        record(.locationTrace, c.lng), record(.locationTrace, c.lat),
      ])
    }
    return doc
  }
}
