import Testing

@testable import PIIScanCore

/// Names in running text without a cue word (issue 12, item 13): found where a frequent surname,
/// given-name characters and the words around them agree, at low confidence; never in words
/// that only begin with a surname character. Sentences written for this test.
@Suite struct UnlabelledNameTests {
  static func names(_ line: String) -> [(name: String, confidence: Confidence)] {
    var bytes = Array(line.utf8)
    return bytes.withUnsafeMutableBytes { buffer in
      let raw = UnsafeRawBufferPointer(buffer)
      return FreeTextExtractor.extract(line: raw, unlabelledNames: true)
        .filter { $0.verdict.category == .personNameZh }
        .map { (String(decoding: raw[$0.range], as: UTF8.self), $0.verdict.confidence) }
    }
  }

  @Test(arguments: [
    ("王建国表示，下周开始施工。", "王建国"), ("记者李秀英报道，现场秩序良好。", "李秀英"),
    ("已通知张伟，电话13912345670。", "张伟"), ("陈静女士的手机已停用。", "陈静"),
    ("经查刘洋，其车辆已年检。", "刘洋"), ("据杨丽娟介绍，项目已完工。", "杨丽娟"),
    ("欧阳明说，明天再来。", "欧阳明"), ("赵磊先生留下了联系方式。", "赵磊"),
  ])
  func aNameWithoutACueWordIsFoundAtLowConfidence(line: String, name: String) {
    let found = Self.names(line)
    #expect(found.map(\.name) == [name], "\(line)")
    #expect(found.allSatisfy { $0.confidence == .low })
  }

  @Test func aCueWordNameStaysAboveTheModelsConfidence() {
    let found = Self.names("收件人：王建国，电话13912345670。")
    #expect(found.map(\.name) == ["王建国"])
    #expect(found.allSatisfy { $0.confidence != .low })
  }

  /// Prose full of words that begin with a surname character: no name in any of it.
  @Test(arguments: [
    "王国的历史很长，高中课本里也有记载。", "周末天气不错，大家都很高兴。", "林业部门的方法值得推广。",
    "黄金价格今年上涨，于是不少人马上去买。", "江南水乡的白天格外热闹，游客很多。", "常见问题请看程序说明。",
    "金融市场的毛病不少，许多人选择观望。", "宋体字号太小，严格来说不合规范。", "高兴的是，和平终于到来。",
    "方法很多，安全第一，司机朋友请注意。", "石头和木头都是建材，钱包放在桌上。", "杨柳依依，丁香满园。",
    "万一下雨，白天的活动就取消。", "马上就到，温度有点低。", "陆地面积很大，沈阳和武汉都很远。",
    "张家港的李子很甜，周边超市都有卖。", "高峰期间，黄山路很堵。", "文明城市，程序正义，章程完备。",
    "明天是周末，方便的话一起去黄金海岸。", "平安是福，高明的人不说。",
  ])
  func surnameInitialWordsAreNoNames(line: String) {
    #expect(Self.names(line).isEmpty, "\(line): \(Self.names(line))")
  }

  @Test func withoutTheOptionNoNameIsLookedFor() {
    var bytes = Array("王建国表示，下周开始施工。".utf8)
    let found = bytes.withUnsafeMutableBytes {
      FreeTextExtractor.extract(line: UnsafeRawBufferPointer($0))
    }
    #expect(found.isEmpty)
  }
}
