import Foundation

@testable import PIIScanSizing

/// The sizing figures of a ``TestWorld`` worked out the plain way, to compare with the
/// module's: strings in dictionaries and sets instead of keys in sorted runs, a breadth-first
/// search over a graph instead of union-find, ages from Foundation's calendar. It follows
/// docs/SIZING.md, written from the rules, not from the module's code.
struct ReferenceSizing {
  struct CategoryFigures: Equatable {
    var raw = 0
    var valid = 0
    var invalidByReason: [String: Int] = [:]
    var distinct = 0
  }

  var categories: [CategoryFigures] = []
  var recordsTotal = 0
  var recordsWithIdentifier = 0
  var recordsDistinct = 0
  var duplicatesWithin = 0
  var duplicatesAcross = 0
  var duplicatesSameFile = 0
  var recordsByTier = [0, 0, 0]
  var residentDistinct = 0
  var only18 = 0
  var only15 = 0
  var bothForms = 0
  var hits18 = 0
  var hits15 = 0
  var male = 0
  var female = 0
  var ageBands = Array(repeating: 0, count: 9)
  var minors = 0
  var provinces: [String: Int] = [:]
  var mobilesDistinct = 0
  var carriers: [String?: Int] = [:]
  var prefixes: [String: Int] = [:]
  var banks: [String?: Int] = [:]
  var domains: [String: Int] = [:]
  var persons = 0
  var personsByTier = [0, 0, 0]
  var personsByKey = [0, 0, 0, 0, 0]
  var raised = 0
  var samples: [[(masked: String, place: String)]] = []
  var invalidSamples: [[(masked: String, place: String, reason: String)]] = []

  static func tierIndex(_ tier: SizingTier) -> Int {
    switch tier {
    case .fifty: 0
    case .fiveHundred: 1
    case .fiveThousand: 2
    }
  }

  init(_ world: TestWorld, samplesPerCategory: Int, lookup: TestLookup = TestLookup()) {
    let count = TestWorld.categories.count
    categories = Array(repeating: CategoryFigures(), count: count)
    var distinct = Array(repeating: Set<String>(), count: count)

    // Inputs that count: of inputs with equal SHA-256, the first by path then member.
    func less(_ a: TestWorld.Input, _ b: TestWorld.Input) -> Bool {
      let (left, right) = (Array(a.path.utf8), Array(b.path.utf8))
      if left != right { return left.lexicographicallyPrecedes(right) }
      switch (a.member, b.member) {
      case (nil, _): return b.member != nil
      case (_, nil): return false
      case (let x?, let y?): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
      }
    }
    var firstBySHA: [String: Int] = [:]
    for index in world.inputs.indices {
      guard let sha = world.inputs[index].description?.sha256 else { continue }
      if let other = firstBySHA[sha], !less(world.inputs[index], world.inputs[other]) { continue }
      firstBySHA[sha] = index
    }
    func counted(_ index: Int) -> Bool {
      guard let sha = world.inputs[index].description?.sha256 else { return true }
      return firstBySHA[sha] == index
    }

    var contents: Set<String> = []
    var contentsInCounted: [String: Int] = [:]  // content → number of counted inputs holding it
    var recordsInCopies = 0
    for (index, input) in world.inputs.enumerated() {
      var seenHere: [String: Int] = [:]
      for record in input.records {
        seenHere[record.content, default: 0] += 1
        contents.insert(record.content)
      }
      if counted(index) {
        duplicatesWithin += input.records.count - seenHere.count
        for content in seenHere.keys { contentsInCounted[content, default: 0] += 1 }
      } else {
        recordsInCopies += input.records.count
      }
    }
    recordsDistinct = contents.count
    duplicatesAcross = contentsInCounted.values.reduce(0) { $0 + $1 - 1 }
    // Copies add their records, less the contents found nowhere but in copies.
    duplicatesSameFile = recordsInCopies - (contents.count - contentsInCounted.count)

    var idForms: [String: Set<Int>] = [:]
    var mobiles: Set<String> = []
    var cards: Set<String> = []
    var emails: Set<String> = []
    let graph = PersonGraph()
    for (_, record) in world.allRecords {
      recordsTotal += 1
      recordsByTier[Self.tierIndex(record.tier)] += 1
      var hasIdentifier = false
      for value in record.values {
        categories[value.category].raw += 1
        guard value.valid else {
          categories[value.category].invalidByReason[TestWorld.reasons[value.reason], default: 0] +=
            1
          continue
        }
        categories[value.category].valid += 1
        distinct[value.category].insert(value.normalised)
        if TestWorld.identifierCategories.contains(value.category) { hasIdentifier = true }
        switch value.category {
        case 0:
          hits18 += 1
          idForms[value.normalised, default: []].insert(18)
        case 1:
          hits15 += 1
          idForms[value.normalised, default: []].insert(15)
        case 2: mobiles.insert(value.text)
        case 3: emails.insert(value.text)
        case 4: cards.insert(value.text)
        default: break
        }
      }
      if hasIdentifier { recordsWithIdentifier += 1 }
      graph.add(record, hasIdentifier: hasIdentifier)
    }
    for index in 0..<count { categories[index].distinct = distinct[index].count }

    residentDistinct = idForms.count
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let asOf = calendar.date(from: DateComponents(year: 2026, month: 11, day: 29))!
    for (id, forms) in idForms {
      switch (forms.contains(18), forms.contains(15)) {
      case (true, true): bothForms += 1
      case (true, false): only18 += 1
      default: only15 += 1
      }
      let digits = Array(id)
      if Int(String(digits[16]))! % 2 == 1 { male += 1 } else { female += 1 }
      provinces[String(digits[0..<2]), default: 0] += 1
      let birth = calendar.date(
        from: DateComponents(
          year: Int(String(digits[6..<10])), month: Int(String(digits[10..<12])),
          day: Int(String(digits[12..<14]))))!
      let age = calendar.dateComponents([.year], from: birth, to: asOf).year!
      if age < 14 { minors += 1 }
      let bounds = [13, 17, 29, 39, 49, 59, 69, 79, Int.max]
      ageBands[bounds.firstIndex { age <= $0 }!] += 1
    }
    mobilesDistinct = mobiles.count
    for mobile in mobiles {
      carriers[lookup.mobileCarrier(number: UInt64(mobile)!), default: 0] += 1
      prefixes[String(mobile.prefix(3)), default: 0] += 1
    }
    for card in cards { banks[lookup.bankName(cardNumber: card), default: 0] += 1 }
    for email in emails { domains[String(email.split(separator: "@").last!), default: 0] += 1 }

    (persons, personsByTier, personsByKey, raised) = graph.count()
    (samples, invalidSamples) = Self.samples(world, limit: samplesPerCategory)
  }

  /// Per category, the values with the smallest (priority, key), each at its first place. The
  /// priority is the documented SplitMix64 finaliser of the key, written again here.
  static func samples(_ world: TestWorld, limit: Int) -> (
    [[(masked: String, place: String)]], [[(masked: String, place: String, reason: String)]]
  ) {
    func mix(_ value: UInt64) -> UInt64 {
      var z = value
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    struct Seen {
      var priority: UInt64
      var key: SizingKey
      var place: (path: [UInt8], member: [UInt8]?, offset: Int64)
      var masked: String
      var placeText: String
      var reason: Int
    }
    func earlier(_ a: Seen, _ b: Seen) -> Bool {
      if a.place.path != b.place.path {
        return a.place.path.lexicographicallyPrecedes(b.place.path)
      }
      if a.place.member != b.place.member {
        guard let am = a.place.member else { return true }
        guard let bm = b.place.member else { return false }
        return am.lexicographicallyPrecedes(bm)
      }
      return a.place.offset < b.place.offset
    }
    var valid = Array(repeating: [SizingKey: Seen](), count: TestWorld.categories.count)
    var invalid = valid
    for input in world.inputs {
      for record in input.records {
        for (index, value) in record.values.enumerated() {
          let key = TestWorld.sizingValue(value).key
          let offset = TestWorld.valueOffset(record, index)
          let line = Int(record.offset / 100) + 1
          let path = input.member.map { "\(input.path)!\($0)" } ?? input.path
          let seen = Seen(
            priority: mix(key.high ^ mix(key.low)), key: key,
            place: (Array(input.path.utf8), input.member.map { Array($0.utf8) }, offset),
            masked: TestWorld.mask(value.text), placeText: "\(path):\(line)@\(offset)",
            reason: value.reason)
          if value.valid {
            if let old = valid[value.category][key], !earlier(seen, old) { continue }
            valid[value.category][key] = seen
          } else {
            if let old = invalid[value.category][key], !earlier(seen, old) { continue }
            invalid[value.category][key] = seen
          }
        }
      }
    }
    func pick(_ table: [SizingKey: Seen]) -> [Seen] {
      Array(table.values.sorted { ($0.priority, $0.key) < ($1.priority, $1.key) }.prefix(limit))
        .sorted(by: earlier)
    }
    return (
      valid.map { pick($0).map { ($0.masked, $0.placeText) } },
      invalid.map { pick($0).map { ($0.masked, $0.placeText, TestWorld.reasons[$0.reason]) } }
    )
  }
}

/// Persons by the documented linking rule, with a graph of string nodes and a breadth-first
/// search for its components.
final class PersonGraph {
  /// Node → neighbours.
  private var edges: [String: Set<String>] = [:]
  /// Tiers (indices 0 = 50, 1 = 500, 2 = 5000) of records holding an ID number, per ID node.
  private var ownTiers: [String: Set<Int>] = [:]
  /// Tiers of records without an ID number that touch a node.
  private var otherTiers: [String: Set<Int>] = [:]

  func add(_ record: TestWorld.Record, hasIdentifier: Bool) {
    func unique(_ categories: Set<Int>) -> [String] {
      Array(
        Set(record.values.filter { $0.valid && categories.contains($0.category) }.map(\.normalised))
      )
    }
    let ids = unique([0, 1]).map { "I:" + $0 }
    let mobiles = unique([2]).map { "M:" + $0 }
    let emails = unique([3]).map { "E:" + $0 }
    let names = unique([5])
    let addresses = unique([6])
    let nameAddress =
      names.count == 1 && addresses.count == 1 ? ["N:" + names[0] + "\u{1}" + addresses[0]] : []
    let tier = ReferenceSizing.tierIndex(record.tier)
    let kinds = [ids, mobiles, emails, nameAddress]
    guard let strongest = kinds.firstIndex(where: { !$0.isEmpty }) else {
      if hasIdentifier {
        let node = "R:" + record.content
        edges[node, default: []].formUnion([])
        otherTiers[node, default: []].insert(tier)
      }
      return
    }
    for anchor in kinds[strongest] {
      edges[anchor, default: []].formUnion([])
      if strongest == 0 {
        ownTiers[anchor, default: []].insert(tier)
      } else {
        otherTiers[anchor, default: []].insert(tier)
      }
    }
    guard kinds[strongest].count == 1 else { return }
    let anchor = kinds[strongest][0]
    for weaker in kinds[(strongest + 1)...] where weaker.count == 1 {
      edges[anchor, default: []].insert(weaker[0])
      edges[weaker[0], default: []].insert(anchor)
      if strongest != 0 { otherTiers[weaker[0], default: []].insert(tier) }
    }
  }

  /// (persons, persons by tier, persons by key kind, groups raised a tier).
  func count() -> (Int, [Int], [Int], Int) {
    var seen: Set<String> = []
    var byTier = [0, 0, 0]
    var byKey = [0, 0, 0, 0, 0]
    var raised = 0
    for start in edges.keys.sorted() where !seen.contains(start) {
      var component: [String] = []
      var queue = [start]
      seen.insert(start)
      while let node = queue.popLast() {
        component.append(node)
        for next in edges[node] ?? [] where seen.insert(next).inserted { queue.append(next) }
      }
      let ids = component.filter { $0.hasPrefix("I:") }
      let others = component.filter { !$0.hasPrefix("I:") }
      let otherTier = others.compactMap { otherTiers[$0]?.min() }.min()
      if ids.isEmpty {
        byTier[otherTier ?? 2] += 1
        let order = ["M:", "E:", "N:", "R:"]
        let kind = order.firstIndex { prefix in others.contains { $0.hasPrefix(prefix) } }!
        byKey[kind + 1] += 1
      } else {
        var tiers = ids.map { ownTiers[$0]!.min()! }
        byKey[0] += ids.count
        let best = tiers.min()!
        if let otherTier, otherTier < best {
          tiers[tiers.firstIndex(of: best)!] = otherTier
          raised += 1
        }
        for tier in tiers { byTier[tier] += 1 }
      }
    }
    return (byTier.reduce(0, +), byTier, byKey, raised)
  }
}
