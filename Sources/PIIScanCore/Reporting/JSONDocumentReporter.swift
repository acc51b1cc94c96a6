/// `--format json`: one JSON object carrying the run's metadata, its findings and its summary:
///
/// ```
/// {"tool":{"name":"piiscan","version":…,"ruleset_sha256":…},
///  "run":{"as_of":…,"configuration":{…}},
///  "findings":[ …the objects of --format jsonl, notices among them… ],
///  "summary":{"inputs":…,"bytes":…,"findings":…,"failing":…,"by_category":{…},
///             "suppressed":{…},"filtered":{…},"notices":{…}}}
/// ```
///
/// Earlier versions wrote the `findings` array alone; a consumer of that array reads
/// `.findings` now (README.md says so). `--format jsonl` is unchanged: one object per line,
/// no metadata, so that line-oriented consumers keep working.
public final class JSONDocumentReporter: Reporter {
  private let out: ReportStream
  private let findings: JSONReporter
  private let summary: () -> RunSummary

  public init(
    out: ReportStream, presenter: FindingPresenter, metadata: RunMetadata,
    summary: @escaping () -> RunSummary
  ) {
    self.out = out
    self.summary = summary
    out.write("{\"tool\":\(metadata.toolJSON),\"run\":\(metadata.runJSON),\"findings\":")
    findings = JSONReporter(out: out, presenter: presenter, asArray: true)
  }

  public func receive(_ batch: FindingBatch) { findings.receive(batch) }

  public func receive(_ event: ScanEvent) { findings.receive(event) }

  public func finish() {
    findings.finish()  // closes the array and its line
    out.write(",\"summary\":" + summary().json + "}\n")
    out.flush()
  }
}
