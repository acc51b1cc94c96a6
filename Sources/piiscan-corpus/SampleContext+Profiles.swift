import Glibc

// Soft values in the shapes dumps put them (issue 12, items 9-11, 13): one-line profiles with
// several pairs, combo lists whose fields hold a name and an address, and SQL inserts without
// their CREATE TABLE, some lines in GB18030; and names in prose without a cue word.

extension SampleSet {
  /// What each of these files holds, for the README.
  static let profileDescriptions: [(String, String)] = [
    (
      "text/oneline_profiles.txt",
      "one-line profiles: a person per line, 4-10 `key：value` pairs separated by `，` `,` `;` `；` `|` `、` or a space (one separator a line), keys with `：`, `:` or `=`, the name first and the other pairs in random order (gender, birth date, ID, mobile, ethnicity, education, marital status, work unit, occupation, home address, household registration); unlabelled pairs (备注, 关系) in between"
    ),
    (
      "text/combo_soft.txt",
      "`----` combo lists with soft fields: `name----ID----mobile----address` and `mobile----password----name----address` lines mixed; the password after the mobile is labelled `credential`"
    ),
    (
      "text/combo_colon.txt",
      "`:`-separated combo list without a header: `name:ID:mobile:address`"
    ),
    (
      "text/combo_bar.txt",
      "`|`-separated list without a header: `name|gender|ID|mobile|address`"
    ),
    (
      "text/combo_tab.txt",
      "tab-separated list without a header: `name`, `ID`, `mobile`, `address`, `education`"
    ),
    (
      "text/prose_names.txt",
      "news-style prose with names and no cue word before them (`{name}表示`, `记者{name}`, `请联系{name}，电话…`, `{name}女士`), half of them on a line with a mobile or an ID number and half alone; between them sentences full of surname-initial words (周末, 高中, 黄金, 王国, 林业, 方法, 高兴…), labelled as decoys"
    ),
    (
      "csv/export_titled.csv",
      "an exported sheet saved as CSV: a title row and an export-date row above the header (序号,姓名,性别,手机号,家庭住址,学历,备注), remarks quoted over two or three lines (a mobile on a continuation line), and a second export appended with its header repeated"
    ),
    (
      "sql/noschema.sql",
      "`INSERT INTO … VALUES` extended inserts of two tables with no `CREATE TABLE` and no column list (`t_member`: id, name, gender, ID, mobile, address, education, marital status, register time; `t_express`: waybill number, receiver, mobile, address, weight); every third line is written in GB18030, the others in UTF-8; NULLs unlabelled"
    ),
  ]
}

extension SampleContext {
  func profileDocuments() -> [LabelledText] {
    [
      oneLineProfiles(people: 80),
      softCombo(lines: 60),
      delimitedSoftList(path: "text/combo_colon.txt", separator: ":", lines: 40, layout: .colon),
      delimitedSoftList(path: "text/combo_bar.txt", separator: "|", lines: 40, layout: .bar),
      delimitedSoftList(path: "text/combo_tab.txt", separator: "\t", lines: 40, layout: .tab),
      schemalessSQL(members: 60, parcels: 40),
      proseWithNames(lines: 90),
      titledExport(rows: 50),
    ]
  }

  /// `csv/export_titled.csv`: title rows above the header, remarks spanning lines, and a
  /// second export with its header repeated.
  func titledExport(rows: Int) -> LabelledText {
    let path = "csv/export_titled.csv"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    let header = ["序号", "姓名", "性别", "手机号", "家庭住址", "学历", "备注"].map(plainText)
    doc.csvRow([plainText("会员信息导出")] + Array(repeating: [], count: 6))
    doc.csvRow([plainText("导出时间：2026-11-29 09:30")] + Array(repeating: [], count: 6))
    doc.csvRow(header)
    for n in 1...rows {
      if n == rows / 2 + 1 { doc.csvRow(header) }
      let p = person(&rng)
      var remark: [Piece] = []
      switch rng.below(5) {
      case 0: remark = plainText("多次来电\n已转主管处理")
      case 1:
        let mobile = mobileCell(p, &rng, styled: false)
        remark = [.text("原号码停用\n新号码 ")] + plantedValue(mobile) + [.text("\n待核实")]
      case 2: remark = plainText("VIP")
      default: remark = []
      }
      doc.csvRow([
        plainText(String(n)), soft(.personName, p.name), soft(.gender, p.gender.zh),
        plantedValue(mobileCell(p, &rng, styled: false)), soft(.homeAddress, p.homeAddress),
        soft(.education, p.education), remark,
      ])
    }
    return doc
  }

  /// Sentences naming someone without a cue word; `{n}` is the name, `{m}` a mobile, `{i}` an
  /// ID number, `{w:…}` a surname-initial word (a decoy).
  static let namedSentences: [String] = [
    "{n}表示，如有问题可拨打{m}咨询。", "记者{n}报道，当事人身份证号{i}已核实。", "请联系{n}，电话{m}。",
    "{n}女士的手机{m}已停用。", "经查{n}于{w:周末}办理了手续，登记号码{m}。", "{n}先生留下的号码是{m}。",
    "{n}表示，{w:周末}的活动照常举行。", "记者{n}从现场发回报道。", "{n}女士{w:马上}赶到了医院。",
    "{n}认为{w:方法}还需改进。", "{n}说，{w:黄金}价格今年涨了不少。", "据{n}介绍，{w:林业}部门已经介入。",
  ]

  /// Sentences whose surname-initial words are no names.
  static let surnameWordSentences: [String] = [
    "{w:王国}的历史很长，{w:高中}课本里也有记载。", "{w:周末}天气不错，大家都很{w:高兴}。",
    "{w:林业}局的{w:方法}值得推广，{w:黄金}周期间游客很多。", "{w:江南}水乡的{w:白天}格外热闹。",
    "{w:于是}我们{w:马上}出发，{w:安全}第一。", "{w:常见}问题请看{w:程序}说明。",
    "{w:金融}市场的{w:毛病}不少，{w:许多}人选择观望。", "{w:宋体}字号太小，{w:严格}来说不合规范。",
  ]

  /// `text/prose_names.txt`: names in running text without cue words, among surname words.
  func proseWithNames(lines: Int) -> LabelledText {
    let path = "text/prose_names.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for _ in 0..<lines {
      for _ in 0..<rng.int(1...2) {
        let named = rng.chance(4_000)
        let template = rng.pick(named ? Self.namedSentences : Self.surnameWordSentences)
        var p = person(&rng)
        // Han names only: a dotted minority name is found by its own shape.
        while p.name.contains("·") { p = person(&rng) }
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
          doc.write(String(rest[..<open]))
          let close = rest[open...].firstIndex(of: "}")!
          let slot = rest[rest.index(after: open)..<close]
          rest = rest[rest.index(after: close)...]
          switch slot {
          case "n": doc.plant(Planted(p.name, .personName))
          case "m": doc.plant(plants.mobile(p.mobile, style: .plain))
          case "i": doc.plant(plants.residentID(p, using: &rng))
          default: doc.decoy(String(slot.dropFirst(2)), .surnameWord)
          }
        }
        doc.write(String(rest))
      }
      doc.newline()
    }
    return doc
  }

  /// `text/oneline_profiles.txt`: a person per line, every pair on it.
  func oneLineProfiles(people count: Int) -> LabelledText {
    let path = "text/oneline_profiles.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    let separators = ["，", ",", ";", "；", "|", "、", " "]
    let colons = ["：", ":", "="]
    for _ in 0..<count {
      let p = person(&rng)
      let separator = rng.pick(separators)
      let colon = rng.pick(colons)
      // Values never hold the line's separator (a space-separated line has no spaced mobile).
      var pairs: [(keys: [String], value: Planted?)] = [
        (["性别"], Planted(p.gender.zh, .gender)),
        (["出生日期", "生日", "出生年月"], plants.birthDate(p.birth, using: &rng)),
        (["身份证", "身份证号", "证件号码"], idCell(p, &rng, allow15: false)),
        (["手机", "手机号", "联系电话"], mobileCell(p, &rng, styled: false)),
        (["民族"], Planted(p.ethnicity, .ethnicity)),
        (["学历", "文化程度"], Planted(p.education, .education)),
        (["婚姻状况"], Planted(p.marital, .maritalStatus)),
        (["工作单位", "单位"], Planted(p.workUnit, .workUnit)),
        (["职业"], Planted(p.occupation, .occupation)),
        (["住址", "家庭住址", "现住址"], Planted(p.homeAddress, .homeAddress)),
        (["户籍地址", "户籍所在地"], Planted(p.household, .householdRegistration)),
        (["备注"], nil),
        (["关系"], nil),
      ]
      // Shuffle, then keep 3-9 of the pairs after the name.
      for i in stride(from: pairs.count - 1, to: 0, by: -1) {
        pairs.swapAt(i, rng.below(i + 1))
      }
      let kept = pairs.prefix(rng.int(3...9))
      doc.write(rng.pick(["姓名", "姓名", "客户姓名", "真实姓名"]) + colon)
      doc.plant(Planted(p.name, .personName))
      for (keys, value) in kept {
        doc.write(separator + rng.pick(keys) + colon)
        if let value {
          doc.plant(value)
        } else {
          doc.write(rng.pick(["无", "已核实", "配偶", "本人", "子女"]))
        }
      }
      doc.newline()
    }
    return doc
  }

  /// `text/combo_soft.txt`: `----` combo lines with a name and an address.
  func softCombo(lines: Int) -> LabelledText {
    let path = "text/combo_soft.txt"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for _ in 0..<lines {
      let p = person(&rng)
      if rng.chance(6_000) {
        doc.plant(Planted(p.name, .personName))
        doc.write("----")
        doc.plant(idCell(p, &rng, allow15: false))
        doc.write("----")
        doc.plant(mobileCell(p, &rng, styled: false))
      } else {
        doc.plant(plants.mobile(p.mobile, style: .plain))
        doc.write("----")
        doc.plant(Planted(rng.pick(Vocabulary.passwords), .credential))
        doc.write("----")
        doc.plant(Planted(p.name, .personName))
      }
      doc.write("----")
      doc.plant(Planted(p.homeAddress, .homeAddress))
      doc.newline()
    }
    return doc
  }

  enum SoftListLayout { case colon, bar, tab }

  /// A list without a header whose rows all have one layout.
  func delimitedSoftList(path: String, separator: String, lines: Int, layout: SoftListLayout)
    -> LabelledText
  {
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    for _ in 0..<lines {
      let p = person(&rng)
      var fields: [Planted] = [Planted(p.name, .personName)]
      if layout == .bar { fields.append(Planted(p.gender.zh, .gender)) }
      fields += [idCell(p, &rng, allow15: false), mobileCell(p, &rng, styled: false)]
      fields.append(Planted(p.homeAddress, .homeAddress))
      if layout == .tab { fields.append(Planted(p.education, .education)) }
      for (i, field) in fields.enumerated() {
        if i > 0 { doc.write(separator) }
        doc.plant(field)
      }
      doc.newline()
    }
    return doc
  }

  /// `sql/noschema.sql`: extended inserts without a schema; every third line in GB18030.
  func schemalessSQL(members: Int, parcels: Int) -> LabelledText {
    let path = "sql/noschema.sql"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    doc.write("-- export of 2026-11-29, data only\n")
    var id = 0
    while id < members {
      doc.write("INSERT INTO `t_member` VALUES ")
      for k in 0..<min(rng.int(2...6), members - id) {
        let p = person(&rng)
        id += 1
        if k > 0 { doc.write(",") }
        doc.write("(\(id),'")
        doc.plant(Planted(p.name, .personName))
        doc.write("','")
        doc.plant(Planted(p.gender.zh, .gender))
        doc.write("','")
        doc.plant(idCell(p, &rng, allow15: false))
        doc.write("','")
        doc.plant(mobileCell(p, &rng, styled: false))
        doc.write("','")
        doc.plant(Planted(p.homeAddress, .homeAddress))
        doc.write("','")
        doc.plant(Planted(p.education, .education))
        doc.write("',")
        if rng.chance(8_000) {
          doc.write("'")
          doc.plant(Planted(p.marital, .maritalStatus))
          doc.write("'")
        } else {
          doc.write("NULL")
        }
        let day = "2026-0\(rng.int(1...9))-1\(rng.below(10))"
        doc.write(",'\(day) 0\(rng.below(10)):1\(rng.below(10)):00')")
      }
      doc.write(";\n")
    }
    var parcel = 0
    while parcel < parcels {
      doc.write("INSERT INTO t_express VALUES ")
      for k in 0..<min(rng.int(3...8), parcels - parcel) {
        let p = person(&rng)
        parcel += 1
        if k > 0 { doc.write(",") }
        doc.write("('SF\(1_400_000_000 + rng.below(100_000_000))','")
        doc.plant(Planted(p.name, .personName))
        doc.write("','")
        doc.plant(plants.mobile(p.mobile, style: .plain))
        doc.write("','")
        doc.plant(Planted(p.homeAddress, .homeAddress))
        doc.write("',\(rng.int(1...30)).\(rng.below(10)))")
      }
      doc.write(";\n")
    }
    return doc.withLines(every: 3, encodedBy: "GB18030")
  }
}

extension LabelledText {
  /// This file with every `every`-th line (the 2nd, the 5th…) converted to `encoding` by
  /// iconv: labels keep their lines and columns, which count characters.
  func withLines(every: Int, encodedBy encoding: String) -> LabelledText {
    var out: [UInt8] = []
    var lineNumber = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
      lineNumber += 1
      out += lineNumber % every == 2 % every ? Self.iconv(Array(line), to: encoding) : Array(line)
      out.append(0x0A)
    }
    return LabelledText(
      path: path, bytes: out, labels: labels, decoys: decoys,
      summary: "\(lineNumber) lines, \(out.count) bytes; every \(every)th line from the "
        + "2nd in \(encoding)")
  }

  /// `bytes` from UTF-8 to `encoding`, by the C library's iconv.
  static func iconv(_ bytes: [UInt8], to encoding: String) -> [UInt8] {
    let descriptor = iconv_open(encoding, "UTF-8")
    precondition(descriptor != iconv_t(bitPattern: -1), "iconv has no \(encoding)")
    defer { iconv_close(descriptor) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
        var inLeft = inBuffer.count
        var outLeft = outBuffer.count
        let status = Glibc.iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        precondition(status != -1 && inLeft == 0, "a character \(encoding) cannot hold")
        return outBuffer.count - outLeft
      }
    }
    return output[0..<produced].map { UInt8(bitPattern: $0) }
  }
}
