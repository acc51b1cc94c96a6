import FuzzSupport
import PIIScanArchive
import PIIScanCore
import PIIScanSheets

#if canImport(Glibc)
  import Glibc
#endif

/// The whole scan pipeline on any input, written to a file, through PIIScanCore's public API
/// (ScanPipeline, FindingSink) in this one file, so that it is easy to adapt when the pipeline
/// changes.
///
/// Oracle (README.md: "output never depends on it"; Sources/PIIScanCore/Reading/StreamChunker.swift:
/// a stream is cut into "the same chunks ChunkLayout gives a file of the same bytes"): the same
/// findings, notices and input summaries whatever the chunk size and thread count, and, for
/// text, whether the file is read at any offset or as a stream.
///
/// `PIISCAN_FUZZ_SKIP_UNDECODABLE=1` leaves the count of undecodable bytes out of the
/// comparison, for as long as issue 8's class 6 (that count depends on the chunk size) is open.
let rules = try! RuleSet.embedded()
let describer = FindingDescriber(asOf: CivilDate(iso: "2026-11-29")!)
let detection = DetectionSettings(asOf: CivilDate(iso: "2026-11-29")!)
let skipUndecodable = getenv("PIISCAN_FUZZ_SKIP_UNDECODABLE").map { String(cString: $0) } == "1"
let path = "/tmp/piiscan-fuzz-pipeline-\(getpid()).bin"

/// Loads the rules before the first input, so that what loading allocates for good is not
/// taken for a leak of that input.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>?,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
  _ = rules.rules.count
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = bytes(data, size)
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
  require(descriptor >= 0, "cannot write \(path)")
  if size > 0 { require(write(descriptor, data, size) == size, "short write to \(path)") }
  close(descriptor)

  // A small chunk size: 1 to 97 bytes for a small input; for a larger one, 2 to 15 chunks, so
  // that each input costs a few whole scans (every chunk is scanned with its context).
  let last = size > 0 ? Int(input[size - 1]) : 0
  let small = size <= 512 ? 1 + last % 97 : size / (2 + last % 14) + last % 7
  let reference = scan(.regularFile, chunkSize: 1 << 20, threads: 1)
  let cut = scan(.regularFile, chunkSize: small, threads: 2)
  require(
    reference == cut,
    "chunk size \(small) with 2 threads differs from one chunk:\n"
      + difference(reference, cut))
  // Containers are read differently from a stream (zip without its central directory, 7z not
  // at all), so only text is compared with its stream reading.
  if ContainerSniffer.kind(of: input) == .plain && !SpreadsheetKind.isXLS(input) {
    let streamed = scan(.stream, chunkSize: small, threads: 1)
    require(
      reference == streamed, "the stream reading differs:\n" + difference(reference, streamed))
  }
  return 0
}

/// Everything a scan reports, one line per event.
func scan(_ kind: ScanInput.Kind, chunkSize: Int, threads: Int) -> [String] {
  var configuration = ScanConfiguration(
    threads: threads, layout: ChunkLayout(chunkSize: chunkSize), detection: detection)
  configuration.scanBinary = true
  configuration.archiveLimits = ArchiveLimits(
    maxTotalBytes: 16 << 20, maxRatio: 200, maxDepth: 6, ratioCheckThreshold: 1 << 20)
  let sink = RecordingSink()
  let input = ScanInput(path: path, kind: kind, size: nil)
  ScanPipeline(rules: rules, configuration: configuration).run(inputs: [input], sink: sink)
  return sink.events
}

func difference(_ a: [String], _ b: [String]) -> String {
  let index =
    zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(a.count, b.count)
  return "event \(index):\n  \(index < a.count ? a[index] : "(none)")\n"
    + "  \(index < b.count ? b[index] : "(none)")"
}

/// Keeps a description of every event in order.
final class RecordingSink: FindingSink {
  var events: [String] = []

  func receive(_ batch: FindingBatch) {
    let member = batch.input.member ?? ""
    for finding in batch.findings {
      let description = describer.describe(finding)
      events.append(
        "\(member) \(finding.offset)+\(finding.length) \(finding.rule.id) "
          + "\(finding.value) \(finding.valid) \(description.reason ?? "") "
          + "\(finding.confidence) \(finding.line):\(finding.column) @\(finding.record)"
          + description.details.map { " \($0.key)=\($0.value)" }.joined())
    }
  }

  func receive(_ event: ScanEvent) {
    switch event {
    case .started(let input):
      events.append("start \(input.member ?? "")")
    case .notice(let input, let notice):
      if skipUndecodable && notice.kind == .undecodable { return }
      events.append("notice \(input.member ?? "") \(notice.kind) \(notice.message)")
    case .finished(let input, let summary):
      events.append(
        "finish \(input.member ?? "") \(summary.bytes) "
          + "\(skipUndecodable ? "-" : String(summary.undecodable)) "
          + "\(summary.error?.message ?? "")")
    case .described, .progress:
      break
    }
  }
}
