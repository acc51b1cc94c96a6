import Testing

@testable import PIIScanText

/// The mapping between UTF-8 positions and stored positions.
@Suite struct TranscodedTextTests {
  /// An input in one encoding, with a reference decoder for any slice of its stored bytes.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var stored: [UInt8]
    var encoding: TextEncoding
    var mixedLines = false
    var alignmentOrigin = 0
    /// Decodes a slice of `stored` that holds whole characters.
    var reference: @Sendable ([UInt8]) -> [UInt8]?

    /// Whether `stored` (whole characters) decodes to `utf8` by the reference.
    func decodes(_ stored: [UInt8], to utf8: [UInt8]) -> Bool {
      if mixedLines {
        // A line is UTF-8 or GB18030; a slice of a GB18030 line may also be valid UTF-8.
        if utf8 == Array("\u{FFFD}".utf8) {
          return !EncodingDetector.isValidUTF8Bytes(stored) && Iconv.fromGB18030(stored) == nil
        }
        return stored == utf8 || Iconv.fromGB18030(stored) == utf8
      }
      return reference(stored) == utf8
    }
    var testDescription: String { name }
  }

  static let text = SyntheticText.records(lines: 400, seed: 21, extras: true)
  /// One long line: a 40 KB extended insert.
  static let longLine = SyntheticText.records(lines: 400, seed: 22, extras: true)
    .replacingNewlines()

  static let cases: [Case] = [
    Case(name: "GB18030", stored: Iconv.gb18030(text), encoding: .gb18030) {
      Iconv.fromGB18030($0)
    },
    Case(name: "GB18030, one long line", stored: Iconv.gb18030(longLine), encoding: .gb18030) {
      Iconv.fromGB18030($0)
    },
    Case(name: "UTF-16LE", stored: utf16Bytes(text, bigEndian: false), encoding: .utf16le) {
      Iconv.convert($0, from: "UTF-16LE", to: "UTF-8")
    },
    Case(name: "UTF-16BE", stored: utf16Bytes(text, bigEndian: true), encoding: .utf16be) {
      Iconv.convert($0, from: "UTF-16BE", to: "UTF-8")
    },
    Case(
      name: "UTF-16LE from an odd offset", stored: [0x00] + utf16Bytes(text, bigEndian: false),
      encoding: .utf16le, alignmentOrigin: 1
    ) { $0 == [0x00] ? Array("\u{FFFD}".utf8) : Iconv.convert($0, from: "UTF-16LE", to: "UTF-8") },
    Case(name: "UTF-8", stored: Array(text.utf8), encoding: .utf8) { $0 },
    Case(
      name: "UTF-8 with invalid bytes",
      stored: Array(text.utf8).enumerated().flatMap {
        $0.offset % 997 == 0 ? [0xFF, $0.element] : [$0.element]
      },
      encoding: .utf8
    ) { EncodingDetector.isValidUTF8Bytes($0) ? $0 : Array("\u{FFFD}".utf8) },
    Case(name: "mixed lines", stored: mixedLines(), encoding: .gb18030, mixedLines: true) { _ in nil
    },
    Case(
      name: "mixed lines, some damaged", stored: mixedLines(damaged: true), encoding: .gb18030,
      mixedLines: true
    ) { _ in nil },
  ]

  /// UTF-8 and GB18030 lines alternating, some of them long; `damaged`: with a lead byte
  /// replaced in some UTF-8 lines (which GB18030 may then explain without error), a stray
  /// FF in some GB18030 lines, and UTF-8 lines with one CJK character and one stray byte (which
  /// are first decoded as GB18030, then again as UTF-8 with fewer errors).
  static func mixedLines(damaged: Bool = false) -> [UInt8] {
    var bytes: [UInt8] = []
    for (index, line) in text.split(separator: "\n").enumerated() {
      let line = String(line) + (index % 50 == 0 ? longLine : "") + "\n"
      var encoded = index % 3 == 0 ? Iconv.gb18030(line) : Array(line.utf8)
      if damaged && index % 4 == 1 {
        if index % 3 == 0 {
          encoded.insert(0xFF, at: encoded.count / 2)
        } else if let lead = encoded.firstIndex(where: { $0 >= 0xE0 }) {
          encoded[lead] = 0x81
        }
      }
      bytes += encoded
      if damaged && index % 5 == 2 {
        bytes +=
          Array("张".utf8) + [0xFF] + Array(String(repeating: "13800138000,", count: 12).utf8)
          + [0x0A]
      }
    }
    return bytes
  }

  @Test(arguments: cases)
  func everyDigitRunMapsToItsStoredBytes(_ input: Case) {
    let transcoder = Transcoder()
    input.stored.withUnsafeBytes { raw in
      let text = transcoder.transcode(
        raw, encoding: input.encoding, mixedLines: input.mixedLines,
        alignmentOrigin: input.alignmentOrigin)
      let utf8 = Array(text.utf8)
      let runs = digitRuns(utf8)
      #expect(runs.count > 100)
      for run in runs {
        let start = text.storedOffset(forUTF8: run.lowerBound)
        let end = text.storedOffset(forUTF8: run.upperBound)
        #expect(
          input.decodes(Array(input.stored[start..<end]), to: Array(utf8[run])),
          "\(run) → \(start)..<\(end)")
        #expect(text.utf8Offset(forStored: start) == run.lowerBound)
        #expect(text.utf8Offset(forStored: end) == run.upperBound)
      }
    }
  }

  @Test(arguments: cases)
  func everyCharacterMapsBothWays(_ input: Case) {
    let transcoder = Transcoder()
    input.stored.withUnsafeBytes { raw in
      let text = transcoder.transcode(
        raw, encoding: input.encoding, mixedLines: input.mixedLines,
        alignmentOrigin: input.alignmentOrigin)
      let utf8 = Array(text.utf8)
      // Anchors start at (0, 0) and increase strictly in both positions.
      let anchors = text.anchors
      #expect(anchors.count > 0 && anchors.utf8[0] == 0 && anchors.stored[0] == 0)
      for index in 1..<anchors.count {
        #expect(anchors.utf8[index] > anchors.utf8[index - 1])
        #expect(anchors.stored[index] > anchors.stored[index - 1])
      }
      var position = 0
      var storedPosition = 0
      var checked = 0
      while position < utf8.count {
        let length = UTF8Packing.sequenceLength(lead: utf8[position])
        let next = position + length
        let start = text.storedOffset(forUTF8: position)
        let end = text.storedOffset(forUTF8: next)
        // Characters tile the stored bytes without gaps.
        #expect(start == storedPosition)
        #expect(end > start)
        storedPosition = end
        #expect(text.utf8Offset(forStored: start) == position)
        // Inside a character, both directions round down to its start.
        for inside in (position + 1)..<next { #expect(text.storedOffset(forUTF8: inside) == start) }
        for inside in (start + 1)..<end { #expect(text.utf8Offset(forStored: inside) == position) }
        // Check the decoded bytes of a sample of the characters (the reference is slow).
        if length > 1 || position % 17 == 0 {
          #expect(
            input.decodes(Array(input.stored[start..<end]), to: Array(utf8[position..<next])),
            "at \(position)")
          checked += 1
        }
        position = next
      }
      #expect(storedPosition == input.stored.count)
      #expect(text.utf8Offset(forStored: input.stored.count) == utf8.count)
      #expect(text.storedOffset(forUTF8: utf8.count) == input.stored.count)
      // Out-of-range positions are clamped.
      #expect(text.utf8Offset(forStored: input.stored.count + 10) == utf8.count)
      #expect(text.storedOffset(forUTF8: -3) == 0)
      #expect(checked > 1_000)
    }
  }

  @Test(arguments: cases)
  func cursorsAndRangesAgreeWithSingleCalls(_ input: Case) {
    let transcoder = Transcoder()
    input.stored.withUnsafeBytes { raw in
      let text = transcoder.transcode(
        raw, encoding: input.encoding, mixedLines: input.mixedLines,
        alignmentOrigin: input.alignmentOrigin)
      let runs = digitRuns(Array(text.utf8))
      // In order, as a scanner maps its findings.
      var cursor = OffsetCursor(text)
      var storedRuns: [Range<Int>] = []
      for run in runs {
        let range = text.storedRange(forUTF8: run)
        #expect(
          range == text.storedOffset(
            forUTF8: run.lowerBound)..<text.storedOffset(forUTF8: run.upperBound))
        #expect(cursor.storedOffset(forUTF8: run.lowerBound) == range.lowerBound)
        #expect(cursor.storedOffset(forUTF8: run.upperBound) == range.upperBound)
        storedRuns.append(range)
      }
      // Back to UTF-8 with another cursor; then out of order, every position in a stretch.
      var back = OffsetCursor(text)
      for (run, range) in zip(runs, storedRuns) {
        #expect(back.utf8Offset(forStored: range.lowerBound) == run.lowerBound)
        #expect(back.utf8Offset(forStored: range.upperBound) == run.upperBound)
      }
      var generator = SeededGenerator(seed: 23)
      var shuffled = OffsetCursor(text)
      for _ in 0..<2_000 {
        let utf8Position = Int.random(in: 0...text.utf8.count, using: &generator)
        let storedPosition = Int.random(in: 0...input.stored.count, using: &generator)
        #expect(
          shuffled.storedOffset(forUTF8: utf8Position) == text.storedOffset(forUTF8: utf8Position))
        #expect(
          shuffled.utf8Offset(forStored: storedPosition)
            == text.utf8Offset(forStored: storedPosition))
      }
    }
  }

  @Test func ownedRangesOfWindowsTileTheWholeText() {
    // The scanner's use: windows with context on both sides; owned ranges between line
    // starts; the owned UTF-8 of all windows is the whole text's UTF-8.
    let stored = Iconv.gb18030(Self.text)
    let whole = transcode(stored, .gb18030).utf8
    let transcoder = Transcoder()
    var joined: [UInt8] = []
    var ownedStart = 0
    let chunk = 1_000
    let context = 300
    while ownedStart < stored.count {
      let nominal = ownedStart + chunk
      let ownedEnd =
        nominal >= stored.count
        ? stored.count
        : stored.withUnsafeBytes {
          StoredNewlines.firstLineStart(
            in: $0, from: nominal, encoding: .gb18030, alignmentOrigin: 0)
        } ?? stored.count
      let windowStart = max(0, ownedStart - context)
      let windowEnd = min(stored.count, ownedEnd + context)
      let window = Array(stored[windowStart..<windowEnd])
      window.withUnsafeBytes { raw in
        let text = transcoder.transcode(raw, encoding: .gb18030, mixedLines: false)
        let from = text.utf8Offset(forStored: ownedStart - windowStart)
        let to = text.utf8Offset(forStored: ownedEnd - windowStart)
        joined += text.utf8[from..<to]
      }
      ownedStart = ownedEnd
    }
    #expect(joined == whole)
  }
}

extension String {
  fileprivate func replacingNewlines() -> String {
    String(map { $0 == "\n" ? "," : $0 }) + "\n"
  }
}

extension EncodingDetector {
  fileprivate static func isValidUTF8Bytes(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { isValidUTF8($0) }
  }
}
