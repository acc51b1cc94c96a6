import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the large benchmark corpora (`bench`): mixed (this file), dense dumps
/// (BenchCorpus+Dense.swift) and sparse prose and logs (BenchCorpus+Sparse.swift).
///
/// Speed comes from writing bytes into one large buffer: filler (prose, names,
/// addresses, log boilerplate) is pre-encoded once; only planted values and decoys
/// are built as strings, and they are a few percent of the records. Line and column
/// tracking for `--truth` is done lazily, one pass over the bytes only when a label
/// is due and before each flush, and not at all without `--truth`.
/// How much personal information a bench corpus carries, and in what shapes.
enum BenchDensity: String, CaseIterable, Sendable {
  /// Leaked dumps: every line personal, about one value per 40 bytes.
  case dense
  /// The original corpus: a few percent of records personal, in every kind of text.
  case mixed
  /// Documents and application logs: about 1 % of lines personal.
  case sparse
}

struct BenchCorpus {
  // Rates per 10 000 records (a record is a line, or a tuple of an extended insert).
  static let idRate = 200
  static let mobileRate = 200
  static let emailRate = 100
  static let cardRate = 100
  static let landlineRate = 50
  static let maskedRate = 30
  static let decoyRate = 600
  /// Share of planted strong values that are invalid, per 10 000.
  static let invalidShare = 1_000

  /// What the corpus looks like; `.mixed` is the original corpus, unchanged byte for byte.
  let density: BenchDensity
  let context: SampleContext
  var rng: SeededGenerator
  private let file: FileHandle
  private let fileName: String
  var buffer: [UInt8] = []
  private var flushed = 0
  let flushThreshold = 8 << 20

  // --truth
  let truthFile: FileHandle?
  private var truthBuffer: [UInt8] = []
  private var line = 1
  private var column = 1
  private var trackedUpTo = 0

  // pre-encoded filler
  let names: [[UInt8]]
  let addresses: [[UInt8]]
  let companies: [[UInt8]]
  let zhFragments: [[UInt8]]
  let enWords: [[UInt8]]
  let genders: [[UInt8]] = [Array("男".utf8), Array("女".utf8)]
  // The rest of each pooled person, for the dense corpus's records (gender, e-mail, ethnicity).
  let poolMale: [Bool]
  let poolPinyin: [String]
  let poolEthnicities: [[UInt8]]
  var eol: [UInt8] = [10]

  private var nextBoundary = 64 << 10
  var nextJunk = 5 << 20
  private var longLineOffsets: [(offset: Int, bytes: Int, kind: Int)] = []
  var recordCounter = 0
  let includeInvalidUTF8: Bool

  init(
    seed: UInt64, tables: ReferenceTables, outputPath: String, truthPath: String?,
    includeInvalidUTF8: Bool = true, density: BenchDensity = .mixed
  ) throws {
    self.includeInvalidUTF8 = includeInvalidUTF8
    self.density = density
    context = SampleContext(seed: seed, tables: tables)
    // The mixed corpus keeps the stream it always had; the others get their own.
    rng = SeededGenerator(seed: seed, label: density == .mixed ? "bench" : "bench-\(density)")
    file = try BenchCorpus.openForWriting(outputPath)
    fileName = URL(fileURLWithPath: outputPath).lastPathComponent
    truthFile = try truthPath.map(BenchCorpus.openForWriting)
    var poolRng = SeededGenerator(seed: seed, label: "bench-pools")
    var n: [[UInt8]] = []
    var a: [[UInt8]] = []
    var c: [[UInt8]] = []
    var male: [Bool] = []
    var pinyin: [String] = []
    var ethnicities: [[UInt8]] = []
    for _ in 0..<2048 {
      let p = context.people.person(using: &poolRng)
      n.append(Array(p.name.utf8))
      a.append(Array(p.homeAddress.utf8))
      c.append(Array(p.workUnit.utf8))
      male.append(p.gender == .male)
      pinyin.append(p.surnamePinyin)
      ethnicities.append(Array(p.ethnicity.utf8))
    }
    names = n
    addresses = a
    companies = c
    poolMale = male
    poolPinyin = pinyin
    poolEthnicities = ethnicities
    zhFragments = BenchCorpus.zhFragmentText.split(separator: " ").map { Array($0.utf8) }
    enWords = BenchCorpus.enWordText.split(separator: " ").map { Array($0.utf8) }
    buffer.reserveCapacity(flushThreshold + (1 << 20))
  }

  /// Opens `path` for writing, creating or truncating it in place. Not
  /// `FileManager.createFile`: that writes a temporary file and renames it over the
  /// target, which would replace a device such as `/dev/null` with a regular file.
  static func openForWriting(_ path: String) throws -> FileHandle {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      throw CorpusError("cannot open \(path): \(String(cString: strerror(errno)))")
    }
    return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
  }

  // MARK: - Driver

  /// Writes records until at least `targetBytes` are out; returns the byte count.
  mutating func run(targetBytes: Int) throws -> Int {
    switch density {
    case .mixed: try writeMixed(targetBytes: targetBytes)
    case .dense:
      while offset < targetBytes { try writeDenseBlock(until: targetBytes) }
    case .sparse:
      while offset < targetBytes { try writeSparseBlock(until: targetBytes) }
    }
    try flush()
    try file.synchronize()
    try file.close()
    if let truthFile {
      try truthFile.write(contentsOf: Data(truthBuffer))
      try truthFile.close()
    }
    return offset
  }

  /// The original corpus: blocks of every kind at a few percent of records, with long
  /// lines, boundary probes and junk bytes placed by offset.
  private mutating func writeMixed(targetBytes: Int) throws {
    if targetBytes >= 16 << 20 {
      longLineOffsets.append((targetBytes / 5, (4 << 20) + (512 << 10), 0))
      if targetBytes >= 64 << 20 {
        longLineOffsets.append((targetBytes * 11 / 20, 5 << 20, 1))
        longLineOffsets.append(
          (
            targetBytes * 17 / 20,
            targetBytes >= 256 << 20 ? (10 << 20) + (512 << 10) : 4 << 20 + 4096, 0
          ))
      }
    } else if targetBytes >= 64 << 10 {
      longLineOffsets.append((targetBytes / 3, targetBytes / 4, 0))
    }
    while offset < targetBytes {
      try writeBlock(until: targetBytes)
    }
  }

  var offset: Int { flushed + buffer.count }

  private enum BlockKind { case zhProse, enText, csv, sql, jsonl, log, combo }

  private mutating func writeBlock(until target: Int) throws {
    // Weights are shares of bytes: every block runs to a byte budget.
    let kinds: [(BlockKind, Int)] = [
      (.zhProse, 20), (.enText, 8), (.csv, 16), (.sql, 20), (.jsonl, 16), (.log, 17), (.combo, 3),
    ]
    var pick = rng.below(100)
    var kind = BlockKind.zhProse
    for (k, w) in kinds {
      if pick < w {
        kind = k
        break
      }
      pick -= w
    }
    eol = rng.chance(1_000) ? [13, 10] : [10]
    let blockEnd = offset + rng.int((64 << 10)...(1 << 20))
    switch kind {
    case .csv: put("id,姓名,性别,身份证号,手机号,邮箱,银行卡号,固定电话,地址,工作单位,创建时间")
    case .sql:
      put(
        "CREATE TABLE `member_\(rng.below(100))` (`id` int, `name` varchar(32), `sex` char(1), `id_no` varchar(18), `mobile` varchar(20), `email` varchar(64), `card_no` varchar(32), `tel` varchar(20), `address` varchar(255), `created` datetime);"
      )
    default: break
    }
    if kind == .csv || kind == .sql { put(eol) }
    while offset < blockEnd {
      if offset >= target { return }
      try beforeRecord()
      switch kind {
      case .zhProse: zhLine()
      case .enText: enLine()
      case .csv: csvRow()
      case .sql: try sqlLine(minimumBytes: 0)
      case .jsonl: jsonObject()
      case .log: logLine()
      case .combo: comboLine()
      }
      put(eol)
      recordCounter += 1
    }
  }

  /// Boundary probes, long lines and junk bytes, placed by offset between records.
  private mutating func beforeRecord() throws {
    if buffer.count >= flushThreshold { try flush() }
    if let next = longLineOffsets.first, offset >= next.offset {
      longLineOffsets.removeFirst()
      let saved = eol
      eol = [10]
      if next.kind == 0 {
        try sqlLine(minimumBytes: next.bytes)
      } else {
        try jsonArrayLine(minimumBytes: next.bytes)
      }
      put(eol)
      eol = saved
      while nextBoundary <= offset + 64 { advanceBoundary() }
      try flush()
    }
    if includeInvalidUTF8 && offset >= nextJunk {
      put("binary residue: ")
      // Bytes that are never valid UTF-8 (no NUL: that would make tools call the file binary).
      buffer.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x28, 0x80, 0xBF])
      put(" (not UTF-8)")
      put(eol)
      nextJunk += 37 << 20
    }
    let gap = nextBoundary - offset
    if gap <= 16 << 10 {
      if gap >= 40 { boundaryProbe(gap: gap) }
      advanceBoundary()
    }
  }

  private mutating func advanceBoundary() {
    nextBoundary = nextBoundary < 1 << 20 ? nextBoundary * 2 : nextBoundary + (1 << 20)
  }

  /// Filler lines, then an 18-digit ID whose 10th byte sits at `nextBoundary`.
  private mutating func boundaryProbe(gap: Int) {
    var remaining = gap
    while remaining >= 140 {
      let length = min(100, remaining - 40)
      filler(length - 1)
      buffer.append(10)
      remaining -= length
    }
    // remaining in 40..<140: filler ending in a space, then the ID straddles the boundary.
    filler(remaining - 9 - 1)
    buffer.append(32)
    plant(Planted(context.people.randomResidentID(using: &rng), .residentID))
    buffer.append(10)
  }

  /// Inside a very long line: when the next boundary is near, writes
  /// `prefix` + filler + `middle` + an 18-digit ID whose 10th byte is at the boundary +
  /// `suffix`, and returns true.
  private mutating func alignedPlant(prefix: String, middle: String, suffix: String) -> Bool {
    let fixed = prefix.utf8.count + middle.utf8.count
    let gap = nextBoundary - 9 - offset - fixed
    if gap < 0 {
      advanceBoundary()
      return false
    }
    guard gap <= 4096 else { return false }
    put(prefix)
    filler(gap)
    put(middle)
    plant(Planted(context.people.randomResidentID(using: &rng), .residentID))
    put(suffix)
    advanceBoundary()
    return true
  }

  private mutating func filler(_ count: Int) {
    let pattern = Array("boundary probe padding ".utf8)
    for i in 0..<count { buffer.append(pattern[i % pattern.count]) }
  }

  // MARK: - Output

  mutating func put(_ s: String) { buffer.append(contentsOf: s.utf8) }
  mutating func put(_ b: [UInt8]) { buffer.append(contentsOf: b) }

  mutating func putInt(_ value: Int) {
    var v = value
    if v == 0 {
      buffer.append(48)
      return
    }
    var tmp:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = 0
    withUnsafeMutableBytes(of: &tmp) { p in
      while v > 0 {
        p[n] = UInt8(48 + v % 10)
        v /= 10
        n += 1
      }
      for i in stride(from: n - 1, through: 0, by: -1) { buffer.append(p[i]) }
    }
  }

  mutating func putPadded(_ value: Int, _ width: Int) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var v = value
    while divisor > 0 {
      buffer.append(UInt8(48 + (v / divisor) % 10))
      v %= divisor
      divisor /= 10
    }
  }

  mutating func flush() throws {
    trackPositions()
    if !buffer.isEmpty {
      try file.write(contentsOf: buffer)
      flushed += buffer.count
      buffer.removeAll(keepingCapacity: true)
    }
    trackedUpTo = 0
    if let truthFile, truthBuffer.count >= 4 << 20 {
      try truthFile.write(contentsOf: truthBuffer)
      truthBuffer.removeAll(keepingCapacity: true)
    }
  }

  /// Advances `line`/`column` over the bytes written since the last call.
  private mutating func trackPositions() {
    guard truthFile != nil else { return }
    var l = line
    var c = column
    buffer.withUnsafeBufferPointer { p in
      var i = trackedUpTo
      let end = p.count
      while i < end {
        let b = p[i]
        if b == 10 {
          l += 1
          c = 1
        } else if b & 0xC0 != 0x80 {
          c += 1
        }
        i += 1
      }
    }
    line = l
    column = c
    trackedUpTo = buffer.count
  }

  /// Writes a planted value, labelling it when `--truth` is on.
  mutating func plant(_ p: Planted) {
    if truthFile != nil {
      trackPositions()
      let label = Label(
        path: fileName, line: line, column: column, category: p.category.rawValue, value: p.value,
        valid: p.valid, reason: p.reason?.rawValue)
      truthBuffer.append(contentsOf: label.json.utf8)
      truthBuffer.append(10)
    }
    buffer.append(contentsOf: p.written.utf8)
  }

  mutating func decoy(_ kind: DecoyFactory.Kind) {
    buffer.append(contentsOf: context.decoys.make(kind, using: &rng).utf8)
  }

  // MARK: - Values

  private enum Slot { case id, id15OK, mobile, email, card, landline }

  /// A planted value for a slot with its rate, or nil. `id15OK` allows first-generation
  /// numbers (ID columns only).
  private mutating func value(_ slot: Slot) -> Planted? {
    let rate: Int
    switch slot {
    case .id, .id15OK: rate = BenchCorpus.idRate
    case .mobile: rate = BenchCorpus.mobileRate
    case .email: rate = BenchCorpus.emailRate
    case .card: rate = BenchCorpus.cardRate
    case .landline: rate = BenchCorpus.landlineRate
    }
    guard rng.chance(rate) else {
      if (slot == .id || slot == .id15OK) && rng.chance(BenchCorpus.maskedRate) {
        let id = context.people.randomResidentID(using: &rng)
        return Planted(id.prefix(6) + "********" + id.suffix(4), .residentIDMasked)
      }
      if slot == .mobile && rng.chance(BenchCorpus.maskedRate) {
        let m = context.people.mobileNumber(using: &rng)
        return Planted(m.prefix(3) + "****" + m.suffix(4), .mobileMasked)
      }
      return nil
    }
    let invalid = rng.chance(BenchCorpus.invalidShare)
    let plants = context.plants
    switch slot {
    case .id, .id15OK:
      if invalid { return plants.randomInvalidID(using: &rng) }
      if slot == .id15OK && rng.chance(800) {
        return Planted(context.people.randomResidentID15(using: &rng), .residentID15)
      }
      let id = context.people.randomResidentID(using: &rng)
      let written = id.hasSuffix("X") && rng.chance(2_000) ? String(id.dropLast()) + "x" : id
      return Planted(written, .residentID, value: id)
    case .mobile:
      if invalid { return plants.invalidMobile(using: &rng) }
      return plants.mobile(context.people.mobileNumber(using: &rng), using: &rng)
    case .email:
      let s = rng.pick(context.people.tables.surnames)
      return Planted(
        context.people.email(
          surnamePinyin: s.pinyin, birth: CivilDate(year: rng.int(1950...2005), month: 1, day: 1),
          using: &rng),
        .email)
    case .card:
      if invalid { return plants.invalidBankCard(using: &rng) }
      let bin = rng.pick(context.people.tables.luhnBINs)
      return plants.bankCard(
        PersonFactory.cardNumber(bin: bin.bin, length: bin.cardLength, using: &rng), using: &rng)
    case .landline:
      return plants.landline(context.people.landline(using: &rng), using: &rng)
    }
  }

  mutating func randomDecoyKind() -> DecoyFactory.Kind {
    let kinds: [DecoyFactory.Kind] = [
      .snowflake, .msTimestamp, .epoch, .orderNumber, .uuid, .md5, .sha256, .coordinate, .uscc,
      .imei, .iccid, .longDigitRun, .notMobilePrefix, .decimal, .version,
    ]
    return rng.pick(kinds)
  }

  // MARK: - Records

  private mutating func zhLine() {
    let sentences = rng.int(1...3)
    for _ in 0..<sentences {
      let parts = rng.int(3...7)
      for k in 0..<parts {
        if k > 0 { put("，") }
        put(zhFragments[rng.below(zhFragments.count)])
        if rng.chance(800) {
          put("共")
          putInt(rng.int(2...99_999))
          put("元")
        }
      }
      if let p = value(.mobile) {
        put("，联系电话")
        plant(p)
      }
      if let p = value(.id) {
        put("，身份证号")
        plant(p)
      }
      if let p = value(.email) {
        put("，邮箱")
        plant(p)
        put(" ")
      }
      if let p = value(.card) {
        put("，卡号")
        plant(p)
      }
      if let p = value(.landline) {
        put("，座机")
        plant(p)
      }
      if rng.chance(BenchCorpus.decoyRate) {
        put("，编号")
        decoy(randomDecoyKind())
      }
      put("。")
    }
  }

  private mutating func enLine() {
    let count = rng.int(8...24)
    for k in 0..<count {
      if k > 0 { buffer.append(32) }
      put(enWords[rng.below(enWords.count)])
    }
    if let p = value(.mobile) {
      put(" call ")
      plant(p)
    }
    if let p = value(.email) {
      put(" mail ")
      plant(p)
    }
    if let p = value(.id) {
      put(" id ")
      plant(p)
    }
    if rng.chance(BenchCorpus.decoyRate) {
      put(" ref ")
      decoy(randomDecoyKind())
    }
    put(".")
  }

  private mutating func csvRow() {
    putInt(recordCounter)
    buffer.append(44)
    put(names[rng.below(names.count)])
    buffer.append(44)
    put(genders[rng.below(2)])
    buffer.append(44)
    if let p = value(.id15OK) { plant(p) }
    buffer.append(44)
    if let p = value(.mobile) {
      if p.written.contains(" ") {
        buffer.append(34)
        plant(p)
        buffer.append(34)
      } else {
        plant(p)
      }
    }
    buffer.append(44)
    if let p = value(.email) { plant(p) }
    buffer.append(44)
    if let p = value(.card) { plant(p) }
    buffer.append(44)
    if let p = value(.landline) { plant(p) }
    buffer.append(44)
    let address = addresses[rng.below(addresses.count)]
    if rng.chance(500) {
      buffer.append(34)
      put(address)
      put(",备注\"\"旧址\"\"")
      buffer.append(34)
    } else {
      put(address)
    }
    buffer.append(44)
    put(companies[rng.below(companies.count)])
    buffer.append(44)
    if rng.chance(BenchCorpus.decoyRate) { decoy(.msTimestamp) } else { timestamp() }
  }

  mutating func timestamp() {
    putPadded(rng.int(2015...2026), 4)
    buffer.append(45)
    putPadded(rng.int(1...12), 2)
    buffer.append(45)
    putPadded(rng.int(1...28), 2)
    buffer.append(32)
    putPadded(rng.below(24), 2)
    buffer.append(58)
    putPadded(rng.below(60), 2)
    buffer.append(58)
    putPadded(rng.below(60), 2)
  }

  private mutating func sqlString(_ p: Planted?) {
    if let p {
      buffer.append(39)
      plant(p)
      buffer.append(39)
    } else {
      put("NULL")
    }
  }

  /// One extended insert; with `minimumBytes` it keeps adding tuples until the line is
  /// at least that long (the very long lines).
  private mutating func sqlLine(minimumBytes: Int) throws {
    let start = offset
    put("INSERT INTO `member` VALUES ")
    let tuples = minimumBytes > 0 ? Int.max : rng.int(10...60)
    var k = 0
    while k < tuples {
      if k > 0 { buffer.append(44) }
      if minimumBytes > 0 && alignedPlant(prefix: "(0,'", middle: "','", suffix: "')") {
        k += 1
        continue
      }
      buffer.append(40)
      putInt(recordCounter * 64 + k)
      put(",'")
      put(names[rng.below(names.count)])
      put("','")
      put(genders[rng.below(2)])
      put("',")
      sqlString(value(.id15OK))
      buffer.append(44)
      sqlString(value(.mobile))
      buffer.append(44)
      sqlString(value(.email))
      buffer.append(44)
      sqlString(value(.card))
      buffer.append(44)
      sqlString(value(.landline))
      put(",'")
      put(addresses[rng.below(addresses.count)])
      if rng.chance(300) { put("\\'s \\\\ \\n") }
      put("','")
      if rng.chance(BenchCorpus.decoyRate) { decoy(.orderNumber) } else { timestamp() }
      put("')")
      k += 1
      if minimumBytes > 0 && offset - start >= minimumBytes { break }
      if buffer.count >= flushThreshold * 2 { try flush() }  // mid-line; positions stay right
    }
    buffer.append(59)
  }

  /// One very long line: a minified JSON array of records.
  private mutating func jsonArrayLine(minimumBytes: Int) throws {
    let start = offset
    buffer.append(91)
    var k = 0
    while offset - start < minimumBytes {
      if k > 0 { buffer.append(44) }
      if alignedPlant(prefix: "{\"pad\":\"", middle: "\",\"idcard\":\"", suffix: "\"}") {
        k += 1
        continue
      }
      jsonObject()
      k += 1
      if buffer.count >= flushThreshold * 2 { try flush() }
    }
    buffer.append(93)
  }

  private mutating func jsonObject() {
    put("{\"id\":")
    putInt(recordCounter)
    put(",\"name\":\"")
    put(names[rng.below(names.count)])
    put("\"")
    if let p = value(.id) {
      put(",\"idcard\":\"")
      plant(p)
      put("\"")
    }
    if let p = value(.mobile) {
      put(",\"contact\":{\"mobile\":\"")
      plant(p)
      put("\"}")
    }
    if let p = value(.email) {
      put(",\"email\":\"")
      plant(p)
      put("\"")
    }
    if let p = value(.card) {
      put(",\"bank\":{\"card_no\":\"")
      plant(p)
      put("\"}")
    }
    if let p = value(.landline) {
      put(",\"tel\":\"")
      plant(p)
      put("\"")
    }
    put(",\"addr\":{\"detail\":\"")
    put(addresses[rng.below(addresses.count)])
    put("\"},\"ts\":")
    if rng.chance(BenchCorpus.decoyRate) {
      decoy(.msTimestamp)
    } else {
      putInt(1_700_000_000 + rng.below(100_000_000))
    }
    if rng.chance(BenchCorpus.decoyRate) {
      put(",\"trace\":\"")
      decoy(.uuid)
      put("\"")
    }
    buffer.append(125)
  }

  private mutating func logLine() {
    let ms = rng.below(86_400_000)
    if rng.chance(3_000) {
      put("10.")
      putInt(rng.below(256))
      put(".")
      putInt(rng.below(256))
      put(".")
      putInt(rng.int(1...254))
      put(" - - [29/Nov/2026:")
      putPadded(ms / 3_600_000, 2)
      buffer.append(58)
      putPadded(ms / 60_000 % 60, 2)
      buffer.append(58)
      putPadded(ms / 1000 % 60, 2)
      put(" +0800] \"GET /api/v2/profile?uid=")
      putInt(rng.below(10_000_000))
      if let p = value(.mobile), !p.written.contains(" ") {
        put("&phone=")
        plant(p)
      }
      put("&_=")
      if rng.chance(BenchCorpus.decoyRate * 3) {
        decoy(.msTimestamp)
      } else {
        putInt(rng.below(1_000_000))
      }
      put(" HTTP/1.1\" 200 ")
      putInt(rng.int(100...20_000))
      put(" \"-\" \"okhttp/4.12.0\"")
      return
    }
    put("2026-11-29 ")
    putPadded(ms / 3_600_000, 2)
    buffer.append(58)
    putPadded(ms / 60_000 % 60, 2)
    buffer.append(58)
    putPadded(ms / 1000 % 60, 2)
    buffer.append(46)
    putPadded(ms % 1000, 3)
    put(rng.chance(9_000) ? "  INFO " : "  WARN ")
    put("[exec-")
    putInt(rng.int(1...64))
    put("] c.s.app.Service - ")
    for k in 0..<rng.int(3...9) {
      if k > 0 { buffer.append(32) }
      put(enWords[rng.below(enWords.count)])
    }
    if let p = value(.mobile) {
      put(" mobile=")
      plant(p)
    }
    if let p = value(.id) {
      put(" idNo=")
      plant(p)
    }
    if let p = value(.email) {
      put(" email=")
      plant(p)
    }
    if let p = value(.card) {
      put(" cardNo=")
      plant(p)
    }
    if rng.chance(BenchCorpus.decoyRate * 2) {
      put(" traceId=")
      decoy(rng.chance(5_000) ? .snowflake : .uuid)
    }
  }

  private mutating func comboLine() {
    if let p = value(.mobile) {
      plant(p)
    } else if let p = value(.email) {
      plant(p)
    } else {
      put("user")
      putInt(rng.below(10_000_000))
    }
    put("----")
    put(rng.pick(Vocabulary.passwords))
    if let p = value(.id) {
      put("----")
      plant(p)
    }
  }

  // MARK: - Filler vocabularies

  /// Chinese filler fragments (written for this project), including surname-initial words.
  static let zhFragmentText = """
    今天天气很好 我们公司 根据有关规定 请注意 项目进度正常 会议纪要如下 系统升级完成 用户反馈良好 数据显示 本季度销售额增长 \
    周末加班 高中同学 黄金周 江苏分公司 张家港港口 和平路门店 安全生产 白天施工 于是决定 常见问题 马上处理 方法如下 \
    万一发生故障 钱包支付 石头记 金融服务 毛病不少 许多客户 程序更新 杨柳青青 林业局通知 高速公路 周边配套 黄山风景区 \
    王府井大街 李子园 温度适宜 司机师傅 严格执行 章程修订 宋体字号 丁香花开 武汉仓库 陆地运输 沈阳办事处 \
    请于三日内回复 已安排专人跟进 库存充足 物流延迟 退货流程 发票已开具 合同已签署 预算审批中 质量检验合格 \
    年度总结 季度报告 培训通知 放假安排 设备巡检 网络维护 客户回访 市场调研 竞品分析 产品迭代 版本发布
    """
  /// English filler words.
  static let enWordText = """
    the request was processed successfully and the cache entry expired before the scheduled job could \
    refresh it while the upstream service returned a partial response so the client retried with backoff \
    order shipment invoice payment customer account session token config deploy release build pipeline \
    worker queue message retry timeout latency throughput database index query table column row record \
    user profile update delete create read write sync async batch stream buffer chunk offset length value
    """
}

extension PersonFactory {
  /// A valid 18-character ID without building a whole person (bench hot path).
  func randomResidentID(using rng: inout SeededGenerator) -> String {
    let birth = CivilDate.random(years: 1930...2019, using: &rng)
    let year = birth.year >= 1985 ? birth.year : rng.int(1985...1995)
    let pool = regionsUsable(in: year)
    let region = rng.pick(pool)
    let sequence = rng.int(1...993)
    let id = PersonFactory.residentID(region: region.code, birth: birth, sequence: pad(sequence, 3))
    guard PlantFactory.allSampleValues.contains(id) else { return id }
    return PersonFactory.residentID(
      region: region.code, birth: birth, sequence: pad(sequence + 2, 3))
  }

  /// A valid first-generation 15-digit number.
  func randomResidentID15(using rng: inout SeededGenerator) -> String {
    let birth = CivilDate.random(years: 1930...1985, using: &rng)
    let region = rng.pick(regionsUsable(in: rng.int(1985...1995)))
    let id = region.code + birth.compactTwoDigitYear + pad(rng.int(1...993), 3)
    return PlantFactory.allSampleValues.contains(id) ? String(id.dropLast(3)) + "995" : id
  }
}
