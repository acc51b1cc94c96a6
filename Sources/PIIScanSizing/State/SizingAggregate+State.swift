#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state file: an aggregate written to disk so that another process can merge it
/// (`size --state-out`, `size --merge`). The format is docs/STATE-FORMAT.md: a header, small
/// sections (configuration, inputs, counts, samples, domains) and one section per distinct
/// set holding its keys sorted, so that merging many states is a streaming k-way merge of
/// those sections, never a load of whole states.
enum StateFormat {
  /// `PIISIZE` and 0x1A: the last byte catches a file mangled by a text-mode copy.
  static let magic: [UInt8] = [0x50, 0x49, 0x49, 0x53, 0x49, 0x5A, 0x45, 0x1A]
  static let version: UInt32 = 1
  static let headerBytes = 16
  /// Tag, reserved word, payload length, checksum.
  static let sectionHeaderBytes = 24
  /// Set index, entry width, entry count.
  static let setHeaderBytes = 16

  enum Tag {
    static let configuration = "CONF"
    static let inputs = "INPT"
    static let counts = "CNTS"
    static let samples = "SMPL"
    static let domains = "DOMN"
    static let categorySet = "CSET"
    static let nodes = "NODE"
    static let links = "LINK"
    static let sightings = "SEEN"
    static let end = "END "
  }

  static func tagBytes(_ tag: String) -> [UInt8] { Array(tag.utf8) }

  static func checksum(_ bytes: [UInt8]) -> UInt64 {
    var hasher = SipHash(wide: false)
    bytes.withUnsafeBytes { hasher.combine($0) }
    return hasher.finish64()
  }
}

extension SizingAggregate {
  // MARK: Writing

  /// Writes the state to `path` (first to `path.partial`, renamed when complete, so that an
  /// interrupted write never leaves a state that looks whole). The same counts give the same
  /// bytes, whatever the split into workers or the order of inputs.
  ///
  /// - Throws: ``SizingError`` when the file cannot be written or a spilled run read.
  public mutating func write(to path: String) throws {
    let partial = path + ".partial"
    let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SizingError.system("open", path: partial) }
    var closed = false
    defer {
      if !closed {
        close(descriptor)
        unlink(partial)
      }
    }
    var writer = BufferedFileWriter(descriptor: descriptor, path: partial)
    var header = StateFormat.magic
    withUnsafeBytes(of: StateFormat.version.littleEndian) { header.append(contentsOf: $0) }
    header.append(contentsOf: [0, 0, 0, 0])
    try writer.write(header)
    try Self.writeSection(StateFormat.Tag.configuration, encodeConfiguration(), to: &writer)
    try Self.writeSection(StateFormat.Tag.inputs, encodeInputs(), to: &writer)
    try Self.writeSection(StateFormat.Tag.counts, encodeCounts(), to: &writer)
    try Self.writeSection(StateFormat.Tag.samples, encodeSamples(), to: &writer)
    try Self.writeSection(StateFormat.Tag.domains, encodeDomains(), to: &writer)
    for index in categorySets.indices {
      try Self.writeSet(
        StateFormat.Tag.categorySet, index: index, &categorySets[index], directory: directory,
        to: &writer)
    }
    try Self.writeSet(StateFormat.Tag.nodes, index: 0, &nodes, directory: directory, to: &writer)
    try Self.writeSet(StateFormat.Tag.links, index: 0, &links, directory: directory, to: &writer)
    try Self.writeSet(
      StateFormat.Tag.sightings, index: 0, &sightings, directory: directory, to: &writer)
    try Self.writeSection(StateFormat.Tag.end, [], to: &writer)
    try writer.flush()
    guard fsync(descriptor) == 0 else { throw SizingError.system("fsync", path: partial) }
    closed = true
    guard close(descriptor) == 0 else {
      unlink(partial)
      throw SizingError.system("close", path: partial)
    }
    guard rename(partial, path) == 0 else {
      unlink(partial)
      throw SizingError.system("rename", path: path)
    }
  }

  private static func sectionHeader(_ tag: String, length: Int, checksum: UInt64) -> [UInt8] {
    var header = ByteWriter()
    for byte in StateFormat.tagBytes(tag) { header.u8(byte) }
    header.u32(0)
    header.u64(UInt64(length))
    header.u64(checksum)
    return header.bytes
  }

  private static func writeSection(
    _ tag: String, _ payload: [UInt8], to writer: inout BufferedFileWriter
  ) throws {
    try writer.write(
      sectionHeader(tag, length: payload.count, checksum: StateFormat.checksum(payload)))
    try writer.write(payload)
  }

  /// Writes a set as one sorted run; the header is written last, in place, once the count and
  /// checksum are known.
  private static func writeSet<Key: SortKey>(
    _ tag: String, index: Int, _ set: inout KeyRunSet<Key>,
    directory: SizingTemporaryDirectory, to writer: inout BufferedFileWriter
  ) throws {
    let start = writer.position
    try writer.write(
      [UInt8](repeating: 0, count: StateFormat.sectionHeaderBytes + StateFormat.setHeaderBytes))
    let width = Key.encodedByteCount + 1
    var scratch = [UInt8](repeating: 0, count: width)
    var count = 0
    writer.startChecksum()
    try set.forEach(in: directory) { key, payload in
      try scratch.withUnsafeMutableBytes { bytes in
        key.encode(to: bytes.baseAddress!)
        bytes[width - 1] = payload
        try writer.write(UnsafeRawBufferPointer(bytes))
      }
      count += 1
    }
    let checksum = writer.takeChecksum()
    try writer.flush()
    var header = sectionHeader(
      tag, length: StateFormat.setHeaderBytes + count * width, checksum: checksum)
    var setHeader = ByteWriter()
    setHeader.u32(UInt32(index))
    setHeader.u32(UInt32(width))
    setHeader.u64(UInt64(count))
    header += setHeader.bytes
    let written = header.withUnsafeBytes {
      pwrite(writer.descriptor, $0.baseAddress!, $0.count, off_t(start))
    }
    guard written == header.count else { throw SizingError.system("write", path: writer.path) }
  }

  private func encodeConfiguration() -> [UInt8] {
    var out = ByteWriter()
    out.strings(configuration.categories)
    out.strings(configuration.reasonCodes)
    out.string(configuration.asOf.description)
    out.u32(UInt32(configuration.bankCardTier.rawValue))
    out.u32(UInt32(configuration.samplesPerCategory))
    out.string(configuration.toolVersion)
    out.string(configuration.rulesetSHA256)
    return out.bytes
  }

  private func encodeInputs() -> [UInt8] {
    var out = ByteWriter()
    let sorted = inputs.sorted {
      $0.path != $1.path ? utf8Less($0.path, $1.path) : utf8Less($0.member, $1.member)
    }
    out.count(sorted.count)
    for input in sorted {
      out.string(input.path)
      out.optionalString(input.member)
      out.count(input.records)
      out.count(input.values)
      out.u8(input.status.map { UInt8($0.severity + 1) } ?? 0)
      out.strings(input.sha256.sorted(by: utf8Less))
      out.u32(UInt32(input.bytes.count))
      for bytes in input.bytes.sorted() { out.i64(bytes) }
      out.strings(input.formats.sorted(by: utf8Less))
      out.strings(input.encodings.sorted(by: utf8Less))
      out.strings(input.notices.sorted(by: utf8Less))
    }
    return out.bytes
  }

  private func encodeCounts() -> [UInt8] {
    var out = ByteWriter()
    for count in counts {
      out.count(count.raw)
      out.count(count.valid)
      for invalid in count.invalid { out.count(invalid) }
    }
    out.count(records.total)
    out.count(records.withIdentifier)
    for tier in records.byTier { out.count(tier) }
    out.count(records.residentHits18)
    out.count(records.residentHits15)
    return out.bytes
  }

  private func encodeSamples() -> [UInt8] {
    var out = ByteWriter()
    for category in samples {
      for list in [category.valid, category.invalid] {
        out.u32(UInt32(list.count))
        for sample in list.entries {
          out.u64(sample.priority)
          out.key(sample.key)
          out.u32(UInt32(sample.reasonCode))
          out.string(sample.masked)
          out.string(sample.path)
          out.optionalString(sample.member)
          out.i64(sample.offset)
          out.i64(sample.line.map { Int64($0) } ?? -1)
        }
      }
    }
    return out.bytes
  }

  private func encodeDomains() -> [UInt8] {
    var out = ByteWriter()
    out.count(domainNames.count)
    for hash in domainNames.keys.sorted() {
      out.u64(hash)
      out.strings(domainNames[hash]!)
    }
    return out.bytes
  }

  // MARK: Reading

  /// Reads a state file. Its distinct sets stay in the file and are read when needed, so the
  /// file must stay in place while the aggregate (or anything merged from it) is used.
  ///
  /// - Throws: ``SizingError`` (`corruptState`) for a file that is not a state of this
  ///   version or is damaged, or an I/O error.
  public static func read(
    from path: String, memoryBudget: Int, directory: SizingTemporaryDirectory
  ) throws -> SizingAggregate {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SizingError.system("open", path: path) }
    defer { close(descriptor) }
    var position: Int64 = 0
    func readBytes(_ count: Int) throws -> [UInt8] {
      var bytes = [UInt8](repeating: 0, count: count)
      var done = 0
      while done < count {
        let got = bytes.withUnsafeMutableBytes {
          pread(descriptor, $0.baseAddress! + done, count - done, off_t(position) + off_t(done))
        }
        if got < 0 {
          if errno == EINTR { continue }
          throw SizingError.system("read", path: path)
        }
        guard got > 0 else { throw SizingError.corrupt(path, "the state file is cut short") }
        done += got
      }
      position += Int64(count)
      return bytes
    }
    let header = try readBytes(StateFormat.headerBytes)
    guard Array(header[0..<8]) == StateFormat.magic else {
      throw SizingError.corrupt(path, "not a piiscan sizing state file")
    }
    var headerReader = ByteReader(Array(header[8...]), path: path)
    let version = try headerReader.u32()
    guard version == StateFormat.version else {
      throw SizingError.corrupt(
        path, "state format version \(version); this piiscan reads version \(StateFormat.version)")
    }
    let file = RunFile(path: path, isOwned: false)
    var aggregate: SizingAggregate?
    var expected = [
      StateFormat.Tag.configuration, StateFormat.Tag.inputs, StateFormat.Tag.counts,
      StateFormat.Tag.samples, StateFormat.Tag.domains,
    ]
    var sets = 0
    while true {
      var sectionReader = ByteReader(try readBytes(StateFormat.sectionHeaderBytes), path: path)
      let tag = String(decoding: try (0..<4).map { _ in try sectionReader.u8() }, as: UTF8.self)
      _ = try sectionReader.u32()
      let length = Int64(bitPattern: try sectionReader.u64())
      let checksum = try sectionReader.u64()
      guard length >= 0 else { throw SizingError.corrupt(path, "a section length is negative") }
      if !expected.isEmpty {
        guard tag == expected.removeFirst(), length < 1 << 40 else {
          throw SizingError.corrupt(path, "sections are missing or out of order")
        }
        let payload = try readBytes(Int(length))
        guard StateFormat.checksum(payload) == checksum else {
          throw SizingError.corrupt(path, "the \(tag) section's checksum does not match")
        }
        var reader = ByteReader(payload, path: path)
        if tag == StateFormat.Tag.configuration {
          aggregate = SizingAggregate(
            configuration: try decodeConfiguration(&reader, path: path),
            memoryBudget: memoryBudget, directory: directory)
        } else {
          try aggregate!.decode(tag, &reader)
        }
        guard reader.isAtEnd else {
          throw SizingError.corrupt(path, "the \(tag) section has bytes left over")
        }
        continue
      }
      if tag == StateFormat.Tag.end {
        guard length == 0, sets == aggregate!.categorySets.count + 3 else {
          throw SizingError.corrupt(path, "sets are missing")
        }
        break
      }
      guard length >= StateFormat.setHeaderBytes else {
        throw SizingError.corrupt(path, "a set section is too short")
      }
      var setReader = ByteReader(try readBytes(StateFormat.setHeaderBytes), path: path)
      let index = Int(try setReader.u32())
      let width = Int(try setReader.u32())
      let count = try setReader.u64()
      let entriesLength = length - Int64(StateFormat.setHeaderBytes)
      guard count <= UInt64(entriesLength), UInt64(width) * count == UInt64(entriesLength)
      else { throw SizingError.corrupt(path, "a set section's size does not match its count") }
      let run = FileRun(file: file, offset: position, count: Int(count), checksum: checksum)
      try aggregate!.adoptSet(tag, index: index, width: width, run: run, order: sets, path: path)
      sets += 1
      position += entriesLength
    }
    return aggregate!
  }

  private static func decodeConfiguration(_ reader: inout ByteReader, path: String) throws
    -> SizingConfiguration
  {
    let categories = try reader.strings()
    let reasons = try reader.strings()
    guard let asOf = SizingDate(iso: try reader.string()),
      let tier = SizingTier(rawValue: Int(try reader.u32())), !reasons.isEmpty
    else { throw SizingError.corrupt(path, "the configuration section is malformed") }
    let samples = Int(try reader.u32())
    return SizingConfiguration(
      categories: categories, reasonCodes: reasons, asOf: asOf, bankCardTier: tier,
      samplesPerCategory: samples, toolVersion: try reader.string(),
      rulesetSHA256: try reader.string())
  }

  private mutating func decode(_ tag: String, _ reader: inout ByteReader) throws {
    switch tag {
    case StateFormat.Tag.inputs:
      let count = try reader.count(itemBytes: 30)
      for _ in 0..<count {
        let path = try reader.string()
        let member = try reader.optionalString()
        let source = self.source(path: path, member: member)
        inputs[source].records = try reader.counter()
        inputs[source].values = try reader.counter()
        let status = try reader.u8()
        guard status <= 4 else { throw SizingError.corrupt(nil, "an input status is unknown") }
        inputs[source].status = status == 0 ? nil : SizingInputStatus.allCases[Int(status) - 1]
        inputs[source].sha256 = Set(try reader.strings())
        let bytesCount = Int(try reader.u32())
        inputs[source].bytes = Set(try (0..<bytesCount).map { _ in try reader.i64() })
        inputs[source].formats = Set(try reader.strings())
        inputs[source].encodings = Set(try reader.strings())
        inputs[source].notices = Set(try reader.strings())
      }
    case StateFormat.Tag.counts:
      for index in counts.indices {
        counts[index].raw = try reader.counter()
        counts[index].valid = try reader.counter()
        for reason in counts[index].invalid.indices {
          counts[index].invalid[reason] = try reader.counter()
        }
      }
      records.total = try reader.counter()
      records.withIdentifier = try reader.counter()
      for tier in records.byTier.indices { records.byTier[tier] = try reader.counter() }
      records.residentHits18 = try reader.counter()
      records.residentHits15 = try reader.counter()
    case StateFormat.Tag.samples:
      for index in samples.indices {
        for valid in [true, false] {
          let count = Int(try reader.u32())
          for _ in 0..<count {
            let priority = try reader.u64()
            let key = try reader.key()
            let reasonCode = Int(try reader.u32())
            guard reasonCode < configuration.reasonCodes.count else {
              throw SizingError.corrupt(nil, "a sample's reason code is out of range")
            }
            let sample = SizingSample(
              priority: priority, key: key, reasonCode: reasonCode, masked: try reader.string(),
              path: try reader.string(), member: try reader.optionalString(),
              offset: try reader.i64(), line: { $0 < 0 ? nil : Int($0) }(try reader.i64()))
            if valid {
              samples[index].valid.offer(sample, limit: configuration.samplesPerCategory)
            } else {
              samples[index].invalid.offer(sample, limit: configuration.samplesPerCategory)
            }
          }
        }
      }
    case StateFormat.Tag.domains:
      let count = try reader.count(itemBytes: 12)
      for _ in 0..<count {
        let hash = try reader.u64()
        for name in try reader.strings() { Self.addDomain(name, hash: hash, to: &domainNames) }
      }
    default:
      throw SizingError.corrupt(nil, "unknown section \(tag)")
    }
  }

  /// Takes a set section of a state file as a run of the matching set.
  private mutating func adoptSet(
    _ tag: String, index: Int, width: Int, run: FileRun, order: Int, path: String
  ) throws {
    let categories = categorySets.count
    func check<Key: SortKey>(_: Key.Type, expectedOrder: Int) throws {
      let expectedIndex = tag == StateFormat.Tag.categorySet ? expectedOrder : 0
      guard width == Key.encodedByteCount + 1, order == expectedOrder, index == expectedIndex
      else {
        throw SizingError.corrupt(path, "a set section is out of place or has the wrong width")
      }
    }
    switch tag {
    case StateFormat.Tag.categorySet:
      guard index < categories else {
        throw SizingError.corrupt(path, "a set names an unknown category")
      }
      try check(SizingKey.self, expectedOrder: index)
      categorySets[index].adopt(run)
    case StateFormat.Tag.nodes:
      try check(SizingKey.self, expectedOrder: categories)
      nodes.adopt(run)
    case StateFormat.Tag.links:
      try check(PersonLink.self, expectedOrder: categories + 1)
      links.adopt(run)
    case StateFormat.Tag.sightings:
      try check(RecordSighting.self, expectedOrder: categories + 2)
      sightings.adopt(run)
    default:
      throw SizingError.corrupt(path, "unknown section \(tag)")
    }
  }

  // MARK: Merging states

  /// The aggregate of every state in `paths`, merged one at a time: each state's small
  /// sections are read and united, its sets are taken as file runs, and a set with more runs
  /// than one merge reads at once is compacted into the temporary directory. Memory stays at
  /// the small sections plus one merge's buffers, whatever the number of states.
  ///
  /// The states must stay in place while the result is used.
  public static func merging(
    stateFiles paths: [String], memoryBudget: Int, directory: SizingTemporaryDirectory
  ) throws -> SizingAggregate {
    guard let first = paths.first else {
      throw SizingError(.corruptState, message: "no state files to merge")
    }
    var result = try read(from: first, memoryBudget: memoryBudget, directory: directory)
    for path in paths.dropFirst() {
      do {
        try result.merge(try read(from: path, memoryBudget: memoryBudget, directory: directory))
      } catch var error as SizingError where error.code == .incompatibleStates {
        error.path = path
        throw error
      }
    }
    return result
  }
}
