/// The character encodings piiscan reads. Detectors only see UTF-8; every other encoding is
/// transcoded per chunk by a ``Transcoder``.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
  /// UTF-8 without a byte order mark (plain ASCII is reported as UTF-8 too).
  case utf8
  /// UTF-8 that starts with the byte order mark `EF BB BF`.
  case utf8BOM
  /// GB18030, which includes GBK and GB2312: one, two or four bytes per character.
  case gb18030
  /// UTF-16, little-endian code units.
  case utf16le
  /// UTF-16, big-endian code units.
  case utf16be

  /// Whether the encoding stores text in 16-bit code units (so a newline is two bytes and
  /// cuts must fall on even offsets from the first code unit).
  public var isUTF16: Bool { self == .utf16le || self == .utf16be }
}

/// What ``EncodingDetector/detect(_:)`` concluded about an input from its first bytes.
public struct EncodingReport: Sendable, Equatable {
  /// The encoding to transcode the input from.
  public var encoding: TextEncoding
  /// Whether lines in the sample are a mix of UTF-8 and GB18030 (an old system's dump appended
  /// to a new one's): such input is transcoded line by line, each line with the encoding it
  /// decodes best in. `encoding` is then ``TextEncoding/gb18030``.
  public var mixedLines: Bool
  /// The length of the byte order mark at the start of the input (0, 2, 3 or 4). The BOM is
  /// not part of the text; the caller starts its first window after it.
  public var bomLength: Int
  /// Whether the input starts with a UTF-16 byte order mark (`FF FE`, `FE FF`) that its content
  /// contradicts: a damaged or hand-edited file whose text is really ``encoding``. The mark,
  /// ``bomLength`` bytes, is not text: pass `markLength: bomLength` to the ``Transcoder`` for the
  /// window at the input's start, and leave it out of the text a profile is read from. Worth a
  /// notice, since the file is not what its first bytes claim.
  public var bomContradicted: Bool
  /// How sure the detector is, from 0 (a guess) to 1 (a byte order mark).
  public var confidence: Double
  /// Why, in words, for diagnostics: "BOM", "zero bytes at odd offsets", "valid UTF-8",
  /// "GB18030: 4,213 double-byte characters, 0 invalid", "binary: …".
  public var reason: String

  public init(
    encoding: TextEncoding, mixedLines: Bool = false, bomLength: Int = 0,
    bomContradicted: Bool = false, confidence: Double, reason: String
  ) {
    self.encoding = encoding
    self.mixedLines = mixedLines
    self.bomLength = bomLength
    self.bomContradicted = bomContradicted
    self.confidence = confidence
    self.reason = reason
  }

  /// Whether the reason says the sample looked like binary data rather than text (the report
  /// then says UTF-8 with a low confidence, so that ASCII runs are still scanned as they are).
  public var looksBinary: Bool { reason.hasPrefix("binary") }
}
