/// Context words the caller saw next to an unlabelled value, enabling the device and SIM
/// identifiers that are too generic to report alone (ICCID, IMSI, IMEI).
public struct TelecomContext: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// `ICCID`, `SIM卡号`, `SIM卡`.
  public static let iccid = TelecomContext(rawValue: 1)
  /// `IMSI`, `国际移动用户识别码`.
  public static let imsi = TelecomContext(rawValue: 2)
  /// `IMEI`, `MEID`, `串号`, `设备号`, `国际移动设备识别码`.
  public static let imei = TelecomContext(rawValue: 4)

  /// The context named by the words in `text` (a header, a key, or the words before a value;
  /// ASCII case-insensitive).
  public static func detect(in text: some Collection<UInt8>) -> TelecomContext {
    let string = String(decoding: Array(text), as: UTF8.self).lowercased()
    var found: TelecomContext = []
    if string.contains("iccid") || string.contains("sim卡") || string.contains("sim 卡") {
      found.insert(.iccid)
    }
    if string.contains("imsi") || string.contains("国际移动用户识别码") { found.insert(.imsi) }
    if string.contains("imei") || string.contains("meid") || string.contains("串号")
      || string.contains("设备号") || string.contains("国际移动设备识别码")
    {
      found.insert(.imei)
    }
    return found
  }
}
