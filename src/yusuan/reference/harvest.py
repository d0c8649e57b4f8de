"""Collect the codes and names a disclosure prints, to build and check the bundled list.

Run ``python -m yusuan.reference.harvest`` from the repository root to rebuild the printed
rows of ``data/codes.csv`` (its well-known rows are kept by hand and left as they are). Each printed
pair keeps the place it was first read: ``file#L134`` for text, ``file#page=5`` for PDF.
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from yusuan.text.folding import squash

from .bundled import FIELDS, WELL_KNOWN
from .codes import is_code, level_of, parent_of, parse_code, system_of
from .names import fold_name

_TEXT_ROW = re.compile(r"^(\d{3,9})\t([^\t]*[^\t\d.,\s][^\t]*)")  # a name, not an amount
_CODE_CELL = re.compile(r"^\d{1,9}$")
_YEAR = re.compile(r"(20\d\d)")


@dataclass(frozen=True)
class PrintedCode:
    """A code and its name as one document prints them, with the place of the first print."""

    code: str
    name: str
    source: str
    year: int | None


def harvest_text(lines: Iterable[str], source: str, year: int | None = None) -> list[PrintedCode]:
    """Rows ``code<TAB>name…`` of an extracted text, first occurrence of each pair."""
    found = []
    for number, line in enumerate(lines, start=1):
        match = _TEXT_ROW.match(line)
        if match and is_code(match.group(1)):
            found.append(PrintedCode(match.group(1), squash(match.group(2)), f"{source}#L{number}", year))
    return _first_of_each(found)


def harvest_rows(rows: Iterable[Sequence[str | None]], where: str, year: int | None) -> list[PrintedCode]:
    """Table rows whose leading cells are code parts (类 款 项 split) followed by the name."""
    found = []
    for row in rows:
        cells = [squash(c or "") for c in row]
        parts: list[str] = []
        while cells and (not cells[0] or _CODE_CELL.match(cells[0])) and len(parts) < 3:
            parts.append(cells.pop(0))
        name = cells[0] if cells else ""
        if not any(parts) or not name or _CODE_CELL.match(name):
            continue
        try:
            code = parse_code(*parts)
        except ValueError:
            continue
        found.append(PrintedCode(code, name, where, year))
    return found


def harvest_pdf(path: Path, source: str) -> list[PrintedCode]:
    """Every coded row of every table in a PDF (read with pdfplumber)."""
    import pdfplumber

    year = _year_of(path.name)
    found: list[PrintedCode] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for table in page.extract_tables():
                found.extend(harvest_rows(table, f"{source}#page={number}", year))
    return _first_of_each(found)


def _first_of_each(found: list[PrintedCode]) -> list[PrintedCode]:
    seen: dict[tuple[str, str], PrintedCode] = {}
    for item in found:
        seen.setdefault((item.code, item.name), item)
    return list(seen.values())


def _year_of(name: str) -> int | None:
    match = _YEAR.search(name)
    return int(match.group(1)) if match else None


def corpus_rows(root: Path) -> Iterator[dict[str, str]]:
    """The CSV rows for the reference text and the Shanghai PDFs under `root`/samples."""
    text = root / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"
    lines = text.read_text(encoding="utf-8").splitlines()
    printed = harvest_text(lines, text.relative_to(root).as_posix(), _year_of(text.name))
    for pdf in sorted((root / "samples" / "pdf").glob("*.pdf")):
        printed += harvest_pdf(pdf, pdf.relative_to(root).as_posix())
    for item in printed:
        yield {
            "system": system_of(item.code).value,  # type: ignore[union-attr]
            "code": item.code,
            "name": item.name,
            "level": level_of(item.code).value,
            "parent": parent_of(item.code) or "",
            "source": item.source,
            "year": str(item.year or ""),
            "note": "",
        }


def annotate(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Note on each printed row whose name differs from the code's well-known or first printed name."""
    first: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: not r["source"].startswith(WELL_KNOWN)):
        first.setdefault(row["code"], row["name"])
    for row in rows:
        if not row["source"].startswith(WELL_KNOWN):
            usual = first[row["code"]]
            differs = fold_name(usual) != fold_name(row["name"])
            row["note"] = f"printed; differs from “{usual}” given elsewhere" if differs else "printed"
    return rows


def rebuild(root: Path) -> None:
    """Rewrite data/codes.csv: its well-known rows as they are, the printed rows harvested anew."""
    target = Path(__file__).with_name("data") / "codes.csv"
    with target.open(encoding="utf-8") as handle:
        kept = [r for r in csv.DictReader(handle) if r["source"].startswith(WELL_KNOWN)]
    rows = annotate(kept + list(corpus_rows(root)))
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":  # pragma: no cover - a maintenance tool
    rebuild(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
