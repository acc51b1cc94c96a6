import Foundation

/// A planted value from a labelled corpus (`samples/expected/labels.jsonl`, or a bench corpus's
/// `--truth` file): where it is, what it is, and whether it should validate.
public struct Label: Decodable, Sendable, Hashable {
  public var path: String
  public var line: Int
  public var column: Int?
  public var category: String
  /// Normalised as piiscan reports it with `--reveal`.
  public var value: String
  public var valid: Bool
}

/// The fields of a `piiscan scan --format jsonl --reveal` line that scoring compares.
public struct ReportedFinding: Decodable, Sendable, Hashable {
  public var path: String
  public var line: Int
  public var column: Int
  public var category: String
  public var value: String
  public var valid: Bool
}

/// Precision and recall of one category.
public struct CategoryScore: Sendable, Equatable {
  public var category: String
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0
  /// True positives whose column also matches the label's.
  public var columnMatches = 0

  public var precision: Double {
    truePositives + falsePositives == 0
      ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
  }
  public var recall: Double {
    truePositives + falseNegatives == 0
      ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
  }
}

/// Scores findings against labels.
///
/// A finding is a true positive when a label has the same path, line, category, normalised
/// value and validity (so a value reported valid that was planted invalid counts as both a false
/// positive and a false negative). Matching is by multiset: two equal values on one line need
/// two findings.
public enum Scoring {
  private struct Key: Hashable {
    var path: String
    var line: Int
    var category: String
    var value: String
    var valid: Bool
  }

  public static func score(
    labels: [Label], findings: [ReportedFinding], categories: Set<String>? = nil
  ) -> [CategoryScore] {
    func wanted(_ category: String) -> Bool { categories?.contains(category) ?? true }
    var open: [Key: [Int?]] = [:]
    var scores: [String: CategoryScore] = [:]
    for label in labels where wanted(label.category) {
      let key = Key(
        path: label.path, line: label.line, category: label.category, value: label.value,
        valid: label.valid)
      open[key, default: []].append(label.column)
      scores[label.category, default: CategoryScore(category: label.category)].falseNegatives += 1
    }
    for finding in findings where wanted(finding.category) {
      let key = Key(
        path: finding.path, line: finding.line, category: finding.category,
        value: finding.value, valid: finding.valid)
      var score = scores[finding.category] ?? CategoryScore(category: finding.category)
      if var columns = open[key], !columns.isEmpty {
        let position = columns.firstIndex(of: finding.column) ?? 0
        if columns[position] == finding.column { score.columnMatches += 1 }
        columns.remove(at: position)
        open[key] = columns
        score.truePositives += 1
        score.falseNegatives -= 1
      } else {
        score.falsePositives += 1
      }
      scores[finding.category] = score
    }
    return scores.values.sorted { $0.category < $1.category }
  }

  /// Reads JSON Lines of `T`, skipping blank lines.
  /// One object per line. Notice lines of a report (`{"path", "notice", …}`: a file skipped,
  /// cut short or partly undecodable) are no findings and are passed over.
  public static func readJSONLines<T: Decodable>(_ type: T.Type, from data: Data) throws -> [T] {
    let decoder = JSONDecoder()
    var items: [T] = []
    let notice = Array("\"notice\":".utf8)
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
      if line.starts(with: Array("{\"path\":".utf8)), Self.contains(line, notice) { continue }
      items.append(try decoder.decode(T.self, from: Data(line)))
    }
    return items
  }

  private static func contains(_ line: Data.SubSequence, _ needle: [UInt8]) -> Bool {
    guard line.count >= needle.count else { return false }
    var i = line.startIndex
    while i + needle.count <= line.endIndex {
      if line[i] == needle[0] && line[i..<(i + needle.count)].elementsEqual(needle) { return true }
      i += 1
    }
    return false
  }

  /// A fixed-width table of the scores.
  public static func table(_ scores: [CategoryScore]) -> String {
    var out = "category                      TP     FP     FN  precision  recall  column\n"
    for s in scores {
      let column = s.truePositives == 0 ? 1 : Double(s.columnMatches) / Double(s.truePositives)
      out +=
        s.category.padding(toLength: 26, withPad: " ", startingAt: 0)
        + String(
          format: "%6d %6d %6d %10.4f %7.4f %7.4f\n", s.truePositives, s.falsePositives,
          s.falseNegatives, s.precision, s.recall, column)
    }
    return out
  }
}
