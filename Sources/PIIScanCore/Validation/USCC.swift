/// The unified social credit code (统一社会信用代码, GB 32100-2015) of organisations.
///
/// 18 characters from `0-9 A-H J-N P-R T U W-Y` (31 symbols; no I, O, S, V, Z): registration
/// authority, organisation type, 6-digit region, 9-character organisation code, check
/// character. The check is mod 31 with weights 3^i mod 31. Used to tell organisation codes
/// apart from ID numbers; a USCC is not personal information, except that codes starting
/// `92` (个体工商户, sole proprietors) are linked to a person.
///
/// - Note: stateless; safe to call from any task.
public enum USCC {
  /// The 31 code symbols in value order.
  static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

  /// Symbol value per byte (uppercase and lowercase letters); -1 for bytes not in the alphabet.
  static let values: [Int8] = {
    var table = [Int8](repeating: -1, count: 256)
    for (value, symbol) in alphabet.enumerated() {
      table[Int(symbol)] = Int8(value)
      if symbol >= UInt8(ascii: "A") { table[Int(symbol | 0x20)] = Int8(value) }
    }
    return table
  }()

  /// Whether `value` is a well-formed USCC with a correct check character.
  ///
  /// `value` is 18 ASCII characters; letters may be in either case. The inner GB 11714
  /// organisation-code check is not applied.
  ///
  /// Example: `91110000600037341L` is valid.
  public static func isValid(_ value: UnsafeRawBufferPointer) -> Bool {
    guard value.count == 18 else { return false }
    let values = Self.values
    var sum = 0
    var weight = 1
    for index in 0..<17 {
      let symbol = Int(values[Int(value[index])])
      guard symbol >= 0 else { return false }
      sum += symbol * weight
      weight = weight * 3 % 31
    }
    let check = Int(values[Int(value[17])])
    return check >= 0 && check == (31 - sum % 31) % 31
  }

  /// Whether `value` is a well-formed USCC (see the raw-buffer overload).
  @inlinable
  public static func isValid(_ value: some Collection<UInt8>) -> Bool {
    withValidatorBytes(value) { isValid($0) }
  }

  /// Whether a valid USCC belongs to a 个体工商户 (sole proprietor: starts with `92`).
  ///
  /// Such an organisation ID is linked to a natural person.
  public static func isSoleProprietor(_ value: UnsafeRawBufferPointer) -> Bool {
    value.count == 18 && value[0] == UInt8(ascii: "9") && value[1] == UInt8(ascii: "2")
      && isValid(value)
  }

  /// Whether a valid USCC belongs to a 个体工商户 (see the raw-buffer overload).
  @inlinable
  public static func isSoleProprietor(_ value: some Collection<UInt8>) -> Bool {
    withValidatorBytes(value) { isSoleProprietor($0) }
  }
}
