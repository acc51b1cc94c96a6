#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What can go wrong while sizing: a file that cannot be written or read (spilled runs, state
/// files), a state file that is not one or is damaged, states that cannot be merged.
public struct SizingError: Error, CustomStringConvertible, Equatable, Sendable {
  public enum Code: Equatable, Sendable {
    /// A system call on `path` failed with `errno`.
    case io(operation: String, errno: Int32)
    /// The file is not a state file, has another format version, or is damaged.
    case corruptState
    /// The states were made with different settings (categories, as-of date, tiers…).
    case incompatibleStates
    /// More linked person keys than the persons step can number (2³² − 1).
    case tooManyLinkedPersons
  }

  public var code: Code
  /// The file concerned, when there is one.
  public var path: String?
  /// What happened, for people.
  public var message: String

  public init(_ code: Code, path: String? = nil, message: String) {
    self.code = code
    self.path = path
    self.message = message
  }

  /// An error for a failed system call, reading `errno` now.
  static func system(_ operation: String, path: String) -> SizingError {
    let number = errno
    let reason = String(cString: strerror(number))
    return SizingError(
      .io(operation: operation, errno: number), path: path, message: "\(operation): \(reason)")
  }

  static func corrupt(_ path: String?, _ why: String) -> SizingError {
    SizingError(.corruptState, path: path, message: why)
  }

  public var description: String {
    if let path { return "\(path): \(message)" }
    return message
  }
}
