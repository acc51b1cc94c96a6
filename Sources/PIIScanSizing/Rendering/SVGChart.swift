/// Bar charts drawn as inline SVG, for the HTML report.
///
/// Inline SVG is part of the page: it needs no script, no font and no image from anywhere,
/// scales with the page when printed, and its labels are text that can be selected, searched
/// and read by the tests. Geometry is whole pixels computed with integers, so the same report
/// gives the same bytes on every machine. Colours come from the page's style sheet through
/// class names (`s0`, `s1`, `t50`…), so print rules can change them in one place.
enum SVGChart {
  /// The drawing width in SVG units: about the text width of an A4 page at 96 dpi.
  static let width = 680

  /// One bar: its label, its segments (stacked left to right, each drawn with its class), and
  /// the text shown after it.
  struct Bar {
    var label: String
    var segments: [(value: Int, cssClass: String)]
    var valueText: String
    /// What a pointer over the bar shows (its figures in words).
    var tooltip: String
  }

  /// Horizontal bars, one per row, label on the left and figure on the right; lengths are
  /// proportional to each bar's total.
  static func horizontal(_ bars: [Bar], title: String) -> String {
    let rowHeight = 22
    let barHeight = 14
    let labelUnits = min(34, bars.map { TextDocument.width($0.label) }.max() ?? 0)
    let labelWidth = max(40, labelUnits * 7)
    let valueWidth = (bars.map { TextDocument.width($0.valueText) }.max() ?? 0) * 7 + 8
    let barX = labelWidth + 10
    let barMax = max(100, width - barX - valueWidth)
    let maxTotal = max(1, bars.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
    let height = bars.count * rowHeight + 8
    var svg = HTMLText()
    svg.element(
      "svg",
      [
        "viewBox": "0 0 \(width) \(height)", "width": String(width), "height": String(height),
        "role": "img", "aria-label": title, "class": "chart",
      ]
    ) { svg in
      svg.element("title", text: title)
      for (index, bar) in bars.enumerated() {
        let y = 4 + index * rowHeight
        svg.element(
          "text",
          [
            "x": String(labelWidth), "y": String(y + barHeight - 2), "text-anchor": "end",
            "class": "label",
          ], text: truncated(bar.label, units: labelUnits))
        var x = barX
        for segment in bar.segments where segment.value > 0 {
          let length = max(1, segment.value * barMax / maxTotal)
          svg.element(
            "rect",
            [
              "x": String(x), "y": String(y), "width": String(length),
              "height": String(barHeight), "class": segment.cssClass,
            ]
          ) { $0.element("title", text: bar.tooltip) }
          x += length
        }
        svg.element(
          "text", ["x": String(x + 4), "y": String(y + barHeight - 2), "class": "value"],
          text: bar.valueText)
      }
    }
    return svg.text
  }

  /// Vertical columns side by side (age bands): the figure above each column, its label
  /// below.
  static func columns(_ bars: [(label: String, value: Int)], title: String) -> String {
    let plotHeight = 150
    let top = 18
    let height = top + plotHeight + 24
    let columnWidth = (width - 20) / max(1, bars.count)
    let barWidth = columnWidth * 3 / 5
    let maxValue = max(1, bars.map(\.value).max() ?? 1)
    var svg = HTMLText()
    svg.element(
      "svg",
      [
        "viewBox": "0 0 \(width) \(height)", "width": String(width), "height": String(height),
        "role": "img", "aria-label": title, "class": "chart",
      ]
    ) { svg in
      svg.element("title", text: title)
      svg.empty(
        "line",
        [
          "x1": "10", "y1": String(top + plotHeight), "x2": String(width - 10),
          "y2": String(top + plotHeight), "class": "axis",
        ])
      for (index, bar) in bars.enumerated() {
        let center = 10 + index * columnWidth + columnWidth / 2
        let length = bar.value > 0 ? max(1, bar.value * plotHeight / maxValue) : 0
        let y = top + plotHeight - length
        if length > 0 {
          svg.element(
            "rect",
            [
              "x": String(center - barWidth / 2), "y": String(y), "width": String(barWidth),
              "height": String(length), "class": "s0",
            ]
          ) { $0.element("title", text: "\(bar.label): \(NumberText.grouped(bar.value))") }
        }
        svg.element(
          "text",
          [
            "x": String(center), "y": String(y - 4), "text-anchor": "middle", "class": "value",
          ], text: NumberText.grouped(bar.value))
        svg.element(
          "text",
          [
            "x": String(center), "y": String(top + plotHeight + 16), "text-anchor": "middle",
            "class": "label",
          ], text: bar.label)
      }
    }
    return svg.text
  }

  /// `text` cut to `units` display columns, with an ellipsis when cut.
  static func truncated(_ text: String, units: Int) -> String {
    guard TextDocument.width(text) > units else { return text }
    var out = ""
    for character in text {
      let next = out + String(character)
      if TextDocument.width(next) > units - 1 { break }
      out = next
    }
    return out + "…"
  }
}
