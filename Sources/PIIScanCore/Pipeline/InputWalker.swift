#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the paths of a command line into the ordered list of inputs to scan.
///
/// No path, or `-`, is standard input. A directory is walked recursively in byte order of the
/// names, so a walk is the same on every run. In a walk, symbolic links are not followed unless
/// asked (a link loop would never end) and FIFOs, sockets and devices are not opened (opening a
/// FIFO blocks); each is reported as skipped. A path named on the command line is taken as it
/// is, following links, so `piiscan scan /dev/stdin` or a FIFO given by name works.
///
/// ``filters`` leave out dotfiles, ignored paths, globbed-out paths and large files
/// (``WalkFilters``); what they leave out is counted in ``Result/filtered``, not listed.
public struct InputWalker {
  /// Something that was not scanned, with the reason.
  public struct Skipped: Sendable, Equatable {
    public var path: String
    public var reason: String
    /// True for errors (the path could not be read), false for deliberate skips.
    public var isError: Bool
  }

  /// What a walk gives: the inputs in order, what was skipped (each with its reason: notices),
  /// and how many paths the filters left out.
  public struct Result: Sendable {
    public var inputs: [ScanInput] = []
    public var skipped: [Skipped] = []
    public var filtered = FilterCounts()
  }

  public var followLinks: Bool
  public var filters: WalkFilters

  public init(followLinks: Bool = false, filters: WalkFilters = .none) {
    self.followLinks = followLinks
    self.filters = filters
  }

  /// The inputs named by `paths`, and what was skipped.
  public func resolve(_ paths: [String]) -> (inputs: [ScanInput], skipped: [Skipped]) {
    resolve(locations: paths.map { $0 == "-" ? nil : InputPath($0) })
  }

  /// The inputs named by `locations` (nil: standard input), and what was skipped. Paths stay
  /// bytes from the command line and the directory entries to `open()`.
  public func resolve(locations: [InputPath?]) -> (inputs: [ScanInput], skipped: [Skipped]) {
    let result = walk(locations: locations)
    return (result.inputs, result.skipped)
  }

  /// The inputs named by `locations` (nil: standard input), what was skipped, and what the
  /// filters left out.
  public func walk(locations: [InputPath?]) -> Result {
    var result = Result()
    if locations.isEmpty {
      result.inputs = [ScanInput(path: "-", kind: .standardInput, size: nil)]
      return result
    }
    for location in locations {
      guard let location else {
        result.inputs.append(ScanInput(path: "-", kind: .standardInput, size: nil))
        continue
      }
      var info = stat()
      if location.withCString({ stat($0, &info) }) != 0 {
        result.skipped.append(
          Skipped(path: location.display, reason: systemErrorText(errno), isError: true))
        continue
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        var visited = Set<DirectoryID>()
        var state = WalkState()
        if filters.ignoreFiles {
          (state.scopes, state.inRepository) = WalkFilters.ancestorScopes(of: location)
        }
        walk(location, info: info, visited: &visited, state: &state, into: &result)
      case S_IFREG:
        // A file named on the command line: only --glob and --max-filesize apply.
        if filters.globExcludes(location.bytes, isDirectory: false) {
          result.filtered.glob += 1
        } else if let limit = filters.maxFileSize, Int64(info.st_size) > limit {
          result.filtered.size += 1
        } else {
          result.inputs.append(
            ScanInput(location: location, kind: .regularFile, size: Int64(info.st_size)))
        }
      default:
        result.inputs.append(ScanInput(location: location, kind: .stream, size: nil))
      }
    }
    return result
  }

  /// Where a walk is: the walk-relative components of the current directory and the ignore
  /// files in force there.
  private struct WalkState {
    var components: [[UInt8]] = []
    var scopes: [IgnoreScope] = []
    var inRepository = false
  }

  /// Why the filters leave out an entry (components relative to the walk's root), if they do.
  private func filterClass(
    _ components: [[UInt8]], isDirectory: Bool, size: Int64, state: WalkState
  ) -> WritableKeyPath<FilterCounts, Int>? {
    let name = components.last ?? []
    if !filters.hidden && name.first == 0x2E { return \.hidden }
    if filters.ignoreFiles && isDirectory && name == WalkFilters.gitName { return \.ignored }
    var relative: [UInt8] = []
    for component in components {
      if !relative.isEmpty { relative.append(0x2F) }
      relative.append(contentsOf: component)
    }
    if filters.globExcludes(relative, isDirectory: isDirectory) { return \.glob }
    // The last matching pattern of the innermost scope that has one decides.
    for scope in state.scopes.reversed() {
      let path = scope.relativePath(components)
      if let pattern = scope.rules.decision(for: path, isDirectory: isDirectory) {
        if pattern.negated { break }
        return scope.isGit ? \.gitignored : \.ignored
      }
    }
    if !isDirectory, let limit = filters.maxFileSize, size > limit { return \.size }
    return nil
  }

  private struct DirectoryID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private func walk(
    _ directory: InputPath, info: stat, visited: inout Set<DirectoryID>,
    state: inout WalkState, into result: inout Result
  ) {
    let id = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    guard visited.insert(id).inserted else {
      result.skipped.append(
        Skipped(
          path: directory.display, reason: "directory loop (already being walked)",
          isError: true))
      return
    }
    defer { visited.remove(id) }
    guard let handle = directory.withCString({ opendir($0) }) else {
      result.skipped.append(
        Skipped(path: directory.display, reason: systemErrorText(errno), isError: true))
      return
    }
    // Names as the directory holds them: bytes, whatever their encoding.
    var names: [[UInt8]] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: UInt8.self, capacity: 256) { pointer in
          Array(
            UnsafeBufferPointer(
              start: pointer,
              count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))))
        }
      }
      if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
    }
    closedir(handle)
    names.sort { $0.lexicographicallyPrecedes($1) }
    // This directory's own ignore files apply to everything below it.
    let outerScopes = state.scopes
    let outerRepository = state.inRepository
    defer {
      state.scopes = outerScopes
      state.inRepository = outerRepository
    }
    if filters.ignoreFiles {
      if names.contains(WalkFilters.gitName) { state.inRepository = true }
      let depth = state.components.count
      if state.inRepository, names.contains(WalkFilters.gitignoreName),
        let rules = WalkFilters.readRules(directory.appending(WalkFilters.gitignoreName))
      {
        state.scopes.append(IgnoreScope(rules: rules, isGit: true, lead: [], drop: depth))
      }
      if names.contains(WalkFilters.ignoreFileName),
        let rules = WalkFilters.readRules(directory.appending(WalkFilters.ignoreFileName))
      {
        state.scopes.append(IgnoreScope(rules: rules, isGit: false, lead: [], drop: depth))
      }
    }
    for name in names {
      let path = directory.appending(name)
      var entryInfo = stat()
      if path.withCString({ lstat($0, &entryInfo) }) != 0 {
        result.skipped.append(
          Skipped(path: path.display, reason: systemErrorText(errno), isError: true))
        continue
      }
      if entryInfo.st_mode & S_IFMT == S_IFLNK {
        guard followLinks else {
          result.skipped.append(
            Skipped(
              path: path.display, reason: "symbolic link not followed (use --follow)",
              isError: false))
          continue
        }
        if path.withCString({ stat($0, &entryInfo) }) != 0 {
          result.skipped.append(
            Skipped(path: path.display, reason: systemErrorText(errno), isError: true))
          continue
        }
      }
      let type = entryInfo.st_mode & S_IFMT
      state.components.append(name)
      defer { state.components.removeLast() }
      if let filtered = filterClass(
        state.components, isDirectory: type == S_IFDIR, size: Int64(entryInfo.st_size),
        state: state)
      {
        result.filtered[keyPath: filtered] += 1
        continue
      }
      switch type {
      case S_IFDIR:
        walk(path, info: entryInfo, visited: &visited, state: &state, into: &result)
      case S_IFREG:
        result.inputs.append(
          ScanInput(location: path, kind: .regularFile, size: Int64(entryInfo.st_size)))
      case S_IFIFO:
        result.skipped.append(
          Skipped(path: path.display, reason: "FIFO not opened in a walk", isError: false))
      case S_IFSOCK:
        result.skipped.append(
          Skipped(path: path.display, reason: "socket not opened in a walk", isError: false))
      default:
        result.skipped.append(
          Skipped(path: path.display, reason: "device not opened in a walk", isError: false))
      }
    }
  }
}
