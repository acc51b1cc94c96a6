import Crypto
import Foundation
import TOMLKit

/// A problem in a configuration file, naming the file, the line and the key, so that the
/// person who wrote it can fix it without guessing.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
  public var file: String
  /// 1-based; 0 when the problem is not on one line.
  public var line: Int
  /// `table.key` (`allowlist.values`), or empty.
  public var key: String
  public var message: String

  public init(file: String, line: Int, key: String, message: String) {
    self.file = file
    self.line = line
    self.key = key
    self.message = message
  }

  /// `piiscan.toml:12: allowlist.values: not a string`.
  public var description: String {
    var text = file
    if line > 0 { text += ":\(line)" }
    text += ": "
    if !key.isEmpty { text += key + ": " }
    return text + message
  }
}

/// `piiscan.toml`: the settings a repository or an export job keeps beside its data, so that
/// every run of the gate is the same without a long command line.
///
/// ```toml
/// [scan]                     # defaults; the command line wins over each of them
/// only = ["cn_resident_id", "cn_mobile"]
/// except = []
/// as-of = "2026-11-29"
/// format = "sarif"
/// fail-on = "valid"          # or "invalid"
/// patterns = ["rules/"]      # user rules, relative to this file
/// glob = ["!*.log"]
/// hidden = false
/// ignore = true              # read .piiscanignore / .gitignore (false: --no-ignore)
/// max-filesize = "100M"
///
/// [allowlist]                # findings accepted as they are
/// values = ["13912345670", "sha256:<hex of the normalised value>"]
/// paths = ["fixtures/**"]
/// rules = ["cn-mobile"]
/// categories = ["email"]
/// contexts = ["(?i)example|测试"]
///
/// [fingerprint]
/// key = "a secret of the organisation"
/// ```
///
/// Every key is checked: an unknown key or a value of the wrong type is an error naming the
/// file, the line and the key (``ConfigError``), and nothing is scanned.
public struct ConfigFile: Sendable {
  /// The file's path as found or given.
  public var path: String
  /// SHA-256 of its bytes, hex: reports carry it as the configuration in force.
  public var sha256: String

  // [scan]
  public var only: [String]?
  public var except: [String]?
  public var asOf: String?
  public var format: String?
  public var failOn: String?
  /// Resolved against the file's directory.
  public var patterns: [String] = []
  public var globs: [String] = []
  public var hidden: Bool?
  public var ignore: Bool?
  public var maxFilesize: String?
  public var maxBytes: String?
  public var maxDecompressed: String?
  public var maxRatio: Double?
  public var maxDepth: Int?
  public var binary: Bool?
  public var follow: Bool?
  public var threads: Int?
  public var reveal: Bool?

  public var allowlist = AllowlistEntries()
  /// `[fingerprint] key`.
  public var fingerprintKey: String?

  /// The name piiscan looks for.
  public static let fileName = "piiscan.toml"

  /// Where the line of each `table.key` is, for messages.
  let lines: TOMLKeyLines

  /// The line of `key` (`allowlist.values`), 0 if unknown.
  public func line(of key: String) -> Int { lines.line(of: key) }

  /// Reads and checks the file at `path`.
  public static func load(path: String) throws(ConfigError) -> ConfigFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, line: 0, key: "", message: "cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: path, line: 0, key: "", message: "is not UTF-8 text")
    }
    let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    return try parse(text, path: path, sha256: digest)
  }

  /// Parses `text` as the configuration file `path`.
  public static func parse(
    _ text: String, path: String, sha256: String = ""
  ) throws(ConfigError) -> ConfigFile {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigError(
        file: path, line: error.source.begin.line, key: "",
        message: "\(error.description) (the file is not valid TOML)")
    } catch {
      throw ConfigError(file: path, line: 0, key: "", message: "is not valid TOML")
    }
    var config = ConfigFile(path: path, sha256: sha256, lines: TOMLKeyLines(text))
    let reader = TableReader(config: config)
    let directory = (path as NSString).deletingLastPathComponent

    for key in table.keys {
      switch key {
      case "scan":
        let scan = try reader.table(table[key]!, "scan")
        for key in scan.keys {
          let value = scan[key]!
          let name = "scan." + key
          switch key {
          case "only": config.only = try reader.strings(value, name)
          case "except": config.except = try reader.strings(value, name)
          case "as-of":
            let date = try reader.string(value, name)
            guard CivilDate(iso: date) != nil else {
              throw reader.error(name, "must be a date written YYYY-MM-DD, not \"\(date)\"")
            }
            config.asOf = date
          case "format":
            config.format = try reader.choice(
              value, name, ["text", "jsonl", "json", "csv", "sarif"])
          case "fail-on": config.failOn = try reader.choice(value, name, ["valid", "invalid"])
          case "patterns":
            config.patterns = try reader.strings(value, name).map {
              $0.hasPrefix("/") || directory.isEmpty ? $0 : directory + "/" + $0
            }
          case "glob":
            config.globs = try reader.strings(value, name)
            for glob in config.globs where PathPattern(glob: glob) == nil {
              throw reader.error(name, "\"\(glob)\" is not a glob")
            }
          case "hidden": config.hidden = try reader.bool(value, name)
          case "ignore": config.ignore = try reader.bool(value, name)
          case "binary": config.binary = try reader.bool(value, name)
          case "follow": config.follow = try reader.bool(value, name)
          case "reveal": config.reveal = try reader.bool(value, name)
          case "max-filesize": config.maxFilesize = try reader.size(value, name)
          case "max-bytes": config.maxBytes = try reader.size(value, name)
          case "max-decompressed": config.maxDecompressed = try reader.size(value, name)
          case "max-ratio":
            guard let ratio = value.double ?? value.int.map(Double.init), ratio > 1 else {
              throw reader.error(name, "must be a number more than 1")
            }
            config.maxRatio = ratio
          case "max-depth": config.maxDepth = try reader.positive(value, name)
          case "threads": config.threads = try reader.positive(value, name)
          default: throw reader.unknown(name, in: "[scan]")
          }
        }
      case "allowlist":
        let allowlist = try reader.table(table[key]!, "allowlist")
        for key in allowlist.keys {
          let value = allowlist[key]!
          let name = "allowlist." + key
          let line = config.line(of: name)
          switch key {
          case "values": config.allowlist.values = try reader.strings(value, name)
          case "paths":
            config.allowlist.paths = try reader.strings(value, name)
            for glob in config.allowlist.paths where PathPattern(glob: glob) == nil {
              throw reader.error(name, "\"\(glob)\" is not a glob")
            }
          case "rules": config.allowlist.rules = try reader.strings(value, name)
          case "categories": config.allowlist.categories = try reader.strings(value, name)
          case "contexts": config.allowlist.contexts = try reader.strings(value, name)
          default: throw reader.unknown(name, in: "[allowlist]")
          }
          config.allowlist.lines[key] = line
        }
        config.allowlist.file = path
      case "fingerprint":
        let fingerprint = try reader.table(table[key]!, "fingerprint")
        for key in fingerprint.keys {
          let name = "fingerprint." + key
          switch key {
          case "key":
            let secret = try reader.string(fingerprint[key]!, name)
            guard !secret.isEmpty else { throw reader.error(name, "must not be empty") }
            config.fingerprintKey = secret
          default: throw reader.unknown(name, in: "[fingerprint]")
          }
        }
      default:
        throw reader.error(
          key, "unknown table or key (known: [scan], [allowlist], [fingerprint])")
      }
    }
    return config
  }

  /// The configuration file for a run in `directory`: `piiscan.toml` there, or in the nearest
  /// parent up to the root of the git repository holding it (a directory with `.git`). Outside
  /// a repository only `directory` itself is looked at, so that a stray file higher up never
  /// changes a run.
  public static func discover(from directory: String) -> String? {
    var current = URL(fileURLWithPath: directory).standardizedFileURL
    let manager = FileManager.default
    var candidates: [URL] = []
    while true {
      candidates.append(current)
      if manager.fileExists(atPath: current.appendingPathComponent(".git").path) { break }
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path {
        candidates = [candidates[0]]  // no repository: only the starting directory
        break
      }
      current = parent
    }
    for candidate in candidates {
      let file = candidate.appendingPathComponent(fileName).path
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: file, isDirectory: &isDirectory) && !isDirectory.boolValue {
        return candidate.path == URL(fileURLWithPath: directory).standardizedFileURL.path
          ? fileName : file
      }
    }
    return nil
  }
}

/// The `[allowlist]` of a configuration file as written, before it is checked against the
/// rules and compiled (``Allowlist``).
public struct AllowlistEntries: Sendable {
  public var values: [String] = []
  public var paths: [String] = []
  public var rules: [String] = []
  public var categories: [String] = []
  public var contexts: [String] = []
  /// The file and the line of each key, for messages.
  public var file = ""
  public var lines: [String: Int] = [:]

  public init() {}

  public var isEmpty: Bool {
    values.isEmpty && paths.isEmpty && rules.isEmpty && categories.isEmpty && contexts.isEmpty
  }
}

/// Reads typed values from a TOML table, throwing ``ConfigError``s that name the key's line.
private struct TableReader {
  let config: ConfigFile

  func error(_ key: String, _ message: String) -> ConfigError {
    ConfigError(file: config.path, line: config.line(of: key), key: key, message: message)
  }

  func unknown(_ key: String, in table: String) -> ConfigError {
    error(key, "unknown key in \(table) (see docs/CI.md, \"piiscan.toml\")")
  }

  func table(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> TOMLTable {
    guard let table = value.table else { throw error(key, "must be a table ([\(key)])") }
    return table
  }

  func string(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> String {
    guard let text = value.string else { throw error(key, "must be a string") }
    return text
  }

  func bool(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Bool {
    guard let flag = value.bool else { throw error(key, "must be true or false") }
    return flag
  }

  func positive(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> Int {
    guard let number = value.int, number >= 1 else {
      throw error(key, "must be a whole number, at least 1")
    }
    return number
  }

  func size(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> String {
    let text = value.string ?? value.int.map(String.init) ?? ""
    guard SizeText.parse(text) != nil else {
      throw error(key, "must be a size such as 500M or 64G")
    }
    return text
  }

  func choice(
    _ value: any TOMLValueConvertible, _ key: String, _ choices: [String]
  ) throws(ConfigError) -> String {
    let text = try string(value, key)
    guard choices.contains(text) else {
      throw error(key, "must be one of \(choices.joined(separator: ", ")), not \"\(text)\"")
    }
    return text
  }

  /// A string or an array of strings.
  func strings(_ value: any TOMLValueConvertible, _ key: String) throws(ConfigError) -> [String] {
    if let text = value.string { return [text] }
    guard let array = value.array else { throw error(key, "must be an array of strings") }
    var result: [String] = []
    for item in array {
      guard let text = item.string else { throw error(key, "must be an array of strings") }
      result.append(text)
    }
    return result
  }
}

/// Sizes as the command line and the configuration file write them: bytes, or a number with
/// K, M, G or T (powers of 1024).
public enum SizeText {
  public static func parse(_ text: String) -> Int64? {
    let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
    guard let last = text.uppercased().last else { return nil }
    if let unit = units[last], let value = Double(text.dropLast()), value > 0 {
      return Int64(value * Double(unit))
    }
    return Int64(text).flatMap { $0 > 0 ? $0 : nil }
  }
}

/// The line where each key of a TOML text is defined, found by reading its lines: TOMLKit
/// keeps no positions, and messages must name a line. Knows `[table]` headers, `key = value`
/// and dotted `table.key = value` lines; quoted keys lose their quotes.
struct TOMLKeyLines: Sendable {
  private var lineByKey: [String: Int] = [:]

  init(_ text: String) {
    var table = ""
    var depth = 0  // inside a multi-line array
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if depth > 0 {
        depth += Self.bracketBalance(line)
        continue
      }
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") {
        let name = line.drop { $0 == "[" }.prefix { $0 != "]" }
        table = Self.unquoted(String(name))
        lineByKey[table] = lineByKey[table] ?? index + 1
        continue
      }
      guard let equals = line.firstIndex(of: "=") else { continue }
      let key = Self.unquoted(String(line[..<equals]))
      let full = table.isEmpty ? key : table + "." + key
      lineByKey[full] = lineByKey[full] ?? index + 1
      depth = max(0, Self.bracketBalance(String(line[line.index(after: equals)...])))
    }
  }

  func line(of key: String) -> Int { lineByKey[key] ?? 0 }

  private static func unquoted(_ key: String) -> String {
    key.split(separator: ".").map {
      $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(
        in: CharacterSet(charactersIn: "\"'"))
    }.joined(separator: ".")
  }

  /// Opening minus closing brackets outside strings (a rough count, enough to skip the
  /// lines of a multi-line array).
  private static func bracketBalance(_ text: String) -> Int {
    var balance = 0
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil }
        continue
      }
      switch character {
      case "\"", "'": quote = character
      case "#": return balance
      case "[": balance += 1
      case "]": balance -= 1
      default: break
      }
    }
    return balance
  }
}
