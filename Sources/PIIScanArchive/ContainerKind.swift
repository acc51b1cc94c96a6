/// What the first bytes of a stream say it is: a compression, an archive, or neither.
///
/// Decided by ``ContainerSniffer`` from magic bytes, never from a file name, so a `.gz` file that
/// holds plain text is ``plain`` and a CSV export renamed to `.dat` that is really a zip is
/// ``zip``.
///
/// - Note: A plain value; safe to share across tasks.
public enum ContainerKind: Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
  /// gzip (RFC 1952): `1F 8B`.
  case gzip
  /// bzip2: `BZh` and a block-size digit `1`…`9`.
  case bzip2
  /// xz: `FD 37 7A 58 5A 00`.
  case xz
  /// Zstandard frame: `28 B5 2F FD`.
  case zstd
  /// LZ4 frame: `04 22 4D 18`.
  case lz4
  /// lzip: `LZIP`.
  case lzip
  /// Unix `compress` (`.Z`): `1F 9D`.
  case unixCompress
  /// zip: a local file header `PK 03 04`, or `PK 05 06` (the end record of an empty zip).
  case zip
  /// POSIX or GNU tar: `ustar` at offset 257, or an old (v7) header with a valid checksum.
  case tar
  /// 7-Zip: `37 7A BC AF 27 1C`.
  case sevenZip
  /// RAR 4 or 5: `Rar! 1A 07`.
  case rar
  /// cpio with an ASCII header: `070707`, `070701` or `070702`.
  case cpio
  /// Unix `ar` (also `.deb`): `!<arch>` and a newline.
  case ar
  /// None of the above: scan the bytes as they are.
  case plain

  /// Whether this is a compression of a single stream (no member names or directories).
  ///
  /// The decompressed stream may itself be an archive: a `.tar.gz` sniffs as ``gzip``.
  public var isCompression: Bool {
    switch self {
    case .gzip, .bzip2, .xz, .zstd, .lz4, .lzip, .unixCompress: true
    default: false
    }
  }

  /// Whether this is an archive of named entries.
  public var isArchive: Bool {
    switch self {
    case .zip, .tar, .sevenZip, .rar, .cpio, .ar: true
    default: false
    }
  }

  /// A short lowercase name for messages and reports: `gzip`, `7z`, `plain`…
  public var description: String {
    switch self {
    case .gzip: "gzip"
    case .bzip2: "bzip2"
    case .xz: "xz"
    case .zstd: "zstd"
    case .lz4: "lz4"
    case .lzip: "lzip"
    case .unixCompress: "compress"
    case .zip: "zip"
    case .tar: "tar"
    case .sevenZip: "7z"
    case .rar: "rar"
    case .cpio: "cpio"
    case .ar: "ar"
    case .plain: "plain"
    }
  }
}
