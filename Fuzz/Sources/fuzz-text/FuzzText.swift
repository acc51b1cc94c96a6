import FuzzSupport
import PIIScanText

/// The encoding detector and the transcoders, on any bytes.
///
/// The first byte picks how to decode the rest: the encoding (or the detector's verdict), mixed
/// lines, the UTF-16 alignment and a contradicted byte order mark's length. Oracles, from the
/// contracts in Sources/PIIScanText/Transcoder.swift and TranscodedText.swift:
/// - the decoded text is well-formed UTF-8, with at most one replacement per stored byte (and
///   one more for a byte left over at a UTF-16 window's end);
/// - both offset maps stay in range and never go backwards;
/// - on character boundaries they are inverse: a character's first UTF-8 byte maps to a stored
///   position that maps back to it;
/// - an ``OffsetCursor`` walking forward agrees with the one-off mappings.
// libFuzzer calls the target from one thread only.
nonisolated(unsafe) let transcoder = Transcoder()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = bytes(data, size)
  guard let control = input.first else { return 0 }
  let stored = UnsafeRawBufferPointer(rebasing: input[1...])

  let report = EncodingDetector.detect(stored)
  require(report.bomLength <= max(stored.count, 0), "BOM longer than the input: \(report)")
  require((0...1).contains(report.confidence), "confidence out of range: \(report)")

  let encodings = TextEncoding.allCases
  let choice = Int(control & 0x07)
  let encoding = choice < encodings.count ? encodings[choice] : report.encoding
  let mixed = choice < encodings.count ? control & 0x08 != 0 : report.mixedLines
  let origin = Int(control >> 4) & 1
  let markLength = control & 0x20 != 0 ? 2 : (report.bomContradicted ? report.bomLength : 0)
  let text = transcoder.transcode(
    stored, encoding: encoding, mixedLines: mixed, alignmentOrigin: origin,
    markLength: markLength)
  check(text, stored: stored, what: "\(encoding) mixed=\(mixed) origin=\(origin)")
  return 0
}

func check(_ text: TranscodedText, stored: UnsafeRawBufferPointer, what: String) {
  let utf8 = text.utf8
  require(isValidUTF8(utf8), "\(what): output is not UTF-8")
  require(
    text.invalidCount >= 0 && text.invalidCount <= stored.count + 1,
    "\(what): \(text.invalidCount) invalid sequences in \(stored.count) bytes")

  var previous = 0
  for position in 0...stored.count {
    let mapped = text.utf8Offset(forStored: position)
    require((0...utf8.count).contains(mapped), "\(what): stored \(position) -> \(mapped)")
    require(mapped >= previous, "\(what): utf8Offset goes back at stored \(position)")
    previous = mapped
  }
  require(
    text.utf8Offset(forStored: stored.count) == utf8.count, "\(what): end does not map to end")

  previous = 0
  var cursor = OffsetCursor(text)
  for position in 0...utf8.count {
    let mapped = text.storedOffset(forUTF8: position)
    require((0...stored.count).contains(mapped), "\(what): utf8 \(position) -> \(mapped)")
    require(mapped >= previous, "\(what): storedOffset goes back at utf8 \(position)")
    require(
      cursor.storedOffset(forUTF8: position) == mapped,
      "\(what): cursor and one-off mapping differ at utf8 \(position)")
    previous = mapped
    let isBoundary = position == utf8.count || utf8[position] & 0xC0 != 0x80
    if isBoundary {
      let back = text.utf8Offset(forStored: mapped)
      require(back == position, "\(what): utf8 \(position) -> stored \(mapped) -> \(back)")
    }
  }
  require(
    text.storedOffset(forUTF8: utf8.count) == stored.count, "\(what): end does not map to end")
}
