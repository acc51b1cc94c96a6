import Dispatch
import PIIScanPCRE2
import Synchronization
import Testing

/// One compiled pattern used from several threads at once, each with its own scratch.
@Suite struct PCRE2PatternConcurrencyTests {
  /// About 160 KB of filler with a phone number and a name every so often.
  static let subject: [UInt8] = {
    var text = ""
    for index in 0..<1_000 {
      text += "行\(index) 姓名：张三 电话 1380013\(fourDigits(index)) 备注 lorem ipsum; "
      text += String(repeating: "x", count: index % 200) + "\n"
    }
    return utf8(text)
  }()

  @Test(arguments: [true, false])
  func sharedPatternGivesTheSameResultsOnEveryThread(jit: Bool) throws {
    let phone = try PCRE2Pattern(#"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"#, jit: jit)
    let name = try PCRE2Pattern(#"姓名[:：](\p{Han}{2,3})"#, options: .matchInvalidUTF, jit: jit)
    let subject = Self.subject
    let expectedPhones = try allMatches(phone, in: subject)
    let expectedNames = try allMatches(name, in: subject)
    #expect(expectedPhones.count == 1_000)
    #expect(expectedNames.count == 1_000)

    let threads = 8
    let results = Mutex<[Int: [[Range<Int>]]]>([:])
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      let scratch = PCRE2MatchScratch()
      var found: [[Range<Int>]] = []
      for pattern in [phone, name] {
        found.append((try? allMatches(pattern, in: subject, using: scratch)) ?? [])
      }
      results.withLock { $0[thread] = found }
    }
    let byThread = results.withLock { $0 }
    #expect(byThread.count == threads)
    for thread in 0..<threads {
      #expect(byThread[thread] == [expectedPhones, expectedNames], "thread \(thread)")
    }
  }
}

/// `value` as four decimal digits with leading zeros.
private func fourDigits(_ value: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
