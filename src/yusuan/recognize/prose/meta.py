"""What the publication is: title, organisation, level, stage, year, template and region.

Read from the cover, the title and the page headers, never from a table's title. The cover is the
run of plain lines before the 目录 (or the first grid row); its title is the first line, or two
lines joined, naming a year and 预算/决算. The organisation is the name most often printed after a
部门名称-like label (the tables' page headers: ``部门：江苏省政协办公厅``), else the name the title
holds, else a cover line shaped like a name (`names.looks_like_organisation`). The year comes from
the title, then the table titles, then the first year-and-预算 phrase anywhere (a contents entry, a
heading). The template is the one whose distinctive table kinds are found (`templates.template_for`)
if at least half its tables are; the region is told by place names (`REGIONS`).
"""
from __future__ import annotations

import re
from collections import Counter

from ...model import DocumentMeta, Level, Stage, Table
from ...templates import GENERIC, national_template, template_for
from ..tables.templates import NATIONAL_SET
from ...sources.normalize import fold
from ..claims import Context, Lines
from .contents import CONTENTS_HEADINGS
from .names import looks_like_organisation, name_in_title
from .regions import region_of

# How many plain lines the cover may hold, and how far into the document it may end.
COVER_LINES = 8
COVER_SCAN = COVER_LINES * 3
_TITLE = re.compile(r"(\d{4})\s*年.*(预算|决算)")
_YEAR = re.compile(r"(\d{4})\s*年")
ORGANISATION_LABELS = ("部门名称", "单位名称", "预算主管部门", "主管部门", "预算单位", "编制部门", "编制单位",
                       "公开部门", "公开单位")
# A label, or a bare 部门： opening a line (``部 门:中共江苏省委办公厅``, a Jiangsu page header).
_LABELLED = re.compile(r"(?:(?:%s)|^部门)[：:](\S+?)(?=(?:金额)?单位[：:]|$)" % "|".join(ORGANISATION_LABELS))
# Level: the title's words first, then the cover's label (预算单位：… on a Shanghai unit cover).
LEVEL_MARKS: tuple[tuple[Level, tuple[str, ...]], ...] = (
    (Level.UNIT, ("单位预算", "单位决算")),
    (Level.DEPARTMENT, ("部门预算", "部门决算")),
    (Level.UNIT, ("预算单位：", "预算单位:", "单位名称：", "单位名称:")),
)
FINAL_ACCOUNTS_MARKS = ("决算",)
# A template is taken only when at least this share of its tables is found: one distinctive
# table recognised among generic ones (a Shanghai 三公 table read as 机关运行经费表) is not enough.
MIN_TEMPLATE_SHARE = 0.5


def detect_meta(lines: Lines, tables: tuple[Table, ...], ctx: Context) -> DocumentMeta:
    texts = [ln.text.strip() for ln in lines if not ln.is_blank]
    cover = cover_lines(lines)
    title = _title(cover)
    table_titles = [t.title for t in tables]
    organisation = _organisation(texts, title, [t for t in cover if t != title])
    return DocumentMeta(
        title=title,
        organisation=organisation,
        level=_level(title, cover),
        stage=(stage := _stage(title, table_titles)),
        year=_year(title, table_titles, texts),
        template=template_of(tables, stage),
        region=region_of(organisation + title, texts),
    )


def cover_lines(lines: Lines) -> list[str]:
    """The plain lines before the 目录 heading or the first grid row (at most COVER_LINES)."""
    cover: list[str] = []
    for ln in lines[:COVER_SCAN]:
        if ln.is_blank:
            continue
        if fold("".join(ln.filled)) in CONTENTS_HEADINGS or ln.is_row:
            break
        cover.append(ln.text.strip())
    return cover[:COVER_LINES]


def _title(cover: list[str]) -> str:
    """The first cover line naming a year and 预算/决算, or two adjacent lines that do so together."""
    pairs = [a + b for a, b in zip(cover, cover[1:])]
    return next((t for t in (*cover, *pairs) if _TITLE.search(t)), "")


def _level(title: str, cover: list[str]) -> Level:
    for places in ([fold(title)], [fold(t) for t in cover]):
        for level, marks in LEVEL_MARKS:
            if any(m in t for t in places for m in marks):
                return level
    return Level.DEPARTMENT


def _stage(title: str, table_titles: list[str]) -> Stage:
    """决算 in the title; without a title, 决算 in most table titles."""
    if title:
        final = any(m in title for m in FINAL_ACCOUNTS_MARKS)
    else:
        final = sum(any(m in t for m in FINAL_ACCOUNTS_MARKS) for t in table_titles) * 2 > len(table_titles) > 0
    return Stage.FINAL_ACCOUNTS if final else Stage.BUDGET


def _organisation(texts: list[str], title: str, cover: list[str]) -> str:
    labelled = Counter(name for t in texts for m in _LABELLED.finditer(fold(t))
                       if looks_like_organisation(name := m.group(1)))
    if labelled:
        return labelled.most_common(1)[0][0]
    named = name_in_title(title) if title else None
    if named:
        return named
    # A cover name line, or one wrapped over two lines (上海市普陀区规划和自然 / 资源局).
    for i, line in enumerate(cover):
        for candidate in (line, line + cover[i + 1] if i + 1 < len(cover) else ""):
            if looks_like_organisation(candidate):
                return fold(candidate)
    return ""


def _year(title: str, table_titles: list[str], texts: list[str]) -> int | None:
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    years = Counter(int(m.group(1)) for t in table_titles if (m := _YEAR.search(t)))
    ranked = years.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    stated = next((m for t in texts if (m := _TITLE.search(t))), None)
    return int(stated.group(1)) if stated else None


def template_of(tables: tuple[Table, ...], stage: Stage = Stage.BUDGET) -> str:
    """The template of the stage whose tables are found, if at least half of them are; else generic.
    Tables read mostly by the national profile make a national publication."""
    profiles = Counter(t.profile for t in tables if t.profile)
    if profiles and profiles.most_common(1)[0][0] == NATIONAL_SET:
        return national_template(stage.value).name
    found = {t.kind for t in tables}
    best = template_for(found, stage.value)
    share = len(found & set(best.tables)) / len(best.tables) if best.tables else 0
    return best.name if share >= MIN_TEMPLATE_SHARE else GENERIC.name
