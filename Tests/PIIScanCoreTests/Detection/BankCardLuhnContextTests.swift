import Testing

@testable import PIIScanCore

/// A Luhn failure makes a card only where the text says card (issue 12, class 6): excused on
/// the BINs whose real cards are reported to fail, at their reported length, next to card words
/// only; never a card on a short BIN (103, 9558) without card words.
@Suite struct BankCardLuhnContextTests {
  static let rules = try! RuleSet.embedded()
  static let settings = DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!)

  func cards(_ text: String) -> [String] {
    TextScan.findings(in: text, rules: Self.rules, settings: Self.settings)
      .filter { $0.category.id == "cn_bank_card" }
      .map { "\($0.value) \($0.valid) \($0.confidence.rawValue)" }
  }

  /// `prefix` padded with a fixed digit pattern to `length - 1`, then its check digit.
  static func number(_ prefix: String, length: Int, valid: Bool) -> String {
    let filler = "4739205816"
    var payload = prefix
    var k = 0
    while payload.count < length - 1 {
      payload.append(filler[filler.index(filler.startIndex, offsetBy: k % filler.count)])
      k += 1
    }
    let number = StrongReference.luhn(payload, valid: valid)
    precondition(StrongReference.passesLuhn(number) == valid)
    return number
  }

  @Test func anExemptBINIsExcusedOnlyNextToCardWords() {
    let failing = Self.number("601428", length: 17, valid: false)
    #expect(cards("银行卡号：\(failing)") == ["\(failing) true medium"])
    #expect(cards("卡号 \(failing)") == ["\(failing) true medium"])
    // The same number with no card words: a Luhn failure like any other.
    #expect(cards("交行 \(failing) 完") == ["\(failing) false medium"])
    #expect(cards("ref=\(failing);") == ["\(failing) false medium"])
  }

  @Test func anExemptBINAtAnotherLengthIsNotExcused() {
    let failing = Self.number("601428", length: 19, valid: false)
    // 601428 issues 17-digit cards: 19 digits is the wrong length, never excused.
    #expect(cards("卡号 \(failing)") == ["\(failing) false medium"])
  }

  @Test(arguments: ["103", "9558", "95599"])
  func aShortBINWithoutCardWordsIsNoCard(prefix: String) {
    let failing = Self.number(prefix, length: 19, valid: false)
    #expect(cards("order \(failing) done").isEmpty, "\(failing)")
    #expect(cards("订单号：\(failing)").isEmpty, "\(failing)")
    // Next to card words it is a card with a typo.
    #expect(cards("银行卡 \(failing)") == ["\(failing) false high"], "\(failing)")
    // A number that passes Luhn on the BIN is a card anywhere.
    let passing = Self.number(prefix, length: 19, valid: true)
    #expect(cards("order \(passing) done") == ["\(passing) true high"], "\(passing)")
  }

  @Test func snowflakeIdsStartingWith103AreNoCards() {
    // Nine in ten 19-digit ids fail Luhn; none of those may become a card.
    var reported = 0
    for tail in 0..<40 {
      let id = "103" + String(7_204_519_826_330_000 + tail * 7_919)
      guard id.count == 19, !StrongReference.passesLuhn(id) else { continue }
      reported += cards("{\"id\":\(id),\"n\":1}").count
    }
    #expect(reported == 0)
  }

  @Test func a621483NumberMustPassLuhn() {
    let failing = Self.number("621483", length: 16, valid: false)
    #expect(cards("卡号：\(failing)") == ["\(failing) false high"])
    let passing = Self.number("621483", length: 16, valid: true)
    #expect(cards("卡号：\(passing)") == ["\(passing) true high"])
  }

  @Test func aSixDigitBINNearMissIsStillReportedInvalid() {
    let failing = Self.number("622202", length: 19, valid: false)
    #expect(cards("转账 \(failing) 成功") == ["\(failing) false medium"])
  }
}
