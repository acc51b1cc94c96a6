/// Settles overlaps between a soft finding and a strong one that different chunks own.
///
/// A chunk drops its own soft findings that overlap its strong ones, but a soft value may start
/// in one chunk and run into the next (a line longer than a chunk), or start just after a strong
/// value the previous chunk owns. Findings from the first soft one crossing a chunk's end are
/// held back until the chunks they reach into have been seen; a soft finding overlapping a
/// strong one is dropped. The findings that reach the sink are then those a single chunk would
/// have given, in offset order.
struct BoundarySettler {
  private var held: [Finding] = []
  /// The furthest end of a strong finding passed on so far.
  private var strongEnd: Int64 = 0

  /// This chunk's findings that are settled, in offset order, with earlier held ones first.
  mutating func settle(_ findings: [Finding], ownedEnd: Int64) -> [Finding] {
    if held.isEmpty && !findings.contains(where: \.isSoft) {
      // Nothing to settle: only strong findings, none held.
      for finding in findings {
        strongEnd = max(strongEnd, finding.offset + Int64(finding.length))
      }
      return findings
    }
    var all = held
    all.append(contentsOf: findings)
    held.removeAll()
    // A soft finding overlapping a strong one that starts before it (forward) or after it
    // (backward) is dropped.
    var keep = [Bool](repeating: true, count: all.count)
    var reach = strongEnd
    for (index, finding) in all.enumerated() {
      let end = finding.offset + Int64(finding.length)
      if finding.isSoft {
        if finding.offset < reach { keep[index] = false }
      } else {
        reach = max(reach, end)
      }
    }
    var nextStrong = Int64.max
    for index in all.indices.reversed() {
      let finding = all[index]
      if finding.isSoft {
        if nextStrong < finding.offset + Int64(finding.length) { keep[index] = false }
      } else {
        nextStrong = finding.offset
      }
    }
    var ready: [Finding] = []
    ready.reserveCapacity(all.count)
    var holding = false
    for (index, finding) in all.enumerated() where keep[index] {
      if !holding && finding.isSoft && finding.offset + Int64(finding.length) > ownedEnd {
        holding = true
      }
      if holding {
        held.append(finding)  // looked at again with the next chunk
      } else {
        ready.append(finding)
        if !finding.isSoft {
          strongEnd = max(strongEnd, finding.offset + Int64(finding.length))
        }
      }
    }
    return ready
  }

  /// What is still held at the input's end.
  mutating func finish() -> [Finding] {
    defer { held.removeAll() }
    return held
  }
}
