import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress display on standard error: bytes done, rate, time left.
///
/// It appears only on a terminal and only once a scan has run for a second, redraws at most
/// four times a second, and erases itself at the end, so it never mixes into piped output.
public final class ProgressMeter {
  private let totalBytes: Int64?
  private let started = ProgressMeter.now()
  private var lastDrawn: Double = 0
  private var shown = false

  public init(totalBytes: Int64?) { self.totalBytes = totalBytes }

  /// Whether standard error is a terminal.
  public static var isTerminal: Bool { isatty(2) != 0 }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  public func update(bytes: Int64) {
    let now = ProgressMeter.now()
    let elapsed = now - started
    guard elapsed >= 1, now - lastDrawn >= 0.25 else { return }
    lastDrawn = now
    let rate = Double(bytes) / elapsed
    var line = "scanned " + ProgressMeter.size(Double(bytes))
    if let totalBytes, totalBytes > 0 {
      let fraction = min(1, Double(bytes) / Double(totalBytes))
      line += " of " + ProgressMeter.size(Double(totalBytes))
      line += " (\(Int(fraction * 100))%)"
      line += ", " + ProgressMeter.size(rate) + "/s"
      if rate > 0 {
        line += ", " + ProgressMeter.duration(Double(totalBytes - bytes) / rate) + " left"
      }
    } else {
      line += ", " + ProgressMeter.size(rate) + "/s"
    }
    draw("\r\u{1B}[K" + line)
    shown = true
  }

  public func finish() {
    if shown { draw("\r\u{1B}[K") }
    shown = false
  }

  private func draw(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }

  static func size(_ bytes: Double) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = bytes
    var unit = 0
    while value >= 1000 && unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f ", value) + units[unit]
  }

  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    if s >= 3600 { return "\(s / 3600)h\(s % 3600 / 60)m" }
    if s >= 60 { return "\(s / 60)m\(s % 60)s" }
    return "\(s)s"
  }
}
