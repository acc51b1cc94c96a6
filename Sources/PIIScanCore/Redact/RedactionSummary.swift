import PIIScanSizing

/// What `piiscan redact` did, for the person who runs it: each input and its copy, and how
/// many values were replaced per category (valid and invalid), in text (Chinese or English) or
/// JSON. Inputs are listed in the order they were given and walked; categories in the rule
/// set's order.
public struct RedactionSummary {
  public var results: [Redactor.Result]
  public var pseudonymise: Bool
  public var categories: [Category]

  public init(results: [Redactor.Result], pseudonymise: Bool, categories: [Category]) {
    self.results = results
    self.pseudonymise = pseudonymise
    self.categories = categories
  }

  private var total: RedactionTally {
    var tally = RedactionTally()
    for result in results where result.status == .written { tally.add(result.replaced) }
    return tally
  }

  /// Categories with replaced values, in rule-set order (then any others by id).
  private func counted(_ tally: RedactionTally) -> [(id: String, count: RedactionTally.Count)] {
    var rows = categories.compactMap { category in
      tally.byCategory[category.id].map { (category.id, $0) }
    }
    let known = Set(categories.map(\.id))
    rows += tally.byCategory.keys.filter { !known.contains($0) }.sorted().map {
      ($0, tally.byCategory[$0]!)
    }
    return rows
  }

  public func text(_ language: ReportLanguage) -> String {
    let zh = language == .zh
    let written = results.filter { $0.status == .written }.count
    var out =
      zh
      ? "piiscan redact：\(results.count) 个输入，\(written) 个已脱敏，\(results.count - written) 个未脱敏"
        + (pseudonymise ? "（标识符已假名化）" : "") + "\n"
      : "piiscan redact: \(results.count) inputs, \(written) redacted, "
        + "\(results.count - written) not redacted"
        + (pseudonymise ? " (identifiers pseudonymised)" : "")
        + "\n"
    for result in results {
      switch result.status {
      case .written:
        let count = grouped(result.replaced.total)
        out +=
          zh
          ? "  已写出  \(result.input) → \(result.output)（替换 \(count) 个值）\n"
          : "  written       \(result.input) → \(result.output) (\(count) values replaced)\n"
      case .notRedacted:
        out +=
          zh
          ? "  未脱敏  \(result.input)：\(result.message ?? "")\n"
          : "  not redacted  \(result.input): \(result.message ?? "")\n"
      }
    }
    let rows = counted(total)
    if !rows.isEmpty {
      out += zh ? "各类别替换数（有效 / 无效）：\n" : "Replaced per category (valid / invalid):\n"
      let names = Dictionary(categories.map { ($0.id, zh ? $0.nameZh : $0.id) }) { a, _ in a }
      let labels = rows.map { names[$0.id] ?? $0.id }
      let width = labels.map(Self.width).max() ?? 0
      for (row, label) in zip(rows, labels) {
        let padding = String(repeating: " ", count: width - Self.width(label))
        var line =
          "  \(label)\(padding)  \(grouped(row.count.valid)) / \(grouped(row.count.invalid))"
        if row.count.pseudonymised > 0 {
          line +=
            zh
            ? "（假名 \(grouped(row.count.pseudonymised))）"
            : " (\(grouped(row.count.pseudonymised)) pseudonymised)"
        }
        out += line + "\n"
      }
    }
    return out
  }

  /// `{"mode", "inputs": [{input, output, status, message?, sha256?, replaced: {id: {valid,
  /// invalid, pseudonymised}}}], "replaced": {…}}`, keys in a fixed order.
  public var json: String {
    func tallyObject(_ tally: RedactionTally) -> String {
      "{"
        + counted(tally).map {
          JSONText.quoted($0.id) + ":{\"valid\":\($0.count.valid),\"invalid\":\($0.count.invalid)"
            + ",\"pseudonymised\":\($0.count.pseudonymised)}"
        }.joined(separator: ",") + "}"
    }
    var out = "{\"mode\":\(pseudonymise ? "\"pseudonymise\"" : "\"mask\""),\"inputs\":["
    out += results.map { result in
      var object = "{\"input\":\(JSONText.quoted(result.input))"
      object += ",\"output\":\(JSONText.quoted(result.output))"
      object += ",\"status\":\(JSONText.quoted(result.status.rawValue))"
      if let message = result.message { object += ",\"message\":\(JSONText.quoted(message))" }
      if let sha = result.sha256 { object += ",\"sha256\":\(JSONText.quoted(sha))" }
      return object + ",\"replaced\":\(tallyObject(result.replaced))}"
    }.joined(separator: ",")
    return out + "],\"replaced\":\(tallyObject(total))}\n"
  }

  private func grouped(_ value: Int) -> String { NumberText.grouped(value) }

  /// Terminal columns (a Chinese character takes two).
  private static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      total
        + ((0x2E80...0xA4CF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
          ? 2 : 1)
    }
  }
}
