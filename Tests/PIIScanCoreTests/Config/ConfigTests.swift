import Foundation
import Testing

@testable import PIIScanCore

/// piiscan.toml, the allowlist and baselines, as the library reads them.
@Suite struct ConfigTests {
  @Test func everyKeyIsReadAndPatternsAreRelativeToTheFile() throws {
    let config = try ConfigFile.parse(
      """
      [scan]
      only = "email"
      as-of = "2026-11-29"
      fail-on = "invalid"
      patterns = ["rules/", "/abs/rules"]
      glob = ["!*.log"]
      max-filesize = "10M"
      max-ratio = 50
      threads = 2

      [allowlist]
      values = ["13912345670"]

      [fingerprint]
      key = "k"
      """, path: "/repo/sub/piiscan.toml")
    #expect(config.only == ["email"])
    #expect(config.asOf == "2026-11-29")
    #expect(config.failOn == "invalid")
    #expect(config.patterns == ["/repo/sub/rules/", "/abs/rules"])
    #expect(config.globs == ["!*.log"])
    #expect(config.maxFilesize == "10M")
    #expect(config.maxRatio == 50)
    #expect(config.threads == 2)
    #expect(config.allowlist.values == ["13912345670"])
    #expect(config.allowlist.lines["values"] == 12)
    #expect(config.fingerprintKey == "k")
  }

  @Test func linesAreFoundForDottedKeysAndAfterMultiLineArrays() {
    let lines = TOMLKeyLines(
      """
      # comment
      allowlist.values = [
        "a", # [not a table]
        "b",
      ]
      [scan]
      "only" = ["x"]
      """)
    #expect(lines.line(of: "allowlist.values") == 2)
    #expect(lines.line(of: "scan") == 6)
    #expect(lines.line(of: "scan.only") == 7)
    #expect(lines.line(of: "not") == 0)
  }

  @Test func badValuesNameTheirLineAndKey() {
    #expect(throws: ConfigError.self) {
      try ConfigFile.parse("[scan]\nmax-depth = 0\n", path: "p.toml")
    }
    do {
      _ = try ConfigFile.parse("\n[scan]\nthreads = \"two\"\n", path: "p.toml")
      Issue.record("no error")
    } catch {
      #expect(error.description == "p.toml:3: scan.threads: must be a whole number, at least 1")
    }
  }

  @Test func hashEntriesAreRecognised() {
    let hex = String(repeating: "ab", count: 32)
    #expect(Allowlist.hashEntry("sha256:" + hex.uppercased()) == hex)
    #expect(Allowlist.hashEntry(hex) == hex)
    #expect(Allowlist.hashEntry("13912345670") == nil)
    #expect(Allowlist.hashEntry("sha256:" + hex.dropLast()) == nil)
    // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
    #expect(
      Allowlist.hash(of: "abc")
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func baselinesAreReadFromEveryReportFormat() throws {
    let a = String(repeating: "0123456789abcdef", count: 2)
    let b = String(repeating: "fedcba9876543210", count: 2)
    let reports = [
      "{\"path\":\"x\",\"category\":\"email\",\"fingerprint\":\"\(a)\"}\n"
        + "{\"path\":\"x\",\"notice\":\"binary\"}\n{\"category\":\"e\",\"fingerprint\":\"\(b)\"}\n",
      "[\n{\"category\":\"email\",\"fingerprint\":\"\(a)\"},\n{\"fingerprint\":\"\(b)\"}\n]\n",
      "{\"runs\":[{\"results\":[{\"ruleId\":\"r\",\"partialFingerprints\":"
        + "{\"piiscanFingerprint/v1\":\"\(a)\"}},{\"partialFingerprints\":"
        + "{\"piiscanFingerprint/v1\":\"\(b)\"}}]}]}",
    ]
    for (index, text) in reports.enumerated() {
      let path = temporaryFile("baseline-\(index)", Data(text.utf8))
      #expect(try Baseline.load(path: path).fingerprints == [a, b], "\(index)")
    }
    // A value that merely looks like a key, inside a string, is no fingerprint.
    let quoted = temporaryFile(
      "baseline-quoted",
      Data(
        "{\"category\":\"x\",\"value\":\"\\\"fingerprint\\\":\\\"\(a)\\\"\",\"fingerprint\":\"\(b)\"}\n"
          .utf8))
    #expect(try Baseline.load(path: quoted).fingerprints == [b])
    let empty = temporaryFile("baseline-empty", Data())
    #expect(try Baseline.load(path: empty).fingerprints.isEmpty)
    let csv = temporaryFile("baseline-csv", Data("path,fingerprint\nx,\(a)\n".utf8))
    #expect(throws: ConfigError.self) { try Baseline.load(path: csv) }
  }
}
