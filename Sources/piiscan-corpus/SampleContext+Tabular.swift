// The structured sample files: CSV with Chinese and pinyin headers, a MySQL dump
// and JSON Lines.

extension SampleContext {
  /// `csv/customers.csv`: a customer export with Chinese headers. Quoted fields hold
  /// commas; some remarks hold newlines (with a phone number on the second line).
  func customersCSV(rows: Int) -> LabelledText {
    let path = "csv/customers.csv"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    doc.csvRow(
      "序号,姓名,性别,民族,出生日期,年龄,身份证号,手机号,固定电话,银行卡号,开户行,邮箱,家庭住址,户籍所在地,工作单位,职业,学历,婚姻状况,备注"
        .split(separator: ",").map { plainText(String($0)) })
    for row in 1...rows {
      let p = person(&rng)
      let id = idCell(p, &rng, allow15: true)
      var idPieces = plantedValue(id)
      if id.valid && id.category == .residentID && rng.chance(400) {
        idPieces = [.text("'")] + idPieces  // Excel text marker
      }
      let landline: [Piece] = rng.chance(5_500) ? plantedValue(landlineCell(p, &rng)) : []
      let card: [Piece] = rng.chance(8_000) ? plantedValue(cardCell(p, &rng)) : []
      let email: [Piece] = rng.chance(7_000) ? plantedValue(Planted(p.email, .email)) : []
      var address = p.homeAddress
      if rng.chance(1_000), let cut = address.firstIndex(where: { $0 == "号" }) {
        address.insert(contentsOf: ",", at: address.index(after: cut))  // "…8号,阳光花园3栋…"
      }
      var remark: [Piece] = []
      switch rng.below(20) {
      case 0:
        let other = person(&rng)
        remark =
          [.text("紧急联系人：")] + soft(.personName, other.name) + [.text("\n电话：")]
          + plantedValue(plants.mobile(other.mobile, style: .plain))
      case 1: remark = plainText("VIP客户,优先处理")
      case 2:
        remark =
          [.text("已核实,原手机号")] + plantedValue(plants.maskedMobile(p.mobile, using: &rng)) + [
            .text("停用")
          ]
      case 3:
        remark = [.text("关联订单 ")] + [.decoy(decoys.make(.orderNumber, using: &rng), .orderNumber)]
      case 4: remark = plainText("客户要求\"勿电话联系\"")
      case 5: remark = plainText("多次投诉\n已转客服主管\n待回访")
      default: break
      }
      doc.csvRow([
        plainText(String(row)), soft(.personName, p.name), soft(.gender, p.gender.zh),
        soft(.ethnicity, p.ethnicity),
        plantedValue(plants.birthDate(p.birth, using: &rng)), soft(.age, String(p.age)), idPieces,
        plantedValue(mobileCell(p, &rng)),
        landline, card, card.isEmpty ? [] : plainText(p.bank), email, soft(.homeAddress, address),
        soft(.householdRegistration, p.household), soft(.workUnit, p.workUnit),
        soft(.occupation, p.occupation),
        soft(.education, p.education), soft(.maritalStatus, p.marital), remark,
      ])
    }
    return doc
  }

  /// `csv/members_pinyin.csv`: pinyin-initial headers (GA/T 543 style), every field
  /// quoted, first-generation 15-digit IDs for older members.
  func membersPinyinCSV(rows: Int) -> LabelledText {
    let path = "csv/members_pinyin.csv"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    doc.csvRow(
      "id,xm,xb,csrq,nl,mz,sfzh,sjhm,gddh,yhkh,khh,dzyx,jtzz,hjdz,gzdw,zy,xl,hyzk,zcsj"
        .split(separator: ",").map { plainText(String($0)) }, quoteAll: true)
    let start = CivilDate(year: 2019, month: 3, day: 1).daysSinceEpoch
    for row in 1...rows {
      let p = person(&rng)
      let id: Planted
      if let id15 = p.id15, rng.chance(3_500) {
        id =
          rng.chance(2_000) ? plants.invalidResidentID15(using: &rng) : Planted(id15, .residentID15)
      } else {
        id = idCell(p, &rng, allow15: false)
      }
      let registered = CivilDate(daysSinceEpoch: start + row * 9 + rng.below(9))
      let time =
        registered.iso + " " + pad(rng.below(24), 2) + ":" + pad(rng.below(60), 2) + ":"
        + pad(rng.below(60), 2)
      doc.csvRow(
        [
          plainText(String(100_000 + row)), soft(.personName, p.name), soft(.gender, p.gender.zh),
          soft(.birthDate, p.birth.compact), soft(.age, String(p.age)),
          soft(.ethnicity, p.ethnicity), plantedValue(id),
          plantedValue(mobileCell(p, &rng, styled: false)),
          rng.chance(4_000) ? plantedValue(landlineCell(p, &rng)) : [],
          plantedValue(cardCell(p, &rng, spaced: false)), plainText(p.bank),
          plantedValue(Planted(p.email, .email)),
          soft(.homeAddress, p.homeAddress), soft(.householdRegistration, p.household),
          soft(.workUnit, p.workUnit), soft(.occupation, p.occupation),
          soft(.education, p.education),
          soft(.maritalStatus, p.marital), plainText(time),
        ], quoteAll: true)
    }
    return doc
  }

  /// `sql/dump.sql`: a mysqldump-style dump: three tables, extended inserts with dozens
  /// of tuples per line, strings with backslash escapes and doubled quotes.
  func sqlDump(userTuples: Int, orderTuples: Int, loginTuples: Int) -> LabelledText {
    let path = "sql/dump.sql"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    doc.write(
      """
      -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
      --
      -- Host: 127.0.0.1    Database: crm_prod
      -- ------------------------------------------------------
      -- Server version\t8.0.36
      -- SYNTHETIC TEST DATA generated by piiscan-corpus: no real person.

      /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
      /*!50503 SET NAMES utf8mb4 */;
      /*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
      /*!40103 SET TIME_ZONE='+08:00' */;
      /*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

      --
      -- Table structure for table `t_user`
      --

      DROP TABLE IF EXISTS `t_user`;
      CREATE TABLE `t_user` (
        `id` bigint NOT NULL AUTO_INCREMENT,
        `user_name` varchar(64) NOT NULL COMMENT '登录名',
        `real_name` varchar(32) DEFAULT NULL COMMENT '姓名',
        `sex` varchar(2) DEFAULT NULL COMMENT '性别',
        `birthday` date DEFAULT NULL COMMENT '出生日期',
        `id_card` varchar(18) DEFAULT NULL COMMENT '身份证号',
        `mobile` varchar(20) DEFAULT NULL COMMENT '手机号',
        `tel` varchar(20) DEFAULT NULL COMMENT '固定电话',
        `email` varchar(64) DEFAULT NULL COMMENT '邮箱',
        `bank_card` varchar(32) DEFAULT NULL COMMENT '银行卡号',
        `address` varchar(255) DEFAULT NULL COMMENT '家庭住址',
        `company` varchar(128) DEFAULT NULL COMMENT '工作单位',
        `education` varchar(16) DEFAULT NULL COMMENT '学历',
        `marital_status` varchar(8) DEFAULT NULL COMMENT '婚姻状况',
        `remark` text COMMENT '备注',
        `created_at` datetime DEFAULT NULL,
        PRIMARY KEY (`id`),
        UNIQUE KEY `uk_user_name` (`user_name`)
      ) ENGINE=InnoDB AUTO_INCREMENT=\(10_001 + userTuples) DEFAULT CHARSET=utf8mb4 COMMENT='用户表';

      --
      -- Dumping data for table `t_user`
      --

      LOCK TABLES `t_user` WRITE;
      /*!40000 ALTER TABLE `t_user` DISABLE KEYS */;

      """)
    var users: [Person] = []
    var written = 0
    while written < userTuples {
      let n = min(userTuples - written, rng.int(18...30))
      doc.write("INSERT INTO `t_user` VALUES ")
      for k in 0..<n {
        let p = person(&rng)
        users.append(p)
        let uid = 10_001 + written + k
        if k > 0 { doc.write(",") }
        doc.write("(\(uid),")
        sqlString(
          &doc,
          plainText(p.surnamePinyin.isEmpty ? "user\(uid)" : p.surnamePinyin + String(uid % 977)))
        doc.write(",")
        sqlString(&doc, soft(.personName, p.name))
        doc.write(",")
        sqlString(&doc, soft(.gender, p.gender.zh))
        doc.write(",")
        sqlString(&doc, soft(.birthDate, p.birth.iso))
        doc.write(",")
        sqlString(&doc, plantedValue(idCell(p, &rng)))
        doc.write(",")
        sqlString(&doc, plantedValue(mobileCell(p, &rng, styled: rng.chance(3_000))))
        doc.write(",")
        if rng.chance(3_500) {
          sqlString(&doc, plantedValue(landlineCell(p, &rng)))
        } else {
          doc.write("NULL")
        }
        doc.write(",")
        sqlString(&doc, plantedValue(Planted(p.email, .email)))
        doc.write(",")
        if rng.chance(7_000) {
          sqlString(&doc, plantedValue(cardCell(p, &rng, spaced: false)))
        } else {
          doc.write("''")
        }
        doc.write(",")
        sqlString(&doc, soft(.homeAddress, p.homeAddress))
        doc.write(",")
        sqlString(&doc, soft(.workUnit, p.workUnit))
        doc.write(",")
        sqlString(&doc, soft(.education, p.education))
        doc.write(",")
        sqlString(&doc, soft(.maritalStatus, p.marital))
        doc.write(",")
        switch rng.below(12) {
        case 0: sqlString(&doc, plainText("客户说'周末'再联系\n备注人: O'Neil"))
        case 1:
          sqlString(
            &doc,
            [.text("备用号码:")] + plantedValue(plants.mobile(person(&rng).mobile, style: .dashed)))
        case 2: sqlString(&doc, plainText("路径 C:\\data\\export\\2026"))
        case 3: doc.write("'老客户''推荐'")  // a doubled quote, as some dumpers write it
        case 4:
          sqlString(
            &doc, [.text("证件已更新，旧证")] + plantedValue(plants.maskedResidentID(p, using: &rng)))
        default: doc.write("NULL")
        }
        let d = CivilDate(
          daysSinceEpoch: CivilDate(year: 2020, month: 1, day: 1).daysSinceEpoch + rng.below(2400))
        doc.write(
          ",'\(d.iso) \(pad(rng.below(24), 2)):\(pad(rng.below(60), 2)):\(pad(rng.below(60), 2))')")
      }
      doc.write(";\n")
      written += n
    }
    doc.write(
      """
      /*!40000 ALTER TABLE `t_user` ENABLE KEYS */;
      UNLOCK TABLES;

      --
      -- Table structure for table `t_order`
      --

      DROP TABLE IF EXISTS `t_order`;
      CREATE TABLE `t_order` (
        `order_no` varchar(32) NOT NULL COMMENT '订单号',
        `user_id` bigint NOT NULL,
        `receiver` varchar(32) DEFAULT NULL COMMENT '收货人',
        `receiver_mobile` varchar(20) DEFAULT NULL COMMENT '收货人手机',
        `receiver_addr` varchar(255) DEFAULT NULL COMMENT '收货地址',
        `amount` decimal(12,2) DEFAULT NULL,
        `trade_no` bigint DEFAULT NULL COMMENT '支付流水',
        `pay_time_ms` bigint DEFAULT NULL,
        PRIMARY KEY (`order_no`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='订单表';

      LOCK TABLES `t_order` WRITE;

      """)
    written = 0
    while written < orderTuples {
      let n = min(orderTuples - written, rng.int(20...40))
      doc.write("INSERT INTO `t_order` VALUES ")
      for k in 0..<n {
        if k > 0 { doc.write(",") }
        let u = users[rng.below(users.count)]
        doc.write("(")
        // `order_no` is commented 订单号: a transaction record, labelled (not a decoy).
        sqlString(
          &doc, plantedValue(Planted(decoys.make(.orderNumber, using: &rng), .transactionRecord)))
        doc.write(",\(10_001 + rng.below(users.count)),")
        sqlString(&doc, soft(.personName, u.name))
        doc.write(",")
        sqlString(&doc, plantedValue(mobileCell(u, &rng, styled: false)))
        doc.write(",")
        sqlString(&doc, soft(.homeAddress, u.homeAddress))
        // `amount` and `trade_no` (支付流水) are transaction fields too: labelled.
        let amount = "\(rng.int(1...9999)).\(pad(rng.below(100), 2))"
        doc.write(",")
        doc.plant(Planted(amount, .transactionRecord))
        doc.write(",")
        doc.plant(Planted(decoys.make(.snowflake, using: &rng), .transactionRecord))
        doc.write(",")
        doc.decoy(decoys.make(.msTimestamp, using: &rng), .msTimestamp)
        doc.write(")")
      }
      doc.write(";\n")
      written += n
    }
    doc.write(
      """
      UNLOCK TABLES;

      --
      -- Table structure for table `t_login_log`
      --

      DROP TABLE IF EXISTS `t_login_log`;
      CREATE TABLE `t_login_log` (
        `id` bigint NOT NULL AUTO_INCREMENT,
        `account` varchar(64) DEFAULT NULL COMMENT '登录账号',
        `ip` varchar(45) DEFAULT NULL,
        `imei` varchar(20) DEFAULT NULL,
        `login_at` int unsigned DEFAULT NULL COMMENT 'unix time',
        `session` char(36) DEFAULT NULL,
        PRIMARY KEY (`id`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

      LOCK TABLES `t_login_log` WRITE;

      """)
    written = 0
    while written < loginTuples {
      let n = min(loginTuples - written, rng.int(25...45))
      doc.write("INSERT INTO `t_login_log` VALUES ")
      for k in 0..<n {
        if k > 0 { doc.write(",") }
        let u = users[rng.below(users.count)]
        doc.write("(\(written + k + 1),")
        if rng.chance(5_000) {
          sqlString(&doc, plantedValue(plants.mobile(u.mobile, style: .plain)))
        } else {
          sqlString(&doc, plantedValue(Planted(u.email, .email)))
        }
        doc.write(",'10.\(rng.below(256)).\(rng.below(256)).\(rng.int(1...254))',")
        // An `imei` column: account-opening data (labelled), not a decoy.
        sqlString(
          &doc, plantedValue(Planted(decoys.make(.imei, using: &rng), .telecomAccountOpening)))
        doc.write(",")
        doc.decoy(decoys.make(.epoch, using: &rng), .epoch)
        doc.write(",")
        sqlString(&doc, [.decoy(decoys.make(.uuid, using: &rng), .uuid)])
        doc.write(")")
      }
      doc.write(";\n")
      written += n
    }
    doc.write(
      """
      UNLOCK TABLES;
      /*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
      /*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
      /*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;

      -- Dump completed on 2026-11-29  3:00:00

      """)
    return doc
  }

  private func sqlString(_ doc: inout LabelledText, _ pieces: [Piece]) {
    if pieces.isEmpty {
      doc.write("NULL")
      return
    }
    doc.write("'")
    doc.write(pieces, escape: Escape.sql)
    doc.write("'")
  }

  /// `jsonl/users.jsonl`: one user per line, nested objects, keys in English and pinyin.
  func usersJSONL(lines: Int) -> LabelledText {
    let path = "jsonl/users.jsonl"
    var rng = generator(for: path)
    var doc = LabelledText(path: path)
    func str(_ pieces: [Piece]) {
      doc.write("\"")
      doc.write(pieces, escape: Escape.json)
      doc.write("\"")
    }
    for i in 0..<lines {
      let p = person(&rng)
      doc.write("{\"uid\":\(2_000_001 + i),\"xm\":")
      str(soft(.personName, p.name))
      doc.write(",\"profile\":{\"gender\":")
      str(soft(.gender, p.gender.zh))
      doc.write(",\"birthday\":")
      str(plantedValue(plants.birthDate(p.birth, using: &rng)))
      doc.write(",\"age\":")
      doc.write(soft(.age, String(p.age)))
      doc.write(",\"mz\":")
      str(soft(.ethnicity, p.ethnicity))
      doc.write(",\"hyzk\":")
      str(soft(.maritalStatus, p.marital))
      doc.write(",\"education\":")
      str(soft(.education, p.education))
      doc.write("},\"cert\":{\"type\":\"身份证\",\"sfzh\":")
      str(plantedValue(idCell(p, &rng)))
      doc.write("},\"contact\":{")
      if rng.chance(1_500) {
        let second = people.mobileNumber(using: &rng)
        doc.write("\"phones\":[")
        str(plantedValue(plants.mobile(p.mobile, using: &rng)))
        doc.write(",")
        str(plantedValue(plants.mobile(second, style: .plain)))
        doc.write("]")
      } else {
        doc.write("\"mobile\":")
        str(plantedValue(mobileCell(p, &rng)))
      }
      if rng.chance(4_000) {
        doc.write(",\"tel\":")
        str(plantedValue(landlineCell(p, &rng)))
      }
      doc.write(",\"email\":")
      str(plantedValue(Planted(p.email, .email)))
      doc.write(",\"address\":{\"home\":")
      str(soft(.homeAddress, p.homeAddress))
      doc.write(",\"hjdz\":")
      str(soft(.householdRegistration, p.household))
      doc.write("}},\"job\":{\"gzdw\":")
      str(soft(.workUnit, p.workUnit))
      doc.write(",\"occupation\":")
      str(soft(.occupation, p.occupation))
      doc.write("}")
      if rng.chance(6_000) {
        doc.write(",\"bank\":{\"yhkh\":")
        str(plantedValue(cardCell(p, &rng)))
        doc.write(",\"khh\":")
        str(plainText(p.bank))
        doc.write("}")
      }
      if rng.chance(1_000) {
        doc.write(",\"masked\":{\"sfzh\":")
        str(plantedValue(plants.maskedResidentID(p, using: &rng)))
        doc.write(",\"sjhm\":")
        str(plantedValue(plants.maskedMobile(p.mobile, using: &rng)))
        doc.write("}")
      }
      doc.write(",\"trace_id\":")
      str([.decoy(decoys.make(.uuid, using: &rng), .uuid)])
      // Under `imei` and `iccid` keys these are account-opening data (labels), not decoys.
      doc.write(",\"device\":{\"imei\":")
      str(plantedValue(Planted(decoys.make(.imei, using: &rng), .telecomAccountOpening)))
      doc.write(",\"iccid\":")
      str(plantedValue(Planted(decoys.make(.iccid, using: &rng), .telecomAccountOpening)))
      doc.write("},\"created_ms\":")
      doc.decoy(decoys.make(.msTimestamp, using: &rng), .msTimestamp)
      doc.write(",\"tags\":[\"\(rng.pick(["vip", "new", "risk", "normal", "普通", "黄金会员"]))\"]}\n")
    }
    return doc
  }
}
