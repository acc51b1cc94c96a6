/// Names the caller's tables give to what the report counts by code: provinces (the first two
/// digits of a region code), mobile carriers, issuing banks. The sizing module holds no tables
/// of its own; the scanner implements this with the ones it validates with.
///
/// Every method may return nil ("unknown").
public protocol SizingLookup: Sendable {
  /// The name of a province, for a two-digit code (11 → 北京市).
  func provinceName(code: Int) -> String?
  /// The carrier of an 11-digit mobile number.
  func mobileCarrier(number: UInt64) -> String?
  /// The bank that issued a card number.
  func bankName(cardNumber: String) -> String?
}

/// A lookup that knows nothing: every name is unknown.
public struct NoSizingLookup: SizingLookup {
  public init() {}
  public func provinceName(code: Int) -> String? { nil }
  public func mobileCarrier(number: UInt64) -> String? { nil }
  public func bankName(cardNumber: String) -> String? { nil }
}

/// What the run was, for the report's `run` section: the only part of a report that may
/// differ between runs over the same inputs.
public struct SizingRunInfo: Equatable, Sendable {
  public var command: String
  /// ISO 8601 times, as the caller formats them.
  public var started: String
  public var ended: String
  public var threads: Int?
  public var shards: Int?

  public init(command: String, started: String, ended: String, threads: Int?, shards: Int?) {
    self.command = command
    self.started = started
    self.ended = ended
    self.threads = threads
    self.shards = shards
  }
}

/// Settings of the report itself (not of the counting: see ``SizingConfiguration``).
public struct SizingReportOptions: Sendable {
  /// Art. 5 ①(八): the offender obtained the information in office or while providing a
  /// service, so the thresholds are halved (25 / 250 / 2500).
  public var insider: Bool
  public var lookup: any SizingLookup
  public var run: SizingRunInfo?

  public init(
    insider: Bool = false, lookup: any SizingLookup = NoSizingLookup(), run: SizingRunInfo? = nil
  ) {
    self.insider = insider
    self.lookup = lookup
    self.run = run
  }
}

/// Every figure of the sizing report, computed from a finished aggregate
/// (``SizingAggregate/report(_:)``) and rendered by ``render(_:language:labels:)``.
///
/// Lists are in fixed orders (inputs by path then member in UTF-8 byte order; categories in
/// configuration order; histograms by count, then key), so equal aggregates give equal
/// reports, byte for byte.
public struct SizingReport: Equatable, Sendable {
  public var toolVersion: String
  public var rulesetSHA256: String
  public var asOf: SizingDate
  public var bankCardTier: SizingTier
  public var insider: Bool
  public var run: SizingRunInfo?
  public var inputs: [Input]
  public var copies: [CopyGroup]
  public var records: Records
  public var categories: [Category]
  public var residentIDs: ResidentIDs
  public var mobiles: Mobiles
  public var emailDomains: [HistogramEntry]
  public var banks: [HistogramEntry]
  public var persons: Persons
  public var score: Score
  /// Things the reader should know about the figures (hash collisions seen, shards that
  /// disagree on an input).
  public var notices: [String]

  public struct Input: Equatable, Sendable {
    public var path: String
    public var member: String?
    public var sha256: String?
    public var bytes: Int64?
    public var format: String?
    public var encoding: String?
    public var status: SizingInputStatus?
    public var notices: [String]
    /// Records and values counted in this input.
    public var records: Int
    public var values: Int
    /// Whether it is the copy counted when several inputs have the same SHA-256 (the first
    /// by path and member), or an input that has no twin.
    public var isCanonical: Bool
  }

  /// Inputs with equal SHA-256: the same file reached by several paths.
  public struct CopyGroup: Equatable, Sendable {
    public var sha256: String
    public var inputs: [InputIdentityText]
  }

  /// An input's path and member.
  public struct InputIdentityText: Equatable, Sendable {
    public var path: String
    public var member: String?
  }

  public struct Records: Equatable, Sendable {
    /// Records that carry personal information, duplicates included (`records.total`).
    public var total: Int
    /// Records with at least one valid identifier (`records.with_identifier`).
    public var withIdentifier: Int
    /// Records with distinct normalised content.
    public var distinct: Int
    /// How much duplicates inflate `total`, by cause; the three add up to
    /// `total - distinct` (docs/SIZING.md, "Duplicated records").
    public var duplicatesWithinInput: Int
    public var duplicatesAcrossInputs: Int
    public var duplicatesSameFile: Int
    /// Records by tier, in ``SizingTier/ordered`` order (50, 500, 5000).
    public var byTier: [Int]
  }

  public struct Category: Equatable, Sendable {
    public var id: String
    public var raw: Int
    public var valid: Int
    public var invalid: Int
    /// Invalid values by reason id, in reason-table order, without zeros.
    public var invalidByReason: [ReasonCount]
    public var distinctValid: Int
    public var samples: [Sample]
    public var invalidSamples: [Sample]
  }

  public struct ReasonCount: Equatable, Sendable {
    public var reason: String
    public var count: Int
  }

  public struct Sample: Equatable, Sendable {
    public var masked: String
    public var path: String
    public var member: String?
    public var offset: Int64
    public var line: Int?
    /// The reason id of an invalid sample.
    public var reason: String?
  }

  public struct HistogramEntry: Equatable, Sendable {
    /// The code counted by (a province code, a prefix, a domain, a name); nil for values the
    /// lookup does not know.
    public var key: String?
    /// What the lookup calls it, when the key is a code.
    public var name: String?
    public var count: Int
  }

  public struct ResidentIDs: Equatable, Sendable {
    /// Distinct valid ID numbers, 15-digit ones merged with their 18-character forms
    /// (`resident_ids.distinct`).
    public var distinct: Int
    /// Distinct numbers seen only in 18-character form, only in 15-digit form, in both.
    public var only18: Int
    public var only15: Int
    public var bothForms: Int
    /// Valid values written in each form (duplicates included).
    public var hits18: Int
    public var hits15: Int
    public var male: Int
    public var female: Int
    /// Distinct holders by age on the as-of date, in ``SizingReport/ageBands`` order.
    public var ageBands: [Int]
    /// Numbers whose birth date is not a real date on or before the as-of date (left out of
    /// the age bands; a validator that accepts them is worth a look).
    public var ageUnknown: Int
    /// Holders under 14 on the as-of date (PIPL Art. 28: sensitive information).
    public var minorsUnder14: Int
    public var provinces: [HistogramEntry]
  }

  public struct Mobiles: Equatable, Sendable {
    /// Distinct valid mobile numbers (over every category holding mobile keys).
    public var distinct: Int
    public var carriers: [HistogramEntry]
    /// By the first three digits.
    public var prefixes: [HistogramEntry]
  }

  public struct Persons: Equatable, Sendable {
    /// Distinct persons (`persons.distinct`).
    public var distinct: Int
    /// Persons by tier, in ``SizingTier/ordered`` order (`tiers.50.persons`…).
    public var byTier: [Int]
    /// Persons by the strongest key that identifies them, in ``SizingReport/personKeyKinds``
    /// order.
    public var byKey: [Int]
    /// Persons identified by no ID number: groups of linked keys (or single keys) that hold
    /// none, each one person.
    public var groupsWithoutID: Int
    /// Groups of linked keys holding ID numbers where a record with no ID number raised one
    /// holder's tier (docs/SIZING.md, "Tiers of persons").
    public var raisedByUnattributedRecords: Int
  }

  /// `score = n50/50 + n500/500 + n5000/5000` over distinct persons (thresholds halved for
  /// insiders), as the exact fraction `numerator / denominator`.
  public struct Score: Equatable, Sendable {
    public var numerator: Int
    public var denominator: Int
    /// The thresholds used for 50, 500 and 5000.
    public var thresholds: [Int]

    /// The exact value with four decimals (the denominator divides 10 000, so it is exact).
    public var decimal: String {
      let scaled = numerator * (10_000 / denominator)
      let fraction = String(scaled % 10_000)
      return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// Reaches 情节严重 (score ≥ 1).
    public var isSerious: Bool { numerator >= denominator }
    /// Reaches 情节特别严重 (score ≥ 10).
    public var isEspeciallySerious: Bool { numerator >= 10 * denominator }
  }

  /// Age bands, as `[lower, upper]` in years (`upper` nil for the last, open band).
  public static let ageBands: [(lower: Int, upper: Int?)] = [
    (0, 13), (14, 17), (18, 29), (30, 39), (40, 49), (50, 59), (60, 69), (70, 79), (80, nil),
  ]

  /// The ids of the kinds of key a person can be identified by, strongest first.
  public static let personKeyKinds = ["resident_id", "mobile", "email", "name_address", "record"]
}

extension SizingAggregate {
  /// Computes the report. The aggregate stays usable (it may be reported again, merged or
  /// written); temporary files made for the histograms and the persons step are removed
  /// before this returns.
  ///
  /// Memory: the aggregate's own sets, plus at most half the budget in working sets (they
  /// spill beyond it), plus 6 bytes per linked person key for the union-find.
  ///
  /// - Throws: ``SizingError`` when spilled or state files cannot be read.
  public mutating func report(_ options: SizingReportOptions) throws -> SizingReport {
    var notices: [String] = []
    let inputList = sortedInputs(notices: &notices)
    let records = try recordFigures(inputList, notices: &notices)
    var kindSets = KindUnion(pendingLimit: nodes.pendingLimit, mergeLimit: nodes.mergeLimit)
    let categoryFigures = try categoryReport(into: &kindSets)
    let mobiles = try kindSets.mobileFigures(lookup: options.lookup, directory: directory)
    let banks = try kindSets.bankFigures(lookup: options.lookup, directory: directory)
    let domains = try kindSets.domainFigures(
      names: domainNames, directory: directory, notices: &notices)
    var residents = ResidentAccumulator(asOf: configuration.asOf)
    let persons = try PersonCounter.count(
      nodes: &nodes, links: &links, residents: &residents, memoryBudget: memoryBudget,
      directory: directory)
    let thresholds = SizingTier.ordered.map { options.insider ? $0.rawValue / 2 : $0.rawValue }
    let denominator = options.insider ? 2_500 : 5_000
    let numerator = zip(persons.byTier, thresholds).reduce(0) { $0 + $1.0 * (denominator / $1.1) }
    var copies: [SizingReport.CopyGroup] = []
    var bySHA: [String: [SizingReport.InputIdentityText]] = [:]
    for input in inputList where input.sha256 != nil {
      bySHA[input.sha256!, default: []].append(.init(path: input.path, member: input.member))
    }
    for (sha, group) in bySHA where group.count > 1 {
      copies.append(SizingReport.CopyGroup(sha256: sha, inputs: group))
    }
    copies.sort { utf8Less($0.sha256, $1.sha256) }
    return SizingReport(
      toolVersion: configuration.toolVersion, rulesetSHA256: configuration.rulesetSHA256,
      asOf: configuration.asOf, bankCardTier: configuration.bankCardTier,
      insider: options.insider, run: options.run, inputs: inputList, copies: copies,
      records: records, categories: categoryFigures,
      residentIDs: residents.figures(
        hits18: self.records.residentHits18, hits15: self.records.residentHits15,
        lookup: options.lookup),
      mobiles: mobiles, emailDomains: domains, banks: banks, persons: persons,
      score: SizingReport.Score(
        numerator: numerator, denominator: denominator, thresholds: thresholds),
      notices: notices.sorted(by: utf8Less))
  }

  /// Inputs in report order, each marked canonical unless an earlier input has its SHA-256.
  private func sortedInputs(notices: inout [String]) -> [SizingReport.Input] {
    let sorted = inputs.sorted {
      $0.path != $1.path ? utf8Less($0.path, $1.path) : utf8Less($0.member, $1.member)
    }
    var seenSHA: Set<String> = []
    var seenID: Set<UInt64> = []
    return sorted.map { evidence in
      var inputNotices = evidence.notices
      let sha = evidence.chosenSHA256
      if evidence.sha256.count > 1 {
        inputNotices.insert(
          "shards disagree on sha256: "
            + evidence.sha256.sorted(by: utf8Less).joined(separator: " / "))
      }
      if evidence.bytes.count > 1 {
        inputNotices.insert(
          "shards disagree on bytes: "
            + evidence.bytes.sorted().map(String.init).joined(separator: " / "))
      }
      if evidence.formats.count > 1 || evidence.encodings.count > 1 {
        inputNotices.insert(
          "shards disagree on format or encoding: "
            + (evidence.formats.sorted(by: utf8Less) + evidence.encodings.sorted(by: utf8Less))
            .joined(separator: " / "))
      }
      if !seenID.insert(evidence.id).inserted {
        notices.append(
          "two inputs share a 64-bit input id; the split of duplicated records may be off")
      }
      let canonical = sha.map { seenSHA.insert($0).inserted } ?? true
      return SizingReport.Input(
        path: evidence.path, member: evidence.member, sha256: sha, bytes: evidence.bytes.min(),
        format: evidence.formats.min(by: utf8Less), encoding: evidence.encodings.min(by: utf8Less),
        status: evidence.status, notices: inputNotices.sorted(by: utf8Less),
        records: evidence.records, values: evidence.values, isCanonical: canonical)
    }
  }

  /// Record totals and the split of duplicates (docs/SIZING.md, "Duplicated records").
  private mutating func recordFigures(_ inputList: [SizingReport.Input], notices: inout [String])
    throws -> SizingReport.Records
  {
    var canonicalByID: [UInt64: Bool] = [:]
    var canonicalRecords = 0
    for input in inputList {
      canonicalByID[InputEvidence.id(path: input.path, member: input.member)] = input.isCanonical
      if input.isCanonical { canonicalRecords += input.records }
    }
    var distinct = 0
    var distinctCanonical = 0
    var canonicalPairs = 0
    var current: SizingKey?
    var currentHasCanonical = false
    try sightings.forEach(in: directory) { sighting, _ in
      if sighting.content != current {
        if currentHasCanonical { distinctCanonical += 1 }
        current = sighting.content
        currentHasCanonical = false
        distinct += 1
      }
      if canonicalByID[sighting.input] ?? true {
        canonicalPairs += 1
        currentHasCanonical = true
      }
    }
    if currentHasCanonical { distinctCanonical += 1 }
    let total = records.total
    return SizingReport.Records(
      total: total, withIdentifier: records.withIdentifier, distinct: distinct,
      duplicatesWithinInput: canonicalRecords - canonicalPairs,
      duplicatesAcrossInputs: canonicalPairs - distinctCanonical,
      duplicatesSameFile: (total - canonicalRecords) - (distinct - distinctCanonical),
      byTier: records.byTier)
  }

  /// Per-category figures; keys of mobiles, cards and e-mails also go to `kindSets` for the
  /// histograms over every category.
  private mutating func categoryReport(into kindSets: inout KindUnion) throws
    -> [SizingReport.Category]
  {
    var result: [SizingReport.Category] = []
    let reasons = configuration.reasonCodes
    for index in configuration.categories.indices {
      var distinct = 0
      try categorySets[index].forEach(in: directory) { key, _ in
        distinct += 1
        kindSets.insert(key)
      }
      try kindSets.keepToBudget(memoryBudget / 2, directory: directory)
      let count = counts[index]
      let byReason = count.invalid.indices.compactMap { reason -> SizingReport.ReasonCount? in
        count.invalid[reason] > 0
          ? SizingReport.ReasonCount(reason: reasons[reason], count: count.invalid[reason]) : nil
      }
      func sampleList(_ list: SampleList, invalid: Bool) -> [SizingReport.Sample] {
        list.entries.sorted { $0.isEarlier(than: $1) }.map {
          SizingReport.Sample(
            masked: $0.masked, path: $0.path, member: $0.member, offset: $0.offset,
            line: $0.line, reason: invalid ? reasons[$0.reasonCode] : nil)
        }
      }
      result.append(
        SizingReport.Category(
          id: configuration.categories[index], raw: count.raw, valid: count.valid,
          invalid: count.invalid.reduce(0, +), invalidByReason: byReason, distinctValid: distinct,
          samples: sampleList(samples[index].valid, invalid: false),
          invalidSamples: sampleList(samples[index].invalid, invalid: true)))
    }
    return result
  }
}

/// Orders a histogram by count (largest first), then key (UTF-8 bytes; unknown last).
func histogram(_ counts: [String?: Int], name: (String) -> String? = { _ in nil })
  -> [SizingReport.HistogramEntry]
{
  counts.map {
    SizingReport.HistogramEntry(key: $0.key, name: $0.key.flatMap(name), count: $0.value)
  }
  .sorted {
    if $0.count != $1.count { return $0.count > $1.count }
    if $0.key == nil || $1.key == nil { return $1.key == nil && $0.key != nil }
    return utf8Less($0.key!, $1.key!)
  }
}

/// Distinct keys of the kinds that have histograms, united over all categories.
struct KindUnion {
  var mobiles: KeyRunSet<SizingKey>
  var cards: KeyRunSet<SizingKey>
  var emails: KeyRunSet<SizingKey>

  init(pendingLimit: Int, mergeLimit: Int) {
    mobiles = KeyRunSet(pendingLimit: pendingLimit, mergeLimit: mergeLimit)
    cards = mobiles
    emails = mobiles
  }

  mutating func insert(_ key: SizingKey) {
    switch key.tag {
    case SizingKey.Tag.mobile: mobiles.insert(key)
    case SizingKey.Tag.bankCard: cards.insert(key)
    case SizingKey.Tag.email: emails.insert(key)
    default: break
    }
  }

  mutating func keepToBudget(_ budget: Int, directory: SizingTemporaryDirectory) throws {
    guard mobiles.bytesInMemory + cards.bytesInMemory + emails.bytesInMemory > budget else {
      return
    }
    try mobiles.spill(to: directory)
    try cards.spill(to: directory)
    try emails.spill(to: directory)
  }

  mutating func mobileFigures(lookup: any SizingLookup, directory: SizingTemporaryDirectory)
    throws -> SizingReport.Mobiles
  {
    var distinct = 0
    var carriers: [String?: Int] = [:]
    var prefixes = [Int](repeating: 0, count: 1_000)
    try mobiles.forEach(in: directory) { key, _ in
      guard let number = key.mobileNumber else { return }
      distinct += 1
      carriers[lookup.mobileCarrier(number: number), default: 0] += 1
      // An 11-digit number's first three digits (a key made by hand may hold more).
      prefixes[Int(min(number / 100_000_000, 999))] += 1
    }
    let seen = prefixes.indices.filter { prefixes[$0] > 0 }
    return SizingReport.Mobiles(
      distinct: distinct, carriers: histogram(carriers),
      prefixes: histogram(Dictionary(uniqueKeysWithValues: seen.map { (String($0), prefixes[$0]) }))
    )
  }

  mutating func bankFigures(lookup: any SizingLookup, directory: SizingTemporaryDirectory)
    throws -> [SizingReport.HistogramEntry]
  {
    var banks: [String?: Int] = [:]
    try cards.forEach(in: directory) { key, _ in
      guard let digits = key.bankCardDigits else { return }
      banks[lookup.bankName(cardNumber: digits), default: 0] += 1
    }
    return histogram(banks)
  }

  /// Distinct e-mails per domain: keys sorted by `high` come grouped by domain hash.
  mutating func domainFigures(
    names: [UInt64: [String]], directory: SizingTemporaryDirectory, notices: inout [String]
  ) throws -> [SizingReport.HistogramEntry] {
    var domains: [String?: Int] = [:]
    try emails.forEach(in: directory) { key, _ in
      guard let hash = key.emailDomainHash else { return }
      domains[names[hash]?.first, default: 0] += 1
    }
    let collisions = names.values.filter { $0.count > 1 }.count
    if collisions > 0 {
      notices.append(
        "\(collisions) e-mail domain hash(es) are shared by two domain names; their addresses "
          + "are counted under the first name")
    }
    return histogram(domains)
  }
}
