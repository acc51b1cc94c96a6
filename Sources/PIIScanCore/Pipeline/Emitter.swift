/// Turns the scheduler's ordered results into what the sink receives: findings located and
/// settled, notices, and each input's summary.
struct Emitter {
  let sink: any FindingSink
  let locate: Bool
  private var summary = InputSummary()
  private var location = LocationResolver()
  private var overlaps = BoundarySettler()
  private var bytesDone: Int64 = 0

  init(sink: any FindingSink, locate: Bool) {
    self.sink = sink
    self.locate = locate
  }

  mutating func emit(_ item: Completed) {
    switch item {
    case .marker(.started(let input)):
      summary = InputSummary()
      location = LocationResolver()
      overlaps = BoundarySettler()
      sink.receive(.started(input))
    case .marker(.finished(let input, let error)):
      let held = overlaps.finish()
      if !held.isEmpty { sink.receive(FindingBatch(input: input, findings: held)) }
      if let error, summary.error == nil { summary.error = error }
      if let error = summary.error { sink.receive(.notice(input, NoticeText.unreadable(error))) }
      for notice in NoticeText.endOfInput(summary) { sink.receive(.notice(input, notice)) }
      sink.receive(.finished(input, summary))
    case .marker(.notice(let input, let notice)):
      sink.receive(.notice(input, notice))
    case .marker(.failed(let input, let error)):
      var failed = InputSummary()
      failed.error = error
      sink.receive(.notice(input, NoticeText.unreadable(error)))
      sink.receive(.finished(input, failed))
    case .chunk(let input, var result):
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
