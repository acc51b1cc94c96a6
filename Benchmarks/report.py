#!/usr/bin/env python3
"""Writes the tables and README.md of one Benchmarks/run run from the files it recorded.

Usage: Benchmarks/report.py RUN_DIR CORES

Reads hyperfine-<group>.json, memory.tsv, commands.tsv, corpora.tsv, determinism.tsv,
accuracy-<group>.txt and machine.txt in RUN_DIR; writes summary.tsv, ratios.tsv and README.md.
A group is a density (dense, mixed, sparse) or the one-line file (long-line). Ratios compare
medians of the same run; speedup is ripgrep's time over piiscan's.
"""

import json
import os
import sys

out, cores = sys.argv[1], sys.argv[2]


def tsv(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


corpora = {}
for row in tsv("corpora.tsv"):
    group, size, seed, path, nbytes, sha, labels, lines, labelled = row
    corpora[group] = dict(
        size=size, seed=seed, path=path, bytes=int(nbytes), sha=sha, labels=labels,
        lines=int(lines), labelled=labelled)
groups = list(corpora)
memory = {(g, n): int(kb) for g, n, kb in tsv("memory.tsv") if kb}
commands = tsv("commands.tsv")
determinism = tsv("determinism.tsv")
results = {}
for g in groups:
    with open(os.path.join(out, f"hyperfine-{g}.json"), encoding="utf-8") as f:
        results[g] = {r["command"]: r for r in json.load(f)["results"]}


def median(g, name):
    r = results[g].get(name)
    return r["median"] if r else None


# summary.tsv: every command of every group.
summary = [
    "group\trun\tmedian_s\tmin_s\tmean_s\tstddev_s\tGB_per_s\ttime_over_rg_analyst"
    "\tspeedup_vs_rg_analyst\tspeedup_vs_rg_project\tmax_rss_MB"
]
for g in groups:
    rg_a = median(g, "rg-analyst")
    rg_p = median(g, "rg-project")
    for name, r in results[g].items():
        m = r["median"]
        rss = memory.get((g, name))
        summary.append("\t".join([
            g, name, f"{m:.3f}", f"{r['min']:.3f}", f"{r['mean']:.3f}",
            f"{r['stddev'] or 0:.3f}", f"{corpora[g]['bytes'] / m / 1e9:.3f}",
            f"{m / rg_a:.2f}" if rg_a else "", f"{rg_a / m:.2f}" if rg_a else "",
            f"{rg_p / m:.2f}" if rg_p else "", f"{rss / 1024:.0f}" if rss else "",
        ]))
with open(os.path.join(out, "summary.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(summary) + "\n")

# ratios.tsv: the comparisons issue 10 asks about, per group.
pairs = [
    ("every rule / strong five, 1 thread", "piiscan-count-all-t1", "piiscan-count-5-t1"),
    (f"every rule / strong five, {cores} threads", f"piiscan-count-all-t{cores}",
     f"piiscan-count-5-t{cores}"),
    (f"strong five, 1 thread / {cores} threads (scaling)", "piiscan-count-5-t1",
     f"piiscan-count-5-t{cores}"),
    (f"every rule, 1 thread / {cores} threads (scaling)", "piiscan-count-all-t1",
     f"piiscan-count-all-t{cores}"),
    ("--format csv / --format jsonl", f"piiscan-csv-all-t{cores}", f"piiscan-jsonl-all-t{cores}"),
    ("--format text / --format jsonl", f"piiscan-text-all-t{cores}",
     f"piiscan-jsonl-all-t{cores}"),
    ("--format jsonl / --count, every rule", f"piiscan-jsonl-all-t{cores}",
     f"piiscan-count-all-t{cores}"),
    ("gzip file / zcat alone", f"piiscan-count-5-t{cores}-gz", "zcat-alone"),
    ("gzip file / zcat FILE | piiscan -", f"piiscan-count-5-t{cores}-gz",
     f"zcat-piiscan-count-5-t{cores}"),
    ("gzip file / zcat FILE | rg", f"piiscan-count-5-t{cores}-gz", "zcat-rg-analyst"),
    ("gzip file / the plain file", f"piiscan-count-5-t{cores}-gz", f"piiscan-count-5-t{cores}"),
    ("GB18030 file / its UTF-8 round trip", f"piiscan-count-5-t{cores}-gb18030",
     f"piiscan-count-5-t{cores}-utf8"),
    ("rg, project regexes (-P) / analyst regexes", "rg-project", "rg-analyst"),
    ("grep -P / rg, analyst regexes", "grep-P-analyst", "rg-analyst"),
]
ratios = ["group\tcomparison\ttime_ratio"]
for g in groups:
    for label, a, b in pairs:
        ma, mb = median(g, a), median(g, b)
        if ma and mb:
            ratios.append(f"{g}\t{label}\t{ma / mb:.2f}")
with open(os.path.join(out, "ratios.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(ratios) + "\n")


def read(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read()


cwd = os.getcwd() + "/"
md = []
stamp = os.path.basename(os.path.normpath(out))
md.append(f"# Benchmark run {stamp}\n")
md.append("Recorded by `Benchmarks/run` (see `Benchmarks/README.md` for how to read it). Times are")
md.append("wall-clock medians of hyperfine runs on warm files; ratios compare medians of this run")
md.append("only. speedup = ripgrep's time / piiscan's (above 1: piiscan is faster); time ratio =")
md.append("piiscan's time / ripgrep's.\n")
md.append("```")
md.append(read("machine.txt").rstrip())
md.append("```\n")
md.append("## Corpora\n")
md.append("| group | command | bytes | sha256 | labels | bytes per label | lines "
          "| labelled lines |")
md.append("|---|---|---|---|---|---|---|---|")
for g, c in corpora.items():
    if g == "long-line":
        how = f"dense JSON Lines waybills joined into one JSON array of ~{c['size']}"
        per, share = "-", "-"
    else:
        how = f"`piiscan-corpus bench --density {g} --bytes {c['size']} --seed {c['seed']}`"
        per = f"{c['bytes'] / int(c['labels']):.1f}"
        share = f"{int(c['labelled']) / max(c['lines'], 1):.2%}"
    md.append(f"| {g} | {how} | {c['bytes']:,} | {c['sha'][:16]}… | {c['labels']} | {per} "
              f"| {c['lines']:,} | {share} |")
md.append("")
for g in groups:
    md.append(f"## {g}\n")
    md.append("| run | median s | min s | GB/s | time / rg | speedup vs rg (analyst) "
              "| speedup vs rg (project, -P) | peak RSS MB |")
    md.append("|---|---|---|---|---|---|---|---|")
    for row in summary[1:]:
        cols = row.split("\t")
        if cols[0] != g:
            continue
        md.append("| " + " | ".join(cols[1:4] + cols[6:]) + " |")
    md.append("")
    rows = [r.split("\t") for r in ratios[1:] if r.startswith(g + "\t")]
    if rows:
        md.append("| comparison | time ratio |")
        md.append("|---|---|")
        for _, label, value in rows:
            md.append(f"| {label.replace('|', chr(92) + '|')} | {value} |")
        md.append("")
md.append("## Determinism\n")
md.append("Findings (`--format jsonl --reveal`, every rule) with `--threads 1` and with "
          f"`--threads {cores} --chunk-size 1000003`:\n")
md.append("| group | findings | sha256, 1 thread | sha256, all threads | |")
md.append("|---|---|---|---|---|")
for g, n, t1, tn, verdict in determinism:
    md.append(f"| {g} | {n} | {t1[:16]}… | {tn[:16]}… | {verdict} |")
md.append("")
md.append("## Accuracy against each corpus's ground truth\n")
for g in groups:
    text = read(f"accuracy-{g}.txt").rstrip()
    if text:
        md.append(f"{g}:\n")
        md.append("```")
        md.append(text)
        md.append("```\n")
md.append("## Commands\n")
for g, name, command in commands:
    md.append(f"- {g} `{name}`: `{command.replace(cwd, '')}`")
md.append("")
with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(md))
print("\n".join(summary))
print("\n".join(ratios))
