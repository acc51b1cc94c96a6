import FuzzSupport
import PIIScanCore

/// `piiscan check` on any string: every rule, as if context words stood next to the value
/// (Sources/piiscan/CheckCommand.swift), through PIIScanCore's public API only, so that it is
/// easy to adapt when that API changes.
///
/// Oracles: no crash, leak or hang; the same findings twice (no hidden state); every finding
/// lies inside the text, on a line and column that exist, with a category and a rule; its
/// masked and revealed presentations can be made.
let rules = try! RuleSet.embedded()
let settings = DetectionSettings(asOf: CivilDate(iso: "2026-11-29")!, assumeContext: true)
let revealed = FindingPresenter(reveal: true, asOf: settings.asOf)
let masked = FindingPresenter(reveal: false, asOf: settings.asOf)

/// Loads the rules before the first input, so that what loading allocates for good is not
/// taken for a leak of that input.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>?,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
  _ = rules.rules.count
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: bytes(data, size), as: UTF8.self)
  let length = text.utf8.count
  let findings = TextScan.findings(in: text, rules: rules, settings: settings)
  let again = TextScan.findings(in: text, rules: rules, settings: settings)
  require(describe(findings) == describe(again), "two scans of the same text differ")
  let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
  for finding in findings {
    require(
      finding.offset >= 0 && finding.length > 0
        && finding.offset + Int64(finding.length)
          <= Int64(length),
      "finding \(finding.offset)+\(finding.length) outside \(length) bytes")
    require(finding.line >= 1 && finding.line <= lines, "line \(finding.line) of \(lines)")
    require(finding.column >= 1, "column \(finding.column)")
    require(!finding.category.id.isEmpty && !finding.rule.id.isEmpty, "no rule")
    let description = revealed.describe(finding)
    _ = masked.value(finding)
    _ = revealed.value(finding)
    _ = masked.details(description)
    _ = revealed.details(description)
    _ = description.reason(reveal: false)
  }
  return 0
}

func describe(_ findings: [Finding]) -> [String] {
  findings.map {
    let description = revealed.describe($0)
    return "\($0.offset) \($0.length) \($0.rule.id) \($0.value) \($0.valid)"
      + " \(description.reason ?? "") \($0.confidence) \($0.line):\($0.column) \($0.record)"
      + description.details.map { " \($0.key)=\($0.value)" }.joined()
  }
}
