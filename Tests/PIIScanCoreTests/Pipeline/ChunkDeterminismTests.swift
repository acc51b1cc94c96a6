import Foundation
import Glibc
import Testing

@testable import PIIScanCore

/// Inputs that once gave different findings, notices or counts at different chunk sizes (the
/// fuzz-pipeline oracle's findings, remade here from synthetic text): each is scanned at every
/// small chunk size, a few large ones, on one and two threads and as a stream, and must give
/// exactly what one chunk gives.
@Suite struct ChunkDeterminismTests {
  static let rules = try! RuleSet.embedded()

  /// Every finding, notice and input summary of a scan, as comparable lines.
  final class Recorder: FindingSink {
    var lines: [String] = []
    /// The undecodable count of the (one) input's summary.
    var undecodable = -1

    func receive(_ batch: FindingBatch) {
      for f in batch.findings {
        lines.append(
          "\(f.offset)+\(f.length) \(f.rule.id) \(f.value) \(f.valid) L\(f.line) C\(f.column) "
            + "R\(f.record)")
      }
    }

    func receive(_ event: ScanEvent) {
      switch event {
      case .notice(_, let notice):
        lines.append("notice \(notice.kind) \(notice.message)")
      case .finished(_, let summary):
        undecodable = summary.undecodable
        lines.append("finished \(summary.bytes) \(summary.undecodable) \(summary.error == nil)")
      case .started, .described, .progress:
        break
      }
    }
  }

  static func scan(
    _ path: String, chunkSize: Int, threads: Int, kind: ScanInput.Kind = .regularFile
  ) -> Recorder {
    let configuration = ScanConfiguration(
      threads: threads, layout: ChunkLayout(chunkSize: chunkSize),
      detection: DetectionSettings(asOf: CivilDate(year: 2026, month: 11, day: 29)!))
    let recorder = Recorder()
    ScanPipeline(rules: rules, configuration: configuration).run(
      inputs: [ScanInput(path: path, kind: kind, size: nil)], sink: recorder)
    return recorder
  }

  /// The chunk sizes every input here is scanned at: all the small ones (where a window holds
  /// only part of a line or record) and a few around the context size.
  static let chunkSizes = Array(1...97) + [128, 500, 1000, 2048, 4095, 4097, 10000]

  /// The first chunking of `path` whose output differs from one chunk's, with the first line
  /// that differs; nil when all agree.
  static func firstDifference(_ path: String, sizes: [Int] = chunkSizes) -> String? {
    let want = scan(path, chunkSize: ChunkLayout.defaultChunkSize, threads: 1).lines
    var runs: [(String, Int, Int, ScanInput.Kind)] = []
    for size in sizes { runs.append(("file", size, size % 2 + 1, .regularFile)) }
    for size in [1, 7, 64, 1000] { runs.append(("stream", size, 2, .stream)) }
    for (name, size, threads, kind) in runs {
      let got = scan(path, chunkSize: size, threads: threads, kind: kind).lines
      if got == want { continue }
      for (a, b) in zip(got, want) where a != b {
        return "\(name) chunk \(size) threads \(threads): got \(a), want \(b)"
      }
      return "\(name) chunk \(size) threads \(threads): \(got.count) lines, want \(want.count)"
    }
    return nil
  }

  /// `text` in GB18030, by the C library's iconv (a reference apart from the scanner's own
  /// decoder).
  static func gb18030(_ text: String) -> [UInt8] {
    let descriptor = iconv_open("GB18030", "UTF-8")
    precondition(descriptor != iconv_t(bitPattern: -1), "no GB18030 in iconv")
    defer { iconv_close(descriptor) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
    let produced = input.withUnsafeMutableBytes { inputBytes in
      output.withUnsafeMutableBytes { outputBytes in
        var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = inputBytes.count
        var outPointer = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = outputBytes.count
        precondition(iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1)
        return outputBytes.count - outLeft
      }
    }
    return Array(output[0..<produced])
  }

  // MARK: SQL tuples left open

  /// A dump whose second INSERT has a tuple with a string never closed, followed on the same
  /// line by what looks like more tuples, then another table and its rows.
  static func damagedDump() -> String {
    var s = """
      CREATE TABLE `t_customer` (
        `cust_id` bigint NOT NULL,
        `cust_name` varchar(32) NOT NULL COMMENT '客户姓名',
        `home_addr` varchar(255) DEFAULT NULL COMMENT '家庭住址',
        `balance` decimal(16,2) DEFAULT NULL COMMENT '余额',
        `remark` text COMMENT '备注'
      ) ENGINE=InnoDB;

      """
    let rows = (0..<8).map { n in
      "(\(n),'张伟','北京市朝阳区建国路\(n)号',\(1000 + n * 37).\(10 + n),'正常')"
    }
    s += "INSERT INTO `t_customer` VALUES " + rows.joined(separator: ",") + ";\n"
    s += "INSERT INTO `t_customer` VALUES " + rows.prefix(3).joined(separator: ",")
    s += ",(9,'王芳','上海市浦东新区世纪大道9号',2525473.85,'未闭合"
    for n in 0..<12 {
      s += "),(\(20 + n),'李娜','广东省深圳市南山区科技园路\(n)号',\(1_518_999 + n).50,'x'"
    }
    s += ");\nCREATE TABLE `t_order` (\n  `order_id` bigint,\n"
    s += "  `buyer` varchar(32) COMMENT '买家姓名',\n  `amount` decimal(16,2) COMMENT '金额'\n);\n"
    s += "INSERT INTO `t_order` VALUES "
    s += (0..<20).map { "(\($0),'赵磊',\(300 + $0).25)" }.joined(separator: ",") + ";\n"
    return s
  }

  /// A string left open ends at the next tuple start: where a tuple ends depends on its own
  /// bytes, not on how far back the window that parses it begins.
  @Test func aTupleLeftOpenEndsWhereTheNextTupleStarts() {
    let path = temporaryFile("determinism-open-tuple.sql", Data(Self.damagedDump().utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let one = Self.scan(path, chunkSize: ChunkLayout.defaultChunkSize, threads: 1).lines
    // The rows after the damage are still read as rows: every amount in t_order.
    #expect(one.filter { $0.contains(".25 ") }.count == 20)
    #expect(Self.firstDifference(path) == nil)
  }

  // MARK: Long lines of mixed encodings

  /// A UTF-8 file with one line of about 4 KB that holds a few GBK names among ASCII, between
  /// long runs of UTF-8 Hanzi, and values all along it.
  static func mixedLongLine() -> [UInt8] {
    var bytes: [UInt8] = []
    func put(_ s: String) { bytes += Array(s.utf8) }
    for n in 0..<40 {
      put("客户\(n)：姓名张伟，手机号1391234\(5670 + n)，住址北京市朝阳区建国路\(n)号\n")
    }
    for n in 0..<30 { put("记录\(n)：王芳，电话1861234\(5600 + n)，备注：已核实；") }
    put(" contact name:")
    bytes += gb18030("张伟")
    put(" tel 13912345678 id 110101199003071233 " + String(repeating: "x", count: 200))
    put(" next:")
    bytes += gb18030("李娜")
    put(" 18612345678 ")
    for n in 0..<30 { put("记录\(n)：王芳，电话1861234\(5700 + n)，备注：已核实；") }
    put("\n")
    for n in 0..<5 { put("客户\(n)：姓名张伟，手机号1391234\(5670 + n)\n") }
    return bytes
  }

  /// How a long line of mixed UTF-8 and GBK decodes depends only on the stored bytes near
  /// each byte, not on how much of the line a window holds.
  @Test func aLongLineWithGBKBytesDecodesTheSameOnEveryChunking() {
    let path = temporaryFile("determinism-mixed.txt", Data(Self.mixedLongLine()))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let one = Self.scan(path, chunkSize: ChunkLayout.defaultChunkSize, threads: 1).lines
    // The mobile numbers around the GBK names are found on their line (41).
    #expect(one.contains { $0.contains(" 13912345678 ") && $0.contains(" L41 ") })
    #expect(one.contains { $0.contains(" 18612345678 ") && $0.contains(" L41 ") })
    #expect(Self.firstDifference(path) == nil)
  }

  // MARK: Cuts inside a character

  /// A line of Hanzi longer than the small chunk sizes is cut inside characters; an invalid
  /// byte about 4.5 KB on makes the windows of the chunks after the line's first few hundred
  /// bytes decoded, and those before it not. Each character is counted once in the columns
  /// whichever side of the cut is decoded.
  @Test func aCutInsideACharacterGivesItToTheChunkOfItsFirstByte() {
    var text = String(repeating: "甲乙丙丁戊己庚辛壬癸", count: 30) + " 13912345670 尾\n"
    text += String(repeating: "填充文字，", count: 240) + "\n"
    var bytes = Array(text.utf8)
    #expect(bytes.count > 4500)
    bytes += [0x61, 0xFF, 0x62, 0x0A]
    let path = temporaryFile("determinism-cut.txt", Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let one = Self.scan(path, chunkSize: ChunkLayout.defaultChunkSize, threads: 1).lines
    // 300 Hanzi and a space before the number: column 302 (counted here, not by the scanner).
    let column = text.prefix { $0 != "1" }.count + 1
    #expect(column == 302)
    #expect(one.contains { $0.contains(" 13912345670 ") && $0.contains(" L1 C\(column) ") })
    #expect(Self.firstDifference(path) == nil)
  }

  // MARK: The undecodable count

  /// A UTF-8 file with invalid bytes planted at known places: at the very start, between
  /// Hanzi, next to a U+FFFD the text itself holds (a character, not a replacement), in a long
  /// line, and a sequence cut off by the end of the file.
  static func plantedInvalid() -> (bytes: [UInt8], planted: Int) {
    var bytes: [UInt8] = [0x80]  // a continuation byte with no lead: the input's first byte
    var planted = 1
    func put(_ s: String) { bytes += Array(s.utf8) }
    for n in 0..<40 {
      put("第\(n)行：张伟，手机号1391234\(5670 + n)，")
      if n % 7 == 3 {
        bytes += [0xFF]
        planted += 1
      }
      if n % 11 == 5 {
        put("原文有\u{FFFD}字")
      }
      if n % 13 == 0 {
        put(String(repeating: "很长的一行", count: 80))
        bytes += [0xFE]
        planted += 1
        put("\u{FFFD}")
      }
      put("\n")
    }
    put("末行")
    bytes += [0xE5, 0xBC]  // the first two bytes of a three-byte character, then the end
    planted += 1
    return (bytes, planted)
  }

  /// Each replaced byte or sequence is counted once, by the chunk that holds its first byte;
  /// a U+FFFD the input holds is no replacement.
  @Test func theUndecodableCountIsWhatWasPlantedOnEveryChunking() {
    let (bytes, planted) = Self.plantedInvalid()
    let path = temporaryFile("determinism-undecodable.txt", Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let one = Self.scan(path, chunkSize: ChunkLayout.defaultChunkSize, threads: 1)
    #expect(one.undecodable == planted)
    #expect(Self.firstDifference(path) == nil)
  }
}
