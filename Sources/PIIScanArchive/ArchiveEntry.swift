/// One entry of a container, as its header describes it.
///
/// For a compression-only stream (a `.gz` of a text file) the single entry is the whole
/// decompressed stream: its ``name`` is the original file name the gzip header records
/// (`FNAME`), or `""` when there is none or the format records none (bzip2, xz, zstd).
///
/// - Note: A plain value; safe to share across tasks.
public struct ArchiveEntry: Sendable, Equatable {
  /// What an entry is. Only ``file`` entries have data to read.
  public enum Kind: Sendable, Equatable {
    /// A regular file: its data can be read.
    case file
    /// A directory: listed, never read.
    case directory
    /// A symbolic link: listed with its ``ArchiveEntry/linkTarget``, never read or followed.
    case symlink
    /// Anything else: a hard link to an earlier entry, a device, a FIFO, a socket.
    case other
  }

  /// The path inside the container, as stored (`客户/名单.csv`, `./a.txt`, `dir/`).
  ///
  /// Decoded as UTF-8. Old zips and tars from Chinese Windows store GBK names with no marker;
  /// their invalid sequences become U+FFFD here, and the exact bytes are in ``rawName``.
  public var name: String

  /// The path inside the container as the bytes libarchive reports, for callers that decode
  /// legacy encodings (GBK, GB18030) themselves.
  public var rawName: [UInt8]

  /// The data size the header declares, when it declares one (zip streams with a trailing
  /// data descriptor and compressed streams do not).
  public var size: Int64?

  /// What the entry is.
  public var kind: Kind

  /// Whether the entry's data is encrypted. Reading it throws ``ArchiveError/Kind/encrypted``;
  /// ``ArchiveReader/nextEntry()`` skips it.
  public var isEncrypted: Bool

  /// For a symbolic link its target; for a hard link the entry it links to.
  public var linkTarget: String?

  /// A problem with this entry's header that did not stop reading, for example a name that
  /// could not be converted, or damaged bytes skipped to reach this header.
  public var warning: String?

  /// The modification time the header records, in seconds since 1970 (nil when it records
  /// none); kept so a rewritten archive (``ArchiveWriter``) dates its entries as the original.
  public var modificationTime: Int64?

  /// The permission bits the header records (`0o644`…), when it records them.
  public var permissions: UInt32?

  /// Creates an entry description.
  public init(
    name: String, rawName: [UInt8]? = nil, size: Int64? = nil, kind: Kind = .file,
    isEncrypted: Bool = false, linkTarget: String? = nil, warning: String? = nil,
    modificationTime: Int64? = nil, permissions: UInt32? = nil
  ) {
    self.name = name
    self.rawName = rawName ?? Array(name.utf8)
    self.size = size
    self.kind = kind
    self.isEncrypted = isEncrypted
    self.linkTarget = linkTarget
    self.warning = warning
    self.modificationTime = modificationTime
    self.permissions = permissions
  }
}
