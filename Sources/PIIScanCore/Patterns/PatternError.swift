/// A problem in a pattern file, naming the file and the rule.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var ruleID: String?
  public var message: String

  public init(file: String, ruleID: String?, message: String) {
    self.file = file
    self.ruleID = ruleID
    self.message = message
  }

  public var description: String {
    if let ruleID { return "\(file): \(ruleID): \(message)" }
    return "\(file): \(message)"
  }
}

/// Every problem found while loading a set of pattern files (reported together).
public struct PatternLoadError: Error, Sendable, CustomStringConvertible {
  public var problems: [PatternError]
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
