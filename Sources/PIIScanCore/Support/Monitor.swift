#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutex with one condition variable, for the scan pipeline's hand-offs between threads.
///
/// The pipeline's workers block in `pread` and on each other, so they run on their own threads
/// rather than Swift's cooperative pool, and synchronise with this classic monitor.
// SAFETY: the pthread objects live in heap memory owned by this object and are only used
// through pthread calls, which are themselves thread-safe; the object is never copied.
final class Monitor: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>

  init() {
    mutex = .allocate(capacity: 1)
    condition = .allocate(capacity: 1)
    precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
    precondition(pthread_cond_init(condition, nil) == 0, "pthread_cond_init failed")
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  /// Runs `body` while holding the lock.
  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }

  /// Waits for a signal; call only while holding the lock (inside `withLock`).
  func wait() { pthread_cond_wait(condition, mutex) }

  /// Wakes every waiter; call while holding the lock.
  func broadcast() { pthread_cond_broadcast(condition) }
}

/// Starts `count` threads running `body(index)` and returns a function that joins them.
func startThreads(count: Int, name: String, _ body: @escaping @Sendable (Int) -> Void)
  -> () -> Void
{
  final class Box: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
  }
  var threads: [pthread_t] = []
  for index in 0..<count {
    let box = Unmanaged.passRetained(Box { body(index) })
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 8 << 20)
    #if canImport(Darwin)
      var thread: pthread_t? = nil
    #else
      var thread = pthread_t()
    #endif
    let status = pthread_create(
      &thread, &attributes,
      { raw in
        #if canImport(Darwin)
          let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
        #else
          let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        #endif
        box.run()
        return nil
      }, box.toOpaque())
    pthread_attr_destroy(&attributes)
    precondition(status == 0, "\(name): cannot start a thread (pthread_create: \(status))")
    #if canImport(Darwin)
      threads.append(thread!)
    #else
      threads.append(thread)
    #endif
  }
  return {
    for thread in threads { pthread_join(thread, nil) }
  }
}
