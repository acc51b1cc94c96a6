import Testing

@testable import PIIScanCore

/// The Chinese of `--lang zh`: reasons translated sentence by sentence with their parts carried
/// over, detail names and words, and the language chosen from the locale variables.
@Suite struct ChineseTextTests {
  /// English reasons as the validators write them, and the Chinese a reader expects, written
  /// out by hand.
  @Test(arguments: [
    ("checksum: expected 3, found 4", ReasonCode.checksum, "校验码错误：应为 3，实为 4"),
    ("checksum: expected X", .checksum, "校验码错误：应为 X"),
    ("checksum: the check character does not match", .checksum, "校验码错误：校验位不符"),
    ("birth date 1990-02-30 is not a date", .birthDateInvalid, "出生日期 1990-02-30 不存在"),
    (
      "birth date 2031-01-01 is after 2026-11-29", .birthDateFuture,
      "出生日期 2031-01-01 晚于基准日 2026-11-29"
    ),
    ("expected 18 characters, got 17", .format, "应为 18 位，实为 17 位"),
    ("character 7 ('A') is not a digit", .format, "第 7 位（'A'）不是数字"),
    ("region code 990101 was never assigned", .regionUnknown, "地区码 990101 从未启用"),
    ("prefix 1400 is a non-personal iot range", .prefixNonPersonal, "号段 1400 属非个人的物联网号段"),
    ("prefix 1020 is not allocated to any carrier", .prefixUnallocated, "号段 1020 未分配给任何运营商"),
    ("19 digits, but 招商银行 cards have 16", .lengthForBIN, "卡号 19 位，但 招商银行 的卡应为 16 位"),
    ("Luhn check fails", .luhn, "Luhn 校验失败"),
    (
      "Luhn check fails (probably truncated by Excel: ends in 000)", .truncated,
      "Luhn 校验失败（疑被 Excel 截断：以 000 结尾）"
    ),
    ("not one of the 56 ethnic groups", .vocabulary, "不是 56 个民族之一"),
  ])
  func translatesAReason(english: String, code: ReasonCode, chinese: String) {
    #expect(ChineseText.knows(english))
    #expect(ChineseText.reason(english, code: code) == chinese)
  }

  /// Several failures joined by `; ` are translated one by one, joined by a Chinese semicolon.
  @Test func translatesEachOfSeveralFailures() {
    let english = "birth date 1990-02-30 is not a date; region code 990101 was never assigned"
    #expect(
      ChineseText.reason(english, code: .birthDateInvalid) == "出生日期 1990-02-30 不存在；地区码 990101 从未启用")
  }

  /// A sentence no template knows keeps its English after the reason code's Chinese name: it
  /// is never dropped, and never half translated.
  @Test func anUnknownSentenceIsShownWithTheCodesName() {
    let english = "a user rule says no; checksum: expected 3, found 4"
    #expect(!ChineseText.knows(english))
    #expect(
      ChineseText.reason(english, code: .checksum) == "\(ReasonCode.checksum.names.zh)（\(english)）")
    #expect(ChineseText.reason("something new", code: nil) == "无效（something new）")
  }

  /// A template's part must hold at least one character, so a sentence missing its part is no
  /// match (it falls back instead of reading `应为  位，实为 17 位`).
  @Test func anEmptyPartIsNoMatch() {
    #expect(ChineseText.knows("expected 18 characters, got 17"))
    #expect(!ChineseText.knows("expected  characters, got 17"))
    #expect(!ChineseText.knows("expected 18 characters, got "))
  }

  /// The property the masking tests rely on in Chinese: a translation adds no letter or digit
  /// that the English did not have, so a masked reason (which names no hidden character in
  /// English) names none in Chinese. Checked on every template with parts chosen to look like
  /// values, and on every fixed sentence.
  @Test func aTranslationAddsNoLetterOrDigit() {
    let sentences = [
      "checksum: expected 7, found 2", "birth date 19900230 is before 1900-01-01",
      "region code 710101 is Taiwan (71), never used on a resident ID",
      "prefix 1740 is a non-personal satellite range", "area code 0999 is not in use",
      "a local number cannot start with 0", "unknown mobile network code 46099",
      "more than 2 letters in the serial", "regions do not belong together (北京市 上海市)",
      "unknown nationality code ZZZ", "first character is 'B', expected 'C'",
      "not a passport number (E/G/PE/SE/DE/K/MA + digits)", "QQ numbers do not start with 0",
      "ICCID check digit (Luhn) fails", "I or O in the serial",
    ]
    func alphanumerics(_ text: String) -> [Character: Int] {
      var counts: [Character: Int] = [:]
      for character in text where character.isASCII && (character.isLetter || character.isNumber) {
        counts[character, default: 0] += 1
      }
      return counts
    }
    for english in sentences {
      #expect(ChineseText.knows(english), "\(english)")
      let source = alphanumerics(english)
      for (character, count) in alphanumerics(ChineseText.reason(english, code: nil)) {
        #expect(count <= source[character] ?? 0, "\(english): adds \(character)")
      }
    }
  }

  @Test func detailNamesAndWords() {
    #expect(ChineseText.detailKey("region") == "地区")
    #expect(ChineseText.detailKey("carrier") == "运营商")
    #expect(ChineseText.detailKey("a_key_of_a_user_rule") == "a_key_of_a_user_rule")
    #expect(ChineseText.detailValue(key: "sex", value: "female") == "女")
    #expect(ChineseText.detailValue(key: "luhn", value: "fail") == "失败")
    #expect(ChineseText.detailValue(key: "line_type", value: "iot") == "物联网")
    #expect(ChineseText.detailValue(key: "region", value: "北京市东城区") == "北京市东城区")
    #expect(ChineseText.confidence(.medium) == "中")
  }

  /// POSIX's order: LC_ALL, then LC_MESSAGES, then LANG; an empty one does not count.
  @Test(arguments: [
    ([:], ReportLanguage.en),
    (["LANG": "zh_CN.UTF-8"], .zh),
    (["LANG": "zh_TW.Big5"], .zh),
    (["LANG": "zh"], .zh),
    (["LANG": "en_US.UTF-8"], .en),
    (["LANG": "C.UTF-8"], .en),
    (["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], .en),
    (["LC_ALL": "", "LANG": "zh_CN.UTF-8"], .zh),
    (["LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_GB.UTF-8"], .zh),
    (["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"], .en),
  ])
  func languageFollowsTheLocale(environment: [String: String], language: ReportLanguage) {
    #expect(ReportLanguage.fromEnvironment(environment) == language)
  }
}
