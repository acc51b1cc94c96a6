#!/usr/bin/env python3
"""piiscan's sizing report for cases bigger than one machine, on Apache Spark.

The same `piiscan` binary runs in every task; this job only decides who reads what and moves
state files about. Every figure is computed by piiscan: shards write aggregate states
(`piiscan size --state-out`), and `piiscan size --merge` combines them, in a tree of merges
when there are many, into the report one `piiscan size` over all the inputs would have given.

    spark-submit --files /opt/piiscan/piiscan spark/piiscan_spark.py \\
        --piiscan piiscan --as-of 2026-11-29 --format json --output case.json \\
        hdfs://nn/cases/2026-118/
    python3 spark/piiscan_spark.py --master 'local[2]' --piiscan .build/release/piiscan \\
        --as-of 2026-11-29 --output case.txt dump/

How inputs become tasks (spark/README.md says more, with what each step costs):

- Local paths are walked by piiscan itself, in one task: `piiscan size --walk-only` lists the
  files it would read (its filters, ignore files and configuration apply) and records what it
  skips, in its own words. Local paths must be readable at the same place on every node (a
  shared mount); relative ones are taken from the driver's working directory.
- Hadoop filesystem URIs (hdfs://, s3a://, file:, …) are listed through Spark's Hadoop
  configuration on the driver. Python tasks cannot use the JVM's file systems, so an executor
  copies what it needs to its local disk first (the `file:` scheme is read directly; any other
  through fsspec, which must be installed on the nodes with the file system's package: s3fs,
  pyarrow for HDFS, …). The copy is laid out so that piiscan, run in the copy's directory, is
  given the URI itself as its path: the report names the URI.
- Files up to --shard-bytes, and archives, compressed files and workbooks of any size, are
  read whole (small ones several to a task). A larger plain file is first described by one
  task (`piiscan size --describe-only`: its SHA-256, size, format and encoding, reading it
  whole), which also counts the line feeds before every shard; then each shard of it runs
  `piiscan size --range START:END --lines-before N`. A file that the description shows is not
  plain text in an encoding whose line feed is the byte 0x0A (UTF-16, a container, a binary
  file) is read whole instead.
- States travel as task results through Spark's shuffle, keyed by task id; every merge keeps
  one state per id, so a task that Spark ran twice (a retry, a recomputed partition) counts
  once. A task that fails on its last allowed attempt becomes a notice in the report
  (`piiscan size --unreadable`), naming what was not read.
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import json
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import urllib.parse

# piiscan's --chunk-size for every task, below piiscan's default (2 MiB): a shard reads
# a chunk more before its range and one or two after it, so the chunk is what is read twice.
CHUNK_BYTES = 1 << 20
SHARD_BYTES = 256 << 20
FAN_IN = 32
GROUP_FILES = 256  # most small files given to one task
OVERLAP = 4096  # bytes of context piiscan reads on each side of a chunk (ChunkLayout.overlap)
SNIFF = 64 << 10  # bytes piiscan reads to tell an input's format and encoding
LONGEST_SHARD_LINE = 256 << 20  # how far a shard looks for the end of its last line
SLACK = 64 << 10  # extra bytes copied on each side of a remote shard's reading
# Encodings (piiscan's names) whose line feed is the byte 0x0A, so that counting that byte
# counts lines: the condition for cutting a file into byte ranges.
RANGE_ENCODINGS = {"utf8", "utf8BOM", "gb18030", "gb18030+gbk-lines"}
# Magic bytes of containers piiscan opens (it decides by bytes, never by name); a file starting
# with one is read whole without being described first. The description decides otherwise.
CONTAINER_MAGIC = [
  (0, b"\x1f\x8b"),  # gzip
  (0, b"BZh"),  # bzip2
  (0, b"\xfd7zXZ\x00"),  # xz
  (0, b"\x28\xb5\x2f\xfd"),  # zstd
  (0, b"\x04\x22\x4d\x18"),  # lz4
  (0, b"PK\x03\x04"),  # zip, xlsx
  (0, b"PK\x05\x06"),  # empty zip
  (0, b"7z\xbc\xaf\x27\x1c"),  # 7z
  (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),  # OLE: xls
  (0, b"!<arch>\n"),  # ar
  (0, b"070701"),  # cpio
  (0, b"070702"),
  (0, b"070707"),
  (0, b"\xc7\x71"),
  (0, b"\x71\xc7"),
  (257, b"ustar"),  # tar
]


def parse_size(text: str) -> int:
  """A size written as piiscan takes it: bytes, or with K, M, G or T (powers of 1024)."""
  match = re.fullmatch(r"\s*(\d+)\s*([KMGT]?)i?B?\s*", text, re.IGNORECASE)
  if not match:
    raise argparse.ArgumentTypeError(f"not a size: {text!r} (write 8M, 256M, 2G…)")
  return int(match.group(1)) << (10 * " KMGT".index(match.group(2).upper() or " "))


def parse_date(text: str) -> str:
  try:
    datetime.date.fromisoformat(text)
  except ValueError as error:
    raise argparse.ArgumentTypeError(f"--as-of must be YYYY-MM-DD, not {text!r}") from error
  return text


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
  parser = argparse.ArgumentParser(
    prog="piiscan_spark.py",
    description="piiscan's sizing report (piiscan size) over inputs cut into Spark tasks.",
  )
  parser.add_argument("inputs", nargs="+", help="local paths and Hadoop filesystem URIs")
  parser.add_argument("--piiscan", required=True, help="the piiscan binary each task runs")
  parser.add_argument("--master", help="Spark master (default: what spark-submit gives)")
  parser.add_argument(
    "--spark-conf", action="append", default=[], metavar="KEY=VALUE",
    help="a Spark setting, when run with python3 rather than spark-submit (repeatable)")
  parser.add_argument("--shard-bytes", type=parse_size, default=SHARD_BYTES)
  parser.add_argument(
    "--chunk-size", type=parse_size, default=CHUNK_BYTES, help="piiscan's --chunk-size"
  )
  parser.add_argument("--as-of", type=parse_date, help="default: today, on the driver")
  parser.add_argument("--output", help="write the report here (default: standard output)")
  parser.add_argument("--format", default="text", choices=["text", "json", "md", "csv", "html"])
  parser.add_argument("--csv-bom", action="store_true", help="piiscan's --csv-bom")
  parser.add_argument("--lang", choices=["zh", "en"])
  parser.add_argument("--bank-card-tier", type=int, choices=[50, 5000], default=50)
  parser.add_argument("--insider", action="store_true")
  parser.add_argument("--samples", type=int, default=5)
  parser.add_argument("--only")
  parser.add_argument("--except", dest="except_")
  parser.add_argument("--patterns", action="append", default=[])
  parser.add_argument("--binary", action="store_true")
  # How piiscan walks local directories (the walk task passes them on).
  parser.add_argument("--hidden", action="store_true")
  parser.add_argument("--no-ignore", action="store_true")
  parser.add_argument("--follow", action="store_true")
  parser.add_argument("--glob", "-g", action="append", default=[])
  parser.add_argument("--max-filesize")
  parser.add_argument("--max-decompressed")
  parser.add_argument("--max-ratio")
  parser.add_argument("--max-depth")
  parser.add_argument("--threads", type=int, default=1, help="piiscan threads per task")
  parser.add_argument("--memory", default="1G", help="piiscan's --memory in each task")
  parser.add_argument("--fan-in", type=int, default=FAN_IN, help="states per merge task")
  parser.add_argument("--verbose", action="store_true", help="time each stage on stderr")
  parser.add_argument(
    "--work-dir", help="local directory for the tasks' files (default: the node's temp dir)"
  )
  args = parser.parse_args(argv)
  if args.shard_bytes < args.chunk_size:
    parser.error("--shard-bytes must be at least --chunk-size")
  if args.fan_in < 2:
    parser.error("--fan-in must be at least 2")
  # Shards start at multiples of the chunk size (piiscan's --range requires it).
  args.shard_bytes -= args.shard_bytes % args.chunk_size
  args.as_of = args.as_of or datetime.date.today().isoformat()
  return args


# ---------------------------------------------------------------------------------------------
# Inputs


def is_uri(text: str) -> bool:
  """A Hadoop filesystem URI (scheme:…), not a local path; one-letter schemes are drive names."""
  return re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", text) is not None


def list_uri(sc, uri: str) -> list[tuple[str, int]]:
  """The files under a Hadoop filesystem URI (recursively), as (URI as Hadoop writes it, size)."""
  jvm = sc._jvm
  path = jvm.org.apache.hadoop.fs.Path(uri)
  fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
  status = fs.getFileStatus(path)
  if not status.isDirectory():
    return [(status.getPath().toString(), status.getLen())]
  files = []
  iterator = fs.listFiles(path, True)
  while iterator.hasNext():
    entry = iterator.next()
    files.append((entry.getPath().toString(), entry.getLen()))
  return sorted(files, key=lambda item: item[0].encode())


def local_of_uri(uri: str) -> str | None:
  """The local path a file: URI names (None for other schemes)."""
  parts = urllib.parse.urlparse(uri)
  if parts.scheme != "file":
    return None
  return urllib.parse.unquote(parts.path)


def open_uri(uri: str):
  """A binary file object for reading `uri` on an executor."""
  local = local_of_uri(uri)
  if local is not None:
    return open(local, "rb")
  try:
    import fsspec  # noqa: PLC0415 (needed only for remote file systems)
  except ImportError as error:
    raise OSError(
      f"cannot read {uri}: install fsspec and the package of its file system on every node"
    ) from error
  return fsspec.open(uri, "rb").open()


# ---------------------------------------------------------------------------------------------
# Planning


def plan_inputs(args, sc) -> tuple[list[dict], list[str], list[tuple[str, str]]]:
  """The files under the URIs, the local paths (for the walk task), and URIs that could not be
  listed (name, message)."""
  files: list[dict] = []
  local_paths: list[str] = []
  failures: list[tuple[str, str]] = []
  for given in args.inputs:
    if is_uri(given):
      try:
        listed = list_uri(sc, given)
      except Exception as error:  # a missing path, a file system that is not configured…
        failures.append((given, java_message(error)))
        continue
      for name, size in listed:
        files.append({"name": name, "size": size, "uri": True, "cwd": None})
    else:
      local_paths.append(given)
  return files, local_paths, failures


def java_message(error: Exception) -> str:
  """The first line of what a Java exception (through py4j) or any other error says."""
  text = str(error).strip()
  for line in text.splitlines():
    line = line.strip()
    if line and not line.startswith("An error occurred while calling"):
      return line
  return type(error).__name__


def shard_starts(size: int, shard: int) -> list[int]:
  """Starts of the shards of a file of `size` bytes: every `shard` bytes, a last piece shorter
  than half a shard joined to the one before."""
  starts = list(range(0, size, shard))
  if len(starts) > 1 and size - starts[-1] < shard // 2:
    starts.pop()
  return starts


def shard_ranges(size: int, shard: int) -> list[tuple[int, int | None]]:
  starts = shard_starts(size, shard)
  return [(s, starts[i + 1] if i + 1 < len(starts) else None) for i, s in enumerate(starts)]


def count_offsets(size: int, shard: int, chunk: int) -> list[int]:
  """Offsets at which the index task counts line feeds for a file cut into shards."""
  wanted = set()
  for start, _ in shard_ranges(size, shard)[1:]:
    first = start - chunk  # the first byte the shard reads (a chunk before its range)
    if first > 0:
      wanted.add(first - 1)
      wanted.add(min(size, first - 1 + chunk))
  return sorted(wanted)


def lines_before(start: int, size: int, chunk: int, counts: dict[int, int]) -> int:
  """Line feeds before the first byte a shard starting at `start` reads, as piiscan cuts chunks:
  its reading begins one chunk before `start`, at the first line start in (P - 1, P - 1 +
  chunk] for P = start - chunk, or at P itself when no line feed is in that window."""
  first = start - chunk
  if first <= 0:
    return 0
  before = counts[first - 1]
  return before + (1 if counts[min(size, first - 1 + chunk)] > before else 0)


def edge_offsets(size: int, shard: int) -> list[int]:
  """Offsets (END - 1) from which piiscan looks for the end of each shard's last line."""
  return [end - 1 for _, end in shard_ranges(size, shard) if end is not None]


# ---------------------------------------------------------------------------------------------
# Tasks (run on the executors)


class TaskFailure(Exception):
  """piiscan could not give a state for a task (it crashed, or an input could not be fetched)."""


def piiscan_binary(job: dict) -> str:
  """The binary: at the given path when it is there, else as shipped with --files."""
  given = job["piiscan"]
  if os.path.isfile(given) and os.access(given, os.X_OK):
    return given
  from pyspark import SparkFiles  # noqa: PLC0415

  shipped = SparkFiles.get(os.path.basename(given))
  if os.path.isfile(shipped):
    if not os.access(shipped, os.X_OK):
      os.chmod(shipped, os.stat(shipped).st_mode | stat.S_IXUSR)
    return shipped
  raise TaskFailure(f"no piiscan binary at {given} nor shipped with --files")


def run_piiscan(job: dict, arguments: list[str], cwd: str, state: str, kill: bool = False,
                output=subprocess.DEVNULL) -> int:
  """Runs `piiscan size ARGUMENTS --state-out STATE` in `cwd` (standard output to `output`);
  its exit status (0, 1 or 2: piiscan has then written the state, with a notice for what it
  could not read)."""
  command = [piiscan_binary(job), "size", "--state-out", state, *arguments]
  with tempfile.TemporaryFile() as errors:
    process = subprocess.Popen(
      command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=output, stderr=errors
    )
    if kill:
      # The fault test: kill piiscan and this Python worker mid-task, as a lost executor would.
      time.sleep(0.3)
      process.kill()
      process.wait()
      os.kill(os.getpid(), signal.SIGKILL)
    status = process.wait()
    errors.seek(0)
    text = errors.read().decode("utf-8", "replace")
  if status in (0, 1, 2) and os.path.isfile(state) and os.path.getsize(state) > 0:
    return status
  tail = " ".join(text.strip().splitlines()[-3:])
  raise TaskFailure(f"piiscan exited with status {status}: {tail}")


def common_options(job: dict) -> list[str]:
  """Options every piiscan of the job takes: those that decide the configuration (states merge
  only when it is the same) and how inputs are read."""
  return job["common"] + ["--no-progress", "--memory", job["memory"], "--temp-dir", job["tmp"]]


def read_options(job: dict) -> list[str]:
  return ["--threads", str(job["threads"]), "--chunk-size", str(job["chunk"])] + job["reading"]


def place_uri(root: str, uri: str) -> str:
  """Where the local copy of `uri` goes so that, from `root`, the URI itself opens it: the
  scheme's colon and the slashes are those of a relative path (hdfs://nn/a is hdfs:/nn/a)."""
  path = os.path.join(root, uri)
  os.makedirs(os.path.dirname(path), exist_ok=True)
  return path


def copy_whole(uri: str, target: str, offsets: list[int], edges: list[int]):
  """Copies `uri` to `target`, counting the line feeds before each of `offsets` and finding the
  first line feed at or after each of `edges`, in the one reading."""
  counts, firsts = {}, {}
  with open_uri(uri) as source, open(target, "wb") as out:
    scan_lines(source, offsets, edges, counts, firsts, out)
  return counts, firsts


def scan_lines(source, offsets, edges, counts, firsts, out=None) -> None:
  """Reads `source` to its end (copying to `out`): line feeds before each offset, and the first
  line feed at or after each edge (absent when none comes within LONGEST_SHARD_LINE)."""
  pending_offsets = list(offsets)
  pending_edges = list(edges)
  position, seen = 0, 0
  block = 8 << 20
  while True:
    data = source.read(block)
    if not data:
      break
    if out is not None:
      out.write(data)
    end = position + len(data)
    while pending_offsets and pending_offsets[0] <= end:
      offset = pending_offsets.pop(0)
      counts[offset] = seen + data.count(b"\n", 0, offset - position)
    while pending_edges and pending_edges[0] < end:
      edge = pending_edges[0]
      found = data.find(b"\n", max(0, edge - position))
      if found >= 0:
        firsts[edge] = position + found
        pending_edges.pop(0)
      elif end - edge > LONGEST_SHARD_LINE + SLACK:
        pending_edges.pop(0)
      else:
        break
    seen += data.count(b"\n")
    position = end
  for offset in pending_offsets:
    counts[offset] = seen


def copy_ranges(uri: str, target: str, size: int, ranges: list[tuple[int, int]]) -> None:
  """A sparse local copy of `uri`: its full size, with only `ranges` filled in."""
  with open_uri(uri) as source, open(target, "wb") as out:
    out.truncate(size)
    for start, end in merged(ranges):
      source.seek(start)
      out.seek(start)
      left = end - start
      while left > 0:
        data = source.read(min(left, 8 << 20))
        if not data:
          break
        out.write(data)
        left -= len(data)


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
  out: list[tuple[int, int]] = []
  for start, end in sorted(r for r in ranges if r[1] > r[0]):
    if out and start <= out[-1][1]:
      out[-1] = (out[-1][0], max(out[-1][1], end))
    else:
      out.append((start, end))
  return out


def looks_like_container(head: bytes) -> bool:
  return any(head[at : at + len(magic)] == magic for at, magic in CONTAINER_MAGIC)


def task_walk(spec: dict, job: dict, work: str) -> dict:
  """piiscan's own walk of the local paths (its filters, ignore files, configuration): the
  files it would read, with their sizes, and a state holding what it skips."""
  state = os.path.join(work, "walk.state")
  with tempfile.TemporaryFile() as listing:
    status = run_piiscan(
      job, common_options(job) + job["walking"] + ["--walk-only", "--", *spec["paths"]],
      spec["cwd"], state, output=listing)
    listing.seek(0)
    names = [os.fsdecode(name) for name in listing.read().split(b"\0") if name]
  files = []
  for name in names:
    try:
      size = os.stat(os.path.join(spec["cwd"], name)).st_size
    except OSError:
      size = 0  # read whole: piiscan says what it cannot read
    files.append((name, size))
  out = result(spec, state, status)
  out["meta"] = {"files": files}
  return out


def task_whole(spec: dict, job: dict, work: str, kill: bool = False) -> dict:
  """Several files (or one large container) read whole by one piiscan."""
  state = os.path.join(work, "whole.state")
  files = spec["files"]
  if files[0]["uri"]:
    root = os.path.join(work, "root")
    for entry in files:
      with open_uri(entry["name"]) as source, open(place_uri(root, entry["name"]), "wb") as out:
        shutil.copyfileobj(source, out, 8 << 20)
    cwd = root
  else:
    cwd = files[0]["cwd"]
  names = [entry["name"] for entry in files]
  status = run_piiscan(job, common_options(job) + read_options(job) + ["--", *names], cwd, state,
                       kill)
  return result(spec, state, status)


def task_index(spec: dict, job: dict, work: str, kill: bool = False) -> dict:
  """Describes a large file (hash, size, format, encoding) and counts its line feeds where its
  shards need them; or says it is to be read whole."""
  entry = spec["file"]
  size, shard, chunk = entry["size"], job["shard"], job["chunk"]
  offsets, edges = count_offsets(size, shard, chunk), edge_offsets(size, shard)
  with open_uri(entry["name"]) if entry["uri"] else open(local_path(entry), "rb") as source:
    head = source.read(512)
  if looks_like_container(head):
    return {"id": spec["id"], "state": None, "status": 0, "meta": {"whole": "container"}}
  counts: dict[int, int] = {}
  firsts: dict[int, int] = {}
  if entry["uri"]:
    root = os.path.join(work, "root")
    counts, firsts = copy_whole(entry["name"], place_uri(root, entry["name"]), offsets, edges)
    cwd = root
  else:
    with open(local_path(entry), "rb") as source:
      scan_lines(source, offsets, edges, counts, firsts)
    cwd = entry["cwd"]
  state = os.path.join(work, "describe.state")
  report = os.path.join(work, "describe.json")
  status = run_piiscan(
    job,
    common_options(job) + read_options(job)
    + ["--describe-only", "--format", "json", "--output", report, "--", entry["name"]],
    cwd, state, kill)
  with open(report, encoding="utf-8") as handle:
    inputs = json.load(handle)["inputs"]
  described = inputs[0] if len(inputs) == 1 else None
  whole = None
  if described is None or described.get("member") is not None:
    whole = "container"
  elif described.get("status") not in ("complete", "partial"):
    whole = f"status {described.get('status')}"
  elif described.get("encoding") not in RANGE_ENCODINGS:
    whole = f"encoding {described.get('encoding')}"
  elif described.get("format") == "sheet":
    whole = "workbook"
  meta = {
    "whole": whole,
    "format": described.get("format") if described else None,
    "lines": {str(start): lines_before(start, size, chunk, counts)
              for start, _ in shard_ranges(size, shard)},
    "firsts": {str(edge): at for edge, at in firsts.items()},
  }
  out = result(spec, state, status)
  out["meta"] = meta
  if whole is not None:
    out["state"] = None  # the whole-file task describes it
  return out


def local_path(entry: dict) -> str:
  return os.path.join(entry["cwd"], entry["name"])


def shard_window(spec: dict, job: dict) -> list[tuple[int, int]]:
  """The bytes a shard's piiscan reads, with room to spare: the first 64 KiB (format and
  encoding), a chunk before the range, and past the range to two chunks after the end of the
  line running over its end (one chunk when that line is too long); everything before the
  range as well for SQL, whose statements piiscan reads from the start."""
  size, chunk = spec["file"]["size"], job["chunk"]
  start, end = spec["start"], spec["end"]
  first = max(0, start - chunk)
  if end is None:
    last = size
  else:
    line_feed = spec.get("first_line_feed")
    if line_feed is not None and line_feed < end + LONGEST_SHARD_LINE:
      reading_end = max(end + chunk, (line_feed // chunk + 2) * chunk)
    else:
      reading_end = end + chunk
    last = min(size, reading_end + chunk + OVERLAP + SLACK)
  if spec.get("format") == "sql":
    return [(0, last)]
  return [(0, min(size, SNIFF)), (max(0, first - OVERLAP - SLACK), last)]


def task_range(spec: dict, job: dict, work: str, kill: bool = False) -> dict:
  """One shard of a large plain file: the records that start in [start, end)."""
  entry = spec["file"]
  if entry["uri"]:
    root = os.path.join(work, "root")
    copy_ranges(entry["name"], place_uri(root, entry["name"]), entry["size"],
                shard_window(spec, job))
    cwd = root
  else:
    cwd = entry["cwd"]
  end = "" if spec["end"] is None else str(spec["end"])
  state = os.path.join(work, "shard.state")
  status = run_piiscan(
    job,
    common_options(job) + read_options(job)
    + ["--range", f"{spec['start']}:{end}", "--lines-before", str(spec["lines_before"]),
       "--", entry["name"]],
    cwd, state, kill)
  return result(spec, state, status)


def result(spec: dict, state: str, status: int) -> dict:
  with open(state, "rb") as handle:
    data = handle.read()
  return {"id": spec["id"], "state": data, "status": status, "meta": None}


def failed(spec: dict, job: dict, work: str, message: str) -> dict:
  """A task that failed on its last attempt: a state whose only content is a notice naming what
  was not read (piiscan size --unreadable), so the report says so."""
  state = os.path.join(work, "failed.state")
  options = common_options(job)
  if spec["kind"] == "range":
    end = "" if spec["end"] is None else str(spec["end"])
    message = f"bytes {spec['start']}..{end or 'end'} not read: {message}"
    options += ["--chunk-size", str(job["chunk"]), "--range", f"{spec['start']}:{end}"]
    names = [spec["file"]["name"]]
  else:
    message = f"not read: {message}"
    if spec["kind"] == "index":
      names = [spec["file"]["name"]]
    else:
      names = [entry["name"] for entry in spec.get("files", [])] or spec.get("paths", [])
  status = run_piiscan(job, options + ["--unreadable", message, "--", *names], work, state)
  out = result(spec, state, status)
  out["status"] = 2
  out["failed"] = message
  return out


def task_unlisted(spec: dict, job: dict, work: str) -> dict:
  """A URI the driver could not list: a notice with what the file system said."""
  state = os.path.join(work, "unlisted.state")
  status = run_piiscan(
    job, common_options(job) + ["--unreadable", f"not listed: {spec['message']}", "--",
                                spec["name"]], work, state)
  out = result(spec, state, status)
  out["status"] = 2
  return out


RUNNERS = {
  "walk": task_walk, "whole": task_whole, "index": task_index, "range": task_range,
  "unlisted": task_unlisted,
}


def matches(pattern: str | None, task: str) -> bool:
  """Whether a fault-injection pattern (a shell glob such as range:*:3) names this task."""
  return pattern is not None and fnmatch.fnmatchcase(task, pattern)


def execute(spec: dict, job: dict) -> dict:
  """Runs one task in a directory of its own attempt (a retried attempt never sees what a
  killed one left), turning a failure on the last allowed attempt into a notice."""
  from pyspark import TaskContext  # noqa: PLC0415

  context = TaskContext.get()
  attempt = context.attemptNumber() if context else 0
  work = tempfile.mkdtemp(prefix="piiscan-task-", dir=job["work_root"])
  try:
    job = dict(job, tmp=work)
    kill = matches(job["kill_once"], spec["id"]) and attempt == 0
    runner = RUNNERS[spec["kind"]]
    try:
      if matches(job["fail"], spec["id"]):
        raise TaskFailure("failed on purpose (PIISCAN_SPARK_FAIL)")
      if spec["kind"] in ("walk", "unlisted"):
        return runner(spec, job, work)
      return runner(spec, job, work, kill)
    except Exception as error:  # piiscan or a copy failed
      if attempt + 1 < job["max_failures"]:
        raise
      if spec["kind"] == "index":
        # Not described: read it whole instead (which says what it cannot read).
        return {"id": spec["id"], "state": None, "status": 0, "meta": {"whole": "error"}}
      return failed(spec, job, work, f"{type(error).__name__}: {error}")
  finally:
    shutil.rmtree(work, ignore_errors=True)


def merge_states(job: dict, states, work: str, report: list[str] | None = None):
  """`piiscan size --merge` of the (id, state bytes) pairs, one state per id whatever
  repeats; returns the merged state's bytes, or (report bytes, exit status) with `report`."""
  paths = {}
  for key, data in states:
    if key in paths:
      continue  # the same task's state twice (a retry): counted once
    path = os.path.join(work, f"{len(paths)}.state")
    with open(path, "wb") as handle:
      handle.write(data)
    paths[key] = path
  if not paths:
    return None
  names = [paths[key] for key in sorted(paths)]
  state = os.path.join(work, "merged.state")
  if report is None:
    # Never --output /dev/null: piiscan writes its report beside the name and renames it.
    unused = os.path.join(work, "unused-report")
    run_piiscan(job, common_options(job) + ["--merge", "--output", unused, "--", *names],
                work, state)
    with open(state, "rb") as handle:
      return handle.read()
  output = os.path.join(work, "report")
  status = run_piiscan(job, common_options(job) + report + ["--merge", "--output", output, "--",
                                                             *names], work, state)
  with open(output, "rb") as handle:
    return handle.read(), status


def merge_partition(items, job: dict, key: str | None, report: list[str] | None = None):
  """One merge task: the states of its group, streamed from the shuffle to local files; the
  merged state under `key`, or the report and piiscan's exit status."""
  work = tempfile.mkdtemp(prefix="piiscan-merge-", dir=job["work_root"])
  try:
    job = dict(job, tmp=work)
    pairs = (value for _, value in items)
    if report is None:
      data = merge_states(job, pairs, work)
      return [] if data is None else [(key, data)]
    return [merge_states(job, pairs, work, report)]
  finally:
    shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The driver


def max_failures(sc) -> int:
  """How many attempts Spark gives a task: local[N,F] says F; plain local mode gives one."""
  master = sc.master
  match = re.fullmatch(r"local\[(?:\*|\d+),\s*(\d+)\]", master)
  if match:
    return int(match.group(1))
  if master == "local" or re.fullmatch(r"local\[(?:\*|\d+)\]", master):
    return 1
  return int(sc.getConf().get("spark.task.maxFailures", "4"))


def job_settings(args, sc, work_root: str | None) -> dict:
  common = ["--as-of", args.as_of, "--bank-card-tier", str(args.bank_card_tier),
            "--samples", str(args.samples)]
  if args.only:
    common += ["--only", args.only]
  if args.except_:
    common += ["--except", args.except_]
  for directory in args.patterns:
    common += ["--patterns", os.path.abspath(directory)]
  reading = []
  if args.binary:
    reading.append("--binary")
  for name in ("max_decompressed", "max_ratio", "max_depth"):
    value = getattr(args, name)
    if value is not None:
      reading += ["--" + name.replace("_", "-"), str(value)]
  walking = [flag for flag, on in (("--hidden", args.hidden), ("--no-ignore", args.no_ignore),
                                   ("--follow", args.follow)) if on]
  for glob in args.glob:
    walking += ["--glob", glob]
  if args.max_filesize:
    walking += ["--max-filesize", args.max_filesize]
  piiscan = args.piiscan
  if os.path.isfile(piiscan):
    piiscan = os.path.abspath(piiscan)
  return {
    "piiscan": piiscan, "common": common, "reading": reading, "walking": walking,
    "threads": args.threads,
    "memory": args.memory, "chunk": args.chunk_size, "shard": args.shard_bytes,
    "work_root": work_root, "max_failures": max_failures(sc),
    # Fault injection for the tests (spark/README.md): the tasks whose id matches are killed on
    # their first attempt, or fail on every attempt.
    "kill_once": os.environ.get("PIISCAN_SPARK_KILL_ONCE"),
    "fail": os.environ.get("PIISCAN_SPARK_FAIL"),
  }


def stage(sc, specs: list[dict], job: dict, name: str, verbose: bool):
  """Runs `specs`, one task each; the results stay on the executors (on disk), only their
  small metadata comes back."""
  from pyspark import StorageLevel  # noqa: PLC0415

  if not specs:
    return sc.emptyRDD(), []
  started = time.monotonic()
  rdd = sc.parallelize(specs, len(specs)).map(lambda spec: execute(spec, job))
  rdd = rdd.persist(StorageLevel.DISK_ONLY)
  meta = rdd.map(
    lambda r: dict({k: v for k, v in r.items() if k != "state"}, has_state=r["state"] is not None)
  ).collect()
  if verbose:
    print(f"piiscan_spark: {name}: {len(specs)} tasks, {time.monotonic() - started:.1f} s",
          file=sys.stderr)
  return rdd, meta


def whole_groups(files: list[dict], shard: int) -> list[list[dict]]:
  """Small files in groups of about a shard's bytes (local ones and URIs apart)."""
  groups: list[list[dict]] = []
  for uri in (False, True):
    group, total = [], 0
    for entry in (f for f in files if f["uri"] == uri):
      if group and (total + entry["size"] > shard or len(group) >= GROUP_FILES):
        groups.append(group)
        group, total = [], 0
      group.append(entry)
      total += entry["size"]
    if group:
      groups.append(group)
  return groups


def run(args) -> int:
  from pyspark.sql import SparkSession  # noqa: PLC0415

  builder = SparkSession.builder.appName("piiscan size")
  if args.master:
    builder = builder.master(args.master)
  for setting in args.spark_conf:
    key, _, value = setting.partition("=")
    builder = builder.config(key, value)
  spark = builder.getOrCreate()
  sc = spark.sparkContext
  local_root = tempfile.mkdtemp(prefix="piiscan-spark-") if sc.master.startswith("local") else None
  try:
    return drive(args, sc, args.work_dir or local_root)
  finally:
    spark.stop()
    if local_root:
      shutil.rmtree(local_root, ignore_errors=True)


def drive(args, sc, work_root: str | None) -> int:
  job = job_settings(args, sc, work_root)
  uri_files, local_paths, failures = plan_inputs(args, sc)

  # Stage 0: piiscan walks the local paths (a state of what it skips, and the files it reads).
  walk_specs = []
  if local_paths:
    walk_specs.append({"id": "walk", "kind": "walk", "paths": local_paths, "cwd": os.getcwd()})
  walked, walk_meta = stage(sc, walk_specs, job, "walk", args.verbose)
  files = [{"name": name, "size": size, "uri": False, "cwd": os.getcwd()}
           for meta in walk_meta for name, size in (meta["meta"] or {}).get("files", [])]
  files += uri_files
  for number, entry in enumerate(files):
    entry["number"] = number

  # Stage 1: small files and containers whole, large files described, URIs that could not be
  # listed as notices.
  specs: list[dict] = []
  small = [f for f in files if f["size"] <= args.shard_bytes]
  large = [f for f in files if f["size"] > args.shard_bytes]
  for number, group in enumerate(whole_groups(small, args.shard_bytes)):
    specs.append({"id": f"whole:{number}", "kind": "whole", "files": group})
  for entry in large:
    specs.append({"id": f"index:{entry['number']}", "kind": "index", "file": entry})
  for number, (name, message) in enumerate(failures):
    specs.append({"id": f"unlisted:{number}", "kind": "unlisted", "name": name,
                  "message": message})
  first, first_meta = stage(sc, specs, job, "read whole / describe", args.verbose)

  # Stage 2: the shards of the large plain files; the other large files whole.
  by_id = {spec["id"]: spec for spec in specs}
  second_specs: list[dict] = []
  for meta in first_meta:
    if not meta["id"].startswith("index:"):
      continue
    entry, info = by_id[meta["id"]]["file"], meta["meta"]
    if info.get("whole"):
      second_specs.append({"id": f"large:{entry['number']}", "kind": "whole", "files": [entry]})
      continue
    for number, (start, end) in enumerate(shard_ranges(entry["size"], args.shard_bytes)):
      second_specs.append({
        "id": f"range:{entry['number']}:{number}", "kind": "range", "file": entry,
        "start": start, "end": end, "lines_before": info["lines"][str(start)],
        "first_line_feed": None if end is None else info["firsts"].get(str(end - 1)),
        "format": info.get("format"),
      })
  second, second_meta = stage(sc, second_specs, job, "shards", args.verbose)

  # The tree of merges, then the report (in one last task: the driver needs no piiscan).
  results = walk_meta + first_meta + second_meta
  states = walked.union(first).union(second).filter(lambda r: r["state"] is not None).map(
    lambda r: (r["id"], r["state"]))
  ids = sorted(m["id"] for m in results if m["has_state"])
  level = 0
  while len(ids) > args.fan_in:
    group_of = {key: index // args.fan_in for index, key in enumerate(ids)}
    groups = len(ids) // args.fan_in + (1 if len(ids) % args.fan_in else 0)
    tag = f"merge:{level}:"
    states = (
      states.map(lambda kv, g=group_of: (g[kv[0]], kv))
      .partitionBy(groups, lambda key: key)
      .mapPartitionsWithIndex(
        lambda index, items, t=tag: merge_partition(items, job, f"{t}{index:06d}"))
    )
    ids = [f"{tag}{g:06d}" for g in range(groups)]
    level += 1
  report = ["--format", args.format] + (["--lang", args.lang] if args.lang else []) \
    + (["--insider"] if args.insider else []) + (["--csv-bom"] if args.csv_bom else [])
  # Shards: the pieces of input read (whole-file groups and byte ranges).
  shards = sum(1 for spec in specs + second_specs if spec["kind"] in ("whole", "range"))
  report += ["--run-command", args.command, "--run-started", args.started,
             "--run-shards", str(shards), "--threads", str(args.threads)]
  started = time.monotonic()
  text, status = (
    states.map(lambda kv: (0, kv)).partitionBy(1, lambda key: 0)
    .mapPartitions(lambda items: merge_partition(items, job, None, report)).collect()[0]
  )
  if args.verbose:
    print(f"piiscan_spark: merge ({level} levels below the last) and report: "
          f"{time.monotonic() - started:.1f} s", file=sys.stderr)
  write_report(args.output, text)
  if any(m["status"] == 2 for m in results):
    return 2
  return status


def write_report(output: str | None, text: bytes) -> None:
  """The report on standard output, or in `output` written whole (a temporary file renamed)."""
  if output is None:
    sys.stdout.buffer.write(text)
    sys.stdout.buffer.flush()
    return
  directory = os.path.dirname(os.path.abspath(output))
  handle, temporary = tempfile.mkstemp(prefix=".piiscan-report-", dir=directory)
  try:
    with os.fdopen(handle, "wb") as out:
      out.write(text)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(temporary, 0o666 & ~mask)
    os.replace(temporary, output)
  except BaseException:
    os.unlink(temporary)
    raise


def main(argv: list[str] | None = None) -> int:
  args = arguments(argv)
  # The report's run section: this job's command line and start, not those of its last merge.
  args.command = shlex.join(["piiscan_spark.py", *(sys.argv[1:] if argv is None else argv)])
  args.started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
  return run(args)


if __name__ == "__main__":
  sys.exit(main())
