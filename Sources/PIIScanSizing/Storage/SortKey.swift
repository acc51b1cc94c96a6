/// A fixed-width key that sorted runs store: totally ordered, written to files as
/// little-endian words whatever the machine (docs/STATE-FORMAT.md).
protocol SortKey: Comparable, BitwiseCopyable, Sendable {
  /// Bytes the key takes in a file (the entry adds one payload byte).
  static var encodedByteCount: Int { get }
  func encode(to target: UnsafeMutableRawPointer)
  init(decodingFrom source: UnsafeRawPointer)
}

extension UnsafeMutableRawPointer {
  @inline(__always)
  func storeLittleEndian(_ word: UInt64, at offset: Int) {
    storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt64.self)
  }

  @inline(__always)
  func storeLittleEndian(_ word: UInt32, at offset: Int) {
    storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt32.self)
  }
}

extension UnsafeRawPointer {
  @inline(__always)
  func loadLittleEndian64(at offset: Int) -> UInt64 {
    UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  @inline(__always)
  func loadLittleEndian32(at offset: Int) -> UInt32 {
    UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }
}

extension SizingKey: SortKey {
  static var encodedByteCount: Int { 16 }

  func encode(to target: UnsafeMutableRawPointer) {
    target.storeLittleEndian(high, at: 0)
    target.storeLittleEndian(low, at: 8)
  }

  init(decodingFrom source: UnsafeRawPointer) {
    self.init(high: source.loadLittleEndian64(at: 0), low: source.loadLittleEndian64(at: 8))
  }
}

/// A link between two person keys made by one record: the record's only value of its
/// strongest kind (`anchor`) and the only value of a weaker kind (`weak`). Ordered by anchor,
/// then weak.
struct PersonLink: SortKey {
  var anchor: SizingKey
  var weak: SizingKey

  static func < (a: PersonLink, b: PersonLink) -> Bool {
    a.anchor != b.anchor ? a.anchor < b.anchor : a.weak < b.weak
  }

  static var encodedByteCount: Int { 32 }

  func encode(to target: UnsafeMutableRawPointer) {
    anchor.encode(to: target)
    weak.encode(to: target + 16)
  }

  init(anchor: SizingKey, weak: SizingKey) {
    self.anchor = anchor
    self.weak = weak
  }

  init(decodingFrom source: UnsafeRawPointer) {
    anchor = SizingKey(decodingFrom: source)
    weak = SizingKey(decodingFrom: source + 16)
  }
}

/// That a record with this content was seen in this input (the input's stable id, a hash of
/// its path and member). Ordered by content, then input.
struct RecordSighting: SortKey {
  var content: SizingKey
  var input: UInt64

  static func < (a: RecordSighting, b: RecordSighting) -> Bool {
    a.content != b.content ? a.content < b.content : a.input < b.input
  }

  static var encodedByteCount: Int { 24 }

  func encode(to target: UnsafeMutableRawPointer) {
    content.encode(to: target)
    target.storeLittleEndian(input, at: 16)
  }

  init(content: SizingKey, input: UInt64) {
    self.content = content
    self.input = input
  }

  init(decodingFrom source: UnsafeRawPointer) {
    content = SizingKey(decodingFrom: source)
    input = source.loadLittleEndian64(at: 16)
  }
}

/// A link's weak key with the number the persons step gave its anchor: sorted by weak key so
/// that a second pass over the person keys can number the weak side too.
struct NumberedWeakKey: SortKey {
  var weak: SizingKey
  var anchorNumber: UInt32

  static func < (a: NumberedWeakKey, b: NumberedWeakKey) -> Bool {
    a.weak != b.weak ? a.weak < b.weak : a.anchorNumber < b.anchorNumber
  }

  static var encodedByteCount: Int { 20 }

  func encode(to target: UnsafeMutableRawPointer) {
    weak.encode(to: target)
    target.storeLittleEndian(anchorNumber, at: 16)
  }

  init(weak: SizingKey, anchorNumber: UInt32) {
    self.weak = weak
    self.anchorNumber = anchorNumber
  }

  init(decodingFrom source: UnsafeRawPointer) {
    weak = SizingKey(decodingFrom: source)
    anchorNumber = source.loadLittleEndian32(at: 16)
  }
}
