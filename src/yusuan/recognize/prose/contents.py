"""The 目录: its heading and the entries under it (``title<TAB>page``, ``title.....<TAB>21``).

The contents start at the first line reading 目录 and run while lines look like entries: a
title with a page number, a title with dot leaders, or (where the format has pages) any line on
the 目录 heading's page, and a numbered title on the next page. They end at the first line that repeats an entry's title (the body's
own heading, or its first line when wrapped) or that is none of those. Blank lines inside are skipped, not claimed; a page
number (the 目录 page's own ``第 2 页`` footer) is claimed as page furniture, never an entry.
"""
from __future__ import annotations

import re

from ...model import ContentsEntry
from ...text.folding import fold
from ...sources.raw import RawLine
from ..claims import Claim, Context, Lines
from ..tables.furniture import is_page_number

CONTENTS_HEADINGS = ("目录", "目次")
# Dot leaders as printed: ASCII dots, ellipses, middle dots (at least two in a row).
_LEADER = re.compile(r"\s*(?:[.。·…⋯]{2,}|…+)\s*")
_PAGE = re.compile(r"^\d{1,3}$")
# A numbered title without page number on the page after the 目录 heading's (a 目录 over two pages);
# the body's first heading repeats an entry and ends the 目录.
_NUMBERED_TITLE = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^。；，]{1,40}$")


def _entry(ln: RawLine, ctx: Context, heading_page: int | None) -> ContentsEntry | None:
    """The entry a line prints, or None if the line is not a contents entry."""
    cells = ln.filled
    if not cells:
        return None
    page: int | None = None
    if len(cells) >= 2 and _PAGE.match(cells[-1]):
        page = int(cells[-1])
        cells = cells[:-1]
    text = " ".join(cells)
    trailing_page = re.search(r"(?:[.。·…⋯]{2,}|…)\s*(\d{1,3})$", text)
    if page is None and trailing_page:
        page = int(trailing_page.group(1))
        text = text[: trailing_page.start(1)]
    has_leader = bool(_LEADER.search(text))
    title = _LEADER.sub(" ", text).strip()
    on_heading_page = heading_page is not None and (
        ln.page == heading_page or (ln.page == heading_page + 1 and bool(_NUMBERED_TITLE.match(title))))
    if not title or not (page is not None or has_leader or on_heading_page):
        return None
    return ContentsEntry(title=title, page=page, provenance=ctx.at(ln))


# A body heading wrapped over two lines repeats an entry's start (广州: ``第一部分 广州市人民政府国有资产监督管``
# / ``理委员会概况``); shorter starts are too common to tell (``第一部分``).
_WRAPPED_REPEAT_MIN = 8


def _repeats(title: str, seen: set[str]) -> bool:
    """The line repeats an entry already read: the body has begun."""
    return title in seen or (len(title) >= _WRAPPED_REPEAT_MIN and any(s.startswith(title) for s in seen))


def recognize_contents(lines: Lines, ctx: Context) -> Claim[ContentsEntry]:
    """The 目录 entries and the lines they (and the 目录 heading) were read from."""
    start = next((i for i, ln in enumerate(lines) if fold(ln.text) in CONTENTS_HEADINGS), None)
    if start is None:
        return Claim()
    heading = lines[start]
    entries: list[ContentsEntry] = []
    consumed = {heading.line}
    seen: set[str] = set()
    for ln in lines[start + 1:]:
        if ln.is_blank:
            continue
        if is_page_number(ln):
            consumed.add(ln.line)
            continue
        entry = _entry(ln, ctx, heading.page)
        if entry is None or _repeats(fold(entry.title), seen):
            break
        seen.add(fold(entry.title))
        entries.append(entry)
        consumed.add(ln.line)
    return Claim(items=tuple(entries), consumed=frozenset(consumed))
