"""Narrative lines to a flat list of sections in reading order, each with its paragraphs.

Section ids come from the heading numbers of the enclosing headings: ``s3.5.1`` is 第三部分 →
五、 → （一）. A part printed without a number (Shanghai) takes its rank among the parts. Lines
before the first heading form the cover (``cover``, level 0; its title 封面 is ours, not printed).
Every non-blank line becomes a paragraph of the section it falls in, exactly as printed, but for page
furniture (page numbers, running headers: placed, not narrative; a running text is kept where it is
printed first, as the cover's title) and a line that carries on the paragraph before it over a page
break (`flow.carries_on`), which is joined to it. Table rows left by the table recogniser are kept
too, and each run of them is reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import IngestIssue, Paragraph, Section
from ...sources.raw import RawLine
from ..claims import Context, Lines
from .flow import Margins, carries_on, furniture, joined
from .headings import Heading, parse_heading
from .lists import list_items

COVER_ID = "cover"
COVER_TITLE = "封面"
GLOSSARY_MARK = "名词解释"


@dataclass
class _Open:
    """A section being filled (local to `build_sections`)."""

    heading: Heading
    id: str
    part: str
    line: RawLine
    paragraphs: list[Paragraph] = field(default_factory=list)

    def close(self, ctx: Context) -> Section:
        h = self.heading
        number = "" if h.level == 1 else h.number
        return Section(self.id, self.part, number, h.level, h.title, tuple(self.paragraphs), ctx.at(self.line))


@dataclass(frozen=True)
class SectionsResult:
    sections: tuple[Section, ...]
    consumed: frozenset[int]
    issues: tuple[IngestIssue, ...]


class _Builder:
    """Walks the lines once; holds the open section, the open heading chain and what was met."""

    def __init__(self, ctx: Context, lines: Lines) -> None:
        self.ctx = ctx
        self.furniture = furniture(lines)
        self.margins = Margins(ln for ln in lines if ln.line not in self.furniture)
        self.present = {ln.line for ln in lines if ln.is_blank or ln.line in self.furniture}
        self.tail: RawLine | None = None  # the last printed part of the open section's last paragraph
        self.done: list[Section] = []
        self.current: _Open | None = None
        self.chain: list[tuple[int, int]] = []  # (level, ordinal) of the open headings
        self.part, self.part_title, self.parts_seen = "", "", 0
        self.used: set[str] = set()
        self.issues: list[IngestIssue] = []
        self.row_runs: list[tuple[RawLine, int, str]] = []  # first row line, run length, section title
        self.previous_was_row = False

    def paragraph(self, ln: RawLine) -> None:
        if self.current is None:
            self.current = _Open(Heading(0, "", 0, COVER_TITLE), COVER_ID, "", ln)
        paras = self.current.paragraphs
        if paras and self.tail is not None and carries_on(paras[-1].text, self.tail, ln, self.margins,
                                                          adjacent=self._adjacent(self.tail, ln)):
            paras[-1] = joined(paras[-1], Paragraph(ln.text, self.ctx.at(ln)))
        else:
            paras.append(Paragraph(ln.text, self.ctx.at(ln)))
        self.tail = ln
        if ln.is_row and self.previous_was_row:
            first, count, sid = self.row_runs[-1]
            self.row_runs[-1] = (first, count + 1, sid)
        elif ln.is_row:
            self.row_runs.append((ln, 1, self.current.heading.title))
        self.previous_was_row = ln.is_row

    def _adjacent(self, a: RawLine, b: RawLine) -> bool:
        """Only blank lines and page furniture between a and b (nothing another recogniser took)."""
        return all(n in self.present for n in range(a.line + 1, b.line))

    def heading(self, heading: Heading, ln: RawLine) -> None:
        self.previous_was_row = False
        self.tail = None
        self._close()
        if heading.level == 1:
            self.parts_seen += 1
            self.part, self.part_title = heading.number or heading.title, heading.title
            ordinal = heading.ordinal if heading.ordinal is not None else self.parts_seen
            self.chain = []
        else:
            ordinal = heading.ordinal or 0
            self.chain = [c for c in self.chain if c[0] < heading.level]
        sid = "s" + ".".join(str(n) for n in (*(o for _, o in self.chain), ordinal))
        if sid in self.used:
            sid = _unique(sid, self.used)
            self.issues.append(self.ctx.issue(
                "ingest.duplicate_heading_number", f"标题编号与前文重复，本节编号记为 {sid}。", ln, severity="info"))
        self.used.add(sid)
        self.chain.append((heading.level, ordinal))
        self.current = _Open(heading, sid, self.part, ln)

    def _close(self) -> None:
        if self.current is not None:
            self.done.append(self.current.close(self.ctx))
            self.current = None

    def result(self, consumed: set[int]) -> SectionsResult:
        self._close()
        rows = [_row_run_issue(self.ctx, *run) for run in self.row_runs]
        return SectionsResult(tuple(self.done), frozenset(consumed), (*self.issues, *rows))


def build_sections(lines: Lines, ctx: Context) -> SectionsResult:
    """The section list of the narrative lines, the lines it placed, and reports of table rows.

    Inside 名词解释 only part headings count: its numbered lines are glossary entries.
    """
    builder = _Builder(ctx, lines)
    consumed: set[int] = set()
    listed = list_items(lines, builder.present)
    for ln in lines:
        if ln.is_blank:
            continue
        consumed.add(ln.line)
        if ln.line in builder.furniture:
            continue  # placed, not narrative
        numbered_allowed = GLOSSARY_MARK not in builder.part_title
        heading = None if ln.is_row and not _part_row(ln) else parse_heading(ln.text, numbered_allowed=numbered_allowed)
        if heading is None or ln.line in listed or _continues_list(builder.current, heading):
            builder.paragraph(ln)
        else:
            builder.heading(heading, ln)
    return builder.result(consumed)


def _part_row(ln: RawLine) -> bool:
    """``第一部分 | …概况`` read as two cells (a Word cover laid out in a table) is still the part heading."""
    return len(ln.filled) == 2 and bool(re.match(r"^第[一二三四五六七八九十]+部分$", ln.filled[0]))


def _continues_list(current: _Open | None, heading: Heading) -> bool:
    """A numbered line that carries on a list begun inside the paragraph above is a list item, not a
    heading: ``具体包括：1.普陀区司法局本部`` then ``2.普陀区法律援助中心`` (else the second unit
    would read as an empty heading)."""
    if current is None or not current.paragraphs or heading.level != 4 or not heading.ordinal or heading.ordinal < 2:
        return False
    before = re.escape(str(heading.ordinal - 1))
    return re.search(rf"(?:^|[：:；;。\s]){before}\s*[、.．](?!\d)\s*\S", current.paragraphs[-1].text) is not None


def _unique(sid: str, used: set[str]) -> str:
    """``s5.1`` taken: ``s5.1-2`` (then -3 …)."""
    n = 2
    while f"{sid}-{n}" in used:
        n += 1
    return f"{sid}-{n}"


def _row_run_issue(ctx: Context, first: RawLine, count: int, title: str) -> IngestIssue:
    """Named by its section's printed title (people read it; the section id is for the program)."""
    message = f"自此行起共{count}行为表格行，未被识别为任何预算表，已作为段落原样保留在“{title}”部分中。"
    return ctx.issue("ingest.table_rows_in_prose", message, first)
