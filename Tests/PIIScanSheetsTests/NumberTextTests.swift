import Testing

@testable import PIIScanSheets

@Suite struct NumberTextTests {
  @Test(
    arguments: [
      (0.0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (42, "42"), (45292, "45292"),
      (13_812_345_678, "13812345678"), (123_456_789_012_345, "123456789012345"),
      (0.5, "0.5"), (-0.25, "-0.25"), (3.14159, "3.14159"), (0.1 + 0.2, "0.3"),
      (1.0 / 3.0, "0.333333333333333"), (2.0 / 3.0, "0.666666666666667"),
      (123.45, "123.45"), (1e-5, "0.00001"), (1.5e-7, "1.5E-07"), (1e-300, "1E-300"),
      // Past 15 digits the file itself has lost the digits: Excel's formula bar shows zeros.
      (Double("110101199003077777")!, "110101199003078000"),
      (Double("6222021234567890123")!, "6222021234567890000"),
      (1e20, "100000000000000000000"), (1e21, "1E+21"),
      (1.2345678901234567e25, "1.23456789012346E+25"),
      (999_999_999_999_999.9, "1000000000000000"), (9.999999999999999e-6, "0.00001"),
      (Double.infinity, "#NUM!"), (Double.nan, "#NUM!"),
    ] as [(Double, String)])
  func formats(_ value: Double, _ expected: String) {
    #expect(NumberText.string(value) == expected)
  }

  @Test func rkValues() {
    #expect(BIFF.rkValue(UInt32(bitPattern: 1234 << 2) | 2) == 1234)
    #expect(BIFF.rkValue(UInt32(bitPattern: -7 << 2) | 2) == -7)
    #expect(BIFF.rkValue(UInt32(bitPattern: 12345 << 2) | 3) == 123.45)
    let half = UInt32(truncatingIfNeeded: (0.5).bitPattern >> 32)
    #expect(BIFF.rkValue(half) == 0.5)
    #expect(BIFF.rkValue(half | 1) == 0.005)
  }
}
