/// Counts distinct persons from the person keys and links of an aggregate: union-find over
/// the linked keys, every step streaming over sorted sets except two arrays indexed by the
/// linked keys' numbers (6 bytes per linked key).
///
/// The rule (docs/SIZING.md, "Persons"): linked keys form groups (connected components). A
/// group counts as many persons as it holds distinct ID numbers, or one when it holds none.
/// Each ID number's person takes the highest tier of the records that hold it; the records
/// that touch a group through its other keys only (a mobile seen without any ID number) are
/// about one of its persons, unknown which, so the highest of their tiers goes to one person:
/// the one it raises least (already at the group's highest tier). A group without ID numbers
/// is one person at the highest tier of every record touching it.
///
/// Steps:
/// 1. Walk the person keys in order; number the linked ones 0, 1, 2… and note each one's kind
///    and tiers; count unlinked keys at once (each is a group of one), and every ID number as
///    a person at its own tier.
/// 2. Walk the links (sorted by anchor) beside the linked keys to replace each anchor by its
///    number; keep (weak key, anchor number) in a set sorted by weak key (it may spill).
/// 3. Walk that set beside the linked keys again to number the weak side, and unite.
/// 4. Fold each key's kind and tiers into its group's root, then count groups.
enum PersonCounter {
  /// Per-linked-key bits (`UInt16`): the key's own tiers when it is an ID number (bits 0…2),
  /// tiers of records without an ID number otherwise (bits 3…5), an ID flag (bit 6) and the
  /// kind of a non-ID key (bits 8…11: mobile, e-mail, name with address, record).
  private enum Info {
    static let idTiersShift: UInt16 = 0
    static let otherTiersShift: UInt16 = 3
    static let hasID: UInt16 = 1 << 6
    static let kindShift: UInt16 = 8
  }

  /// The index of a person key's kind in ``SizingReport/personKeyKinds``.
  private static func kindIndex(_ key: SizingKey) -> Int {
    switch key.tag {
    case SizingKey.Tag.residentID: 0
    case SizingKey.Tag.mobile: 1
    case SizingKey.Tag.email: 2
    case SizingKey.Tag.nameAddress: 3
    default: 4
    }
  }

  static func count(
    nodes: inout KeyRunSet<SizingKey>, links: inout KeyRunSet<PersonLink>,
    residents: inout ResidentAccumulator, memoryBudget: Int, directory: SizingTemporaryDirectory
  ) throws -> SizingReport.Persons {
    var byTier = [0, 0, 0]
    var byKey = [0, 0, 0, 0, 0]
    var groupsWithoutID = 0
    var info: [UInt16] = []

    // 1. Number the linked keys; count what needs no union.
    try nodes.forEach(in: directory) { key, payload in
      let kind = kindIndex(key)
      let tiers = payload & NodeBits.tiers
      if kind == 0 {
        residents.add(key, payload: payload)
        byTier[(SizingTier.highest(tiers) ?? .fiveThousand).index] += 1
        byKey[0] += 1
      }
      if payload & NodeBits.linked != 0 {
        guard info.count < Int(UInt32.max) else {
          throw SizingError(
            .tooManyLinkedPersons, message: "more than 2³² − 1 linked person keys")
        }
        info.append(
          kind == 0
            ? UInt16(tiers) << Info.idTiersShift | Info.hasID
            : UInt16(tiers) << Info.otherTiersShift | 1 << (Info.kindShift + UInt16(kind - 1)))
      } else if kind != 0 {
        byTier[(SizingTier.highest(tiers) ?? .fiveThousand).index] += 1
        byKey[kind] += 1
        groupsWithoutID += 1
      }
    }
    guard !info.isEmpty else {
      return SizingReport.Persons(
        distinct: byTier.reduce(0, +), byTier: byTier, byKey: byKey,
        groupsWithoutID: groupsWithoutID, raisedByUnattributedRecords: 0)
    }

    // 2. Number the anchors of the links.
    let pending = max(8, min(1 << 15, memoryBudget / 24 / 8))
    var numbered = KeyRunSet<NumberedWeakKey>(pendingLimit: pending, mergeLimit: pending * 8)
    do {
      var linked = try LinkedKeyWalker(nodes: &nodes, directory: directory)
      try links.forEach(in: directory) { link, _ in
        let number = try linked.number(of: link.anchor)
        numbered.insert(NumberedWeakKey(weak: link.weak, anchorNumber: number))
        if numbered.bytesInMemory > memoryBudget / 2 { try numbered.spill(to: directory) }
      }
    }

    // 3. Number the weak ends and unite (union by smaller number, path halving).
    var parent = [UInt32](unsafeUninitializedCapacity: info.count) { buffer, count in
      for index in 0..<buffer.count { buffer[index] = UInt32(index) }
      count = buffer.count
    }
    try parent.withUnsafeMutableBufferPointer { parent in
      @inline(__always) func find(_ start: UInt32) -> UInt32 {
        var node = start
        while parent[Int(node)] != node {
          let grand = parent[Int(parent[Int(node)])]
          parent[Int(node)] = grand
          node = grand
        }
        return node
      }
      var linked = try LinkedKeyWalker(nodes: &nodes, directory: directory)
      try numbered.forEach(in: directory) { entry, _ in
        let weak = try linked.number(of: entry.weak)
        let a = find(weak)
        let b = find(entry.anchorNumber)
        if a != b { parent[Int(max(a, b))] = min(a, b) }
      }
      // 4. Fold into roots. Every root has the smallest number of its group, so after this
      // pass parent[i] is i's root for every i.
      for index in 0..<parent.count {
        let root = Int(find(UInt32(index)))
        parent[index] = UInt32(root)
        if root != index { info[root] |= info[index] }
      }
    }

    var raised = 0
    for index in 0..<info.count where parent[index] == UInt32(index) {
      let bits = info[index]
      let otherTiers = UInt8((bits >> Info.otherTiersShift) & 0x7)
      if bits & Info.hasID != 0 {
        let own = SizingTier.highest(UInt8((bits >> Info.idTiersShift) & 0x7)) ?? .fiveThousand
        if let other = SizingTier.highest(otherTiers), other > own {
          byTier[own.index] -= 1
          byTier[other.index] += 1
          raised += 1
        }
      } else {
        groupsWithoutID += 1
        byTier[(SizingTier.highest(otherTiers) ?? .fiveThousand).index] += 1
        // The strongest kind present names the group.
        let kinds = (bits >> Info.kindShift) & 0xF
        let strongest = kinds.trailingZeroBitCount
        byKey[strongest < 4 ? strongest + 1 : 4] += 1
      }
    }
    return SizingReport.Persons(
      distinct: byTier.reduce(0, +), byTier: byTier, byKey: byKey,
      groupsWithoutID: groupsWithoutID, raisedByUnattributedRecords: raised)
  }
}

/// Walks the linked person keys in order, handing out their numbers (0, 1, 2…) to lookups that
/// come in ascending key order.
private struct LinkedKeyWalker {
  private var iterator: MergeHeap<SizingKey>
  private var current: SizingKey?
  private var number: UInt32 = 0
  private var started = false

  init(nodes: inout KeyRunSet<SizingKey>, directory: SizingTemporaryDirectory) throws {
    iterator = try nodes.makeIterator(in: directory)
  }

  private mutating func advance() throws {
    while let (key, payload) = try iterator.next() {
      if payload & NodeBits.linked != 0 {
        if started { number += 1 }
        started = true
        current = key
        return
      }
    }
    current = nil
  }

  /// The number of `key`, which must be a linked key not smaller than the last one asked.
  mutating func number(of key: SizingKey) throws -> UInt32 {
    if !started { try advance() }
    while let current, current < key { try advance() }
    guard current == key else {
      throw SizingError.corrupt(nil, "a person link names a key that is not a linked person key")
    }
    return number
  }
}

/// Facts of the distinct valid ID numbers, gathered while the persons step walks them.
struct ResidentAccumulator {
  let asOf: SizingDate
  var distinct = 0
  var only18 = 0
  var only15 = 0
  var both = 0
  var male = 0
  var female = 0
  var ageBands = Array(repeating: 0, count: SizingReport.ageBands.count)
  var minors = 0
  /// Distinct numbers by the two-digit province code.
  var provinces = [Int](repeating: 0, count: 100)
  /// Numbers whose birth date is not a date or is after the as-of date (the caller called
  /// them valid; they are left out of the age bands).
  var undated = 0

  init(asOf: SizingDate) { self.asOf = asOf }

  mutating func add(_ key: SizingKey, payload: UInt8) {
    guard let facts = key.residentIDFacts else { return }
    distinct += 1
    switch (payload & NodeBits.form18 != 0, payload & NodeBits.form15 != 0) {
    case (true, true): both += 1
    case (false, true): only15 += 1
    default: only18 += 1
    }
    if facts.isMale { male += 1 } else { female += 1 }
    provinces[facts.provinceCode] += 1
    guard
      let birth = SizingDate(year: facts.birthYear, month: facts.birthMonth, day: facts.birthDay),
      let age = asOf.years(since: birth)
    else {
      undated += 1
      return
    }
    if age < 14 { minors += 1 }
    let band = SizingReport.ageBands.firstIndex { age >= $0.lower && age <= ($0.upper ?? .max) }
    if let band { ageBands[band] += 1 }
  }

  func figures(hits18: Int, hits15: Int, lookup: any SizingLookup) -> SizingReport.ResidentIDs {
    SizingReport.ResidentIDs(
      distinct: distinct, only18: only18, only15: only15, bothForms: both, hits18: hits18,
      hits15: hits15, male: male, female: female, ageBands: ageBands, ageUnknown: undated,
      minorsUnder14: minors,
      provinces: histogram(
        Dictionary(
          uniqueKeysWithValues: provinces.indices.filter { provinces[$0] > 0 }.map {
            ($0 < 10 ? "0\($0)" : String($0), provinces[$0])
          })
      ) { Int($0).flatMap(lookup.provinceName(code:)) })
  }
}
