import Foundation

@testable import PIIScanSizing

/// A synthetic case, generated from a seed: inputs (files and archive members, some of them
/// byte-identical copies) holding records of the shapes dumps have (member tables, call
/// records, waybills, card lists, families sharing a phone), with invalid values, repeats
/// inside a file, repeats across files. Every value is made up here.
struct TestWorld {
  static let categories = [
    "cn_resident_id", "cn_resident_id_15", "cn_mobile", "email", "cn_bank_card",
    "person_name_zh", "home_address", "cn_passport", "gender",
  ]
  static let reasons = ["", "checksum", "prefix_unallocated", "luhn", "known_sample", "format"]
  static let identifierCategories: Set<Int> = [0, 1, 2, 3, 4, 7]
  static let asOf = SizingDate(year: 2026, month: 11, day: 29)!

  struct Value {
    var category: Int
    /// As written: 18 or 15 characters for ID numbers, digits for mobiles and cards.
    var text: String
    var valid: Bool
    var reason: Int = 0

    /// The value as it counts: an ID number's 18-character form, the text otherwise.
    var normalised: String {
      category == 1 ? TestWorld.eighteen(fromFifteen: text) : text
    }
  }

  struct Record {
    var offset: Int64
    var tier: SizingTier
    var values: [Value]

    /// What makes two records duplicates: their values, in order.
    var content: String {
      values.map { "\($0.category)=\($0.normalised)" }.joined(separator: "|")
    }
  }

  struct Input {
    var path: String
    var member: String?
    var description: SizingInputDescription?
    var records: [Record]
  }

  var inputs: [Input] = []

  static func configuration(samples: Int = 3) -> SizingConfiguration {
    SizingConfiguration(
      categories: categories, reasonCodes: reasons, asOf: asOf, bankCardTier: .fifty,
      samplesPerCategory: samples, toolVersion: "0.0-test",
      rulesetSHA256: String(repeating: "ab", count: 32))
  }

  // MARK: Identifiers

  /// GB 11643 check character, computed here from the standard's weights.
  static func checkCharacter(_ seventeen: String) -> Character {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(seventeen, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
    return Array("10X98765432")[sum % 11]
  }

  static func eighteen(fromFifteen text: String) -> String {
    let chars = Array(text)
    let seventeen = String(chars[0..<6]) + "19" + String(chars[6..<15])
    return seventeen + String(checkCharacter(seventeen))
  }

  struct Person {
    var id: String
    var writesFifteen: Bool
    var mobiles: [String]
    var email: String?
    var name: String
    var address: String
    var card: String?
    var passport: String?
  }

  static let regions = ["110105", "110108", "310115", "440305", "510107", "652201"]
  static let domains = ["qq.com", "163.com", "126.com", "sina.com", "example.cn"]
  static let surnames = Array("王李张刘陈杨黄赵吴周")
  static let givens = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
  static let streets = ["中山路", "人民路", "解放路", "建设路", "和平街"]
  static let bins = ["622202", "622848", "621700", "955880", "628888"]

  static func digits(_ count: Int, _ random: inout SeededRandom) -> String {
    String((0..<count).map { _ in Character(String(random.below(10))) })
  }

  static func person(_ random: inout SeededRandom, index: Int) -> Person {
    let year = 1930 + random.below(95)
    let month = 1 + random.below(12)
    let day = 1 + random.below(28)
    let birth = String(format: "%04d%02d%02d", year, month, day)
    let seventeen = regions[random.below(regions.count)] + birth + digits(3, &random)
    let id = seventeen + String(checkCharacter(seventeen))
    let prefixes = ["138", "139", "150", "186", "131", "177", "199", "133"]
    let mobiles = (0..<(1 + random.below(2))).map { _ in
      prefixes[random.below(prefixes.count)] + digits(8, &random)
    }
    return Person(
      id: id, writesFifteen: year < 2000 && random.chance(30), mobiles: mobiles,
      email: random.chance(50)
        ? "u\(index)_\(random.below(1000))@" + domains[random.below(domains.count)] : nil,
      name: String([surnames[random.below(surnames.count)], givens[random.below(givens.count)]])
        + (random.chance(50) ? String(givens[random.below(givens.count)]) : ""),
      address: "北京市东城区" + streets[random.below(streets.count)] + "\(1 + random.below(200))号",
      card: random.chance(50) ? bins[random.below(bins.count)] + digits(10, &random) : nil,
      passport: random.chance(20) ? "E" + digits(8, &random) : nil)
  }

  // MARK: Generation

  /// A case of about `records` records from `seed`.
  static func generate(seed: UInt64, records count: Int) -> TestWorld {
    var random = SeededRandom(seed: seed)
    let people = (0..<max(20, count / 6)).map { person(&random, index: $0) }
    func someone() -> Person { people[random.below(people.count)] }
    func id(_ person: Person) -> Value {
      if random.chance(4) {
        // A typed-over check character: invalid.
        var chars = Array(person.id)
        chars[17] = chars[17] == "0" ? "1" : "0"
        return Value(category: 0, text: String(chars), valid: String(chars) == person.id, reason: 1)
      }
      if person.writesFifteen && random.chance(60) {
        let chars = Array(person.id)
        return Value(
          category: 1, text: String(chars[0..<6]) + String(chars[8..<17]), valid: true)
      }
      return Value(category: 0, text: person.id, valid: true)
    }
    func mobile(_ person: Person) -> Value {
      if random.chance(3) {
        return Value(category: 2, text: "13800138000", valid: false, reason: 4)
      }
      if random.chance(3) {
        return Value(category: 2, text: "140" + digits(8, &random), valid: false, reason: 2)
      }
      return Value(
        category: 2, text: person.mobiles[random.below(person.mobiles.count)], valid: true)
    }
    func name(_ person: Person) -> Value { Value(category: 5, text: person.name, valid: true) }
    func address(_ person: Person) -> Value {
      Value(category: 6, text: person.address, valid: true)
    }
    func gender() -> Value {
      random.chance(5)
        ? Value(category: 8, text: "未知", valid: false, reason: 5)
        : Value(category: 8, text: random.chance(50) ? "男" : "女", valid: true)
    }

    func makeRecord() -> Record {
      let p = someone()
      var values: [Value] = []
      var tier = SizingTier.fiveThousand
      switch random.below(15) {
      case 0, 1, 2:  // member table row
        values = [id(p), mobile(p), name(p), address(p), gender()]
        if let email = p.email, random.chance(50) {
          values.append(Value(category: 3, text: email, valid: true))
        }
      case 3:  // lodging record with a mobile only
        values = [mobile(p), name(p)]
        tier = .fiveHundred
      case 4:  // call record: two parties
        values = [mobile(p), mobile(someone())]
        tier = .fiveHundred
      case 5:  // waybill: e-mail, name, address
        if let email = p.email {
          values = [Value(category: 3, text: email, valid: true), name(p), address(p)]
        } else {
          values = [name(p), address(p)]
        }
      case 6:  // card list
        let card = p.card ?? bins[0] + digits(10, &random)
        values = [Value(category: 4, text: card, valid: !random.chance(5), reason: 3), name(p)]
        tier = .fifty
      case 7:  // family: two ID numbers and the home phone
        let other = someone()
        values = [id(p), id(other), mobile(p)]
      case 8:  // location trace keyed by mobile
        values = [
          mobile(p),
          Value(category: 3, text: p.email ?? "x\(random.below(50))@qq.com", valid: true),
        ]
        tier = .fifty
      case 9:  // passports, or a gender alone
        if let passport = p.passport {
          values = [Value(category: 7, text: passport, valid: true), name(p)]
        } else {
          values = [gender()]
        }
      case 10:  // two names with one address, and a mobile
        values = [name(p), name(someone()), address(p), mobile(p)]
      case 12:  // two mobiles and an e-mail: whose e-mail is unknown, so nothing is linked
        values = [
          mobile(p), mobile(someone()),
          Value(category: 3, text: p.email ?? "c@163.com", valid: true),
        ]
      case 13:  // an ID number with two mobiles and an e-mail: only the e-mail is linked
        values =
          [id(p)] + p.mobiles.map { Value(category: 2, text: $0, valid: true) }
          + [mobile(someone()), Value(category: 3, text: p.email ?? "d@126.com", valid: true)]
      case 14:  // two e-mails with one name and address
        values = [
          Value(category: 3, text: p.email ?? "e@qq.com", valid: true),
          Value(category: 3, text: someone().email ?? "f@qq.com", valid: true), name(p), address(p),
        ]
      default:  // name and address only, or an ID with its e-mail
        if random.chance(50) {
          values = [name(p), address(p), gender()]
        } else {
          values = [id(p)] + (p.email.map { [Value(category: 3, text: $0, valid: true)] } ?? [])
          tier = random.chance(30) ? .fiveHundred : .fiveThousand
        }
      }
      return Record(offset: 0, tier: tier, values: values)
    }

    func fill(_ count: Int) -> [Record] {
      var records: [Record] = []
      var offset: Int64 = random.chance(50) ? 0 : 37
      for _ in 0..<count {
        var record =
          !records.isEmpty && random.chance(8)
          ? records[random.below(records.count)]  // repeated inside the input
          : makeRecord()
        record.offset = offset
        offset += Int64(40 + random.below(200))
        records.append(record)
      }
      return records
    }

    func sha(_ seed: Int) -> String {
      String(repeating: String(format: "%02x", seed % 256), count: 32)
    }
    let share = max(1, count / 5)
    var world = TestWorld()
    let members = fill(share * 2)
    world.inputs.append(
      Input(
        path: "case/a/members.csv", member: nil,
        description: SizingInputDescription(
          sha256: sha(1), bytes: 1_000, format: "csv", encoding: "utf-8"),
        records: members))
    world.inputs.append(
      Input(
        path: "case/b/backup.zip", member: "export/members.csv",
        description: SizingInputDescription(
          sha256: sha(1), bytes: 1_000, format: "csv", encoding: "utf-8"),
        records: members))
    var calls = fill(share)
    // Records also found in another file.
    for index in stride(from: 0, to: min(calls.count, members.count), by: 7) {
      calls[index].values = members[index].values
      calls[index].tier = members[index].tier
    }
    world.inputs.append(
      Input(
        path: "case/a/calls.txt", member: nil,
        description: SizingInputDescription(
          sha256: sha(2), bytes: 2_000, format: "text", encoding: "gb18030", status: .partial,
          notices: ["undecodable bytes: 3"]),
        records: calls))
    world.inputs.append(
      Input(
        path: "case/c/dump.sql", member: nil,
        description: SizingInputDescription(
          sha256: sha(3), bytes: 3_000, format: "sql", encoding: "utf-8"),
        records: fill(share)))
    world.inputs.append(
      Input(
        path: "case/c/blob.bin", member: nil,
        description: SizingInputDescription(
          sha256: sha(4), bytes: 10, format: "binary", status: .skipped), records: []))
    world.inputs.append(Input(path: "-", member: nil, description: nil, records: fill(share / 2)))
    return world
  }

  // MARK: Feeding an aggregate

  /// The sizing value of a test value.
  static func sizingValue(_ value: Value) -> SizingValue {
    let key: SizingKey
    var person: SizingPersonKind?
    var form: UInt8 = 0
    switch value.category {
    case 0, 1:
      key = SizingKey.residentID(value.normalised)!
      person = .residentID
      form = value.category == 1 ? 15 : 18
    case 2:
      key = SizingKey.mobile(value.text)!
      person = .mobile
    case 3:
      key = SizingKey.email(value.text)
      person = .email
    case 4: key = SizingKey.bankCard(value.text)!
    case 5:
      key = SizingKey.hashed(value.text, tag: 16)
      person = .name
    case 6:
      key = SizingKey.hashed(value.text, tag: 17)
      person = .address
    default: key = SizingKey.hashed(value.text, tag: UInt8(16 + value.category))
    }
    return SizingValue(
      category: value.category, valid: value.valid, reasonCode: value.valid ? 0 : value.reason,
      key: key, person: person, isIdentifier: identifierCategories.contains(value.category),
      form: form)
  }

  /// A mask of the test's own (the caller masks; the module only keeps the text).
  static func mask(_ text: String) -> String {
    String(text.prefix(2)) + String(repeating: "*", count: max(0, text.count - 3))
      + String(text.suffix(1))
  }

  /// A record's values' offsets: the record's offset plus the value's position.
  static func valueOffset(_ record: Record, _ index: Int) -> Int64 { record.offset + Int64(index) }

  /// Adds one record of input `input` to `aggregate`, with its samples and e-mail domains.
  func add(record: Record, of input: Int, to aggregate: inout SizingAggregate) throws {
    let source = aggregate.source(path: inputs[input].path, member: inputs[input].member)
    let values = record.values.map(Self.sizingValue)
    try aggregate.add(
      SizingRecord(
        source: source, offset: record.offset, tier: record.tier,
        contentKey: SizingKey.content(record.content), values: values))
    for (index, (value, sizing)) in zip(record.values, values).enumerated() {
      if value.valid && value.category == 3 {
        aggregate.noteEmailDomain(value.text.split(separator: "@").last ?? "")
      }
      if aggregate.wantsSample(category: value.category, key: sizing.key, valid: value.valid) {
        aggregate.addSample(
          category: value.category, key: sizing.key, valid: value.valid,
          reasonCode: sizing.reasonCode,
          masked: Self.mask(value.text), source: source,
          offset: Self.valueOffset(record, index), line: Int(record.offset / 100) + 1)
      }
    }
  }

  /// Every (input, record) pair, in input order.
  var allRecords: [(input: Int, record: Record)] {
    inputs.indices.flatMap { input in inputs[input].records.map { (input, $0) } }
  }
}

/// The test's lookup tables (made up for the test; the scanner brings real ones).
struct TestLookup: SizingLookup {
  static let provinces = [11: "北京市", 31: "上海市", 44: "广东省", 51: "四川省"]

  func provinceName(code: Int) -> String? { Self.provinces[code] }

  func mobileCarrier(number: UInt64) -> String? {
    switch number / 100_000_000 {
    case 134...139, 150...152, 182...188: "中国移动"
    case 130...132, 155, 156, 166, 175, 176: "中国联通"
    case 133, 153, 177, 180, 181, 189, 199: "中国电信"
    default: nil
    }
  }

  func bankName(cardNumber: String) -> String? {
    ["622202": "中国工商银行", "622848": "中国农业银行", "621700": "中国建设银行", "955880": "中国工商银行"][
      String(cardNumber.prefix(6))]
  }
}
