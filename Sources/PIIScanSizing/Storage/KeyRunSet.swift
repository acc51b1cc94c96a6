#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An entry as a set takes it in: a key and its payload byte.
struct RunEntry<Key: SortKey>: BitwiseCopyable {
  var key: Key
  var payload: UInt8
}

/// A piece of a memory run: keys and payloads in two buffers, so that an entry costs the key's
/// size plus one byte.
///
/// SAFETY: the buffers are written only by the ``MemoryRunBuilder`` that made the block,
/// before the block is shared; afterwards it is read-only until `deinit` frees it, so sharing
/// it between copies of a run, and threads, is safe.
final class RunBlock<Key: SortKey>: @unchecked Sendable {
  let keys: UnsafeMutablePointer<Key>
  let payloads: UnsafeMutablePointer<UInt8>
  /// Entries written; set once, when the builder seals the block.
  private(set) var count = 0

  init(capacity: Int) {
    keys = .allocate(capacity: capacity)
    payloads = .allocate(capacity: capacity)
  }

  deinit {
    keys.deallocate()
    payloads.deallocate()
  }

  fileprivate func seal(count: Int) { self.count = count }
}

/// A sorted, duplicate-free run held in memory, as blocks of at most ``capacity`` entries.
///
/// Why blocks: merging two runs frees each input block as soon as it has been read, so a merge
/// needs only a few blocks beyond the entries themselves, where one array per run would need
/// a second copy of both runs until the merge ends.
struct MemoryRun<Key: SortKey>: Sendable {
  /// Entries per block: large enough that a block's overhead vanishes, small enough that a
  /// partly filled last block wastes little.
  static var capacity: Int { max(1_024, (1 << 19) / MemoryLayout<Key>.stride) }

  fileprivate(set) var blocks: [RunBlock<Key>] = []
  fileprivate(set) var count = 0
}

/// Writes a run's entries in ascending order into blocks sized to what can still come, so a
/// run never holds much more than its entries.
struct MemoryRunBuilder<Key: SortKey> {
  private var run = MemoryRun<Key>()
  private var block: RunBlock<Key>?
  private var filled = 0
  private var room = 0
  /// The most entries still to come (the sum of the inputs).
  private var expected: Int

  init(expected: Int) { self.expected = expected }

  @inline(__always)
  mutating func append(_ key: Key, _ payload: UInt8) {
    if filled == room { startBlock() }
    block.unsafelyUnwrapped.keys[filled] = key
    block.unsafelyUnwrapped.payloads[filled] = payload
    filled += 1
  }

  private mutating func startBlock() {
    sealBlock()
    room = max(1, min(MemoryRun<Key>.capacity, expected))
    block = RunBlock(capacity: room)
  }

  private mutating func sealBlock() {
    guard let block else { return }
    block.seal(count: filled)
    run.blocks.append(block)
    run.count += filled
    expected -= filled
    filled = 0
    self.block = nil
  }

  consuming func finish() -> MemoryRun<Key> {
    if filled > 0 { sealBlock() }
    return run
  }
}

/// Reads a memory run entry by entry. A consuming reader holds the only reference to the run's
/// blocks and drops each block once read, freeing it.
struct MemoryRunReader<Key: SortKey> {
  /// Blocks still to read, last first (so that taking the next one drops the array's
  /// reference to it).
  private var rest: [RunBlock<Key>]
  private var block: RunBlock<Key>?
  private var keys: UnsafeMutablePointer<Key>?
  private var payloads: UnsafeMutablePointer<UInt8>?
  private var index = 0
  private var count = 0
  private(set) var isDone = false

  init(_ run: consuming MemoryRun<Key>) {
    rest = run.blocks.reversed()
    run.blocks = []
    nextBlock()
  }

  private mutating func nextBlock() {
    while let next = rest.popLast() {
      guard next.count > 0 else { continue }
      block = next
      keys = next.keys
      payloads = next.payloads
      index = 0
      count = next.count
      return
    }
    block = nil
    isDone = true
  }

  @inline(__always)
  var key: Key { keys.unsafelyUnwrapped[index] }
  @inline(__always)
  var payload: UInt8 { payloads.unsafelyUnwrapped[index] }

  @inline(__always)
  mutating func advance() {
    index += 1
    if index == count { nextBlock() }
  }
}

/// The exact set behind every distinct count: keys with a payload byte merged by bitwise OR,
/// kept as sorted runs that are merged as they are read, so that the set never needs random
/// access and can live partly on disk.
///
/// New keys go to an unsorted buffer; when it is full it is sorted and its duplicates folded
/// into a run. Runs of similar size are merged (each run at least twice the size of the next
/// newer one), so there are about log₂(n / buffer) runs. Past the owner's memory budget,
/// ``spill(to:)`` writes all runs as one merged run to a file in the temporary directory.
/// Reading (``forEach(in:_:)``) is a k-way merge of every run, in memory and on disk, that
/// folds equal keys together: the set's content never depends on how it was split into runs,
/// which is what makes counts independent of threads and of spilling.
///
/// Why OR and not max: a tier is stored as one bit per tier, so OR keeps every tier seen (the
/// highest is the top bit) and can carry other flags beside it; OR, like max, is commutative,
/// associative and idempotent, which merging in any order needs.
///
/// - Note: a value type; use one from one thread at a time.
struct KeyRunSet<Key: SortKey>: Sendable {
  private var pending: [RunEntry<Key>] = []
  private var memoryRuns: [MemoryRun<Key>] = []
  private(set) var fileRuns: [FileRun] = []
  /// Entries the unsorted buffer takes before it is sorted into a run.
  var pendingLimit: Int
  /// The largest run an in-memory merge may produce, in entries; bigger merges wait for the
  /// spill, which merges into a file without a second copy in memory.
  var mergeLimit: Int
  /// Entries in memory (buffer and runs).
  private(set) var memoryEntryCount = 0

  /// Most runs merged at once (files opened at once when reading).
  static var fanIn: Int { 32 }

  init(pendingLimit: Int = 1 << 15, mergeLimit: Int = .max) {
    self.pendingLimit = max(1, pendingLimit)
    self.mergeLimit = mergeLimit
  }

  /// Bytes an entry takes in a memory run.
  static var runEntryByteCount: Int { MemoryLayout<Key>.stride + 1 }
  /// Bytes an entry takes in a file.
  static var fileEntryByteCount: Int { Key.encodedByteCount + 1 }

  /// Memory held by entries (not counting array slack).
  var bytesInMemory: Int {
    pending.count * MemoryLayout<RunEntry<Key>>.stride
      + (memoryEntryCount - pending.count) * Self.runEntryByteCount
  }

  var isEmpty: Bool { memoryEntryCount == 0 && fileRuns.isEmpty }

  @inline(__always)
  mutating func insert(_ key: Key, payload: UInt8 = 0) {
    pending.append(RunEntry(key: key, payload: payload))
    memoryEntryCount += 1
    if pending.count >= pendingLimit { flushPending() }
  }

  /// Sorts the buffer into a run and merges runs of similar size.
  mutating func flushPending() {
    guard !pending.isEmpty else { return }
    pending.sort { $0.key < $1.key }
    var builder = MemoryRunBuilder<Key>(expected: pending.count)
    pending.withUnsafeBufferPointer { entries in
      var index = 0
      let count = entries.count
      while index < count {
        let key = entries[index].key
        var payload = entries[index].payload
        index += 1
        while index < count && entries[index].key == key {
          payload |= entries[index].payload
          index += 1
        }
        builder.append(key, payload)
      }
    }
    let run = builder.finish()
    memoryEntryCount -= pending.count - run.count
    pending.removeAll(keepingCapacity: pending.capacity <= pendingLimit * 2)
    memoryRuns.append(run)
    mergeSimilarRuns()
  }

  private mutating func mergeSimilarRuns() {
    while memoryRuns.count >= 2 {
      let newerCount = memoryRuns[memoryRuns.count - 1].count
      let olderCount = memoryRuns[memoryRuns.count - 2].count
      guard olderCount <= 2 * newerCount, olderCount + newerCount <= mergeLimit else { return }
      // Taken out of the array so that the merge holds the only reference to their blocks.
      let newer = memoryRuns.removeLast()
      let older = memoryRuns.removeLast()
      let merged = Self.mergeTwo(consume older, consume newer)
      memoryEntryCount -= olderCount + newerCount - merged.count
      memoryRuns.append(merged)
    }
  }

  /// Merges two runs, freeing their blocks as it goes.
  private static func mergeTwo(_ a: consuming MemoryRun<Key>, _ b: consuming MemoryRun<Key>)
    -> MemoryRun<Key>
  {
    var out = MemoryRunBuilder<Key>(expected: a.count + b.count)
    var left = MemoryRunReader(a)
    var right = MemoryRunReader(b)
    while !left.isDone && !right.isDone {
      let (l, r) = (left.key, right.key)
      if l < r {
        out.append(l, left.payload)
        left.advance()
      } else if r < l {
        out.append(r, right.payload)
        right.advance()
      } else {
        out.append(l, left.payload | right.payload)
        left.advance()
        right.advance()
      }
    }
    while !left.isDone {
      out.append(left.key, left.payload)
      left.advance()
    }
    while !right.isDone {
      out.append(right.key, right.payload)
      right.advance()
    }
    return out.finish()
  }

  /// Moves every entry of `other` into this set. The result reads the same as if every key
  /// had been inserted here.
  mutating func merge(_ other: consuming KeyRunSet<Key>) {
    other.flushPending()
    memoryEntryCount += other.memoryEntryCount
    memoryRuns.append(contentsOf: other.memoryRuns)
    memoryRuns.sort { $0.count > $1.count }
    fileRuns.append(contentsOf: other.fileRuns)
  }

  /// Adds a run that is already on disk (a set section of a state file).
  mutating func adopt(_ run: FileRun) {
    if run.count > 0 { fileRuns.append(run) }
  }

  /// Writes every run in memory to one file, merged, and frees them.
  mutating func spill(to directory: SizingTemporaryDirectory) throws {
    flushPending()
    guard !memoryRuns.isEmpty else { return }
    let path = directory.newFilePath()
    let file = RunFile(path: path, isOwned: true)
    let count = try Self.writeFile(path: path) { writer in
      try Self.mergeRuns(memory: memoryRuns, files: []) { key, payload in
        try writer.append(key, payload)
      }
    }
    fileRuns.append(FileRun(file: file, offset: 0, count: count, checksum: nil))
    memoryRuns.removeAll()
    memoryEntryCount = 0
    try compactFiles(in: directory, keepingAtMost: Self.fanIn)
  }

  /// Merges the smallest file runs into one until at most `limit` are left, so that reading
  /// never opens more than that many files at once.
  mutating func compactFiles(in directory: SizingTemporaryDirectory, keepingAtMost limit: Int)
    throws
  {
    while fileRuns.count > limit {
      fileRuns.sort { $0.count > $1.count }
      let take = min(Self.fanIn, fileRuns.count - limit + 1)
      let smallest = Array(fileRuns.suffix(take))
      let path = directory.newFilePath()
      let file = RunFile(path: path, isOwned: true)
      let count = try Self.writeFile(path: path) { writer in
        try Self.mergeRuns(memory: [], files: smallest) { key, payload in
          try writer.append(key, payload)
        }
      }
      fileRuns.removeLast(take)
      fileRuns.append(FileRun(file: file, offset: 0, count: count, checksum: nil))
    }
  }

  /// Calls `body` with every key once, in ascending order, with the OR of its payloads.
  ///
  /// - Parameter directory: where to merge file runs first when there are more than
  ///   ``fanIn``; nil only when the set is known to have few (it then merges them all at
  ///   once).
  mutating func forEach(
    in directory: SizingTemporaryDirectory?, _ body: (Key, UInt8) throws -> Void
  ) throws {
    flushPending()
    if let directory {
      try compactFiles(in: directory, keepingAtMost: Self.fanIn - min(memoryRuns.count, 8))
    }
    try Self.mergeRuns(memory: memoryRuns, files: fileRuns, body)
  }

  /// A pull iterator over the same sequence as ``forEach(in:_:)``, for walking two sets side
  /// by side. The set must not change while it is used.
  mutating func makeIterator(in directory: SizingTemporaryDirectory?) throws -> MergeHeap<Key> {
    flushPending()
    if let directory {
      try compactFiles(in: directory, keepingAtMost: Self.fanIn - min(memoryRuns.count, 8))
    }
    var cursors: [RunCursor<Key>] = []
    for run in memoryRuns where run.count > 0 { cursors.append(RunCursor(memory: run)) }
    for run in fileRuns where run.count > 0 { cursors.append(try RunCursor(file: run)) }
    return MergeHeap(cursors: cursors)
  }

  /// The number of distinct keys.
  mutating func count(in directory: SizingTemporaryDirectory?) throws -> Int {
    var total = 0
    try forEach(in: directory) { _, _ in total += 1 }
    return total
  }

  // MARK: Files

  /// Creates `path`, lets `fill` write entries, and returns how many it wrote.
  static func writeFile(path: String, _ fill: (inout EntryWriter<Key>) throws -> Void) throws
    -> Int
  {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SizingError.system("open", path: path) }
    defer { close(descriptor) }
    var writer = EntryWriter<Key>(BufferedFileWriter(descriptor: descriptor, path: path))
    try fill(&writer)
    try writer.finish()
    return writer.count
  }

  /// The k-way merge of sorted runs, folding equal keys (OR of payloads).
  static func mergeRuns(
    memory: [MemoryRun<Key>], files: [FileRun], _ body: (Key, UInt8) throws -> Void
  ) throws {
    var cursors: [RunCursor<Key>] = []
    cursors.reserveCapacity(memory.count + files.count)
    for run in memory where run.count > 0 { cursors.append(RunCursor(memory: run)) }
    for run in files where run.count > 0 { cursors.append(try RunCursor(file: run)) }
    if cursors.count == 1, let run = memory.first(where: { $0.count > 0 }) {
      for block in run.blocks {
        for index in 0..<block.count { try body(block.keys[index], block.payloads[index]) }
      }
      return
    }
    var heap = MergeHeap(cursors: cursors)
    while let (key, payload) = try heap.next() { try body(key, payload) }
  }
}

/// Encodes entries into a buffered file writer and counts them.
struct EntryWriter<Key: SortKey>: ~Copyable {
  var file: BufferedFileWriter
  private(set) var count = 0
  private var scratch: [UInt8]

  init(_ file: consuming BufferedFileWriter) {
    self.file = file
    scratch = [UInt8](repeating: 0, count: Key.encodedByteCount + 1)
  }

  @inline(__always)
  mutating func append(_ key: Key, _ payload: UInt8) throws {
    let width = Key.encodedByteCount
    try scratch.withUnsafeMutableBytes { bytes in
      key.encode(to: bytes.baseAddress!)
      bytes[width] = payload
      try file.write(UnsafeRawBufferPointer(bytes))
    }
    count += 1
  }

  mutating func finish() throws { try file.flush() }
}

/// One run being read by a merge: the current entry and how to get the next.
struct RunCursor<Key: SortKey> {
  private(set) var key: Key
  private(set) var payload: UInt8
  private(set) var isDone = false
  private var memory: MemoryRunReader<Key>?
  private var index = 0
  private let count: Int
  private let reader: BufferedFileReader?

  init(memory run: MemoryRun<Key>) {
    let reader = MemoryRunReader(run)
    memory = reader
    count = run.count
    self.reader = nil
    key = reader.key
    payload = reader.payload
  }

  init(file run: FileRun) throws {
    let width = Key.encodedByteCount + 1
    let reader = try BufferedFileReader(
      path: run.file.path, offset: run.offset, length: Int64(run.count * width), granule: width,
      expectedChecksum: run.checksum)
    memory = nil
    count = run.count
    self.reader = reader
    let bytes = try reader.take(width)
    key = Key(decodingFrom: bytes)
    payload = bytes.load(fromByteOffset: Key.encodedByteCount, as: UInt8.self)
  }

  @inline(__always)
  mutating func advance() throws {
    index += 1
    guard index < count else {
      isDone = true
      return
    }
    if memory != nil {
      memory!.advance()
      key = memory!.key
      payload = memory!.payload
    } else if let reader {
      let bytes = try reader.take(Key.encodedByteCount + 1)
      let next = Key(decodingFrom: bytes)
      guard key < next else {
        throw SizingError.corrupt(nil, "a sorted run is out of order: the file is damaged")
      }
      key = next
      payload = bytes.load(fromByteOffset: Key.encodedByteCount, as: UInt8.self)
    }
  }
}

/// A binary min-heap of run cursors by current key.
struct MergeHeap<Key: SortKey> {
  private var cursors: [RunCursor<Key>]
  private var heap: [Int]

  init(cursors: [RunCursor<Key>]) {
    self.cursors = cursors
    heap = Array(cursors.indices)
    for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(start) }
  }

  @inline(__always)
  private func less(_ a: Int, _ b: Int) -> Bool { cursors[heap[a]].key < cursors[heap[b]].key }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      var smallest = left
      if left + 1 < heap.count && less(left + 1, left) { smallest = left + 1 }
      guard less(smallest, parent) else { return }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }

  /// Advances the top cursor, dropping it when it is done.
  private mutating func advanceTop() throws {
    try cursors[heap[0]].advance()
    if cursors[heap[0]].isDone {
      heap[0] = heap[heap.count - 1]
      heap.removeLast()
    }
    if !heap.isEmpty { siftDown(0) }
  }

  /// The next key and the OR of its payloads over every run that holds it.
  mutating func next() throws -> (Key, UInt8)? {
    guard !heap.isEmpty else { return nil }
    let key = cursors[heap[0]].key
    var payload = cursors[heap[0]].payload
    try advanceTop()
    while !heap.isEmpty && cursors[heap[0]].key == key {
      payload |= cursors[heap[0]].payload
      try advanceTop()
    }
    return (key, payload)
  }
}
