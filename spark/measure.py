#!/usr/bin/env python3
"""The two figures spark/README.md quotes, measured on the machine this runs on.

    python3 spark/measure.py merge --piiscan .build/release/piiscan --file dense.csv \\
        --shards 1000 --memory 16M,64M,1G
    python3 spark/measure.py overhead --piiscan .build/release/piiscan --file dense.csv

`merge` cuts FILE into SHARDS byte ranges, runs `piiscan size --range … --state-out` on each
(two at a time), then times `piiscan size --merge` of all the states at once under GNU time and
prints its peak resident memory beside the states' total size; it also checks that the merged
report is the one `piiscan size FILE` gives. `overhead` times `piiscan size --threads 2 FILE`
against the Spark job in local mode with 2 cores (`local[2]`) on the same file, and checks the
two reports are the same. Neither is part of `make test`: they take minutes, and timings on a
shared machine say little.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import piiscan_spark as job  # noqa: E402

AS_OF = "2026-11-29"


def report_of(text: bytes) -> str:
  report = json.loads(text)
  report.pop("run", None)
  return json.dumps(report, sort_keys=True)


def timed(command: list[str], cwd: str) -> tuple[float, int, subprocess.CompletedProcess]:
  """Runs `command` under GNU time: wall seconds, peak RSS in KiB, and the process."""
  started = time.monotonic()
  process = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True,
                           check=False)
  seconds = time.monotonic() - started
  match = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", process.stderr)
  if process.returncode not in (0, 1) or not match:
    raise SystemExit(f"{command[:3]} failed: {process.stderr.decode()[-2000:]}")
  return seconds, int(match.group(1)), process


def measure_merge(args) -> None:
  size = os.path.getsize(args.file)
  shard = size // args.shards // args.chunk * args.chunk
  if shard < args.chunk:
    raise SystemExit("the file is too small for that many shards of that chunk size")
  ranges = job.shard_ranges(size, shard)
  counts: dict[int, int] = {}
  with open(args.file, "rb") as source:
    job.scan_lines(source, job.count_offsets(size, shard, args.chunk), [], counts, {})
  work = tempfile.mkdtemp(prefix="piiscan-measure-")
  name = os.path.basename(args.file)
  cwd = os.path.dirname(os.path.abspath(args.file))
  common = [args.piiscan, "size", "--as-of", AS_OF, "--no-progress", "--chunk-size",
            str(args.chunk)]
  try:
    def one(index: int) -> str:
      start, end = ranges[index]
      state = os.path.join(work, f"{index:05d}.state")
      subprocess.run(
        common + ["--threads", "1", "--range", f"{start}:{'' if end is None else end}",
                  "--lines-before", str(job.lines_before(start, size, args.chunk, counts)),
                  "--state-out", state, "--output", os.path.join(work, f"{index}.txt"), name],
        cwd=cwd, check=False, capture_output=True)
      os.unlink(os.path.join(work, f"{index}.txt"))
      return state

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
      states = list(pool.map(one, range(len(ranges))))
    describe = os.path.join(work, "describe.state")
    subprocess.run(common + ["--describe-only", "--state-out", describe, "--output",
                             os.path.join(work, "d.txt"), name], cwd=cwd, check=False)
    states.append(describe)
    print(f"{len(ranges)} shards of {shard} bytes (and the description) in "
          f"{time.monotonic() - started:.0f} s; states: "
          f"{sum(os.path.getsize(s) for s in states) / 2**20:.1f} MiB")
    _, single_peak, single = timed(common + ["--threads", "2", "--format", "json", name], cwd)
    print(f"piiscan size --threads 2 {name}: peak RSS {single_peak / 1024:.0f} MiB")
    for memory in args.memory.split(","):
      seconds, peak, merged = timed(
        common + ["--merge", "--memory", memory, "--temp-dir", work, "--format", "json",
                  *states], cwd)
      same = report_of(merged.stdout) == report_of(single.stdout)
      print(f"merge of {len(states)} states, --memory {memory}: {seconds:.1f} s, "
            f"peak RSS {peak / 1024:.0f} MiB; the report is "
            f"{'the same as' if same else 'NOT the same as'} that run's")
  finally:
    shutil.rmtree(work, ignore_errors=True)


def measure_overhead(args) -> None:
  cwd = os.path.dirname(os.path.abspath(args.file))
  name = os.path.basename(args.file)
  single_seconds, _, single = timed(
    [args.piiscan, "size", "--as-of", AS_OF, "--no-progress", "--threads", "2", "--format",
     "json", name], cwd)
  output = tempfile.mktemp(prefix="piiscan-measure-", suffix=".json")
  started = time.monotonic()
  subprocess.run(
    [sys.executable, os.path.join(HERE, "piiscan_spark.py"), "--master", args.master,
     "--piiscan", args.piiscan, "--as-of", AS_OF, "--format", "json", "--output", output,
     "--shard-bytes", args.shard_bytes, "--chunk-size", str(args.chunk), "--verbose",
     "--spark-conf", "spark.ui.enabled=false", name],
    cwd=cwd, check=False)
  spark_seconds = time.monotonic() - started
  with open(output, "rb") as handle:
    same = report_of(handle.read()) == report_of(single.stdout)
  os.unlink(output)
  print(f"piiscan size --threads 2: {single_seconds:.1f} s; Spark {args.master}, shards of "
        f"{args.shard_bytes}, chunks of {args.chunk}: {spark_seconds:.1f} s "
        f"({spark_seconds / single_seconds:.2f}x); reports "
        f"{'the same' if same else 'NOT the same'}")


def main() -> None:
  parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  parser.add_argument("what", choices=["merge", "overhead"])
  parser.add_argument("--piiscan", required=True)
  parser.add_argument("--file", required=True, help="a large plain file (piiscan-corpus bench)")
  parser.add_argument("--shards", type=int, default=1000)
  parser.add_argument("--chunk", type=job.parse_size, default=job.CHUNK_BYTES)
  parser.add_argument("--memory", default="64M", help="piiscan's --memory (a comma list)")
  parser.add_argument("--master", default="local[2]")
  parser.add_argument("--shard-bytes", default="32M")
  args = parser.parse_args()
  args.piiscan = os.path.abspath(args.piiscan)
  (measure_merge if args.what == "merge" else measure_overhead)(args)


if __name__ == "__main__":
  main()
