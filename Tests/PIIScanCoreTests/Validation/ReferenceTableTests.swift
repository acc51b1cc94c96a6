import Foundation
import Testing

@testable import PIIScanCore

@Suite struct ReferenceTableTests {
  static let embeddedTables = [
    RegionCodeTable.embeddedPath, MobilePrefixTable.embeddedPath, LandlineAreaCodes.embeddedPath,
    BankBINTable.embeddedPath, KnownSampleValues.embeddedPath,
  ]

  // MARK: Provenance

  @Test(arguments: embeddedTables)
  func everyTableStartsWithItsProvenance(_ path: String) throws {
    let text = try #require(EmbeddedPatterns.text(path))
    let comments = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: "\n")
    #expect(comments.contains("Origin:"), "\(path)")
    #expect(comments.contains("Licence:"), "\(path)")
    #expect(comments.contains("Copied: 2026-11-29"), "\(path)")
    #expect(comments.contains("Derived:"), "\(path)")
    #expect(!text.contains("\r"), "\(path) must use \\n line ends")
    #expect(text.hasSuffix("\n"))
  }

  @Test func readmeListsEveryTable() throws {
    // README.md is not embedded (only *.toml and *.tsv are): read it from the source tree.
    let path = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Patterns/tables/README.md").path
    let readme = try String(contentsOfFile: path, encoding: .utf8)
    for path in Self.embeddedTables {
      #expect(readme.contains(String(path.dropFirst("tables/".count))), "\(path)")
    }
  }

  // MARK: Parse errors name the table and the line

  func error(_ body: () throws -> Void) -> TableParseError? {
    do {
      try body()
      return nil
    } catch let error as TableParseError {
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  let regionHeader = "code\tname\tlevel\tfirst_year\tlast_year\tcurrent\n"

  @Test func goodSmallRegionTable() throws {
    let table = try RegionCodeTable(
      tsv: "# comment\n" + regionHeader + "110000\t北京市\tprovince\t1980\tcurrent\tY\n"
        + "110101\t东城区\tcounty\t1980\tcurrent\tY\r\n\n# trailing comment\n")
    #expect(table.count == 2)
    #expect(table.region(code: 110101)?.name == "北京市东城区")
  }

  @Test func regionErrors() {
    let bad = error {
      _ = try RegionCodeTable(tsv: "# c\n" + regionHeader + "11000\tX\tprovince\t\t\tN\n")
    }
    #expect(
      bad
        == TableParseError(
          table: "cn-region-codes.tsv", line: 3, message: "code must be 6 digits, got '11000'"))
    #expect(bad?.description.hasPrefix("cn-region-codes.tsv:3: ") == true)

    let duplicate = error {
      _ = try RegionCodeTable(
        tsv: regionHeader
          + "110101\ta\tcounty\t\t\tN\n110102\tb\tcounty\t\t\tN\n110101\tc\tcounty\t\t\tN\n")
    }
    #expect(duplicate?.line == 4)
    #expect(duplicate?.message.contains("appears twice") == true)

    let level = error { _ = try RegionCodeTable(tsv: regionHeader + "110100\tx\tcounty\t\t\tN\n") }
    #expect(level?.line == 2)
    #expect(level?.message.contains("must be prefecture") == true)

    let current = error {
      _ = try RegionCodeTable(tsv: regionHeader + "110101\tx\tcounty\t1980\tcurrent\tN\n")
    }
    #expect(current?.line == 2)

    let fields = error { _ = try RegionCodeTable(tsv: regionHeader + "110101\tx\tcounty\n") }
    #expect(fields?.line == 2)
    #expect(fields?.message == "expected 6 tab-separated fields, got 3")

    let header = error { _ = try RegionCodeTable(tsv: "# only\ncode\tname\n") }
    #expect(header?.line == 2)
    #expect(header?.message.hasPrefix("expected the header") == true)

    let empty = error { _ = try RegionCodeTable(tsv: "# only a comment\n", source: "custom.tsv") }
    #expect(empty?.table == "custom.tsv")
    #expect(empty?.message.contains("no header") == true)
  }

  @Test func mobileErrors() {
    let header = "prefix\tlength\tcarrier\tcarrier_zh\tcategory\tpersonal\n"
    let short = error { _ = try MobilePrefixTable(tsv: header + "13\t11\tA\tB\tbasic\tY\n") }
    #expect(short?.table == "cn-mobile-prefixes.tsv")
    #expect(short?.line == 2)
    let duplicate = error {
      _ = try MobilePrefixTable(tsv: header + "138\t11\tA\tB\tbasic\tY\n138\t11\tA\tB\tbasic\tY\n")
    }
    #expect(duplicate?.line == 3)
    let flag = error { _ = try MobilePrefixTable(tsv: header + "138\t11\tA\tB\tbasic\tyes\n") }
    #expect(flag?.message == "personal must be Y or N, got 'yes'")
    let length = error { _ = try MobilePrefixTable(tsv: header + "138\t12345\tA\tB\tbasic\tY\n") }
    #expect(length?.line == 2)
  }

  @Test func landlineErrors() {
    let header = "code\tprovince\tcity\tstatus\tretired\treplaced_by\n"
    let shadowed = error {
      _ = try LandlineAreaCodes(
        tsv: header + "010\t北京\t北京\tcurrent\t\t\n0101\t北京\t北京\tcurrent\t\t\n")
    }
    #expect(shadowed?.table == "cn-landline-area-codes.tsv")
    #expect(shadowed?.line == 3)
    #expect(shadowed?.message.contains("starts with the 3-digit code 010") == true)
    let trunk = error { _ = try LandlineAreaCodes(tsv: header + "755\t广东\t深圳\tcurrent\t\t\n") }
    #expect(trunk?.line == 2)
    let status = error { _ = try LandlineAreaCodes(tsv: header + "0755\t广东\t深圳\told\t\t\n") }
    #expect(status?.message == "status must be current or retired, got 'old'")
    let currentWithYear = error {
      _ = try LandlineAreaCodes(tsv: header + "0755\t广东\t深圳\tcurrent\t2011\t\n")
    }
    #expect(currentWithYear?.line == 2)
    let unknownReplacement = error {
      _ = try LandlineAreaCodes(
        tsv: header + "0531\t山东\t济南\tcurrent\t\t\n0634\t山东\t莱芜\tretired\t2019\t0533\n")
    }
    #expect(unknownReplacement?.line == 3)
    #expect(unknownReplacement?.message == "0634 is replaced by 0533, which is not a current code")
    let retiredReplacement = error {
      _ = try LandlineAreaCodes(
        tsv: header + "0565\t安徽\t巢湖\tretired\t2011\t0634\n0634\t山东\t莱芜\tretired\t2019\t\n")
    }
    #expect(retiredReplacement?.line == 2)
  }

  @Test func bankErrors() {
    let header = "bin\tbank\tcard_type\tcard_length\tluhn_exempt\tformer_bank\n"
    let type = error { _ = try BankBINTable(tsv: header + "622202\tICBC\tXX\t19\tN\t\n") }
    #expect(type?.table == "cn-bank-bins.tsv")
    #expect(type?.line == 2)
    let length = error { _ = try BankBINTable(tsv: header + "622202\tICBC\tDC\t25\tN\t\n") }
    #expect(length?.line == 2)
    let long = error { _ = try BankBINTable(tsv: header + "62220212345\tICBC\tDC\t19\tN\t\n") }
    #expect(long?.line == 2)
    let repeated = error {
      _ = try BankBINTable(
        tsv: header + "622202\tICBC\tDC\t19\tN\t\n# x\n622202\tICBC\tDC\t19\tN\t\n")
    }
    #expect(repeated?.line == 4)
    let flag = error { _ = try BankBINTable(tsv: header + "601428\tBOCOM\tDC\t17\tyes\t\n") }
    #expect(flag?.message == "luhn_exempt must be Y or N, got 'yes'")
    let anyLength = error { _ = try BankBINTable(tsv: header + "601428\tBOCOM\tDC\t\tY\t\n") }
    #expect(anyLength?.message == "a Luhn exemption needs the card_length it applies to")
    let oldHeader = error {
      _ = try BankBINTable(tsv: "bin\tbank\tcard_type\tcard_length\n622202\tICBC\tDC\t19\n")
    }
    #expect(oldHeader?.line == 1)
  }

  @Test func knownSampleErrors() {
    let header = "value\tcategory\tnote\n"
    let duplicate = error {
      _ = try KnownSampleValues(
        tsv: header + "13800138000\tcn_mobile\ta\n13800138000\tcn_mobile\tb\n")
    }
    #expect(duplicate?.table == "known-sample-values.tsv")
    #expect(duplicate?.line == 3)
    let empty = error { _ = try KnownSampleValues(tsv: header + "\tcn_mobile\ta\n") }
    #expect(empty?.line == 2)
  }
}
