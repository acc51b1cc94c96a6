/// One rule example and whether the scanner agrees with it.
public struct RuleExampleResult: Sendable {
  public enum Expectation: String, Sendable {
    /// Exactly one valid finding of the rule.
    case match
    /// Exactly one finding of the rule, failing a check.
    case invalid
    /// No finding of the rule.
    case nomatch
  }

  public var ruleID: String
  public var expectation: Expectation
  public var text: String
  /// Why the example failed; nil when it passed.
  public var failure: String?

  public var passed: Bool { failure == nil }
}

extension RuleSet {
  /// Every rule's examples, each scanned with the whole rule set by the real detectors: a
  /// `match` must give exactly one valid finding of the rule, an `invalid` exactly one that
  /// fails a check, a `nomatch` none.
  ///
  /// - Parameters:
  ///   - settings: The settings the examples are scanned with.
  ///   - userOnly: Run only the examples of the rules from users' files.
  public func runExamples(settings: DetectionSettings, userOnly: Bool = false)
    -> [RuleExampleResult]
  {
    var results: [RuleExampleResult] = []
    for rule in rules where rule.isUser || !userOnly {
      let cases: [(RuleExampleResult.Expectation, [String])] = [
        (.match, rule.examples.match), (.invalid, rule.examples.invalid),
        (.nomatch, rule.examples.nomatch),
      ]
      for (expectation, texts) in cases {
        for text in texts {
          let findings = TextScan.findings(in: text, rules: self, settings: settings)
            .filter { $0.rule === rule }
          var failure: String?
          switch expectation {
          case .match:
            if findings.count != 1 || !findings[0].valid {
              failure = describe(findings, expected: "one valid finding")
            }
          case .invalid:
            if findings.count != 1 || findings[0].valid {
              failure = describe(findings, expected: "one invalid finding")
            }
          case .nomatch:
            if !findings.isEmpty { failure = describe(findings, expected: "no finding") }
          }
          results.append(
            RuleExampleResult(
              ruleID: rule.id, expectation: expectation, text: text, failure: failure))
        }
      }
    }
    return results
  }

  private func describe(_ findings: [Finding], expected: String) -> String {
    let found = findings.map { finding in
      finding.valid
        ? "\(finding.value) (valid)"
        : "\(finding.value) (invalid: \(finding.reasonCode?.id ?? ""))"
    }
    return "expected \(expected), found \(found.isEmpty ? "none" : found.joined(separator: ", "))"
  }
}
