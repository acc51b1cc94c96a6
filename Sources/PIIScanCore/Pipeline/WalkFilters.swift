#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a directory walk leaves out on purpose, as ripgrep users expect: dotfiles and
/// dot-directories, paths that `.piiscanignore` files (and `.gitignore` files inside a git
/// repository) ignore, paths that `--glob` excludes, and files over a size.
///
/// Paths named on the command line are always read, except that `--glob` and
/// `--max-filesize` apply to them too (so a pre-commit hook, which names every file, honours
/// them). Everything left out is counted by class (``FilterCounts``), never silently dropped.
public struct WalkFilters: Sendable {
  /// Read dotfiles and dot-directories (`--hidden`); off by default in a walk.
  public var hidden = false
  /// Read `.piiscanignore` and, inside a git repository, `.gitignore` files, and skip `.git`
  /// directories (off with `--no-ignore`).
  public var ignoreFiles = true
  /// `--glob` patterns, in order: the last that matches decides; `!` excludes. When any
  /// pattern includes, a file matching none of them is left out.
  public var globs: [PathPattern] = []
  /// Files larger than this are left out (`--max-filesize`).
  public var maxFileSize: Int64?

  /// No filtering at all: every file of a walk is read (the library's default).
  public static let none = WalkFilters(hidden: true, ignoreFiles: false)

  public init(
    hidden: Bool = false, ignoreFiles: Bool = true, globs: [PathPattern] = [],
    maxFileSize: Int64? = nil
  ) {
    self.hidden = hidden
    self.ignoreFiles = ignoreFiles
    self.globs = globs
    self.maxFileSize = maxFileSize
  }

  /// The name of the ignore file piiscan reads in every walked directory.
  public static let ignoreFileName = Array(".piiscanignore".utf8)
  static let gitignoreName = Array(".gitignore".utf8)
  static let gitName = Array(".git".utf8)

  /// What `--glob` says of a path (relative to the walk's root, or as given): nil when the
  /// globs have nothing to say, true when it is excluded. Directories are excluded only by a
  /// `!` pattern (an including glob such as `*.csv` names files, not the folders they are in).
  func globExcludes(_ path: [UInt8], isDirectory: Bool) -> Bool {
    guard !globs.isEmpty else { return false }
    var relative = path[...]
    while relative.starts(with: [0x2E, 0x2F]) { relative = relative.dropFirst(2) }
    let candidate = Array(relative)
    if let last = globs.last(where: { $0.matches(candidate, isDirectory: isDirectory) }) {
      return last.negated
    }
    if isDirectory { return false }
    return globs.contains { !$0.negated }
  }
}

/// How many paths a walk left out, by class (a directory left out counts once, whatever it
/// holds): the summary and the reports' metadata show them.
public struct FilterCounts: Sendable, Equatable {
  /// Dotfiles and dot-directories (without `--hidden`).
  public var hidden = 0
  /// Ignored by a `.piiscanignore` file, or `.git` directories.
  public var ignored = 0
  /// Ignored by a `.gitignore` file inside a git repository.
  public var gitignored = 0
  /// Excluded by `--glob`.
  public var glob = 0
  /// Over `--max-filesize`.
  public var size = 0

  public init() {}

  public var total: Int { hidden + ignored + gitignored + glob + size }

  /// The classes with their counts, in a fixed order, for reports.
  public var classes: [(name: String, count: Int)] {
    [
      ("hidden", hidden), ("ignored", ignored), ("gitignored", gitignored), ("glob", glob),
      ("size", size),
    ]
  }
}

/// The ignore files in force at one level of a walk.
struct IgnoreScope {
  var rules: IgnoreRules
  var isGit: Bool
  /// Components put before the walk-relative path (for an ignore file above the walk's root).
  var lead: [[UInt8]]
  /// Leading components of the walk-relative path dropped (for one in a walked directory).
  var drop: Int

  func relativePath(_ components: [[UInt8]]) -> [UInt8] {
    var path: [UInt8] = []
    for component in lead + components.dropFirst(drop) {
      if !path.isEmpty { path.append(0x2F) }
      path.append(contentsOf: component)
    }
    return path
  }
}

extension WalkFilters {
  /// The ignore scopes of the directories above a walk's root, from the root of the git
  /// repository holding it (if any) down to its parent, and whether it is inside one.
  static func ancestorScopes(of root: InputPath) -> (scopes: [IgnoreScope], inRepository: Bool) {
    guard let resolved = root.withCString({ realpath($0, nil) }) else { return ([], false) }
    let absolute = Array(UnsafeBufferPointer(start: resolved, count: strlen(resolved)))
      .map { UInt8(bitPattern: $0) }
    free(resolved)
    let components = absolute.split(separator: 0x2F).map(Array.init)
    // The nearest directory at or above the root holding .git.
    var repository: Int?
    for depth in stride(from: components.count, through: 0, by: -1) {
      let directory =
        "/"
        + components.prefix(depth).map { String(decoding: $0, as: UTF8.self) }
        .joined(separator: "/")
      if exists(InputPath(bytes: Array(directory.utf8)).appending(gitName)) {
        repository = depth
        break
      }
    }
    guard let top = repository else { return ([], false) }
    var scopes: [IgnoreScope] = []
    // Ancestors strictly above the root; the root's own files are read by the walk.
    for depth in top..<components.count {
      var path: [UInt8] = [0x2F]
      for (index, component) in components.prefix(depth).enumerated() {
        if index > 0 { path.append(0x2F) }
        path.append(contentsOf: component)
      }
      let directory = InputPath(bytes: path)
      let lead = Array(components[depth...])
      for (name, isGit) in [(gitignoreName, true), (ignoreFileName, false)] {
        if let rules = readRules(directory.appending(name)) {
          scopes.append(IgnoreScope(rules: rules, isGit: isGit, lead: lead, drop: 0))
        }
      }
    }
    return (scopes, true)
  }

  static func exists(_ path: InputPath) -> Bool {
    var info = stat()
    return path.withCString { lstat($0, &info) } == 0
  }

  /// The rules of an ignore file, or nil when there is none (or it cannot be read).
  static func readRules(_ path: InputPath) -> IgnoreRules? {
    let descriptor = path.openReadOnly()
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while bytes.count < 1 << 22 {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[..<count])
    }
    return IgnoreRules(text: String(decoding: bytes, as: UTF8.self), origin: path.display)
  }
}
