"""Where a finding stands in its source: the page and the box of each place (PDF), or the source
lines around it (text, DOCX, XLSX). Pure functions over the stored disclosure and raw lines.

A location names a table cell, row or table, a form, a section or only a line; the disclosure's
provenance knows each one's page and printed box. A place without a box still has its page.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..model import Disclosure, Provenance
from ..sources.raw import RawLine

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Place:
    page: int | None
    line: int | None
    box: Box | None


@dataclass(frozen=True)
class SourceIndex:
    """Provenance by what a location names: cells, rows, tables, forms, and lines."""

    cells: dict[tuple[str, int, str], Provenance]
    rows: dict[tuple[str, int], Provenance]
    tables: dict[str, Provenance]
    targets: dict[str, Provenance]
    lines: dict[int, Provenance]  # the first provenance with a box (else any) on each line
    pages: int | None = None  # pages of the source (PDF)

    @classmethod
    def of(cls, d: Disclosure) -> "SourceIndex":
        cells, rows, tables = {}, {}, {}
        for t in d.tables:
            tables[t.id] = t.provenance
            for r in t.rows:
                rows[(t.id, r.index)] = r.provenance
                for v in r.values:
                    cells[(t.id, r.index, v.column)] = v.provenance
        lines: dict[int, Provenance] = {}
        for p in _provenances(d):
            if p.line is not None and (p.line not in lines or (p.bbox and not lines[p.line].bbox)):
                lines[p.line] = p
        return cls(cells, rows, tables, {p.id: p.provenance for p in d.targets}, lines, d.source.pages)

    def place(self, loc: dict) -> Place:
        """The page and box a location (a finding's JSON location) points at."""
        table, row, column = loc.get("table"), loc.get("row"), loc.get("column")
        found = None
        if table and row is not None and column:
            found = self.cells.get((table, row, column))
        if table and row is not None and (found is None or not found.bbox):
            found = self.rows.get((table, row)) or found
        if found is None and loc.get("line") is not None:
            found = self.lines.get(loc["line"])
        if found is None and table:
            found = self.tables.get(table)
        if found is None and loc.get("target"):
            found = self.targets.get(loc["target"])
        if found is None:
            return Place(loc.get("page"), loc.get("line"), None)
        return Place(found.page or loc.get("page"), found.line or loc.get("line"), found.bbox)


def _provenances(obj, depth: int = 0):
    """Every Provenance inside a record, in reading order (records are shallow: a few levels)."""
    if isinstance(obj, Provenance):
        yield obj
    elif dataclasses.is_dataclass(obj) and depth < 8:
        for f in dataclasses.fields(obj):
            yield from _provenances(getattr(obj, f.name), depth + 1)
    elif isinstance(obj, (tuple, list)) and depth < 8:
        for x in obj:
            yield from _provenances(x, depth + 1)


def finding_places(index: SourceIndex, finding: dict) -> list[Place]:
    return [index.place(loc) for loc in finding.get("location", [])]


def pages_of(places: list[Place]) -> list[int]:
    """The pages a finding's places are on, in order of first mention."""
    return list(dict.fromkeys(p.page for p in places if p.page))


def boxes_on(places: list[Place], page: int) -> tuple[Box, ...]:
    return tuple(dict.fromkeys(p.box for p in places if p.page == page and p.box))


@dataclass(frozen=True)
class SourceLine:
    number: int
    cells: tuple[str, ...]
    marked: bool
    is_row: bool


def context_lines(lines: tuple[RawLine, ...], places: list[Place], around: int = 4) -> list[list[SourceLine]]:
    """For text-like sources: each place's line with `around` lines either side, as excerpts (one
    per distinct stretch of the file); the lines the finding names are marked."""
    by_number = {ln.line: ln for ln in lines}
    wanted = sorted({p.line for p in places if p.line is not None and p.line in by_number})
    excerpts: list[list[SourceLine]] = []
    last = -10**9
    for n in wanted:
        start = max(1, n - around)
        if excerpts and start <= last + 1:
            start = last + 1
        else:
            excerpts.append([])
        for k in range(start, n + around + 1):
            ln = by_number.get(k)
            if ln is not None:
                excerpts[-1].append(SourceLine(k, tuple(c.strip() for c in ln.cells), k in wanted, ln.is_row))
        last = max(last, n + around)
    return excerpts
