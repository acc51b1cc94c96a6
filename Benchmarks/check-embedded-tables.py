#!/usr/bin/env python3
"""Compares the corpus generator's embedded tables with the repository's reference tables.

Sources/piiscan-corpus/EmbeddedTables.swift holds small subsets of the reference tables so
that the generator's default output does not depend on the machine. They were compiled on
2026-11-28 from the project's reference data, before Patterns/tables was corrected; the
file's header says how. The samples (samples/, and every golden and score the tests check)
are generated from these subsets, so the subsets are kept as they are until someone decides
to regenerate the samples with corrected ones.

This script says how far each subset still agrees with Patterns/tables and
Patterns/vocabularies: for every table, the rows whose key the repository's table no longer
has (an error: the subset must stay a subset), and the rows whose other columns differ (shown,
not an error: the places, names and banks corrected in the repository since). It reads only
files of the repository and needs nothing but Python 3's standard library.

Usage (from the repository's root):

    python3 Benchmarks/check-embedded-tables.py

Exit status: 0 when every embedded key is in the repository's table, 1 otherwise.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EMBEDDED = ROOT / "Sources" / "piiscan-corpus" / "EmbeddedTables.swift"
TABLES = ROOT / "Patterns" / "tables"
VOCABULARIES = ROOT / "Patterns" / "vocabularies"


def embedded_tables():
    """Each `let NAME = #\"\"\"…\"\"\"#` table of the Swift file as a list of rows."""
    text = EMBEDDED.read_text(encoding="utf-8")
    found = {}
    for name, body in re.findall(r'let (\w+) = #"""\n(.*?)\n  """#', text, re.S):
        found[name] = [line[2:].split("\t") for line in body.split("\n")]
    return found


def tsv(path):
    """The header and rows of a Patterns TSV file (comment lines skipped)."""
    lines = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").split("\n")
        if line and not line.startswith("#")
    ]
    return lines[0], lines[1:]


def compare(title, embedded, reference, key, project):
    """Prints how `embedded` rows agree with `reference` rows; returns the missing keys.

    `key` gives a row's key, `project` the columns of a reference row as the embedded table
    writes them."""
    by_key = {}
    for row in reference:
        by_key.setdefault(key(row), []).append(project(row))
    missing = []
    differing = []
    for row in embedded:
        candidates = by_key.get(key(row))
        if candidates is None:
            missing.append(row)
        elif row not in candidates:
            differing.append((row, candidates[0]))
    print(f"{title}: {len(embedded)} rows, {len(missing)} not in the repository's table, "
          f"{len(differing)} differing")
    for row in missing:
        print("  missing   " + "\t".join(row))
    for row, now in differing:
        print("  embedded  " + "\t".join(row))
        print("  now       " + "\t".join(now))
    return len(missing)


def main():
    tables = embedded_tables()
    errors = 0

    _, regions = tsv(TABLES / "cn-region-codes.tsv")
    errors += compare(
        "region codes (cn-region-codes.tsv)", tables["embeddedRegionCodes"][1:], regions,
        key=lambda r: r[0], project=lambda r: r[:6])

    _, mobiles = tsv(TABLES / "cn-mobile-prefixes.tsv")
    errors += compare(
        "mobile prefixes (cn-mobile-prefixes.tsv)", tables["embeddedMobilePrefixes"][1:],
        mobiles, key=lambda r: r[0], project=lambda r: [r[0], r[1], r[2], r[4], r[5]])

    _, areas = tsv(TABLES / "cn-landline-area-codes.tsv")
    errors += compare(
        "area codes (cn-landline-area-codes.tsv)", tables["embeddedLandlineAreaCodes"][1:],
        areas, key=lambda r: r[0], project=lambda r: r[:3])

    _, bins = tsv(TABLES / "cn-bank-bins.tsv")
    # The embedded rows name banks as the source list did: the repository's former_bank.
    errors += compare(
        "bank BINs (cn-bank-bins.tsv)", tables["embeddedBankBINs"][1:], bins,
        key=lambda r: (r[0], r[2], r[3]),
        project=lambda r: [r[0], r[5] or r[1], r[2], r[3]])

    _, surnames = tsv(VOCABULARIES / "surnames.tsv")
    errors += compare(
        "surnames (surnames.tsv; weight and pinyin are not in the repository)",
        [row[:1] for row in tables["embeddedSurnames"][1:]], surnames,
        key=lambda r: r[0], project=lambda r: r[:1])

    _, occupations = tsv(VOCABULARIES / "occupations.tsv")
    errors += compare(
        "occupations (occupations.tsv)", tables["embeddedOccupations"][1:], occupations,
        key=lambda r: r[0], project=lambda r: r[:1])

    _, universities = tsv(VOCABULARIES / "universities.tsv")
    errors += compare(
        "universities (universities.tsv)", tables["embeddedUniversities"][1:], universities,
        key=lambda r: r[0], project=lambda r: r[:1])

    _, ethnic = tsv(VOCABULARIES / "ethnic-groups.tsv")
    errors += compare(
        "ethnic groups (ethnic-groups.tsv)", tables["embeddedEthnicGroups"][1:], ethnic,
        key=lambda r: r[1] if len(r) > 1 else r[0], project=lambda r: r[1:2])

    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
