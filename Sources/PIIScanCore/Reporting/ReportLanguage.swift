import PIIScanSizing

/// The language of what people read: the labels of `scan --format text`, `check`, and the
/// text, Markdown, HTML and CSV sizing reports (`--lang zh|en`). Machine formats (JSON, JSON
/// Lines, SARIF, CSV field names) always carry the stable English ids, whatever it is.
///
/// The sizing module's type, so one `--lang` value serves every command.
public typealias ReportLanguage = SizingLanguage

extension SizingLanguage {
  /// The language the environment asks for: Chinese when the locale that decides messages
  /// (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, the first one set and not empty, as POSIX
  /// orders them) names Chinese (`zh_CN.UTF-8`, `zh_TW`, `zh`); English otherwise, also when
  /// none is set.
  public static func fromEnvironment(_ environment: [String: String]) -> SizingLanguage {
    let locale =
      ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }
      .first { !$0.isEmpty } ?? ""
    return locale.hasPrefix("zh") ? .zh : .en
  }
}
