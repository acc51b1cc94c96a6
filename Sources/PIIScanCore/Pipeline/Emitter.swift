/// Turns the scheduler's ordered results into what the sink receives: findings located and
/// settled, notices, and each input's summary.
struct Emitter {
  let sink: any FindingSink
  let locate: Bool
  /// Whether inputs are hashed as their chunks go by (``ScanConfiguration/hashInputs``).
  let hashing: Bool
  /// Gives a read buffer back to the pool once its chunk is hashed.
  var release: (ReadBuffer) -> Void = { _ in }
  private var summary = InputSummary()
  private var digest = InputDigest()
  /// Whether the current input's chunks are what is hashed (a stream read by the feeder is
  /// hashed there, as its bytes go by).
  private var hashesChunks = false
  private var format: String?
  private var encoding: String?
  private var location = LocationResolver()
  private var overlaps = BoundarySettler()
  private var bytesDone: Int64 = 0

  init(sink: any FindingSink, locate: Bool, hashing: Bool = false) {
    self.sink = sink
    self.locate = locate
    self.hashing = hashing
  }

  mutating func emit(_ item: Completed) {
    switch item {
    case .marker(.started(let input, let profile)):
      summary = InputSummary()
      location = LocationResolver()
      overlaps = BoundarySettler()
      digest = InputDigest()
      hashesChunks = hashing && (input.kind == .regularFile || input.kind == .member)
      format = profile.isSheet ? "sheet" : profile.format.rawValue
      let report = profile.encoding
      encoding = report.encoding.rawValue + (report.mixedLines ? "+gbk-lines" : "")
      sink.receive(.started(input))
    case .marker(.described(let input, let facts)):
      sink.receive(.described(input, facts))
    case .marker(.finished(let input, let error)):
      let held = overlaps.finish()
      if !held.isEmpty { sink.receive(FindingBatch(input: input, findings: held)) }
      if let error, summary.error == nil { summary.error = error }
      if let error = summary.error { sink.receive(.notice(input, NoticeText.unreadable(error))) }
      for notice in NoticeText.endOfInput(summary) { sink.receive(.notice(input, notice)) }
      if hashing {
        summary.facts = InputFacts(
          sha256: hashesChunks ? digest.hex() : nil,
          bytes: hashesChunks ? digest.bytes : summary.bytes, format: format, encoding: encoding)
      }
      sink.receive(.finished(input, summary))
    case .marker(.notice(let input, let notice)):
      sink.receive(.notice(input, notice))
    case .marker(.failed(let input, let error)):
      var failed = InputSummary()
      failed.error = error
      sink.receive(.notice(input, NoticeText.unreadable(error)))
      sink.receive(.finished(input, failed))
    case .chunk(let input, var result, let owned):
      if let owned {
        if hashesChunks { digest.update(owned.bytes) }
        if let buffer = owned.owner as? ReadBuffer { release(buffer) }
      }
      if locate { location.resolve(&result) }
      summary.bytes += Int64(result.ownedBytes)
      summary.undecodable += result.undecodable
      for (rule, count) in result.stoppedSearches {
        summary.stoppedSearches[rule, default: 0] += count
      }
      if let error = result.readError, summary.error == nil { summary.error = error }
      bytesDone += Int64(result.ownedBytes)
      let ready = overlaps.settle(result.findings, ownedEnd: result.ownedEnd)
      if !ready.isEmpty { sink.receive(FindingBatch(input: input, findings: ready)) }
      sink.receive(.progress(bytes: bytesDone))
    case .chunkFailed(_, let error):
      if summary.error == nil { summary.error = error }
    }
  }
}
