"""Narrative lines to a flat list of sections in reading order, each with its paragraphs.

Section ids come from the heading numbers of the enclosing headings: ``s3.5.1`` is 第三部分 →
五、 → （一）. A part printed without a number (Shanghai) takes its rank among the parts. Lines
before the first heading form the cover (``cover``, level 0; its title 封面 is ours, not printed).
Every non-blank line becomes a paragraph of the section it falls in, exactly as printed.
Table rows left by the table recogniser are kept too, and each run of them is reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import IngestIssue, Paragraph, Section
from ...sources.raw import RawLine
from ..claims import Context, Lines
from .headings import Heading, parse_heading

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


def _section_id(chain: list[int], ordinal: int) -> str:
    return "s" + ".".join(str(n) for n in (*chain, ordinal))


def build_sections(lines: Lines, ctx: Context) -> SectionsResult:
    """The section list of the narrative lines, the lines it placed, and reports of table rows."""
    done: list[Section] = []
    current: _Open | None = None
    chain: list[tuple[int, int]] = []  # (level, ordinal) of the open headings
    part, part_title, parts_seen = "", "", 0
    consumed: set[int] = set()
    row_runs: list[tuple[RawLine, int, str]] = []  # first row line, run length, section id
    previous_was_row = False
    used: set[str] = set()
    issues: list[IngestIssue] = []
    for ln in lines:
        if ln.is_blank:
            continue
        consumed.add(ln.line)
        text = ln.text.strip() if not ln.is_row else ""
        heading = parse_heading(text, numbered_allowed=GLOSSARY_MARK not in part_title) if text else None
        if heading is None:
            if current is None:
                current = _Open(Heading(0, "", 0, COVER_TITLE), COVER_ID, "", ln)
            current.paragraphs.append(Paragraph(ln.text, ctx.at(ln)))
            if ln.is_row:
                if previous_was_row:
                    first, count, sid = row_runs[-1]
                    row_runs[-1] = (first, count + 1, sid)
                else:
                    row_runs.append((ln, 1, current.id))
            previous_was_row = ln.is_row
            continue
        previous_was_row = False
        if current is not None:
            done.append(current.close(ctx))
        if heading.level == 1:
            parts_seen += 1
            part, part_title = heading.number or heading.title, heading.title
            ordinal = heading.ordinal if heading.ordinal is not None else parts_seen
            chain = []
        else:
            ordinal = heading.ordinal or 0
            chain = [c for c in chain if c[0] < heading.level]
        sid = _section_id([o for _, o in chain], ordinal)
        if sid in used:
            sid = _unique(sid, used)
            issues.append(ctx.issue("ingest.duplicate_heading_number",
                                    f"标题编号与前文重复，本节编号记为 {sid}。", ln, severity="info"))
        used.add(sid)
        chain.append((heading.level, ordinal))
        current = _Open(heading, sid, part, ln)
    if current is not None:
        done.append(current.close(ctx))
    issues += [_row_run_issue(ctx, *run) for run in row_runs]
    return SectionsResult(tuple(done), frozenset(consumed), tuple(issues))


def _unique(sid: str, used: set[str]) -> str:
    """``s5.1`` taken: ``s5.1-2`` (then -3 …)."""
    n = 2
    while f"{sid}-{n}" in used:
        n += 1
    return f"{sid}-{n}"


def _row_run_issue(ctx: Context, first: RawLine, count: int, section_id: str) -> IngestIssue:
    message = f"自此行起共{count}行为表格行，未被识别为任何预算表，已作为段落原样保留在章节 {section_id} 中。"
    return ctx.issue("ingest.table_rows_in_prose", message, first)
