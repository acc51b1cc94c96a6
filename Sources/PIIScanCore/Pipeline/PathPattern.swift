/// One pattern of gitignore syntax (used by `.gitignore`, `.piiscanignore`, `--glob` and the
/// configuration file's path lists), compiled once and matched against paths relative to the
/// directory the pattern belongs to.
///
/// The rules are git's own (the gitignore manual page), implemented here because no library
/// for them is available to the build:
/// - a pattern with a slash at its start or in its middle is anchored: it is matched against
///   the whole relative path; one without (or with a slash only at its end) matches the last
///   component at any depth;
/// - a trailing slash matches directories only;
/// - `*` matches anything but a slash, `?` one character but a slash, `[...]` one character of
///   a set (ranges, `!` or `^` negating it), `\` takes the next character literally;
/// - `**/` at the start matches any number of leading directories (none included), `/**/` in
///   the middle zero or more directories, `/**` at the end everything inside; any other `**`
///   is an ordinary `*`.
///
/// Paths and patterns are bytes: a name need not be UTF-8.
public struct PathPattern: Sendable, Equatable {
  /// The pattern as written (after the `!`, without trailing spaces).
  public let text: String
  /// Whether it re-includes what an earlier pattern excluded (`!pattern`).
  public let negated: Bool
  /// Whether it matches directories only (`pattern/`).
  public let directoryOnly: Bool
  /// Whether it is matched against the whole relative path (else against the last component).
  public let anchored: Bool
  private let tokens: [Token]

  enum Token: Sendable, Equatable {
    case byte(UInt8)
    case one
    case star
    case set(negated: Bool, ranges: [ClosedRange<UInt8>])
    /// `**/` at the start: nothing, or any run of whole components each followed by `/`.
    case leadingDirectories
    /// `/**/`: a slash, or a slash, any components and a slash.
    case middleDirectories
    /// `/**` at the end: a slash and at least one more byte.
    case everythingInside
  }

  /// Reads one line of an ignore file; nil for a blank line or a comment.
  public init?(line: String) {
    var bytes = Array(line.utf8)
    if bytes.last == 0x0D { bytes.removeLast() }  // a CRLF file
    // Trailing spaces are dropped unless the last one is escaped with a backslash.
    while bytes.last == 0x20 {
      let backslashes = bytes.dropLast().reversed().prefix { $0 == 0x5C }.count
      if backslashes % 2 == 1 { break }
      bytes.removeLast()
    }
    guard let first = bytes.first, first != 0x23 else { return nil }  // blank, or # comment
    var negated = false
    if first == 0x21 {
      negated = true
      bytes.removeFirst()
    }
    guard !bytes.isEmpty else { return nil }
    self.init(bytes: bytes, negated: negated)
  }

  /// A glob as `--glob` takes it: a leading `!` excludes.
  public init?(glob: String) {
    self.init(line: glob)
  }

  private init(bytes original: [UInt8], negated: Bool) {
    var bytes = original
    var directoryOnly = false
    if bytes.count > 1 && bytes.last == 0x2F && !Self.isEscaped(bytes, at: bytes.count - 1) {
      directoryOnly = true
      bytes.removeLast()
    }
    // Anchored when a slash stands at the start or in the middle.
    let anchored = bytes.contains(0x2F)
    if bytes.first == 0x2F { bytes.removeFirst() }
    self.text = String(decoding: original, as: UTF8.self)
    self.negated = negated
    self.directoryOnly = directoryOnly
    self.anchored = anchored
    self.tokens = Self.compile(bytes)
  }

  private static func isEscaped(_ bytes: [UInt8], at index: Int) -> Bool {
    bytes[..<index].reversed().prefix { $0 == 0x5C }.count % 2 == 1
  }

  private static func compile(_ bytes: [UInt8]) -> [Token] {
    var tokens: [Token] = []
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      switch byte {
      case 0x5C:  // backslash: the next byte as it is
        if i + 1 < bytes.count {
          tokens.append(.byte(bytes[i + 1]))
          i += 2
        } else {
          i += 1
        }
      case 0x3F:
        tokens.append(.one)
        i += 1
      case 0x2A:
        var end = i
        while end < bytes.count && bytes[end] == 0x2A { end += 1 }
        let run = end - i
        let atStart = i == 0
        let slashBefore = i > 0 && bytes[i - 1] == 0x2F
        let slashAfter = end < bytes.count && bytes[end] == 0x2F
        let atEnd = end == bytes.count
        if run == 2 && atStart && slashAfter {
          tokens.append(.leadingDirectories)
          i = end + 1
        } else if run == 2 && atStart && atEnd {
          tokens.append(.leadingDirectories)  // "**" alone: everything
          tokens.append(.star)
          i = end
        } else if run == 2 && slashBefore && slashAfter {
          tokens.removeLast()  // the slash before is part of the token
          tokens.append(.middleDirectories)
          i = end + 1
        } else if run == 2 && slashBefore && atEnd {
          tokens.removeLast()
          tokens.append(.everythingInside)
          i = end
        } else {
          tokens.append(.star)
          i = end
        }
      case 0x5B:
        if let (set, next) = parseSet(bytes, from: i) {
          tokens.append(set)
          i = next
        } else {
          tokens.append(.byte(byte))
          i += 1
        }
      default:
        tokens.append(.byte(byte))
        i += 1
      }
    }
    return tokens
  }

  /// `[...]` starting at `start`: the set and the index after it, or nil when it is not closed.
  private static func parseSet(_ bytes: [UInt8], from start: Int) -> (Token, Int)? {
    var i = start + 1
    var negated = false
    if i < bytes.count && (bytes[i] == 0x21 || bytes[i] == 0x5E) {
      negated = true
      i += 1
    }
    var ranges: [ClosedRange<UInt8>] = []
    var first = true
    while i < bytes.count {
      var byte = bytes[i]
      if byte == 0x5D && !first { return (.set(negated: negated, ranges: ranges), i + 1) }
      first = false
      if byte == 0x5C && i + 1 < bytes.count {
        i += 1
        byte = bytes[i]
      }
      if i + 2 < bytes.count && bytes[i + 1] == 0x2D && bytes[i + 2] != 0x5D {
        var upper = bytes[i + 2]
        var skip = 3
        if upper == 0x5C && i + 3 < bytes.count {
          upper = bytes[i + 3]
          skip = 4
        }
        if byte <= upper { ranges.append(byte...upper) }
        i += skip
      } else {
        ranges.append(byte...byte)
        i += 1
      }
    }
    return nil
  }

  /// Whether the pattern matches `path` (relative to the pattern's directory, components
  /// joined by `/`, no leading slash), an entry that is a directory when `isDirectory`.
  public func matches(_ path: [UInt8], isDirectory: Bool) -> Bool {
    if directoryOnly && !isDirectory { return false }
    if anchored { return Self.match(tokens, path[...]) }
    let name: ArraySlice<UInt8>
    if let slash = path.lastIndex(of: 0x2F) {
      name = path[(slash + 1)...]
    } else {
      name = path[...]
    }
    return Self.match(tokens, name)
  }

  /// Whether `tokens` match all of `text`: a backtracking matcher with a table of the
  /// (token, position) pairs already known to fail, so no pattern takes exponential time.
  static func match(_ tokens: [Token], _ text: ArraySlice<UInt8>) -> Bool {
    let bytes = Array(text)
    var failed = Set<Int>()
    let width = bytes.count + 1

    func run(_ t: Int, _ p: Int) -> Bool {
      if t == tokens.count { return p == bytes.count }
      let key = t * width + p
      if failed.contains(key) { return false }
      let result: Bool
      switch tokens[t] {
      case .byte(let byte):
        result = p < bytes.count && bytes[p] == byte && run(t + 1, p + 1)
      case .one:
        result = p < bytes.count && bytes[p] != 0x2F && run(t + 1, p + 1)
      case .set(let negated, let ranges):
        if p < bytes.count && bytes[p] != 0x2F {
          let inSet = ranges.contains { $0.contains(bytes[p]) }
          result = inSet != negated && run(t + 1, p + 1)
        } else {
          result = false
        }
      case .star:
        var q = p
        var found = false
        while true {
          if run(t + 1, q) {
            found = true
            break
          }
          if q == bytes.count || bytes[q] == 0x2F { break }
          q += 1
        }
        result = found
      case .leadingDirectories:
        // Nothing, or up to and including any later slash.
        var found = run(t + 1, p)
        var q = p
        while !found && q < bytes.count {
          if bytes[q] == 0x2F && run(t + 1, q + 1) { found = true }
          q += 1
        }
        result = found
      case .middleDirectories:
        guard p < bytes.count && bytes[p] == 0x2F else {
          result = false
          break
        }
        var found = run(t + 1, p + 1)
        var q = p + 1
        while !found && q < bytes.count {
          if bytes[q] == 0x2F && run(t + 1, q + 1) { found = true }
          q += 1
        }
        result = found
      case .everythingInside:
        result = p + 1 < bytes.count && bytes[p] == 0x2F && t + 1 == tokens.count
      }
      if !result { failed.insert(key) }
      return result
    }
    return run(0, 0)
  }
}

/// The patterns of one ignore file (or one list of globs), in order: the last that matches a
/// path decides whether it is ignored.
public struct IgnoreRules: Sendable {
  public let patterns: [PathPattern]
  /// Where they came from, for messages (`docs/.piiscanignore`).
  public let origin: String

  public init(patterns: [PathPattern], origin: String) {
    self.patterns = patterns
    self.origin = origin
  }

  /// The rules of an ignore file's text.
  public init(text: String, origin: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    self.init(patterns: lines.compactMap { PathPattern(line: String($0)) }, origin: origin)
  }

  /// The last pattern matching `path`, if any: a negated one means "not ignored".
  public func decision(for path: [UInt8], isDirectory: Bool) -> PathPattern? {
    patterns.last { $0.matches(path, isDirectory: isDirectory) }
  }
}
