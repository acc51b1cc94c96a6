/// A finding's value, as UTF-8 bytes: normalised for the strong identifiers (digits only,
/// upper-case X, `AREA-LOCAL`), as written for the rest.
///
/// Up to ``inlineCapacity`` bytes are held in the value itself — every ID number, mobile,
/// landline, card and short name or e-mail — so that a scan allocates nothing per value; longer
/// ones (addresses, employers) are held in an array.
public struct FindingValue: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral
{
  /// The longest value held without an allocation.
  public static let inlineCapacity = 23

  /// The bytes of an inline value, its length in the last byte.
  private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
  private var heap: [UInt8]?

  private var inlineCount: UInt8 {
    get { UInt8(truncatingIfNeeded: storage.2 >> 56) }
    set { storage.2 = (storage.2 & 0x00FF_FFFF_FFFF_FFFF) | (UInt64(newValue) << 56) }
  }

  public static let empty = FindingValue()

  public init() {}

  /// The value of `bytes`.
  public init(_ bytes: UnsafeRawBufferPointer) {
    if bytes.count <= Self.inlineCapacity {
      withUnsafeMutableBytes(of: &storage) { target in
        if let base = bytes.baseAddress, !bytes.isEmpty {
          target.baseAddress!.copyMemory(from: base, byteCount: bytes.count)
        }
      }
      inlineCount = UInt8(bytes.count)
    } else {
      heap = Array(bytes)
    }
  }

  public init(_ bytes: [UInt8]) {
    self = bytes.withUnsafeBytes { FindingValue($0) }
  }

  public init(_ slice: Slice<UnsafeRawBufferPointer>) {
    self.init(UnsafeRawBufferPointer(rebasing: slice))
  }

  public init(_ bytes: some Collection<UInt8>) {
    var copy = Array(bytes)
    self = copy.withUnsafeMutableBytes { FindingValue(UnsafeRawBufferPointer($0)) }
  }

  public init(stringLiteral text: String) { self.init(text) }

  public init(_ text: String) {
    var text = text
    self = text.withUTF8 { FindingValue(UnsafeRawBufferPointer($0)) }
  }

  /// The number of bytes.
  public var count: Int { heap?.count ?? Int(inlineCount) }

  public var isEmpty: Bool { count == 0 }

  /// Calls `body` with the value's bytes (valid only during the call).
  public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    if let heap { return try heap.withUnsafeBytes(body) }
    var copy = storage
    let count = Int(inlineCount)
    return try withUnsafeBytes(of: &copy) {
      try body(UnsafeRawBufferPointer(rebasing: $0[0..<count]))
    }
  }

  /// The byte at `index`.
  public subscript(index: Int) -> UInt8 {
    if let heap { return heap[index] }
    precondition(index >= 0 && index < Int(inlineCount))
    var copy = storage
    return withUnsafeBytes(of: &copy) { $0[index] }
  }

  /// The bytes as an array.
  public var bytes: [UInt8] { withBytes { Array($0) } }

  /// The value as text (UTF-8, invalid sequences replaced).
  public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

  public var description: String { string }

  public static func == (a: FindingValue, b: FindingValue) -> Bool {
    a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
  }

  public func hash(into hasher: inout Hasher) {
    withBytes { hasher.combine(bytes: $0) }
  }
}
