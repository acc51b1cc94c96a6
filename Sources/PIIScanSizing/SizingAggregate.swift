/// Everything `piiscan size` counts, as a value that merges: one per worker thread, merged at
/// the end, and across machines through state files (``write(to:)``, ``merging(stateFiles:
/// memoryBudget:directory:)``).
///
/// Feed it records (``add(_:)``); register inputs (``source(path:member:)``) and describe them
/// (``describe(source:_:)``) once their hash is known; offer masked samples
/// (``wantsSample(category:key:valid:)``, ``addSample(category:key:valid:reasonCode:masked:source:offset:line:)``);
/// note e-mail domains (``noteEmailDomain(_:)``). Then ``report(_:)``.
///
/// **Merging** is commutative and associative: counts add, distinct sets unite (exactly:
/// sorted runs merged, never estimated), inputs unite by path and member, samples keep the
/// first by a fixed order. So the report is the same for any number of workers, any split of
/// records between them and any order of inputs: nothing depends on arrival order.
///
/// **Persons** are linked as docs/SIZING.md describes: in a record, the persons are the
/// distinct valid values of the strongest kind present (ID number > mobile > e-mail > name
/// with address); when that kind has exactly one value, each weaker kind with exactly one
/// value is linked to it. Links are kept as pairs and joined at report time by union-find.
///
/// **Memory**: past `memoryBudget` bytes of set entries the largest sets spill sorted runs to
/// `directory` (see ``KeyRunSet``).
///
/// - Note: a value type. Use each aggregate from one thread at a time; move it to another
///   thread to merge (it is `Sendable`). Copies share spilled files, which never change.
public struct SizingAggregate: Sendable {
  public let configuration: SizingConfiguration
  public let memoryBudget: Int
  public let directory: SizingTemporaryDirectory

  var inputs: [InputEvidence] = []
  var inputIndex: [InputIdentity: Int] = [:]
  var counts: [CategoryCounts]
  var categorySets: [KeyRunSet<SizingKey>]
  var records = RecordCounts()
  /// Person keys; the payload holds tiers, the linked bit and ID forms (``NodeBits``).
  var nodes: KeyRunSet<SizingKey>
  var links: KeyRunSet<PersonLink>
  var sightings: KeyRunSet<RecordSighting>
  var samples: [CategorySamples]
  /// Names seen for each e-mail domain hash (more than one only on a hash collision).
  var domainNames: [UInt64: [String]] = [:]

  // Per-record scratch, kept to spare allocations.
  private var scratchIDs: [RunEntry<SizingKey>] = []
  private var scratchMobiles: [SizingKey] = []
  private var scratchEmails: [SizingKey] = []
  private var scratchNames: [SizingKey] = []
  private var scratchAddresses: [SizingKey] = []
  private var entriesSinceCheck = 0
  private let checkInterval: Int

  /// An empty aggregate.
  ///
  /// - Parameters:
  ///   - memoryBudget: bytes of set entries this aggregate keeps in memory before spilling
  ///     (give each worker its share of the run's budget).
  ///   - directory: where spilled runs go; shared by every aggregate of a run.
  public init(
    configuration: SizingConfiguration, memoryBudget: Int, directory: SizingTemporaryDirectory
  ) {
    self.configuration = configuration
    self.memoryBudget = max(1, memoryBudget)
    self.directory = directory
    let categories = configuration.categories.count
    counts = Array(
      repeating: CategoryCounts(reasons: configuration.reasonCodes.count), count: categories)
    // A set's buffer is a small share of the budget, so tiny budgets still spill often.
    let pending = min(1 << 15, max(8, memoryBudget / 24 / 64))
    let mergeLimit = max(16, memoryBudget / 17 / 4)
    categorySets = Array(
      repeating: KeyRunSet(pendingLimit: pending, mergeLimit: mergeLimit), count: categories)
    nodes = KeyRunSet(pendingLimit: pending, mergeLimit: mergeLimit)
    links = KeyRunSet(pendingLimit: pending, mergeLimit: mergeLimit)
    sightings = KeyRunSet(pendingLimit: pending, mergeLimit: mergeLimit)
    samples = Array(repeating: CategorySamples(), count: categories)
    checkInterval = min(1 << 12, max(1, memoryBudget / (1 << 12)))
  }

  // MARK: Inputs

  /// The number of the input at `path` (and `member`, inside an archive or workbook),
  /// registering it the first time. Records name their input by this number.
  public mutating func source(path: String, member: String?) -> Int {
    let identity = InputIdentity(path: path, member: member)
    if let index = inputIndex[identity] { return index }
    inputs.append(InputEvidence(path: path, member: member))
    inputIndex[identity] = inputs.count - 1
    return inputs.count - 1
  }

  /// Records what is known of an input (its hash, size, format…). Descriptions given more
  /// than once, here or in merged aggregates, are united (docs/SIZING.md, "Inputs").
  public mutating func describe(source: Int, _ description: SizingInputDescription) {
    inputs[source].absorb(description)
  }

  // MARK: Records

  /// Counts one record and its values.
  ///
  /// - Throws: ``SizingError`` when a spill to the temporary directory fails.
  public mutating func add(_ record: SizingRecord) throws {
    records.total += 1
    records.byTier[record.tier.index] += 1
    inputs[record.source].records += 1
    inputs[record.source].values += record.values.count
    var hasIdentifier = false
    for value in record.values {
      counts[value.category].raw += 1
      guard value.valid else {
        counts[value.category].invalid[value.reasonCode] += 1
        continue
      }
      counts[value.category].valid += 1
      categorySets[value.category].insert(value.key)
      if value.isIdentifier { hasIdentifier = true }
      guard let person = value.person else { continue }
      switch person {
      case .residentID:
        let form = value.form == 15 ? NodeBits.form15 : NodeBits.form18
        if value.form == 15 { records.residentHits15 += 1 } else { records.residentHits18 += 1 }
        scratchIDs.append(RunEntry(key: value.key, payload: form))
      case .mobile: scratchMobiles.append(value.key)
      case .email: scratchEmails.append(value.key)
      case .name: scratchNames.append(value.key)
      case .address: scratchAddresses.append(value.key)
      }
    }
    if hasIdentifier { records.withIdentifier += 1 }
    sightings.insert(RecordSighting(content: record.contentKey, input: inputs[record.source].id))
    linkPersons(tier: record.tier, content: record.contentKey, hasIdentifier: hasIdentifier)
    entriesSinceCheck += record.values.count + 4
    if entriesSinceCheck >= checkInterval {
      entriesSinceCheck = 0
      try keepToBudget()
    }
  }

  /// Turns the record's person values into person keys and links (docs/SIZING.md). Works in
  /// the scratch arrays only: no allocation per record.
  private mutating func linkPersons(tier: SizingTier, content: SizingKey, hasIdentifier: Bool) {
    defer {
      scratchIDs.removeAll(keepingCapacity: true)
      scratchMobiles.removeAll(keepingCapacity: true)
      scratchEmails.removeAll(keepingCapacity: true)
      scratchNames.removeAll(keepingCapacity: true)
      scratchAddresses.removeAll(keepingCapacity: true)
    }
    Self.sortUnique(&scratchMobiles)
    Self.sortUnique(&scratchEmails)
    Self.sortUnique(&scratchNames)
    Self.sortUnique(&scratchAddresses)
    let mobile = scratchMobiles.count == 1 ? scratchMobiles[0] : nil
    let email = scratchEmails.count == 1 ? scratchEmails[0] : nil
    var nameAddress: SizingKey?
    if scratchNames.count == 1 && scratchAddresses.count == 1 {
      nameAddress = SizingKey.nameAddress(name: scratchNames[0], address: scratchAddresses[0])
    }
    let flag = tier.flag
    if !scratchIDs.isEmpty {
      Self.sortUnique(&scratchIDs)
      var linked: UInt8 = 0
      if scratchIDs.count == 1 {
        // Weaker values are the ID holder's: they carry no tier of their own (the record's
        // tier is the ID's), only the linked bit.
        linked = link(scratchIDs[0].key, to: mobile, email, nameAddress, flag: 0)
      }
      for entry in scratchIDs { nodes.insert(entry.key, payload: flag | entry.payload | linked) }
    } else if !scratchMobiles.isEmpty {
      // No ID holder claims this record: every key it names takes its tier.
      var linked: UInt8 = 0
      if let mobile { linked = link(mobile, to: nil, email, nameAddress, flag: flag) }
      for key in scratchMobiles { nodes.insert(key, payload: flag | linked) }
    } else if !scratchEmails.isEmpty {
      var linked: UInt8 = 0
      if let email { linked = link(email, to: nil, nil, nameAddress, flag: flag) }
      for key in scratchEmails { nodes.insert(key, payload: flag | linked) }
    } else if let nameAddress {
      nodes.insert(nameAddress, payload: flag)
    } else if hasIdentifier {
      nodes.insert(SizingKey.record(content: content), payload: flag)
    }
  }

  /// Links `anchor` to each weaker value given (the single value of its kind in the record);
  /// returns the linked bit when it made a link.
  private mutating func link(
    _ anchor: SizingKey, to mobile: SizingKey?, _ email: SizingKey?, _ nameAddress: SizingKey?,
    flag: UInt8
  ) -> UInt8 {
    var linked: UInt8 = 0
    if let mobile { linked = linkOne(anchor, mobile, flag: flag) }
    if let email { linked = linkOne(anchor, email, flag: flag) }
    if let nameAddress { linked = linkOne(anchor, nameAddress, flag: flag) }
    return linked
  }

  private mutating func linkOne(_ anchor: SizingKey, _ weak: SizingKey, flag: UInt8) -> UInt8 {
    links.insert(PersonLink(anchor: anchor, weak: weak))
    nodes.insert(weak, payload: NodeBits.linked | flag)
    return NodeBits.linked
  }

  /// Sorts ID entries and folds repeats of a number together (OR of their form bits).
  private static func sortUnique(_ entries: inout [RunEntry<SizingKey>]) {
    guard entries.count > 1 else { return }
    entries.sort { $0.key < $1.key }
    var write = 0
    for read in 1..<entries.count {
      if entries[read].key == entries[write].key {
        entries[write].payload |= entries[read].payload
      } else {
        write += 1
        entries[write] = entries[read]
      }
    }
    entries.removeLast(entries.count - write - 1)
  }

  private static func sortUnique(_ keys: inout [SizingKey]) {
    guard keys.count > 1 else { return }
    keys.sort()
    var write = 1
    for read in 1..<keys.count where keys[read] != keys[write - 1] {
      keys[write] = keys[read]
      write += 1
    }
    keys.removeLast(keys.count - write)
  }

  // MARK: Samples and domains

  /// Whether a value would enter the masked samples of its category: call it before masking,
  /// and ``addSample(category:key:valid:reasonCode:masked:source:offset:line:)`` only when it
  /// says yes. Samples are the values with the smallest ``samplePriority(_:)``, each at the
  /// first place it was seen (by path, member, offset): a choice no input order can change.
  public func wantsSample(category: Int, key: SizingKey, valid: Bool) -> Bool {
    let limit = configuration.samplesPerCategory
    let list = valid ? samples[category].valid : samples[category].invalid
    guard list.count >= limit else { return limit > 0 }
    guard let worst = list.last else { return false }
    let priority = Self.samplePriority(key)
    return (priority, key) <= (worst.priority, worst.key)
  }

  /// Offers a masked sample of a value found at `offset` in input `source` (and at 1-based
  /// `line`, when the caller knows it).
  public mutating func addSample(
    category: Int, key: SizingKey, valid: Bool, reasonCode: Int = 0, masked: String,
    source: Int, offset: Int64, line: Int? = nil
  ) {
    let sample = SizingSample(
      priority: Self.samplePriority(key), key: key, reasonCode: valid ? 0 : reasonCode,
      masked: masked, path: inputs[source].path, member: inputs[source].member, offset: offset,
      line: line)
    let limit = configuration.samplesPerCategory
    if valid {
      samples[category].valid.offer(sample, limit: limit)
    } else {
      samples[category].invalid.offer(sample, limit: limit)
    }
  }

  /// A sample's rank: a fixed 64-bit mix of the key (the SplitMix64 finaliser applied to
  /// both words), so samples spread over the data instead of all coming from its start.
  public static func samplePriority(_ key: SizingKey) -> UInt64 {
    func mix(_ value: UInt64) -> UInt64 {
      var z = value
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    return mix(key.high ^ mix(key.low))
  }

  /// Notes the domain (the text after the last `@`) of a valid e-mail, so that the report can
  /// name the domains it counts; call it for every valid e-mail (repeats are cheap).
  public mutating func noteEmailDomain(_ domain: some StringProtocol) {
    let hash = SizingKey.domainHash(domain)
    if let names = domainNames[hash], names.contains(where: { $0 == domain }) { return }
    Self.addDomain(String(domain), hash: hash, to: &domainNames)
  }

  static func addDomain(_ name: String, hash: UInt64, to table: inout [UInt64: [String]]) {
    var names = table[hash] ?? []
    guard !names.contains(name) else { return }
    names.append(name)
    names.sort(by: utf8Less)
    table[hash] = names
  }

  // MARK: Merging

  /// Adds everything `other` counted. The inputs of `other` are matched to these by path and
  /// member, so its record numbers need not agree with these.
  ///
  /// - Throws: ``SizingError`` (`incompatibleStates`) when the configurations differ, or when
  ///   a spill fails.
  public mutating func merge(_ other: consuming SizingAggregate) throws {
    guard configuration == other.configuration else {
      throw SizingError(
        .incompatibleStates,
        message: "the aggregates were made with different settings (categories, reason codes, "
          + "as-of date, bank card tier, samples, tool version or rule set)")
    }
    for evidence in other.inputs {
      let identity = InputIdentity(path: evidence.path, member: evidence.member)
      if let index = inputIndex[identity] {
        inputs[index].absorb(evidence)
      } else {
        inputs.append(evidence)
        inputIndex[identity] = inputs.count - 1
      }
    }
    for index in counts.indices {
      counts[index].add(other.counts[index])
      categorySets[index].merge(other.categorySets[index])
      samples[index].merge(other.samples[index], limit: configuration.samplesPerCategory)
    }
    records.add(other.records)
    nodes.merge(other.nodes)
    links.merge(other.links)
    sightings.merge(other.sightings)
    for (hash, names) in other.domainNames {
      for name in names { Self.addDomain(name, hash: hash, to: &domainNames) }
    }
    // Merging thousands of states adds a run per state to every set: merge file runs as they
    // pile up, so that reading never opens more than a merge's worth of files.
    let limit = KeyRunSet<SizingKey>.fanIn
    for index in categorySets.indices where categorySets[index].fileRuns.count > limit {
      try categorySets[index].compactFiles(in: directory, keepingAtMost: limit / 2)
    }
    if nodes.fileRuns.count > limit {
      try nodes.compactFiles(in: directory, keepingAtMost: limit / 2)
    }
    if links.fileRuns.count > limit {
      try links.compactFiles(in: directory, keepingAtMost: limit / 2)
    }
    if sightings.fileRuns.count > limit {
      try sightings.compactFiles(in: directory, keepingAtMost: limit / 2)
    }
    try keepToBudget()
  }

  // MARK: Memory

  /// Bytes of set entries in memory.
  public var bytesInMemory: Int {
    categorySets.reduce(0) { $0 + $1.bytesInMemory } + nodes.bytesInMemory
      + links.bytesInMemory + sightings.bytesInMemory
  }

  /// Spills the largest sets until at most half the budget is left in memory, when over it.
  mutating func keepToBudget() throws {
    var total = bytesInMemory
    guard total > memoryBudget else { return }
    var sizes: [(bytes: Int, set: Int)] = categorySets.indices.map {
      (categorySets[$0].bytesInMemory, $0)
    }
    let others = categorySets.count
    sizes += [
      (nodes.bytesInMemory, others), (links.bytesInMemory, others + 1),
      (sightings.bytesInMemory, others + 2),
    ]
    sizes.sort { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.set < $1.set }
    for (bytes, set) in sizes where bytes > 0 {
      switch set - others {
      case 0: try nodes.spill(to: directory)
      case 1: try links.spill(to: directory)
      case 2: try sightings.spill(to: directory)
      default: try categorySets[set].spill(to: directory)
      }
      total -= bytes
      if total <= memoryBudget / 2 { break }
    }
  }

  /// Writes every set's memory to the temporary directory (for tests and for callers that
  /// want to free memory before the report).
  public mutating func spillAll() throws {
    for index in categorySets.indices { try categorySets[index].spill(to: directory) }
    try nodes.spill(to: directory)
    try links.spill(to: directory)
    try sightings.spill(to: directory)
  }
}

/// Bits of a person key's payload.
enum NodeBits {
  /// Bits 0…2: tiers (``SizingTier/flag``). For an ID number, the tiers of the records that
  /// hold it; for any other key, the tiers of records that held it with no ID number.
  static let tiers: UInt8 = 0x07
  /// The key is an end of at least one link.
  static let linked: UInt8 = 0x08
  /// An ID number written with 18 characters, with 15 digits.
  static let form18: UInt8 = 0x10
  static let form15: UInt8 = 0x20
}

/// Counts of one category.
struct CategoryCounts: Equatable, Sendable {
  var raw = 0
  var valid = 0
  /// Invalid values by reason-code index.
  var invalid: [Int]

  init(reasons: Int) { invalid = Array(repeating: 0, count: reasons) }

  mutating func add(_ other: CategoryCounts) {
    raw += other.raw
    valid += other.valid
    for index in invalid.indices { invalid[index] += other.invalid[index] }
  }
}

/// Counts of records.
struct RecordCounts: Equatable, Sendable {
  var total = 0
  var withIdentifier = 0
  /// Records by tier, in ``SizingTier/ordered`` order.
  var byTier = [0, 0, 0]
  /// Valid ID-number values written with 18 characters and with 15 digits.
  var residentHits18 = 0
  var residentHits15 = 0

  mutating func add(_ other: RecordCounts) {
    total += other.total
    withIdentifier += other.withIdentifier
    for index in byTier.indices { byTier[index] += other.byTier[index] }
    residentHits18 += other.residentHits18
    residentHits15 += other.residentHits15
  }
}

/// An input's identity: its path and, inside an archive or workbook, its member.
struct InputIdentity: Hashable, Sendable {
  var path: String
  var member: String?
}

/// What is known of one input, united over every description of it (shards of one file each
/// describe it): every distinct value of each field is kept, so that uniting is associative
/// and a disagreement can be reported.
struct InputEvidence: Equatable, Sendable {
  let path: String
  let member: String?
  /// A stable 64-bit id of the identity (SipHash-2-4-64 of path and member), which record
  /// sightings carry instead of a number that differs between aggregates.
  let id: UInt64
  var records = 0
  var values = 0
  var sha256: Set<String> = []
  var bytes: Set<Int64> = []
  var formats: Set<String> = []
  var encodings: Set<String> = []
  /// The worst status described; nil when never described.
  var status: SizingInputStatus?
  var notices: Set<String> = []

  init(path: String, member: String?) {
    self.path = path
    self.member = member
    id = Self.id(path: path, member: member)
  }

  static func id(path: String, member: String?) -> UInt64 {
    var hasher = SipHash(wide: false)
    hasher.combine(UInt8(9))
    for part in [path, member] {
      guard let part else {
        hasher.combine(UInt64.max)
        continue
      }
      hasher.combine(UInt64(part.utf8.count))
      SizingKey.withBytes(part) { hasher.combine($0) }
    }
    return hasher.finish64()
  }

  mutating func absorb(_ description: SizingInputDescription) {
    if let value = description.sha256 { sha256.insert(value) }
    if let value = description.bytes { bytes.insert(value) }
    if let value = description.format { formats.insert(value) }
    if let value = description.encoding { encodings.insert(value) }
    status = max(status ?? description.status, description.status)
    notices.formUnion(description.notices)
  }

  mutating func absorb(_ other: InputEvidence) {
    records += other.records
    values += other.values
    sha256.formUnion(other.sha256)
    bytes.formUnion(other.bytes)
    formats.formUnion(other.formats)
    encodings.formUnion(other.encodings)
    if let other = other.status { status = max(status ?? other, other) }
    notices.formUnion(other.notices)
  }

  /// The SHA-256 the report shows: the only one given, or the smallest when shards disagree.
  var chosenSHA256: String? { sha256.min(by: utf8Less) }
}

/// A masked sample and where it was first seen.
struct SizingSample: Equatable, Sendable {
  var priority: UInt64
  var key: SizingKey
  var reasonCode: Int
  var masked: String
  var path: String
  var member: String?
  var offset: Int64
  var line: Int?

  /// Whether this sample's place comes before `other`'s (path, member, offset; then line and
  /// masked text, so that even inconsistent callers get one answer).
  func isEarlier(than other: SizingSample) -> Bool {
    if path != other.path { return utf8Less(path, other.path) }
    if member != other.member { return utf8Less(member, other.member) }
    if offset != other.offset { return offset < other.offset }
    if line != other.line { return (line ?? .max) < (other.line ?? .max) }
    if reasonCode != other.reasonCode { return reasonCode < other.reasonCode }
    return utf8Less(masked, other.masked)
  }
}

/// Up to `limit` samples with the smallest (priority, key), each at its earliest place.
struct SampleList: Equatable, Sendable {
  private(set) var entries: [SizingSample] = []

  var count: Int { entries.count }
  var last: SizingSample? { entries.last }

  mutating func offer(_ sample: SizingSample, limit: Int) {
    guard limit > 0 else { return }
    if let index = entries.firstIndex(where: { $0.key == sample.key }) {
      if sample.isEarlier(than: entries[index]) { entries[index] = sample }
      return
    }
    if entries.count >= limit {
      guard let worst = entries.last, (sample.priority, sample.key) < (worst.priority, worst.key)
      else { return }
      entries.removeLast()
    }
    let position =
      entries.firstIndex { (sample.priority, sample.key) < ($0.priority, $0.key) }
      ?? entries.count
    entries.insert(sample, at: position)
  }
}

/// The valid and invalid samples of one category.
struct CategorySamples: Equatable, Sendable {
  var valid = SampleList()
  var invalid = SampleList()

  mutating func merge(_ other: CategorySamples, limit: Int) {
    for sample in other.valid.entries { valid.offer(sample, limit: limit) }
    for sample in other.invalid.entries { invalid.offer(sample, limit: limit) }
  }
}
