"""What the real documents print: every code–name pair of every coded row, with how many
documents and regions print it, to build and check the catalogue.

``python -m yusuan.reference.rebuild CORPUS_DIR`` reads every document under the folder with
yusuan itself and rewrites ``data/printed.csv``: one line per code and name as printed (names
differing only in spacing or punctuation count once), with the years it was printed in, the
number of documents and regions printing it, and the first place it was read
(``cities/gd-gz-14641e5b.pdf#page=7``). `catalogue_rows` turns that evidence into the
corpus part of the catalogue: the pairs printed consistently, not the misprints.
"""
from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Iterator

from .codes import is_code
from .names import fold_name

PRINTED_FILE = "data/printed.csv"
PRINTED_FIELDS = ("code", "name", "first_year", "last_year", "documents", "regions", "source")


@dataclass(frozen=True)
class Printed:
    """One code–name pair as the corpus prints it: in which years, by how many documents and
    regions, and the first place it was read."""

    code: str
    name: str
    first_year: int | None
    last_year: int | None
    documents: int
    regions: int
    source: str


def is_local_item(code: str) -> bool:
    """A region's own item under an economic 款 (重庆 3010201 规范性津补贴): the national economic
    classifications stop at the 款, so such an item is judged by its 款."""
    return len(code) == 7 and code.isdigit() and code[0] in "35"


def region_of(relative: str) -> str:
    """A document's region from its place in the corpus: ``cities/gd-gz-1a.pdf`` → ``gd-gz``,
    ``jiangsu/…`` → ``jiangsu``, ``pdf/putuo-…`` and ``final/putuo-…`` → ``putuo``."""
    folder, _, name = relative.rpartition("/")
    if folder.endswith("cities"):
        return name.rsplit("-", 1)[0]
    if name.startswith("putuo-"):
        return "putuo"
    return folder.rsplit("/", 1)[-1] or name.split("-", 1)[0]


def document_pairs(path: Path, relative: str) -> tuple[int | None, list[tuple[str, str, str]]]:
    """(year, [(code, name, place)]) for one document: every row of the tables the code rules
    judge (the coded tables: not project lists that print a code beside a project's name) that
    carries a valid code and a name, first place of each pair."""
    from yusuan.ingest import read_disclosure

    return pairs_of(read_disclosure(path), relative)


def pairs_of(d, relative: str) -> tuple[int | None, list[tuple[str, str, str]]]:
    """(year, [(code, name, place)]) of a disclosure already read (see `document_pairs`)."""
    from yusuan.audit.tablekit import CODE_TABLES

    seen: dict[tuple[str, str], tuple[str, str, str]] = {}
    for table in (t for t in d.tables if t.kind in CODE_TABLES):
        for row in table.rows:
            name = " ".join(row.label.split())
            if not row.code or not (is_code(row.code) or is_local_item(row.code)) or not fold_name(name):
                continue
            page = row.provenance.page
            place = f"{relative}#page={page}" if page else f"{relative}#L{row.provenance.line}"
            seen.setdefault((row.code, fold_name(name)), (row.code, name, place))
    return d.meta.year, list(seen.values())


def gather(root: Path, paths: Iterable[Path]) -> list[Printed]:
    """The evidence of the documents: per code and folded name, years, documents, regions."""
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    regions: dict[tuple[str, str], set[str]] = defaultdict(set)
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for path in paths:
        relative = path.relative_to(root).as_posix()
        try:
            year, pairs = document_pairs(path, relative)
        except Exception as exc:  # noqa: BLE001 - a maintenance tool: report and go on
            print(f"skipped {relative}: {exc}", file=sys.stderr)
            continue
        for code, name, place in pairs:
            key = (code, fold_name(name))
            first.setdefault(key, (name, place))
            docs[key].add(relative)
            regions[key].add(region_of(relative))
            if year:
                years[key].add(year)
    return [
        Printed(code, first[(code, k)][0], min(years[(code, k)], default=None), max(years[(code, k)], default=None),
                len(docs[(code, k)]), len(regions[(code, k)]), first[(code, k)][1])
        for code, k in sorted(first)
    ]


def write_printed(items: list[Printed], target: Path) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(PRINTED_FIELDS)
        for p in items:
            writer.writerow((p.code, p.name, p.first_year or "", p.last_year or "", p.documents, p.regions, p.source))


def read_printed(text: str) -> list[Printed]:
    return [
        Printed(r["code"], r["name"], int(r["first_year"]) if r["first_year"] else None,
                int(r["last_year"]) if r["last_year"] else None, int(r["documents"]), int(r["regions"]), r["source"])
        for r in csv.DictReader(io.StringIO(text))
    ]


@cache
def printed() -> tuple[Printed, ...]:
    """The committed evidence (data/printed.csv)."""
    return tuple(read_printed(files("yusuan.reference").joinpath(PRINTED_FILE).read_text(encoding="utf-8")))


def consistent(items: Iterable[Printed]) -> Iterator[Printed]:
    """The pairs the corpus prints consistently. For each code: the only name printed for it; the
    name most documents print (when no other name ties with it); and any other name printed by three
    documents or in two regions (a renamed subject, a widely used variant), or in years no more
    printed name was printed in (a renamed subject seen once). Left out: a name one
    document (or one department's two books) prints against the others' — a misprint — and a name
    that is the start of a name more documents print — a cell cut short."""
    by_code: dict[str, list[Printed]] = defaultdict(list)
    for p in items:
        by_code[p.code].append(p)
    for group in by_code.values():
        most = max(p.documents for p in group)
        alone = sum(q.documents == most for q in group) == 1
        for p in group:
            key = fold_name(p.name)
            cut = any(q.documents > p.documents and fold_name(q.name).startswith(key) for q in group)
            wide = p.documents >= 3 or p.documents >= 2 and p.regions >= 2
            if len(group) == 1 or not cut and (p.documents == most and alone or wide or _apart(p, group)):
                yield p


def _apart(p: Printed, group: list[Printed]) -> bool:
    """No name more documents print was printed in the years this one was: a name of other years
    (2100410 突发公共卫生事件应急处理 in 2022, …应急处置 in 2026), not a misprint beside the usual name."""
    if p.first_year is None or p.last_year is None:
        return False
    return all(q.documents <= p.documents or q.first_year is None or q.last_year is None
               or q.last_year < p.first_year or p.last_year < q.first_year for q in group if q is not p)


def documents_under(root: Path) -> list[Path]:
    """The corpus documents: PDFs and the extracted texts, the folders' READMEs left out."""
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in (".pdf", ".txt") and p.is_file())

