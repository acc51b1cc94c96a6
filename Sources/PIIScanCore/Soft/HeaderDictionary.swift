/// What a column or key name says: the header dictionary (docs/VALIDATORS.md §8.1)
/// (each category's `headers` in its pattern file, and `Patterns/vocabularies/known-headers.tsv`
/// for names that say no category): Chinese headers, pinyin initialisms and
/// English names.
///
/// Lookup is case-insensitive and ignores spaces, `_`, `-`, `.`, quotes, backticks and brackets
/// (`[Real Name]`, `"real_name"`, `REALNAME` are one header); full-width ASCII is read as ASCII
/// and a trailing parenthesised remark is dropped (`年龄(岁)`). When the whole name is not listed,
/// it is retried without a trailing 号码/号/编号/no/number/num (`qq号` → `qq`, `card_no` is
/// listed itself), then without an owner prefix (`客户手机` → `手机`, `联系人地址` → `地址`).
///
/// Ambiguous initialisms take the reading common in public-security and customer exports and the
/// dictionary's `note` column says so: `zjhm` is 证件号码 (not 主叫号码 of call-detail tables),
/// `sj` is 手机 (not 时间), `jg` is 籍贯 (not 价格), `jl` is 简历, `zd/bl/bs` are 诊断/病历/病史.
///
/// - Note: stateless; safe to call from any task.
public enum HeaderDictionary {
  /// The category a header names, or nil for unknown headers and for known headers with no
  /// category of their own (证件类型, 开户行, username…).
  public static func category(ofHeader name: some Collection<UInt8>) -> SoftCategory? {
    entry(name) ?? nil
  }

  /// Whether the dictionary lists `name` at all, with a category or as a known header without
  /// one (开户行, 证件类型, 日期): a column it lists is never given a category from its values.
  public static func isKnown(_ name: some Collection<UInt8>) -> Bool {
    entry(name) != nil
  }

  /// The dictionary's entry for `name`: nil when unlisted, `.some(nil)` when listed without a
  /// category.
  private static func entry(_ name: some Collection<UInt8>) -> SoftCategory?? {
    let key = normalise(String(decoding: Array(name), as: UTF8.self))
    guard !key.isEmpty else { return nil }
    let headers = SoftVocabulary.shared.headers
    if let found = headers[key] { return found }
    for stripped in strippedForms(key) {
      if let found = headers[stripped] { return found }
    }
    return nil
  }

  /// Suffixes dropped on a second try, longest first.
  /// (Patterns/vocabularies/header-affixes.tsv, longest first.)
  static var suffixes: [String] { SoftVocabulary.shared.headerSuffixes }
  /// Owner prefixes dropped on a third try (the same file).
  static var prefixes: [String] { SoftVocabulary.shared.headerPrefixes }

  /// The header in lookup form.
  static func normalise(_ header: String) -> String {
    var result = ""
    var depth = 0
    var remark = ""
    for scalar in header.unicodeScalars {
      let value = SoftText.normalise(scalar.value)
      switch value {
      case 0x28, 0x3010:  // ( 【
        depth += 1
        remark = ""
        continue
      case 0x29, 0x3011:
        depth = max(0, depth - 1)
        continue
      case 0x20, 0x5F, 0x2D, 0x2E, 0x22, 0x27, 0x60, 0x5B, 0x5D, 0x201C, 0x201D, 0x3000, 0x3A:
        continue
      default:
        break
      }
      guard let normalised = Unicode.Scalar(SoftText.isUpper(value) ? value + 0x20 : value)
      else { continue }
      if depth > 0 {
        remark.unicodeScalars.append(normalised)
      } else {
        result.unicodeScalars.append(normalised)
      }
    }
    // A header that is only a remark in brackets keeps it: "(身份证)".
    return result.isEmpty ? remark : result
  }

  /// The forms tried after the full key: without a suffix, without a prefix, without both.
  static func strippedForms(_ key: String) -> [String] {
    var forms: [String] = []
    var base = [key]
    for suffix in suffixes where key.hasSuffix(suffix) && key.count > suffix.count {
      let stripped = String(key.dropLast(suffix.count))
      forms.append(stripped)
      base.append(stripped)
      break
    }
    for form in base {
      for prefix in prefixes where form.hasPrefix(prefix) && form.count > prefix.count {
        let stripped = String(form.dropFirst(prefix.count))
        forms.append(stripped)
        for suffix in suffixes where stripped.hasSuffix(suffix) && stripped.count > suffix.count {
          forms.append(String(stripped.dropLast(suffix.count)))
          break
        }
        break
      }
    }
    return forms
  }
}
