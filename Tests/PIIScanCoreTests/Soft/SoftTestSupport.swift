import Foundation
import Testing

@testable import PIIScanCore

/// Helpers shared by the soft-classifier tests. Every value here is synthetic.
enum Soft {
  /// The fixed scan date.
  static let asOf = CivilDate(year: 2026, month: 11, day: 29)!

  static func classify(_ value: String, _ category: SoftCategory) -> SoftVerdict? {
    SoftClassifier.classify(Array(value.utf8), expected: category, asOf: asOf)
  }

  static func unlabelled(_ value: String, _ context: TelecomContext = []) -> SoftVerdict? {
    SoftClassifier.classifyUnlabelled(Array(value.utf8), telecomContext: context, asOf: asOf)
  }

  /// The values `FreeTextExtractor` finds in `line`, as (text, category) pairs.
  static func extract(_ line: String) -> [(
    text: String, category: SoftCategory, verdict: SoftVerdict
  )] {
    let bytes = Array(line.utf8)
    return FreeTextExtractor.extract(line: bytes).map {
      (String(decoding: bytes[$0.range], as: UTF8.self), $0.verdict.category, $0.verdict)
    }
  }

  /// The value of detail `key`, if present.
  static func detail(_ verdict: SoftVerdict?, _ key: String) -> String? {
    verdict?.details.first { $0.key == key }?.value
  }

  /// The repository root (for samples/).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
}

/// A value and the reason it must fail with (nil: must be valid).
struct Case: CustomTestStringConvertible, Sendable {
  var value: String
  var reason: String?
  init(_ value: String, _ reason: String? = nil) {
    self.value = value
    self.reason = reason
  }
  var testDescription: String { reason.map { "\(value) ✗ \($0)" } ?? "\(value) ✓" }
}
