import CArchive

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs libarchive calls that convert entry names under a UTF-8 character-type locale.
///
/// libarchive converts names to the charset of the current locale. A Swift process runs in the
/// "C" locale (ASCII), where a UTF-8 name such as `客户/名单.csv` from a pax header, a zip entry
/// flagged UTF-8 or any 7z archive cannot be converted and is lost. `uselocale` changes only the
/// calling thread's locale, and only for the duration of `body`, so the rest of the process is
/// unaffected. Names stored without a charset (GBK in old zips) are passed through as bytes.
enum ThreadLocale {
  /// A `locale_t` that is created once and never modified or freed.
  private struct Handle: @unchecked Sendable {
    let value: locale_t?
  }

  // SAFETY: the locale object is created once, never changed and never freed; glibc allows one
  // locale object to be installed with uselocale() on any number of threads at once.
  private static let utf8 = Handle(value: carchive_new_utf8_ctype_locale())

  /// Calls `body` with the calling thread's LC_CTYPE set to C.UTF-8, then restores it.
  ///
  /// When the C library has no C.UTF-8 locale, `body` runs in the current locale.
  static func withUTF8<T>(_ body: () -> T) -> T {
    guard let locale = utf8.value else { return body() }
    let previous = uselocale(locale)
    defer { _ = uselocale(previous) }
    return body()
  }
}
