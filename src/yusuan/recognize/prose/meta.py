"""What the publication is: title, organisation, level, stage, year, template and region.

The rules are data: the title is the first line near the top naming a year and 预算/决算; the
organisation is the name most often printed after a 部门名称-like label (the tables' entity
next, the cover's name line last); the template is the one whose distinctive table kinds are found
(`templates.template_for`) if at least half its tables are; the region is told by place names (`REGIONS`).
"""
from __future__ import annotations

import re
from collections import Counter

from ...model import DocumentMeta, Level, Stage, Table
from ...templates import GENERIC, template_for
from ...sources.normalize import fold
from ..claims import Context, Lines
from .contents import CONTENTS_HEADINGS

# How far into the document the cover title may be (in non-blank lines).
COVER_LINES = 8
_TITLE = re.compile(r"(\d{4})\s*年.*(预算|决算)")
_YEAR = re.compile(r"(\d{4})\s*年")
ORGANISATION_LABELS = ("部门名称", "单位名称", "预算主管部门", "预算单位", "编制部门", "编制单位")
_LABELLED = re.compile(r"(?:%s)\s*[：:]\s*(\S+)" % "|".join(ORGANISATION_LABELS))
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

REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("山西", ("山西", "太原市", "大同市", "阳泉市", "长治市", "晋城市", "朔州市", "晋中市", "运城市",
              "忻州市", "临汾市", "吕梁市")),
    ("上海", ("上海市",)),
)


def detect_meta(lines: Lines, tables: tuple[Table, ...], ctx: Context) -> DocumentMeta:
    texts = [ln.text.strip() for ln in lines if not ln.is_blank]
    # The cover: the first lines, contents entries (rows: title<TAB>page) and the 目录 heading left out.
    cover = [t for ln in lines[:COVER_LINES * 3] if not ln.is_blank and not ln.is_row
             and fold(t := ln.text.strip()) not in CONTENTS_HEADINGS][:COVER_LINES]
    title = _cover_title(cover)
    organisation = _organisation(texts, tables, _cover_names(cover, title))
    stage = Stage.FINAL_ACCOUNTS if any(m in title for m in FINAL_ACCOUNTS_MARKS) else Stage.BUDGET
    return DocumentMeta(
        title=title,
        organisation=organisation,
        level=_level(title, cover),
        stage=stage,
        year=_year(title, tables),
        template=_template(tables, stage),
        region=_region(organisation + title, texts),
    )


def _cover_title(cover: list[str]) -> str:
    """The first cover line naming a year and 预算/决算, or the first two lines that do together (a
    title wrapped: ``中共上海市普陀区委社会工作部 2024 年度`` / ``部门决算``)."""
    for i, line in enumerate(cover):
        if _TITLE.search(line):
            return line
        if i + 1 < len(cover) and _YEAR.search(line) and _TITLE.search(joined := line + cover[i + 1]):
            return joined
    return ""


def _cover_names(cover: list[str], title: str) -> list[str]:
    """The organisation's name as the cover prints it: the title's words before its year, else the
    lines above the title joined (a long name wraps: ``上海市普陀区规划和自然`` / ``资源局``)."""
    head = _YEAR.split(title, 1)[0].strip() if title else ""
    if head:
        return [head]
    above = [t for t in cover if t not in title][: next((i for i, t in enumerate(cover) if t in title), len(cover))]
    if title and above and not any(_YEAR.search(t) for t in above):
        return ["".join(above)]
    return [t for t in cover if t != title]


def _level(title: str, cover: list[str]) -> Level:
    for places in ([title], cover):
        for level, marks in LEVEL_MARKS:
            if any(m in t for t in places for m in marks):
                return level
    return Level.DEPARTMENT


def _organisation(texts: list[str], tables: tuple[Table, ...], cover: list[str]) -> str:
    labelled = Counter(m.group(1) for t in texts for m in _LABELLED.finditer(t))
    if labelled:
        return labelled.most_common(1)[0][0]
    entities = Counter(t.entity for t in tables if t.entity)
    if entities:
        return entities.most_common(1)[0][0]
    names = [t for t in cover if not _YEAR.search(t)]
    return names[0] if names else ""


def _year(title: str, tables: tuple[Table, ...]) -> int | None:
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    years = Counter(int(m.group(1)) for t in tables if (m := _YEAR.search(t.title)))
    agreed = [y for y, n in years.most_common(1) if n >= 2]
    return agreed[0] if agreed else None


def _template(tables: tuple[Table, ...], stage: Stage) -> str:
    found = {t.kind for t in tables}
    best = template_for(found, stage.value)
    share = len(found & set(best.tables)) / len(best.tables) if best.tables else 0
    return best.name if share >= MIN_TEMPLATE_SHARE else GENERIC.name


def _region(named: str, texts: list[str]) -> str | None:
    for region, marks in REGIONS:
        if any(m in named for m in marks):
            return region
    hits = Counter({region: sum(t.count(m) for t in texts for m in marks) for region, marks in REGIONS})
    region, n = hits.most_common(1)[0]
    return region if n else None
