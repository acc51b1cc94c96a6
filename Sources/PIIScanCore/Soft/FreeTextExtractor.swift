/// Soft values in free text: lines that are neither tabular nor `key：value`.
///
/// On one line it finds:
/// - a person name right after a cue word (姓名, 联系人, 收件人, 收货人, 户主, 机主, 持卡人, 患者,
///   客户… + optional ：/:/是/为/叫), checked against the surname table and the trap words
///   (周末, 高中, 张家港…); 某-anonymised names and lone surnames with a title are skipped;
/// - full addresses by the §5.7 grammar, anchored on a province or prefecture name (full or short:
///   广东, 深圳), reaching at least district + road + number, county + town + village/组, or
///   district + compound + building/room;
/// - passports and permits with their prefix, 军官证 numbers (X字第NNNNNNN号) and vehicle plates,
///   each bounded by non-alphanumerics.
///
/// Ranges are byte ranges in the line, in order, never overlapping.
///
/// - Note: stateless; safe to call from any task.
public enum FreeTextExtractor {
  /// Words before a document number that raise its confidence (护照, 通行证, passport…).
  static let documentContext: [String] = [
    "护照", "通行证", "回乡证", "台胞证", "证件", "passport", "permit",
  ]

  /// Extracts the soft values of one line.
  ///
  /// - Parameter line: The line's UTF-8 bytes (without its newline).
  /// - Returns: Each value's byte range in `line` and its verdict, in line order.
  public static func extract(line: UnsafeRawBufferPointer) -> [(
    range: Range<Int>, verdict: SoftVerdict
  )] {
    SoftText.withScalars(line) { text in
      extract(text, vocabulary: .shared)
    }
  }

  /// Extracts the soft values of one line (see the raw-buffer overload).
  public static func extract(line: some Collection<UInt8>) -> [(
    range: Range<Int>, verdict: SoftVerdict
  )] {
    withValidatorBytes(line) { extract(line: $0) }
  }

  static func extract(_ text: ScalarText, vocabulary v: SoftVocabulary) -> [(
    range: Range<Int>, verdict: SoftVerdict
  )] {
    var results: [(range: Range<Int>, verdict: SoftVerdict)] = []
    let end = text.count
    var index = 0
    while index < end {
      let value = text.scalars[index]
      if SoftText.isHan(value) {
        if let (found, next) = hanAt(text, index, end: end, vocabulary: v) {
          results.append(found)
          index = next
          continue
        }
      } else if SoftText.isASCIILetter(value) || SoftText.isDigit(value) {
        // An alphanumeric word: a document number if its shape is one.
        var wordEnd = index
        while wordEnd < end,
          SoftText.isAlphanumeric(text.scalars[wordEnd])
            || text.scalars[wordEnd] == 0x2E && wordEnd == index + 1
        {
          wordEnd += 1
        }
        let boundedBefore = index == 0 || !SoftText.isAlphanumeric(text.scalars[index - 1])
        if boundedBefore, SoftText.isASCIILetter(value),
          let document = DocumentNumbers.document(text, index..<wordEnd)
        {
          let context = hasDocumentContext(text, before: index)
          // A series that collides with product codes (E/G + 8 digits: unlabelled confidence
          // low) needs a document word before it; one of its own shape does not.
          let unlabelled =
            document.unlabelledConfidence == .low ? nil : document.unlabelledConfidence
          if let base = context ? (document.unlabelledConfidence ?? .low) : unlabelled {
            let confidence: Confidence = context ? (base == .low ? .medium : .high) : base
            let normalized = text.string(
              index..<wordEnd, uppercased: true, skipping: { _ in false })
            let verdict = SoftVerdict(
              category: document.category, valid: true, confidence: confidence,
              normalized: normalized,
              details: [FindingDetail("document", document.document)])
            results.append((text.byteRange(index..<wordEnd), verdict))
          }
        }
        index = max(wordEnd, index + 1)
        continue
      }
      index += 1
    }
    return results
  }

  /// Whether a document word stands within the 12 scalars before `index`.
  static func hasDocumentContext(_ text: ScalarText, before index: Int) -> Bool {
    let start = max(0, index - 12)
    let window = text.string(start..<index).lowercased()
    return documentContext.contains { window.contains($0) }
  }

  /// What starts at the Han scalar `index`: a military ID, a plate, a cue + name, or an address.
  private static func hanAt(
    _ text: ScalarText, _ index: Int, end: Int, vocabulary v: SoftVocabulary
  ) -> ((range: Range<Int>, verdict: SoftVerdict), Int)? {
    let value = text.scalars[index]
    // 军官证: X字第NNNNNNN号 (the issuer is 1–2 characters before 字第).
    if index + 2 < end, text.scalars[index + 1] == 0x5B57 || text.scalars[index + 2] == 0x5B57 {
      if let id = DocumentNumbers.militaryID(text, at: index, end: end, vocabulary: v),
        // 军官证南字第…: prefer the known one-character issuer that follows.
        !(id.issuer.unicodeScalars.count == 2 && id.issuerMeaning == nil
          && v.militaryIssuers[text.scalars[index + 1]] != nil)
      {
        let after = id.range.upperBound
        if after >= end || !SoftText.isDigit(text.scalars[after]) {
          var details = [FindingDetail("issuer", id.issuer)]
          if let meaning = id.issuerMeaning {
            details.append(FindingDetail("issuer_meaning", meaning))
          }
          let verdict = SoftVerdict(
            category: .cnMilitaryOfficerID, valid: true,
            confidence: id.issuerMeaning == nil ? .medium : .high,
            normalized: text.string(id.range), details: details)
          return ((text.byteRange(id.range), verdict), after)
        }
      }
    }
    // Plate: province abbreviation + letter (+ separator) + serial, bounded after.
    if v.plateProvinces[value] != nil, index + 1 < end,
      SoftText.isASCIILetter(text.scalars[index + 1])
    {
      var plateEnd = index + 2
      if plateEnd < end, DocumentNumbers.isPlateSeparator(text.scalars[plateEnd]) { plateEnd += 1 }
      let serialStart = plateEnd
      while plateEnd < end, plateEnd < serialStart + 6,
        SoftText.isAlphanumeric(text.scalars[plateEnd])
      {
        plateEnd += 1
      }
      if plateEnd < end, DocumentNumbers.plateSuffixes[text.scalars[plateEnd]] != nil,
        plateEnd - serialStart == 4
      {
        plateEnd += 1
      }
      let bounded = plateEnd >= end || !SoftText.isAlphanumeric(text.scalars[plateEnd])
      if bounded,
        case .valid(let normalized, let province, let kind) = DocumentNumbers.plate(
          text, index..<plateEnd, vocabulary: v)
      {
        let verdict = SoftVerdict(
          category: .cnVehiclePlate, valid: true, confidence: .medium, normalized: normalized,
          details: [FindingDetail("province", province), FindingDetail("kind", kind)])
        return ((text.byteRange(index..<plateEnd), verdict), plateEnd)
      }
    }
    // Cue word + name.
    if let cue = v.nameCues.longestMatch(in: text, at: index, end: end) {
      var start = index + cue.length
      var skipped = true
      while skipped && start < end {
        skipped = false
        while start < end, text.scalars[start] == 0x20 || text.scalars[start] == 0x3A {
          start += 1
          skipped = true
        }
        if let connector = v.nameConnectors.longestMatch(in: text, at: start, end: end) {
          start += connector.length
          skipped = true
        }
      }
      if let name = PersonName.scan(text, at: start, end: end, vocabulary: v) {
        let check = PersonName.check(text, name, vocabulary: v)
        if check.valid {
          var verdict = check
          verdict.confidence = cue.payload == 1 ? .high : .medium
          return ((text.byteRange(name), verdict), name.upperBound)
        }
      }
      // The cue itself is not an anchor for anything else; go on after it.
      return nil
    }
    // Address anchored on a province or prefecture name.
    if v.regionNames.mayStart(value),
      v.regionNames.longestMatch(in: text, at: index, end: end) != nil
    {
      let parse = AddressGrammar.parse(text, from: index, end: end, vocabulary: v)
      if parse.startsWithProvinceOrPrefecture, parse.isFull, !parse.inconsistent {
        let range = index..<parse.end
        let verdict = SoftVerdict(
          category: .homeAddress, valid: true, confidence: .medium, normalized: text.raw(range),
          details: SoftClassifier.addressDetails(parse))
        return ((text.byteRange(range), verdict), parse.end)
      }
    }
    return nil
  }
}
