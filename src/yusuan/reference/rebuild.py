"""Rebuild the corpus part of the bundled catalogue from the evidence (data/printed.csv).

Each classification's file keeps its national rows (source ``mof-…``), their corpus support
refreshed (``mof-recalled; corpus 12 documents, 5 regions``); its ``corpus:`` rows are made anew:
one per pair the corpus prints consistently (`evidence.consistent`) that no national row of
the code names (a region's own economic items, 3010201, are judged by their 款 and not listed). ``scripts/rebuild-catalogue [CORPUS]`` re-reads the corpus first.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from .bundled import CORPUS, FIELDS, KIND_FILES, NATIONAL, read_rows
from .codes import CodeSystem, is_code, system_of
from .evidence import Printed, consistent, printed
from .names import fold_name

DATA = Path(__file__).with_name("data")


def _support(p: Printed | None) -> str:
    if p is None:
        return "not printed in the corpus"
    return f"corpus {p.documents} documents, {p.regions} regions"


def national_rows(system: CodeSystem, evidence: dict[tuple[str, str], Printed]) -> list[dict[str, str]]:
    """The file's national rows, each with the corpus support of its name."""
    rows = [r for r in read_rows(system) if r["source"].startswith(NATIONAL)]
    for row in rows:
        origin = row["source"].split(";", 1)[0].strip()
        row["source"] = f"{origin}; {_support(evidence.get((row['code'], fold_name(row['name']))))}"
    return rows


def corpus_rows(system: CodeSystem, national: list[dict[str, str]], items: list[Printed]) -> list[dict[str, str]]:
    """A row for each consistently printed pair of the system no national row names."""
    named = {(r["code"], fold_name(r["name"])) for r in national}
    out = []
    for p in consistent(items):
        if system_of(p.code) is not system or not is_code(p.code) or (p.code, fold_name(p.name)) in named:
            continue
        out.append({"code": p.code, "name": p.name, "first_year": str(p.first_year or ""),
                    "last_year": str(p.last_year or ""),
                    "source": f"{CORPUS} {p.documents} documents, {p.regions} regions; first {p.source}"})
    return out


def rebuild(items: list[Printed]) -> dict[CodeSystem, int]:
    """Rewrite every classification file; the number of rows each now has."""
    evidence = {(p.code, fold_name(p.name)): p for p in items}
    counts = {}
    for system, name in KIND_FILES.items():
        national = national_rows(system, evidence)
        rows = sorted(national + corpus_rows(system, national, items),
                      key=lambda r: (r["code"], not r["source"].startswith(NATIONAL), r["first_year"] or "0"))
        with (DATA / Path(name).name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        counts[system] = len(rows)
    return counts


def main(argv: list[str]) -> None:  # pragma: no cover - a maintenance tool
    if argv:
        from .evidence import documents_under, gather, write_printed

        corpus = Path(argv[0])
        write_printed(gather(corpus, documents_under(corpus)), DATA / "printed.csv")
        printed.cache_clear()
    counts = rebuild(list(printed()))
    print("; ".join(f"{s.label} {n} rows" for s, n in counts.items()))


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])

