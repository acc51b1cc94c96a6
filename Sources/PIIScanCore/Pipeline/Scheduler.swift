/// One unit of work: one chunk of one input.
struct ChunkTask {
  enum Work {
    /// A chunk of a regular file the worker reads itself.
    case randomAccess(RandomAccessInput, Int)
    /// A chunk already read into a pooled buffer (returned to the pool after scanning).
    case filled(ReadBuffer, ChunkView)
  }
  var input: ScanInput
  var profile: InputProfile
  var work: Work
}

/// Something the feeding thread puts into the output order between chunks.
enum Marker {
  case notice(ScanInput, Notice)
  case started(ScanInput, InputProfile)
  case described(ScanInput, InputFacts)
  case finished(ScanInput, InputError?)
  case failed(ScanInput, InputError)
}

/// The stored bytes a chunk owned, kept for the emitter to hash (``ScanConfiguration/hashInputs``):
/// the buffer (or file, when mapped) that holds them stays alive until it has.
struct OwnedBytes {
  var bytes: UnsafeRawBufferPointer
  /// What holds the bytes; a read buffer goes back to the pool once hashed.
  var owner: AnyObject
}

/// What comes out of the reorder buffer, in input order.
enum Completed {
  case chunk(ScanInput, ChunkResult, OwnedBytes?)
  /// A chunk that could not be read: the error says where reading stopped.
  case chunkFailed(ScanInput, InputError)
  case marker(Marker)
}

/// The threads of a scan, the queue of chunks, the reorder buffer and the bound on work in
/// flight.
///
/// The calling thread submits chunks and markers; N worker threads scan chunks. Every item gets
/// a sequence number; results wait in the reorder buffer until all earlier items are out, so
/// the order of what ``emit`` receives never depends on scheduling. At most ``maxInFlight``
/// chunks are scanned or waiting at once, which bounds memory to about that many chunks' read
/// buffers and results whatever the input. Results are handed to ``emit`` on the calling
/// thread, whenever it would otherwise wait.
final class Scheduler {
  private let shared = SharedState()
  private let configuration: ScanConfiguration
  private let emit: (Completed) -> Void
  private var join: (() -> Void)?

  /// Chunks scanned or waiting to be emitted at once.
  var maxInFlight: Int { configuration.threads * 2 + 1 }

  init(rules: RuleSet, configuration: ScanConfiguration, emit: @escaping (Completed) -> Void) {
    self.configuration = configuration
    self.emit = emit
    let shared = shared
    join = startThreads(count: configuration.threads, name: "piiscan worker") { _ in
      Worker(rules: rules, configuration: configuration, shared: shared).run()
    }
  }

  /// Queues a chunk, first waiting (and emitting) until there is room for it.
  func submit(_ task: ChunkTask) {
    let limit = maxInFlight
    drain { shared.inFlight < limit }
    shared.monitor.withLock {
      shared.tasks.append(Sequenced(sequence: shared.nextSequence, task: task))
      shared.nextSequence += 1
      shared.inFlight += 1
      shared.monitor.broadcast()
    }
  }

  /// Puts a marker (input started, finished, failed, a notice) into the output order.
  func mark(_ marker: Marker) {
    shared.monitor.withLock {
      shared.completed[shared.nextSequence] = .marker(marker)
      shared.nextSequence += 1
    }
    drain { true }
  }

  /// A read buffer from the pool (for chunks the calling thread reads), waiting for one to be
  /// returned when all are in use.
  func takeBuffer() -> ReadBuffer {
    let capacity = configuration.layout.bufferCapacity
    let poolSize = configuration.threads + 2
    var buffer: ReadBuffer?
    drain {
      if let free = shared.freeBuffers.popLast() {
        buffer = free
        return true
      }
      if shared.buffersCreated < poolSize {
        shared.buffersCreated += 1
        buffer = ReadBuffer(capacity: capacity)
        return true
      }
      return false
    }
    return buffer!
  }

  /// Gives back a buffer that was taken but not submitted, or whose chunk was hashed.
  func returnBuffer(_ buffer: ReadBuffer) {
    shared.monitor.withLock {
      shared.freeBuffers.append(buffer)
      shared.monitor.broadcast()
    }
  }

  /// Emits everything still out, then ends the workers.
  func finish() {
    shared.monitor.withLock {
      shared.noMoreTasks = true
      shared.monitor.broadcast()
    }
    drain { shared.emitSequence == shared.nextSequence }
    join?()
    join = nil
  }

  /// Emits finished items in order until `done` (checked under the lock) holds, waiting for
  /// workers in between.
  private func drain(until done: () -> Bool) {
    while true {
      var ready: [Completed] = []
      let finished: Bool = shared.monitor.withLock {
        while let item = shared.completed.removeValue(forKey: shared.emitSequence) {
          ready.append(item)
          shared.emitSequence += 1
          switch item {
          case .chunk, .chunkFailed: shared.inFlight -= 1
          case .marker: break
          }
        }
        if !ready.isEmpty { return false }
        if done() { return true }
        shared.monitor.wait()
        return false
      }
      for item in ready { emit(item) }
      if finished { return }
      if !ready.isEmpty, shared.monitor.withLock({ done() }) { return }
    }
  }
}

extension Completed {
  /// Whether the result keeps `buffer` for the emitter to hash.
  func holds(_ buffer: ReadBuffer) -> Bool {
    if case .chunk(_, _, let owned?) = self { return owned.owner === buffer }
    return false
  }
}

/// A task with its place in the output order.
struct Sequenced {
  var sequence: Int
  var task: ChunkTask
}

/// Everything the calling thread and the workers share, guarded by `monitor`.
// SAFETY: every stored property is read and written only while `monitor` is held.
final class SharedState: @unchecked Sendable {
  let monitor = Monitor()
  var tasks: [Sequenced] = []
  var taskHead = 0
  var completed: [Int: Completed] = [:]
  var nextSequence = 0
  var emitSequence = 0
  var inFlight = 0
  var noMoreTasks = false
  var freeBuffers: [ReadBuffer] = []
  var buffersCreated = 0

  /// Takes the next task (call with the monitor held).
  func popTask() -> Sequenced? {
    guard taskHead < tasks.count else { return nil }
    let task = tasks[taskHead]
    taskHead += 1
    if taskHead > 64 && taskHead * 2 > tasks.count {
      tasks.removeFirst(taskHead)
      taskHead = 0
    }
    return task
  }
}

/// One worker thread: its scanner, its read buffer, its loop.
struct Worker {
  let rules: RuleSet
  let configuration: ScanConfiguration
  let shared: SharedState

  func run() {
    let scanner = ChunkScanner(
      rules: rules, settings: configuration.detection, locate: configuration.locate)
    var buffer: ReadBuffer?
    while true {
      let next: Sequenced? = shared.monitor.withLock {
        while true {
          if let task = shared.popTask() { return task }
          if shared.noMoreTasks { return nil }
          shared.monitor.wait()
        }
      }
      guard let next else { return }
      let task = next.task
      let outcome: Completed
      let hashing = configuration.hashInputs
      switch task.work {
      case .randomAccess(let file, let chunk):
        // When the emitter hashes the chunk, the buffer travels with the result.
        let readBuffer: ReadBuffer
        if hashing {
          readBuffer =
            shared.monitor.withLock { shared.freeBuffers.popLast() }
            ?? ReadBuffer(capacity: configuration.layout.bufferCapacity)
        } else {
          readBuffer = buffer ?? ReadBuffer(capacity: configuration.layout.bufferCapacity)
          buffer = readBuffer
        }
        do {
          let faults = RandomAccessInput.mappingFaults
          let (view, shrank) = try file.chunkReadingWhatIsThere(
            chunk, layout: configuration.layout, buffer: readBuffer,
            encoding: task.profile.encoding)
          var result = scanner.scan(view, profile: task.profile)
          result.readError = shrank
          if file.isMapped && RandomAccessInput.mappingFaults != faults {
            // The map ran past the file's end: what was read there were zeros.
            let now = file.currentSize().map { "\($0)" } ?? "fewer"
            outcome = .chunkFailed(
              task.input,
              InputError(
                "the file shrank while it was being scanned (it has \(now) of the "
                  + "\(file.size) bytes it had; reading stopped at byte \(now))"))
          } else {
            let owned =
              hashing
              ? OwnedBytes(
                bytes: UnsafeRawBufferPointer(rebasing: view.bytes[view.ownStart..<view.ownEnd]),
                owner: file.isMapped ? file : readBuffer) : nil
            outcome = .chunk(task.input, result, owned)
          }
        } catch {
          outcome = .chunkFailed(task.input, error)
        }
        if hashing, file.isMapped || !outcome.holds(readBuffer) {
          shared.monitor.withLock { shared.freeBuffers.append(readBuffer) }
        }
      case .filled(let filled, let view):
        let result = scanner.scan(view, profile: task.profile)
        if hashing {
          let owned = OwnedBytes(
            bytes: UnsafeRawBufferPointer(rebasing: view.bytes[view.ownStart..<view.ownEnd]),
            owner: filled)
          outcome = .chunk(task.input, result, owned)
        } else {
          outcome = .chunk(task.input, result, nil)
          shared.monitor.withLock { shared.freeBuffers.append(filled) }
        }
      }
      shared.monitor.withLock {
        shared.completed[next.sequence] = outcome
        shared.monitor.broadcast()
      }
    }
  }
}
