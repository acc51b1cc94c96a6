import Foundation

/// Everything a sample-file writer draws from, and the per-field mixes of valid,
/// invalid and masked values shared by the structured files.
struct SampleContext: Sendable {
  let seed: UInt64
  let people: PersonFactory
  let plants: PlantFactory
  let decoys: DecoyFactory
  let ids: IdentifierFactory

  init(seed: UInt64, tables: ReferenceTables) {
    self.seed = seed
    people = PersonFactory(tables: tables)
    plants = PlantFactory(people: people)
    decoys = DecoyFactory(tables: tables)
    ids = IdentifierFactory(people: people, decoys: decoys)
  }

  /// The independent stream of one file.
  func generator(for path: String) -> SeededGenerator { SeededGenerator(seed: seed, label: path) }

  func person(_ rng: inout SeededGenerator) -> Person { people.person(using: &rng) }

  /// An ID-number cell: mostly the person's valid 18-digit number (about 9 % end in X,
  /// some written x), sometimes a masked, invalid, 15-digit or published sample value.
  func idCell(_ p: Person, _ rng: inout SeededGenerator, allow15: Bool = true) -> Planted {
    let roll = rng.below(100)
    switch roll {
    case 0..<4: return plants.maskedResidentID(p, using: &rng)
    case 4..<8: return plants.invalidResidentID(.checksum, using: &rng)
    case 8..<12: return plants.invalidResidentID(.birthDate, using: &rng)
    case 12..<14: return plants.invalidResidentID(.region, using: &rng)
    case 14 where rng.chance(5_000): return plants.invalidResidentID(.knownSample, using: &rng)
    case 15..<23 where allow15 && p.id15 != nil: return plants.residentID15(p)!
    case 23 where allow15: return plants.invalidResidentID15(using: &rng)
    default: return plants.residentID(p, using: &rng)
    }
  }

  /// A mobile cell: valid in every written style, sometimes masked or invalid.
  func mobileCell(_ p: Person, _ rng: inout SeededGenerator, styled: Bool = true) -> Planted {
    switch rng.below(100) {
    case 0..<4: return plants.maskedMobile(p.mobile, using: &rng)
    case 4..<9: return plants.invalidMobile(using: &rng)
    default:
      return styled ? plants.mobile(p.mobile, using: &rng) : plants.mobile(p.mobile, style: .plain)
    }
  }

  func cardCell(_ p: Person, _ rng: inout SeededGenerator, spaced: Bool = true) -> Planted {
    if rng.chance(700) { return plants.invalidBankCard(using: &rng) }
    return spaced ? plants.bankCard(p.card, using: &rng) : Planted(p.card, .bankCard)
  }

  func landlineCell(_ p: Person, _ rng: inout SeededGenerator) -> Planted {
    plants.landline(p.landline, using: &rng)
  }
}

/// Text helpers for the structured formats.
enum Escape {
  /// CSV: double the quotes (the field is then quoted by the caller).
  static func csv(_ s: String) -> String { s.replacingOccurrences(of: "\"", with: "\"\"") }

  /// MySQL string body: backslash escapes for `\`, newline and tab; quotes as `\'`.
  static func sql(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default: out.append(c)
      }
    }
    return out
  }

  /// JSON string body.
  static func json(_ s: String) -> String { String(JSON.quote(s).dropFirst().dropLast()) }
}

extension LabelledText {
  /// Writes one CSV record. A field is quoted when it holds a comma, quote or newline,
  /// or always with `quoteAll`.
  mutating func csvRow(_ cells: [[Piece]], quoteAll: Bool = false) {
    for (i, cell) in cells.enumerated() {
      if i > 0 { write(",") }
      let text = cell.plainText
      if quoteAll || text.contains(",") || text.contains("\"") || text.contains("\n") {
        write("\"")
        write(cell, escape: Escape.csv)
        write("\"")
      } else {
        write(cell)
      }
    }
    newline()
  }
}

/// Shorthands for building fields: text that is no personal information, one planted value,
/// and a planted soft value (nothing for an empty one).
func plainText(_ s: String) -> [Piece] { [.text(s)] }
func plantedValue(_ p: Planted) -> [Piece] { [.pi(p)] }
func soft(_ c: Category, _ s: String) -> [Piece] { s.isEmpty ? [] : [.pi(Planted(s, c))] }
