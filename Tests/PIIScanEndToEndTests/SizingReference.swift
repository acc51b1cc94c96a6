import Foundation

/// A brute-force reference for `piiscan size`, written from docs/SIZING.md without the
/// scanner's or the sizing module's code: it reads the findings of `scan --reveal --format
/// jsonl` and counts with plain dictionaries, sets and a union-find of its own.
struct SizingReference {
  struct Finding {
    var path: String
    var member: String?
    var category: String
    var value: String
    var valid: Bool
    var reason: String?
    var record: Int64
  }

  /// Categories that are reported but not personal information.
  static let informational: Set<String> = ["cn_resident_id_masked", "cn_mobile_masked", "cn_uscc"]
  /// Categories whose valid value identifies a person on its own.
  static let identifiers: Set<String> = [
    "cn_resident_id", "cn_resident_id_15", "cn_hkmotw_residence_permit", "cn_mobile",
    "cn_landline", "cn_bank_card", "email", "cn_passport", "cn_hkmo_home_return_permit",
    "cn_hkmo_exit_entry_permit", "cn_tw_compatriot_permit", "cn_foreign_permanent_residence_id",
    "cn_military_officer_id", "cn_hk_identity_card", "qq_number", "wechat_id", "cn_bank_account",
  ]
  /// Tiers by category (Art. 5 of 法释〔2017〕10号): bare bank cards at 50, the default.
  static func tier(_ category: String) -> Int {
    switch category {
    case "location_trace", "communication_content", "credit_report", "property_info",
      "cn_bank_card", "cn_bank_account":
      return 50
    case "lodging_record", "call_detail_record", "health_info", "transaction_record":
      return 500
    default:
      return 5000
    }
  }

  enum Kind: Int, Comparable {
    case id = 0
    case mobile, email, nameAddress
    static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  /// The 18-character form of a 15-digit ID number: 19 inserted before the year, then the
  /// MOD 11-2 check character (weights 2^(17-i) mod 11).
  static func upgrade(_ fifteen: String) -> String {
    let digits = Array(fifteen.prefix(6) + "19" + fifteen.dropFirst(6))
    var sum = 0
    for (i, c) in digits.enumerated() {
      var weight = 1
      for _ in 0..<(17 - i) { weight = weight * 2 % 11 }
      sum += Int(String(c))! * weight
    }
    let check = Array("10X98765432")[sum % 11]
    return String(digits) + String(check)
  }

  /// The normalised value by which distinct values are told apart.
  static func normalised(_ f: Finding) -> String {
    switch f.category {
    case "cn_resident_id_15": return f.valid ? upgrade(f.value) : f.value
    case "email": return f.value.lowercased()
    default: return f.value
    }
  }

  var categories: [String: (raw: Int, valid: Int, invalid: [String: Int], distinct: Set<String>)] =
    [:]
  var residentIDs = Set<String>()
  var recordsTotal = 0
  var recordsWithIdentifier = 0
  var withinInput = 0
  var acrossInputs = 0
  var sameFileCopies = 0
  var distinctContents = 0
  var persons = 0
  var personsByTier: [Int: Int] = [50: 0, 500: 0, 5000: 0]

  /// - Parameter sha256: each input's hash, by "path|member".
  init(findings: [Finding], sha256: [String: String]) {
    // Per category.
    for f in findings where !Self.informational.contains(f.category) {
      var entry = categories[f.category] ?? (0, 0, [:], [])
      entry.raw += 1
      if f.valid {
        entry.valid += 1
        entry.distinct.insert(Self.normalised(f))
      } else {
        entry.invalid[f.reason ?? "", default: 0] += 1
      }
      categories[f.category] = entry
      if f.valid,
        ["cn_resident_id", "cn_resident_id_15", "cn_hkmotw_residence_permit"].contains(f.category)
      {
        residentIDs.insert(Self.normalised(f))
      }
    }

    // Records: personal findings sharing an input and a record offset.
    var records: [[Finding]] = []
    var index: [String: Int] = [:]
    for f in findings where !Self.informational.contains(f.category) {
      let key = "\(f.path)|\(f.member ?? "")|\(f.record)"
      if let i = index[key] {
        records[i].append(f)
      } else {
        index[key] = records.count
        records.append([f])
      }
    }
    recordsTotal = records.count
    recordsWithIdentifier =
      records.filter { r in
        r.contains { $0.valid && Self.identifiers.contains($0.category) }
      }.count

    // Duplicates: the content is the record's values by category, in a fixed order.
    func content(_ r: [Finding]) -> String {
      r.map { "\($0.category)=\($0.value)" }.sorted().joined(separator: "\u{1}")
    }
    func inputName(_ f: Finding) -> String { "\(f.path)|\(f.member ?? "")" }
    // Of the inputs sharing a hash, the first by path then member is the counted copy.
    var firstByHash: [String: String] = [:]
    for name in sha256.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    {
      let hash = sha256[name]!
      if firstByHash[hash] == nil { firstByHash[hash] = name }
    }
    func isCounted(_ name: String) -> Bool {
      guard let hash = sha256[name] else { return true }
      return firstByHash[hash] == name
    }
    var contents = Set<String>()
    var countedContents = Set<String>()
    var countedPairs = Set<String>()
    var countedRecords = 0
    for r in records {
      let c = content(r)
      let name = inputName(r[0])
      contents.insert(c)
      if isCounted(name) {
        countedRecords += 1
        countedContents.insert(c)
        countedPairs.insert(c + "\u{2}" + name)
      }
    }
    distinctContents = contents.count
    withinInput = countedRecords - countedPairs.count
    acrossInputs = countedPairs.count - countedContents.count
    sameFileCopies = (recordsTotal - countedRecords) - (contents.count - countedContents.count)

    // Persons: keys of valid values, the strongest kind present names the record's persons;
    // a single anchor links every weaker kind with one value; groups by union-find.
    var parent: [String: String] = [:]
    func find(_ x: String) -> String {
      var x = x
      while let p = parent[x], p != x { x = p }
      return x
    }
    func union(_ a: String, _ b: String) {
      let ra = find(a)
      let rb = find(b)
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    func node(_ k: String) {
      if parent[k] == nil { parent[k] = k }
    }
    struct Touch {
      var keys: [String]
      var ids: Set<String>
      var tier: Int
    }
    var touches: [Touch] = []
    for r in records {
      let valid = r.filter(\.valid)
      var tier = 5000
      for f in valid { tier = min(tier, Self.tier(f.category)) }
      var byKind: [Kind: Set<String>] = [:]
      var names = Set<String>()
      var addresses = Set<String>()
      for f in valid {
        switch f.category {
        case "cn_resident_id", "cn_resident_id_15", "cn_hkmotw_residence_permit":
          byKind[.id, default: []].insert("id:" + Self.normalised(f))
        case "cn_mobile": byKind[.mobile, default: []].insert("m:" + f.value)
        case "email": byKind[.email, default: []].insert("e:" + f.value.lowercased())
        case "person_name_zh": names.insert(f.value)
        case "home_address": addresses.insert(f.value)
        default: break
        }
      }
      if names.count == 1 && addresses.count == 1 {
        byKind[.nameAddress] = ["na:" + names.first! + "\u{3}" + addresses.first!]
      }
      guard let strongest = byKind.keys.min() else {
        if valid.contains(where: { Self.identifiers.contains($0.category) }) {
          let k = "rec:" + content(r)
          node(k)
          touches.append(Touch(keys: [k], ids: [], tier: tier))
        }
        continue
      }
      let anchors = byKind[strongest]!
      var keys = Array(anchors)
      for k in keys { node(k) }
      if anchors.count == 1 {
        for (kind, values) in byKind where kind > strongest && values.count == 1 {
          node(values.first!)
          union(keys[0], values.first!)
          keys.append(values.first!)
        }
      }
      let ids = strongest == .id ? anchors : []
      touches.append(Touch(keys: keys, ids: ids, tier: tier))
    }
    // Per group: its ID numbers, each one's tier, and the unattributed records' tier.
    var groupIDs: [String: Set<String>] = [:]
    var idTier: [String: Int] = [:]
    var unattributed: [String: Int] = [:]
    var allTier: [String: Int] = [:]
    for key in parent.keys {
      let root = find(key)
      if key.hasPrefix("id:") { groupIDs[root, default: []].insert(key) }
    }
    for t in touches {
      let roots = Set(t.keys.map(find))
      for root in roots {
        allTier[root] = min(allTier[root] ?? 5000, t.tier)
        if t.ids.isEmpty {
          unattributed[root] = min(unattributed[root] ?? 5001, t.tier)
        }
      }
      for id in t.ids { idTier[id] = min(idTier[id] ?? 5000, t.tier) }
    }
    for root in Set(parent.keys.map(find)) {
      if let ids = groupIDs[root] {
        var tiers = ids.map { idTier[$0] ?? 5000 }.sorted()
        // An unattributed record raises one person, the one it raises least, if it can.
        if let u = unattributed[root], u < tiers[0] { tiers[0] = u }
        persons += tiers.count
        for t in tiers { personsByTier[t, default: 0] += 1 }
      } else {
        persons += 1
        personsByTier[allTier[root] ?? 5000, default: 0] += 1
      }
    }
  }

  /// n50/50 + n500/500 + n5000/5000, as the exact fraction over 5000.
  var scoreNumerator: Int {
    100 * personsByTier[50]! + 10 * personsByTier[500]! + personsByTier[5000]!
  }
}
