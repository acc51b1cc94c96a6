import Testing

@testable import PIIScanSizing

/// The linking rule of docs/SIZING.md on small cases worked out by hand.
@Suite struct PersonRuleTests {
  /// A one-input aggregate fed records written as lists of values.
  struct Case {
    let parent = TestDirectory()
    var aggregate: SizingAggregate
    var source = 0
    var offset: Int64 = 0

    init() throws {
      aggregate = Feeding.empty(try parent.spillDirectory())
      source = aggregate.source(path: "case.txt", member: nil)
    }

    mutating func add(_ tier: SizingTier, _ values: SizingValue...) throws {
      var hasher = SizingKeyHasher.content()
      for value in values {
        hasher.combine(UInt64(value.category))
        hasher.combine(value.key.high)
        hasher.combine(value.key.low)
      }
      try aggregate.add(
        SizingRecord(
          source: source, offset: offset, tier: tier, contentKey: hasher.finish(), values: values))
      offset += 100
    }

    mutating func persons() throws -> SizingReport.Persons {
      try Feeding.report(&aggregate).persons
    }
  }

  static func id(_ body: String, valid: Bool = true, fifteen: Bool = false) -> SizingValue {
    let seventeen = body + String(repeating: "0", count: 17 - body.count)
    let text = seventeen + String(TestWorld.checkCharacter(seventeen))
    return SizingValue(
      category: fifteen ? 1 : 0, valid: valid, reasonCode: valid ? 0 : 1,
      key: SizingKey.residentID(text)!, person: .residentID, isIdentifier: true,
      form: fifteen ? 15 : 18)
  }

  static func mobile(_ text: String, valid: Bool = true) -> SizingValue {
    SizingValue(
      category: 2, valid: valid, reasonCode: valid ? 0 : 2, key: SizingKey.mobile(text)!,
      person: .mobile, isIdentifier: true)
  }

  static func email(_ text: String) -> SizingValue {
    SizingValue(
      category: 3, valid: true, key: SizingKey.email(text), person: .email, isIdentifier: true)
  }

  static func card(_ text: String) -> SizingValue {
    SizingValue(category: 4, valid: true, key: SizingKey.bankCard(text)!, isIdentifier: true)
  }

  static func name(_ text: String) -> SizingValue {
    SizingValue(category: 5, valid: true, key: SizingKey.hashed(text, tag: 16), person: .name)
  }

  static func address(_ text: String) -> SizingValue {
    SizingValue(category: 6, valid: true, key: SizingKey.hashed(text, tag: 17), person: .address)
  }

  static func gender(_ text: String) -> SizingValue {
    SizingValue(category: 8, valid: true, key: SizingKey.hashed(text, tag: 24))
  }

  /// Persons by tier as [50, 500, 5000].
  static func tiers(_ persons: SizingReport.Persons) -> [Int] { persons.byTier }

  @Test func anIDLinksItsMobile() throws {
    var c = try Case()
    try c.add(.fiveThousand, Self.id("1101051990010112"), Self.mobile("13912345670"))
    try c.add(.fiveThousand, Self.mobile("13912345670"), Self.name("王伟"))
    let persons = try c.persons()
    #expect(persons.distinct == 1)
    #expect(persons.byKey == [1, 0, 0, 0, 0])
  }

  /// A record seen only through the mobile raises the ID holder's tier.
  @Test func aMobileOnlyRecordRaisesTheHolder() throws {
    var c = try Case()
    try c.add(.fiveThousand, Self.id("1101051990010112"), Self.mobile("13912345670"))
    try c.add(.fiveHundred, Self.mobile("13912345670"))  // a lodging record
    let persons = try c.persons()
    #expect(persons.distinct == 1)
    #expect(Self.tiers(persons) == [0, 1, 0])
    #expect(persons.raisedByUnattributedRecords == 1)
  }

  /// Two holders sharing a home phone stay two persons; a lodging record under the phone alone
  /// raises one of them, not both.
  @Test func aFamilyPhoneKeepsTwoPersons() throws {
    var c = try Case()
    try c.add(.fiveThousand, Self.id("1101051990010112"), Self.mobile("13912345670"))
    try c.add(.fiveThousand, Self.id("1101051992020213"), Self.mobile("13912345670"))
    try c.add(.fiveHundred, Self.mobile("13912345670"))
    let persons = try c.persons()
    #expect(persons.distinct == 2)
    #expect(Self.tiers(persons) == [0, 1, 1])
  }

  /// ...and a holder already at the higher tier absorbs it.
  @Test func theHigherHolderTakesAnUnattributedTier() throws {
    var c = try Case()
    try c.add(.fifty, Self.id("1101051990010112"), Self.mobile("13912345670"))
    try c.add(.fiveThousand, Self.id("1101051992020213"), Self.mobile("13912345670"))
    try c.add(.fiveHundred, Self.mobile("13912345670"))
    let persons = try c.persons()
    #expect(Self.tiers(persons) == [1, 0, 1])
    #expect(persons.raisedByUnattributedRecords == 0)
  }

  @Test func aCallRecordHoldsTwoPersons() throws {
    var c = try Case()
    try c.add(.fiveHundred, Self.mobile("13912345670"), Self.mobile("13812345671"))
    try c.add(.fiveHundred, Self.mobile("13912345670"), Self.mobile("13812345671"))
    try c.add(.fiveHundred, Self.mobile("13712345672"), Self.mobile("13912345670"))
    let persons = try c.persons()
    #expect(persons.distinct == 3)
    #expect(Self.tiers(persons) == [0, 3, 0])
    #expect(persons.byKey == [0, 3, 0, 0, 0])
  }

  /// With two mobiles, whose e-mail it is is unknown: nothing links, the e-mail is no one.
  @Test func twoMobilesLinkNothing() throws {
    var c = try Case()
    try c.add(
      .fiveThousand, Self.mobile("13912345670"), Self.mobile("13812345671"), Self.email("a@qq.com"))
    try c.add(.fiveThousand, Self.email("a@qq.com"))
    let persons = try c.persons()
    #expect(persons.distinct == 3)
    #expect(persons.byKey == [0, 2, 1, 0, 0])
  }

  /// An ID number with two mobiles links its single e-mail, not the mobiles.
  @Test func onlySingleWeakerValuesLink() throws {
    var c = try Case()
    try c.add(
      .fiveThousand, Self.id("1101051990010112"), Self.mobile("13912345670"),
      Self.mobile("13812345671"), Self.email("a@qq.com"))
    try c.add(.fiveThousand, Self.email("a@qq.com"))
    try c.add(.fiveThousand, Self.mobile("13912345670"))
    let persons = try c.persons()
    #expect(persons.distinct == 2)  // the ID holder (with the e-mail), the mobile alone
    #expect(persons.byKey == [1, 1, 0, 0, 0])
  }

  /// Name and address count together, and only as a single pair.
  @Test func nameWithAddress() throws {
    var c = try Case()
    try c.add(.fiveThousand, Self.name("王伟"), Self.address("北京市东城区中山路1号"))
    try c.add(
      .fiveThousand, Self.name("王伟"), Self.address("北京市东城区中山路1号"), Self.mobile("13912345670"))
    try c.add(.fiveThousand, Self.name("李娜"), Self.name("张伟"), Self.address("上海市浦东新区人民路2号"))
    try c.add(.fiveThousand, Self.name("刘洋"))
    try c.add(.fiveThousand, Self.email("z@163.com"), Self.name("赵敏"), Self.address("广东省深圳市南山区3号"))
    try c.add(.fiveThousand, Self.name("赵敏"), Self.address("广东省深圳市南山区3号"))
    let persons = try c.persons()
    // 王伟 linked to the mobile; 赵敏 linked to the e-mail; two names with one address and a
    // name alone are no one.
    #expect(persons.distinct == 2)
    #expect(persons.byKey == [0, 1, 1, 0, 0])
  }

  /// A record with an identifier but no person value (a card list) is a person by its
  /// content; the same record twice is still one.
  @Test func recordsWithoutPersonValues() throws {
    var c = try Case()
    try c.add(.fifty, Self.card("6222021234567890128"))
    try c.add(.fifty, Self.card("6222021234567890128"))
    try c.add(.fifty, Self.card("6228481234567890123"), Self.name("王伟"))
    try c.add(.fiveThousand, Self.gender("男"))  // no identifier: no one
    let persons = try c.persons()
    #expect(persons.distinct == 2)
    #expect(persons.byKey == [0, 0, 0, 0, 2])
    #expect(Self.tiers(persons) == [2, 0, 0])
    #expect(try Feeding.report(&c.aggregate).records.withIdentifier == 3)
  }

  /// Invalid values name no one: the valid mobile decides.
  @Test func invalidValuesAreNoOne() throws {
    var c = try Case()
    try c.add(.fiveThousand, Self.id("1101051990010112", valid: false), Self.mobile("13912345670"))
    try c.add(.fiveThousand, Self.mobile("14012345670", valid: false))
    let persons = try c.persons()
    #expect(persons.distinct == 1)
    #expect(persons.byKey == [0, 1, 0, 0, 0])
  }

  /// A 15-digit number is the same person as its 18-character form.
  @Test func fifteenDigitFormsMerge() throws {
    var c = try Case()
    try c.add(.fiveThousand, Self.id("1101051990010112"))
    try c.add(.fiveThousand, Self.id("1101051990010112", fifteen: true))
    try c.add(.fiveThousand, Self.id("1101051991010112", fifteen: true))
    let report = try Feeding.report(&c.aggregate)
    #expect(report.persons.distinct == 2)
    #expect(report.residentIDs.distinct == 2)
    #expect(report.residentIDs.bothForms == 1)
    #expect(report.residentIDs.only15 == 1)
    #expect(report.residentIDs.hits15 == 2)
    #expect(report.categories[0].distinctValid == 1)
    #expect(report.categories[1].distinctValid == 2)
  }

  /// A chain through weaker values joins one group: ID – mobile, mobile – e-mail, e-mail –
  /// name with address, each in its own record.
  @Test func chainsJoin() throws {
    var c = try Case()
    try c.add(.fiveThousand, Self.id("1101051990010112"), Self.mobile("13912345670"))
    try c.add(.fiveThousand, Self.mobile("13912345670"), Self.email("w@qq.com"))
    try c.add(.fifty, Self.email("w@qq.com"), Self.name("王伟"), Self.address("北京市东城区中山路1号"))
    try c.add(.fiveThousand, Self.name("王伟"), Self.address("北京市东城区中山路1号"))
    let persons = try c.persons()
    #expect(persons.distinct == 1)
    #expect(Self.tiers(persons) == [1, 0, 0])
  }
}
