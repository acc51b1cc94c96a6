/// Gives chunk-local findings their line, column and record, chunk after chunk in input order.
///
/// The only state carried from chunk to chunk: the running line number, the current line's
/// start and its characters before the next chunk. A worker counts newlines and columns from
/// its chunk's start (``ChunkScanner``); the prefix sum here turns those into positions in the
/// whole input.
struct LocationResolver {
  private var lineBase = 1
  private var lineStart: Int64 = 0
  private var charactersBeforeChunk = 0

  mutating func resolve(_ result: inout ChunkResult) {
    for index in result.findings.indices {
      let local = result.findings[index]
      result.findings[index].line = lineBase + local.line
      if local.flags.contains(.lineStartKnown) {
        result.findings[index].column = local.column + 1
      } else {
        result.findings[index].column = charactersBeforeChunk + local.column + 1
        if !local.flags.contains(.structuredRecord) { result.findings[index].record = lineStart }
      }
      result.findings[index].flags.subtract(.local)
    }
    lineBase += result.newlineCount
    if let last = result.lastLineStart {
      lineStart = last
      charactersBeforeChunk = result.endsAtLineEnd ? 0 : result.trailingCharacters
    } else if !result.endsAtLineEnd {
      charactersBeforeChunk += result.trailingCharacters
    }
  }
}
