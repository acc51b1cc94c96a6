/// Recognises compressed streams and archives from their first bytes.
///
/// ```swift
/// let source = PeekingSource(FileDescriptorSource(fileDescriptor: 0))
/// let kind = ContainerSniffer.kind(of: try source.peek())
/// if kind != .plain {
///   let reader = try ArchiveReader(source: source, kind: kind, budget: ArchiveBudget())
///   …
/// }
/// ```
///
/// Only magic bytes count; the sniffer never sees a file name. A prefix too short to hold a
/// magic is ``ContainerKind/plain``.
public enum ContainerSniffer {
  /// How many leading bytes ``kind(of:)`` can use: one tar header block.
  ///
  /// Shorter prefixes work, but a tar archive is only recognised with at least 262 bytes
  /// (`ustar` at offset 257), or 512 for an old header without the `ustar` magic.
  public static let prefixLength = 512

  /// Magic bytes at the start of the stream, tried in order.
  private static let leadingMagics: [(magic: [UInt8], kind: ContainerKind)] = [
    ([0x1F, 0x8B], .gzip),
    ([0x1F, 0x9D], .unixCompress),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], .xz),
    ([0x28, 0xB5, 0x2F, 0xFD], .zstd),
    ([0x04, 0x22, 0x4D, 0x18], .lz4),
    (Array("LZIP".utf8), .lzip),
    ([0x50, 0x4B, 0x03, 0x04], .zip),
    // The end-of-central-directory record: all an empty zip holds.
    ([0x50, 0x4B, 0x05, 0x06], .zip),
    ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], .sevenZip),
    (Array("Rar!".utf8) + [0x1A, 0x07], .rar),
    (Array("!<arch>\n".utf8), .ar),
    (Array("070707".utf8), .cpio),
    (Array("070701".utf8), .cpio),
    (Array("070702".utf8), .cpio),
  ]

  /// The kind of container whose stream starts with `prefix`.
  ///
  /// - Parameter prefix: The first bytes of the stream, ideally ``prefixLength`` of them (or
  ///   all of them, for a shorter stream).
  /// - Returns: The container kind, or ``ContainerKind/plain``.
  public static func kind(of prefix: UnsafeRawBufferPointer) -> ContainerKind {
    for (magic, kind) in leadingMagics where hasBytes(magic, at: 0, in: prefix) {
      return kind
    }
    // "BZh" and the block size, a digit 1-9.
    if hasBytes(bzip2Magic, at: 0, in: prefix), prefix.count > 3,
      (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(prefix[3])
    {
      return .bzip2
    }
    // "ustar\0" (POSIX) and "ustar  \0" (GNU) both start with these five bytes.
    if hasBytes(ustarMagic, at: ustarOffset, in: prefix) || isOldTarHeader(prefix) {
      return .tar
    }
    return .plain
  }

  private static let bzip2Magic = Array("BZh".utf8)
  private static let ustarMagic = Array("ustar".utf8)
  private static let ustarOffset = 257

  private static func hasBytes(
    _ magic: [UInt8], at offset: Int, in prefix: UnsafeRawBufferPointer
  ) -> Bool {
    guard prefix.count >= offset + magic.count else { return false }
    for index in magic.indices where prefix[offset + index] != magic[index] {
      return false
    }
    return true
  }

  /// Whether `prefix` starts with a pre-POSIX (v7) tar header: a name, and an octal checksum
  /// field that matches the header's bytes.
  ///
  /// The checksum is the sum of the 512 header bytes with the 8-byte checksum field counted as
  /// spaces. Historic writers summed signed bytes, so both sums are accepted. Text or binary
  /// data passes this only by a negligible chance.
  static func isOldTarHeader(_ prefix: UnsafeRawBufferPointer) -> Bool {
    let blockSize = 512
    let checksumField = 148..<156
    let space = UInt8(ascii: " ")
    guard prefix.count >= blockSize, prefix[0] != 0 else { return false }

    // Optional leading spaces, octal digits, then only NULs or spaces.
    var index = checksumField.lowerBound
    while index < checksumField.upperBound, prefix[index] == space { index += 1 }
    var stored = 0
    let digitsStart = index
    while index < checksumField.upperBound,
      (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(prefix[index])
    {
      stored = stored * 8 + Int(prefix[index] - UInt8(ascii: "0"))
      index += 1
    }
    guard index > digitsStart else { return false }
    while index < checksumField.upperBound {
      guard prefix[index] == 0 || prefix[index] == space else { return false }
      index += 1
    }

    var unsignedSum = 0
    var signedSum = 0
    for offset in 0..<blockSize {
      let byte = checksumField.contains(offset) ? space : prefix[offset]
      unsignedSum += Int(byte)
      signedSum += Int(Int8(bitPattern: byte))
    }
    return stored == unsignedSum || stored == signedSum
  }
}
