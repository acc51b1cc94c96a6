import Foundation
import Testing

/// One labelled sample taken through every form a dump arrives in: the same findings
/// (category, value, line) as from the plain original, with the member named.
@Suite(.serialized) struct InputFormsTests {
  static let original = "samples/data/csv/customers.csv"

  /// "category value line" of each finding, in order.
  static func findings(_ arguments: [String]) throws -> (
    keys: [String], members: Set<String>, result: Binary.Result
  ) {
    let result = try Binary.run(
      ["scan", "--format", "jsonl", "--reveal", "--as-of", "2026-11-29"] + arguments)
    var keys: [String] = []
    var members = Set<String>()
    for line in result.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      guard let category = object["category"] as? String else { continue }
      keys.append("\(category) \(object["value"]!) \(object["line"]!)")
      if let member = object["member"] as? String { members.insert(member) }
    }
    return (keys, members, result)
  }

  static func shell(_ command: String, in directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = directory
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CocoaError(
        .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "failed: \(command)"])
    }
  }

  /// A temporary folder holding the sample as `customers.csv` in `db/`.
  static func workspace(_ name: String) throws -> URL {
    let directory = try Binary.temporaryDirectory(name)
    let db = directory.appendingPathComponent("db")
    try FileManager.default.createDirectory(at: db, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent(original),
      to: db.appendingPathComponent("customers.csv"))
    return directory
  }

  static let expected: [String] = try! findings([original]).keys

  @Test(arguments: [
    ("gzip -c db/customers.csv > f", ["customers.csv"]),
    ("bzip2 -c db/customers.csv > f", []),
    ("xz -c db/customers.csv > f", []),
    ("zstd -q -c db/customers.csv > f", []),
    ("zip -q -r f.zip db && mv f.zip f", ["db/customers.csv"]),
    ("tar cf f db", ["db/customers.csv"]),
    ("tar czf f db", ["db/customers.csv"]),
    ("zip -q -r inner.zip db && tar czf f inner.zip", ["inner.zip!db/customers.csv"]),
  ])
  func sameFindingsThroughEveryContainer(command: String, members: [String]) throws {
    let directory = try Self.workspace("forms")
    try Self.shell(command, in: directory)
    // Named "f": the container is recognised by its magic bytes, never by its name.
    let found = try Self.findings([directory.appendingPathComponent("f").path])
    #expect(found.result.status == 1, "\(found.result.stderr)")
    #expect(found.keys == Self.expected, "\(command)")
    #expect(found.members == Set(members), "\(command)")
  }

  /// Each encoding: the same category, value, line and column as the UTF-8 original, and
  /// offsets that point at the value's own bytes in the stored (encoded) file.
  @Test(arguments: [
    ("iconv -f UTF-8 -t GB18030 db/customers.csv > f", "GB18030"),
    ("iconv -f UTF-8 -t UTF-16LE db/customers.csv > f", "UTF-16LE"),
    ("(printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE db/customers.csv) > f", "UTF-16"),
    ("iconv -f UTF-8 -t UTF-16BE db/customers.csv > f", "UTF-16BE"),
    ("(printf '\\376\\377'; iconv -f UTF-8 -t UTF-16BE db/customers.csv) > f", "UTF-16"),
    (
      "(head -40 db/customers.csv; tail -n +41 db/customers.csv | iconv -f UTF-8 -t GB18030) > f",
      "mixed"
    ),
    ("iconv -f UTF-8 -t GB18030 db/customers.csv | gzip > f", "gzip"),
  ])
  func sameFindingsInEveryEncoding(command: String, encoding: String) throws {
    let directory = try Self.workspace("encodings")
    try Self.shell(command, in: directory)
    let path = directory.appendingPathComponent("f").path
    let result = try Binary.run([
      "scan", "--format", "jsonl", "--reveal", "--as-of", "2026-11-29", path,
    ])
    let stored = try Data(contentsOf: URL(fileURLWithPath: path))
    var keys: [String] = []
    var columnsSeen: [String] = []
    for line in result.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      guard let category = object["category"] as? String, let value = object["value"] as? String
      else { continue }
      keys.append("\(category) \(value) \(object["line"]!)")
      columnsSeen.append("\(object["line"]!):\(object["column"]!)")
      guard encoding != "gzip" else { continue }
      let offset = object["offset"] as! Int
      let length = object["length"] as! Int
      let raw = stored.subdata(in: offset..<offset + length)
      if encoding.hasPrefix("UTF-16") {
        // UTF-16 decodes exactly: the stored bytes are the value as written.
        let bigEndian = encoding == "UTF-16BE" || (encoding == "UTF-16" && stored.first == 0xFE)
        let decoded =
          String(data: raw, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian) ?? ""
        let digits = { (text: String) in
          text.filter { $0.isNumber || $0.isLetter || $0 == "@" || $0 == "." }
        }
        #expect(
          decoded.uppercased() == value.uppercased()
            || digits(decoded).uppercased().contains(digits(value).uppercased()),
          "\(encoding): \(value) at \(offset)+\(length) reads \(decoded)")
      } else if value.allSatisfy(\.isASCII) {
        // GB18030 keeps ASCII as is: the value's letters and digits are in the stored bytes
        // (a landline's extension may follow).
        let ascii = String(
          decoding: raw.filter {
            $0 < 0x80
              && ($0 >= 0x30 && $0 <= 0x39 || $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A || $0 == 0x40
                || $0 == 0x2E)
          }, as: UTF8.self)
        let wanted = value.filter { $0.isNumber || $0.isLetter || $0 == "@" || $0 == "." }
        #expect(
          ascii.uppercased().contains(wanted.uppercased()),
          "\(encoding): \(value) at \(offset)+\(length) reads \(ascii)")
      }
    }
    #expect(keys == Self.expected, "\(encoding)")
    let original = try Binary.run([
      "scan", "--format", "jsonl", "--reveal", "--as-of", "2026-11-29", Self.original,
    ])
    var originalColumns: [String] = []
    for line in original.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      originalColumns.append("\(object["line"]!):\(object["column"]!)")
    }
    #expect(columnsSeen == originalColumns, "\(encoding): columns")
  }

  @Test func undecodableBytesAreCountedAndTheRestIsRead() throws {
    let directory = try Self.workspace("invalid")
    try Self.shell(
      "(iconv -f UTF-8 -t GB18030 db/customers.csv | head -c 2000; printf '\\201\\377\\201\\377'; "
        + "iconv -f UTF-8 -t GB18030 db/customers.csv | tail -c +2001) > f", in: directory)
    let result = try Binary.run(["scan", "--count", directory.appendingPathComponent("f").path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("could not be decoded"), "\(result.stderr)")
    #expect(result.stdout.contains("cn_resident_id"))
  }

  @Test func standardInputCanBeCompressed() throws {
    let directory = try Self.workspace("stdin")
    try Self.shell("gzip -c db/customers.csv > f.gz", in: directory)
    let data = try Data(contentsOf: directory.appendingPathComponent("f.gz"))
    let result = try Binary.run(["scan", "--count", "-"], input: data)
    #expect(result.status == 1)
    #expect(result.stdout.contains("<stdin>!customers.csv"))
  }

  @Test func truncatedCorruptAndBombAreNamedAndTheRestIsScanned() throws {
    let directory = try Self.workspace("broken")
    try Self.shell(
      """
      gzip -c db/customers.csv > full.gz && head -c 4000 full.gz > truncated.gz
      zip -q -r good.zip db && cp good.zip corrupt.zip
      printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | dd of=corrupt.zip bs=1 seek=200 conv=notrunc 2>/dev/null
      yes 13912345670 | head -c 300000000 > lines && zip -q bomb.zip lines && rm lines
      """, in: directory)
    let result = try Binary.run([
      "scan", "--count", directory.appendingPathComponent("truncated.gz").path,
      directory.appendingPathComponent("corrupt.zip").path,
      directory.appendingPathComponent("bomb.zip").path,
      directory.appendingPathComponent("db/customers.csv").path,
    ])
    // The decodable start of the cut gzip is scanned as its member, which the notice names.
    #expect(result.stderr.contains("truncated.gz!customers.csv: cut short"), "\(result.stderr)")
    #expect(result.stderr.contains("corrupt.zip"), "\(result.stderr)")
    #expect(
      result.stderr.contains("bomb.zip!lines: stopped: decompression ratio exceeds"),
      "\(result.stderr)")
    #expect(result.stdout.contains("db/customers.csv"))
    #expect(result.status == 2)
  }

  @Test func noticesAreInTheMachineReadableOutput() throws {
    let directory = try Self.workspace("notices")
    try Self.shell("head -c 4000 /bin/sh > program && ln -s . loop", in: directory)
    let result = try Binary.run(["scan", "--format", "jsonl", "--follow", directory.path])
    let notices = result.stdout.split(separator: "\n").filter { $0.contains("\"notice\"") }
    #expect(notices.contains { $0.contains("\"notice\":\"binary\"") && $0.contains("program") })
    #expect(notices.contains { $0.contains("loop") && $0.contains("directory loop") })
    #expect(result.stderr.contains("program: skipped: binary content"))
  }

  @Test func binaryFilesAreScannedOnRequest() throws {
    let directory = try Self.workspace("binary")
    try Self.shell("printf 'ID\\0\\0\\0 110101199003071233 \\1\\2\\3' > blob", in: directory)
    let path = directory.appendingPathComponent("blob").path
    #expect(try Binary.run(["scan", "--count", path]).status == 0)
    let scanned = try Binary.run(["scan", "--count", "--binary", path])
    #expect(scanned.status == 1)
    #expect(scanned.stdout.contains("cn_resident_id"))
  }
}
