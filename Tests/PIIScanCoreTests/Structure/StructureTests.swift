import Foundation
import Testing

@testable import PIIScanCore

@Suite struct InputFormatTests {
  func format(_ text: String) -> InputFormat {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { InputProfile.sniff(UnsafeRawBufferPointer($0)).format }
  }

  @Test func formats() {
    #expect(format("姓名,身份证号,手机号\n张三,110101199003071233,13912345670\n") == .delimited)
    #expect(format("xm\tsfzh\n张三\t110101199003071233\n") == .delimited)
    #expect(format("CREATE TABLE `t` (`id` int);\nINSERT INTO `t` VALUES (1);\n") == .sql)
    #expect(format("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n") == .jsonLines)
    #expect(format("[\n  {\"a\": 1}\n]\n") == .json)
    #expect(format("姓名：张三\n性别：男\n手机号:13912345670\n\n姓名：李四\n") == .keyValue)
    #expect(format("今天天气很好，我们去了公园。\n下午三点回家。\n") == .text)
  }
}

@Suite struct SQLSchemaTests {
  static let dump = """
    CREATE TABLE IF NOT EXISTS `db`.`t_user` (
      `id` int NOT NULL AUTO_INCREMENT,
      `xm` varchar(32) DEFAULT NULL COMMENT '姓名, 中文',
      `sfzh` char(18),
      PRIMARY KEY (`id`),
      KEY `idx_sfzh` (`sfzh`)
    ) ENGINE=InnoDB;
    INSERT INTO `t_user` VALUES (1,'张三','110101199003071233');
    insert into t_order (id, buyer_mobile) values (9, '13912345670');

    """

  @Test func tablesAndInserts() {
    var schema = SQLSchema()
    var bytes = Array(Self.dump.utf8)
    bytes.withUnsafeMutableBytes { schema.scan(UnsafeRawBufferPointer($0), base: 100) }
    #expect(
      schema.tables["t_user"]?.map { String(decoding: $0.name, as: UTF8.self) } == [
        "id", "xm", "sfzh",
      ])
    #expect(
      schema.tables["t_user"]?.map { String(decoding: $0.comment, as: UTF8.self) } == [
        "", "姓名, 中文", "",
      ])
    #expect(schema.inserts.count == 2)
    let second = schema.inserts[1]
    #expect(second.table == "t_order")
    #expect(
      second.columns?.map { String(decoding: $0.name, as: UTF8.self) } == ["id", "buyer_mobile"])
    #expect(schema.columns(at: second.offset + 5)?.count == 2)
    #expect(schema.columns(at: schema.inserts[0].offset + 1)?.count == 3)
    #expect(schema.columns(at: 0) == nil)
  }
}

@Suite struct RecordFormatLocateTests {
  func locate(_ text: String, at marker: String) -> (record: Int64?, field: String?) {
    var bytes = Array(text.utf8)
    let position =
      text.utf8.count - text.components(separatedBy: marker).last!.utf8.count - marker.utf8.count
    return bytes.withUnsafeMutableBytes { raw in
      let window = UnsafeRawBufferPointer(raw)
      let profile = InputProfile.sniff(window)
      let context = profile.locate(position, in: ByteWindow(bytes: window))
      return (context.record, context.field.map { String(decoding: $0, as: UTF8.self) })
    }
  }

  @Test func csvColumnHeader() {
    let text = "xm,SFZH,sjhm\n\"张,三\",110101900230123,13912345670\n"
    #expect(locate(text, at: "110101900230123").field == "sfzh")
    #expect(locate(text, at: "13912345670").field == "sjhm")
    #expect(locate(text, at: "13912345670").record == 13)
  }

  @Test func sqlTupleColumnsAndRecords() {
    let text =
      SQLSchemaTests.dump
      + "INSERT INTO `t_user` VALUES (2,'O\\'Brien, (x)','110101900230123'),(3,'李四','13912345670');\n"
    let first = locate(text, at: "110101900230123")
    #expect(first.field == "sfzh ")
    let second = locate(text, at: "13912345670")
    #expect(second.field == "sfzh ")
    #expect(first.record != nil && second.record != nil && first.record != second.record)
    #expect(locate(text, at: "'13912345670'").record == second.record)
    #expect(locate(SQLSchemaTests.dump, at: "13912345670").field == "buyer_mobile ")
  }

  @Test func jsonKeysAndObjects() {
    let text =
      "{\"id\":1,\"contact\":{\"mobile\":\"13912345670\",\"remark\":\"手机18612345678\"}}\n{\"id\":2}\n{\"id\":3}\n"
    #expect(locate(text, at: "13912345670").field == "mobile")
    #expect(locate(text, at: "18612345678").field == "remark")
    #expect(locate(text, at: "13912345670").record == 0)
  }

  @Test func keyValueKeysAndBlocks() {
    let text = "姓名：张三\n手机号:13912345670\n\n姓名：李四\n身份证号码： 110101900230123\n"
    #expect(locate(text, at: "13912345670").field == "手机号")
    #expect(locate(text, at: "13912345670").record == 0)
    let second = locate(text, at: "110101900230123")
    #expect(second.field == "身份证号码")
    #expect(second.record == Int64(Array("姓名：张三\n手机号:13912345670\n\n".utf8).count))
  }
}

/// Column context reaches values in SQL tuples, also past the 64 KiB the profile reads and
/// whatever the chunk size.
@Suite struct SQLContextThroughPipelineTests {
  @Test func fifteenDigitIDInAnSfzhColumnIsReportedEvenWhenInvalid() throws {
    var text = SQLSchemaTests.dump
    // Push the interesting statement past the sniffed prefix.
    for n in 0..<2000 { text += "INSERT INTO `t_user` VALUES (\(n),'张三','no id');\n" }
    text += "CREATE TABLE `t_member` (`uid` int, `sfzh` varchar(18), `memo` text);\n"
    text += "INSERT INTO `t_member` VALUES (1,'110101900230123','x'),(2,'x','110101900230123');\n"
    #expect(text.utf8.count > InputProfile.sniffLength)
    let path = temporaryFile("sql.sql", Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let rules = try RuleSet.embedded()
    var results: [[String]] = []
    for chunkSize in [64, 4096, ChunkLayout.defaultChunkSize] {
      for kind in [ScanInput.Kind.regularFile, .stream] {
        let collector = CollectingSink()
        ScanPipeline(
          rules: rules,
          configuration: ScanConfiguration(
            threads: 2, layout: ChunkLayout(chunkSize: chunkSize),
            detection: DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!))
        ).run(inputs: [ScanInput(path: path, kind: kind, size: nil)], sink: collector)
        results.append(collector.lines)
      }
    }
    // The dump's own ID and mobile, then only the value in the sfzh column (invalid:
    // 30 February), not the same digits in the memo column.
    let ids = results[0].filter { $0.contains("110101900230123") }
    let findings = results[0].filter { !$0.hasPrefix("notice") && !$0.hasPrefix("error") }
    #expect(findings.filter { !$0.contains("张三") }.count == 3)
    #expect(ids.count == 1)
    #expect(ids.first?.contains("110101900230123 false") == true)
    for other in results { #expect(other == results[0]) }
  }
}
