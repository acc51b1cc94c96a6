import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files whose names are not UTF-8 — GBK names from Chinese Windows disks — are scanned, and
/// reports show their names decoded, or escaped where they do not decode (issue 8, class 2).
@Suite struct NonUTF8PathTests {
  static let asOf = "2026-11-29"

  /// A directory tree with GBK names, made with the names' own bytes.
  static func makeTree() throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-gbk-\(getpid())-\(UUID().uuidString.prefix(6))")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    func bytes(_ path: [UInt8]) -> [CChar] { (path + [0]).map { CChar(bitPattern: $0) } }
    let base = Array(root.path.utf8)
    // 客户资料 / 会员名单.csv and 手机号.txt in GBK; a name with bytes no encoding explains.
    let directory = base + [0x2F] + [0xBF, 0xCD, 0xBB, 0xA7, 0xD7, 0xCA, 0xC1, 0xCF]
    #expect(mkdir(bytes(directory), 0o755) == 0)
    let files: [([UInt8], String)] = [
      (
        directory + [0x2F] + [0xBB, 0xE1, 0xD4, 0xB1, 0xC3, 0xFB, 0xB5, 0xA5] + Array(".csv".utf8),
        "姓名,身份证号\n张伟,110101199003071233\n"
      ),
      (base + [0x2F] + [0xCA, 0xD6, 0xBB, 0xFA, 0xBA, 0xC5] + Array(".txt".utf8), "13912345670\n"),
      (base + [0x2F] + Array("bad".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), "13912345671\n"),
    ]
    for (name, text) in files {
      let fd = open(bytes(name), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      #expect(fd >= 0)
      _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    return root
  }

  @Test func aTreeWithGBKNamesIsScannedWholeInEveryFormat() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let expected = [
      root.path + "/bad\\xFF\\xFE.txt", root.path + "/客户资料/会员名单.csv", root.path + "/手机号.txt",
    ]
    let jsonl = try Binary.run(["scan", root.path, "--format", "jsonl", "--as-of", Self.asOf])
    #expect(jsonl.status == 1, "\(jsonl.stderr)")
    #expect(jsonl.stderr.isEmpty)
    var paths: [String] = []
    for line in jsonl.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      if let path = object?["path"] as? String, !paths.contains(path) { paths.append(path) }
    }
    // The JSON string holds the backslash of the escape itself.
    #expect(paths == expected)
    for format in ["text", "csv"] {
      let output = try Binary.run(["scan", root.path, "--format", format, "--as-of", Self.asOf])
      for path in expected { #expect(output.stdout.contains(path), "\(format): \(path)") }
    }
    let count = try Binary.run(["scan", "--count", root.path, "--as-of", Self.asOf])
    for path in expected { #expect(count.stdout.contains(path), "count: \(path)") }
  }

  @Test func aGBKNameGivenOnTheCommandLineIsOpened() throws {
    let root = try Self.makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    // A shell builds the argument from the GBK bytes themselves (手机号.txt), as a command line
    // on such a disk holds it.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c",
      #""$0" scan --format jsonl --as-of 2026-11-29 "$(printf '%s/\312\326\273\372\272\305.txt' "$1")""#,
      Binary.productsDirectory.appendingPathComponent("piiscan").path, root.path,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(text.contains("\"path\":\"\(root.path)/手机号.txt\""), "\(text)")
    #expect(text.contains("\"category\":\"cn_mobile\""))
  }
}
