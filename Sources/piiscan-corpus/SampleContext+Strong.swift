// Strong identifiers as people really write them (issue 12, classes 1, 3, 6, 8): full-width
// digits, country prefixes joined by another separator, a trunk 0, card-like ID groups, groups
// two spaces apart, the 2023 foreign permanent residence ID, births before 1900 and a card of a
// BIN whose real cards fail Luhn; with Luhn-failing order numbers on short BINs as decoys.

extension SampleContext {
  /// ASCII digits, X, +, -, parentheses and spaces as a Chinese input method types them.
  static func fullWidth(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0x30...0x39, 0x58, 0x78, 0x2B, 0x2D, 0x28, 0x29:
        out.append(Unicode.Scalar(scalar.value - 0x20 + 0xFF00)!)
      case 0x20: out.append("\u{3000}")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// `digits` in groups of `sizes`, joined by `separator`.
  static func grouped(_ digits: String, _ sizes: [Int], separator: String) -> String {
    var parts: [String] = []
    var rest = Substring(digits)
    for size in sizes where !rest.isEmpty {
      parts.append(String(rest.prefix(size)))
      rest = rest.dropFirst(size)
    }
    if !rest.isEmpty { parts.append(String(rest)) }
    return parts.joined(separator: separator)
  }

  /// A 2023 外国人永久居留身份证: 9, a 2-digit accepting province, a 3-digit (ISO 3166
  /// numeric) nationality, the birth date, a 3-digit sequence and the MOD 11-2 check.
  func foreignResidenceID2023(using rng: inout SeededGenerator) -> String {
    let province = rng.pick(["11", "31", "32", "33", "44", "51", "21", "37"])
    let nationality = rng.pick(["840", "392", "410", "276", "250", "826", "643", "036"])
    let birth = CivilDate.random(years: 1950...2004, using: &rng)
    return PersonFactory.residentID(
      first17: "9" + province + nationality + birth.compact + rng.digitString(3))
  }

  /// A resident ID of someone born before 1900 (numbers were issued from 1984 to everyone
  /// then alive): the person's region, a birth date 1880–1899.
  func residentIDBornBefore1900(_ p: Person, using rng: inout SeededGenerator) -> String {
    let birth = CivilDate.random(years: 1880...1899, using: &rng)
    return PersonFactory.residentID(
      region: p.idRegion.code, birth: birth, sequence: rng.digitString(3))
  }

  /// A 17-digit 601428 (交通银行) card failing Luhn: the one kind of failing number the
  /// scanner excuses, and only next to card words.
  func exemptBINCard(using rng: inout SeededGenerator) -> String {
    while true {
      let number = "601428" + rng.digitString(11)
      if !CheckDigits.luhnIsValid(Array(number.utf8)) { return number }
    }
  }

  /// A 19-digit number on a short legacy BIN (103 农业银行, 9558 工商银行) failing Luhn: an
  /// order number or an id, never a card without card words.
  func shortBINDecoy(using rng: inout SeededGenerator) -> String {
    while true {
      let prefix = rng.pick(["103", "9558", "95599"])
      let number = prefix + rng.digitString(19 - prefix.count)
      if !CheckDigits.luhnIsValid(Array(number.utf8)) { return number }
    }
  }

  /// `text/strong_forms.txt`: one value a line, each in one of the written forms above.
  func strongForms(lines: Int) -> LabelledText {
    let path = "text/strong_forms.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for _ in 0..<lines {
      let p = person(&rng)
      let m = p.mobile
      switch rng.below(16) {
      case 0:
        doc.write("身份证：")
        doc.plant(Planted(Self.fullWidth(p.idNumber), .residentID, value: p.idNumber))
      case 1:
        doc.write("手机 ")
        let written = rng.chance(5_000) ? m : Self.grouped(m, [3, 4, 4], separator: " ")
        doc.plant(Planted(Self.fullWidth(written), .mobile, value: m))
        doc.write("，谢谢")
      case 2:
        doc.write("卡号：")
        doc.plant(
          Planted(
            Self.fullWidth(Self.grouped(p.card, [4, 4, 4, 4], separator: " ")), .bankCard,
            value: p.card))
      case 3:
        doc.write("电话 ")
        let written = "(" + p.landline.area + ")" + p.landline.local
        doc.plant(Planted(Self.fullWidth(written), .landline, value: p.landline.normalised))
      case 4:
        doc.write("联系方式 ")
        let written = "+86 " + Self.grouped(m, [3, 4, 4], separator: "-")
        doc.plant(Planted(written, .mobile, value: m))
      case 5:
        doc.write("电话：")
        let written = rng.chance(5_000) ? "86 " + m : "86" + m
        doc.plant(Planted(written, .mobile, value: m))
        doc.write(" 张先生")
      case 6:
        doc.write("外线 ")
        doc.plant(Planted("0" + m, .mobile, value: m))
      case 7:
        doc.write("身份证号 ")
        let written = Self.grouped(p.idNumber, [4, 4, 4, 4, 2], separator: " ")
        doc.plant(Planted(written, .residentID, value: p.idNumber))
      case 8:
        doc.write("银行卡号 ")
        let written = Self.grouped(p.card, [4, 4, 4, 4], separator: "  ")
        doc.plant(Planted(written, .bankCard, value: p.card))
      case 9:
        let id = foreignResidenceID2023(using: &rng)
        doc.write(rng.chance(5_000) ? "外国人永久居留身份证：" : "证件号码 ")
        doc.plant(Planted(id, .foreignPermanentResidenceID))
      case 10:
        let id = residentIDBornBefore1900(p, using: &rng)
        doc.write("户籍档案 公民身份号码 ")
        doc.plant(Planted(id, .residentID))
      case 11:
        doc.write("卡号 ")
        doc.plant(Planted(exemptBINCard(using: &rng), .bankCard))
        doc.write(" 交通银行")
      case 12:
        doc.write(rng.chance(5_000) ? "订单号 " : "id=")
        let decoy = shortBINDecoy(using: &rng)
        doc.decoy(decoy, rng.chance(5_000) ? .orderNumber : .snowflake)
      case 13:
        doc.write("手机号码：")
        let written = "+86-" + Self.grouped(m, [3, 4, 4], separator: " ")
        doc.plant(Planted(Self.fullWidth(written), .mobile, value: m))
      case 14:
        doc.write("身份证 ")
        let written = Self.grouped(p.idNumber, [4, 4, 4, 4, 2], separator: " ")
        doc.plant(Planted(Self.fullWidth(written), .residentID, value: p.idNumber))
      default:
        doc.write("电话 ")
        // Only the local number typed full-width: the value is still the whole number.
        let written = p.landline.area + "-" + Self.fullWidth(p.landline.local)
        doc.plant(Planted(written, .landline, value: p.landline.normalised))
      }
      doc.newline()
    }
    return doc
  }
}
