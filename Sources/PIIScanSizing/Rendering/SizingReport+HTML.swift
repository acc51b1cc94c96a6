/// The HTML sizing report: one self-contained page for people who read rather than parse —
/// a prosecutor with a case file, a privacy officer — on screen or printed on A4.
///
/// It is rendered from the same ``SizingReport`` value as the JSON, so every figure it shows is
/// the JSON's figure (written with grouped digits, ``NumberText``). The page holds everything
/// it shows: the style sheet is inline, the charts are inline SVG (``SVGChart``), there is no
/// script, and nothing refers to anything outside the file (a Content-Security-Policy of
/// `default-src 'none'` says so to the browser too), so it opens offline on an air-gapped
/// workstation and shows the same there as anywhere.
///
/// The order follows what a reader needs first: the disclaimer, the case summary (the headline
/// figures, the tier table and the reference score with its legal basis, records and
/// duplicates, the inputs with their SHA-256), the counts per category with the reasons values
/// are invalid, the charts, the notices, the masked samples with their locations, and the
/// run's settings.
struct HTMLReportPage {
  let report: SizingReport
  let language: SizingLanguage
  let labels: SizingLabels

  /// Histogram rows drawn in the carrier, domain and bank charts before the rest are summed,
  /// as text and Markdown do.
  static let chartRows = SizingReport.histogramLinesShown

  private func l(_ label: SizingLabel) -> String { label.text(language) }
  private func n(_ value: Int) -> String { NumberText.grouped(value) }

  var text: String {
    var page = HTMLText()
    page.raw("<!DOCTYPE html>\n")
    page.element("html", ["lang": language == .zh ? "zh-CN" : "en"]) { page in
      page.raw("\n")
      page.element("head") { head in
        head.raw("\n<meta charset=\"utf-8\">\n")
        head.raw(
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'\">\n")
        head.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        head.element("title", text: l(FixedLabel.title))
        head.raw("\n<style>\n" + Self.styleSheet + "</style>\n")
      }
      page.raw("\n")
      page.element("body") { body in
        body.raw("\n")
        header(&body)
        summary(&body)
        categories(&body)
        charts(&body)
        notices(&body)
        samples(&body)
        settings(&body)
        body.element("footer", ["class": "disclaimer"]) { footer in
          footer.text(disclaimerLine)
        }
        body.raw("\n")
      }
      page.raw("\n")
    }
    page.raw("\n")
    return page.text
  }

  private var disclaimerLine: String {
    language == .zh
      ? FixedLabel.disclaimer.zh
      : "\(FixedLabel.disclaimer.en) (\(FixedLabel.disclaimerShortZh))"
  }

  // MARK: Sections

  private func header(_ page: inout HTMLText) {
    page.element("header") { header in
      header.element("h1", text: l(FixedLabel.title))
      header.element("p", ["class": "disclaimer", "id": "disclaimer"]) { $0.text(disclaimerLine) }
      header.element("p", ["class": "meta"]) { meta in
        meta.text(
          "\(l(FixedLabel.asOf)) \(report.asOf.description) · piiscan \(report.toolVersion)")
      }
      header.element("nav") { nav in
        nav.element("ol") { list in
          for (anchor, label) in [
            ("summary", FixedLabel.caseSummary), ("categories", FixedLabel.categoryCounts),
            ("charts", FixedLabel.charts), ("notices", FixedLabel.notices),
            ("samples", FixedLabel.samples), ("settings", FixedLabel.settings),
          ] {
            list.element("li") { $0.element("a", ["href": "#" + anchor], text: l(label)) }
          }
        }
      }
    }
    page.raw("\n")
  }

  private func summary(_ page: inout HTMLText) {
    let score = report.score
    page.element("section", ["id": "summary"]) { section in
      section.element("h2", text: l(FixedLabel.caseSummary))
      section.element("dl", ["class": "figures"]) { list in
        figure(&list, FixedLabel.persons, report.persons.distinct, id: "persons-distinct")
        figure(&list, FixedLabel.recordsTotal, report.records.total, id: "records-total")
        figure(&list, FixedLabel.recordsDistinct, report.records.distinct, id: "records-distinct")
        list.element("div", ["class": "figure", "id": "score"]) { item in
          item.element("dt", text: l(FixedLabel.score))
          item.element("dd") { value in
            value.text(score.decimal)
            value.element("small", text: "\(n(score.numerator)) / \(n(score.denominator))")
          }
        }
        verdict(&list, FixedLabel.serious, score.isSerious, id: "serious")
        verdict(&list, FixedLabel.especiallySerious, score.isEspeciallySerious, id: "esp-serious")
      }

      section.element("h3", text: l(FixedLabel.tiersAndScore))
      var tierRows: [[Cell]] = SizingTier.ordered.indices.map { index in
        [
          .text(SizingReport.tierName(SizingTier.ordered[index], language)),
          .number(score.thresholds[index]), .number(report.persons.byTier[index]),
          .number(report.records.byTier[index]),
          .figure(
            share(persons: report.persons.byTier[index], threshold: score.thresholds[index])),
        ]
      }
      tierRows.append([
        .text(l(FixedLabel.total)), .text(""), .number(report.persons.distinct),
        .number(report.records.total), .figure(score.decimal),
      ])
      table(
        &section, id: "tiers",
        header: [
          l(FixedLabel.tier), l(FixedLabel.threshold), l(FixedLabel.tierPersons),
          l(FixedLabel.tierRecords), l(FixedLabel.scoreShare),
        ], rows: tierRows, numeric: [1, 2, 3, 4], lastRowIsTotal: true)
      section.element("p", ["class": "formula"]) { $0.text(l(FixedLabel.scoreFormula)) }
      section.element("div", ["class": "basis", "id": "legal-basis"]) { basis in
        basis.element("h4", text: l(FixedLabel.legalBasis))
        basis.element("p", text: l(FixedLabel.legalBasisText))
        basis.element("p") { line in
          line.text(
            "\(l(FixedLabel.thresholds)): "
              + score.thresholds.map(n).joined(separator: " / ") + " · "
              + "\(l(FixedLabel.insider)): \(report.insider ? l(FixedLabel.yes) : l(FixedLabel.no))"
              + " · \(l(FixedLabel.bankCardTier)): \(report.bankCardTier.rawValue)")
        }
        basis.element("p", ["class": "disclaimer"]) { $0.text(disclaimerLine) }
      }

      section.element("h3", text: l(FixedLabel.records))
      table(
        &section, id: "records", header: nil,
        rows: [
          [.text(l(FixedLabel.recordsTotal)), .number(report.records.total)],
          [.text(l(FixedLabel.recordsWithIdentifier)), .number(report.records.withIdentifier)],
          [.text(l(FixedLabel.recordsDistinct)), .number(report.records.distinct)],
          [.text(l(FixedLabel.duplicatesWithin)), .number(report.records.duplicatesWithinInput)],
          [.text(l(FixedLabel.duplicatesAcross)), .number(report.records.duplicatesAcrossInputs)],
          [.text(l(FixedLabel.duplicatesSameFile)), .number(report.records.duplicatesSameFile)],
        ], numeric: [1])
      var keyRows: [[Cell]] = zip(SizingReport.personKeyKinds, report.persons.byKey).map {
        kind, count in [.text(FixedLabel.personKeys[kind].map(l) ?? kind), .number(count)]
      }
      keyRows.append([
        .text(l(FixedLabel.groupsWithoutID)), .number(report.persons.groupsWithoutID),
      ])
      keyRows.append([
        .text(l(FixedLabel.raised)), .number(report.persons.raisedByUnattributedRecords),
      ])
      table(
        &section, id: "person-keys", header: [l(FixedLabel.byKey), l(FixedLabel.tierPersons)],
        rows: keyRows, numeric: [1])

      section.element("h3", text: l(FixedLabel.inputs))
      section.element("p", ["class": "note"]) { $0.text(l(FixedLabel.evidenceNote)) }
      table(
        &section, id: "inputs",
        header: [
          l(FixedLabel.inputs), "SHA-256", l(FixedLabel.bytes), l(FixedLabel.format),
          l(FixedLabel.encoding), l(FixedLabel.status), l(FixedLabel.tierRecords),
          l(FixedLabel.values),
        ],
        rows: report.inputs.map { input in
          [
            .code(location(input.path, input.member)), .code(input.sha256 ?? "-"),
            input.bytes.map { .number(Int($0)) } ?? .text("-"),
            .word(FixedLabel.formatName(input.format, language)),
            .word(input.encoding ?? "-"),
            .word(input.status.flatMap { FixedLabel.statuses[$0].map(l) } ?? "-"),
            .number(input.records), .number(input.values),
          ]
        }, numeric: [2, 6, 7])
      if !report.copies.isEmpty {
        section.element("h4", text: l(FixedLabel.copies))
        table(
          &section, id: "copies", header: ["SHA-256", l(FixedLabel.inputs)],
          rows: report.copies.flatMap { group in
            group.inputs.enumerated().map { index, input in
              [
                .code(index == 0 ? group.sha256 : ""),
                .code(
                  location(input.path, input.member)
                    + (index == 0 ? " (\(l(FixedLabel.canonicalCopy)))" : "")),
              ]
            }
          }, numeric: [])
      }
    }
    page.raw("\n")
  }

  private func categories(_ page: inout HTMLText) {
    page.element("section", ["id": "categories"]) { section in
      section.element("h2", text: l(FixedLabel.categoryCounts))
      table(
        &section, id: "category-table",
        header: [
          l(FixedLabel.categories), l(FixedLabel.raw), l(FixedLabel.valid), l(FixedLabel.invalid),
          l(FixedLabel.distinctValid), l(FixedLabel.invalidByReason),
        ],
        rows: report.categories.map { category in
          [
            .text(labels.category(category.id, language)), .number(category.raw),
            .number(category.valid), .number(category.invalid), .number(category.distinctValid),
            .lines(
              category.invalidByReason.map {
                "\(labels.reason($0.reason, language)) \(n($0.count))"
              }),
          ]
        }, numeric: [1, 2, 3, 4],
        dimmed: Set(report.categories.indices.filter { report.categories[$0].raw == 0 }))
    }
    page.raw("\n")
  }

  private func charts(_ page: inout HTMLText) {
    page.element("section", ["id": "charts"]) { section in
      section.element("h2", text: l(FixedLabel.charts))

      chart(&section, id: "chart-tiers", title: l(FixedLabel.chartTiers)) {
        SVGChart.horizontal(
          SizingTier.ordered.indices.map { index in
            let tier = SizingTier.ordered[index]
            let persons = report.persons.byTier[index]
            return SVGChart.Bar(
              label: SizingReport.tierName(tier, language),
              segments: [(persons, "t\(tier.rawValue)")], valueText: n(persons),
              tooltip: "\(SizingReport.tierName(tier, language)): \(n(persons))")
          }, title: l(FixedLabel.chartTiers))
      }

      let seen = report.categories.filter { $0.raw > 0 }
      if !seen.isEmpty {
        chart(
          &section, id: "chart-categories", title: l(FixedLabel.chartCategories),
          legend: [("s0", l(FixedLabel.valid)), ("s1", l(FixedLabel.invalid))]
        ) {
          SVGChart.horizontal(
            seen.map { category in
              let name = labels.category(category.id, language)
              return SVGChart.Bar(
                label: name, segments: [(category.valid, "s0"), (category.invalid, "s1")],
                valueText: "\(n(category.valid)) / \(n(category.invalid))",
                tooltip:
                  "\(name): \(l(FixedLabel.valid)) \(n(category.valid)), "
                  + "\(l(FixedLabel.invalid)) \(n(category.invalid))")
            }, title: l(FixedLabel.chartCategories))
        }
      }

      let ids = report.residentIDs
      section.element("h3", text: l(FixedLabel.residentIDs))
      table(
        &section, id: "resident-ids", header: nil,
        rows: [
          [.text(l(FixedLabel.residentDistinct)), .number(ids.distinct)],
          [.text(l(FixedLabel.only18)), .number(ids.only18)],
          [.text(l(FixedLabel.only15)), .number(ids.only15)],
          [.text(l(FixedLabel.bothForms)), .number(ids.bothForms)],
          [.text(l(FixedLabel.hits18)), .number(ids.hits18)],
          [.text(l(FixedLabel.hits15)), .number(ids.hits15)],
          [.text(l(FixedLabel.male)), .number(ids.male)],
          [.text(l(FixedLabel.female)), .number(ids.female)],
          [.text(l(FixedLabel.minors)), .number(ids.minorsUnder14)],
          [.text(l(FixedLabel.ageUnknown)), .number(ids.ageUnknown)],
        ], numeric: [1])
      if !ids.provinces.isEmpty {
        chart(&section, id: "chart-provinces", title: l(FixedLabel.chartProvinces)) {
          SVGChart.horizontal(
            ids.provinces.map { entry in
              let label = provinceLabel(entry)
              return SVGChart.Bar(
                label: label, segments: [(entry.count, "s0")], valueText: n(entry.count),
                tooltip: "\(label): \(n(entry.count))")
            }, title: l(FixedLabel.chartProvinces))
        }
      }
      chart(&section, id: "chart-age", title: l(FixedLabel.chartAge)) {
        SVGChart.columns(
          zip(SizingReport.ageBands, ids.ageBands).map { (SizingReport.bandName($0), $1) },
          title: l(FixedLabel.chartAge))
      }
      chart(
        &section, id: "chart-sex", title: l(FixedLabel.chartSex),
        legend: [("s0", l(FixedLabel.male)), ("s1", l(FixedLabel.female))]
      ) {
        SVGChart.horizontal(
          [
            SVGChart.Bar(
              label: l(FixedLabel.sex), segments: [(ids.male, "s0"), (ids.female, "s1")],
              valueText: "\(n(ids.male)) / \(n(ids.female))",
              tooltip:
                "\(l(FixedLabel.male)) \(n(ids.male)), \(l(FixedLabel.female)) \(n(ids.female))")
          ], title: l(FixedLabel.chartSex))
      }

      section.element("h3", text: l(FixedLabel.mobiles))
      table(
        &section, id: "mobiles", header: nil,
        rows: [[.text(l(FixedLabel.distinct)), .number(report.mobiles.distinct)]], numeric: [1])
      histogram(
        &section, id: "chart-carriers", title: l(FixedLabel.chartCarriers),
        entries: report.mobiles.carriers)
      histogram(
        &section, id: "chart-domains", title: l(FixedLabel.chartDomains),
        entries: report.emailDomains)
      histogram(
        &section, id: "chart-banks", title: l(FixedLabel.chartBanks), entries: report.banks)
    }
    page.raw("\n")
  }

  private func notices(_ page: inout HTMLText) {
    let inputNotices = report.inputs.flatMap { input in
      input.notices.map { "\(location(input.path, input.member)): \($0)" }
    }
    page.element("section", ["id": "notices"]) { section in
      section.element("h2", text: l(FixedLabel.notices))
      let all = report.notices + inputNotices
      if all.isEmpty {
        section.element("p", ["class": "note"], text: l(FixedLabel.noNotices))
      } else {
        section.element("ul") { list in
          for notice in all { list.element("li", text: notice) }
        }
      }
    }
    page.raw("\n")
  }

  private func samples(_ page: inout HTMLText) {
    var rows: [[Cell]] = []
    for category in report.categories {
      for sample in category.samples + category.invalidSamples {
        rows.append([
          .text(labels.category(category.id, language)), .mask(sample.masked),
          .code(SizingReport.place(of: sample)),
          .text(sample.reason.map { labels.reason($0, language) } ?? l(FixedLabel.valid)),
        ])
      }
    }
    page.element("section", ["id": "samples"]) { section in
      section.element("h2", text: l(FixedLabel.samples))
      section.element("p", ["class": "note"]) { $0.text(l(FixedLabel.samplesNote)) }
      if rows.isEmpty {
        section.element("p", ["class": "note"], text: l(FixedLabel.none))
      } else {
        table(
          &section, id: "sample-table",
          header: [
            l(FixedLabel.categories), l(FixedLabel.value), l(FixedLabel.location),
            l(FixedLabel.verdict),
          ], rows: rows, numeric: [])
      }
    }
    page.raw("\n")
  }

  private func settings(_ page: inout HTMLText) {
    var rows: [[Cell]] = [
      [.text(l(FixedLabel.tool)), .code("piiscan " + report.toolVersion)],
      [.text(l(FixedLabel.ruleset)), .code(report.rulesetSHA256)],
      [.text(l(FixedLabel.asOf)), .text(report.asOf.description)],
      [.text(l(FixedLabel.bankCardTier)), .text(String(report.bankCardTier.rawValue))],
      [
        .text(l(FixedLabel.thresholds)),
        .text(report.score.thresholds.map(n).joined(separator: " / ")),
      ],
      [.text(l(FixedLabel.insider)), .text(report.insider ? l(FixedLabel.yes) : l(FixedLabel.no))],
    ]
    page.element("section", ["id": "settings"]) { section in
      section.element("h2", text: l(FixedLabel.settings))
      table(&section, id: "settings-table", header: nil, rows: rows, numeric: [])
      if let run = report.run {
        rows = [
          [.text(l(FixedLabel.command)), .code(run.command)],
          [.text(l(FixedLabel.started)), .text(run.started)],
          [.text(l(FixedLabel.ended)), .text(run.ended)],
        ]
        if let threads = run.threads {
          rows.append([.text(l(FixedLabel.threads)), .number(threads)])
        }
        if let shards = run.shards { rows.append([.text(l(FixedLabel.shards)), .number(shards)]) }
        section.element("h3", text: l(FixedLabel.run))
        // The only part that differs between runs over the same inputs (docs/SIZING.md).
        table(&section, id: "run", header: nil, rows: rows, numeric: [])
      }
    }
    page.raw("\n")
  }

  // MARK: Pieces

  /// A table cell: text, a number (grouped, right-aligned), a figure already written (a
  /// score: right-aligned), code (paths, hashes: monospaced, may break anywhere), a masked
  /// value (monospaced, kept on one line), or lines.
  enum Cell {
    case text(String)
    case number(Int)
    case figure(String)
    case code(String)
    case mask(String)
    /// A word or two that must not break across lines (a status, an encoding).
    case word(String)
    case lines([String])
  }

  private func table(
    _ page: inout HTMLText, id: String, header: [String]?, rows: [[Cell]], numeric: Set<Int>,
    lastRowIsTotal: Bool = false, dimmed: Set<Int> = []
  ) {
    let isPairs = (header?.count ?? rows.first?.count ?? 0) == 2
    page.element("table", ["id": id, "class": isPairs ? "pairs" : "grid"]) { table in
      if let header {
        table.element("thead") { head in
          head.element("tr") { row in
            for (index, title) in header.enumerated() {
              if numeric.contains(index) {
                row.element("th", ["class": "num"], text: title)
              } else {
                row.element("th", text: title)
              }
            }
          }
        }
      }
      table.element("tbody") { body in
        for (rowIndex, cells) in rows.enumerated() {
          let isTotal = lastRowIsTotal && rowIndex == rows.count - 1
          let rowClass = isTotal ? "total" : dimmed.contains(rowIndex) ? "zero" : ""
          let content: (inout HTMLText) -> Void = { row in
            for cell in cells { self.cell(&row, cell) }
          }
          if rowClass.isEmpty {
            body.element("tr", [:], content)
          } else {
            body.element("tr", ["class": rowClass], content)
          }
        }
      }
    }
    page.raw("\n")
  }

  private func cell(_ row: inout HTMLText, _ cell: Cell) {
    switch cell {
    case .text(let text): row.element("td", text: text)
    case .number(let value): row.element("td", ["class": "num"], text: n(value))
    case .figure(let text): row.element("td", ["class": "num"], text: text)
    case .code(let text): row.element("td", ["class": "code"], text: text)
    case .mask(let text): row.element("td", ["class": "mask"], text: text)
    case .word(let text): row.element("td", ["class": "word"], text: text)
    case .lines(let lines):
      row.element("td") { td in
        for (index, line) in lines.enumerated() {
          if index > 0 { td.raw("<br>") }
          td.text(line)
        }
      }
    }
  }

  private func figure(_ list: inout HTMLText, _ label: SizingLabel, _ value: Int, id: String) {
    list.element("div", ["class": "figure", "id": id]) { item in
      item.element("dt", text: l(label))
      item.element("dd") { dd in
        dd.text(n(value))
        if language == .zh, let units = NumberText.chineseUnits(value) {
          dd.element("small", text: units)
        }
      }
    }
  }

  private func verdict(_ list: inout HTMLText, _ label: SizingLabel, _ reached: Bool, id: String) {
    list.element("div", ["class": reached ? "figure reached" : "figure", "id": id]) { item in
      item.element("dt", text: l(label))
      item.element("dd", text: reached ? l(FixedLabel.yes) : l(FixedLabel.no))
    }
  }

  private func chart(
    _ page: inout HTMLText, id: String, title: String, legend: [(String, String)] = [],
    svg: () -> String
  ) {
    page.element("figure", ["id": id]) { figure in
      figure.element("figcaption") { caption in
        caption.text(title)
        for (cssClass, name) in legend {
          caption.element("span", ["class": "key " + cssClass], text: name)
        }
      }
      figure.raw(svg())
    }
    page.raw("\n")
  }

  /// A histogram's chart: the first ``chartRows`` entries and the rest summed, as the text and
  /// Markdown reports show them (the JSON lists every entry).
  private func histogram(
    _ page: inout HTMLText, id: String, title: String, entries: [SizingReport.HistogramEntry]
  ) {
    guard !entries.isEmpty else { return }
    var bars = entries.prefix(Self.chartRows).map { entry in
      let label = entry.key ?? l(FixedLabel.unknown)
      return SVGChart.Bar(
        label: label, segments: [(entry.count, "s0")], valueText: n(entry.count),
        tooltip: "\(label): \(n(entry.count))")
    }
    if entries.count > Self.chartRows {
      let rest = entries.dropFirst(Self.chartRows).reduce(0) { $0 + $1.count }
      let label = "\(l(FixedLabel.others)) (\(n(entries.count - Self.chartRows)))"
      bars.append(
        SVGChart.Bar(
          label: label, segments: [(rest, "s2")], valueText: n(rest),
          tooltip: "\(label): \(n(rest))"))
    }
    chart(&page, id: id, title: title) { SVGChart.horizontal(bars, title: title) }
  }

  private func provinceLabel(_ entry: SizingReport.HistogramEntry) -> String {
    guard let code = entry.key else { return l(FixedLabel.unknown) }
    return entry.name.map { "\($0) \(code)" } ?? code
  }

  private func location(_ path: String, _ member: String?) -> String {
    member.map { "\(path)!\($0)" } ?? path
  }

  /// A tier's share of the score, `persons / threshold`, with the score's four exact decimals
  /// (every threshold divides 10 000).
  private func share(persons: Int, threshold: Int) -> String {
    let scaled = persons * (10_000 / threshold)
    let fraction = String(scaled % 10_000)
    return "\(n(scaled / 10_000))." + String(repeating: "0", count: 4 - fraction.count) + fraction
  }

  /// Screen and print (A4) styles. Fonts are named, never fetched: the first one installed is
  /// used, and every system has a sans-serif with CJK glyphs for the last entry.
  static let styleSheet = """
    @page { size: A4; margin: 14mm 12mm 16mm; }
    :root { --ink: #1b1f24; --muted: #5b6570; --rule: #c9d0d8; --band: #f3f5f8;
      --valid: #2f5d8a; --invalid: #d0792a; --other: #9aa6b2;
      --t50: #a8322d; --t500: #d0792a; --t5000: #2f5d8a; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0 auto; max-width: 190mm; padding: 8mm 6mm; color: var(--ink);
      font: 10.5pt/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
      "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
    h1 { font-size: 18pt; margin: 0 0 2mm; }
    h2 { font-size: 14pt; margin: 7mm 0 2mm; padding-bottom: 1mm;
      border-bottom: 2px solid var(--ink); break-after: avoid; }
    h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
    h4 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
    p { margin: 1.5mm 0; }
    .disclaimer { font-weight: bold; border: 1.5px solid var(--t50); color: var(--t50);
      padding: 1.5mm 3mm; border-radius: 1mm; }
    footer.disclaimer { margin-top: 8mm; text-align: center; }
    .meta, .note, .formula { color: var(--muted); font-size: 9.5pt; }
    nav ol { margin: 2mm 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap;
      gap: 1mm 5mm; font-size: 9.5pt; }
    nav a { color: var(--valid); text-decoration: none; }
    dl.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm; margin: 3mm 0; }
    .figure { border: 1px solid var(--rule); border-radius: 1mm; padding: 2mm 3mm;
      background: var(--band); break-inside: avoid; }
    .figure dt { font-size: 9pt; color: var(--muted); }
    .figure dd { margin: 0; font-size: 16pt; font-weight: bold; }
    .figure dd small { display: block; font-size: 9pt; font-weight: normal; color: var(--muted); }
    .figure.reached dd { color: var(--t50); }
    .basis { border-left: 3px solid var(--rule); padding: 0 3mm; margin: 3mm 0; }
    .basis .disclaimer { display: inline-block; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9.5pt; }
    table.pairs { width: auto; min-width: 55%; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { border-bottom: 1px solid var(--rule); padding: 0.8mm 1.5mm; text-align: left;
      vertical-align: top; }
    th { background: var(--band); font-weight: bold; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.code, td.mask { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace;
      font-size: 8.5pt; }
    td.code { word-break: break-all; }
    td.mask, td.word { white-space: nowrap; }
    tr.total td { font-weight: bold; border-top: 1.5px solid var(--ink); }
    tr.zero td { color: var(--muted); }
    figure { margin: 3mm 0 4mm; break-inside: avoid; }
    figcaption { font-weight: bold; margin-bottom: 1mm; }
    figcaption .key { font-weight: normal; font-size: 9pt; margin-left: 4mm; }
    figcaption .key::before { content: ""; display: inline-block; width: 3mm; height: 3mm;
      margin-right: 1mm; vertical-align: -0.3mm; }
    figcaption .key.s0::before { background: var(--valid); }
    figcaption .key.s1::before { background: var(--invalid); }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
    svg .label { fill: var(--ink); }
    svg .value { fill: var(--muted); }
    svg .axis { stroke: var(--rule); }
    svg .s0 { fill: var(--valid); }
    svg .s1 { fill: var(--invalid); }
    svg .s2 { fill: var(--other); }
    svg .t50 { fill: var(--t50); }
    svg .t500 { fill: var(--t500); }
    svg .t5000 { fill: var(--t5000); }
    @media print {
      body { max-width: none; padding: 0; }
      nav { display: none; }
      section { break-before: auto; }
      #charts, #samples { break-before: page; }
    }

    """
}

extension FixedLabel {
  static let caseSummary = SizingLabel(zh: "案件摘要", en: "Case summary")
  static let categoryCounts = SizingLabel(zh: "各类别数量", en: "Counts by category")
  static let charts = SizingLabel(zh: "图表", en: "Charts")
  static let settings = SizingLabel(zh: "测算设置与运行信息", en: "Settings and run")
  static let tiersAndScore = SizingLabel(
    zh: "档次与参考折算值", en: "Tiers and the reference score")
  static let scoreShare = SizingLabel(zh: "计入折算值", en: "share of the score")
  static let total = SizingLabel(zh: "合计", en: "total")
  static let legalBasis = SizingLabel(zh: "法律依据", en: "Legal basis")
  static let legalBasisText = SizingLabel(
    zh: "《最高人民法院、最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释》"
      + "（法释〔2017〕10号）第五条：非法获取、出售或者提供行踪轨迹信息、通信内容、征信信息、财产信息"
      + "五十条以上，住宿信息、通信记录、健康生理信息、交易信息等五百条以上，其他公民个人信息五千条以上的，"
      + "属“情节严重”（第一款第三至五项）；数量未达到上述标准但按相应比例合计达到的，亦同（第六项）；"
      + "达到标准十倍以上的，属“情节特别严重”（第二款第三项）；在履行职责或者提供服务过程中获得的，"
      + "达到标准一半以上即可（第一款第八项）。第十一条：批量公民个人信息的条数根据查获的数量直接认定，"
      + "但有证据证明信息不真实或者重复的除外——本报告因此并列命中数与有效、去重后的数量。",
    en: "Art. 5 of the SPC and SPP interpretation on crimes infringing citizens' personal "
      + "information (法释〔2017〕10号): obtaining, selling or providing 50 or more records of "
      + "location traces, communication content, credit or property information, 500 or more of "
      + "lodging, communication records, health or transaction information, or 5,000 or more of "
      + "other personal information is 情节严重 (para. 1, items 3–5), as are smaller volumes that "
      + "reach a threshold in proportion (item 6); ten times a threshold is 情节特别严重 (para. 2, "
      + "item 3); information obtained in office or while providing a service needs half (para. 1, "
      + "item 8). Art. 11: bulk records count as seized unless shown to be untrue or duplicated — "
      + "hence this report gives the raw counts beside the valid, de-duplicated ones.")
  static let evidenceNote = SizingLabel(
    zh: "SHA-256 为各输入原样存储字节的摘要（压缩包成员为解压后的字节）；同一摘要的多个输入只计一份。",
    en: "SHA-256 of each input's bytes as stored (of the decompressed bytes, for an archive "
      + "member); inputs with the same SHA-256 are counted once.")
  static let samplesNote = SizingLabel(
    zh: "样例均已脱敏；位置写作 路径[!成员]:行号@字节偏移（偏移按存储字节计）。",
    en: "Samples are masked; a location is path[!member]:line@byte offset (in the bytes as "
      + "stored).")
  static let noNotices = SizingLabel(
    zh: "无：每个输入均已完整读取。", en: "None: every input was read in full.")
  static let none = SizingLabel(zh: "无", en: "None")
  static let chartTiers = SizingLabel(zh: "各档次不重复人数", en: "Distinct persons by tier")
  static let chartCategories = SizingLabel(
    zh: "各类别命中数（有效／无效）", en: "Values by category (valid / invalid)")
  static let chartProvinces = SizingLabel(
    zh: "身份证号码持有人出生地（省级，不重复号码）", en: "ID numbers by birth province (distinct)")
  static let chartAge = SizingLabel(
    zh: "身份证号码持有人年龄段（基准日）", en: "ID holders by age band (on the as-of date)")
  static let chartSex = SizingLabel(zh: "身份证号码持有人性别", en: "ID holders by sex")
  static let chartCarriers = SizingLabel(
    zh: "手机号码运营商（不重复号码）", en: "Mobile carriers (distinct numbers)")
  static let chartDomains = SizingLabel(
    zh: "电子邮箱域名（不重复地址）", en: "E-mail domains (distinct addresses)")
  static let chartBanks = SizingLabel(
    zh: "发卡银行（不重复卡号）", en: "Issuing banks (distinct card numbers)")
}
