import Foundation

/// The rule files a user names with `--patterns`: a directory's `*.toml` files, or a file.
public enum UserPatternFiles {
  /// Reads the files named by `paths`, in order: for a directory, each `*.toml` file directly
  /// in it, sorted by name (not its subdirectories, which may hold drafts, tests or data;
  /// name each directory with its own `--patterns`), skipping hidden files; a file is read
  /// whatever its name. A file named twice is read once.
  ///
  /// - Returns: Each file's path (as the user wrote it, for messages) and text.
  /// - Throws: Every path that is missing, unreadable, not UTF-8, or a directory without
  ///   `*.toml` files, all at once.
  public static func read(
    _ paths: [String]
  ) throws(PatternLoadError) -> [(path: String, text: String)] {
    var problems: [PatternError] = []
    var files: [(path: String, text: String)] = []
    var seen = Set<String>()
    let manager = FileManager.default
    func add(_ path: String) {
      let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      guard seen.insert(key).inserted else { return }
      guard let data = manager.contents(atPath: path) else {
        problems.append(PatternError(file: path, ruleID: nil, message: "cannot be read"))
        return
      }
      guard let text = String(data: data, encoding: .utf8) else {
        problems.append(
          PatternError(file: path, ruleID: nil, message: "is not UTF-8 text (save it as UTF-8)"))
        return
      }
      files.append((path, text))
    }
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        problems.append(PatternError(file: path, ruleID: nil, message: "no such file or directory"))
        continue
      }
      guard isDirectory.boolValue else {
        add(path)
        continue
      }
      guard let names = try? manager.contentsOfDirectory(atPath: path) else {
        problems.append(PatternError(file: path, ruleID: nil, message: "cannot be listed"))
        continue
      }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      let tomls = names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        .filter { name in
          var directory: ObjCBool = false
          return manager.fileExists(atPath: prefix + name, isDirectory: &directory)
            && !directory.boolValue
        }
      if tomls.isEmpty {
        problems.append(
          PatternError(
            file: path, ruleID: nil,
            message:
              "holds no *.toml files (rule files end in .toml; subdirectories are not read)"))
      }
      for name in tomls { add(prefix + name) }
    }
    if !problems.isEmpty { throw PatternLoadError(problems: problems) }
    return files
  }
}
