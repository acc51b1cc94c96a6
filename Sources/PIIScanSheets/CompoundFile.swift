/// A reader of compound files (OLE2, "Compound File Binary Format"), the container of .xls:
/// the header, the FAT (through the header's DIFAT and any DIFAT sectors), the directory, the
/// MiniFAT and the mini stream. Every sector chain is bounded so a corrupt file cannot loop.
struct CompoundFile {
  static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
  static let part = "compound file"

  private static let endOfChain: UInt32 = 0xFFFF_FFFE
  private static let freeSector: UInt32 = 0xFFFF_FFFF
  private static let noStream: UInt32 = 0xFFFF_FFFF

  struct Entry {
    var name: String
    /// 1 storage, 2 stream, 5 root.
    var type: UInt8
    var left: UInt32
    var right: UInt32
    var child: UInt32
    var start: UInt32
    var size: Int
  }

  private let data: UnsafeRawBufferPointer
  private let sectorSize: Int
  private let miniSectorSize: Int
  private let miniCutoff: Int
  private let fat: [UInt32]
  private var miniFAT: [UInt32] = []
  private var miniStream: [UInt8] = []
  private(set) var entries: [Entry] = []

  init(_ data: UnsafeRawBufferPointer) throws {
    self.data = data
    guard data.count >= 512, Self.magic.indices.allSatisfy({ data[$0] == Self.magic[$0] }) else {
      throw SpreadsheetError.malformed(
        part: Self.part, problem: "not a compound file (no D0 CF 11 E0 A1 B1 1A E1 signature)")
    }
    let shift = Int(Self.u16(data, 30))
    let miniShift = Int(Self.u16(data, 32))
    guard shift == 9 || shift == 12, miniShift >= 1 && miniShift < shift else {
      throw SpreadsheetError.malformed(
        part: Self.part, problem: "unusual sector size 2^\(shift) (mini 2^\(miniShift))")
    }
    sectorSize = 1 << shift
    miniSectorSize = 1 << miniShift
    let cutoff = Int(Self.u32(data, 56))
    miniCutoff = cutoff == 0 ? 4096 : cutoff

    // The sectors that hold the FAT: 109 in the header, the rest in a chain of DIFAT sectors.
    let sectorCount = max(0, (data.count - sectorSize + sectorSize - 1) / sectorSize)
    let fatSectorCount = Int(Self.u32(data, 44))
    guard fatSectorCount <= sectorCount else {
      throw SpreadsheetError.malformed(
        part: Self.part,
        problem: "the header claims \(fatSectorCount) FAT sectors in a file of \(sectorCount)")
    }
    var fatSectors: [UInt32] = []
    for k in 0..<109 where fatSectors.count < fatSectorCount {
      fatSectors.append(Self.u32(data, 76 + 4 * k))
    }
    var difat = Self.u32(data, 68)
    var difatSteps = 0
    let perDIFAT = sectorSize / 4 - 1
    while fatSectors.count < fatSectorCount && difat < 0xFFFF_FFFA {
      difatSteps += 1
      guard difatSteps <= sectorCount, let base = Self.offset(of: difat, sectorSize, data.count)
      else {
        throw SpreadsheetError.malformed(part: Self.part, problem: "broken DIFAT chain")
      }
      for k in 0..<perDIFAT where fatSectors.count < fatSectorCount {
        fatSectors.append(Self.u32(data, base + 4 * k))
      }
      difat = Self.u32(data, base + 4 * perDIFAT)
    }
    var fat: [UInt32] = []
    fat.reserveCapacity(fatSectors.count * sectorSize / 4)
    for sector in fatSectors {
      guard let base = Self.offset(of: sector, sectorSize, data.count) else {
        throw SpreadsheetError.malformed(
          part: Self.part, problem: "FAT sector \(sector) lies outside the file")
      }
      for k in 0..<(sectorSize / 4) { fat.append(Self.u32(data, base + 4 * k)) }
    }
    self.fat = fat

    // The directory.
    let directory = try chain(from: Self.u32(data, 48), what: "directory")
    var entries: [Entry] = []
    var at = 0
    while at + 128 <= directory.count {
      entries.append(Self.entry(directory, at, version4: shift == 12))
      at += 128
    }
    guard let root = entries.first, root.type == 5 else {
      throw SpreadsheetError.malformed(part: Self.part, problem: "no root directory entry")
    }
    self.entries = entries

    // The MiniFAT and the mini stream (the root entry's data) hold streams below the cutoff.
    if root.size > 0 && root.start < 0xFFFF_FFFA {
      miniStream = try chain(from: root.start, size: root.size, what: "mini stream")
      let miniFATBytes = try chain(from: Self.u32(data, 60), what: "MiniFAT")
      var table: [UInt32] = []
      table.reserveCapacity(miniFATBytes.count / 4)
      var k = 0
      while k + 4 <= miniFATBytes.count {
        let lo = UInt32(miniFATBytes[k]) | UInt32(miniFATBytes[k + 1]) << 8
        let hi = UInt32(miniFATBytes[k + 2]) | UInt32(miniFATBytes[k + 3]) << 8
        table.append(lo | hi << 16)
        k += 4
      }
      miniFAT = table
    }
  }

  /// The streams and storages directly under the root storage.
  func topLevelEntries() -> [Entry] {
    var result: [Entry] = []
    var stack: [UInt32] = [entries[0].child]
    var seen = Set<UInt32>()
    while let id = stack.popLast() {
      guard id != Self.noStream, Int(id) < entries.count, seen.insert(id).inserted else {
        continue
      }
      let entry = entries[Int(id)]
      result.append(entry)
      stack.append(entry.right)
      stack.append(entry.left)
    }
    return result
  }

  /// The bytes of a stream entry.
  func read(_ entry: Entry) throws -> [UInt8] {
    if entry.size == 0 { return [] }
    if entry.size < miniCutoff {
      var out: [UInt8] = []
      out.reserveCapacity(entry.size)
      var sector = entry.start
      var visited = [Bool](repeating: false, count: miniFAT.count)
      while out.count < entry.size {
        guard Int(sector) < miniFAT.count, !visited[Int(sector)] else {
          throw SpreadsheetError.malformed(
            part: "\(Self.part) stream \(entry.name)", problem: "broken mini sector chain")
        }
        visited[Int(sector)] = true
        let base = Int(sector) * miniSectorSize
        let take = min(miniSectorSize, entry.size - out.count)
        guard base + take <= miniStream.count else {
          throw SpreadsheetError.malformed(
            part: "\(Self.part) stream \(entry.name)",
            problem: "mini sector outside the mini stream")
        }
        out.append(contentsOf: miniStream[base..<base + take])
        sector = miniFAT[Int(sector)]
      }
      return out
    }
    return try chain(from: entry.start, size: entry.size, what: "stream \(entry.name)")
  }

  /// The bytes of the sector chain that starts at `start`, cut to `size` when given.
  private func chain(from start: UInt32, size: Int? = nil, what: String) throws -> [UInt8] {
    var out: [UInt8] = []
    if let size {
      guard size <= data.count else {
        throw SpreadsheetError.malformed(
          part: "\(Self.part) \(what)",
          problem: "claims \(size) bytes in a file of \(data.count)")
      }
      out.reserveCapacity(size)
    }
    var sector = start
    // A chain that visits a sector twice loops: corrupt.
    var visited = [Bool](repeating: false, count: fat.count)
    while sector != Self.endOfChain && sector != Self.freeSector {
      if let size, out.count >= size { break }
      guard Int(sector) < fat.count, !visited[Int(sector)],
        let base = Self.offset(of: sector, sectorSize, data.count)
      else {
        throw SpreadsheetError.malformed(
          part: "\(Self.part) \(what)", problem: "broken sector chain at sector \(sector)")
      }
      visited[Int(sector)] = true
      // The last sector of a file may be cut short.
      let available = min(sectorSize, data.count - base)
      let take = size.map { min(available, $0 - out.count) } ?? available
      out.append(contentsOf: data[base..<base + take])
      sector = fat[Int(sector)]
    }
    if let size, out.count < size {
      throw SpreadsheetError.malformed(
        part: "\(Self.part) \(what)",
        problem: "truncated: \(out.count) of \(size) bytes present")
    }
    return out
  }

  private static func offset(of sector: UInt32, _ sectorSize: Int, _ count: Int) -> Int? {
    guard sector < 0xFFFF_FFFA else { return nil }
    let base = (Int(sector) + 1) * sectorSize
    return base < count ? base : nil
  }

  private static func entry(_ d: [UInt8], _ at: Int, version4: Bool) -> Entry {
    let nameBytes = min(64, Int(UInt16(d[at + 64]) | UInt16(d[at + 65]) << 8))
    var units: [UInt16] = []
    var k = 0
    while k + 1 < nameBytes {
      let u = UInt16(d[at + k]) | UInt16(d[at + k + 1]) << 8
      if u == 0 { break }
      units.append(u)
      k += 2
    }
    var name: [UInt8] = []
    UTF16Text.append(units[...], to: &name)
    func u32(_ o: Int) -> UInt32 {
      UInt32(d[at + o]) | UInt32(d[at + o + 1]) << 8 | UInt32(d[at + o + 2]) << 16
        | UInt32(d[at + o + 3]) << 24
    }
    // Version 3 files may leave garbage in the size's high half.
    let size = version4 ? Int(u32(120)) | Int(u32(124)) << 32 : Int(u32(120))
    return Entry(
      name: String(decoding: name, as: UTF8.self), type: d[at + 66], left: u32(68), right: u32(72),
      child: u32(76), start: u32(116), size: size)
  }

  private static func u16(_ d: UnsafeRawBufferPointer, _ o: Int) -> UInt16 {
    UInt16(d[o]) | UInt16(d[o + 1]) << 8
  }

  private static func u32(_ d: UnsafeRawBufferPointer, _ o: Int) -> UInt32 {
    guard o + 4 <= d.count else { return 0xFFFF_FFFF }
    return UInt32(d[o]) | UInt32(d[o + 1]) << 8 | UInt32(d[o + 2]) << 16 | UInt32(d[o + 3]) << 24
  }
}
