import Foundation

/// Writes the labelled sample set: the files, `labels/labels.jsonl`,
/// `labels/decoys.jsonl` and `README.md`.
struct SampleSet {
  let context: SampleContext
  let tables: ReferenceTables
  let seed: UInt64
  /// The command line that regenerates the set, for the README.
  let command: String

  /// What each file holds, for the README (same order as written).
  static let descriptions: [(String, String)] = [
    (
      "csv/customers.csv",
      "customer export with Chinese headers (姓名,性别,民族,出生日期,年龄,身份证号,手机号,固定电话,银行卡号,开户行,邮箱,家庭住址,户籍所在地,工作单位,职业,学历,婚姻状况,备注); quoted fields with commas, remarks with embedded newlines (a phone number on a continuation line), Excel `'` text markers before some IDs"
    ),
    (
      "csv/members_pinyin.csv",
      "member table with pinyin-initial headers (id,xm,xb,csrq,nl,mz,sfzh,sjhm,gddh,yhkh,khh,dzyx,jtzz,hjdz,gzdw,zy,xl,hyzk,zcsj), every field quoted, first-generation 15-digit IDs for older members"
    ),
    (
      "sql/dump.sql",
      "mysqldump-style dump of three tables (`t_user`, `t_order`, `t_login_log`) with extended inserts of 18-45 tuples per line; strings with `\\'`, `\\\\`, `\\n` escapes and one doubled `''`; `t_order` order numbers (订单号), amounts and snowflake trade numbers (支付流水) are labelled `transaction_record`, `t_login_log` IMEIs (an `imei` column) `telecom_account_opening`; ms timestamps, epochs and UUIDs are decoys"
    ),
    (
      "jsonl/users.jsonl",
      "JSON Lines, nested objects (`profile`, `cert`, `contact.address`, `job`, `bank`, `device`), keys in English and pinyin, some phone arrays; the `device.imei` and `device.iccid` values are labelled `telecom_account_opening`; UUID and ms-timestamp decoys"
    ),
    (
      "logs/app.log",
      "Spring-style application log and nginx access lines: request ids, order numbers, phones (all written forms) and e-mails inside messages, a real-name check with ID numbers, masked values, a stack trace after an invalid mobile; `amount=` values of order lines are labelled `transaction_record`, IMEIs after `device=` stay decoys"
    ),
    (
      "text/combo.txt",
      "`----` combo lists: `mobile----password`, `email----password----name`, `mobile----password----ID`, `card----PIN----name`, `name----ID----mobile`; every password and PIN after an account is labelled `credential`"
    ),
    (
      "text/profiles.txt",
      "`key：value` profiles (full-width and ASCII colons, varying key names), one field a line, blank lines between people"
    ),
    (
      "text/prose.txt",
      "Chinese prose full of surname-initial words (高中, 周末, 黄金, 江苏, 张家港, 和平, 安全…) and harmless numbers (prices, years, service numbers, postcodes), with a few real values inside sentences"
    ),
    (
      "text/decoys.txt",
      "hard negatives only: snowflake ids, ms timestamps, epochs, order numbers, UUIDs with an all-digit last group, md5/sha1/sha256 with digit stretches, coordinates and decimals, USCC codes (with letters and all-digit, valid mod 31), IMEIs (Luhn), ICCIDs (8986…), version strings, phone-shaped runs inside longer digit runs, 11-digit numbers starting 10/12, service numbers, postcodes; none stands after a header of a category or record kind (no 订单号, 坐标, IMEI, ICCID or 统一社会信用代码 key)"
    ),
    (
      "csv/hotel_checkins.csv",
      "hotel guest register (序号,旅馆名称,房号,姓名,性别,民族,出生日期,证件类型,证件号码,手机号,户籍地址,入住时间,退房时间,车牌号): 旅馆名称, 房号, 入住时间 and 退房时间 are lodging-record headers (an empty 退房时间 is a guest still in, not labelled); 证件号码 holds resident IDs, passports, 回乡证 (H/M + 8), 港澳通行证 (C + 8), foreign permanent residence IDs and officer IDs after a 证件类型 column; some guests have a plate"
    ),
    (
      "csv/cdr.tsv",
      "tab-separated call detail records (主叫号码, 被叫号码, 通话时间, 通话时长, 基站: every value a `call_detail_record`; the phone numbers are also labelled `cn_mobile` or `cn_landline`, service numbers only as call records), the subscriber's IMSI and IMEI (`telecom_account_opening`, one subscriber with an unused MNC, one with a Luhn-failing IMEI), and a 15-digit bill serial that is not an IMEI (decoy)"
    ),
    (
      "csv/vehicles.csv",
      "ANPR checkpoint passes (过车时间,卡口,方向,号牌号码,号牌种类,车辆型号,车身颜色,经度,纬度): 过车时间, 卡口, 经度 and 纬度 are location-trace headers; plates in every written form (`粤B12345`, `粤BD12345`, `粤B12345D`, `粤B·12345`, `京A-12345`, `粤B 12345`), three breaking the serial rules; model numbers, some shaped like a plate without its province (`A12345`, decoys)"
    ),
    (
      "jsonl/orders.jsonl",
      "shop orders: 订单号/ddh, 交易时间/jysj, 交易金额/jyje (a JSON number under the Chinese key, a string under the pinyin one) and 快递单号/运单号 are transaction headers; receiver name/phone/address; buyer QQ numbers under `qq` and QQ mailboxes (`NNN@qq.com`, labelled only as e-mail); the shop's USCC; item ids shaped like QQ numbers (decoys)"
    ),
    (
      "jsonl/messages.jsonl",
      "message export: text messages (from/to mobiles, 短信内容 or dxnr), WeChat chats (微信号 or wxid, 聊天记录) and shared locations (wxid, lng and lat as JSON numbers)"
    ),
    (
      "jsonl/candidates.jsonl",
      "job applicants with pinyin keys (xm, xb, nl, csrq, mz, hyzk, xl, jg = 籍贯, gzdw, zw, gzjl = résumé), contacts with QQ (the e-mail is then often the QQ mailbox) and WeChat, some passports and permits (passport, 回乡证号, 台胞证号, 永久居留证号), a login with its password (plain or an MD5 digest); two implausible ages and two impossible birth dates"
    ),
    (
      "sql/bank.sql",
      "mysqldump-style dump of a bank: `t_customer` (every soft category, résumé, ID, mobile, 银行账号, 余额, 存款, 房产证号, 支付密码), `t_credit` (逾期金额, 信用评分, 授信额度), `t_company` (统一社会信用代码 with two wrong check characters, 联系人 and phone, 对公账号) and `t_txn` (银行账号, 交易时间, 交易金额, 余额); the meaning of each column is its Chinese COMMENT; NULLs are not labelled"
    ),
    (
      "text/documents.txt",
      "`key：value` blocks, one per person: name and a random selection of passports, 回乡证, 港澳通行证, 台胞证 (8 digits, recognisable only by its key), foreign permanent residence IDs, officer IDs, plates, QQ (and QQ mailboxes), WeChat ids, bank accounts, SIM data (SIM卡号/ICCID, IMSI, IMEI/串号), passwords, résumés, and record fields (诊断/病历/过敏史, 短信内容/聊天记录, 信用评分/逾期金额/授信额度, 房产证号/存款/余额, 旅馆名称/入住时间/房号, 主叫号码/通话时长, 坐标/定位, 订单号/快递单号/交易金额, 统一社会信用代码); one invalid value of each checkable kind"
    ),
    (
      "text/strong_forms.txt",
      "strong identifiers as they are really typed, one a line: full-width digits (IDs, mobiles, cards in groups, `（0755）` landlines, `＋８６－` mobiles, card-like ID groups, a full-width local number after an ASCII area code), `+86 138-1234-5678`, `86` without `+`, a trunk `0` before a mobile, IDs in 4-4-4-4-2 groups, card groups two spaces apart, 2023 foreign permanent residence IDs (18 digits, leading 9) under their header or a 证件号码 key, resident IDs of people born 1880-1899, and 17-digit 601428 cards that fail Luhn next to 卡号; decoys: 19-digit order numbers and ids on the short BINs 103, 9558 and 95599 that fail Luhn"
    ),
    (
      "text/notes.txt",
      "free-text notes: names after the cue words 姓名, 联系人, 收件人, 收货人, 户主, 机主, 持卡人, 患者 (followed by `：`, `:`, 是, 为, 叫, a space or nothing), officer IDs in sentences; decoys: product codes shaped like passports and permits (`E12345678`, `G…`, `C…`, `H…`), model numbers shaped like plates (`A12345`), weak-password words in prose, QQ-shaped ticket numbers, 15-digit serials that are not IMEIs, and cue words followed by words that are not names (`收件人信息`, `持卡人本人`)"
    ),
    (
      "xlsx/employees.xlsx",
      "a real OOXML workbook (zip of STORED entries, fixed timestamps): sheet `员工信息` with a Chinese header row (工号, 姓名, 性别, 出生日期, 年龄, 民族, 身份证号, 手机号, 邮箱, QQ, 微信号, 学历, 婚姻状况, 工作单位, 职务, 工作经历, 家庭住址, 户籍地址, 护照号码, 港澳通行证, 台胞证号, 车牌号), cells as shared strings, some inline strings (names, résumés) and numbers (ages, some QQ numbers); sheet `体检记录` (工号, 姓名, 日期, 诊断, 过敏史) in inline strings and shared strings. Labels carry `member` (the sheet), `line` = row, `column` = column index. Staff numbers `E` + 8 digits under 工号 are decoys"
    ),
  ]

  func documents() -> [LabelledText] {
    [
      context.customersCSV(rows: 100),
      context.membersPinyinCSV(rows: 100),
      context.sqlDump(userTuples: 110, orderTuples: 120, loginTuples: 120),
      context.usersJSONL(lines: 100),
      context.appLog(lines: 300),
      context.comboList(lines: 220),
      context.profiles(people: 30),
      context.prose(lines: 150),
      context.decoyFile(lines: 260),
      context.hotelCheckinsCSV(rows: 40),
      context.callDetailRecordsTSV(rows: 40),
      context.vehiclePassesCSV(rows: 40),
      context.ordersJSONL(lines: 42),
      context.messagesJSONL(lines: 50),
      context.candidatesJSONL(lines: 36),
      context.bankSQL(customers: 26, companies: 24, transactions: 24),
      context.documentsText(people: 60),
      context.strongForms(lines: 160),
      context.notesText(lines: 110),
      context.employeesWorkbook(rows: 30),
    ] + context.profileDocuments()
  }

  func write(to dir: URL) throws {
    let fm = FileManager.default
    let docs = documents()
    var labels: [Label] = []
    var decoys: [DecoyLabel] = []
    for doc in docs {
      let url = dir.appendingPathComponent("data").appendingPathComponent(doc.path)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(doc.bytes).write(to: url)
      labels += doc.labels
      decoys += doc.decoys
    }
    // (Two labels may share a position: a value and the record kind of its column.)
    labels.sort {
      ($0.path, $0.member ?? "", $0.line, $0.column, $0.category)
        < ($1.path, $1.member ?? "", $1.line, $1.column, $1.category)
    }
    decoys.sort {
      ($0.path, $0.member ?? "", $0.line, $0.column) < (
        $1.path, $1.member ?? "", $1.line, $1.column
      )
    }
    // Labels hold every raw value, so they live beside data/, never inside it: a scan of
    // samples/data finds only what was planted.
    let labelDirectory = dir.appendingPathComponent("labels")
    try fm.createDirectory(at: labelDirectory, withIntermediateDirectories: true)
    try Data(labels.map { $0.json + "\n" }.joined().utf8).write(
      to: labelDirectory.appendingPathComponent("labels.jsonl"))
    try Data(decoys.map { $0.json + "\n" }.joined().utf8).write(
      to: labelDirectory.appendingPathComponent("decoys.jsonl"))
    try Data(readme(docs: docs, labels: labels, decoys: decoys).utf8).write(
      to: dir.appendingPathComponent("README.md"))
  }

  private func readme(docs: [LabelledText], labels: [Label], decoys: [DecoyLabel]) -> String {
    var s = """
      # Labelled samples

      **Every value in this directory is synthetic.** It was generated by `piiscan-corpus` from a
      seeded pseudo-random generator and small public vocabularies (surnames, given-name
      characters, region codes, mobile prefixes, area codes, bank BINs: see
      `Sources/piiscan-corpus/EmbeddedTables.swift` for their origins and licences). No value
      was taken from a real record. Check digits are computed so that valid values are
      structurally indistinguishable from real ones; any resemblance to a real person's
      number is chance.

      Regenerate (byte-identical) from the repository root:

      ```
      swift run -c release piiscan-corpus \(command)
      ```

      Seed `\(seed)`; reference date \(CivilDate.reference.iso) (ages); tables: \(tables.source).

      ## Label files

      - `labels/labels.jsonl`: one JSON object per planted value, sorted by path, member,
        line, column, category:
        `{"path"[,"member"],"line","column","category","value","valid"[,"reason"]}`.
        - `path` is relative to `data/`; `line` is 1-based; `column` is the 1-based
          column in characters (Unicode scalars) where the written form starts, including a
          written `+86`/`0086`/`86-` prefix and the `(` of `(0755)`.
        - In the workbook `xlsx/employees.xlsx`, `member` is the sheet name, `line` the
          row number (row 1 holds the headers) and `column` the column index (A = 1); the
          value is the cell's text as written (numbers as in `<v>`).
        - `value` is normalised: ID numbers as 18 or 15 ASCII characters with upper-case
          `X`; mobiles as 11 digits; landlines as `AREA-LOCAL` (extension dropped); bank
          cards as digits; every other category as written (trimmed): e-mails, masked
          values, soft values, passports and permits, plates with their separator
          (`粤B·12345`), QQ and WeChat ids, bank accounts, ICCID/IMSI/IMEI, passwords,
          USCC codes and record-kind values.
        - `valid:false` values carry a `reason`: `checksum` (only the check character
          changed: ID numbers, and USCC codes with letters), `birth date` (30 February,
          31 April or November, month 13, or a year 2030-2039; in ID numbers and in birth
          date fields), `region` (a province prefix no code ever used), `prefix`
          (unallocated or non-personal mobile prefix: 140, 154, 1740x…), `luhn` (bank
          cards: known 62 BIN, right length, wrong check digit; ICCIDs and IMEIs: wrong
          last digit), `known sample value` (published examples such as
          11010519491231002X and 13800138000), `implausible age` (230, 999, 180, 156, -3),
          `plate` (three letters in an ordinary 5-character serial, or an I/O letter),
          `passport format` (E-series letter I or O), `mnc` (IMSI with mobile network code
          98 or 99).
        - Masked values (`cn_resident_id_masked`, `cn_mobile_masked`) are labelled valid:
          they are well-formed masks, informational only; so is `cn_uscc` (organisations),
          labelled only under 统一社会信用代码.
        - Soft categories (`person_name_zh`, `gender`, `birth_date`, `age`, `ethnicity`,
          `marital_status`, `education`, `work_unit`, `occupation`, `resume_history`,
          `home_address`, `household_registration`) are labelled where a value stands in a
          field or after a key that names it; in `text/notes.txt` names also stand after
          the cue words 姓名, 联系人, 收件人, 收货人, 户主, 机主, 持卡人, 患者.
        - Header-only identifiers (`cn_tw_compatriot_permit`, `qq_number`, `wechat_id`,
          `cn_bank_account`, `telecom_account_opening`, `credential`) are labelled only
          under a key or column that names them (台胞证号, QQ/qq, 微信号/wxid/wechat,
          银行账号/对公账号, SIM卡号/ICCID/IMSI/IMEI/串号, 密码/password/pwd/支付密码), and
          passwords and PINs after an account in `----` combo lists. The local part of a
          `NNN@qq.com` mailbox is never labelled `qq_number`. Under 银行账号 a Luhn-valid
          number with a known card BIN is a `cn_bank_card`; `cn_bank_account` values are
          12-22 digits starting 7 or 2 (no card BIN starts so) and never Luhn-valid at
          card lengths.
        - Record kinds (`location_trace`, `communication_content`, `credit_report`,
          `property_info`, `lodging_record`, `call_detail_record`, `health_info`,
          `transaction_record`) are recognised from headers only: every non-empty value
          under such a header (or SQL column COMMENT) is labelled, as written; NULLs and
          empty cells are not. A value of another category in such a column carries both
          labels at the same position (a mobile under 主叫号码 is `cn_mobile` and
          `call_detail_record`).
      - `labels/decoys.jsonl`: every planted hard negative,
        `{"path"[,"member"],"line","column","kind","text"}`. Nothing in a decoy should be
        reported as valid personal information.

      ## Files

      The data files are under `data/`; scan them with `piiscan scan samples/data`.


      """
    let categories = Category.allCases.map(\.rawValue)
    for doc in docs {
      let description =
        (SampleSet.descriptions + SampleSet.profileDescriptions).first { $0.0 == doc.path }?.1 ?? ""
      let lineCount = doc.bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
      s += "### `\(doc.path)`\n\n\(description).\n\n"
      s += (doc.summary ?? "\(lineCount) lines, \(doc.bytes.count) bytes") + ".\n\n"
      let mine = labels.filter { $0.path == doc.path }
      if !mine.isEmpty {
        s += "| category | valid | invalid |\n|---|---:|---:|\n"
        for c in categories {
          let v = mine.filter { $0.category == c && $0.valid }.count
          let inv = mine.filter { $0.category == c && !$0.valid }.count
          if v + inv > 0 { s += "| `\(c)` | \(v) | \(inv) |\n" }
        }
        s += "\n"
      }
      let myDecoys = decoys.filter { $0.path == doc.path }
      if !myDecoys.isEmpty {
        var kinds: [String: Int] = [:]
        for d in myDecoys { kinds[d.kind, default: 0] += 1 }
        s +=
          "Decoys (\(myDecoys.count)): "
          + kinds.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value)" }.joined(
            separator: ", ") + ".\n\n"
      }
    }
    s += "## Totals\n\n| category | valid | invalid |\n|---|---:|---:|\n"
    for c in categories {
      let v = labels.filter { $0.category == c && $0.valid }.count
      let inv = labels.filter { $0.category == c && !$0.valid }.count
      if v + inv > 0 { s += "| `\(c)` | \(v) | \(inv) |\n" }
    }
    var reasons: [String: Int] = [:]
    for l in labels where !l.valid { reasons[l.reason ?? "", default: 0] += 1 }
    s +=
      "\nInvalid by reason: "
      + reasons.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value)" }.joined(separator: ", ")
      + ".\n"
    var kinds: [String: Int] = [:]
    for d in decoys { kinds[d.kind, default: 0] += 1 }
    s +=
      "\nDecoys by kind: "
      + kinds.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value)" }.joined(separator: ", ")
      + ".\n"
    s += "\n\(labels.count) labels, \(decoys.count) decoys.\n"
    s += """

      ## Verification

      The generator computes its own check digits (it does not use the scanner's
      validators). For the default seed the labels were also checked once (2026-11-29) by an
      independent Python script: every label's written form was re-read at its line and
      column and normalised to its `value`; every valid `cn_resident_id` and
      `cn_resident_id_15` passes PyPI `id-validator` 1.0.20 `is_valid`, and every ID labelled
      `checksum` or `birth date` fails it; every valid `cn_bank_card` passes a Python Luhn
      check and every `luhn` one fails it; every valid mobile has an allocated personal
      prefix; and no ID-, mobile- or card-shaped digit run is left outside the labels and
      decoys.

      The extended set (other documents, accounts, credentials, USCC, résumés and record
      kinds, the new files) was checked the same day by a second independent script:
      every label's value re-read at its line and column (in the workbook: at its sheet,
      row and column as openpyxl 3.1.5 reads the cell; the zip's CRCs pass
      `zipfile.testzip`, every entry is STORED and dated 2026-11-29 00:00); every value
      under a record-kind, telecom, QQ, WeChat, password, USCC, résumé or document header
      (CSV/TSV columns, JSON keys, SQL COMMENTs, `key：value` keys, sheet columns)
      labelled, and every non-empty workbook cell under a labelled column labelled; valid
      ICCIDs (8986, 19-20 digits) and IMEIs (15 digits) pass Luhn and the `luhn` ones fail;
      valid IMSIs have MNC 00/01/02/03/05/06/07/11; valid USCC codes pass python-stdnum 2.2
      `cn.uscc.is_valid` and the `checksum` ones fail it; passports, permits, foreign
      permanent residence IDs, officer IDs, plates (at most 2 letters in an ordinary
      serial), QQ numbers and WeChat ids match their formats exactly when valid and fail
      them when invalid; bank accounts are 12-22 digits, start with no known BIN and are
      not Luhn-valid card numbers; ages are 0-120 and birth dates real days exactly when
      valid; no QQ label sits on a mailbox's local part; and no ID-, mobile- or card-shaped
      digit run in the new files is left outside the labels and decoys.

      """
    return s
  }
}
