import Foundation
import PIIScanEvaluation

// piiscan-corpus: the deterministic synthetic-data generator of piiscan.
//
// An independent oracle: it does not import PIIScanCore (see CheckDigits.swift).
// Arguments are parsed by hand to keep the target free of dependencies.

let helpText = """
  piiscan-corpus: deterministic synthetic data for piiscan (every value is synthetic)

  USAGE
    piiscan-corpus samples --out DIR [--seed N] [--tables SOURCE]
    piiscan-corpus score --labels LABELS.jsonl --findings FINDINGS.jsonl
                         [--path-prefix PREFIX] [--categories A,B,...]
    piiscan-corpus bench --bytes SIZE --out FILE [--density dense|mixed|sparse] [--seed N]
                         [--truth FILE] [--valid-utf8] [--tables SOURCE]
    piiscan-corpus --help

  samples
    Writes the labelled sample set into DIR: under DIR/data csv/customers.csv,
    csv/members_pinyin.csv, sql/dump.sql, jsonl/users.jsonl, logs/app.log, text/combo.txt,
    text/profiles.txt, text/prose.txt, text/decoys.txt, csv/hotel_checkins.csv,
    csv/cdr.tsv, csv/vehicles.csv, jsonl/orders.jsonl, jsonl/messages.jsonl,
    jsonl/candidates.jsonl, sql/bank.sql, text/documents.txt, text/notes.txt and
    xlsx/employees.xlsx (a two-sheet workbook); DIR/labels/labels.jsonl (one JSON object
    per planted value: path relative to DIR/data, member (the sheet, for the workbook),
    line (the row), column, category, value, valid, reason), DIR/labels/decoys.jsonl
    (planted hard negatives: path, member, line, column, kind, text) and DIR/README.md
    (what each file holds, counts per category, the command to regenerate).

  score
    Compares `piiscan scan --format jsonl --reveal` output with labels and prints precision
    and recall per category. A finding counts when a label has the same path, line,
    category, normalised value and validity. --path-prefix is removed from the findings'
    paths first (e.g. samples/data/); --categories limits the table.

  bench
    Writes a large corpus of at least SIZE bytes to FILE for throughput benchmarks, at
    one of three densities of personal information (--density, default mixed):

    mixed: blocks of Chinese and English prose, CSV, SQL extended inserts, JSON
    Lines and logs, with PI at dump-like densities (per line: 2 % an 18-digit ID, 2 % a
    mobile, 1 % an e-mail, 1 % a bank card, 0.5 % a landline, about 10 % of them
    invalid), decoys at similar rates, some CRLF blocks, a few very long lines (one SQL
    insert of at least 4 MiB; above 64 MiB also a 5 MiB JSON line and, above 256 MiB,
    a 10.5 MiB SQL line), a few bytes of invalid UTF-8 on unlabelled lines every 37 MiB
    (none with --valid-utf8), and a planted ID number straddling every power-of-two
    offset from 64 KiB and every multiple of 1 MiB (its 10th byte at the boundary).

    dense: leaked dumps, every line but a header personal, about one value per 40
    bytes: member tables in CSV (Chinese and pinyin headers), SQL extended inserts of
    20-120 tuples under their CREATE TABLE, JSON Lines waybills (sender and receiver),
    `----` combo lists and logs with a value on every line; 18-digit IDs, mobiles,
    landlines, bank cards and e-mails (about a tenth of the IDs, mobiles and cards
    invalid, a few IDs and mobiles masked) with the soft fields around them (name,
    gender, birth date, ethnicity, address) and decoys (snowflake ids, order numbers,
    millisecond timestamps, trace ids).

    sparse: documents, English text and application logs in which about 1 % of lines
    carry one strong identifier after its cue word (about a tenth of the IDs, mobiles
    and cards invalid); invalid UTF-8 as in mixed.

    SIZE is bytes, or a number with K, M or G (binary: 500M = 500 MiB). Generation
    stops at the first record end at or after SIZE. --truth FILE writes the planted
    values as labels in the samples' format (path = the corpus file name; decoys are
    not labelled; soft values are labelled in dense output only).

  OPTIONS
    --seed N         seed of the pseudo-random generator (default 20261129); the same
                     seed and tables give byte-identical output on every machine
    --tables SOURCE  reference tables for region codes, mobile prefixes, area codes and
                     BINs: "embedded" (default: the subsets compiled into the binary, so
                     output does not depend on the machine), "auto" (Patterns/tables/*.tsv
                     of the repository if present, else /work/shared/data, else embedded),
                     or a directory holding either set of files
    -h, --help       this text

  EXIT STATUS
    0 success, 1 bad arguments, 2 an output could not be written
  """

struct Options {
  var command = ""
  var out: String?
  var seed: UInt64 = 20_261_129
  var bytes: Int?
  var truth: String?
  var labels: String?
  var findings: String?
  var pathPrefix = ""
  var categories: Set<String>?
  var tables = "embedded"
  var validUTF8 = false
  var density = BenchDensity.mixed
}

func parseSize(_ text: String) -> Int? {
  var s = text.uppercased()
  for suffix in ["IB", "B"] where s.hasSuffix(suffix) && s.count > suffix.count {
    s.removeLast(suffix.count)
  }
  var multiplier = 1
  if let last = s.last, let power = ["K": 1, "M": 2, "G": 3, "T": 4][String(last)] {
    multiplier = 1 << (10 * power)
    s.removeLast()
  }
  guard let n = Int(s), n > 0 else { return nil }
  return n * multiplier
}

func fail(_ message: String, status: Int32 = 1) -> Never {
  FileHandle.standardError.write(Data(("piiscan-corpus: " + message + "\n").utf8))
  exit(status)
}

func parse(_ args: [String]) -> Options {
  var o = Options()
  var i = 0
  func value(_ flag: String) -> String {
    i += 1
    guard i < args.count else { fail("\(flag) needs a value (see --help)") }
    return args[i]
  }
  while i < args.count {
    let a = args[i]
    switch a {
    case "-h", "--help", "help":
      print(helpText)
      exit(0)
    case "samples", "bench", "score":
      guard o.command.isEmpty else { fail("unexpected argument \(a)") }
      o.command = a
    case "--out", "-o": o.out = value(a)
    case "--seed":
      let v = value(a)
      guard let seed = UInt64(v) else { fail("--seed must be a non-negative integer, got \(v)") }
      o.seed = seed
    case "--bytes":
      let v = value(a)
      guard let n = parseSize(v) else { fail("--bytes must be a size such as 500M, got \(v)") }
      o.bytes = n
    case "--truth": o.truth = value(a)
    case "--labels": o.labels = value(a)
    case "--findings": o.findings = value(a)
    case "--path-prefix": o.pathPrefix = value(a)
    case "--categories": o.categories = Set(value(a).split(separator: ",").map(String.init))
    case "--tables": o.tables = value(a)
    case "--valid-utf8": o.validUTF8 = true
    case "--density":
      let v = value(a)
      guard let density = BenchDensity(rawValue: v) else {
        fail("--density must be dense, mixed or sparse, got \(v)")
      }
      o.density = density
    default: fail("unknown argument \(a) (see --help)")
    }
    i += 1
  }
  return o
}

/// The repository root, found from this file's path (Sources/piiscan-corpus/main.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

func loadTables(_ spec: String) -> ReferenceTables {
  let fm = FileManager.default
  let source: ReferenceTables.Source
  switch spec {
  case "embedded":
    source = .embedded
  case "auto":
    let patterns = repositoryRoot.appendingPathComponent("Patterns/tables")
    let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    if fm.fileExists(atPath: patterns.appendingPathComponent("cn-region-codes.tsv").path) {
      source = .directory(patterns)
    } else if fm.fileExists(atPath: shared.appendingPathComponent("cn_region_codes_union.csv").path)
    {
      source = .directory(shared)
    } else {
      source = .embedded
    }
  default:
    source = .directory(URL(fileURLWithPath: spec))
  }
  do {
    let tables = try ReferenceTables.load(source)
    if spec != "embedded" {
      FileHandle.standardError.write(Data("piiscan-corpus: \(tables.source)\n".utf8))
    }
    return tables
  } catch {
    fail("cannot load tables: \(error)")
  }
}

let options = parse(Array(CommandLine.arguments.dropFirst()))
switch options.command {
case "samples":
  guard let out = options.out else { fail("samples needs --out DIR") }
  let tables = loadTables(options.tables)
  var command = "samples --out samples --seed \(options.seed)"
  if options.tables != "embedded" { command += " --tables \(options.tables)" }
  let set = SampleSet(
    context: SampleContext(seed: options.seed, tables: tables), tables: tables, seed: options.seed,
    command: command)
  do {
    try set.write(to: URL(fileURLWithPath: out))
  } catch {
    fail("cannot write samples to \(out): \(error)", status: 2)
  }
case "bench":
  guard let out = options.out else { fail("bench needs --out FILE") }
  guard let bytes = options.bytes else { fail("bench needs --bytes SIZE") }
  let tables = loadTables(options.tables)
  do {
    var bench = try BenchCorpus(
      seed: options.seed, tables: tables, outputPath: out, truthPath: options.truth,
      includeInvalidUTF8: !options.validUTF8, density: options.density)
    let written = try bench.run(targetBytes: bytes)
    FileHandle.standardError.write(Data("piiscan-corpus: wrote \(written) bytes to \(out)\n".utf8))
  } catch {
    fail("cannot write \(out): \(error)", status: 2)
  }
case "score":
  guard let labelsPath = options.labels, let findingsPath = options.findings else {
    fail("score needs --labels FILE and --findings FILE")
  }
  do {
    let labels = try Scoring.readJSONLines(
      PIIScanEvaluation.Label.self, from: Data(contentsOf: URL(fileURLWithPath: labelsPath)))
    var findings = try Scoring.readJSONLines(
      ReportedFinding.self, from: Data(contentsOf: URL(fileURLWithPath: findingsPath)))
    for index in findings.indices where findings[index].path.hasPrefix(options.pathPrefix) {
      findings[index].path.removeFirst(options.pathPrefix.count)
    }
    print(
      Scoring.table(
        Scoring.score(labels: labels, findings: findings, categories: options.categories)),
      terminator: "")
  } catch {
    fail("cannot score: \(error)", status: 2)
  }
default:
  print(helpText)
  exit(options.command.isEmpty ? 1 : 0)
}
