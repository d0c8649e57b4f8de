"""What the publication is: title, organisation, level, stage, year, template and region.

Read from the cover, the title and the page headers, never from a table's title. The cover is the
run of plain lines before the 目录 (or the first grid row); its title is the first line, or up to
four lines joined, naming a year and 预算/决算. The organisation is `names.publication_name` (the
title's name, or the labelled one, or a cover line's; never a table title or heading). The year comes
from the title, then title-like lines (page headers, the contents), then the table titles, then the
year-and-预算 phrase printed most. The template is the one whose distinctive table kinds are found
(`templates.template_for`) if at least half its tables are; the region is told by place names (`REGIONS`).
"""
from __future__ import annotations

import re
from collections import Counter

from ...model import DocumentMeta, Level, Stage, Table
from ...templates import GENERIC, TEMPLATES, national_template, template_for
from ..tables.templates import NATIONAL_SET
from ...text.folding import fold
from ..claims import Context, Lines
from .contents import CONTENTS_HEADINGS
from .names import publication_name
from .regions import region_of

# How many plain lines the cover may hold, and how far into the document it may end.
COVER_LINES = 8
COVER_SCAN = COVER_LINES * 3
_TITLE = re.compile(r"(\d{4})\s*年.*(预算|决算)")
_YEAR = re.compile(r"(\d{4})\s*年")
# A year-and-预算 phrase as a title or header prints it: a few words between, no punctuation, not
# inside a 《》 quotation (``印制《2027年预算编制手册》`` names another year's book, not this one).
_STATED = re.compile(r"(?<!《)(\d{4})\s*年[^，。；、,;:《》()]{0,24}?(?:预算|决算)")
# A title-like line: short, no sentence punctuation (a page header, a contents entry, a heading).
_TITLE_LIKE = re.compile(r"^[^，。；,;]{1,48}$")
# Level: the title's words first, then the cover's label (预算单位：… on a Shanghai unit cover).
# Xi'an calls the department's budget 部门综合预算.
LEVEL_MARKS: tuple[tuple[Level, tuple[str, ...]], ...] = (
    (Level.UNIT, (r"单位(?:综合)?(?:预算|决算)",)),
    (Level.DEPARTMENT, (r"部门(?:综合)?(?:预算|决算)",)),
    (Level.UNIT, (r"预算单位[：:]", r"单位名称[：:]")),
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
    organisation = publication_name(texts, title, cover)
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


def _spans(cover: list[str]) -> list[tuple[int, str]]:
    """Each cover line, then every run of two to four adjacent lines joined (a title printed over
    four: ``2026 年度`` / ``泉州市市场监管综合监测`` / ``与技术保障中心`` / ``单位预算``), with its first index."""
    return [(i, "".join(cover[i:i + n])) for n in range(1, 5) for i in range(len(cover) - n + 1)]


def _title(cover: list[str]) -> str:
    """The first cover line naming a year and 预算/决算, or the first run of adjacent lines doing so;
    shaped like a title (no sentence, no quoted book: a cover without 目录 runs into the text)."""
    return next((t for _, t in _spans(cover) if _TITLE.search(t) and _TITLE_LIKE.match(t) and "《" not in t), "")


def _level(title: str, cover: list[str]) -> Level:
    for places in ([fold(title)], [fold(t) for t in cover]):
        for level, marks in LEVEL_MARKS:
            if any(re.search(m, t) for t in places for m in marks):
                return level
    return Level.DEPARTMENT


def _stage(title: str, table_titles: list[str]) -> Stage:
    """决算 in the title; without a title, 决算 in most table titles."""
    if title:
        final = any(m in title for m in FINAL_ACCOUNTS_MARKS)
    else:
        final = sum(any(m in t for m in FINAL_ACCOUNTS_MARKS) for t in table_titles) * 2 > len(table_titles) > 0
    return Stage.FINAL_ACCOUNTS if final else Stage.BUDGET


def _year(title: str, table_titles: list[str], texts: list[str]) -> int | None:
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    headers = [t for t in texts if _TITLE_LIKE.match(t)]
    for found in (_stated_years(headers), _years(table_titles), _stated_years(texts)):
        ranked = found.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
    return None


def _stated_years(texts: list[str]) -> Counter[int]:
    return Counter(int(m.group(1)) for t in texts for m in _STATED.finditer(t))


def _years(table_titles: list[str]) -> Counter[int]:
    return Counter(int(m.group(1)) for t in table_titles if (m := _YEAR.search(t)))


def template_of(tables: tuple[Table, ...], stage: Stage = Stage.BUDGET) -> str:
    """The template of the stage whose tables are found, if at least half of them are; else generic.
    Tables read mostly by the national profile, or by a profile that declares no publication template of
    its own (a new province's aliases), make a national publication."""
    profiles = Counter(t.profile for t in tables if t.profile)
    if profiles and (top := profiles.most_common(1)[0][0]) != GENERIC.name and (
            top == NATIONAL_SET or top not in TEMPLATES):
        return national_template(stage.value).name
    found = {t.kind for t in tables}
    best = template_for(found, stage.value)
    share = len(found & set(best.tables)) / len(best.tables) if best.tables else 0
    return best.name if share >= MIN_TEMPLATE_SHARE else GENERIC.name
