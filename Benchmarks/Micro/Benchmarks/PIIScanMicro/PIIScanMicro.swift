import Benchmark
import CPIIScanKernels
import PIIScanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Micro-benchmarks of piiscan's per-value costs (Benchmarks/README.md, "Micro-benchmarks").
//
// Every benchmark declares a scaling factor of 1,000 and does 1,000 values' worth of work per
// scaled iteration: 1,000 validator calls, a scan of a buffer holding 1,000 planted values, or
// a report of a batch of 1,000 findings. The figures it prints are therefore per value.

/// Wall-clock time, allocations and values per second. Instructions need perf counters, which
/// not every machine has (`perf stat -e instructions true` tells); Benchmarks/callgrind counts
/// them. CPU time is left out: the benchmark package reads it at 10 ms resolution, far coarser
/// than one scaled iteration.
func perValue() -> Benchmark.Configuration {
  Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal, .throughput],
    timeUnits: .nanoseconds,
    warmupIterations: 3,
    scalingFactor: .kilo,
    maxDuration: .seconds(2),
    maxIterations: 100_000)
}

let benchmarks: @Sendable () -> Void = {
  validatorBenchmarks()
  scanBenchmarks()
  reporterBenchmarks()
}

/// One benchmark per validator or table lookup, over a set of 1,000 synthetic values.
func validatorBenchmarks() {
  let ids18 = PackedValues(SyntheticValues.residentIDs18())
  let ids15 = PackedValues(SyntheticValues.residentIDs15())
  let cards = PackedValues(SyntheticValues.bankCards())
  let mobiles = PackedValues(SyntheticValues.mobiles())
  let landlines = PackedValues(SyntheticValues.landlines())
  let usccs = PackedValues(SyntheticValues.usccs())
  let asOf = SyntheticValues.asOf
  let regions = RegionCodeTable.shared
  let bins = BankBINTable.shared
  let prefixes = MobilePrefixTable.shared
  let areaCodes = LandlineAreaCodes.shared

  /// A benchmark that calls `body` once for each value of `values`; its name ends with how
  /// many of the values `body` accepts, counted when the benchmarks are set up.
  func each(
    _ name: String, _ values: PackedValues, _ body: @escaping (UnsafeRawBufferPointer) -> Bool
  ) {
    let accepted = (0..<values.count).filter { body(values[$0]) }.count
    Benchmark("\(name) (\(accepted)/\(values.count) true)", configuration: perValue()) {
      benchmark in
      for index in benchmark.scaledIterations { blackHole(body(values[index])) }
    }
  }

  each("ResidentID.check18", ids18) {
    ResidentID.check18($0, asOf: asOf, regions: regions).isValid
  }
  each("ResidentID.isValid18", ids18) { ResidentID.isValid18($0, asOf: asOf, regions: regions) }
  each("ResidentID.check15", ids15) {
    ResidentID.check15($0, asOf: asOf, regions: regions).isValid
  }
  each("Luhn.isValid on bank cards", cards) { Luhn.isValid($0) }
  each("BankBINTable.lookup", cards) { bins.lookup($0) != nil }
  each("BankBINTable.decidedByFirstSix", cards) { bins.decidedByFirstSix($0) != nil }
  each("MobilePrefixTable.lookup", mobiles) { prefixes.lookup($0) != nil }
  each("MobilePrefixTable.entry(forPrefixOf:)", mobiles) {
    prefixes.entry(forPrefixOf: $0) != nil
  }
  each("MobilePrefixTable.isDecidedByFirstThree", mobiles) {
    prefixes.isDecidedByFirstThree($0)
  }
  each("LandlineAreaCodes.lookup", landlines) { areaCodes.lookup($0) != nil }
  each("LandlineAreaCodes.areaCodeLength", landlines) { areaCodes.areaCodeLength($0) != nil }
  each("USCC.isValid", usccs) { USCC.isValid($0) }
}

/// The byte kernel on its own, then whole chunk scans, over the dense table (1,000 values).
func scanBenchmarks() {
  let dense = DenseTable.bytes
  let settings = DetectionSettings(asOf: SyntheticValues.asOf)
  let all: RuleSet
  do {
    all = try RuleSet.embedded()
  } catch {
    fatalError("the embedded rules did not load: \(error)")
  }
  let strongFive: Set<String> = [
    "cn_resident_id", "cn_mobile", "cn_landline", "cn_bank_card", "email",
  ]
  let strong = all.restricted(only: strongFive, except: [])
  let emailOnly = all.restricted(only: ["email"], except: [])
  let emails = DenseTable.emailLines(count: SyntheticValues.setSize)

  // The kernel's output buffers, sized as piiscan_kernels.h asks, made once.
  let runStarts = UnsafeMutablePointer<UInt32>.allocate(capacity: dense.count / 2 + 1)
  let runLengths = UnsafeMutablePointer<UInt32>.allocate(capacity: dense.count / 2 + 1)
  let ats = UnsafeMutablePointer<UInt32>.allocate(capacity: dense.count)
  let best = String(cString: piiscan_kernel_name())
  for path in ["avx2", "sse2", "scalar"] {
    Benchmark("kernel \(path): dense table, \(dense.count) bytes", configuration: perValue()) {
      benchmark in
      guard piiscan_force_kernel(path) == 0 else {
        print("kernel \(path): this CPU cannot run it")
        return
      }
      defer { _ = piiscan_force_kernel(best) }
      var filter = piiscan_run_filter(min_run: 3, standalone_min: 10, standalone_max: 19)
      var out = piiscan_candidates(
        run_starts: runStarts, run_lengths: runLengths, run_capacity: dense.count / 2 + 1,
        run_count: 0, at_positions: ats, at_capacity: dense.count, at_count: 0,
        newline_count: 0)
      let base = dense.baseAddress!.assumingMemoryBound(to: UInt8.self)
      benchmark.startMeasurement()
      // One pass over the table per 1,000 values, as the scanner makes it.
      for _ in 0..<benchmark.scaledIterations.count / SyntheticValues.setSize {
        piiscan_scan_block(base, 0, dense.count, dense.count, &filter, &out)
        blackHole(out.run_count + out.at_count)
      }
    }
  }

  /// A chunk scan of `bytes` with `rules`, once per 1,000 scaled iterations; the name says how
  /// many findings one scan gives.
  func chunkScan(_ name: String, _ rules: RuleSet, _ bytes: UnsafeRawBufferPointer) {
    let profile = InputProfile.sniff(bytes)
    let view = ChunkView(
      bytes: bytes, base: 0, ownStart: 0, ownEnd: bytes.count, reachesEndOfInput: true)
    let found = ChunkScanner(rules: rules, settings: settings).scan(view, profile: profile)
    let label = "\(name), \(bytes.count) bytes, \(found.findings.count) findings"
    Benchmark(label, configuration: perValue()) { benchmark in
      let scanner = ChunkScanner(rules: rules, settings: settings)
      blackHole(scanner.scan(view, profile: profile).findings.count)
      benchmark.startMeasurement()
      for _ in 0..<benchmark.scaledIterations.count / SyntheticValues.setSize {
        blackHole(scanner.scan(view, profile: profile).findings.count)
      }
    }
  }

  chunkScan("chunk scan, strong five: dense table", strong, dense)
  chunkScan("chunk scan, every rule: dense table", all, dense)
  chunkScan("chunk scan, e-mail rule: 1000 addresses", emailOnly, emails)
}

/// Each reporter writing a batch of 1,000 findings (from the dense table) to /dev/null.
func reporterBenchmarks() {
  let settings = DetectionSettings(asOf: SyntheticValues.asOf)
  let rules: RuleSet
  do {
    rules = try RuleSet.embedded()
  } catch {
    fatalError("the embedded rules did not load: \(error)")
  }
  let strongFive: Set<String> = [
    "cn_resident_id", "cn_mobile", "cn_landline", "cn_bank_card", "email",
  ]
  var findings = TextScan.findings(
    in: DenseTable.text, rules: rules.restricted(only: strongFive, except: []),
    settings: settings)
  // Exactly 1,000, repeating the list if the scan gave fewer, so the figures are per finding.
  while findings.count < SyntheticValues.setSize { findings += findings }
  let batch = FindingBatch(
    input: ScanInput(path: "members.csv", kind: .regularFile, size: Int64(DenseTable.bytes.count)),
    findings: Array(findings.prefix(SyntheticValues.setSize)))
  let devNull = open("/dev/null", O_WRONLY)
  precondition(devNull >= 0, "/dev/null did not open")
  let presenter = FindingPresenter(reveal: false, asOf: SyntheticValues.asOf)
  let metadata = RunMetadata(
    toolVersion: "micro", rulesetSHA256: rules.sha256, asOf: SyntheticValues.asOf.description,
    configuration: [])

  /// A benchmark that makes a reporter with `make`, gives it the batch and finishes it, once
  /// per 1,000 scaled iterations.
  func report(_ name: String, _ make: @escaping (ReportStream) -> any Reporter) {
    Benchmark("reporter \(name): 1000 findings to /dev/null", configuration: perValue()) {
      benchmark in
      for _ in 0..<benchmark.scaledIterations.count / SyntheticValues.setSize {
        let reporter = make(ReportStream(descriptor: devNull))
        reporter.receive(batch)
        reporter.finish()
      }
    }
  }

  report("jsonl") { JSONReporter(out: $0, presenter: presenter, asArray: false) }
  report("csv") { CSVReporter(out: $0, presenter: presenter) }
  report("text") { TextReporter(out: $0, presenter: presenter) }
  report("sarif") { out in
    let aggregate = ScanAggregate()
    return SARIFReporter(
      out: out, presenter: presenter, metadata: metadata, aggregate: aggregate,
      summary: { RunSummary() })
  }
}
