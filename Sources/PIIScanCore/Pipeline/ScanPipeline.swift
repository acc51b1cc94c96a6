/// The parallel chunked reader: cuts every input into chunks, scans them on every core and
/// hands the results to a sink in input order.
///
/// Its jobs are types of their own (docs/ARCHITECTURE.md draws them):
/// - ``InputFeeder`` and the ``InputOpener``s decide what each input is — text, an archive, a
///   workbook — and cut text into chunks on the calling thread (a regular file's chunks are
///   only numbered there: each worker `pread`s or maps its own);
/// - ``Scheduler`` runs the workers, keeps the reorder buffer and bounds the work in flight;
/// - ``Emitter`` turns ordered results into sink calls, with ``LocationResolver`` (lines,
///   columns, records) and ``BoundarySettler`` (values that chunk boundaries cut).
public final class ScanPipeline {
  public let rules: RuleSet
  public let configuration: ScanConfiguration

  public init(rules: RuleSet, configuration: ScanConfiguration) {
    self.rules = rules
    self.configuration = configuration
  }

  /// Scans `inputs` in order, feeding `sink` on the calling thread.
  public func run(inputs: [ScanInput], sink: any FindingSink) {
    var emitter = Emitter(
      sink: sink, locate: configuration.locate, hashing: configuration.hashInputs)
    let scheduler = Scheduler(rules: rules, configuration: configuration) { emitter.emit($0) }
    emitter.release = { [unowned scheduler] in scheduler.returnBuffer($0) }
    let feeder = InputFeeder(scheduler: scheduler, configuration: configuration)
    for input in inputs { feeder.feed(input) }
    scheduler.finish()
  }
}
