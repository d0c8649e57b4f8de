"""Which element of the HTML page each finding points at, and the marks each element carries.

Ids are stable and readable: a table ``t03``, a row ``t03-r12``, a cell ``t03-r12-general_public``,
a target form ``pt07``, a quoted narrative sentence ``q4``, a finding ``f12``. A location that names
a cell the page does not show falls back to its row, then to its table, so no link is dead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..audit import Finding, Location, Report
from ..audit.findings import home_files
from ..model import Disclosure
from .describe import readable


def cell_id(table: str, row: int, column: str) -> str:
    return f"{table}-r{row}-{column}"


def row_id(table: str, row: int) -> str:
    return f"{table}-r{row}"


@dataclass(frozen=True)
class Mark:
    """A finding's mark on an element: its number (f12 → 12) and how it is coloured."""

    number: int
    tone: str  # error | warning | info | accepted

    @property
    def anchor(self) -> str:
        return f"f{self.number}"


@dataclass(frozen=True)
class Quote:
    """A narrative sentence a finding points at, quoted under its section."""

    id: str
    section: str | None
    sentence: str


@dataclass
class Marks:
    """Marks by element id, the quoted sentences, and each finding's links (element id or None)."""

    by_element: dict[str, list[Mark]] = field(default_factory=dict)
    quotes: dict[tuple[str | None, str], Quote] = field(default_factory=dict)
    links: dict[int, list[str | None]] = field(default_factory=dict)

    def at(self, element: str) -> list[Mark]:
        return self.by_element.get(element, [])

    def tone(self, element: str) -> str:
        """The colour of an element: its worst open finding, or accepted."""
        tones = {m.tone for m in self.at(element)}
        return next((t for t in ("error", "warning", "info", "accepted") if t in tones), "")


def element_ids(d: Disclosure) -> set[str]:
    ids = {t.id for t in d.tables} | {p.id for p in d.targets}
    for t in d.tables:
        for r in t.rows:
            ids.add(row_id(t.id, r.index))
            ids.update(cell_id(t.id, r.index, c.key) for c in t.columns)
    return ids


def mark_findings(report: Report, d: Disclosure, ordered: list[Finding]) -> Marks:
    """Marks for the findings numbered 1… in `ordered` (the order the page lists them)."""
    marks = Marks()
    known = element_ids(d)
    home = home_files(d)
    for n, f in enumerate(ordered, 1):
        tone = "accepted" if f.fingerprint in report.accepted else f.severity.value
        links: list[str | None] = []
        for loc in f.locations:
            element = _element(loc, known, marks) if not loc.file or loc.file in home else None  # a partner's place
            links.append(element)
            if element and Mark(n, tone) not in marks.at(element):
                marks.by_element.setdefault(element, []).append(Mark(n, tone))
        marks.links[n] = links
    return marks


def _element(loc: Location, known: set[str], marks: Marks) -> str | None:
    if loc.table:
        candidates = []
        if loc.row is not None and loc.column:
            candidates.append(cell_id(loc.table, loc.row, loc.column))
        if loc.row is not None:
            candidates.append(row_id(loc.table, loc.row))
        candidates.append(loc.table)
        return next((c for c in candidates if c in known), None)
    if loc.target and loc.target in known:
        return loc.target
    if loc.sentence or loc.section:  # a section without a sentence is quoted as its heading
        key = (loc.section, loc.sentence or "")
        if key not in marks.quotes:
            marks.quotes[key] = Quote(f"q{len(marks.quotes) + 1}", loc.section, readable(loc.sentence or ""))
        return marks.quotes[key].id
    return None
