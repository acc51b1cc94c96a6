import Foundation

/// Writes `contents` to a file in the temporary directory named `piiscan-PID-NAME` and returns
/// its path: the one way the pipeline suites make the files they scan (the process id keeps
/// parallel test runs apart; a name with a random part keeps one test's files apart).
func temporaryFile(_ name: String, _ contents: Data) -> String {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("piiscan-\(getpid())-\(name)").path
  _ = FileManager.default.createFile(atPath: path, contents: contents)
  return path
}
