import Foundation
import Testing

@testable import PIIScanCore

/// Directory walks with filters: what each filter leaves out, counted by class, on trees made
/// for each test.
@Suite struct WalkFiltersTests {
  /// A fresh directory holding `files` (relative path → contents); directories are made as
  /// needed, a path ending in `/` is an empty directory.
  private func tree(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-walk-\(getpid())-\(UUID().uuidString.prefix(8))")
    for (path, contents) in files {
      let url = root.appendingPathComponent(path)
      if path.hasSuffix("/") {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        continue
      }
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(contents.utf8).write(to: url)
    }
    return root
  }

  /// The walk-relative paths of the inputs a walk of `root` gives.
  private func walk(_ root: URL, _ filters: WalkFilters) -> ([String], FilterCounts) {
    let result = InputWalker(filters: filters).walk(locations: [InputPath(root.path)])
    let prefix = root.path + "/"
    return (result.inputs.map { String($0.path.dropFirst(prefix.count)) }, result.filtered)
  }

  @Test func dotfilesAndDotDirectoriesAreSkippedUnlessHidden() throws {
    let root = try tree([
      "a.txt": "x", ".env": "x", ".cache/b.txt": "x", "sub/.secret": "x", "sub/c.txt": "x",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let (plain, counts) = walk(root, WalkFilters())
    #expect(plain == ["a.txt", "sub/c.txt"])
    #expect(counts.hidden == 3)  // .cache counts once, not for what it holds
    let (all, none) = walk(root, WalkFilters(hidden: true))
    #expect(all == [".cache/b.txt", ".env", "a.txt", "sub/.secret", "sub/c.txt"])
    #expect(none.total == 0)
  }

  @Test func aPiiscanignoreFileIgnoresItsPathsBelowItsDirectory() throws {
    let root = try tree([
      ".piiscanignore": "*.log\n/build/\n",
      "app.log": "x", "keep.csv": "x", "build/out.csv": "x", "sub/build/in.csv": "x",
      "sub/deep.log": "x", "sub/.piiscanignore": "!deep.log\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let (inputs, counts) = walk(root, WalkFilters())
    // /build/ is anchored to the root; sub's own file re-includes deep.log.
    #expect(inputs == ["keep.csv", "sub/build/in.csv", "sub/deep.log"])
    #expect(counts.ignored == 2)
    #expect(counts.hidden == 2)  // the two ignore files themselves
    let (unfiltered, _) = walk(root, WalkFilters(ignoreFiles: false))
    #expect(unfiltered.contains("app.log") && unfiltered.contains("build/out.csv"))
  }

  @Test func gitignoreCountsOnlyInsideAGitRepository() throws {
    let outside = try tree([".gitignore": "*.csv\n", "a.csv": "x"])
    defer { try? FileManager.default.removeItem(at: outside) }
    #expect(walk(outside, WalkFilters()).0 == ["a.csv"])

    let repository = try tree([
      ".git/HEAD": "ref", ".gitignore": "*.csv\n", "a.csv": "x", "b.txt": "x",
    ])
    defer { try? FileManager.default.removeItem(at: repository) }
    let (inputs, counts) = walk(repository, WalkFilters(hidden: true))
    // .git is left out even with --hidden; .gitignore itself is read.
    #expect(inputs == [".gitignore", "b.txt"])
    #expect(counts.gitignored == 1)
    #expect(counts.ignored == 1)
    let (everything, _) = walk(repository, WalkFilters(hidden: true, ignoreFiles: false))
    #expect(everything.contains("a.csv") && everything.contains(".git/HEAD"))
  }

  @Test func aGitignoreAboveTheWalkedDirectoryApplies() throws {
    let repository = try tree([".git/": "", ".gitignore": "exports/*.sql\n", "exports/a.sql": "x"])
    defer { try? FileManager.default.removeItem(at: repository) }
    let exports = repository.appendingPathComponent("exports")
    let result = InputWalker(filters: WalkFilters()).walk(locations: [InputPath(exports.path)])
    #expect(result.inputs.isEmpty)
    #expect(result.filtered.gitignored == 1)
  }

  @Test func globsIncludeAndExclude() throws {
    let root = try tree(["a.csv": "x", "b.log": "x", "logs/c.csv": "x", "d.txt": "x"])
    defer { try? FileManager.default.removeItem(at: root) }
    let exclude = WalkFilters(globs: [PathPattern(glob: "!*.log")!])
    #expect(walk(root, exclude).0 == ["a.csv", "d.txt", "logs/c.csv"])
    #expect(walk(root, exclude).1.glob == 1)
    // An including glob leaves out every file it does not match, but walks into folders.
    let include = WalkFilters(globs: [PathPattern(glob: "*.csv")!])
    #expect(walk(root, include).0 == ["a.csv", "logs/c.csv"])
    let both = WalkFilters(globs: [PathPattern(glob: "*.csv")!, PathPattern(glob: "!logs/")!])
    #expect(walk(root, both).0 == ["a.csv"])
  }

  @Test func filesOverTheSizeLimitAreLeftOut() throws {
    let root = try tree(["small": "123", "large": String(repeating: "9", count: 2000)])
    defer { try? FileManager.default.removeItem(at: root) }
    let (inputs, counts) = walk(root, WalkFilters(maxFileSize: 1000))
    #expect(inputs == ["small"])
    #expect(counts.size == 1)
  }

  @Test func namedFilesBypassHiddenAndIgnoreFilesButNotGlobs() throws {
    let root = try tree([".piiscanignore": "*.log\n", ".env": "x", "a.log": "x"])
    defer { try? FileManager.default.removeItem(at: root) }
    let named = [".env", "a.log"].map { InputPath(root.appendingPathComponent($0).path) }
    #expect(InputWalker(filters: WalkFilters()).walk(locations: named).inputs.count == 2)
    let globbed = InputWalker(filters: WalkFilters(globs: [PathPattern(glob: "!*.log")!]))
      .walk(locations: named)
    #expect(globbed.inputs.map(\.path) == [named[0].display])
    #expect(globbed.filtered.glob == 1)
  }

  @Test func theLibraryDefaultFiltersNothing() throws {
    let root = try tree([".env": "x", ".piiscanignore": "*\n", "a": "x"])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(InputWalker().walk(locations: [InputPath(root.path)]).inputs.count == 3)
  }
}
