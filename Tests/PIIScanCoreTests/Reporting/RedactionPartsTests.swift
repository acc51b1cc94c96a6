import Testing

@testable import PIIScanCore

/// The pieces of `piiscan redact` (Sources/PIIScanCore/Redact): the pseudonyms and the
/// invalidity built into them, the syntax a replacement is written into, and replacements
/// that keep a value's written form. Checked against check digits and rules computed here.
@Suite struct RedactionPartsTests {
  static let rules = try! RuleSet.embedded()

  static func finding(_ value: String, rule id: String) -> Finding {
    let rule = rules.rules.first { $0.id == id }!
    return Finding(
      offset: 0, length: value.utf8.count, rule: rule, value: FindingValue(value), valid: true,
      reasonCode: nil, confidence: .high)
  }

  /// GB 11643's MOD 11-2 check character of 17 digits, computed from the standard's weights.
  static func checkCharacter(_ first17: some Collection<Character>) -> Character {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(first17, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
    return Array("10X98765432")[sum % 11]
  }

  /// The Luhn check of a digit string.
  static func luhnPasses(_ digits: String) -> Bool {
    let values = digits.reversed().map { $0.wholeNumberValue! }
    let sum = values.enumerated().reduce(0) { total, item in
      let doubled = item.offset % 2 == 1 ? item.element * 2 : item.element
      return total + (doubled > 9 ? doubled - 9 : doubled)
    }
    return sum % 10 == 0
  }

  /// Synthetic 18-character IDs: regions of the samples' kind, dates across a century.
  static let ids: [String] = (0..<300).map { index in
    let region = ["110101", "440305", "320583", "510104", "650102"][index % 5]
    let year = 1930 + index % 90
    let month = 1 + index % 12
    let day = 1 + index % 28
    let sequence = 100 + index % 900
    let first17 =
      region + String(year) + padded(month, 2) + padded(day, 2)
      + String(sequence)
    return first17 + String(checkCharacter(Array(first17)))
  }

  @Test func aResidentIDPseudonymIsOfTheShapeAndNoRealNumber() {
    let pseudonymiser = Pseudonymiser(secret: Array("a secret of enough length".utf8))
    var seen: Set<String> = []
    for id in Self.ids {
      let pseudonym = try! #require(
        pseudonymiser.pseudonym(for: Self.finding(id, rule: "cn-resident-id")))
      let characters = Array(pseudonym)
      #expect(characters.count == 18)
      #expect(pseudonym.prefix(6) == id.prefix(6), "region kept")
      let month = Int(String(characters[10...11]))!
      #expect((13...19).contains(month), "\(pseudonym): no such month")
      #expect(characters[17] == Self.checkCharacter(characters[0..<17]), "check character")
      #expect(
        characters[16].wholeNumberValue! % 2 == Array(id)[16].wholeNumberValue! % 2,
        "the sex digit's parity")
      seen.insert(pseudonym)
    }
    #expect(seen.count == Self.ids.count, "no two values share a pseudonym")
    // And the validator agrees.
    let settings = DetectionSettings(asOf: CivilDate(iso: "2026-11-29")!)
    for pseudonym in seen.prefix(20) {
      #expect(
        !ValueReadings.of(pseudonym, rules: Self.rules, settings: settings, as: "cn_resident_id")
          .contains { $0.valid })
    }
  }

  @Test func mobileCardAndEmailPseudonyms() {
    let pseudonymiser = Pseudonymiser(secret: Array("a secret of enough length".utf8))
    for index in 0..<200 {
      let mobile = "13" + padded(100_000_000 + index * 4_999_991 % 900_000_000, 9)
      let pseudonym = pseudonymiser.pseudonym(for: Self.finding(mobile, rule: "cn-mobile"))!
      #expect(pseudonym.count == 11 && pseudonym.allSatisfy(\.isNumber))
      // 10, 11 and 12 were never allocated to a carrier.
      #expect(["10", "11", "12"].contains(String(pseudonym.prefix(2))), "\(pseudonym)")
    }
    for card in ["6222021234567890128", "6228480402564890018", "4563518985073934507"] {
      let pseudonym = pseudonymiser.pseudonym(for: Self.finding(card, rule: "cn-bank-card"))!
      #expect(pseudonym.count == card.count && pseudonym.first == "0")
      #expect(!Self.luhnPasses(pseudonym), "\(pseudonym)")
    }
    let email = pseudonymiser.pseudonym(for: Self.finding("zhang.wei@163.com", rule: "email"))!
    #expect(email.hasSuffix("*@163.com") && email.count == "zhang.wei@163.com".count)
  }

  /// Keyed: the same secret gives the same pseudonym in another run, another secret another.
  @Test func pseudonymsAreKeyedBySecret() {
    let id = Self.ids[7]
    let finding = Self.finding(id, rule: "cn-resident-id")
    let a = Pseudonymiser(secret: Array("first secret, long enough".utf8)).pseudonym(for: finding)
    let b = Pseudonymiser(secret: Array("first secret, long enough".utf8)).pseudonym(for: finding)
    let c = Pseudonymiser(secret: Array("other secret, long enough".utf8)).pseudonym(for: finding)
    #expect(a == b)
    #expect(a != c)
  }

  /// What the syntax tracker says at each place of a line, fed byte by byte.
  static func contexts(_ text: String, _ syntax: SyntaxTracker.Syntax) -> [RedactionContext] {
    var tracker = SyntaxTracker(syntax: syntax, encoding: .utf8)
    var out: [RedactionContext] = []
    for byte in text.utf8 {
      out.append(tracker.context)
      tracker.feed(byte)
    }
    return out
  }

  @Test func theTrackerKnowsQuotedFieldsStringsAndComments() {
    // CSV: x at 0 bare; inside "a,""b" quoted (past the doubled quote too); y bare again.
    let csv = Self.contexts(#"x,"a,""b",y"#, .delimited)
    #expect(csv[0] == .delimitedBare)
    #expect(csv[3] == .quoted(0x22) && csv[7] == .quoted(0x22))
    #expect(csv[10] == .delimitedBare)
    // JSON: a string with an escaped quote, then a bare number.
    let json = Self.contexts(#"{"k":"a\"b","n":12}"#, .json)
    #expect(json[6] == .jsonString && json[9] == .jsonString)
    #expect(json[17] == .jsonBare)
    // SQL: strings with a doubled quote, a backslash, and a comment holding a quote.
    let sql = Self.contexts("('it''s','a\\'b',3) -- don't\n('x')", .sql)
    #expect(sql[2] == .quoted(0x27) && sql[6] == .quoted(0x27))
    #expect(sql[13] == .quoted(0x27))
    #expect(sql[16] == .sqlBare)
    let next = "('it''s','a\\'b',3) -- don't\n('".utf8.count
    #expect(sql[next] == .quoted(0x27), "the comment's quote opened nothing")
  }

  @Test func aReplacementIsMadeSafeWhereItStands() {
    #expect(RedactionContext.jsonBare.written("7*") == "\"7*\"")
    #expect(RedactionContext.jsonBare.written("70") == "70")
    #expect(RedactionContext.sqlBare.written("1*") == "'1*'")
    #expect(RedactionContext.quoted(0x27).written("a'b\\c") == "a*b*c")
    #expect(RedactionContext.delimitedBare.written("a,b\"c") == "a*b*c")
    #expect(RedactionContext.plain.written("a\nb") == "a*b")
  }

  /// A value written with separators or a prefix keeps them around its replacement.
  @Test func aReplacementKeepsTheWrittenForm() {
    let maker = ReplacementMaker(
      mode: .mask, rules: Self.rules, asOf: CivilDate(iso: "2026-11-29")!)
    #expect(
      maker.aligned(written: "+86 139-1234-5670", value: "13912345670", replacement: "139****5670")
        == "+86 139-****-5670")
    #expect(
      maker.aligned(
        written: "(0755) 8612 3456", value: "0755-86123456", replacement: "0755-****3456")
        == "(0755) **** 3456")
    // Forms that cannot be matched character for character get the replacement as it is.
    #expect(
      maker.aligned(written: "z\\u0040q.com", value: "z@q.com", replacement: "z***@q.com")
        == "z***@q.com")
  }

  // MARK: Workbooks

  @Test func cellReferencesAreRowAndColumn() {
    #expect(WorkbookRewriter.cellPosition("A1") == .init(row: 1, column: 1))
    #expect(WorkbookRewriter.cellPosition("AB12") == .init(row: 12, column: 28))
    #expect(WorkbookRewriter.cellPosition("$C$7") == .init(row: 7, column: 3))
    #expect(WorkbookRewriter.cellPosition("12") == nil)
  }

  /// The cells whose text changed, by line and field of the sheet text.
  @Test func changedCellsAreFoundByLineAndField() {
    let original = Array("姓名\t手机\n张伟\t13912345670\n\n\t李娜".utf8)
    let redacted = Array("姓名\t手机\n张*\t139****5670\n\n\t李*".utf8)
    let changed = WorkbookRewriter.changedCells(original: original, redacted: redacted)
    #expect(
      changed == [
        .init(row: 2, column: 1): "张*", .init(row: 2, column: 2): "139****5670",
        .init(row: 4, column: 2): "李*",
      ])
  }

  /// A rewritten cell becomes an inline string with its reference and style; the others stay
  /// byte for byte; shared strings are reported as still used or released.
  @Test func aSheetPartGetsInlineStrings() throws {
    let xml = Array(
      (#"<sheetData><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="4"><v>13912345670</v>"#
        + #"</c><c r="C2" t="s"><v>5</v></c><c r="D2"><f>B2</f><v>13912345670</v></c>"#
        + #"<c r="E2" s="1"/></row></sheetData>"#).utf8)
    let cells: [WorkbookRewriter.CellReference: String] = [
      .init(row: 2, column: 1): "张*", .init(row: 2, column: 2): "139****5670",
      .init(row: 2, column: 4): "a<b&c",
    ]
    let (out, used, released) = try WorkbookRewriter.rewriteSheet(xml, cells: cells, sheet: "s")
    #expect(
      String(decoding: out, as: UTF8.self)
        == #"<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">张*</t>"#
        + #"</is></c><c r="B2" s="4" t="inlineStr"><is><t xml:space="preserve">139****5670</t>"#
        + #"</is></c><c r="C2" t="s"><v>5</v></c><c r="D2" t="inlineStr"><is>"#
        + #"<t xml:space="preserve">a&lt;b&amp;c</t></is></c><c r="E2" s="1"/></row></sheetData>"#)
    #expect(used == [5])
    #expect(released == [3])
    // A cell to rewrite without a reference is refused, not guessed.
    let bare = Array(#"<row r="1"><c t="s"><v>0</v></c></row>"#.utf8)
    #expect(throws: RedactionError.self) {
      try WorkbookRewriter.rewriteSheet(bare, cells: [.init(row: 1, column: 1): "*"], sheet: "s")
    }
  }

  @Test func releasedSharedStringsAreEmptied() {
    let xml = Array(
      #"<sst count="3"><si><t>工号</t></si><si><t>张伟</t></si><si><r><t>李</t></r><r><t>娜</t></r></si></sst>"#
        .utf8)
    let out = WorkbookRewriter.emptyStrings(xml, [1, 2])
    #expect(
      String(decoding: out, as: UTF8.self)
        == #"<sst count="3"><si><t>工号</t></si><si><t/></si><si><t/></si></sst>"#)
  }
}

/// `value` with leading zeros to `width` digits.
private func padded(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
}
