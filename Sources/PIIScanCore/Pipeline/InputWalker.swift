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
public struct InputWalker {
  /// Something that was not scanned, with the reason.
  public struct Skipped: Sendable, Equatable {
    public var path: String
    public var reason: String
    /// True for errors (the path could not be read), false for deliberate skips.
    public var isError: Bool
  }

  public var followLinks: Bool

  public init(followLinks: Bool = false) { self.followLinks = followLinks }

  /// The inputs named by `paths`, and what was skipped.
  public func resolve(_ paths: [String]) -> (inputs: [ScanInput], skipped: [Skipped]) {
    resolve(locations: paths.map { $0 == "-" ? nil : InputPath($0) })
  }

  /// The inputs named by `locations` (nil: standard input), and what was skipped. Paths stay
  /// bytes from the command line and the directory entries to `open()`.
  public func resolve(locations: [InputPath?]) -> (inputs: [ScanInput], skipped: [Skipped]) {
    var inputs: [ScanInput] = []
    var skipped: [Skipped] = []
    if locations.isEmpty {
      return ([ScanInput(path: "-", kind: .standardInput, size: nil)], [])
    }
    for location in locations {
      guard let location else {
        inputs.append(ScanInput(path: "-", kind: .standardInput, size: nil))
        continue
      }
      var info = stat()
      if location.withCString({ stat($0, &info) }) != 0 {
        skipped.append(
          Skipped(path: location.display, reason: systemErrorText(errno), isError: true))
        continue
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        var visited = Set<DirectoryID>()
        walk(location, info: info, visited: &visited, into: &inputs, skipped: &skipped)
      case S_IFREG:
        inputs.append(
          ScanInput(location: location, kind: .regularFile, size: Int64(info.st_size)))
      default:
        inputs.append(ScanInput(location: location, kind: .stream, size: nil))
      }
    }
    return (inputs, skipped)
  }

  private struct DirectoryID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private func walk(
    _ directory: InputPath, info: stat, visited: inout Set<DirectoryID>,
    into inputs: inout [ScanInput], skipped: inout [Skipped]
  ) {
    let id = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    guard visited.insert(id).inserted else {
      skipped.append(
        Skipped(
          path: directory.display, reason: "directory loop (already being walked)",
          isError: true))
      return
    }
    defer { visited.remove(id) }
    guard let handle = directory.withCString({ opendir($0) }) else {
      skipped.append(
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
    for name in names {
      let path = directory.appending(name)
      var entryInfo = stat()
      if path.withCString({ lstat($0, &entryInfo) }) != 0 {
        skipped.append(Skipped(path: path.display, reason: systemErrorText(errno), isError: true))
        continue
      }
      if entryInfo.st_mode & S_IFMT == S_IFLNK {
        guard followLinks else {
          skipped.append(
            Skipped(
              path: path.display, reason: "symbolic link not followed (use --follow)",
              isError: false))
          continue
        }
        if path.withCString({ stat($0, &entryInfo) }) != 0 {
          skipped.append(
            Skipped(path: path.display, reason: systemErrorText(errno), isError: true))
          continue
        }
      }
      switch entryInfo.st_mode & S_IFMT {
      case S_IFDIR:
        walk(path, info: entryInfo, visited: &visited, into: &inputs, skipped: &skipped)
      case S_IFREG:
        inputs.append(
          ScanInput(location: path, kind: .regularFile, size: Int64(entryInfo.st_size)))
      case S_IFIFO:
        skipped.append(
          Skipped(path: path.display, reason: "FIFO not opened in a walk", isError: false))
      case S_IFSOCK:
        skipped.append(
          Skipped(path: path.display, reason: "socket not opened in a walk", isError: false))
      default:
        skipped.append(
          Skipped(path: path.display, reason: "device not opened in a walk", isError: false))
      }
    }
  }
}
