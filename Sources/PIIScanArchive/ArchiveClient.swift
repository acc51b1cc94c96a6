import CArchive

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Swift side of libarchive's client callbacks: the source, the one read buffer, and what
/// happened while reading it.
///
/// libarchive holds an unretained pointer to this object as its client data. The owning
/// ``ArchiveReader`` keeps it alive and frees the libarchive handle in its `deinit` before
/// releasing it, so the pointer is valid for every callback. The client holds no reference to
/// the reader, so there is no cycle.
///
/// For a compressed stream the reader first decodes a few hundred bytes to see whether they are
/// an archive (a `.tar.gz`); the client then *records* what it hands to libarchive, so that a
/// second libarchive handle can be given the same bytes again (*replay*) without seeking.
final class ArchiveClient {
  /// The size of the buffer each read callback fills.
  static let bufferSize = 64 * 1024

  /// How much of a stream may be recorded before deciding how to read it. bzip2 needs a whole
  /// block (up to 900 kB) before it produces a byte; this leaves ample room.
  static let recordingLimit = 16 << 20

  let source: any ArchiveSource

  /// The source when it can seek now, else `nil`.
  let seekableSource: (any SeekableArchiveSource)?

  /// The account to refund for bytes pulled from the source, for a nested reader whose source
  /// bytes were charged by the enclosing reader.
  private let refundBudget: ArchiveBudget?

  private let buffer: UnsafeMutableRawBufferPointer

  /// The first error the source threw, as the reader will report it.
  private(set) var sourceError: ArchiveError?

  /// Whether the source has reported its end.
  private(set) var reachedEnd = false

  /// Bytes read from the source (not counting replays).
  private(set) var bytesFromSource: Int64 = 0

  private var isRecording = false
  private(set) var recording: [UInt8] = []
  private(set) var recordingOverflowed = false

  /// Recorded bytes to hand to libarchive again, in one piece, before reading the source.
  private var replay: UnsafeMutableRawBufferPointer?
  /// The replay buffer handed out last; freed at the next callback, when libarchive is done
  /// with it.
  private var spentReplay: UnsafeMutableRawBufferPointer?

  init(source: any ArchiveSource, allowSeeking: Bool, refundBudget: ArchiveBudget?) {
    self.source = source
    if allowSeeking, let seekable = source as? any SeekableArchiveSource, seekable.isSeekable {
      self.seekableSource = seekable
    } else {
      self.seekableSource = nil
    }
    self.refundBudget = refundBudget
    self.buffer = .allocate(byteCount: Self.bufferSize, alignment: 16)
  }

  deinit {
    buffer.deallocate()
    replay?.deallocate()
    spentReplay?.deallocate()
  }

  /// Starts keeping a copy of every byte read from the source.
  func startRecording() {
    isRecording = true
  }

  /// Stops recording and drops what was recorded.
  func stopRecording() {
    isRecording = false
    recording = []
  }

  /// Whether everything read so far was recorded, so it can be replayed.
  var canReplay: Bool {
    !recordingOverflowed
  }

  /// Makes the next read callbacks return the recorded bytes, then continue with the source.
  func replayRecording() {
    precondition(canReplay, "replaying an incomplete recording")
    isRecording = false
    if !recording.isEmpty {
      let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: recording.count, alignment: 16)
      copy.copyBytes(from: recording)
      replay = copy
    }
    recording = []
  }

  /// Seeks the source back to the start of the stream.
  func rewind() -> Bool {
    guard let seekableSource else { return false }
    do {
      _ = try seekableSource.seek(to: 0, from: .start)
      reachedEnd = false
      return true
    } catch {
      return false
    }
  }

  /// libarchive's read callback: points `output` at the next bytes and returns their count,
  /// 0 at the end, or `ARCHIVE_FATAL` when the source failed.
  func read(archive: OpaquePointer?, output: UnsafeMutablePointer<UnsafeRawPointer?>) -> Int {
    if let spent = spentReplay {
      spent.deallocate()
      spentReplay = nil
    }
    if let replay {
      output.pointee = UnsafeRawPointer(replay.baseAddress)
      spentReplay = replay
      self.replay = nil
      return replay.count
    }
    if reachedEnd {
      return 0
    }
    let count: Int
    do {
      count = try source.read(into: buffer)
    } catch {
      return fail(archive: archive, with: Self.sourceFailure(error))
    }
    guard count >= 0, count <= buffer.count else {
      return fail(
        archive: archive,
        with: ArchiveError(.io, "the source returned an invalid byte count (\(count))"))
    }
    if count == 0 {
      reachedEnd = true
    }
    bytesFromSource += Int64(count)
    refundBudget?.refund(Int64(count))
    if isRecording {
      if recording.count + count <= Self.recordingLimit {
        recording.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
      } else {
        recordingOverflowed = true
        isRecording = false
      }
    }
    output.pointee = UnsafeRawPointer(buffer.baseAddress!)
    return count
  }

  /// libarchive's seek callback: returns the new position or `ARCHIVE_FATAL`.
  func seek(archive: OpaquePointer?, offset: Int64, whence: Int32) -> Int64 {
    guard let seekableSource else {
      return Int64(fail(archive: archive, with: ArchiveError(.io, "the source cannot seek")))
    }
    let origin: ArchiveSeekOrigin =
      switch whence {
      case SEEK_SET: .start
      case SEEK_END: .end
      default: .current
      }
    do {
      let position = try seekableSource.seek(to: offset, from: origin)
      reachedEnd = false
      return position
    } catch {
      return Int64(fail(archive: archive, with: Self.sourceFailure(error)))
    }
  }

  private func fail(archive: OpaquePointer?, with error: ArchiveError) -> Int {
    if sourceError == nil {
      sourceError = error
    }
    if let archive {
      carchive_set_error(archive, EIO, error.message)
    }
    return Int(ARCHIVE_FATAL)
  }

  /// The source's error as a reader reports it: an ``ArchiveError`` unchanged (a member of an
  /// enclosing container was truncated), anything else as ``ArchiveError/Kind/io``.
  static func sourceFailure(_ error: any Error) -> ArchiveError {
    if let error = error as? ArchiveError {
      return error
    }
    return ArchiveError(.io, "reading the input failed: \(error)")
  }
}

// Explicit non-conformance: mutated by every libarchive callback of its reader.
@available(*, unavailable) extension ArchiveClient: Sendable {}
