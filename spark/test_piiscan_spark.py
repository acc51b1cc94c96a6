#!/usr/bin/env python3
"""Tests of spark/piiscan_spark.py, with PySpark in local mode and the real piiscan binary.

`make test` runs them (after `swift build --build-tests`, which builds the binaries) with
`python3 -m unittest spark/test_piiscan_spark.py`; PIISCAN names the binary (default:
.build/debug/piiscan, piiscan-corpus beside it). The reference is always `piiscan size` run
once, with its default options, over the same inputs on this machine: the Spark job's report
(its tasks use smaller chunks) must be the same, less its run section (times, command line,
shard count).

The cluster test proper (SparkJobTests) uses the labelled samples plus a dense generated file
of at least 64 MiB cut into 8 MiB shards, once as it is and once with one shard's task killed
on its first attempt (Spark then runs it again). PIISCAN_SPARK_QUICK=1 uses a 4 MiB file and
0.5 MiB shards instead, for a quick look while editing the job (not what CI runs).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import piiscan_spark as job  # noqa: E402

PIISCAN = os.path.abspath(
  os.environ.get("PIISCAN", os.path.join(ROOT, ".build", "debug", "piiscan")))
CORPUS = os.path.join(os.path.dirname(PIISCAN), "piiscan-corpus")
AS_OF = "2026-11-29"
QUICK = os.environ.get("PIISCAN_SPARK_QUICK") == "1"
MIB = 1 << 20
DENSE_BYTES = 4 * MIB if QUICK else 64 * MIB
SHARD = "512K" if QUICK else "8M"
CHUNK = "64K" if QUICK else "1M"  # the job's chunk size; the single run keeps piiscan's


def piiscan_size(arguments: list[str], cwd: str) -> tuple[dict, int]:
  """`piiscan size --format json` on one machine: the report, and the exit status."""
  process = subprocess.run(
    [PIISCAN, "size", "--format", "json", "--as-of", AS_OF, "--no-progress", *arguments],
    cwd=cwd, capture_output=True, check=False)
  if process.returncode not in (0, 1, 2):
    raise AssertionError(f"piiscan size failed: {process.stderr.decode()}")
  return json.loads(process.stdout), process.returncode


def spark_job(arguments: list[str], cwd: str, output: str, env: dict | None = None):
  """The job in local mode, 2 cores, 2 attempts a task: the report, exit status, seconds and
  what Spark wrote on standard error."""
  started = time.monotonic()
  process = subprocess.run(
    [sys.executable, os.path.join(HERE, "piiscan_spark.py"), "--master", "local[2,2]",
     "--piiscan", PIISCAN, "--as-of", AS_OF, "--format", "json", "--output", output,
     "--spark-conf", "spark.ui.enabled=false", *arguments],
    cwd=cwd, capture_output=True, check=False, env=dict(os.environ, **(env or {})))
  seconds = time.monotonic() - started
  if process.returncode not in (0, 1, 2) or not os.path.isfile(output):
    raise AssertionError(
      f"the Spark job failed ({process.returncode}): {process.stderr.decode()[-4000:]}")
  with open(output, encoding="utf-8") as handle:
    return json.load(handle), process.returncode, seconds, process.stderr.decode()


def without_run(report: dict) -> str:
  return json.dumps({k: v for k, v in report.items() if k != "run"}, sort_keys=True,
                    ensure_ascii=False, indent=1)


def first_difference(a: str, b: str) -> str:
  for number, (left, right) in enumerate(zip(a.splitlines(), b.splitlines())):
    if left != right:
      return f"line {number + 1}: {left!r} != {right!r}"
  return "one report is longer"


class PlanningTests(unittest.TestCase):
  """The driver's arithmetic, against definitions written out here (no Spark)."""

  def test_shards_cover_the_file_once_at_multiples_of_the_shard(self):
    shard = 3 * 4096
    for size in [1, 4095, shard, shard + 1, 2 * shard + shard // 2 - 1, 10 * shard + 7]:
      ranges = job.shard_ranges(size, shard)
      self.assertEqual(ranges[0][0], 0)
      self.assertIsNone(ranges[-1][1])
      for (start, end), (next_start, _) in zip(ranges, ranges[1:]):
        self.assertEqual(end, next_start)
        self.assertEqual(start % shard, 0)
      # A last piece shorter than half a shard goes with the one before.
      self.assertGreaterEqual(size - ranges[-1][0], min(size, shard // 2))

  def test_lines_before_counts_the_line_feeds_before_the_shards_first_chunk(self):
    chunk = 64
    generator = random.Random(14)
    for trial in range(200):
      # Lines of every length, some longer than a chunk, some files ending without a feed.
      lines = [bytes(generator.choice(b"ab,") for _ in range(generator.choice(
        [0, 1, 5, 30, 63, 64, 65, 200]))) for _ in range(generator.randint(1, 40))]
      data = b"\n".join(lines) + (b"\n" if trial % 3 else b"")
      size, shard = len(data), chunk * generator.randint(1, 4)
      counts, firsts = {}, {}
      job.scan_lines(BytesReader(data, 7), job.count_offsets(size, shard, chunk),
                     job.edge_offsets(size, shard), counts, firsts)
      for start, end in job.shard_ranges(size, shard):
        # By definition: the reading of a shard starts at the cut of nominal P = start - chunk,
        # the first line start in (P - 1, P - 1 + chunk], else P; count the feeds before it.
        nominal, cut = start - chunk, 0
        if nominal > 0:
          feed = data.find(b"\n", nominal - 1, min(size, nominal - 1 + chunk))
          cut = feed + 1 if feed >= 0 else nominal
        self.assertEqual(job.lines_before(start, size, chunk, counts), data[:cut].count(b"\n"),
                         f"trial {trial}, shard at {start}")
        if end is not None:
          feed = data.find(b"\n", end - 1)
          self.assertEqual(firsts.get(end - 1), feed if feed >= 0 else None)

  def test_sizes_read_as_piiscan_reads_them(self):
    self.assertEqual(job.parse_size("8M"), 8 * MIB)
    self.assertEqual(job.parse_size("512k"), 512 << 10)
    self.assertEqual(job.parse_size("1G"), 1 << 30)
    self.assertEqual(job.parse_size("4096"), 4096)
    with self.assertRaises(Exception):
      job.parse_size("lots")

  def test_the_shard_size_is_rounded_down_to_the_chunk_size(self):
    args = job.arguments(["--piiscan", "x", "--chunk-size", "1M", "--shard-bytes", "2500K", "f"])
    self.assertEqual(args.shard_bytes, 2 * MIB)


class BytesReader:
  """A file object giving at most `block` bytes a read, so edges fall between reads."""

  def __init__(self, data: bytes, block: int):
    self.data, self.block, self.at = data, block, 0

  def read(self, count: int) -> bytes:
    piece = self.data[self.at:self.at + min(count, self.block)]
    self.at += len(piece)
    return piece


@unittest.skipUnless(os.access(PIISCAN, os.X_OK), f"no piiscan at {PIISCAN}: swift build first")
class SparkJobTests(unittest.TestCase):
  """The whole job in Spark local mode against one `piiscan size` over the same inputs."""

  @classmethod
  def setUpClass(cls):
    cls.work = tempfile.mkdtemp(prefix="piiscan-spark-test-")
    cls.case = os.path.join(cls.work, "case")
    samples = os.path.join(cls.case, "samples")
    shutil.copytree(os.path.join(ROOT, "samples", "data"), samples)
    # What piiscan's walk leaves out, which the job must leave out too: a dotfile, and a file
    # that a .piiscanignore names.
    customers = os.path.join(samples, "csv", "customers.csv")
    shutil.copy(customers, os.path.join(samples, ".hidden.csv"))
    shutil.copy(customers, os.path.join(samples, "ignored.csv"))
    with open(os.path.join(samples, ".piiscanignore"), "w", encoding="utf-8") as handle:
      handle.write("ignored.csv\n")
    cls.dense = os.path.join(cls.case, "dense.csv")
    subprocess.run([CORPUS, "bench", "--density", "dense", "--bytes", str(DENSE_BYTES),
                    "--out", cls.dense], check=True, capture_output=True)
    cls.inputs = ["samples", "dense.csv"]
    started = time.monotonic()
    cls.single, cls.single_status = piiscan_size(cls.inputs, cls.case)
    cls.single_seconds = time.monotonic() - started

  @classmethod
  def tearDownClass(cls):
    shutil.rmtree(cls.work, ignore_errors=True)

  def assert_same_report(self, report: dict, reference: dict):
    left, right = without_run(report), without_run(reference)
    self.assertTrue(left == right, first_difference(left, right))

  def run_job(self, name: str, extra: list[str], env: dict | None = None):
    return spark_job(["--chunk-size", CHUNK, "--shard-bytes", SHARD, *extra, *self.inputs],
                     self.case, os.path.join(self.work, name), env)

  def test_the_cluster_report_is_the_single_machine_report(self):
    self.assertGreaterEqual(os.path.getsize(self.dense), DENSE_BYTES)
    self.assertEqual(self.single_status, 1)
    self.assertGreater(self.single["records"]["total"], 10_000)
    report, status, seconds, _ = self.run_job("plain.json", [])
    self.assert_same_report(report, self.single)
    self.assertEqual(status, 1)
    shards = job.shard_ranges(os.path.getsize(self.dense), job.parse_size(SHARD))
    self.assertGreaterEqual(len(shards), 8)
    self.assertGreaterEqual(report["run"]["shards"], len(shards) + 1)  # and the samples
    self.assertTrue(report["run"]["command"].startswith("piiscan_spark.py "))
    paths = {entry["path"] for entry in report["inputs"]}
    self.assertNotIn("samples/ignored.csv", paths)
    self.assertNotIn("samples/.hidden.csv", paths)
    dense = [entry for entry in report["inputs"] if entry["path"] == "dense.csv"]
    self.assertEqual(len(dense), 1)
    self.assertEqual(dense[0]["sha256"], sha256(self.dense))
    print(f"\n  piiscan size alone {self.single_seconds:.1f} s, the Spark job {seconds:.1f} s "
          f"({len(shards)} shards of {SHARD}; a shared, loaded machine)", file=sys.stderr)

  def test_a_task_killed_and_run_again_changes_nothing(self):
    # The third shard of the dense file: its piiscan and Python worker are killed mid-task on
    # the first attempt (as when an executor is lost); Spark's second attempt gives the state.
    report, status, _, log = self.run_job(
      "killed.json", [], {"PIISCAN_SPARK_KILL_ONCE": "range:*:2"})
    self.assertIn("Python worker exited unexpectedly", log)  # the kill did happen
    self.assertIn("Lost task", log)
    self.assert_same_report(report, self.single)
    self.assertEqual(status, 1)


@unittest.skipUnless(os.access(PIISCAN, os.X_OK), f"no piiscan at {PIISCAN}: swift build first")
class SparkFaultAndURITests(unittest.TestCase):
  """Small inputs: a shard that cannot be read, and inputs given as file: URIs."""

  @classmethod
  def setUpClass(cls):
    cls.work = tempfile.mkdtemp(prefix="piiscan-spark-small-")
    cls.case = os.path.join(cls.work, "case")
    os.makedirs(cls.case)
    shutil.copy(os.path.join(ROOT, "samples", "data", "csv", "customers.csv"), cls.case)
    cls.dense = os.path.join(cls.case, "dense.csv")
    subprocess.run([CORPUS, "bench", "--density", "dense", "--bytes", "1M", "--seed", "7",
                    "--out", cls.dense], check=True, capture_output=True)
    cls.options = ["--chunk-size", "65536", "--shard-bytes", "256K"]

  @classmethod
  def tearDownClass(cls):
    shutil.rmtree(cls.work, ignore_errors=True)

  def test_a_shard_that_cannot_be_read_is_a_notice_of_its_file(self):
    single, _ = piiscan_size(["customers.csv", "dense.csv"], self.case)
    report, status, _, _ = spark_job(
      self.options + ["customers.csv", "dense.csv"], self.case,
      os.path.join(self.work, "failed.json"), {"PIISCAN_SPARK_FAIL": "range:*:1"})
    self.assertEqual(status, 2)
    dense = next(entry for entry in report["inputs"] if entry["path"] == "dense.csv")
    self.assertEqual(dense["status"], "partial")
    self.assertEqual(dense["sha256"], sha256(self.dense))  # described, though not all counted
    notices = [n for n in dense["notices"] if "bytes 262144..524288 not read" in n]
    self.assertEqual(len(notices), 1, dense["notices"])
    self.assertIn("failed on purpose", notices[0])
    # The other shards and the other file are counted; that shard's records are missing.
    whole = next(entry for entry in single["inputs"] if entry["path"] == "dense.csv")
    self.assertGreater(dense["records"], 0)
    self.assertLess(dense["records"], whole["records"])
    customers = [e for e in report["inputs"] if e["path"] == "customers.csv"]
    self.assertEqual(customers, [e for e in single["inputs"] if e["path"] == "customers.csv"])

  def test_file_uris_are_copied_to_the_task_and_named_as_given(self):
    single, _ = piiscan_size(["customers.csv", "dense.csv"], self.case)
    uris = [f"file://{self.case}/customers.csv", f"file://{self.case}/dense.csv"]
    report, status, _, _ = spark_job(self.options + uris, self.work,
                                  os.path.join(self.work, "uri.json"))
    self.assertEqual(status, 1)
    # Hadoop writes file:///x as file:/x; with that name made the local path again, the
    # report is the single run's.
    text = without_run(report).replace(f'"file:{self.case}/', '"')
    self.assertIn(f"file:{self.case}/dense.csv", without_run(report))
    reference = without_run(single)
    self.assertTrue(text == reference, first_difference(text, reference))


def sha256(path: str) -> str:
  """By `sha256sum`, not by piiscan."""
  return subprocess.run(["sha256sum", path], check=True, capture_output=True,
                        text=True).stdout[:64]


if __name__ == "__main__":
  unittest.main()
