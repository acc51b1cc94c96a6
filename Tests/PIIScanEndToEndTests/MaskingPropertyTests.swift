import Foundation
import Testing

/// A masked report reveals nothing the mask hides, in any field, in any format: the masked and
/// the revealed scans of the labelled samples are compared finding by finding (by offset).
@Suite struct MaskingPropertyTests {
  static let asOf = "2026-11-29"

  /// One finding as its JSON object, keyed by where it is and what it is.
  struct Row {
    var key: String
    var value: String
    var reason: String
    var details: [String: String]
  }

  static func rows(_ arguments: [String]) throws -> [String: Row] {
    let output = try Binary.run(
      ["scan", "samples/data", "--format", "jsonl", "--as-of", asOf] + arguments)
    var rows: [String: Row] = [:]
    for line in output.stdout.split(separator: "\n") {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      guard let category = object["category"] as? String else { continue }
      let key =
        "\(object["path"]!)|\(object["member"] ?? "")|\(object["offset"]!)|\(category)"
      rows[key] = Row(
        key: key, value: object["value"] as? String ?? "",
        reason: object["reason"] as? String ?? "",
        details: object["details"] as? [String: String] ?? [:])
    }
    return rows
  }

  /// The runs of characters the mask hides: where the masked value has `*` and the revealed one
  /// another character.
  static func hiddenRuns(raw: String, masked: String) -> [String] {
    let raw = Array(raw)
    let masked = Array(masked)
    guard raw.count == masked.count else { return [String(raw)] }
    var runs: [String] = []
    var current = ""
    for (r, m) in zip(raw, masked) {
      if m == "*" && r != "*" {
        current.append(r)
      } else if !current.isEmpty {
        runs.append(current)
        current = ""
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// The visible prefix of a masked value (the characters before its first `*`).
  static func visiblePrefix(_ masked: String) -> String {
    String(masked.prefix { $0 != "*" })
  }

  @Test func noFieldOfAMaskedFindingRevealsAHiddenCharacter() throws {
    let masked = try Self.rows([])
    let revealed = try Self.rows(["--reveal"])
    #expect(masked.count == revealed.count)
    var checked = 0
    var leaks: [String] = []
    for (key, shown) in masked {
      let raw = try #require(revealed[key])
      let runs = Self.hiddenRuns(raw: raw.value, masked: shown.value)
      guard !runs.isEmpty else { continue }
      checked += 1
      let fields = [shown.reason] + shown.details.values
      // A hidden run of four characters or more, or of two when it is not all one character,
      // quoted anywhere; or the visible prefix with the next hidden character after it.
      var needles: [String] = []
      for run in runs {
        let chars = Array(run)
        let width = chars.count >= 4 ? 4 : chars.count
        guard width >= 2 else { continue }
        for start in 0...(chars.count - width) {
          let piece = String(chars[start..<start + width])
          if Set(piece).count > 1 || width >= 4 { needles.append(piece) }
        }
      }
      let prefix = Self.visiblePrefix(shown.value)
      if !prefix.isEmpty, raw.value.count > prefix.count {
        needles.append(String(raw.value.prefix(prefix.count + 1)))
      }
      for field in fields {
        for needle in needles where field.contains(needle) {
          // The same characters standing in the visible part are no leak.
          if shown.value.contains(needle) { continue }
          leaks.append("\(key): \(field) shows \(needle) of \(raw.value) (\(shown.value))")
        }
      }
    }
    #expect(checked > 5000)
    #expect(leaks.isEmpty, "\(leaks.prefix(20).joined(separator: "\n"))")
  }

  /// Text and CSV print what JSON Lines prints: the same masked values, reasons and details.
  @Test func everyFormatPrintsTheMaskedForms() throws {
    let jsonl = try Binary.run(["scan", "samples/data", "--format", "jsonl", "--as-of", Self.asOf])
    let revealed = try Binary.run(
      ["scan", "samples/data", "--format", "jsonl", "--as-of", Self.asOf, "--reveal"])
    // Raw values long enough to be unmistakable, which only --reveal may print.
    var raws = Set<String>()
    for line in revealed.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      if let value = object?["value"] as? String, value.count >= 8, !value.contains("*") {
        raws.insert(value)
      }
    }
    let masked = Set(
      jsonl.stdout.split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["value"]
          as? String
      })
    raws.subtract(masked)  // values whose mask shows them whole (masks already)
    /// Every run of characters between separators that any format puts around a field.
    func tokens(_ text: String) -> Set<Substring> {
      Set(text.split(whereSeparator: { " ,\"=(){}[]:\t\n（），：；".contains($0) }))
    }
    let inJSONL = tokens(jsonl.stdout)
    // The text format in both languages: the Chinese one translates reasons and details.
    for format in ["text", "csv", "json", "jsonl", "sarif", "text --lang zh"] {
      let words = format.split(separator: " ").map(String.init)
      let output = try Binary.run(
        ["scan", "samples/data", "--format"] + words + ["--as-of", Self.asOf])
      var text = output.stdout
      if format == "sarif", let tool = text.range(of: "],\"tool\":{\"driver\""),
        let invocations = text.range(of: ",\"invocations\":")
      {
        // The rules' descriptions name categories in words ("password"), not values.
        text = String(text[..<tool.lowerBound]) + String(text[invocations.lowerBound...])
      }
      let printed = tokens(text)
      // (A raw value that the masked JSON Lines prints anyway is another finding's fact: a
      // household registration that is the name of an ID's region.)
      let leaked = raws.filter {
        printed.contains(Substring($0)) && !inJSONL.contains(Substring($0))
      }
      #expect(leaked.isEmpty, "\(format): \(leaked.prefix(5))")
    }
  }
}
