import Foundation
import Testing

/// The HTML sizing report as a reader sees it: opened in headless Chromium (Debian's
/// `chromium`; `make test` installs it when missing, and these tests are skipped without it),
/// the page the browser built (`--dump-dom`) must show the JSON report's figures, fetch
/// nothing (Chromium's network log), print on A4 (`--print-to-pdf`), and a screenshot of it is
/// kept under `.build/artefacts/` for a person to look at. One golden file per language keeps
/// the page from changing unnoticed.
@Suite(
  .serialized, .enabled(if: Chromium.executable != nil, "needs chromium (make test installs it)"))
struct HTMLReportBrowserTests {
  static let asOf = "2026-11-29"

  /// The labelled samples plus an input that cannot be read in full (a gzip stream cut in
  /// half), so the page has a notice to show.
  static let tree: URL = {
    let root = try! Binary.temporaryDirectory("html")
    let data = root.appendingPathComponent("data")
    try! FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent("samples/data"), to: data)
    let csv = try! Data(contentsOf: data.appendingPathComponent("csv/customers.csv"))
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = [
      "-c", "gzip -9 -n -c \"$0\" | head -c 4000 > \"$1\"",
      data.appendingPathComponent("csv/customers.csv").path,
      root.appendingPathComponent("cut.csv.gz").path,
    ]
    try! gzip.run()
    gzip.waitUntilExit()
    precondition(csv.count > 8000)
    return root
  }()

  /// The JSON report and the HTML page of the same run shape, in `language`.
  static func reports(_ language: String) throws -> (json: [String: Any], html: URL) {
    let directory = try Binary.temporaryDirectory("html-\(language)")
    let html = directory.appendingPathComponent("report.html")
    let arguments = ["size", tree.path, "--as-of", asOf]
    let page = try Binary.run(
      arguments + ["--format", "html", "--lang", language, "-o", html.path])
    // 1: personal information found; 2: and an input could not be read in full.
    #expect(page.status == 1 || page.status == 2, "\(page.stderr)")
    let json = try Binary.run(arguments + ["--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    return (object, html)
  }

  // MARK: What the page shows

  @Test(arguments: ["zh", "en"])
  func thePageShowsTheFiguresOfTheJSONReport(language: String) throws {
    let (json, html) = try Self.reports(language)
    let dom = try Chromium.dumpDOM(html)
    let page = try #require(HTMLFragment(dom))
    let zh = language == "zh"

    // The case summary: headline figures, the score and its verdicts.
    let persons = json["persons"] as! [String: Any]
    let records = json["records"] as! [String: Any]
    let score = json["score"] as! [String: Any]
    #expect(page.text(id: "persons-distinct")?.contains(grouped(persons["distinct"])) == true)
    #expect(page.text(id: "records-total")?.contains(grouped(records["total"])) == true)
    #expect(page.text(id: "records-distinct")?.contains(grouped(records["distinct"])) == true)
    let scoreText = try #require(page.text(id: "score"))
    #expect(scoreText.contains(score["value"] as! String))
    #expect(
      scoreText.contains("\(grouped(score["numerator"])) / \(grouped(score["denominator"]))"))
    let yes = zh ? "是" : "yes"
    let no = zh ? "否" : "no"
    #expect(page.text(id: "serious")?.hasSuffix(score["serious"] as! Bool ? yes : no) == true)
    #expect(
      page.text(id: "esp-serious")?.hasSuffix(score["especially_serious"] as! Bool ? yes : no)
        == true)
    let disclaimer = (json["disclaimer"] as! [String: String])[language]!
    #expect(page.text(id: "disclaimer")?.contains(disclaimer) == true)
    #expect(disclaimer.contains(zh ? "参考计算，不构成法律意见" : "not legal advice"))
    #expect(page.text(id: "legal-basis")?.contains(zh ? "第五条" : "Art. 5") == true)

    // The tier table: threshold, persons and records of each tier, then the totals.
    let tiers = json["tiers"] as! [String: [String: Int]]
    let tierRows = try #require(page.table(id: "tiers"))
    for (index, tier) in ["50", "500", "5000"].enumerated() {
      let row = tierRows[index + 1]
      #expect(row[0] == (zh ? "\(tier) 档" : "tier \(tier)"), "\(row)")
      #expect(row[1] == grouped(tiers[tier]!["threshold"]!))
      #expect(row[2] == grouped(tiers[tier]!["persons"]!))
      #expect(row[3] == grouped(tiers[tier]!["records"]!))
    }
    #expect(tierRows[4][2] == grouped(persons["distinct"]))
    #expect(tierRows[4][3] == grouped(records["total"]))

    // Per category: hits, valid, invalid and distinct valid, with the invalid reasons.
    let names = try Registry.categoryNames()
    let categories = json["categories"] as! [[String: Any]]
    let categoryRows = try #require(page.table(id: "category-table")).dropFirst()
    #expect(categoryRows.count == categories.count)
    for (row, category) in zip(categoryRows, categories) {
      let id = category["id"] as! String
      let name = zh ? names[id]!.zh : names[id]!.en
      #expect(row[0] == name, "\(row)")
      #expect(
        Array(row[1...4])
          == ["raw", "valid", "invalid", "distinct_valid"].map { grouped(category[$0]) },
        "\(id): \(row)")
      for reason in category["invalid_by_reason"] as! [[String: Any]] {
        #expect(row[5].contains(grouped(reason["count"])), "\(id): \(row)")
      }
    }

    // Every input with its SHA-256; the cut stream is partial, and its notice is shown.
    let inputs = json["inputs"] as! [[String: Any]]
    let inputsText = try #require(page.text(id: "inputs"))
    for input in inputs {
      if let sha = input["sha256"] as? String { #expect(inputsText.contains(sha)) }
    }
    let notices = try #require(page.text(id: "notices"))
    let withNotices = inputs.filter { !($0["notices"] as! [String]).isEmpty }
    #expect(!withNotices.isEmpty)
    for input in withNotices {
      for notice in input["notices"] as! [String] { #expect(notices.contains(notice)) }
    }

    // The charts: each bar's label and figure are the JSON's, in the JSON's order.
    let residentIDs = json["resident_ids"] as! [String: Any]
    let tierBars = try #require(page.bars(figure: "chart-tiers"))
    #expect(tierBars.map(\.value) == ["50", "500", "5000"].map { grouped(tiers[$0]!["persons"]!) })
    let categoryBars = try #require(page.bars(figure: "chart-categories"))
    let counted = categories.filter { (($0["valid"] as! Int) + ($0["invalid"] as! Int)) > 0 }
    // A long name is cut to fit, with an ellipsis.
    #expect(categoryBars.count == counted.count)
    for (bar, category) in zip(categoryBars, counted) {
      let id = category["id"] as! String
      let name = zh ? names[id]!.zh : names[id]!.en
      let cut = bar.label.hasSuffix("…") && name.hasPrefix(bar.label.dropLast())
      #expect(bar.label == name || cut, "\(bar)")
    }
    #expect(
      categoryBars.map(\.value)
        == counted.map { "\(grouped($0["valid"])) / \(grouped($0["invalid"]))" })
    let provinces = residentIDs["provinces"] as! [[String: Any]]
    let provinceBars = try #require(page.bars(figure: "chart-provinces"))
    #expect(provinceBars.count == provinces.count)
    for (bar, province) in zip(provinceBars, provinces) {
      #expect(bar.label.contains(province["code"] as! String), "\(bar)")
      #expect(bar.value == grouped(province["count"]), "\(bar)")
    }
    let ages = residentIDs["age_bands"] as! [[String: Any]]
    let ageBars = try #require(page.bars(figure: "chart-age"))
    #expect(ageBars.map(\.label) == ages.map { $0["band"] as! String })
    #expect(ageBars.map(\.value) == ages.map { grouped($0["count"]) })
    let sex = residentIDs["sex"] as! [String: Int]
    #expect(
      page.bars(figure: "chart-sex")?.first?.value
        == "\(grouped(sex["male"]!)) / \(grouped(sex["female"]!))")
    for (figure, list) in [
      ("chart-carriers", (json["mobiles"] as! [String: Any])["carriers"]),
      ("chart-domains", (json["emails"] as! [String: Any])["domains"]),
      ("chart-banks", (json["bank_cards"] as! [String: Any])["banks"]),
    ] {
      let entries = list as! [[String: Any]]
      let bars = try #require(page.bars(figure: figure), "\(figure)")
      #expect(!bars.isEmpty)
      // The longest lists end in one bar for the rest ("others"), which sums them.
      let shown = bars.count < entries.count ? bars.count - 1 : bars.count
      #expect(bars.prefix(shown).map(\.label) == entries.prefix(shown).map { $0["key"] as! String })
      #expect(bars.prefix(shown).map(\.value) == entries.prefix(shown).map { grouped($0["count"]) })
      if shown < bars.count {
        let rest = entries.dropFirst(shown).reduce(0) { $0 + ($1["count"] as! Int) }
        #expect(bars.last!.value == grouped(rest), "\(figure)")
      }
    }

    // Masked samples with their locations.
    let samples = try #require(page.text(id: "samples"))
    for category in categories {
      for sample in (category["samples"] as! [[String: Any]]).prefix(2) {
        #expect(samples.contains(sample["masked"] as! String))
        #expect(samples.contains("\(sample["path"] as! String):\(sample["line"] as! Int)"))
      }
    }
  }

  // MARK: Self-contained, printable, looked at

  /// Chromium's network log of loading the page holds no request made for it (the browser's
  /// own background requests, which carry no file:// isolation key, are not the page's), and
  /// the console reports no blocked load; the log does catch a page that fetches an image.
  @Test func thePageFetchesNothing() throws {
    let (_, html) = try Self.reports("zh")
    let (requests, refused) = try Chromium.pageRequests(html)
    #expect(requests.isEmpty, "\(requests)")
    #expect(!refused)

    let directory = try Binary.temporaryDirectory("html-fetch")
    let fetching = directory.appendingPathComponent("fetching.html")
    try "<!DOCTYPE html><p>x</p><img src=\"http://piiscan.invalid/x.png\">".write(
      to: fetching, atomically: true, encoding: .utf8)
    #expect(try Chromium.pageRequests(fetching).requests == ["http://piiscan.invalid/x.png"])
  }

  /// Printed to PDF, every page is A4 (595 × 842 points), and the page breaks into several.
  @Test(arguments: ["zh", "en"])
  func thePagePrintsOnA4(language: String) throws {
    let (_, html) = try Self.reports(language)
    let pdf = html.deletingPathExtension().appendingPathExtension("pdf")
    try Chromium.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
    let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
    let boxes = try Regex(#"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]"#)
    let sizes = text.matches(of: boxes).map { match in
      (Double(match.output[1].substring!)!, Double(match.output[2].substring!)!)
    }
    #expect(sizes.count > 1)
    for (width, height) in sizes {
      #expect(abs(width - 595.3) < 1.5 && abs(height - 841.9) < 1.5, "\(width) × \(height)")
    }
  }

  /// A screenshot of the top of the page (A4's proportions at 150 dpi), kept for a person to
  /// look at: `.build/artefacts/size-report-LANG.png`.
  @Test(arguments: ["zh", "en"])
  func aScreenshotIsKept(language: String) throws {
    let (_, html) = try Self.reports(language)
    let directory = Binary.packageRoot.appendingPathComponent(".build/artefacts")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let png = directory.appendingPathComponent("size-report-\(language).png")
    try? FileManager.default.removeItem(at: png)
    try Chromium.run(
      [
        "--hide-scrollbars", "--window-size=1240,1754", "--screenshot=\(png.path)",
        html.absoluteString,
      ])
    let bytes = [UInt8](try Data(contentsOf: png))
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 1240 && height == 1754)
  }

  /// The page of the labelled samples, less its run section (command, times), is the golden
  /// file of its language: reviewed by eye in a browser when recorded (`RECORD_GOLDEN=1`), so
  /// any change to the page shows up in review. (The figures themselves are checked against the
  /// JSON above, not against the golden.)
  @Test(arguments: ["zh", "en"])
  func thePageMatchesItsGolden(language: String) throws {
    let result = try Binary.run(
      ["size", "samples/data", "--as-of", Self.asOf, "--format", "html", "--lang", language])
    #expect(result.status == 1, "\(result.stderr)")
    let page = try #require(
      result.stdout.replacing(
        try Regex(#"<table id="run".*?</table>"#), with: "<table id=\"run\"/>"))
    #expect(page.contains("<table id=\"run\"/>"))
    #expect(try Golden.check(page, against: "size-report.\(language).html") == nil)
  }

  private func grouped(_ value: Any?) -> String { Grouping.grouped((value as! NSNumber).intValue) }
}

/// Digits grouped in threes with commas, as the page writes counts (written here apart from
/// the renderer's NumberText).
enum Grouping {
  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value.magnitude))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
  }
}

/// Just enough of an HTML reader for the page Chromium serialises: an element by id, its text,
/// its table's cells, a chart's bars.
struct HTMLFragment {
  let html: String

  init?(_ html: String) {
    guard html.contains("<html") else { return nil }
    self.html = html
  }

  /// The markup of the element whose `id` is `id`, from its start tag to its end tag.
  func element(id: String) -> Substring? {
    guard let attribute = html.range(of: " id=\"\(id)\"") else { return nil }
    guard let open = html[..<attribute.lowerBound].lastIndex(of: "<") else { return nil }
    let name = html[html.index(after: open)...].prefix { $0.isLetter || $0.isNumber }
    var depth = 0
    var index = open
    while index < html.endIndex {
      let rest = html[index...]
      if rest.hasPrefix("</\(name)>") {
        depth -= 1
        if depth == 0 { return html[open..<html.index(index, offsetBy: name.count + 3)] }
      } else if rest.hasPrefix("<\(name)"),
        let next = rest.dropFirst(name.count + 1).first, next == " " || next == ">"
      {
        depth += 1
      }
      index = html.index(after: index)
    }
    return nil
  }

  /// The text of markup: tags dropped, entities read, runs of white space made one space.
  static func text(_ markup: Substring) -> String {
    var out = ""
    var inTag = false
    for character in markup {
      if character == "<" {
        inTag = true
        out.append(" ")
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        out.append(character)
      }
    }
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "),
      ("&amp;", "&"),
    ] {
      out = out.replacingOccurrences(of: entity, with: character)
    }
    return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  func text(id: String) -> String? { element(id: id).map(Self.text) }

  /// The cells of the table `id`, row by row (header row included).
  func table(id: String) -> [[String]]? {
    guard let table = element(id: id) else { return nil }
    let rows = try! Regex(#"<tr[^>]*>(.*?)</tr>"#).dotMatchesNewlines()
    let cells = try! Regex(#"<t[dh][^>]*>(.*?)</t[dh]>"#).dotMatchesNewlines()
    return table.matches(of: rows).map { row in
      row.output[1].substring!.matches(of: cells).map { Self.text($0.output[1].substring!) }
    }
  }

  struct Bar: CustomStringConvertible {
    var label: String
    var value: String
    var description: String { "\(label): \(value)" }
  }

  /// A chart's bars, in the order of their labels: each label with the figure written at its
  /// bar (on the label's line in a bar chart, above it in a column chart).
  func bars(figure id: String) -> [Bar]? {
    guard let figure = element(id: id) else { return nil }
    let texts = try! Regex(
      #"<text x="([0-9.]+)" y="([0-9.]+)"[^>]*class="(label|value)"[^>]*>(.*?)</text>"#)
    var labels: [(x: Substring, y: Substring, text: String)] = []
    var values: [(x: Substring, y: Substring, text: String)] = []
    for match in figure.matches(of: texts) {
      let text = (
        match.output[1].substring!, match.output[2].substring!,
        Self.text(match.output[4].substring!)
      )
      if match.output[3].substring! == "label" { labels.append(text) } else { values.append(text) }
    }
    return labels.map { label in
      let value = values.first { $0.y == label.y } ?? values.first { $0.x == label.x }
      return Bar(label: label.text, value: value?.text ?? "")
    }
  }
}

/// Headless Chromium, run as the tests need it: no sandbox (tests may run as root), a profile
/// of its own, no background services.
enum Chromium {
  static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static let flags = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps",
  ]

  /// Runs Chromium with `arguments` and a fresh profile; its standard output and error.
  @discardableResult
  static func run(_ arguments: [String]) throws -> (stdout: Data, stderr: String) {
    let profile = try Binary.temporaryDirectory("chromium")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable!)
    process.arguments = flags + ["--user-data-dir=\(profile.path)"] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    final class Box: @unchecked Sendable { var data = Data() }  // written before group.wait()
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errBox.data = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (stdout, String(decoding: errBox.data, as: UTF8.self))
  }

  /// The document Chromium built from the page, serialised.
  static func dumpDOM(_ page: URL) throws -> String {
    String(decoding: try run(["--dump-dom", page.absoluteString]).stdout, as: UTF8.self)
  }

  /// The URLs Chromium requested for the page (requests isolated under file://), and whether
  /// its console reported a load the page's policy refused.
  static func pageRequests(_ page: URL) throws -> (requests: [String], refused: Bool) {
    let log = page.deletingPathExtension().appendingPathExtension("netlog.json")
    let result = try run([
      "--enable-logging=stderr", "--v=0", "--log-net-log=\(log.path)",
      "--net-log-capture-mode=Everything", "--dump-dom", page.absoluteString,
    ])
    let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: log))
    let events = (object as? [String: Any])?["events"] as? [[String: Any]] ?? []
    var requests: [String] = []
    for event in events {
      guard let parameters = event["params"] as? [String: Any],
        let url = parameters["url"] as? String,
        let key = parameters["network_isolation_key"] as? String, key.hasPrefix("file://"),
        !requests.contains(url)
      else { continue }
      requests.append(url)
    }
    return (requests, result.stderr.contains("Refused to"))
  }
}
