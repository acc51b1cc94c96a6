/// Masks values for reports, keeping what an investigator needs to tell values apart:
/// `110101********123X`, `138****5678`, `622202*********1234`, `z***@qq.com`.
public enum Redaction {
  /// The masked form of `value`, a value of `category`.
  public static func mask(_ value: String, category: Category) -> String {
    mask(value, style: category.mask)
  }

  /// The masked form of `value` in mask style `style`.
  public static func mask(_ value: String, style: MaskStyle) -> String {
    switch style {
    case .keep(let first, let last): keep(value, first: first, last: last)
    case .email: maskEmail(value)
    case .landline: maskLandline(value)
    case .all: "********"
    case .none: value
    case .soft: keep(value, first: 1, last: value.count >= 8 ? 2 : 0)
    case .identifier: maskIdentifier(value)
    }
  }

  static func maskResidentID(_ value: String) -> String { keep(value, first: 6, last: 4) }

  /// A value of a user's regex rule (a staff number, a contract number, a customer id):
  /// about a quarter of its characters kept at each end, at most 6 and 4, as the built-in
  /// identifiers keep their prefix and last digits. "ACME-123456" → "AC*******56",
  /// "HT2024000123" → "HT2******123"; a value of 3 characters or fewer keeps its first only.
  public static func maskIdentifier(_ value: String) -> String {
    let count = value.count
    if count <= 3 { return keep(value, first: 1, last: 0) }
    return keep(value, first: min(6, max(1, count / 4)), last: min(4, max(1, count / 4)))
  }

  /// Keeps `first` and `last` characters and stars the rest (at least one star).
  static func keep(_ value: String, first: Int, last: Int) -> String {
    let utf8 = value.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII (every number): mask the bytes directly.
      let count = utf8.count
      guard count > first + last else {
        return count <= 1 ? "*" : String(value.prefix(1)) + String(repeating: "*", count: count - 1)
      }
      var bytes = Array(utf8)
      for i in first..<(count - last) { bytes[i] = 0x2A }
      return String(decoding: bytes, as: UTF8.self)
    }
    if let masked = keepScalars(value, first: first, last: last) { return masked }
    let characters = Array(value)
    guard characters.count > first + last else {
      return characters.count <= 1
        ? "*" : String(characters[0]) + String(repeating: "*", count: characters.count - 1)
    }
    return String(characters[..<first])
      + String(repeating: "*", count: characters.count - first - last)
      + String(characters[(characters.count - last)...])
  }

  /// ``keep(_:first:last:)`` for text in which every Unicode scalar is a character of its own —
  /// printable ASCII, CJK ideographs, CJK punctuation, full-width forms, the middle dot —, which
  /// is nearly every Chinese value, counted without grapheme breaking (the report thread masks
  /// every finding). Nil for anything else, which takes the general path.
  private static func keepScalars(_ value: String, first: Int, last: Int) -> String? {
    // One pass to check the scalars and find their UTF-8 offsets at the kept ends.
    var count = 0
    var offset = 0
    var headEnd = 0
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case 0x20...0x7E, 0xB7, 0x3001...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
        break
      default:
        return nil
      }
      count += 1
      offset += UTF8.width(scalar)
      if count == first { headEnd = offset }
    }
    let total = offset
    guard count > first + last else {
      guard count > 1, let head = value.unicodeScalars.first else { return "*" }
      return String(head) + String(repeating: "*", count: count - 1)
    }
    // The last `last` scalars: walk back over UTF-8 continuation bytes.
    let utf8 = value.utf8
    var tailStart = total
    if last > 0 {
      var index = utf8.endIndex
      var seen = 0
      var bytes = 0
      while seen < last {
        index = utf8.index(before: index)
        bytes += 1
        if utf8[index] & 0xC0 != 0x80 { seen += 1 }
      }
      tailStart = total - bytes
    }
    let stars = count - first - last
    let length = headEnd + stars + (total - tailStart)
    // Nil (the general path) only for a string without contiguous UTF-8 storage.
    return utf8.withContiguousStorageIfAvailable { source in
      String(unsafeUninitializedCapacity: length) { target in
        var k = 0
        for i in 0..<headEnd {
          target[k] = source[i]
          k += 1
        }
        for _ in 0..<stars {
          target[k] = 0x2A
          k += 1
        }
        for i in tailStart..<total {
          target[k] = source[i]
          k += 1
        }
        return k
      }
    }
  }

  /// "0755-12345678" → "0755-****5678".
  static func maskLandline(_ value: String) -> String {
    guard let dash = value.firstIndex(of: "-") else { return keep(value, first: 3, last: 4) }
    let local = String(value[value.index(after: dash)...])
    return String(value[...dash]) + keep(local, first: 0, last: 4)
  }

  /// "zhang.san@qq.com" → "z***@qq.com".
  static func maskEmail(_ value: String) -> String {
    guard let at = value.firstIndex(of: "@"), at > value.startIndex else { return "***" }
    return String(value[value.startIndex]) + "***" + String(value[at...])
  }
}
