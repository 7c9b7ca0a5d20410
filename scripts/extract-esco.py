#!/usr/bin/env python3
"""Builds the ESCO subset the product ships (Sources/JobcoachCore/Resources/ESCO) from the ESCO v1.0
English CSV files (default: ../shared/data/esco). It keeps what search and matching need: the
occupation URI, its ISCO-08 unit group, the preferred label and the alternative labels; and the
ISCO groups' codes and labels. Descriptions are left out to keep the server's memory small.

ESCO is published by the European Commission under CC BY 4.0; ATTRIBUTION.md travels with the files.
Run: python3 scripts/extract-esco.py [SOURCE_DIR]
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data", "esco")
target = os.path.join(here, "..", "Sources", "JobcoachCore", "Resources", "ESCO")


def clean(text):
    return " ".join(text.replace("\t", " ").split())


def main():
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(source, "occupations_en.csv"), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["conceptType"] == "Occupation"]
    rows.sort(key=lambda r: (r["iscoGroup"], r["preferredLabel"]))
    with open(os.path.join(target, "occupations.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("uri\tisco\tpreferredLabel\taltLabels\n")
        for r in rows:
            alts = sorted({clean(a) for a in r["altLabels"].split("\n") if clean(a)})
            out.write("\t".join([r["conceptUri"], r["iscoGroup"], clean(r["preferredLabel"]), "|".join(alts)]) + "\n")
    with open(os.path.join(source, "ISCOGroups_en.csv"), newline="", encoding="utf-8") as f:
        groups = sorted(csv.DictReader(f), key=lambda r: r["code"])
    with open(os.path.join(target, "isco-groups.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("code\tlabel\n")
        for g in groups:
            out.write(f"{g['code']}\t{clean(g['preferredLabel'])}\n")
    print(f"{len(rows)} occupations, {len(groups)} ISCO groups -> {os.path.normpath(target)}")


if __name__ == "__main__":
    main()
