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

/// The UTF-8 byte-order mark (`EF BB BF`) that `--csv-bom` writes before a CSV report.
///
/// Excel reads a CSV file without one in the system's legacy code page (GBK on Chinese
/// Windows), which turns UTF-8 Chinese text into mojibake; with it, Excel reads the file as
/// UTF-8. It is off by default because CSV readers that do not expect it take the mark as part
/// of the first field name (Python's csv module reads it away only with `utf-8-sig`).
public let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
