import PIIScanSizing

/// Feeds a scan's findings to the sizing arithmetic (`PIIScanSizing`, docs/SIZING.md): groups
/// them into records (the findings that share a `record` offset, which come together in input
/// order), turns each personal value into a key, a category and a verdict, gives each record
/// its tier from the registry, and lists every input with its hash, format and notices.
///
/// It decides what the module leaves to its caller: what is personal (the registry's
/// `personal`), what names a person (`person_key`), what identifies one (`identifier`), a
/// record's tier (the highest of its valid values' categories; a bank card's as
/// `--bank-card-tier` says), how a value is normalised (15-digit ID numbers as their 18-digit
/// form, e-mails lower-cased), and what a record's content is for telling duplicates apart (its
/// personal values, by category, in a fixed order).
public final class SizingSink: FindingSink {
  public private(set) var aggregate: SizingAggregate
  /// The first error the aggregate gave (a spill that failed).
  public private(set) var error: (any Error)?
  private let categoryIndex: [String: Int]
  private let reasonIndex: [ReasonCode: Int]
  private let bankCardTier: SizingTier
  private var sources: [ScanInput: Int] = [:]
  private var notices: [ScanInput: [Notice]] = [:]

  /// One shard of a plain file (`size --range`): which records it counts and where its lines
  /// are in the whole file.
  ///
  /// The scan reads a chunk more on each side of the range, so that a record cut by a shard
  /// edge is seen whole by the shard holding its start; the records are then kept by their
  /// start offset, so the shards of a file count each record once. The scan numbers lines from
  /// its first byte, so `linesBefore` (the line feeds before that byte, which the caller
  /// counts) puts the samples' lines back in the whole file's numbering. What only a reading of
  /// the whole file knows is left to the description of the whole file (`size
  /// --describe-only`): hash, size, format, encoding, undecodable bytes.
  public struct Shard: Sendable, Equatable {
    public var records: Range<Int64>
    public var linesBefore: Int

    public init(records: Range<Int64>, linesBefore: Int) {
      self.records = records
      self.linesBefore = linesBefore
    }
  }

  /// Set for a shard; nil for a whole run.
  public var shard: Shard?
  /// The first container (an archive, a compressed file, a workbook) a shard met: a shard
  /// reads a plain file only, so its offsets are those of the file.
  public private(set) var shardContainer: String?

  // The record being gathered.
  private var recordInput: ScanInput?
  private var recordOffset: Int64 = -1
  private var values: [SizingValue] = []
  private var contentParts: [(category: Int, value: FindingValue)] = []
  private var recordTier: SizingTier?
  private var content: [UInt8] = []

  /// The categories a sizing configuration lists for `rules`: their personal categories, in
  /// id order (so runs over the same rules, on any machine, agree).
  public static func categories(of rules: RuleSet) -> [String] {
    rules.categoryList.filter(\.isPersonal).map(\.id).sorted()
  }

  /// The reason codes a sizing configuration lists: "" (none), then every code.
  public static let reasonCodes = [""] + ReasonCode.allCases.map(\.id)

  public init(aggregate: SizingAggregate) {
    self.aggregate = aggregate
    var index: [String: Int] = [:]
    for (position, id) in aggregate.configuration.categories.enumerated() { index[id] = position }
    categoryIndex = index
    var reasons: [ReasonCode: Int] = [:]
    for code in ReasonCode.allCases {
      reasons[code] = Self.reasonCodes.firstIndex(of: code.id)
    }
    reasonIndex = reasons
    bankCardTier = aggregate.configuration.bankCardTier
  }

  public func receive(_ batch: FindingBatch) {
    for finding in batch.findings {
      let category = finding.category
      guard category.isPersonal, let index = categoryIndex[category.id] else { continue }
      if let shard, !shard.records.contains(finding.record) { continue }
      if recordInput != batch.input || recordOffset != finding.record { flush() }
      recordInput = batch.input
      recordOffset = finding.record
      add(finding, category: category, index: index, input: batch.input)
    }
  }

  public func receive(_ event: ScanEvent) {
    switch event {
    case .finished(let input, let summary):
      flush()
      let source = self.source(of: input)
      var inputNotices = notices.removeValue(forKey: input) ?? []
      // A shard's count of undecodable bytes covers its reading, not the file.
      if shard != nil { inputNotices.removeAll { $0.kind == .undecodable } }
      var status: SizingInputStatus = .complete
      if inputNotices.contains(where: { $0.severity == .error }) || summary.error != nil {
        status = summary.bytes > 0 ? .partial : .unreadable
      } else if inputNotices.contains(where: { $0.severity == .warning }) {
        status = .partial
      }
      let texts = inputNotices.map { "\($0.kind.rawValue): \($0.message)" }
      if shard != nil {
        aggregate.describe(source: source, SizingInputDescription(status: status, notices: texts))
      } else {
        aggregate.describe(
          source: source,
          SizingInputDescription(
            sha256: summary.facts?.sha256, bytes: summary.facts?.bytes ?? summary.bytes,
            format: summary.facts?.format, encoding: summary.facts?.encoding, status: status,
            notices: texts))
      }
    case .described(let input, let facts):
      if shard != nil && shardContainer == nil { shardContainer = input.displayName }
      aggregate.describe(
        source: source(of: input),
        SizingInputDescription(
          sha256: facts.sha256, bytes: facts.bytes, format: facts.format,
          encoding: facts.encoding))
    case .notice(let input, let notice):
      if notice.kind == .binary || notice.kind == .skipped {
        aggregate.describe(
          source: source(of: input),
          SizingInputDescription(
            status: .skipped, notices: ["\(notice.kind.rawValue): \(notice.message)"]))
      } else {
        notices[input, default: []].append(notice)
      }
    case .started(let input):
      if shard != nil && input.member != nil && shardContainer == nil {
        shardContainer = input.displayName
      }
    case .progress:
      break
    }
  }

  /// Ends the record being gathered (call at the end of the scan too).
  public func finish() {
    flush()
    for (input, all) in notices.sorted(by: { $0.key.displayName < $1.key.displayName }) {
      let list = shard == nil ? all : all.filter { $0.kind != .undecodable }
      guard !list.isEmpty else { continue }
      aggregate.describe(
        source: source(of: input),
        SizingInputDescription(
          status: list.contains { $0.severity == .error } ? .unreadable : .partial,
          notices: list.map { "\($0.kind.rawValue): \($0.message)" }))
    }
    notices.removeAll()
  }

  private func source(of input: ScanInput) -> Int {
    if let source = sources[input] { return source }
    let source = aggregate.source(path: input.displayPath, member: input.member)
    sources[input] = source
    return source
  }

  /// One personal value into the record being gathered.
  private func add(_ finding: Finding, category: Category, index: Int, input: ScanInput) {
    var form: UInt8 = 0
    let key: SizingKey = finding.value.withBytes { bytes in
      switch category.personKey {
      case .residentID?:
        if bytes.count == 15, let upgraded = ResidentID.upgrade(fifteen: finding.value.string) {
          form = 15
          return SizingKey.residentID(upgraded) ?? SizingKey.hashed(bytes: bytes, tag: tag(index))
        }
        form = 18
        return SizingKey.residentID(bytes: bytes) ?? SizingKey.hashed(bytes: bytes, tag: tag(index))
      case .mobile?:
        return SizingKey.mobile(finding.value.string)
          ?? SizingKey.hashed(bytes: bytes, tag: tag(index))
      case .email?:
        let lowered = finding.value.string.lowercased()
        if finding.valid, let at = lowered.lastIndex(of: "@") {
          aggregate.noteEmailDomain(lowered[lowered.index(after: at)...])
        }
        return SizingKey.email(lowered)
      default:
        if category.id == "cn_bank_card", let card = SizingKey.bankCard(finding.value.string) {
          return card
        }
        return SizingKey.hashed(bytes: bytes, tag: tag(index))
      }
    }
    let person: SizingPersonKind? =
      switch category.personKey {
      case .residentID?: .residentID
      case .mobile?: .mobile
      case .email?: .email
      case .name?: .name
      case .address?: .address
      case nil: nil
      }
    let reason = finding.reasonCode.flatMap { reasonIndex[$0] } ?? 0
    values.append(
      SizingValue(
        category: index, valid: finding.valid, reasonCode: finding.valid ? 0 : reason, key: key,
        person: person, isIdentifier: category.isIdentifier, form: form))
    contentParts.append((index, finding.value))
    if finding.valid, let tier = tier(of: category) {
      recordTier = max(recordTier ?? tier, tier)
    }
    if aggregate.wantsSample(category: index, key: key, valid: finding.valid) {
      let source = self.source(of: input)
      aggregate.addSample(
        category: index, key: key, valid: finding.valid, reasonCode: finding.valid ? 0 : reason,
        masked: Redaction.mask(finding.value.string, category: category), source: source,
        offset: finding.offset,
        line: finding.line > 0 ? finding.line + (shard?.linesBefore ?? 0) : nil)
    }
  }

  /// A category's tier in the sizing module's terms (a bank card's as configured).
  private func tier(of category: Category) -> SizingTier? {
    if category.id == "cn_bank_card" { return bankCardTier }
    switch category.tier {
    case .fifty?: return .fifty
    case .fiveHundred?: return .fiveHundred
    case .fiveThousand?: return .fiveThousand
    case nil: return nil
    }
  }

  /// The hash tag of a category's values: one of its own, so equal text in two categories
  /// stays two values.
  private func tag(_ index: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: Int(SizingKey.firstCallerTag) + index)
  }

  /// Hands the gathered record to the aggregate.
  private func flush() {
    guard let input = recordInput, !values.isEmpty else {
      recordInput = nil
      return
    }
    // The record's content: its values by category, then bytes, in that order.
    contentParts.sort { left, right in
      left.category != right.category
        ? left.category < right.category
        : left.value.withBytes { a in right.value.withBytes { b in a.lexicographicallyPrecedes(b) }
        }
    }
    content.removeAll(keepingCapacity: true)
    for part in contentParts {
      content.append(UInt8(truncatingIfNeeded: part.category))
      part.value.withBytes { content.append(contentsOf: $0) }
      content.append(0)
    }
    let contentKey = content.withUnsafeBytes { SizingKey.content(bytes: $0) }
    let record = SizingRecord(
      source: source(of: input), offset: recordOffset, tier: recordTier ?? .fiveThousand,
      contentKey: contentKey, values: values)
    do {
      try aggregate.add(record)
    } catch {
      if self.error == nil { self.error = error }
    }
    values.removeAll(keepingCapacity: true)
    contentParts.removeAll(keepingCapacity: true)
    recordTier = nil
    recordInput = nil
  }
}

/// The project's reference tables, for the names the sizing report's histograms show.
public struct RegistryLookup: SizingLookup {
  public init() {}

  public func provinceName(code: Int) -> String? {
    RegionCodeTable.shared.region(code: code * 10_000)?.name
  }

  public func mobileCarrier(number: UInt64) -> String? {
    MobilePrefixTable.shared.lookup(Array(String(number).utf8))?.carrierZh
  }

  public func bankName(cardNumber: String) -> String? {
    BankBINTable.shared.lookup(Array(cardNumber.utf8))?.bank
  }
}
