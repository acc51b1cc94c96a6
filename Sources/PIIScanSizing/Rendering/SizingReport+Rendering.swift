/// The formats a sizing report is written in.
public enum SizingReportFormat: String, Sendable, CaseIterable {
  /// Canonical JSON (``CanonicalJSON``): ids, not labels; the same bytes for the same figures.
  case json
  /// Aligned plain text for a terminal or a printout.
  case text
  /// Markdown tables, for a case file.
  case markdown = "md"
  /// One figure per row: `section,key,label,value`.
  case csv
  /// One self-contained page with charts, for reading on screen or printed on A4.
  case html
}

extension SizingReport {
  /// Histogram lines shown in text and Markdown before the rest are summed as "others" (JSON
  /// and CSV list every entry).
  public static let histogramLinesShown = 20

  /// The report in `format`, with labels in `language` (text, Markdown, HTML and CSV; JSON has
  /// ids only). Every format starts by saying that it is a reference calculation, not legal
  /// advice.
  public func render(
    _ format: SizingReportFormat, language: SizingLanguage = .zh, labels: SizingLabels = .init()
  ) -> String {
    switch format {
    case .json: json.text
    case .text: TextDocument(blocks: blocks(language, labels)).text
    case .markdown: TextDocument(blocks: blocks(language, labels)).markdown
    case .csv: csv(language, labels)
    case .html: HTMLReportPage(report: self, language: language, labels: labels).text
    }
  }

  // MARK: JSON

  /// The report as canonical JSON; docs/SIZING.md lists every field.
  var json: CanonicalJSON {
    func tiers(_ values: [Int]) -> CanonicalJSON {
      .object(zip(SizingTier.ordered, values).map { (String($0.0.rawValue), .integer($0.1)) })
    }
    func entries(_ list: [HistogramEntry], key: String = "key") -> CanonicalJSON {
      .array(
        list.map { entry in
          .fields([
            key: .nullable(entry.key), "name": entry.name.map { .string($0) },
            "count": .integer(entry.count),
          ])
        })
    }
    func samples(_ list: [Sample]) -> CanonicalJSON {
      .array(
        list.map { sample in
          .fields([
            "masked": .string(sample.masked), "path": .string(sample.path),
            "member": sample.member.map { .string($0) }, "offset": .integer(Int(sample.offset)),
            "line": sample.line.map { .integer($0) }, "reason": sample.reason.map { .string($0) },
          ])
        })
    }
    let disclaimer = CanonicalJSON.fields([
      "zh": .string(FixedLabel.disclaimer.zh), "en": .string(FixedLabel.disclaimer.en),
    ])
    return .fields([
      "disclaimer": disclaimer,
      "tool": .fields(["version": .string(toolVersion), "ruleset_sha256": .string(rulesetSHA256)]),
      "run": run.map { run in
        .fields([
          "command": .string(run.command), "started": .string(run.started),
          "ended": .string(run.ended), "threads": run.threads.map { .integer($0) },
          "shards": run.shards.map { .integer($0) },
        ])
      },
      "settings": .fields([
        "as_of": .string(asOf.description), "bank_card_tier": .integer(bankCardTier.rawValue),
        "insider": .bool(insider), "thresholds": tiers(score.thresholds),
      ]),
      "inputs": .array(
        inputs.map { input in
          .fields([
            "path": .string(input.path), "member": input.member.map { .string($0) },
            "sha256": .nullable(input.sha256), "bytes": .nullable(input.bytes.map { Int($0) }),
            "format": .nullable(input.format), "encoding": .nullable(input.encoding),
            "status": .nullable(input.status?.rawValue),
            "notices": .array(input.notices.map { .string($0) }),
            "records": .integer(input.records), "values": .integer(input.values),
            "counted_copy": .bool(input.isCanonical),
          ])
        }),
      "same_file_copies": .array(
        copies.map { group in
          .fields([
            "sha256": .string(group.sha256),
            "inputs": .array(
              group.inputs.map {
                .fields(["path": .string($0.path), "member": $0.member.map { .string($0) }])
              }),
          ])
        }),
      "records": .fields([
        "total": .integer(records.total), "with_identifier": .integer(records.withIdentifier),
        "distinct": .integer(records.distinct),
        "duplicates": .fields([
          "within_input": .integer(records.duplicatesWithinInput),
          "across_inputs": .integer(records.duplicatesAcrossInputs),
          "same_file_copies": .integer(records.duplicatesSameFile),
          "total": .integer(records.total - records.distinct),
        ]),
        "by_tier": tiers(records.byTier),
      ]),
      "categories": .array(
        categories.map { category in
          .fields([
            "id": .string(category.id), "raw": .integer(category.raw),
            "valid": .integer(category.valid), "invalid": .integer(category.invalid),
            "invalid_by_reason": .array(
              category.invalidByReason.map {
                .fields(["reason": .string($0.reason), "count": .integer($0.count)])
              }),
            "distinct_valid": .integer(category.distinctValid),
            "samples": samples(category.samples),
            "invalid_samples": samples(category.invalidSamples),
          ])
        }),
      "resident_ids": .fields([
        "distinct": .integer(residentIDs.distinct),
        "distinct_by_form": .fields([
          "18_only": .integer(residentIDs.only18), "15_only": .integer(residentIDs.only15),
          "both": .integer(residentIDs.bothForms),
        ]),
        "hits_by_form": .fields([
          "18": .integer(residentIDs.hits18), "15": .integer(residentIDs.hits15),
        ]),
        "sex": .fields(["male": .integer(residentIDs.male), "female": .integer(residentIDs.female)]
        ),
        "age_bands": .array(
          zip(Self.ageBands, residentIDs.ageBands).map { band, count in
            .fields(["band": .string(Self.bandName(band)), "count": .integer(count)])
          }),
        "age_unknown": .integer(residentIDs.ageUnknown),
        "minors_under_14": .integer(residentIDs.minorsUnder14),
        "provinces": entries(residentIDs.provinces, key: "code"),
      ]),
      "mobiles": .fields([
        "distinct": .integer(mobiles.distinct), "carriers": entries(mobiles.carriers),
        "prefixes": entries(mobiles.prefixes),
      ]),
      "emails": .fields([
        "distinct": .integer(emailDomains.reduce(0) { $0 + $1.count }),
        "domains": entries(emailDomains),
      ]),
      "bank_cards": .fields([
        "distinct": .integer(banks.reduce(0) { $0 + $1.count }), "banks": entries(banks),
      ]),
      "persons": .fields([
        "distinct": .integer(persons.distinct),
        "by_key": .object(
          zip(Self.personKeyKinds, persons.byKey).map { ($0.0, .integer($0.1)) }),
        "groups_without_id": .integer(persons.groupsWithoutID),
        "raised_by_unattributed_records": .integer(persons.raisedByUnattributedRecords),
      ]),
      "tiers": .object(
        SizingTier.ordered.indices.map { index in
          (
            String(SizingTier.ordered[index].rawValue),
            .fields([
              "persons": .integer(persons.byTier[index]),
              "records": .integer(records.byTier[index]),
              "threshold": .integer(score.thresholds[index]),
            ])
          )
        }),
      "score": .fields([
        "value": .string(score.decimal),
        "numerator": .integer(score.numerator), "denominator": .integer(score.denominator),
        "serious": .bool(score.isSerious), "especially_serious": .bool(score.isEspeciallySerious),
      ]),
      "notices": .array(notices.map { .string($0) }),
    ])
  }

  /// `tier 50` / `50 档`.
  static func tierName(_ tier: SizingTier, _ language: SizingLanguage) -> String {
    language == .zh ? "\(tier.rawValue) 档" : "tier \(tier.rawValue)"
  }

  static func bandName(_ band: (lower: Int, upper: Int?)) -> String {
    band.upper.map { "\(band.lower)-\($0)" } ?? "\(band.lower)+"
  }

  // MARK: Text and Markdown

  private func location(_ path: String, _ member: String?) -> String {
    member.map { "\(path)!\($0)" } ?? path
  }

  /// `path[!member]:line@offset` (the line left empty when unknown).
  static func place(of sample: Sample) -> String {
    let line = sample.line.map { String($0) } ?? ""
    let path = sample.member.map { "\(sample.path)!\($0)" } ?? sample.path
    return "\(path):\(line)@\(sample.offset)"
  }

  private func blocks(_ language: SizingLanguage, _ labels: SizingLabels) -> [TextBlock] {
    func l(_ label: SizingLabel) -> String { label.text(language) }
    let yes = l(FixedLabel.yes)
    let no = l(FixedLabel.no)
    func histogramRows(_ list: [HistogramEntry], code: Bool = false) -> [[String]] {
      var rows = list.prefix(Self.histogramLinesShown).map { entry -> [String] in
        let key = entry.key ?? l(FixedLabel.unknown)
        let name = code ? (entry.name ?? l(FixedLabel.unknown)) : nil
        return (name.map { [key, $0] } ?? [key]) + [NumberText.grouped(entry.count)]
      }
      if list.count > Self.histogramLinesShown {
        let rest = list.dropFirst(Self.histogramLinesShown).reduce(0) { $0 + $1.count }
        rows.append(
          (code ? [l(FixedLabel.others), ""] : [l(FixedLabel.others)]) + [NumberText.grouped(rest)])
      }
      return rows
    }
    var blocks: [TextBlock] = [
      .title(l(FixedLabel.title)),
      .paragraph(
        language == .zh
          ? FixedLabel.disclaimer.zh
          : "\(FixedLabel.disclaimer.en) (\(FixedLabel.disclaimerShortZh))"),
    ]
    var settings: [[String]] = [
      [l(FixedLabel.tool), toolVersion],
      [l(FixedLabel.ruleset), rulesetSHA256],
      [l(FixedLabel.asOf), asOf.description],
      [l(FixedLabel.bankCardTier), String(bankCardTier.rawValue)],
      [
        l(FixedLabel.thresholds), score.thresholds.map(NumberText.grouped).joined(separator: " / "),
      ],
      [l(FixedLabel.insider), insider ? yes : no],
    ]
    if let run {
      settings.append([l(FixedLabel.command), run.command])
      settings.append([l(FixedLabel.started), run.started])
      settings.append([l(FixedLabel.ended), run.ended])
      if let threads = run.threads { settings.append([l(FixedLabel.threads), String(threads)]) }
      if let shards = run.shards { settings.append([l(FixedLabel.shards), String(shards)]) }
    }
    blocks.append(.table(header: nil, rows: settings, numeric: []))

    blocks.append(.heading(l(FixedLabel.score)))
    blocks.append(.paragraph(l(FixedLabel.scoreFormula)))
    blocks.append(
      .table(
        header: nil,
        rows: [
          [l(FixedLabel.score), "\(score.decimal) (\(score.numerator)/\(score.denominator))"],
          [l(FixedLabel.serious), score.isSerious ? yes : no],
          [l(FixedLabel.especiallySerious), score.isEspeciallySerious ? yes : no],
        ], numeric: []))

    blocks.append(.heading(l(FixedLabel.persons)))
    var tierRows = SizingTier.ordered.indices.map { index in
      [
        Self.tierName(SizingTier.ordered[index], language),
        NumberText.grouped(score.thresholds[index]), NumberText.grouped(persons.byTier[index]),
        NumberText.grouped(records.byTier[index]),
      ]
    }
    tierRows.append([
      l(FixedLabel.persons), "", NumberText.grouped(persons.distinct),
      NumberText.grouped(records.total),
    ])
    blocks.append(
      .table(
        header: [
          l(FixedLabel.tier), l(FixedLabel.threshold), l(FixedLabel.tierPersons),
          l(FixedLabel.tierRecords),
        ], rows: tierRows, numeric: [1, 2, 3]))
    var keyRows = zip(Self.personKeyKinds, persons.byKey).map { kind, count in
      [FixedLabel.personKeys[kind].map(l) ?? kind, NumberText.grouped(count)]
    }
    keyRows.append([l(FixedLabel.groupsWithoutID), NumberText.grouped(persons.groupsWithoutID)])
    keyRows.append([l(FixedLabel.raised), NumberText.grouped(persons.raisedByUnattributedRecords)])
    blocks.append(.table(header: [l(FixedLabel.byKey), ""], rows: keyRows, numeric: [1]))

    blocks.append(.heading(l(FixedLabel.records)))
    blocks.append(
      .table(
        header: nil,
        rows: [
          [l(FixedLabel.recordsTotal), NumberText.grouped(records.total)],
          [l(FixedLabel.recordsWithIdentifier), NumberText.grouped(records.withIdentifier)],
          [l(FixedLabel.recordsDistinct), NumberText.grouped(records.distinct)],
          [l(FixedLabel.duplicatesWithin), NumberText.grouped(records.duplicatesWithinInput)],
          [l(FixedLabel.duplicatesAcross), NumberText.grouped(records.duplicatesAcrossInputs)],
          [l(FixedLabel.duplicatesSameFile), NumberText.grouped(records.duplicatesSameFile)],
        ], numeric: [1]))

    blocks.append(.heading(l(FixedLabel.categories)))
    blocks.append(
      .table(
        header: [
          l(FixedLabel.categories), l(FixedLabel.raw), l(FixedLabel.valid), l(FixedLabel.invalid),
          l(FixedLabel.distinctValid),
        ],
        rows: categories.map {
          [
            labels.category($0.id, language), NumberText.grouped($0.raw),
            NumberText.grouped($0.valid),
            NumberText.grouped($0.invalid), NumberText.grouped($0.distinctValid),
          ]
        }, numeric: [1, 2, 3, 4]))
    let reasonRows = categories.flatMap { category in
      category.invalidByReason.map {
        [
          labels.category(category.id, language), labels.reason($0.reason, language),
          NumberText.grouped($0.count),
        ]
      }
    }
    if !reasonRows.isEmpty {
      blocks.append(.paragraph(l(FixedLabel.invalidByReason)))
      blocks.append(
        .table(
          header: [l(FixedLabel.categories), l(FixedLabel.reason), l(FixedLabel.invalid)],
          rows: reasonRows, numeric: [2]))
    }

    blocks.append(.heading(l(FixedLabel.residentIDs)))
    blocks.append(
      .table(
        header: nil,
        rows: [
          [l(FixedLabel.residentDistinct), NumberText.grouped(residentIDs.distinct)],
          [l(FixedLabel.only18), NumberText.grouped(residentIDs.only18)],
          [l(FixedLabel.only15), NumberText.grouped(residentIDs.only15)],
          [l(FixedLabel.bothForms), NumberText.grouped(residentIDs.bothForms)],
          [l(FixedLabel.hits18), NumberText.grouped(residentIDs.hits18)],
          [l(FixedLabel.hits15), NumberText.grouped(residentIDs.hits15)],
          [l(FixedLabel.male), NumberText.grouped(residentIDs.male)],
          [l(FixedLabel.female), NumberText.grouped(residentIDs.female)],
          [l(FixedLabel.minors), NumberText.grouped(residentIDs.minorsUnder14)],
          [l(FixedLabel.ageUnknown), NumberText.grouped(residentIDs.ageUnknown)],
        ], numeric: [1]))
    blocks.append(
      .table(
        header: [l(FixedLabel.ageBands), ""],
        rows: zip(Self.ageBands, residentIDs.ageBands).map {
          [Self.bandName($0), NumberText.grouped($1)]
        },
        numeric: [1]))
    if !residentIDs.provinces.isEmpty {
      blocks.append(
        .table(
          header: [l(FixedLabel.provinces), "", ""],
          rows: histogramRows(residentIDs.provinces, code: true), numeric: [2]))
    }

    blocks.append(.heading(l(FixedLabel.mobiles)))
    blocks.append(
      .table(
        header: nil, rows: [[l(FixedLabel.distinct), NumberText.grouped(mobiles.distinct)]],
        numeric: [1]))
    if !mobiles.carriers.isEmpty {
      blocks.append(
        .table(
          header: [l(FixedLabel.carriers), ""], rows: histogramRows(mobiles.carriers), numeric: [1])
      )
      blocks.append(
        .table(
          header: [l(FixedLabel.prefixes), ""], rows: histogramRows(mobiles.prefixes), numeric: [1])
      )
    }
    if !emailDomains.isEmpty {
      blocks.append(.heading(l(FixedLabel.emailDomains)))
      blocks.append(
        .table(
          header: [l(FixedLabel.emailDomains), ""], rows: histogramRows(emailDomains), numeric: [1])
      )
    }
    if !banks.isEmpty {
      blocks.append(.heading(l(FixedLabel.banks)))
      blocks.append(
        .table(header: [l(FixedLabel.banks), ""], rows: histogramRows(banks), numeric: [1]))
    }

    blocks.append(.heading(l(FixedLabel.inputs)))
    blocks.append(
      .table(
        header: [
          l(FixedLabel.inputs), "SHA-256", l(FixedLabel.bytes), l(FixedLabel.format),
          l(FixedLabel.encoding), l(FixedLabel.status), l(FixedLabel.tierRecords),
          l(FixedLabel.values),
        ],
        rows: inputs.map { input in
          [
            location(input.path, input.member), input.sha256 ?? "-",
            input.bytes.map { NumberText.grouped(Int($0)) } ?? "-",
            FixedLabel.formatName(input.format, language),
            input.encoding ?? "-",
            input.status.flatMap { FixedLabel.statuses[$0].map(l) } ?? "-",
            NumberText.grouped(input.records),
            NumberText.grouped(input.values),
          ]
        }, numeric: [2, 6, 7]))
    let inputNotices = inputs.flatMap { input in
      input.notices.map { "\(location(input.path, input.member)): \($0)" }
    }
    if !copies.isEmpty {
      blocks.append(.heading(l(FixedLabel.copies)))
      blocks.append(
        .table(
          header: ["SHA-256", l(FixedLabel.inputs)],
          rows: copies.flatMap { group in
            group.inputs.enumerated().map { index, input in
              [
                index == 0 ? group.sha256 : "",
                location(input.path, input.member)
                  + (index == 0 ? " (\(l(FixedLabel.canonicalCopy)))" : ""),
              ]
            }
          }, numeric: []))
    }

    var sampleRows: [[String]] = []
    for category in categories {
      for sample in category.samples + category.invalidSamples {
        let verdict = sample.reason.map { labels.reason($0, language) } ?? l(FixedLabel.valid)
        sampleRows.append([
          labels.category(category.id, language), sample.masked, Self.place(of: sample), verdict,
        ])
      }
    }
    if !sampleRows.isEmpty {
      blocks.append(.heading(l(FixedLabel.samples)))
      blocks.append(
        .table(
          header: [
            l(FixedLabel.categories), l(FixedLabel.value), l(FixedLabel.location),
            l(FixedLabel.verdict),
          ], rows: sampleRows, numeric: []))
    }
    if !notices.isEmpty || !inputNotices.isEmpty {
      blocks.append(.heading(l(FixedLabel.notices)))
      for notice in notices + inputNotices { blocks.append(.item(notice)) }
    }
    blocks.append(.paragraph(l(FixedLabel.disclaimer)))
    return blocks
  }

  // MARK: CSV

  private func csv(_ language: SizingLanguage, _ labels: SizingLabels) -> String {
    func l(_ label: SizingLabel) -> String { label.text(language) }
    var rows: [[String]] = [["section", "key", "label", "value"]]
    func add(_ section: String, _ key: String, _ label: String, _ value: String) {
      rows.append([section, key, label, value])
    }
    add("notice", "disclaimer", l(FixedLabel.disclaimer), FixedLabel.disclaimerShortZh)
    add("tool", "version", l(FixedLabel.tool), toolVersion)
    add("tool", "ruleset_sha256", l(FixedLabel.ruleset), rulesetSHA256)
    if let run {
      add("run", "command", l(FixedLabel.command), run.command)
      add("run", "started", l(FixedLabel.started), run.started)
      add("run", "ended", l(FixedLabel.ended), run.ended)
      if let threads = run.threads { add("run", "threads", l(FixedLabel.threads), String(threads)) }
      if let shards = run.shards { add("run", "shards", l(FixedLabel.shards), String(shards)) }
    }
    add("settings", "as_of", l(FixedLabel.asOf), asOf.description)
    add("settings", "bank_card_tier", l(FixedLabel.bankCardTier), String(bankCardTier.rawValue))
    add("settings", "insider", l(FixedLabel.insider), insider ? "true" : "false")
    add("score", "value", l(FixedLabel.score), score.decimal)
    add("score", "fraction", l(FixedLabel.score), "\(score.numerator)/\(score.denominator)")
    add("score", "serious", l(FixedLabel.serious), score.isSerious ? "true" : "false")
    add(
      "score", "especially_serious", l(FixedLabel.especiallySerious),
      score.isEspeciallySerious ? "true" : "false")
    add("persons", "distinct", l(FixedLabel.persons), String(persons.distinct))
    for (index, tier) in SizingTier.ordered.enumerated() {
      let name = Self.tierName(tier, language)
      add("tiers", "\(tier.rawValue).threshold", name, String(score.thresholds[index]))
      add("tiers", "\(tier.rawValue).persons", name, String(persons.byTier[index]))
      add("tiers", "\(tier.rawValue).records", name, String(records.byTier[index]))
    }
    for (kind, count) in zip(Self.personKeyKinds, persons.byKey) {
      add("persons", "by_key.\(kind)", FixedLabel.personKeys[kind].map(l) ?? kind, String(count))
    }
    add(
      "persons", "groups_without_id", l(FixedLabel.groupsWithoutID), String(persons.groupsWithoutID)
    )
    add(
      "persons", "raised_by_unattributed_records", l(FixedLabel.raised),
      String(persons.raisedByUnattributedRecords))
    add("records", "total", l(FixedLabel.recordsTotal), String(records.total))
    add(
      "records", "with_identifier", l(FixedLabel.recordsWithIdentifier),
      String(records.withIdentifier))
    add("records", "distinct", l(FixedLabel.recordsDistinct), String(records.distinct))
    add(
      "records", "duplicates.within_input", l(FixedLabel.duplicatesWithin),
      String(records.duplicatesWithinInput))
    add(
      "records", "duplicates.across_inputs", l(FixedLabel.duplicatesAcross),
      String(records.duplicatesAcrossInputs))
    add(
      "records", "duplicates.same_file_copies", l(FixedLabel.duplicatesSameFile),
      String(records.duplicatesSameFile))
    for category in categories {
      let name = labels.category(category.id, language)
      add("categories", "\(category.id).raw", name, String(category.raw))
      add("categories", "\(category.id).valid", name, String(category.valid))
      add("categories", "\(category.id).invalid", name, String(category.invalid))
      for reason in category.invalidByReason {
        add(
          "categories", "\(category.id).invalid.\(reason.reason)",
          name + " · " + labels.reason(reason.reason, language), String(reason.count))
      }
      add("categories", "\(category.id).distinct_valid", name, String(category.distinctValid))
    }
    let ids = residentIDs
    add("resident_ids", "distinct", l(FixedLabel.residentDistinct), String(ids.distinct))
    add("resident_ids", "distinct_by_form.18_only", l(FixedLabel.only18), String(ids.only18))
    add("resident_ids", "distinct_by_form.15_only", l(FixedLabel.only15), String(ids.only15))
    add("resident_ids", "distinct_by_form.both", l(FixedLabel.bothForms), String(ids.bothForms))
    add("resident_ids", "hits_by_form.18", l(FixedLabel.hits18), String(ids.hits18))
    add("resident_ids", "hits_by_form.15", l(FixedLabel.hits15), String(ids.hits15))
    add("resident_ids", "sex.male", l(FixedLabel.male), String(ids.male))
    add("resident_ids", "sex.female", l(FixedLabel.female), String(ids.female))
    for (band, count) in zip(Self.ageBands, ids.ageBands) {
      add("resident_ids", "age_bands.\(Self.bandName(band))", l(FixedLabel.ageBands), String(count))
    }
    add("resident_ids", "age_unknown", l(FixedLabel.ageUnknown), String(ids.ageUnknown))
    add("resident_ids", "minors_under_14", l(FixedLabel.minors), String(ids.minorsUnder14))
    func histogramRows(_ section: String, _ list: [HistogramEntry], _ label: SizingLabel) {
      for entry in list {
        let key = entry.key ?? "unknown"
        add(
          section, key, [l(label), entry.name].compactMap { $0 }.joined(separator: " · "),
          String(entry.count))
      }
    }
    histogramRows("resident_ids.provinces", ids.provinces, FixedLabel.provinces)
    add("mobiles", "distinct", l(FixedLabel.mobiles), String(mobiles.distinct))
    histogramRows("mobiles.carriers", mobiles.carriers, FixedLabel.carriers)
    histogramRows("mobiles.prefixes", mobiles.prefixes, FixedLabel.prefixes)
    histogramRows("emails.domains", emailDomains, FixedLabel.emailDomains)
    histogramRows("bank_cards.banks", banks, FixedLabel.banks)
    for input in inputs {
      let key = location(input.path, input.member)
      add("inputs", key, "sha256", input.sha256 ?? "")
      add("inputs", key, l(FixedLabel.bytes), input.bytes.map { String($0) } ?? "")
      add("inputs", key, l(FixedLabel.format), input.format ?? "")
      add("inputs", key, l(FixedLabel.encoding), input.encoding ?? "")
      add("inputs", key, l(FixedLabel.status), input.status?.rawValue ?? "")
      add("inputs", key, l(FixedLabel.tierRecords), String(input.records))
      add("inputs", key, l(FixedLabel.values), String(input.values))
      add("inputs", key, l(FixedLabel.canonicalCopy), input.isCanonical ? "true" : "false")
      for notice in input.notices { add("inputs", key, l(FixedLabel.notices), notice) }
    }
    for group in copies {
      for input in group.inputs {
        add(
          "same_file_copies", group.sha256, l(FixedLabel.copies), location(input.path, input.member)
        )
      }
    }
    for category in categories {
      for sample in category.samples + category.invalidSamples {
        let place = Self.place(of: sample)
        add(
          "samples", category.id,
          sample.reason.map { labels.reason($0, language) } ?? l(FixedLabel.valid),
          sample.masked + " " + place)
      }
    }
    for notice in notices { add("notices", "", l(FixedLabel.notices), notice) }
    return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    var quoted = "\""
    for character in text {
      quoted.append(character)
      if character == "\"" { quoted.append("\"") }
    }
    return quoted + "\""
  }
}
