import Glibc

/// Decides the encoding of an input from its first bytes.
///
/// The order of the checks, each with its reason:
/// 1. A byte order mark: `EF BB BF` UTF-8, `FF FE` UTF-16LE, `FE FF` UTF-16BE, `84 31 95 33`
///    GB18030. A UTF-16 mark is a hint the content must confirm: when the bytes after it hold
///    no zero byte (UTF-16 text with any ASCII in it has one in every such code unit) and fewer
///    than 90% of them read as plausible UTF-16 characters, the mark is damage (a hand-edited
///    or badly converted file) and the rest is detected by the steps below;
///    ``EncodingReport/bomContradicted`` then says so.
/// 2. UTF-16 without a BOM. Text that is mostly ASCII has a zero byte in almost every code unit,
///    at odd offsets for little-endian and at even offsets for big-endian. Text that is mostly
///    CJK has few zero bytes; it is UTF-16 when control bytes (`01`–`1F`, which never occur in
///    UTF-8 or GB18030 text) are common while nearly all code units of one byte order are
///    plausible characters (ASCII, CJK, CJK punctuation, full-width forms, Latin, kana, Hangul,
///    paired surrogates) and clearly fewer in the other. Random binary fails both.
/// 3. Binary: zero bytes or control bytes that are not a UTF-16 pattern.
/// 4. Valid UTF-8 (a sequence cut off by the end of the sample is allowed).
/// 5. GB18030, line by line: a line that is valid UTF-8 with CJK is a UTF-8 line, a line that
///    only GB18030 explains is a GB18030 line. Both kinds → ``EncodingReport/mixedLines``.
///    GB18030 with few invalid sequences is GB18030; with many, the input is neither and is
///    reported as UTF-8 with a low confidence.
public enum EncodingDetector {
  /// The number of bytes of the input's start that the decision is made from.
  public static let sampleLength = 64 << 10

  /// Detects the encoding of an input from `prefix`, its first bytes (only the first
  /// ``sampleLength`` are read).
  public static func detect(_ prefix: UnsafeRawBufferPointer) -> EncodingReport {
    let count = min(prefix.count, sampleLength)
    guard count > 0, let base = prefix.baseAddress else {
      return EncodingReport(encoding: .utf8, confidence: 1, reason: "empty input")
    }
    let bytes = base.assumingMemoryBound(to: UInt8.self)
    if let report = byteOrderMark(bytes, count) {
      guard report.encoding.isUTF16 else { return report }
      return contentAfterUTF16Mark(bytes, count, report) ?? report
    }
    return detectContent(bytes, count)
  }

  /// Steps 2 to 5: the encoding of text that has no byte order mark.
  private static func detectContent(_ bytes: UnsafePointer<UInt8>, _ count: Int)
    -> EncodingReport
  {
    guard count > 0 else {
      return EncodingReport(encoding: .utf8, confidence: 1, reason: "empty input")
    }
    let counts = ByteCounts(bytes, count)
    if let report = utf16WithoutBOM(bytes, count, counts) { return report }

    // Text in UTF-8 or GB18030 has next to no zero or control bytes; random or compressed
    // data has about 10% (26 of 256 byte values).
    let zeros = counts.zeroEven + counts.zeroOdd
    if zeros * 100 > count || counts.controls * 50 > count {
      return EncodingReport(
        encoding: .utf8, confidence: 0.1,
        reason: "binary: \(percent(zeros, count)) zero bytes, "
          + "\(percent(counts.controls, count)) control bytes, not a UTF-16 pattern")
    }

    let utf8 = TextStatistics.utf8(bytes, 0, count, stopAtInvalid: true)
    if utf8.invalid == 0 {
      let multibyte = utf8.doubleByte + utf8.longer + utf8.fourByte
      if multibyte == 0 {
        return EncodingReport(encoding: .utf8, confidence: 0.9, reason: "ASCII only")
      }
      return EncodingReport(
        encoding: .utf8, confidence: 0.99,
        reason: "valid UTF-8: \(grouped(multibyte)) multi-byte characters")
    }
    return gb18030OrMixed(bytes, count)
  }

  /// Whether `bytes` is entirely well-formed UTF-8. A worker can check a chunk of an input
  /// detected as UTF-8 with this, and transcode it with `mixedLines: true` when it is not
  /// (an input whose GBK part starts after the sample).
  public static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return UTF8Check.firstInvalid(base.assumingMemoryBound(to: UInt8.self), 0, bytes.count)
      == nil
  }

  // MARK: Steps

  private static func byteOrderMark(_ bytes: UnsafePointer<UInt8>, _ count: Int)
    -> EncodingReport?
  {
    func starts(with mark: [UInt8]) -> Bool {
      count >= mark.count && mark.indices.allSatisfy { bytes[$0] == mark[$0] }
    }
    if starts(with: [0xEF, 0xBB, 0xBF]) {
      return EncodingReport(encoding: .utf8BOM, bomLength: 3, confidence: 1, reason: "BOM")
    }
    if starts(with: [0xFF, 0xFE]) {
      return EncodingReport(encoding: .utf16le, bomLength: 2, confidence: 1, reason: "BOM")
    }
    if starts(with: [0xFE, 0xFF]) {
      return EncodingReport(encoding: .utf16be, bomLength: 2, confidence: 1, reason: "BOM")
    }
    if starts(with: [0x84, 0x31, 0x95, 0x33]) {
      return EncodingReport(encoding: .gb18030, bomLength: 4, confidence: 1, reason: "BOM")
    }
    return nil
  }

  /// What the bytes after a UTF-16 byte order mark are, when they contradict it: no zero byte,
  /// fewer than 90% plausible code units in the mark's byte order, and a verdict of the other
  /// steps that is neither UTF-16 nor binary. `nil` when the mark stands.
  private static func contentAfterUTF16Mark(
    _ bytes: UnsafePointer<UInt8>, _ count: Int, _ mark: EncodingReport
  ) -> EncodingReport? {
    let rest = bytes + mark.bomLength
    let restCount = count - mark.bomLength
    // A mark alone (an empty UTF-16 file) has nothing to contradict it.
    guard restCount > 0, memchr(rest, 0, restCount) == nil else { return nil }
    let bigEndian = mark.encoding == .utf16be
    let plausibility = UTF16Plausibility(rest, units: restCount / 2, bigEndian: bigEndian)
    guard restCount < 2 || plausibility.share < 0.9 else { return nil }
    var report = detectContent(rest, restCount)
    guard !report.encoding.isUTF16, !report.looksBinary else { return nil }
    report.bomLength = mark.bomLength
    report.bomContradicted = true
    report.reason =
      "\(bigEndian ? "UTF-16BE" : "UTF-16LE") byte order mark contradicted by the content "
      + "(no zero bytes, \(percent(plausibility.plausible, max(restCount / 2, 1))) plausible "
      + "UTF-16 code units): " + report.reason
    return report
  }

  private static func utf16WithoutBOM(
    _ bytes: UnsafePointer<UInt8>, _ count: Int, _ counts: ByteCounts
  ) -> EncodingReport? {
    let units = count / 2
    guard units >= 2 else { return nil }
    let zeroEven = counts.zeroEven
    let zeroOdd = counts.zeroOdd
    let asciiLittle = zeroOdd * 4 >= units && zeroOdd >= zeroEven * 8
    let asciiBig = zeroEven * 4 >= units && zeroEven >= zeroOdd * 8
    let cjk = counts.controls * 50 >= count
    // Most input is neither: no need to read it as UTF-16.
    guard asciiLittle || asciiBig || cjk else { return nil }
    let little = UTF16Plausibility(bytes, units: units, bigEndian: false)
    let big = UTF16Plausibility(bytes, units: units, bigEndian: true)

    // Mostly ASCII: a zero byte in most code units, on one side.
    if asciiLittle && little.share >= 0.9 {
      return EncodingReport(
        encoding: .utf16le, confidence: confidence(little.share),
        reason: "zero bytes at odd offsets (\(percent(zeroOdd, units)) of code units)")
    }
    if asciiBig && big.share >= 0.9 {
      return EncodingReport(
        encoding: .utf16be, confidence: confidence(big.share),
        reason: "zero bytes at even offsets (\(percent(zeroEven, units)) of code units)")
    }
    // Mostly CJK: control bytes that text in a byte encoding never has, and code units that
    // are characters in one byte order only.
    guard cjk else { return nil }
    for (encoding, chosen, other) in [
      (TextEncoding.utf16le, little, big), (TextEncoding.utf16be, big, little),
    ] where chosen.share >= 0.9 && chosen.share - other.share >= 0.3 {
      return EncodingReport(
        encoding: encoding, confidence: rounded(confidence(chosen.share) * 0.95),
        reason: "UTF-16 code units without BOM: \(percent(chosen.cjk, units)) CJK, "
          + "\(percent(chosen.plausible, units)) plausible characters")
    }
    return nil
  }

  private static func gb18030OrMixed(_ bytes: UnsafePointer<UInt8>, _ count: Int)
    -> EncodingReport
  {
    let table = GB18030Table.shared
    var utf8Lines = 0
    var gbLines = 0
    var total = TextStatistics()
    var lineStart = 0
    while lineStart < count {
      var lineEnd = count
      if let newline = memchr(bytes + lineStart, 0x0A, count - lineStart) {
        lineEnd = bytes.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
      }
      let (kind, utf8, gb) = LineKind.classify(bytes, lineStart, lineEnd, table)
      switch kind {
      case .utf8:
        if utf8.longer + utf8.fourByte > 0 { utf8Lines += 1 }
      case .gb18030:
        if let gb, gb.nonASCII > 0 {
          gbLines += 1
          total.doubleByte += gb.doubleByte
          total.longer += gb.longer
          total.invalid += gb.invalid
        }
      case .utf8Repaired:
        // Valid UTF-8 cut off by the end of the sample still counts as a UTF-8 line.
        if utf8.invalid == 0 && utf8.longer + utf8.fourByte > 0 {
          utf8Lines += 1
        } else {
          total.invalid += utf8.invalid
        }
      }
      lineStart = lineEnd
    }
    if gbLines == 0 && utf8Lines > 0 {
      // UTF-8 with a few damaged bytes (each line still reads best as UTF-8).
      return EncodingReport(
        encoding: .utf8, confidence: 0.9,
        reason: "UTF-8 with \(grouped(total.invalid)) invalid sequences")
    }
    let characters = total.doubleByte + total.longer + total.invalid
    let summary =
      "\(grouped(total.doubleByte)) double-byte characters, "
      + (total.longer > 0 ? "\(grouped(total.longer)) four-byte, " : "")
      + "\(grouped(total.invalid)) invalid"
    // More than one in ten non-ASCII characters invalid: neither UTF-8 nor GB18030 (Latin-1,
    // Big5, or damaged data). Keep the bytes as they are.
    if characters == 0 || total.invalid * 10 > characters {
      return EncodingReport(
        encoding: .utf8, confidence: 0.2, reason: "neither UTF-8 nor GB18030 (\(summary))")
    }
    let errorRate = Double(total.invalid) / Double(characters)
    let confidence = rounded(max(0.5, min(0.98, 0.98 - errorRate * 4)))
    if utf8Lines > 0 {
      return EncodingReport(
        encoding: .gb18030, mixedLines: true, confidence: rounded(confidence * 0.95),
        reason: "mixed lines: \(grouped(utf8Lines)) UTF-8, \(grouped(gbLines)) GB18030 "
          + "(\(summary))")
    }
    return EncodingReport(
      encoding: .gb18030, confidence: confidence, reason: "GB18030: \(summary)")
  }

  // MARK: Helpers

  private static func confidence(_ share: Double) -> Double {
    rounded(min(0.98, max(0.5, share)))
  }

  private static func rounded(_ value: Double) -> Double {
    (value * 100).rounded() / 100
  }

  private static func percent(_ part: Int, _ whole: Int) -> String {
    "\(whole == 0 ? 0 : (part * 100 + whole / 2) / whole)%"
  }

  /// `4213` → `"4,213"`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}

/// Zero bytes at even and odd offsets, and control bytes (below 0x20, other than tab, line
/// feed, vertical tab, form feed, carriage return and escape), in one pass.
struct ByteCounts {
  var zeroEven = 0
  var zeroOdd = 0
  var controls = 0

  init(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte < 0x20 {
        if byte == 0 {
          if index & 1 == 0 { zeroEven &+= 1 } else { zeroOdd &+= 1 }
        }
        if byte &- 0x09 > 4 && byte != 0x1B { controls &+= 1 }
      }
      index &+= 1
    }
  }
}

/// How much of a byte run reads as text when taken as UTF-16 in one byte order.
struct UTF16Plausibility {
  /// Code units that are plausible characters (or halves of a valid surrogate pair).
  var plausible = 0
  /// Code units in the CJK ranges (ideographs, CJK punctuation, full-width forms).
  var cjk = 0
  /// The share of plausible code units.
  var share: Double

  init(_ bytes: UnsafePointer<UInt8>, units: Int, bigEndian: Bool) {
    var index = 0
    while index < units {
      let unit = StoredCharacter.unit(bytes, index * 2, bigEndian: bigEndian)
      switch unit {
      case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x24F, 0x370...0x4FF, 0x2000...0x206F,
        0x2100...0x22FF, 0x2460...0x25FF, 0x3040...0x30FF, 0xAC00...0xD7A3:
        plausible += 1
      case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF:
        plausible += 1
        cjk += 1
      case 0xD800...0xDBFF:
        if index + 1 < units,
          (0xDC00...0xDFFF).contains(
            StoredCharacter.unit(bytes, index * 2 + 2, bigEndian: bigEndian))
        {
          plausible += 2
          cjk += 2
          index += 1
        }
      default:
        break
      }
      index += 1
    }
    share = Double(plausible) / Double(units)
  }
}
