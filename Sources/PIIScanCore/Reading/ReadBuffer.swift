/// A page-aligned byte buffer owned by one worker (or by the stream reader), reused for every
/// chunk so that scanning a file allocates nothing per chunk.
// SAFETY: the memory is owned by this object; one thread at a time uses it (the pipeline hands
// a buffer from the reader to a worker and back through its locked queues).
public final class ReadBuffer: @unchecked Sendable {
  public let storage: UnsafeMutableRawBufferPointer

  public init(capacity: Int) {
    let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(capacity, 1), alignment: 4096)
    storage = UnsafeMutableRawBufferPointer(start: pointer, count: max(capacity, 1))
  }

  deinit { storage.deallocate() }

  public var capacity: Int { storage.count }
}
