// `xlsx/employees.xlsx`: an HR workbook with an employee sheet and a medical
// examination sheet.

extension SampleContext {
  static let employeeSheetName = "员工信息"
  static let healthSheetName = "体检记录"

  func employeesWorkbook(rows: Int) -> LabelledText {
    let path = "xlsx/employees.xlsx"
    var rng = generator(for: path)
    let headers = [
      "工号", "姓名", "性别", "出生日期", "年龄", "民族", "身份证号", "手机号", "邮箱", "QQ", "微信号", "学历",
      "婚姻状况", "工作单位", "职务", "工作经历", "家庭住址", "户籍地址", "护照号码", "港澳通行证", "台胞证号", "车牌号",
    ]
    var employees: [[SheetCell?]] = [headers.map { SheetCell.text($0) }]
    var health: [[SheetCell?]] = [["工号", "姓名", "日期", "诊断", "过敏史"].map { SheetCell.text($0) }]
    let employer =
      rng.pick(Vocabulary.tradeNames) + rng.pick(Vocabulary.industries) + "有限公司"
    for row in 2...(rows + 1) {
      let p = people.person(using: &rng, birthYears: 1962...2003)
      let staff: SheetCell =
        rng.chance(5_000)
        ? .decoy(decoys.make(.staffNumber, using: &rng), .staffNumber)
        : .text("HR" + String(10_000 + rng.below(90_000)))
      let birth: Planted =
        row == 7 || row == 23
        ? ids.invalidBirthDate(year: p.birth.year, using: &rng) : Planted(p.birth.iso, .birthDate)
      let age: Planted =
        row == 12 || row == 28 ? ids.invalidAge(using: &rng) : Planted(String(p.age), .age)
      // A QQ mailbox's number reappears under QQ (labelled there as qq_number only).
      let qq: SheetCell?
      if p.email.hasSuffix("@qq.com") || rng.chance(5_000) {
        let number =
          p.email.hasSuffix("@qq.com") ? String(p.email.dropLast(7)) : ids.qqNumber(using: &rng)
        qq = .pi(Planted(number, .qq), number: rng.chance(5_000))
      } else {
        qq = nil
      }
      let wechat: SheetCell? =
        rng.chance(6_000)
        ? .pi(ids.wechatID(surnamePinyin: p.surnamePinyin, using: &rng)) : nil
      // The employer's own name in 工作单位, or a subsidiary's.
      let unit = rng.chance(6_000) ? employer : p.workUnit
      employees.append([
        staff, .pi(Planted(p.name, .personName), inline: row % 9 == 0),
        .pi(Planted(p.gender.zh, .gender)),
        .pi(birth), .pi(age, number: age.valid), .pi(Planted(p.ethnicity, .ethnicity)),
        .pi(idCell(p, &rng, allow15: false)), .pi(mobileCell(p, &rng, styled: false)),
        .pi(Planted(p.email, .email)), qq, wechat, .pi(Planted(p.education, .education)),
        .pi(Planted(p.marital, .maritalStatus)), .pi(Planted(unit, .workUnit)),
        .pi(Planted(p.occupation, .occupation)), .pi(ids.resume(p, using: &rng), inline: true),
        .pi(Planted(p.homeAddress, .homeAddress)),
        .pi(Planted(p.household, .householdRegistration)),
        rng.chance(2_500) ? .pi(ids.passport(using: &rng)) : nil,
        rng.chance(5_500) ? .pi(ids.exitEntryPermit(using: &rng)) : nil,
        rng.chance(3_500) ? .pi(ids.taiwanCompatriotPermit(using: &rng)) : nil,
        rng.chance(3_000)
          ? .pi(row == 19 ? ids.invalidPlate(using: &rng) : ids.plate(using: &rng)) : nil,
      ])
      let day = CivilDate(daysSinceEpoch: CivilDate.reference.daysSinceEpoch - rng.int(10...300))
      health.append([
        .text(staff.text, inline: true), .pi(Planted(p.name, .personName), inline: true),
        .text(day.iso, inline: true),
        .pi(Planted(rng.pick(Vocabulary.diagnoses), .healthInfo)),
        .pi(Planted(rng.pick(Vocabulary.allergies), .healthInfo)),
      ])
    }
    // A staff-number decoy on the medical sheet is the same decoy again.
    for r in 1..<health.count {
      if let cell = employees[r][0], let kind = cell.decoy {
        health[r][0] = SheetCell(text: cell.text, storage: .inline, planted: nil, decoy: kind)
      }
    }
    let book = Workbook.build(
      path: path,
      sheets: [
        Sheet(name: SampleContext.employeeSheetName, rows: employees),
        Sheet(name: SampleContext.healthSheetName, rows: health),
      ])
    return LabelledText(
      path: path, bytes: book.bytes, labels: book.labels, decoys: book.decoys,
      summary:
        "Sheets `\(SampleContext.employeeSheetName)` (\(employees.count) rows × \(headers.count) columns) and `\(SampleContext.healthSheetName)` (\(health.count) rows × 5 columns); \(book.bytes.count) bytes"
    )
  }
}
