import ArgumentParser
import PIIScanCore

struct PatternsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "patterns",
    abstract: "List the rules and their categories; --test runs every rule's own examples.")

  @Flag(help: "Run every rule's match, invalid and no-match examples; exit 1 if one fails.")
  var test = false

  func run() throws {
    let rules = try CommandSupport.loadRules(only: nil, except: nil)
    let out = ReportStream(descriptor: 1)
    defer { out.flush() }
    if !test {
      for rule in rules.rules {
        out.write(
          rule.id.padding(toLength: 28, withPad: " ", startingAt: 0)
            + rule.category.padding(toLength: 28, withPad: " ", startingAt: 0)
            + "\(rule.finder.rawValue)/\(rule.validator.rawValue)".padding(
              toLength: 26, withPad: " ", startingAt: 0)
            + rule.description + "\n")
      }
      return
    }
    let results = rules.runExamples(settings: DetectionSettings(asOf: .today()))
    var failed = 0
    for result in results where !result.passed {
      failed += 1
      out.write(
        "FAIL \(result.ruleID) \(result.expectation.rawValue): \(result.text)\n     \(result.failure!)\n")
    }
    out.write("\(results.count - failed) passed, \(failed) failed\n")
    out.flush()
    if failed > 0 { throw ExitCode(1) }
  }
}

import Foundation
