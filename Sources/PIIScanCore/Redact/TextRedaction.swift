/// How a redacted copy replaces a value: by its mask, or by a keyed pseudonym.
public enum RedactionMode: Sendable {
  /// The mask reports show (`139****5670`, `张*`); a mask that would still read as a valid
  /// value of its category (an employer's `北*******公司`, any record-kind value) is written
  /// as `***`, which reads as no value at all.
  case mask
  /// A keyed pseudonym of the same shape where its kind has one (``Pseudonymiser``), else the
  /// mask. The secret must be at least ``Pseudonymiser/minimumSecretLength`` bytes.
  case pseudonymise(secret: [UInt8])
}

/// What was replaced, per category id: valid and invalid values.
public struct RedactionTally: Sendable, Equatable {
  public struct Count: Sendable, Equatable {
    public var valid = 0
    public var invalid = 0
    /// Values written as a pseudonym (the rest were masked).
    public var pseudonymised = 0
  }

  public var byCategory: [String: Count] = [:]

  public init() {}

  public var total: Int { byCategory.values.reduce(0) { $0 + $1.valid + $1.invalid } }

  mutating func add(_ other: RedactionTally) {
    for (category, count) in other.byCategory {
      byCategory[category, default: Count()].valid += count.valid
      byCategory[category, default: Count()].invalid += count.invalid
      byCategory[category, default: Count()].pseudonymised += count.pseudonymised
    }
  }
}

/// Makes the replacement of each value and rewrites a text with them, keeping everything else
/// byte for byte: the encoding (replacements are encoded as the text is), the lines (no
/// replacement holds a line break), and the record structure (``SyntaxTracker`` knows whether
/// a value stands in a quoted field, a JSON string, an SQL string or bare, and
/// ``RedactionContext`` writes only what may stand there).
///
/// Where a value was written with separators or a prefix (`+86 139-1234-5670`, `(0755)`), its
/// replacement keeps them: the masked or pseudonymous characters take the places of the
/// value's letters and digits (`+86 139-****-5670`).
final class ReplacementMaker {
  let mode: RedactionMode
  let rules: RuleSet
  let settings: DetectionSettings
  private let pseudonymiser: Pseudonymiser?
  /// Whether a written replacement would still read as a valid value of its category.
  private var stillValid: [String: Bool] = [:]

  init(mode: RedactionMode, rules: RuleSet, asOf: CivilDate) {
    self.mode = mode
    self.rules = rules
    settings = DetectionSettings(asOf: asOf)
    if case .pseudonymise(let secret) = mode {
      pseudonymiser = Pseudonymiser(secret: secret)
    } else {
      pseudonymiser = nil
    }
  }

  /// Whether a finding's value is replaced: every value of a personal category, valid or not
  /// (an invalid ID number is often a typo of a real one). Masked values and organisation
  /// codes stay.
  static func replaces(_ finding: Finding) -> Bool { finding.category.isPersonal }

  /// The text that replaces a value whose stored bytes read as `written`, and whether it is a
  /// pseudonym. `categories` are those of every finding at the value's place (a mobile under
  /// 主叫号码 is also a call record): the replacement must read as a valid value of none of
  /// them, so a value under a record-kind column, where any value counts, is written `***`.
  func replacement(for finding: Finding, categories: [String], written: String)
    -> (text: String, pseudonym: Bool)
  {
    let value = finding.value.string
    if let pseudonymiser, let pseudonym = pseudonymiser.pseudonym(for: finding),
      !categories.contains(where: { readsAsValid(pseudonym, category: $0) })
    {
      return (aligned(written: written, value: value, replacement: pseudonym), true)
    }
    var mask = Redaction.mask(value, category: finding.category)
    if mask == value || categories.contains(where: { readsAsValid(mask, category: $0) }) {
      mask = "***"
    }
    return (aligned(written: written, value: value, replacement: mask), false)
  }

  /// The replacement of several findings whose ranges overlap without being equal: every
  /// letter, digit and Han character of what they cover, starred.
  static func starred(_ written: String) -> String {
    String(written.map { $0.isLetter || $0.isNumber ? "*" : $0 })
  }

  /// Whether `text`, standing alone in a field of `category`, reads as a valid value of it.
  private func readsAsValid(_ text: String, category: String) -> Bool {
    let key = category + "\u{0}" + text
    if let known = stillValid[key] { return known }
    let valid = ValueReadings.of(text, rules: rules, settings: settings, as: category)
      .contains { $0.valid }
    stillValid[key] = valid
    return valid
  }

  /// `replacement` (as long as `value`, character for character) written in the form of
  /// `written`: each of the value's letters and digits, matched from the end with those of
  /// the written form, is replaced in place, and the written form's other characters stay
  /// (separators, a `+86` prefix, brackets). When the forms cannot be matched (an escaped
  /// JSON string, a mask of another length such as an e-mail's), the replacement is written
  /// as it is.
  func aligned(written: String, value: String, replacement: String) -> String {
    let valueCharacters = Array(value)
    let replacementCharacters = Array(replacement)
    guard written != value, valueCharacters.count == replacementCharacters.count else {
      return replacement
    }
    var out = Array(written)
    func isToken(_ character: Character) -> Bool { character.isLetter || character.isNumber }
    var j = valueCharacters.count - 1
    var i = out.count - 1
    while j >= 0 {
      guard isToken(valueCharacters[j]) else {
        // A separator of the normalised value (the `-` of AREA-LOCAL) must say the same.
        guard replacementCharacters[j] == valueCharacters[j] else { return replacement }
        j -= 1
        continue
      }
      while i >= 0 && !isToken(out[i]) { i -= 1 }
      guard i >= 0, out[i].uppercased() == valueCharacters[j].uppercased() else {
        return replacement
      }
      out[i] = replacementCharacters[j]
      i -= 1
      j -= 1
    }
    return String(out)
  }
}

/// One replacement: the stored byte range, and the findings that cover it.
struct RedactionEdit {
  var range: Range<Int64>
  var findings: [Finding]

  /// The edits of an input's findings: one per distinct range, in offset order; findings
  /// whose ranges overlap are united into one edit.
  static func plan(_ findings: [Finding]) -> [RedactionEdit] {
    let chosen = findings.filter(ReplacementMaker.replaces).filter { $0.length > 0 }
      .sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
    var edits: [RedactionEdit] = []
    for finding in chosen {
      let range = finding.offset..<(finding.offset + Int64(finding.length))
      if var last = edits.last, last.range.overlaps(range) {
        last.range =
          min(
            last.range.lowerBound, range.lowerBound)..<max(
            last.range.upperBound, range.upperBound)
        last.findings.append(finding)
        edits[edits.count - 1] = last
      } else {
        edits.append(RedactionEdit(range: range, findings: [finding]))
      }
    }
    return edits
  }

  /// The finding whose replacement is written for an edit of findings with one range: a
  /// strong finding before a soft one, an identifier before the rest.
  var lead: Finding? {
    let same = findings.allSatisfy {
      $0.offset == range.lowerBound && Int64($0.length) == range.count
    }
    guard same else { return nil }
    return findings.min { a, b in
      let ka = (a.isSoft ? 1 : 0, a.category.isIdentifier ? 0 : 1)
      let kb = (b.isSoft ? 1 : 0, b.category.isIdentifier ? 0 : 1)
      return ka < kb
    }
  }
}

/// Rewrites one stored text (a file or an archive member) with its edits applied, reading and
/// writing in blocks, so a file of any size needs only a block of memory.
struct TextRewriter {
  let encoding: StoredEncoding
  let syntax: SyntaxTracker.Syntax
  let maker: ReplacementMaker

  /// The syntax of an input's format.
  static func syntax(of format: InputFormat) -> SyntaxTracker.Syntax {
    switch format {
    case .delimited: .delimited
    case .sql: .sql
    case .json, .jsonLines: .json
    case .keyValue, .text: .plain
    }
  }

  /// A text in memory redacted: its encoding and syntax sniffed as the scan sniffs them, then
  /// copied with `edits` applied; the copy and what was replaced.
  static func rewrite(
    _ bytes: [UInt8], edits: [RedactionEdit], maker: ReplacementMaker,
    syntax: SyntaxTracker.Syntax? = nil
  ) throws -> ([UInt8], RedactionTally) {
    let profile = bytes.withUnsafeBytes {
      InputProfile.sniff(UnsafeRawBufferPointer(rebasing: $0.prefix(InputProfile.sniffLength)))
    }
    let rewriter = TextRewriter(
      encoding: StoredEncoding(profile.encoding),
      syntax: syntax ?? TextRewriter.syntax(of: profile.format), maker: maker)
    var offset = 0
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    let tally = try rewriter.rewrite(
      edits: edits,
      read: { buffer in
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes {
          buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
      },
      write: { out += $0 })
    return (out, tally)
  }

  /// Copies `read` to `write`, replacing each edit's bytes.
  ///
  /// - Parameters:
  ///   - read: Fills a buffer with the next stored bytes; 0 at the end.
  ///   - write: Takes output bytes.
  /// - Returns: What was replaced.
  func rewrite(
    edits: [RedactionEdit], read: (UnsafeMutableRawBufferPointer) throws -> Int,
    write: ([UInt8]) throws -> Void
  ) throws -> RedactionTally {
    var tally = RedactionTally()
    var tracker = SyntaxTracker(syntax: syntax, encoding: encoding)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var output: [UInt8] = []
    output.reserveCapacity(1 << 20)
    var position: Int64 = 0
    var next = 0
    var held: [UInt8] = []  // the stored bytes of the edit being read
    var context = RedactionContext.plain
    while true {
      let count = try read(buffer)
      if count == 0 { break }
      for index in 0..<count {
        let byte = buffer[index]
        if next < edits.count && position == edits[next].range.lowerBound {
          context = tracker.context
          held.removeAll(keepingCapacity: true)
        }
        tracker.feed(byte)
        if next < edits.count && edits[next].range.contains(position) {
          held.append(byte)
          if position == edits[next].range.upperBound - 1 {
            output += replacement(edits[next], original: held, context: context, tally: &tally)
            next += 1
          }
        } else {
          output.append(byte)
        }
        position += 1
      }
      if output.count >= 1 << 20 {
        try write(output)
        output.removeAll(keepingCapacity: true)
      }
    }
    if !held.isEmpty && next < edits.count {
      // The text ended inside an edit (it shrank since the scan): what was read is starred.
      output += replacement(edits[next], original: held, context: context, tally: &tally)
    }
    try write(output)
    return tally
  }

  private func replacement(
    _ edit: RedactionEdit, original: [UInt8], context: RedactionContext,
    tally: inout RedactionTally
  ) -> [UInt8] {
    let written = encoding.decode(original)
    var text: String
    var pseudonym = false
    if let lead = edit.lead, let written {
      var categories: [String] = []
      for finding in edit.findings where !categories.contains(finding.category.id) {
        categories.append(finding.category.id)
      }
      (text, pseudonym) = maker.replacement(for: lead, categories: categories, written: written)
    } else if let written {
      text = ReplacementMaker.starred(written)
    } else {
      // Bytes that are not text in the encoding: every byte starred.
      text = String(repeating: "*", count: max(1, original.count / encoding.unitSize))
    }
    text = context.written(text)
    for finding in edit.findings {
      var count = tally.byCategory[finding.category.id, default: RedactionTally.Count()]
      if finding.valid { count.valid += 1 } else { count.invalid += 1 }
      if pseudonym && finding.offset == edit.lead?.offset
        && finding.category === edit.lead?.category
      {
        count.pseudonymised += 1
      }
      tally.byCategory[finding.category.id] = count
    }
    return encoding.encode(text, replacing: original)
      ?? encoding.encode(String(repeating: "*", count: max(1, text.count)), replacing: original)
      ?? []
  }
}
