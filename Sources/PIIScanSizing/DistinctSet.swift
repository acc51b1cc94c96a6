/// An exact set of keys, each with a payload byte merged by bitwise OR, that keeps to a memory
/// budget by spilling sorted runs to a temporary directory.
///
/// This is the set the sizing aggregate counts with (see ``KeyRunSet`` for how it works),
/// offered on its own for callers that need an exact distinct count of something else. In
/// memory an entry costs 17 bytes (16 for the key, 1 for the payload) once sorted, 24 while
/// it waits in the insertion buffer; past `memoryBudget` bytes the set writes everything it
/// holds as one sorted file and starts again, and counting or iterating merges the files and
/// what is in memory.
///
/// ```swift
/// let directory = try SizingTemporaryDirectory(in: "/var/tmp")
/// var set = DistinctSet(memoryBudget: 64 << 20, directory: directory)
/// try set.insert(SizingKey.mobile("13912345670")!)
/// let distinct = try set.count()
/// ```
///
/// - Note: a value type; use one from one thread at a time. Copies share spilled files (which
///   are never changed once written), so a copy is cheap and independent.
public struct DistinctSet: Sendable {
  var storage: KeyRunSet<SizingKey>
  /// Bytes of entries kept in memory before spilling.
  public let memoryBudget: Int
  /// Where runs are spilled; nil keeps everything in memory whatever the budget.
  public let directory: SizingTemporaryDirectory?

  public init(memoryBudget: Int = 256 << 20, directory: SizingTemporaryDirectory?) {
    self.memoryBudget = max(1, memoryBudget)
    self.directory = directory
    let entry = KeyRunSet<SizingKey>.runEntryByteCount
    storage = KeyRunSet(
      pendingLimit: min(1 << 16, max(16, memoryBudget / entry / 16)),
      mergeLimit: max(16, memoryBudget / entry / 2))
  }

  /// Adds `key`, OR-ing `payload` into what it already has.
  ///
  /// - Throws: ``SizingError`` when a spill cannot be written.
  public mutating func insert(_ key: SizingKey, payload: UInt8 = 0) throws {
    storage.insert(key, payload: payload)
    if let directory, storage.bytesInMemory > memoryBudget { try storage.spill(to: directory) }
  }

  /// Adds every key of `other` (its spilled files are shared, not copied).
  public mutating func formUnion(_ other: DistinctSet) throws {
    storage.merge(other.storage)
    if let directory, storage.bytesInMemory > memoryBudget { try storage.spill(to: directory) }
  }

  /// The number of distinct keys.
  public mutating func count() throws -> Int { try storage.count(in: directory) }

  /// Calls `body` with each key once, in ascending order, with the OR of its payloads.
  public mutating func forEachKey(_ body: (SizingKey, UInt8) throws -> Void) throws {
    try storage.forEach(in: directory, body)
  }

  /// Bytes of entries in memory now.
  public var bytesInMemory: Int { storage.bytesInMemory }

  /// How many sorted files the set has spilled (after merging small ones).
  public var spilledRunCount: Int { storage.fileRuns.count }
}
