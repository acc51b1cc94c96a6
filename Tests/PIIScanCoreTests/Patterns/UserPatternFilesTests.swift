import Foundation
import Testing

@testable import PIIScanCore

/// `--patterns DIR` reads the `*.toml` files directly in DIR, sorted; a file path is read as is.
@Suite struct UserPatternFilesTests {
  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-user-patterns-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ text: String, _ url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  @Test func aDirectoryGivesItsTOMLFilesSortedAndNothingBelowIt() throws {
    let dir = try Self.directory()
    try Self.write("b", dir.appendingPathComponent("b.toml"))
    try Self.write("a", dir.appendingPathComponent("a.toml"))
    try Self.write("B", dir.appendingPathComponent("B.toml"))
    try Self.write("notes", dir.appendingPathComponent("README.md"))
    try Self.write("hidden", dir.appendingPathComponent(".draft.toml"))
    try Self.write("nested", dir.appendingPathComponent("old/c.toml"))
    let files = try UserPatternFiles.read([dir.path])
    #expect(files.map(\.path) == ["B.toml", "a.toml", "b.toml"].map { dir.path + "/" + $0 })
    #expect(files.map(\.text) == ["B", "a", "b"])
  }

  @Test func aFileIsReadWhateverItsNameAndOnlyOnce() throws {
    let dir = try Self.directory()
    let file = dir.appendingPathComponent("rules.txt")
    try Self.write("x", file)
    try Self.write("y", dir.appendingPathComponent("y.toml"))
    let files = try UserPatternFiles.read([file.path, dir.path, dir.path + "/y.toml"])
    #expect(files.map(\.text) == ["x", "y"])
  }

  @Test func missingPathsAndEmptyDirectoriesAreAllReported() throws {
    let dir = try Self.directory()
    try Self.write("nested", dir.appendingPathComponent("sub/a.toml"))
    let error = #expect(throws: PatternLoadError.self) {
      try UserPatternFiles.read(["/nonexistent/rules", dir.path])
    }
    #expect(
      error?.problems.map(\.description) == [
        "/nonexistent/rules: no such file or directory",
        "\(dir.path): holds no *.toml files (rule files end in .toml; subdirectories are not read)",
      ])
  }

  @Test func aFileThatIsNotUTF8IsNamed() throws {
    let dir = try Self.directory()
    let file = dir.appendingPathComponent("gbk.toml")
    try Data([0xC9, 0xED, 0xB7, 0xDD, 0xFF]).write(to: file)
    let error = #expect(throws: PatternLoadError.self) { try UserPatternFiles.read([file.path]) }
    #expect(
      error?.problems.map(\.description) == ["\(file.path): is not UTF-8 text (save it as UTF-8)"])
  }
}
