import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private directory for the sorted runs that distinct sets spill and for merge work files,
/// created inside a directory the caller names (`--temp-dir`; never beside the evidence), and
/// removed with everything in it when the object goes away, when ``remove()`` is called, or on
/// interrupt (``removeAllForInterrupt()``).
///
/// Files are named `run-N.bin` with N counting from 1, so that a signal handler can remove
/// them knowing only the directory and the last N: every directory made here is entered in a
/// process-wide table that ``removeAllForInterrupt()`` walks with async-signal-safe calls only.
///
/// - Note: safe to share between threads: each new file takes its number from an atomic
///   counter.
public final class SizingTemporaryDirectory: Sendable {
  /// The directory's path.
  public let path: String
  let slot: InterruptRegistry.Slot?
  private let removed = Atomic<Bool>(false)
  private let counter = Atomic<Int>(0)

  /// Creates `piiscan-sizing-XXXXXX` (a unique name, mode 0700) inside `parent`.
  ///
  /// - Throws: ``SizingError`` when the directory cannot be created.
  public init(in parent: String) throws {
    let trimmed = parent.hasSuffix("/") && parent.count > 1 ? String(parent.dropLast()) : parent
    var template = Array((trimmed + "/piiscan-sizing-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard made != nil else { throw SizingError.system("mkdtemp", path: parent) }
    path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    slot = InterruptRegistry.shared.register(directory: path)
  }

  deinit { remove() }

  /// A new file's path (the file is not created).
  func newFilePath() -> String {
    let number = counter.add(1, ordering: .relaxed).newValue
    // Publish the number before the file can exist, so an interrupt always covers it; threads
    // race here, so only ever raise it.
    if let slot {
      var seen = slot.lastFile.load(ordering: .relaxed)
      while seen < number {
        let (exchanged, now) = slot.lastFile.compareExchange(
          expected: seen, desired: number, ordering: .releasing)
        if exchanged { break }
        seen = now
      }
    }
    return path + "/run-\(number).bin"
  }

  /// Removes the directory and every file made in it; later calls do nothing.
  public func remove() {
    guard !removed.exchange(true, ordering: .acquiringAndReleasing) else { return }
    let last = counter.load(ordering: .acquiring)
    if last > 0 {
      for number in 1...last { unlink(path + "/run-\(number).bin") }
    }
    rmdir(path)
    slot?.release()
  }

  /// Removes every directory made by this process that still exists, with the files in it,
  /// using only async-signal-safe calls (`unlink`, `rmdir`): call it from a signal handler,
  /// then end the process. Files that are not ours are never touched.
  public static func removeAllForInterrupt() {
    InterruptRegistry.shared.removeAll()
  }

  /// Installs handlers for SIGINT, SIGTERM and SIGHUP that call ``removeAllForInterrupt()``
  /// and then let the signal end the process as it would have (default action, re-raised), so
  /// the exit status still says which signal it was. For callers with no handlers of their
  /// own; a caller with its own handler calls ``removeAllForInterrupt()`` from it instead.
  public static func installInterruptHandlers() {
    _ = InterruptRegistry.shared
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      var action = sigaction()
      #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = interruptHandler
      #else
        action.__sigaction_handler.sa_handler = interruptHandler
      #endif
      sigemptyset(&action.sa_mask)
      sigaddset(&action.sa_mask, SIGINT)
      sigaddset(&action.sa_mask, SIGTERM)
      sigaddset(&action.sa_mask, SIGHUP)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      sigaction(signal, &action, nil)
    }
  }
}

/// Removes our temporary files, then re-raises the signal, whose action is the default again
/// (`SA_RESETHAND`).
private func interruptHandler(_ signal: Int32) {
  SizingTemporaryDirectory.removeAllForInterrupt()
  raise(signal)
}

/// The process-wide table of live temporary directories, readable from a signal handler.
///
/// Each slot owns a path buffer allocated once, when the table is made, and never freed; a
/// slot is taken with an atomic compare-and-exchange, its path written, then marked live.
/// The handler reads only live slots and formats file names into the slot's own spare bytes.
final class InterruptRegistry: Sendable {
  static let shared = InterruptRegistry()
  /// At most this many directories are covered at once (more still work; they are just not
  /// removed on interrupt).
  static let capacity = 64
  /// Room for the directory's path, `/run-`, twenty digits, `.bin` and the terminating zero.
  static let bufferSize = 4_096 + 64

  final class Slot: Sendable {
    /// 0 free, 1 being written, 2 live.
    let state = Atomic<Int>(0)
    let lastFile = Atomic<Int>(0)
    /// Length of the directory path in `buffer`.
    let pathLength = Atomic<Int>(0)
    // SAFETY: allocated once and never freed or moved; written only by the thread that took
    // the slot (before it is live) and by the signal handler (after the path, which it never
    // changes), so readers never see a half-written path.
    nonisolated(unsafe) let buffer: UnsafeMutablePointer<CChar>

    init() {
      buffer = .allocate(capacity: InterruptRegistry.bufferSize)
      buffer.initialize(repeating: 0, count: InterruptRegistry.bufferSize)
    }

    func release() {
      state.store(0, ordering: .releasing)
    }
  }

  let slots: [Slot]

  private init() {
    slots = (0..<Self.capacity).map { _ in Slot() }
  }

  /// Takes a free slot for `directory`, or nil when all are taken or the path is too long.
  func register(directory: String) -> Slot? {
    let bytes = Array(directory.utf8)
    guard bytes.count + 40 < Self.bufferSize else { return nil }
    for slot in slots {
      guard slot.state.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged
      else { continue }
      for (index, byte) in bytes.enumerated() { slot.buffer[index] = CChar(bitPattern: byte) }
      slot.buffer[bytes.count] = 0
      slot.pathLength.store(bytes.count, ordering: .relaxed)
      slot.lastFile.store(0, ordering: .relaxed)
      slot.state.store(2, ordering: .releasing)
      return slot
    }
    return nil
  }

  /// Removes the files and directory of every live slot (async-signal-safe).
  func removeAll() {
    for slot in slots where slot.state.load(ordering: .acquiring) == 2 {
      let length = slot.pathLength.load(ordering: .relaxed)
      let last = slot.lastFile.load(ordering: .acquiring)
      var number = 1
      while number <= last {
        Self.writeFileName(number, into: slot.buffer + length)
        unlink(slot.buffer)
        number += 1
      }
      slot.buffer[length] = 0
      rmdir(slot.buffer)
    }
  }

  /// Writes `/run-N.bin` and a terminating zero at `target`, with no allocation.
  private static func writeFileName(_ number: Int, into target: UnsafeMutablePointer<CChar>) {
    var position = 0
    for byte in "/run-".utf8 {
      target[position] = CChar(bitPattern: byte)
      position += 1
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = number
    withUnsafeMutableBytes(of: &digits) { digitBytes in
      repeat {
        digitBytes[count] = UInt8(0x30 + rest % 10)
        rest /= 10
        count += 1
      } while rest > 0 && count < 10
      while count > 0 {
        count -= 1
        target[position] = CChar(bitPattern: digitBytes[count])
        position += 1
      }
    }
    for byte in ".bin".utf8 {
      target[position] = CChar(bitPattern: byte)
      position += 1
    }
    target[position] = 0
  }
}
