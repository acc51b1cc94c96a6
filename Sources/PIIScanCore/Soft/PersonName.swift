/// Chinese person names (docs/VALIDATORS.md §9): a surname from the table and 1–3 Han
/// characters, a compound surname and 1–2, a transliterated minority name with separator dots,
/// or a Tibetan name of two known parts.
///
/// Never decided from the grammar alone: `check` is for values whose header or cue already says
/// "name", and `scan` only runs after a cue word in free text.
enum PersonName {
  /// 某, the anonymising character of court documents.
  static let anonymous: UInt32 = 0x67D0
  /// Mask characters: * ＊ × x X ○ ●.
  @inline(__always)
  static func isMask(_ value: UInt32) -> Bool {
    value == 0x2A || value == 0xFF0A || value == 0xD7 || value == 0x25CB || value == 0x25CF
  }

  /// Titles that, after a lone surname, make a polite form rather than a name (张先生).
  static let titles: [[UInt32]] = ["先生", "女士", "小姐", "老师", "同学", "师傅", "同志", "总", "经理", "阿姨"]
    .map { SoftText.scalars($0) }

  private static func hasTitle(
    _ text: UnsafeMutableBufferPointer<UInt32>, from start: Int, count: Int
  ) -> Bool {
    titles.contains { title in
      title.count == count - start && title.indices.allSatisfy { text[start + $0] == title[$0] }
    }
  }

  /// Checks a value under a name header or cue. `range` is the trimmed value.
  static func check(
    _ text: ScalarText, _ range: Range<Int>, vocabulary v: SoftVocabulary = .shared
  ) -> SoftVerdict {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: range.count + 1) { compact in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: range.count + 1) { offsets in
        // Drop spaces between Han characters ("张 三"); count what the value is made of.
        var count = 0
        var han = 0
        var dots = 0
        var letters = 0
        var spaces = 0
        var masked = false
        var other = false
        for index in range {
          let value = text.scalars[index]
          if value == 0x20 {
            let before = index > range.lowerBound ? text.scalars[index - 1] : 0
            let after = index + 1 < range.upperBound ? text.scalars[index + 1] : 0
            if SoftText.isHan(before) && SoftText.isHan(after) { continue }
            spaces += 1
          } else if SoftText.isHan(value) {
            han += 1
            if value == anonymous { masked = true }
          } else if SoftText.isNameDot(value) {
            dots += 1
          } else if SoftText.isASCIILetter(value) {
            letters += 1
          } else if isMask(value) {
            masked = true
          } else if value != 0x2D && value != 0x27 {
            other = true
          }
          compact[count] = SoftText.isNameDot(value) ? 0xB7 : value
          count += 1
        }
        offsets[count] = 0
        let name = ScalarText(scalars: compact, offsets: offsets, count: count)
        let unchanged = count == range.count && dots == 0
        let normalized = unchanged ? text.raw(range) : name.string(0..<count)
        func verdict(
          _ valid: Bool, _ reason: String?, _ confidence: Confidence,
          _ details: [FindingDetail] = []
        ) -> SoftVerdict {
          SoftVerdict(
            category: .personNameZh, valid: valid, reason: reason, confidence: confidence,
            normalized: normalized, details: details)
        }
        if masked { return verdict(false, "anonymised or masked name", .medium) }
        if other { return verdict(false, "not a name", .low) }
        if letters > 0 {
          guard han == 0, dots == 0 else { return verdict(false, "not a name", .low) }
          // Pinyin or foreign names in Latin letters: 2–4 words.
          let words = normalized.split(separator: " ").count
          guard (2...4).contains(words), letters >= 4 else {
            return verdict(false, "not a Chinese-character name", .low)
          }
          return verdict(true, nil, .low, [FindingDetail("form", "latin")])
        }
        if dots > 0 {
          // Transliterated minority name: Han segments joined by separator dots.
          var segments = 0
          var segmentLength = 0
          var wellFormed = true
          for index in 0..<count {
            if compact[index] == 0xB7 {
              if segmentLength == 0 { wellFormed = false }
              segments += 1
              segmentLength = 0
            } else if compact[index] != 0x20 {
              segmentLength += 1
            }
          }
          if segmentLength == 0 { wellFormed = false }
          guard wellFormed, spaces == 0, han >= 3, han <= 40 else {
            return verdict(false, "not a name", .low)
          }
          return verdict(true, nil, .high, [FindingDetail("form", "transliterated")])
        }
        guard spaces == 0 else { return verdict(false, "not a name", .low) }
        guard han >= 2 else { return verdict(false, "too short for a name", .medium) }
        if han <= 4 && v.isCompoundSurname(name, 0) && han >= 3 {
          return verdict(
            true, nil, .high,
            [
              FindingDetail("surname", name.string(0..<2)),
              FindingDetail("form", "compound surname"),
            ])
        }
        if han <= 4 && v.isSingleSurname(name, 0) {
          if let trap = v.trap(in: name, at: 0, end: count),
            (trap.length == han && !trap.maybeName) || han == 4
          {
            return verdict(false, "a common word, not a name", .medium)
          }
          if hasTitle(compact, from: 1, count: count) {
            return verdict(false, "surname and title only", .medium)
          }
          var details = [FindingDetail("surname", name.string(0..<1))]
          if han == 4 {
            details.append(
              FindingDetail(
                "form", v.isSingleSurname(name, 1) ? "double surname" : "long given name"))
            return verdict(true, nil, .medium, details)
          }
          return verdict(true, nil, .high, details)
        }
        if han == 4, let first = SoftText.pack(name, 0, 2), let second = SoftText.pack(name, 2, 2),
          v.tibetanNameParts.contains(first), v.tibetanNameParts.contains(second)
        {
          return verdict(true, nil, .medium, [FindingDetail("form", "tibetan")])
        }
        if han > 4 { return verdict(false, "too long for a Han name", .low) }
        return verdict(false, "no known surname", .low)
      }
    }
  }

  /// A name in free text right after a cue word: the scalar range, or nil.
  ///
  /// Takes a surname (compound first) and one or two given-name characters, stopping before a
  /// word that ends a name (先生, 电话, 的…) or a region name; a transliterated name with dots
  /// needs no surname. Rejects trap words (周末, 高中…), 某-anonymised names and lone surnames.
  static func scan(
    _ text: ScalarText, at start: Int, end: Int, vocabulary v: SoftVocabulary = .shared
  ) -> Range<Int>? {
    guard start < end, SoftText.isHan(text.scalars[start]) else { return nil }
    // Transliterated: 买买提·艾力.
    var runEnd = start
    while runEnd < end, runEnd < start + 12, SoftText.isHan(text.scalars[runEnd]) { runEnd += 1 }
    if runEnd + 1 < end, SoftText.isNameDot(text.scalars[runEnd]),
      SoftText.isHan(text.scalars[runEnd + 1])
    {
      var index = runEnd
      var han = runEnd - start
      while index + 1 < end, SoftText.isNameDot(text.scalars[index]),
        SoftText.isHan(text.scalars[index + 1])
      {
        index += 1
        while index < end, index < start + 40, SoftText.isHan(text.scalars[index]) {
          index += 1
          han += 1
        }
      }
      return han >= 3 ? start..<index : nil
    }
    let surnameLength: Int
    if v.isCompoundSurname(text, start) && start + 2 < end
      && SoftText.isHan(text.scalars[start + 2])
    {
      surnameLength = 2
    } else if v.isSingleSurname(text, start) {
      surnameLength = 1
    } else {
      return nil
    }
    if v.trap(in: text, at: start, end: end) != nil { return nil }
    var index = start + surnameLength
    var given = 0
    while index < end, given < 2, SoftText.isHan(text.scalars[index]) {
      let value = text.scalars[index]
      if value == anonymous { return nil }
      var ends = false
      v.nameEnds.forEachMatch(in: text, at: index, end: end) { length, _ in
        if given >= 1 || length >= 2 { ends = true }
        return !ends
      }
      if ends || regionStarts(text, at: index, end: end, vocabulary: v) { break }
      index += 1
      given += 1
    }
    guard given >= 1 else { return nil }
    return start..<index
  }

  /// Whether a full province or prefecture name (广东省, 深圳市) starts at `index`.
  static func regionStarts(
    _ text: ScalarText, at index: Int, end: Int, vocabulary v: SoftVocabulary
  ) -> Bool {
    var found = false
    v.regionNames.forEachMatch(in: text, at: index, end: end) { _, payload in
      for k in Int(v.regionStart[Int(payload)])..<Int(v.regionStart[Int(payload) + 1])
      where !v.regionIsShort[k] && AddressGrammar.levelRank(v.regionCodes[k]) <= 2 {
        found = true
      }
      return !found
    }
    return found
  }
}
