/// Why an input, or part of it, could not be read.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, in the reader's words (for example "Permission denied").
  public var message: String
  /// The `errno` value behind the error, when there is one.
  public var code: Int32?

  public init(_ message: String, code: Int32? = nil) {
    self.message = message
    self.code = code
  }

  /// An error from the system call `call` with `errno` `code`.
  static func system(_ code: Int32, _ call: String) -> InputError {
    InputError(systemErrorText(code), code: code)
  }

  public var description: String { message }
}
