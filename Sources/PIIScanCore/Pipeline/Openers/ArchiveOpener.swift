import PIIScanArchive

/// Compressed files and archives (gzip, bzip2, xz, zstd, lz4, zip, tar, 7z, cpio, ar, nested),
/// recognised by their magic bytes: each member is fed as an input of its own, in the
/// container's order. A zip whose members are an Office package is read as a workbook
/// (``WorkbookParts``).
struct ArchiveOpener: InputOpener {
  func opens(prefix: UnsafeRawBufferPointer, kind: ContainerKind) -> Bool { kind != .plain }

  func feed(file: RandomAccessInput, as input: ScanInput, using feeder: InputFeeder) -> Bool {
    // The file's own descriptor, read front to back (its workers' reads are `pread`s, which
    // leave its position where it is).
    let source = FileDescriptorSource(fileDescriptor: file.descriptor)
    feeder.feedSource(
      source, as: input, depth: 0,
      budget: ArchiveBudget(limits: feeder.configuration.archiveLimits))
    if feeder.configuration.hashInputs {
      // The container's reader may seek in it (a zip's directory is at its end): it is hashed
      // once read, front to back.
      let kind = (try? file.prefix(ContainerSniffer.prefixLength)).map { prefix in
        withExtendedLifetime(prefix.owner) { ContainerSniffer.kind(of: prefix.bytes).description }
      }
      do {
        let digest = try InputDigest.ofFile(descriptor: file.descriptor, size: file.size)
        feeder.scheduler.mark(
          .described(
            input,
            InputFacts(sha256: digest.hex(), bytes: digest.bytes, format: kind, encoding: nil)))
      } catch {
        feeder.scheduler.mark(.notice(input, NoticeText.unreadable(error)))
      }
    }
    return true
  }

  func feed(
    stream: PeekingSource, as input: ScanInput, depth: Int, budget: ArchiveBudget,
    using feeder: InputFeeder
  ) -> (any ArchiveSource)? {
    let kind: ContainerKind
    do {
      kind = ContainerSniffer.kind(of: try stream.peek())
    } catch {
      feeder.scheduler.mark(.notice(input, NoticeText.reading(error)))
      return nil
    }
    // A container inside a container is hashed as its bytes go by (the outermost input is
    // hashed by whoever read it: the feeder for a stream, feed(file:) for a file).
    let hashed =
      feeder.configuration.hashInputs && input.kind == .member ? HashingSource(stream) : nil
    do {
      let reader = try ArchiveReader(
        source: hashed.map { PeekingSource($0) } ?? stream, kind: kind, depth: depth,
        budget: budget)
      feedMembers(of: reader, in: input, using: feeder)
    } catch {
      feeder.scheduler.mark(.notice(input, NoticeText.archive(error)))
    }
    if let hashed {
      hashed.drain()
      feeder.scheduler.mark(
        .described(
          input,
          InputFacts(
            sha256: hashed.digest.hex(), bytes: hashed.digest.bytes, format: kind.description,
            encoding: nil)))
    }
    return nil
  }

  /// Each member of an open container, in the container's order.
  private func feedMembers(
    of reader: ArchiveReader, in outer: ScanInput, using feeder: InputFeeder
  ) {
    // A zip that may be a workbook (.xlsx) is held in memory from its first package part on.
    var held: WorkbookParts?
    defer { held?.feed(of: outer, using: feeder) }
    while true {
      let entry: ArchiveEntry
      do {
        guard let next = try reader.nextEntry() else { return }
        entry = next
      } catch {
        feeder.scheduler.mark(.notice(outer, NoticeText.archive(error)))
        continue  // the reader returns nil next when the container cannot go on
      }
      var input = outer.member(entry.name)
      input.size = entry.size
      switch entry.kind {
      case .directory:
        continue
      case .symlink:
        feeder.scheduler.mark(
          .notice(input, NoticeText.symbolicLinkMember(target: entry.linkTarget)))
        continue
      case .other:
        feeder.scheduler.mark(.notice(input, NoticeText.specialMember))
        continue
      case .file:
        break
      }
      if entry.isEncrypted {
        feeder.scheduler.mark(.notice(input, NoticeText.encryptedMember))
        continue
      }
      if reader.kind == .zip
        && WorkbookParts.hold(
          entry.name, from: reader, as: input, of: outer, held: &held, using: feeder)
      {
        continue
      }
      feeder.feedSource(reader, as: input, depth: reader.depth + 1, budget: reader.budget)
    }
  }
}
