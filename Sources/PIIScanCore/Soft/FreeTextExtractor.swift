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
  /// - Parameter unlabelledNames: Whether names without a cue word are looked for too
  ///   (``unlabelledName(_:at:end:vocabulary:)``), at low confidence.
  public static func extract(line: UnsafeRawBufferPointer, unlabelledNames: Bool = false) -> [(
    range: Range<Int>, verdict: SoftVerdict
  )] {
    SoftText.withScalars(line) { text in
      extract(text, vocabulary: .shared, unlabelledNames: unlabelledNames)
    }
  }

  /// Extracts the soft values of one line (see the raw-buffer overload).
  public static func extract(line: some Collection<UInt8>) -> [(
    range: Range<Int>, verdict: SoftVerdict
  )] {
    withValidatorBytes(line) { extract(line: $0) }
  }

  static func extract(
    _ text: ScalarText, vocabulary v: SoftVocabulary, unlabelledNames: Bool = false
  ) -> [(
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
        if unlabelledNames, let name = unlabelledName(text, at: index, end: end, vocabulary: v) {
          var verdict = PersonName.check(text, name, vocabulary: v)
          if verdict.valid {
            verdict.confidence = .low
            results.append((text.byteRange(name), verdict))
            index = name.upperBound
            continue
          }
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

  // MARK: - Names without a cue word

  /// Words right before a name in running text (联系张伟, 记者李娜, 经查王建国).
  static let nameLeftContext: [[UInt32]] = [
    "记者", "联系", "通知", "告知", "经查", "据", "和", "与", "及", "向", "给", "被", "让", "由", "请",
    "嫌疑人", "当事人", "申请人", "被告", "原告", "委托",
  ].map { SoftText.scalars($0) }

  /// Words right after a name that a two-character name (surname and one given character)
  /// needs: speech verbs and titles (张伟表示, 李娜女士).
  static let nameRightContext: [[UInt32]] = [
    "先生", "女士", "小姐", "同志", "老师", "同学", "经理", "医生", "律师", "表示", "说", "称", "指出",
    "介绍", "认为", "告诉", "透露", "强调", "回忆", "报道", "登记", "签字", "本人", "等人", "一家",
  ].map { SoftText.scalars($0) }

  /// Words after a longer name (surname and two given characters): the same, and a few
  /// particles that follow any noun (的, 在, 是…), which a two-character word takes as well.
  static let nameRightParticles: [[UInt32]] = ["的", "等", "和", "与", "在", "是", "曾", "已", "于", "今年"]
    .map { SoftText.scalars($0) }

  /// How many single surnames, most frequent first, the model accepts (the surname prior: a rare
  /// surname character is far more often part of a word than a name).
  static let frequentSurnames: Int32 = 150

  /// A name in running text without a cue word, precision first (issue 12, item 13): a
  /// frequent surname (compound, or single among the ``frequentSurnames`` first), then one or
  /// two characters every one of which is a given-name character (``SoftVocabulary/givenNameChars``,
  /// from public name lists), with a boundary on both sides: the line's start, a non-Han
  /// character or a context word before it (``nameLeftContext``); a non-Han character, a
  /// speech verb or title after it (``nameRightContext``; for a three-character name also the
  /// particles of ``nameRightParticles``). A surname plus one given character needs a context
  /// word on at least one side. Words that only begin with a surname character (周末, 高中, 黄金,
  /// 王国, 林业…, the trap list) are never names here, nor is a word whose given part is one.
  static func unlabelledName(
    _ text: ScalarText, at index: Int, end: Int, vocabulary v: SoftVocabulary
  ) -> Range<Int>? {
    let s = text.scalars
    // The surname first: most characters are none, and the lookup is the cheapest test.
    let surname: Int
    if let key = SoftText.pack(text, index, 1), let rank = v.singleSurnames.value(key),
      rank < frequentSurnames
    {
      surname = v.isCompoundSurname(text, index) ? 2 : 1
    } else if v.isCompoundSurname(text, index) {
      surname = 2
    } else {
      return nil
    }
    var leftWord = false
    if index > 0 && SoftText.isHan(s[index - 1]) {
      leftWord = nameLeftContext.contains { ends(text, with: $0, at: index) }
      guard leftWord else { return nil }
    }
    if v.trap(in: text, at: index, end: end) != nil { return nil }
    let given = index + surname
    if let trap = v.trap(in: text, at: given, end: end), !trap.maybeName { return nil }
    for length in [2, 1] {
      let after = given + length
      guard after <= end else { continue }
      var likely = true
      for k in given..<after {
        guard SoftText.isHan(s[k]), let key = SoftText.pack(text, k, 1),
          let count = v.givenNameChars.value(key), count >= 1
        else {
          likely = false
          break
        }
      }
      guard likely else { continue }
      let boundary = after == end || !SoftText.isHan(s[after])
      let title = nameRightContext.contains { starts(text, with: $0, at: after, end: end) }
      let particle =
        length == 2 && nameRightParticles.contains { starts(text, with: $0, at: after, end: end) }
      if surname + length == 2 {
        // 张伟: a context word before or after it.
        guard title || (boundary && leftWord) else { continue }
      } else {
        guard boundary || title || particle else { continue }
      }
      // A name part that is a region (王广东) or a word of the trap list is no name.
      if PersonName.regionStarts(text, at: given, end: end, vocabulary: v) { return nil }
      return index..<after
    }
    return nil
  }

  /// Whether `word` ends right before `index`.
  private static func ends(_ text: ScalarText, with word: [UInt32], at index: Int) -> Bool {
    guard index >= word.count else { return false }
    let start = index - word.count
    return word.indices.allSatisfy { text.scalars[start + $0] == word[$0] }
  }

  /// Whether `word` starts at `index`.
  private static func starts(_ text: ScalarText, with word: [UInt32], at index: Int, end: Int)
    -> Bool
  {
    guard index + word.count <= end else { return false }
    return word.indices.allSatisfy { text.scalars[index + $0] == word[$0] }
  }
}
