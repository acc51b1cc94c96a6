/// The Luhn (ISO/IEC 7812-1 mod 10) check used by bank card numbers (and IMEIs).
///
/// - Note: stateless; safe to call from any task.
public enum Luhn {
  /// Whether `digits` (ASCII `'0'...'9'`, at least 2 of them) passes the Luhn check.
  ///
  /// No allocation. Any non-digit byte gives false. Many legacy Chinese debit cards fail
  /// Luhn: see `BankBINTable.isLegacyLuhnExempt`.
  public static func isValid(_ digits: UnsafeRawBufferPointer) -> Bool {
    guard digits.count >= 2 else { return false }
    return sum(digits, doublingRightmost: false).map { $0 % 10 == 0 } ?? false
  }

  /// Whether `digits` passes the Luhn check (see the raw-buffer overload).
  @inlinable
  public static func isValid(_ digits: some Collection<UInt8>) -> Bool {
    withValidatorBytes(digits) { isValid($0) }
  }

  /// The digit (ASCII) that makes `payload` followed by it pass the Luhn check.
  ///
  /// - Precondition: `payload` is ASCII digits (a programming error otherwise).
  public static func checkDigit(forPayload payload: UnsafeRawBufferPointer) -> UInt8 {
    // Appending a digit makes the payload's rightmost digit the second from the right,
    // which is doubled.
    guard let sum = sum(payload, doublingRightmost: true) else {
      preconditionFailure("Luhn.checkDigit: the payload is not all ASCII digits")
    }
    return UInt8(ascii: "0") + UInt8((10 - sum % 10) % 10)
  }

  /// The check digit for `payload` (see the raw-buffer overload).
  @inlinable
  public static func checkDigit(forPayload payload: some Collection<UInt8>) -> UInt8 {
    withValidatorBytes(payload) { checkDigit(forPayload: $0) }
  }

  /// The Luhn sum from the right, doubling every second digit starting with the rightmost
  /// (`doublingRightmost`) or the one before it; nil on a non-digit.
  private static func sum(_ digits: UnsafeRawBufferPointer, doublingRightmost: Bool) -> Int? {
    guard let base = digits.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
    // Branch-free per digit (the scan runs this for every card-shaped number): a doubled digit
    // d adds 2d, less 9 when 2d > 9, that is when (d + 3) >> 3 is 1.
    var total = 0
    var bad: UInt8 = 0
    var index = digits.count - 1
    var double = doublingRightmost ? 1 : 0
    while index >= 0 {
      let raw = base[index] &- 0x30
      bad |= raw > 9 ? 1 : 0
      let digit = Int(raw)
      total &+= digit &<< double &- 9 &* ((digit &+ 3) &>> 3 & double)
      double ^= 1
      index &-= 1
    }
    return bad == 0 ? total : nil
  }
}
