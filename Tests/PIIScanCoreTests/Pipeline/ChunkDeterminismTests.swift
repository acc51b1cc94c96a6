import Foundation
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
