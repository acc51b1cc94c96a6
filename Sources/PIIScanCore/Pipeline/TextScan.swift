/// Scans a small in-memory text as one chunk: for rule examples, `piiscan check` and tests.
public enum TextScan {
  /// The located findings of `text`.
  public static func findings(
    in text: String, rules: RuleSet, settings: DetectionSettings
  ) -> [Finding] {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { raw in
      let view = ChunkView(
        bytes: UnsafeRawBufferPointer(raw), base: 0, ownStart: 0, ownEnd: raw.count,
        reachesEndOfInput: true)
      let profile = InputProfile.sniff(UnsafeRawBufferPointer(raw))
      var result = ChunkScanner(rules: rules, settings: settings).scan(view, profile: profile)
      var resolver = LocationResolver()
      resolver.resolve(&result)
      return result.findings
    }
  }
}
