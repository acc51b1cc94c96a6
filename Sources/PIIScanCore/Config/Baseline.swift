import Foundation

/// The fingerprints of an earlier report (`--baseline REPORT`): findings already accepted,
/// which a later scan leaves out of its output and its exit status.
///
/// Any report of piiscan's that carries fingerprints will do: JSON Lines, JSON (the array of
/// older versions or the object of this one) and SARIF (`partialFingerprints`); and so does
/// the file `--write-baseline` writes, which is a JSON Lines report. A fingerprint leaves out
/// the line, column and offset (``FindingFingerprint``), so a baseline still holds a finding
/// after lines are added or removed elsewhere in its file; it no longer holds it when the file
/// is renamed or the value changes.
public struct Baseline: Sendable {
  public let fingerprints: Set<String>
  public let path: String

  public init(fingerprints: Set<String>, path: String) {
    self.fingerprints = fingerprints
    self.path = path
  }

  public func contains(_ fingerprint: String) -> Bool { fingerprints.contains(fingerprint) }

  /// The keys under which reports write a fingerprint: JSON and JSON Lines findings, and
  /// SARIF results.
  static let keys = [
    Array("\"fingerprint\":\"".utf8), Array("\"\(SARIFReporter.fingerprintKey)\":\"".utf8),
  ]

  /// Reads the fingerprints of the report at `path`.
  ///
  /// The report is read as bytes, looking for its fingerprint keys: in JSON text a key such
  /// as `"fingerprint":"` cannot stand inside a string (its quotes would be escaped), so this
  /// finds exactly the fingerprints whatever the format, without holding a parsed document of
  /// a report with millions of findings.
  public static func load(path: String) throws(ConfigError) -> Baseline {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, line: 0, key: "", message: "the baseline cannot be read")
    }
    let bytes = [UInt8](data)
    guard let first = bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
      return Baseline(fingerprints: [], path: path)  // an empty report: nothing accepted
    }
    guard first == 0x7B || first == 0x5B else {
      throw ConfigError(
        file: path, line: 0, key: "",
        message: "is not a JSON, JSON Lines or SARIF report of piiscan's")
    }
    var fingerprints = Set<String>()
    for key in keys {
      var index = 0
      while let found = find(key, in: bytes, from: index) {
        let start = found + key.count
        guard start + 32 < bytes.count, bytes[start + 32] == 0x22 else {
          index = start
          continue
        }
        let hex = bytes[start..<start + 32]
        if hex.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
          fingerprints.insert(String(decoding: hex, as: UTF8.self))
        }
        index = start + 32
      }
    }
    if fingerprints.isEmpty && bytes.contains(0x22) && !isEmptyReport(bytes) {
      throw ConfigError(
        file: path, line: 0, key: "",
        message: "holds no fingerprints: not a JSON, JSON Lines or SARIF report of piiscan's")
    }
    return Baseline(fingerprints: fingerprints, path: path)
  }

  /// A report with no finding in it: `[]`, `{"findings":[]…}`, SARIF with no result, or
  /// notices only.
  private static func isEmptyReport(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    if text.trimmingCharacters(in: .whitespacesAndNewlines) == "[]" { return true }
    return !text.contains("\"category\":") && !text.contains("\"ruleId\":")
  }

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard needle.count <= bytes.count else { return nil }
    var index = start
    let last = bytes.count - needle.count
    let head = needle[0]
    while index <= last {
      if bytes[index] == head && bytes[index..<index + needle.count].elementsEqual(needle) {
        return index
      }
      index += 1
    }
    return nil
  }
}
