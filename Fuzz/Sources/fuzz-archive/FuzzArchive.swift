import FuzzSupport
import PIIScanArchive

/// The archive reader on any bytes, as the scanner drives it: sniff, open, read every entry,
/// open the entries that are containers themselves (nested readers), to the depth limit.
///
/// Each input is read three times: twice as a stream (a pipe, standard input, a member) cut
/// into different reads by the source and by the caller, and once seekable (a file: zip from
/// its central directory, 7z). Oracles:
/// - no crash, leak or hang;
/// - the two stream readings give the same entries, bytes and errors: what the reader delivers
///   does not depend on how its input arrives or how it is asked for (unless a limit stopped
///   either, since limits are checked as bytes arrive);
/// - a finished reader stays finished: `nextEntry()` gives `nil` again and `read` gives 0.
let limits = ArchiveLimits(
  maxTotalBytes: 24 << 20, maxRatio: 200, maxDepth: 6, ratioCheckThreshold: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = bytes(data, size)
  var seed = fingerprintSeed
  fingerprint(input.prefix(16), into: &seed)
  let large = Reading(
    source: StreamingMemorySource(input, chunkSize: 1 << 16), bufferSize: 1 << 16)
  let small = Reading(
    source: StreamingMemorySource(input, chunkSize: 1 + Int(seed % 4093)),
    bufferSize: 1 + Int((seed >> 16) % 1021))
  if !large.hitLimit && !small.hitLimit {
    require(
      large.log == small.log,
      "stream readings differ:\n\(large.log.joined(separator: "\n"))\n-- vs --\n"
        + small.log.joined(separator: "\n"))
  }
  _ = Reading(source: SeekableMemorySource(input), bufferSize: 1 << 16)
  return 0
}

/// One reading of an input: what came out, entry by entry, in a form to compare.
struct Reading {
  var log: [String] = []
  var hitLimit = false
  private var entries = 0

  init(source: any ArchiveSource, bufferSize: Int) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
    defer { buffer.deallocate() }
    let peeking = PeekingSource(source)
    guard let prefix = try? peeking.peek() else { return }
    let kind = ContainerSniffer.kind(of: prefix)
    guard kind != .plain else { return }
    do {
      let reader = try ArchiveReader(
        source: peeking, kind: kind, depth: 0, budget: ArchiveBudget(limits: limits))
      read(reader, prefix: "", buffer: buffer)
    } catch {
      note(error)
    }
  }

  private mutating func note(_ error: any Error) {
    if let error = error as? ArchiveError, case .limitExceeded = error.kind { hitLimit = true }
    log.append("error \(error)")
  }

  private mutating func read(
    _ reader: ArchiveReader, prefix: String, buffer: UnsafeMutableRawBufferPointer
  ) {
    while entries < 50_000 {
      let entry: ArchiveEntry
      do {
        guard let next = try reader.nextEntry() else { break }
        entry = next
      } catch {
        note(error)
        continue
      }
      entries += 1
      let name = prefix + entry.name
      log.append("entry \(name) \(entry.kind) \(entry.size.map(String.init) ?? "-")")
      guard entry.kind == .file, !entry.isEncrypted else { continue }
      let member = PeekingSource(reader)
      let kind: ContainerKind
      do {
        kind = ContainerSniffer.kind(of: try member.peek())
      } catch {
        note(error)
        continue
      }
      if kind != .plain {
        do {
          let inner = try reader.nestedReader(source: member, kind: kind)
          read(inner, prefix: name + "!", buffer: buffer)
        } catch {
          note(error)
        }
        continue
      }
      var hash = fingerprintSeed
      var count = 0
      do {
        while true {
          let n = try member.read(into: buffer)
          if n == 0 { break }
          count += n
          fingerprint(UnsafeRawBufferPointer(rebasing: buffer[..<n]), into: &hash)
        }
      } catch {
        note(error)
      }
      log.append("data \(count) \(hash)")
    }
    // Finished means finished.
    do {
      let again = try reader.nextEntry()
      require(again == nil, "nextEntry() after the end gave \(String(describing: again))")
    } catch {
      require(false, "nextEntry() after the end threw \(error)")
    }
    let more = (try? reader.read(into: buffer)) ?? 0
    require(more == 0, "read after the end gave \(more) bytes")
  }
}
