import Foundation
import PIIScanCore
import Testing

/// Throughput of the two hot classifiers, for reporting, not asserting (docs/ARCHITECTURE.md,
/// Conventions: speed is never asserted in tests). Runs only with `PIISCAN_SOFT_BENCH=1`, in a
/// release build:
///
///     PIISCAN_SOFT_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter SoftBenchmark
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["PIISCAN_SOFT_BENCH"] != nil))
struct SoftBenchmark {
  static let asOf = CivilDate(year: 2026, month: 11, day: 29)!
  static let names = [
    "张三", "李小明", "欧阳娜娜", "王芳", "刘德华", "陈晓", "买买提·艾力", "周末", "高中同学", "张某",
  ].map { Array($0.utf8) }
  static let addresses = [
    "四川省遂宁市蓬溪县东风南路809号,书香门第21幢2702", "甘肃省张掖市甘州区和平中路315号书香门第5栋1单元302室",
    "江苏省淮安市洪泽区西城镇石门村", "广东深圳南山区科技园路1号", "北京市朝阳区建国路88号",
    "贵州省贵阳市南明区城南街道迎宾街912号15号楼1003室", "中山路123号", "广东省深圳市",
  ].map { Array($0.utf8) }

  static func measure(_ label: String, _ values: [[UInt8]], _ category: SoftCategory) {
    let count = 1_000_000
    var valid = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for index in 0..<count {
      if SoftClassifier.classify(values[index % values.count], expected: category, asOf: asOf)?
        .valid == true
      {
        valid += 1
      }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
    print(
      "soft-bench \(label): \(count) values, \(String(format: "%.0f", elapsed / Double(count))) ns/value (\(valid) valid)"
    )
  }

  @Test func names() { Self.measure("person_name_zh", Self.names, .personNameZh) }
  @Test func addresses() { Self.measure("home_address", Self.addresses, .homeAddress) }
  @Test func freeText() {
    let line = Array("收件人李四 广东深圳南山区科技园路1号，电话13800138000，备注：周末送货".utf8)
    let count = 200_000
    var found = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count { found += FreeTextExtractor.extract(line: line).count }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
    print(
      "soft-bench free text: \(count) lines of \(line.count) bytes, \(String(format: "%.0f", elapsed / Double(count))) ns/line (\(found) found)"
    )
  }
}
