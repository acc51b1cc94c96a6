import Foundation
import Testing

@testable import PIIScanSizing

/// The HTML report: self-contained, escaped, with the figures of the report in it. (How it
/// looks in a browser, and that the figures a browser shows are the JSON's, is checked end to
/// end in `HTMLReportBrowserTests`.)
@Suite struct HTMLReportTests {
  static let labels = RenderingTests.labels

  static func report() throws -> SizingReport {
    let parent = TestDirectory()
    var aggregate = try Feeding.single(
      TestWorld.generate(seed: 71, records: 600), directory: try parent.spillDirectory())
    return try aggregate.report(SizingReportOptions(lookup: TestLookup()))
  }

  /// Whatever could make a browser fetch something or run something.
  static func outsideReferences(_ html: String) -> [String] {
    let lowered = html.lowercased()
    var found: [String] = []
    for needle in [
      "<script", "http:", "https:", "//", "src=", "url(", "@import", "<link", "<img", "<iframe",
      "<object", "<embed", "javascript:", "@font-face", " on",
    ] where lowered.contains(needle) {
      // `//` and ` on` are fine inside the text of the page; look for them in markup only.
      if needle == "//" || needle == " on" {
        let tags = lowered.split(separator: "<").map { $0.prefix { $0 != ">" } }
        if needle == "//", tags.contains(where: { $0.contains("//") }) { found.append(needle) }
        if needle == " on", tags.contains(where: { $0.contains(" on") && $0.contains("=") }) {
          found.append(needle)
        }
        continue
      }
      found.append(needle)
    }
    // Links may only point inside the page.
    var rest = lowered[...]
    while let range = rest.range(of: "href=\"") {
      if rest[range.upperBound...].first != "#" { found.append("href to outside") }
      rest = rest[range.upperBound...]
    }
    return found
  }

  @Test(arguments: SizingLanguage.allCases)
  func pageHoldsEverythingItShows(language: SizingLanguage) throws {
    let html = try Self.report().render(.html, language: language, labels: Self.labels)
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    #expect(Self.outsideReferences(html).isEmpty, "\(Self.outsideReferences(html))")
    #expect(html.contains("default-src 'none'"))
    #expect(html.contains("<svg"))
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains(language == .zh ? "<html lang=\"zh-CN\">" : "<html lang=\"en\">"))
  }

  /// The checks of `outsideReferences` do find what they look for.
  @Test func outsideReferencesAreFound() {
    #expect(Self.outsideReferences("<p>a // b, and on and on</p>").isEmpty)
    #expect(Self.outsideReferences("<a href=\"#x\">x</a>").isEmpty)
    #expect(!Self.outsideReferences("<a href=\"x.html\">x</a>").isEmpty)
    #expect(!Self.outsideReferences("<img src=\"x.png\">").isEmpty)
    #expect(!Self.outsideReferences("<p style=\"background: url(x)\">").isEmpty)
    #expect(!Self.outsideReferences("<p onclick=\"x()\">").isEmpty)
    #expect(!Self.outsideReferences("<use href=\"//host/x\"/>").isEmpty)
  }

  /// A path, a member or a notice holding markup is shown as text, never read as markup.
  @Test func dataIsEscaped() throws {
    var report = try Self.report()
    report.inputs[0].path = "<img src=x onerror=alert(1)>&\"q\".csv"
    report.inputs[0].member = "a'b"
    report.notices = ["</table><script>x</script>"]
    let html = report.render(.html, language: .en, labels: Self.labels)
    #expect(!html.contains("<img") && !html.contains("<script"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;q&quot;.csv!a&#39;b"))
    #expect(html.contains("&lt;/table&gt;&lt;script&gt;x&lt;/script&gt;"))
    #expect(HTMLText.escape("a\u{01}b\tc") == "a\u{FFFD}b\tc")
  }

  /// The headline figures are in the page, grouped as NumberText writes them, next to their
  /// labels, in both languages.
  @Test(arguments: SizingLanguage.allCases)
  func headlineFiguresAreShown(language: SizingLanguage) throws {
    let report = try Self.report()
    let html = report.render(.html, language: language, labels: Self.labels)
    func g(_ value: Int) -> String { NumberText.grouped(value) }
    #expect(html.contains(">\(g(report.persons.distinct))<"))
    #expect(html.contains(">\(g(report.records.total))<"))
    #expect(html.contains(">\(report.score.decimal)<"))
    for index in 0..<3 {
      #expect(html.contains(">\(g(report.persons.byTier[index]))<"))
      #expect(html.contains(">\(g(report.records.byTier[index]))<"))
    }
    for input in report.inputs { #expect(html.contains(input.sha256 ?? "-")) }
    for category in report.categories {
      #expect(html.contains(HTMLText.escape(Self.labels.category(category.id, language))))
    }
    #expect(html.contains(HTMLText.escape(FixedLabel.legalBasisText.text(language))))
    #expect(html.contains("参考计算，不构成法律意见"))
    for chart in ["chart-tiers", "chart-categories", "chart-provinces", "chart-age", "chart-sex"] {
      #expect(html.contains("<figure id=\"\(chart)\">"), "\(chart)")
    }
  }

  /// Bars are as long as their figures say: proportional to the largest, in whole pixels.
  @Test func barLengthsAreProportional() {
    let svg = SVGChart.horizontal(
      [
        SVGChart.Bar(label: "a", segments: [(100, "s0")], valueText: "100", tooltip: "a"),
        SVGChart.Bar(
          label: "b", segments: [(50, "s0"), (25, "s1")], valueText: "75", tooltip: "b"),
        SVGChart.Bar(label: "c", segments: [(0, "s0")], valueText: "0", tooltip: "c"),
      ], title: "t")
    let widths = svg.components(separatedBy: "width=\"").dropFirst(2).map {
      Int($0.prefix { $0.isNumber })!
    }
    #expect(widths.count == 3)  // no rectangle for a zero
    #expect(widths[1] * 2 == widths[0] || widths[1] * 2 + 1 == widths[0])
    #expect(widths[2] * 4 == widths[0] || widths[2] * 4 + 1 >= widths[0])
    #expect(SVGChart.truncated("中华人民共和国", units: 7) == "中华人…")
  }
}

/// Counts as people read them: grouped digits, and 万/亿 readings.
@Suite struct NumberTextTests {
  @Test func groupsLikeAReferenceFormatter() {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.numberStyle = .decimal
    formatter.groupingSeparator = ","
    formatter.usesGroupingSeparator = true
    formatter.groupingSize = 3
    var generator = SystemRandomNumberGenerator()
    var values = [0, 1, 12, 123, 999, 1_000, 12_345, 123_456, 1_234_567, -1, -1_234, Int.max / 7]
    for _ in 0..<200 {
      values.append(Int.random(in: -10_000_000_000...10_000_000_000, using: &generator))
    }
    for value in values {
      #expect(NumberText.grouped(value) == formatter.string(from: NSNumber(value: value)))
    }
  }

  @Test func chineseUnitsByHand() {
    #expect(NumberText.chineseUnits(9_999) == nil)
    #expect(NumberText.chineseUnits(10_000) == "1万")
    #expect(NumberText.chineseUnits(123_456) == "12万3456")
    #expect(NumberText.chineseUnits(100_005) == "10万零5")
    #expect(NumberText.chineseUnits(230_000_000) == "2亿3000万")
    #expect(NumberText.chineseUnits(100_001_000) == "1亿零1000")
    #expect(NumberText.chineseUnits(105_000_000) == "1亿零500万")
    #expect(NumberText.chineseUnits(1_234_567_890_123) == "12,345亿6789万零123")
  }

  /// Read back by a parser written here, every reading is the number.
  @Test func chineseUnitsReadBack() {
    func read(_ text: String) -> Int {
      var total = 0
      var current = 0
      for character in text {
        switch character {
        case "亿":
          total += current * 100_000_000
          current = 0
        case "万":
          total += current * 10_000
          current = 0
        case "零", ",": break
        default: current = current * 10 + Int(String(character))!
        }
      }
      return total + current
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let value = Int.random(in: 10_000...9_999_999_999_999, using: &generator)
      let text = NumberText.chineseUnits(value)!
      #expect(read(text) == value, "\(value) → \(text)")
    }
  }
}
