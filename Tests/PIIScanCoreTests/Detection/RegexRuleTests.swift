import Foundation
import Testing

@testable import PIIScanCore

/// What a user's regex rule finds: every match a valid value of its category, with high
/// confidence when a context word labels it (before it on its line, or its column header).
@Suite struct RegexRuleTests {
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  static func rules(_ extra: String = "") -> RuleSet {
    let text = """
      [[rules]]
      id = "acme-staff-number"
      category = "acme_staff_number"
      validator = "regex"
      regex = '''(?<![A-Za-z0-9])ACME-[0-9]{6}(?![0-9])'''
      context = ["工号", "staff no"]
      [rules.examples]
      match = ["工号：ACME-123456"]
      nomatch = ["ACME-12345"]

      [[rules]]
      id = "acme-contract"
      category = "acme_contract"
      validator = "regex"
      regex = '''(?<![A-Za-z0-9])HT[0-9]{8}(?![0-9])'''
      context = ["合同"]
      require_context = true
      [rules.examples]
      match = ["合同编号 HT20240001"]
      nomatch = ["HT20240001"]
      """ + extra
    return try! RuleSet.embedded(adding: [("user/acme.toml", text)], settings: settings)
  }

  static let acme = rules()

  /// `(value, rule id, confidence, offset)` of every finding of a user rule in `text`.
  static func found(_ text: String, rules: RuleSet = acme, settings: DetectionSettings = settings)
    -> [(value: String, rule: String, confidence: Confidence, offset: Int64)]
  {
    TextScan.findings(in: text, rules: rules, settings: settings)
      .filter { $0.rule.isUser }
      .map { ($0.value.string, $0.rule.id, $0.confidence, $0.offset) }
  }

  @Test func aMatchIsAValidValueOfTheRulesCategory() throws {
    let findings = TextScan.findings(
      in: "员工 ACME-123456 离职", rules: Self.acme, settings: Self.settings)
    let finding = try #require(findings.first { $0.rule.isUser })
    #expect(finding.category.id == "acme_staff_number")
    #expect(finding.value == "ACME-123456" && finding.valid && finding.reason == nil)
    #expect(finding.offset == 7 && finding.length == 11)
    #expect(finding.line == 1 && finding.column == 4)
    #expect(finding.details.isEmpty)
  }

  @Test func aContextWordBeforeTheValueMakesItHighConfidence() {
    #expect(Self.found("工号：ACME-123456").map(\.confidence) == [.high])
    #expect(Self.found("Staff No. ACME-123456").map(\.confidence) == [.high])
    #expect(Self.found("员工 ACME-123456").map(\.confidence) == [.medium])
    // More than 48 bytes before it, or on the line before, the word labels nothing.
    #expect(
      Self.found("工号：" + String(repeating: "x", count: 46) + " ACME-123456").map(\.confidence) == [
        .medium
      ])
    #expect(Self.found("工号：\nACME-123456").map(\.confidence) == [.medium])
    // A word before an earlier long number labels that number, not this value.
    #expect(Self.found("工号 12345678 ACME-123456").map(\.confidence) == [.medium])
  }

  @Test func aColumnHeaderIsContextToo() {
    let csv = "姓名,工号,部门\n张三,ACME-123456,财务\n李四,ACME-654321,人事\n"
    #expect(Self.found(csv).map(\.confidence) == [.high, .high])
    let other = "姓名,编号,部门\n张三,ACME-123456,财务\n"
    #expect(Self.found(other).map(\.confidence) == [.medium])
  }

  @Test func requireContextDropsUnlabelledMatches() {
    #expect(Self.found("合同编号：HT20240001").map(\.value) == ["HT20240001"])
    #expect(Self.found("编号：HT20240001").isEmpty)
    #expect(Self.found("id,合同\n1,HT20240001\n").map(\.value) == ["HT20240001"])
    // `check` reads every value as labelled.
    let check = DetectionSettings(asOf: Self.settings.asOf, assumeContext: true)
    #expect(Self.found("HT20240001", settings: check).map(\.confidence) == [.high])
  }

  @Test func matchesAreLeftmostAndNonOverlappingAndEveryOneIsReported() {
    let text = "ACME-111111,ACME-222222 ACME-333333\tACME-4444444 xACME-555555"
    #expect(Self.found(text).map(\.value) == ["ACME-111111", "ACME-222222", "ACME-333333"])
    let offsets = Self.found(text).map(\.offset)
    #expect(offsets == [0, 12, 24])
  }

  @Test func caretAndDollarAreLineStartAndEndWhateverTheLineEnding() {
    let anchored = Self.rules(
      """

      [[rules]]
      id = "acme-line"
      category = "acme_line"
      validator = "regex"
      regex = '''^L[0-9]{4}$'''
      [rules.examples]
      match = ["L1234"]
      nomatch = ["xL1234"]
      """)
    let text = "L0001\r\nL0002\nxL0003\nL0004 \rL0005"
    #expect(Self.found(text, rules: anchored).map(\.value) == ["L0001", "L0002", "L0005"])
  }

  @Test func aMatchLongerThanTheLimitIsNoValue() {
    let long = Self.rules(
      """

      [[rules]]
      id = "acme-token"
      category = "acme_token"
      validator = "regex"
      regex = '''TOK-[A-Z]+'''
      [rules.examples]
      match = ["TOK-ABC"]
      nomatch = ["TOK-123"]
      """)
    let limit = RegexDetector.maxMatchLength
    let fits = "TOK-" + String(repeating: "A", count: limit - 4)
    let over = "TOK-" + String(repeating: "B", count: limit - 3)
    #expect(Self.found("\(fits) \(over) TOK-C", rules: long).map(\.value) == [fits, "TOK-C"])
  }

  @Test func bytesThatAreNotUTF8NearAValueDoNotStopTheSearch() {
    var bytes = Array("工号：".utf8) + [0xFF, 0xFE, 0x20] + Array("ACME-123456 ".utf8) + [0xC3]
    bytes += Array(" ACME-654321 ".utf8) + [0x80, 0x80] + Array("\nACME-111111".utf8)
    let values = bytes.withUnsafeMutableBytes { raw in
      let view = ChunkView(
        bytes: UnsafeRawBufferPointer(raw), base: 0, ownStart: 0, ownEnd: raw.count,
        reachesEndOfInput: true)
      return ChunkScanner(rules: Self.acme, settings: Self.settings).scan(view).findings
        .filter { $0.rule.isUser }.map(\.value)
    }
    #expect(values == ["ACME-123456", "ACME-654321", "ACME-111111"])
  }

  @Test func onlyAndExceptTakeTheUsersCategories() {
    let only = Self.acme.restricted(only: ["acme_contract"], except: [])
    #expect(only.rules.map(\.id) == ["acme-contract"])
    #expect(only.regexRules == [0])
    let except = Self.acme.restricted(only: nil, except: ["acme_staff_number"])
    #expect(except.rules.filter(\.isUser).map(\.id) == ["acme-contract"])
    #expect(
      Self.found("工号 ACME-123456 合同 HT20240001", rules: except).map(\.rule) == ["acme-contract"])
  }

  @Test func aSoftValueGivesWayToAUsersValue() {
    // Under 护照号码 the soft detector reads "E12345678" as a passport number; a user's rule
    // for that shape says what it is, as a built-in strong category would.
    let text = "姓名,护照号码\n张三,E12345678\n"
    let plain = try! RuleSet.embedded()
    let soft = TextScan.findings(in: text, rules: plain, settings: Self.settings)
    #expect(soft.contains { $0.category.id == "cn_passport" })
    let users = Self.rules(
      """

      [[rules]]
      id = "acme-visitor-card"
      category = "acme_visitor_card"
      validator = "regex"
      regex = '''(?<![A-Za-z0-9])E[0-9]{8}(?![0-9])'''
      [rules.examples]
      match = ["访客卡 E12345678"]
      nomatch = ["E1234567"]
      """)
    let findings = TextScan.findings(in: text, rules: users, settings: Self.settings)
    let categories = findings.map { $0.category.id }
    #expect(categories.contains("acme_visitor_card"))
    #expect(!categories.contains("cn_passport"))
  }

  @Test func valuesAreMaskedLikeOtherIdentifiersUnlessRevealed() {
    #expect(Redaction.maskIdentifier("ACME-123456") == "AC*******56")
    #expect(Redaction.maskIdentifier("HT2024000123") == "HT2******123")
    #expect(Redaction.maskIdentifier("E12345678") == "E1*****78")
    #expect(Redaction.maskIdentifier("AB12") == "A**2")
    #expect(Redaction.maskIdentifier("A1") == "A*")
    #expect(Redaction.maskIdentifier("工号甲乙丙") == "工***丙")
    let findings = TextScan.findings(
      in: "工号：ACME-123456", rules: Self.acme, settings: Self.settings
    )
    .filter { $0.rule.isUser }
    #expect(
      FindingPresenter(reveal: false, asOf: CivilDate(year: 2026, month: 11, day: 29)!).value(
        findings[0]) == "AC*******56")
    #expect(
      FindingPresenter(reveal: true, asOf: CivilDate(year: 2026, month: 11, day: 29)!).value(
        findings[0]) == "ACME-123456")
  }
}

/// A search PCRE2 stops at its match limit is counted and reported as a notice for the input.
@Suite struct RegexMatchLimitTests {

  static let rules = try! RuleSet.embedded(
    adding: [
      (
        "user/slow.toml",
        """
        [[rules]]
        id = "acme-nested"
        category = "acme_nested"
        validator = "regex"
        regex = '''(?:a+)+!'''
        [rules.examples]
        match = ["aaa!"]
        nomatch = ["bbb!"]
        """
      )
    ], settings: RegexRuleTests.settings)

  func scan(_ text: String) throws -> CollectingSink {
    let path = temporaryFile("limit-\(UUID().uuidString.prefix(8)).txt", Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sink = CollectingSink()
    ScanPipeline(
      rules: Self.rules,
      configuration: ScanConfiguration(threads: 1, detection: RegexRuleTests.settings)
    )
    .run(inputs: [ScanInput(path: path, kind: .regularFile, size: nil)], sink: sink)
    return sink
  }

  @Test func aCatastrophicSearchIsCountedAndTheRestIsStillScanned() throws {
    // (a+)+! backtracks 2^n ways over n a's without a '!'.
    let text =
      "aaa! " + String(repeating: "a", count: 40) + "?\n" + String(repeating: "x", count: 2000)
      + " aaaa!\n"
    let sink = try scan(text)
    #expect(sink.values == ["aaa!", "aaaa!"])
    #expect(sink.notices.count == 1)
    let notice = try #require(sink.notices.first?.notice)
    #expect(notice.kind == .matchLimit && notice.severity == .warning)
    #expect(
      notice.message
        == "rule acme-nested: PCRE2 stopped 1 search at its match limit (1000000 steps), so "
        + "values of this rule may be missing; simplify the regex (no nested repeats such as (a+)+)"
    )
  }

  @Test func noNoticeWithoutAHit() throws {
    let sink = try scan("aaa! bbb aaaa!\n")
    #expect(sink.values == ["aaa!", "aaaa!"])
    #expect(sink.notices.isEmpty)
  }
}
