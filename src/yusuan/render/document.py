"""The publication as an ordered list of blocks, shared by the DOCX, HTML and PDF renderers.

Cover and contents come first; then the body. A disclosure read from a publication keeps the
publication's order (headings, paragraphs and tables sorted by source line). One compiled from a
budget book has no source lines: its standard tables go under the 报表 part heading (or after the
概况 part). The target forms always form the appendix at the end (the text refers to them as
附件), so that a printed form never splits the narrative.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Disclosure, PerformanceTarget, Section
from .charts import Chart, charts, mentioned
from .grid import PrintedTable, layout

READ_FORMATS = frozenset({"txt", "pdf", "docx", "xlsx"})
# Not “…目标表”: a heading naming the form would read back as the start of a form.
TARGETS_APPENDIX = "附件：项目支出绩效目标"


@dataclass(frozen=True)
class Heading:
    level: int  # 1 part … 4
    text: str
    anchor: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class TableBlock:
    printed: PrintedTable
    anchor: str


@dataclass(frozen=True)
class TargetBlock:
    target: PerformanceTarget
    anchor: str


@dataclass(frozen=True)
class ChartBlock:
    chart: Chart


Block = Heading | Para | TableBlock | TargetBlock | ChartBlock


@dataclass(frozen=True)
class Publication:
    organisation: str
    title: str
    cover: tuple[str, ...]
    body: tuple[Block, ...]
    charts: tuple[Chart, ...] = field(default=())

    @property
    def contents(self) -> tuple[Heading, ...]:
        """What a contents page lists, in body order: parts and their first-level headings, every
        table by its printed title (one level below), and the 绩效目标表 appendix."""
        out = []
        for b in self.body:
            if isinstance(b, Heading) and b.level <= 2:
                out.append(b)
            elif isinstance(b, TableBlock):
                out.append(Heading(3, b.printed.table.title, b.anchor))
        return tuple(out)


def heading_text(s: Section) -> str:
    if s.level <= 1:
        return f"{s.part} {s.title}".strip() if s.part and s.part not in s.title else s.title
    if s.level == 3 or s.number.startswith(("(", "（")):
        return f"{s.number}{s.title}"
    return f"{s.number}、{s.title}"


def _section_blocks(s: Section, by_id: dict[str, Chart]) -> list[tuple[int | None, Block]]:
    out: list[tuple[int | None, Block]] = [
        (s.provenance.line, Heading(max(s.level, 1), heading_text(s), s.id.replace(".", "-")))
    ]
    for p in s.paragraphs:
        out.append((p.provenance.line, Para(p.text)))
        chart = by_id.get(mentioned(p.text) or "")
        if chart:
            out.append((p.provenance.line, ChartBlock(chart)))
    return out


def _in_source_order(d: Disclosure, by_id: dict[str, Chart]) -> list[Block] | None:
    placed: list[tuple[int | None, Block]] = []
    for s in d.sections:
        if s.id != "cover":
            placed += _section_blocks(s, by_id)
    placed += [(t.provenance.line, TableBlock(layout(t), t.id)) for t in d.tables]
    if any(line is None for line, _ in placed):
        return None
    return [b for _, b in sorted(placed, key=lambda p: p[0] or 0)]  # stable: a chart stays after its caption


def _canonical(d: Disclosure, by_id: dict[str, Chart]) -> list[Block]:
    out: list[Block] = []
    tables = [TableBlock(layout(t), t.id) for t in d.tables]
    sections = [s for s in d.sections if s.id != "cover"]
    anchor = next((i for i, s in enumerate(sections) if "报表" in s.title), None)
    if anchor is None:  # after the first part (概况) and its subsections
        anchor = next((i - 1 for i, s in enumerate(sections) if i and s.level <= 1), len(sections) - 1)
    for i, s in enumerate(sections):
        out += [b for _, b in _section_blocks(s, by_id)]
        if i == anchor:
            out += tables
            tables = []
    return out + tables


def appendix(d: Disclosure) -> list[Block]:
    if not d.targets:
        return []
    return [Heading(1, TARGETS_APPENDIX, "targets"), *(TargetBlock(t, t.id) for t in d.targets)]


def publication(d: Disclosure) -> Publication:
    all_charts = charts(d)
    by_id = {c.id: c for c in all_charts}
    body = _in_source_order(d, by_id) if d.source.format in READ_FORMATS else None
    cover_section = d.section("cover")
    cover = tuple(p.text for p in cover_section.paragraphs) if cover_section else ()
    return Publication(
        organisation=d.meta.organisation,
        title=d.meta.title,
        cover=cover or (d.meta.organisation, d.meta.title),
        body=(*(body if body is not None else _canonical(d, by_id)), *appendix(d)),
        charts=all_charts,
    )
