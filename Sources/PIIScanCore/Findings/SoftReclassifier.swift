/// The verdict a soft detector gave a value, found again from the value alone when the
/// finding is written: the same classifier, entered the way the detector entered it.
enum SoftReclassifier {
  static func verdict(
    _ value: UnsafeRawBufferPointer, category: SoftCategory, flags: FindingFlags, valid: Bool,
    asOf: CivilDate
  ) -> SoftVerdict? {
    func matches(_ verdict: SoftVerdict?) -> SoftVerdict? {
      guard let verdict, verdict.category == category, verdict.valid == valid else { return nil }
      return verdict
    }
    if flags.contains(.freeText) {
      let whole = 0..<value.count
      if let found = FreeTextExtractor.extract(line: value).first(where: {
        $0.range == whole && $0.verdict.category == category
      }) {
        return found.verdict
      }
    }
    if flags.contains(.byShape),
      let verdict = matches(SoftClassifier.classifyUnlabelled(value, asOf: asOf))
    {
      return verdict
    }
    if let verdict = matches(SoftClassifier.classify(value, expected: category, asOf: asOf)) {
      return verdict
    }
    return SoftClassifier.classify(value, expected: category, asOf: asOf)
      ?? SoftClassifier.classifyUnlabelled(value, asOf: asOf)
  }
}
