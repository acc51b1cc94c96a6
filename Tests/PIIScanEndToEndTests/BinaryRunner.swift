import Foundation

/// Runs the built `piiscan` (and `piiscan-corpus`) binaries, as a user would.
enum Binary {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The folder holding the test bundle, where `swift build` put the executables too.
  static let productsDirectory: URL = {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    // On Linux the test bundle is an executable in the products folder itself.
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("piiscan").path),
      directory.path != "/"
    {
      directory = directory.deletingLastPathComponent()
    }
    return directory
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
  }

  /// Runs `name` with `arguments` in the package root (or `directory`), feeding `input` on
  /// standard input.
  ///
  /// The locale variables that choose the language of text reports (`LC_ALL`, `LC_MESSAGES`,
  /// `LANG`) are removed, so output does not depend on the machine running the tests;
  /// `environment` adds or overrides variables of the test's own.
  static func run(
    _ arguments: [String], program name: String = "piiscan", input: Data? = nil,
    directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(name)
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] { variables[key] = nil }
    process.environment = variables.merging(environment) { $1 }
    process.currentDirectoryURL = directory ?? packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let inPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
    try process.run()
    if let input {
      DispatchQueue.global().async {
        inPipe.fileHandleForWriting.write(input)
        try? inPipe.fileHandleForWriting.close()
      }
    }
    // Read both pipes concurrently so neither fills up.
    final class Box: @unchecked Sendable { var data = Data() }  // written before group.wait()
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errBox.data = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
  }

  /// A fresh empty directory under the system's temporary folder.
  static func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-e2e-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Golden files under samples/expected/: compared byte for byte; `RECORD_GOLDEN=1` rewrites them.
enum Golden {
  static func check(_ actual: String, against name: String) throws -> String? {
    let url = Binary.packageRoot.appendingPathComponent("samples/expected/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return nil
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if expected == actual { return nil }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, (got, want)) in zip(a, e).enumerated() where got != want {
      return "\(name) line \(index + 1):\n  got  \(got)\n  want \(want)\n(RECORD_GOLDEN=1 rewrites)"
    }
    return "\(name): got \(a.count) lines, want \(e.count) (RECORD_GOLDEN=1 rewrites)"
  }
}
