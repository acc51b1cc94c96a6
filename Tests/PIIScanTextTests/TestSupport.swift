import Glibc

@testable import PIIScanText

/// The C library's iconv, the reference the decoders are compared with.
enum Iconv {
  /// Converts all of `bytes`, or returns `nil` when iconv rejects any of it.
  static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
    let descriptor = iconv_open(target, source)
    guard descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
    let produced: Int? = input.withUnsafeMutableBytes { inputBytes in
      output.withUnsafeMutableBytes { outputBytes in
        var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = inputBytes.count
        var outPointer = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = outputBytes.count
        if inLeft > 0 && iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
          return nil
        }
        return outputBytes.count - outLeft
      }
    }
    guard let produced else { return nil }
    return Array(output[0..<produced])
  }

  /// `text` in GB18030, by iconv.
  static func gb18030(_ text: String) -> [UInt8] {
    convert(Array(text.utf8), from: "UTF-8", to: "GB18030")!
  }

  /// `bytes` decoded from GB18030 by iconv.
  static func fromGB18030(_ bytes: [UInt8]) -> [UInt8]? {
    convert(bytes, from: "GB18030", to: "UTF-8")
  }
}

/// `text` as UTF-16 code units in the given byte order (no BOM).
func utf16Bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
  var bytes: [UInt8] = []
  for unit in text.utf16 {
    let high = UInt8(unit >> 8)
    let low = UInt8(unit & 0xFF)
    bytes += bigEndian ? [high, low] : [low, high]
  }
  return bytes
}

func detect(_ bytes: [UInt8]) -> EncodingReport {
  bytes.withUnsafeBytes { EncodingDetector.detect($0) }
}

/// Transcodes `bytes` with a fresh transcoder and returns the UTF-8 and the invalid count.
func transcode(
  _ bytes: [UInt8], _ encoding: TextEncoding, mixedLines: Bool = false, alignmentOrigin: Int = 0
) -> (utf8: [UInt8], invalid: Int) {
  let transcoder = Transcoder()
  return bytes.withUnsafeBytes { raw in
    let text = transcoder.transcode(
      raw, encoding: encoding, mixedLines: mixedLines, alignmentOrigin: alignmentOrigin)
    return (Array(text.utf8), text.invalidCount)
  }
}

/// A small deterministic generator (SplitMix64) for synthetic test data.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Synthetic people records: names, made-up 18-digit ID-like numbers, mobile-like numbers,
/// addresses, in CSV-ish and key：value lines. Not real data.
enum SyntheticText {
  static let surnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤"
  )
  static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志文斌波宇浩凯晨欣怡梓涵子轩雨桐一诺思远晓东海燕丹")
  static let places = [
    "北京市朝阳区建国路", "上海市浦东新区世纪大道", "广东省深圳市南山区科技园路", "四川省成都市武侯区人民南路", "浙江省杭州市西湖区文三路",
  ]
  static let labels = ["姓名", "身份证号", "手机", "住址", "备注"]

  static func digits(_ count: Int, _ generator: inout SeededGenerator) -> String {
    String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
  }

  static func name(_ generator: inout SeededGenerator) -> String {
    let length = Int.random(in: 1...2, using: &generator)
    return String(surnames.randomElement(using: &generator)!)
      + String((0..<length).map { _ in given.randomElement(using: &generator)! })
  }

  /// `lines` lines of records; `extras` adds characters outside GBK (four-byte in GB18030).
  static func records(lines: Int, seed: UInt64, extras: Bool = false) -> String {
    var generator = SeededGenerator(seed: seed)
    var text = ""
    for index in 0..<lines {
      let person = name(&generator)
      let id = digits(18, &generator)
      let phone = "1" + digits(10, &generator)
      let place = places.randomElement(using: &generator)!
      let number = Int.random(in: 1...999, using: &generator)
      switch index % 3 {
      case 0:
        text += "\(person),\(id),\(phone),\(place)\(number)号\n"
      case 1:
        text += "姓名：\(person)；身份证号：\(id)；手机：\(phone)；住址：\(place)\(number)号。\n"
      default:
        text += "INSERT INTO t VALUES ('\(person)','\(id)','\(phone)');\n"
      }
      if extras && index % 5 == 0 {
        text += "备注：𠀀𠀁𪚥 ¥\(number) ǹ ḿ\n"
      }
    }
    return text
  }
}

/// The byte ranges of the runs of ASCII digits in `bytes`.
func digitRuns(_ bytes: [UInt8]) -> [Range<Int>] {
  var runs: [Range<Int>] = []
  var start: Int?
  for (index, byte) in bytes.enumerated() {
    let isDigit = (0x30...0x39).contains(byte)
    if isDigit && start == nil { start = index }
    if !isDigit, let begun = start {
      runs.append(begun..<index)
      start = nil
    }
  }
  if let begun = start { runs.append(begun..<bytes.count) }
  return runs
}
