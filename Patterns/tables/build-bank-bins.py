#!/usr/bin/env python3
"""Builds cn-bank-bins.tsv from the two BIN lists, the bank renames and the Luhn exemptions.

Why a script: the table merges two community lists that name banks differently (工商银行 /
中国工商银行) and by names banks no longer carry (南昌银行, since 2015 江西银行), and it holds
the short list of BINs whose real cards fail Luhn. Each of those is data written below with
its basis, so that a refresh of either list rebuilds the same table.

Inputs (not in the repository):
  --caijf    cn_bank_bins_caijf.csv: bin,bank_code,bank_name,card_type,card_type_name,
             card_length, extracted from github.com/caijf/bankcard src/data/bin.ts and
             banks.ts (HEAD 79af3e5, 2026-05; MIT)
  --cardbin  cn_bank_bins_cardbin.csv: bin,bank,card_name, extracted from PyPI cardbin 1.0.0
             cardbin/bankbin.py (MIT)

  python3 Patterns/tables/build-bank-bins.py --caijf cn_bank_bins_caijf.csv \\
      --cardbin cn_bank_bins_cardbin.csv > Patterns/tables/cn-bank-bins.tsv
"""

import argparse
import csv
import sys

# The names the lists use for a bank, mapped to the bank's current name.
#
# Renames and mergers (the old bank's BINs now belong to the bank formed from it). Public
# knowledge of the banks' own announcements and the regulator's approvals, year of the change;
# not checked against a primary source here: see README.md.
RENAMED = {
  "江西银行": (2015, ["南昌银行", "景德镇商业银行", "景德镇市商业银行"]),
  "江苏银行": (2007, [
    "无锡市商业银行", "苏州市商业银行", "南通商业银行", "南通市商业银行", "常州市商业银行",
    "淮安市商业银行", "徐州市商业银行", "扬州市商业银行", "镇江市商业银行", "连云港市商业银行",
    "盐城市商业银行", "盐城商行"]),
  "富滇银行": (2007, ["昆明商业银行", "昆明市商业银行"]),
  "吉林银行": (2007, ["长春市商业银行", "吉林市商业银行"]),
  "天津银行": (2007, ["天津市商业银行"]),
  "成都银行": (2008, ["成都商业银行", "成都市商业银行"]),
  "临商银行": (2008, ["临沂商业银行", "临沂市商业银行"]),
  "哈尔滨银行": (2008, ["哈尔滨商业银行", "哈尔滨市商业银行"]),
  "广西北部湾银行": (2008, ["南宁市商业银行"]),
  "龙江银行": (2009, ["齐齐哈尔市商业银行", "大庆市商业银行", "牡丹江市商业银行"]),
  "湖北银行": (2011, [
    "宜昌市商业银行", "襄樊市商业银行", "荆州市商业银行", "黄石银行", "孝感市商业银行"]),
  "广发银行": (2011, ["广东发展银行"]),
  "平安银行": (2012, ["深圳发展银行", "深圳平安银行"]),
  "贵州银行": (2012, ["遵义市商业银行", "安顺市商业银行", "六盘水市商业银行", "六盘水商业银行"]),
  "中原银行": (2014, [
    "安阳银行", "鹤壁银行", "焦作市商业银行", "濮阳银行", "濮阳市商业银行", "新乡银行",
    "新乡市商业银行", "三门峡银行", "许昌银行", "漯河银行", "漯河市商业银行", "商丘银行",
    "商丘市商业银行", "周口银行", "驻马店银行", "南阳银行", "信阳银行"]),
  "长城华西银行": (2014, ["德阳商业银行", "德阳银行"]),
  "四川银行": (2020, ["攀枝花市商业银行", "凉山州商业银行"]),
  "蒙商银行": (2020, ["包商银行"]),
  "山西银行": (2021, [
    "大同银行", "大同市商业银行", "长治银行", "长治市商业银行", "晋城银行", "晋城市商业银行",
    "晋中银行", "晋中市商业银行", "阳泉银行", "阳泉市商业银行"]),
  "湖南银行": (2022, ["华融湘江银行"]),
}

# Short or variant spellings of one bank's name (not a rename: no former name is kept).
SPELLING = {
  "工商银行": "中国工商银行",
  "农业银行": "中国农业银行",
  "中国农业银行贷记卡": "中国农业银行",
  "建设银行": "中国建设银行",
  "光大银行": "中国光大银行",
  "民生银行": "中国民生银行",
  "邮政储蓄银行": "中国邮政储蓄银行",
  "邮储银行": "中国邮政储蓄银行",
  "招商银行信用卡中心": "招商银行",
  "浦东发展银行": "上海浦东发展银行",
  "宁波鄞州农村合作银行": "鄞州银行",
  "黄河农村商业银行": "宁夏黄河农村商业银行",
  "常熟市农村商业银行": "常熟农村商业银行",
  "杭州商业银行": "杭州银行",
  "东莞市商业银行": "东莞银行",
  "日照市商业银行": "日照银行",
  "承德市商业银行": "承德银行",
  "唐山市商业银行": "唐山银行",
  "桂林市商业银行": "桂林银行",
  "达州市商业银行": "达州银行",
  "厦门市商业银行": "厦门银行",
  "郑州商业银行": "郑州银行",
  "秦皇岛市商业银行": "秦皇岛银行",
  "邯郸市商业银行": "邯郸银行",
  "威海市商业银行": "威海银行",
  "抚顺银行股份有限公司": "抚顺银行",
  "珠海华润银行股份有限公司": "珠海华润银行",
  "东亚银行有限公司": "东亚银行",
}

# BINs (with the card length of the cards concerned) whose real cards are reported to fail
# Luhn: older domestic debit cards numbered before the UnionPay rules. Each with its report.
# Not here: 621483 (招商银行): a UnionPay 62 IC-card BIN, numbered under the Luhn rule; the one
# report of a failing number (hutool issue 2510) shows only that an online BIN lookup knows
# the BIN, not that the number is a card.
LUHN_EXEMPT = {
  ("601428", "17"): "交通银行 17-digit debit card reported real with a failing Luhn digit "
                    "(gogf/gf issue 3360)",
  ("622173", "19"): "江苏银行 19-digit debit card failing Luhn (KingsMentor/Luhn issue 2); "
                    "hutool issues 2510 and 3611: some 江苏银行 debit cards do not follow Luhn",
  ("456351", "19"): "中国银行 19-digit 长城电子借记卡 failing Luhn (KingsMentor/Luhn issue 2)",
}

FORMER = {old: (new, year) for new, (year, olds) in RENAMED.items() for old in olds}


def current_name(name):
  """The bank's current name and the name it had (empty when it is the same bank's name)."""
  name = name.strip()
  if name in FORMER:
    return FORMER[name][0], name
  return SPELLING.get(name, name), ""


def card_type(product):
  """cardbin's product name to a card type, only when it says one plainly."""
  types = set()
  if "准贷记" in product:
    types.add("SCC")
  elif "信用卡" in product or "贷记" in product:
    types.add("CC")
  if "借记" in product or "储蓄卡" in product:
    types.add("DC")
  if "预付" in product:
    types.add("PC")
  return types.pop() if len(types) == 1 else ""


def main():
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--caijf", required=True)
  parser.add_argument("--cardbin", required=True)
  args = parser.parse_args()

  with open(args.caijf, encoding="utf-8", newline="") as handle:
    caijf = list(csv.DictReader(handle))
  with open(args.cardbin, encoding="utf-8", newline="") as handle:
    cardbin = list(csv.DictReader(handle))

  # Rows as the lists give them: every caijf row, then cardbin rows for BINs caijf lacks.
  raw = {(r["bin"], r["bank_name"], r["card_type"], r["card_length"]) for r in caijf}
  caijf_bins = {r["bin"] for r in caijf}
  raw |= {(r["bin"], r["bank"], card_type(r["card_name"]), "")
          for r in cardbin if r["bin"] not in caijf_bins}

  rows = {}
  for bin_, bank, kind, length in raw:
    name, former = current_name(bank)
    key = (bin_, name, kind, length)
    formers = rows.setdefault(key, set())
    if former:
      formers.add(former)
  used = set(LUHN_EXEMPT)
  out = sys.stdout
  out.write(HEADER)
  for key in sorted(rows, key=lambda k: (k[0], k[3], k[1], k[2])):
    bin_, name, kind, length = key
    exempt = (bin_, length) in LUHN_EXEMPT
    used.discard((bin_, length))
    out.write("\t".join(
      [bin_, name, kind, length, "Y" if exempt else "N", "|".join(sorted(rows[key]))]) + "\n")
  if used:
    sys.exit(f"Luhn exemptions for BINs not in the table: {sorted(used)}")
  former_count = sum(1 for formers in rows.values() if formers)
  renamed = sum(1 for r in raw if current_name(r[1])[0] != r[1])
  print(f"{len(rows)} rows ({len(raw)} before merging names; {renamed} rows renamed, "
        f"{former_count} with a former name)", file=sys.stderr)


HEADER = """\
# cn-bank-bins.tsv: bank card BINs (issuer identification number prefixes, 3-10 digits) of PRC
# issuers, with bank name, card type (DC 借记/储蓄卡, CC 信用卡, SCC 准贷记卡, PC 预付费卡) and card length.
# Origin: cn_bank_bins_caijf.csv, extracted from github.com/caijf/bankcard
#   src/data/bin.ts + src/data/banks.ts (HEAD 79af3e5, 2026-05; MIT), and
#   cn_bank_bins_cardbin.csv, extracted from PyPI cardbin 1.0.0
#   cardbin/bankbin.py (bopo/cardbin; MIT). Both gathered 2026-11-28.
# Licence: MIT (both sources).
# Copied: 2026-11-29; rebuilt 2026-12-04 by build-bank-bins.py (this folder), which holds the
#   renames, spellings and Luhn exemptions with their basis.
# Derived: all caijf rows (bin, bank_name, card_type, card_length; exact duplicates dropped; one BIN
#   may have several rows for different banks or lengths), then cardbin rows whose BIN is not in
#   caijf, with card_length empty (= unknown) and card_type read from the product name only when
#   plain: 准贷记 -> SCC; 信用卡/贷记 -> CC; 借记/储蓄卡 -> DC; 预付 -> PC; anything else or
#   mixed -> empty. bank = the bank's current name: a bank renamed or merged into another
#   (南昌银行 -> 江西银行, 2015) is named as it is now, with the name the list gave in
#   former_bank; short spellings (工商银行) are written out (中国工商银行). Rows that became
#   the same are merged. luhn_exempt = Y for the BINs (and card length) whose real cards are
#   reported to fail the Luhn check (see README.md), else N. Sorted by bin, card_length, bank.
bin\tbank\tcard_type\tcard_length\tluhn_exempt\tformer_bank
"""


if __name__ == "__main__":
  main()
