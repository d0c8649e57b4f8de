"""A file that holds several publications one after another: a department's budget followed by its units'
budgets, or a county's compilation of its departments (部门预算汇编). Read as one, each publication's
tables are checked against the others' (a unit's 2024 tables against the department's 2025 text): false
errors by the dozen. Each is read on its own pages instead.

A new publication begins where the tables start over: the set's first table printed again after at
least three other kinds, and followed by tables of kinds already met (not one table printed twice, as
西安 prints its 会议费培训费 table), with a cover before them — a sparse page whose title names a year's
预算 or 决算, where the new publication begins. Tables that start over with no cover between are not cut.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..errors import InputError
from ..model import Disclosure, IngestIssue, Provenance, Table, TableKind
from ..sources.raw import RawDocument, RawLine
from .pipeline import recognize

# A publication's title (2024年单位预算, 上海市普陀区2025年区级部门预算): not a part's or a table's title
# (第二部分 …2025年度部门预算表), which a single publication prints between its text and its tables.
_COVER_TITLE = re.compile(r"^(?!第[一二三四五六七八九十]+部分)[^表]*\d{4}\s*年度?[^表]{0,40}[预决]算[^表]*$")
_COVER_MAX_LINES = 12  # a cover prints its title, the organisation and a date; a page of text prints more
_SET_BEFORE = 3  # kinds met before the set may start over
_SET_AFTER = 2  # tables of known kinds after the restart (a set, not one table printed twice)


def publication_starts(tables: Sequence[Table], lines: Sequence[RawLine]) -> list[int]:
    """The first page of each publication after the first (empty for a file of one publication)."""
    typed = [t for t in tables if t.kind is not TableKind.GENERIC and t.provenance.page]
    if not typed:
        return []
    first = typed[0].kind
    starts: list[int] = []
    begin = 0
    for j in range(1, len(typed)):
        before = {t.kind for t in typed[begin:j]}
        after = [t.kind for t in typed[j + 1:j + 1 + _SET_AFTER]]
        if (typed[j].kind is first and typed[j - 1].kind is not first and len(before) > _SET_BEFORE
                and len(after) == _SET_AFTER and all(k in before for k in after)):
            last, next_ = typed[j - 1].provenance.page or 0, typed[j].provenance.page or 0
            # a publication opens with its cover: without one, the tables printed again are the same
            # publication's (a summary in the 说明 and the tables after it), never cut
            if (cover := _cover_between(lines, last, next_)) is not None:
                starts.append(cover)
                begin = j
    return starts


def _cover_between(lines: Sequence[RawLine], last: int, first: int) -> int | None:
    """The first sparse page titled with a year's 预算/决算 after page `last`, before page `first`."""
    by_page: dict[int, list[str]] = {}
    for ln in lines:
        if ln.page is not None and last < ln.page < first and not ln.is_blank:
            by_page.setdefault(ln.page, []).append("".join(ln.cells))
    for page in sorted(by_page):
        texts = by_page[page]
        if len(texts) <= _COVER_MAX_LINES and any(_COVER_TITLE.search(re.sub(r"\s+", "", t)) for t in texts):
            return page
    return None


def split_pages(raw: RawDocument, starts: Sequence[int]) -> list[RawDocument]:
    """The file's lines and notes cut at each start page; every line keeps its page and line number."""
    bounds = [0, *starts, 10**9]
    out = []
    for lo, hi in zip(bounds, bounds[1:]):
        lines = tuple(ln for ln in raw.lines if (lo <= ln.page < hi if ln.page is not None else lo == 0))
        notes = tuple(n for n in raw.notes if n.page is None or lo <= n.page < hi)
        out.append(replace(raw, lines=lines, notes=notes))
    return out


def pages_of(d: Disclosure) -> str:
    """第a–b页 of a publication read from part of a file."""
    pages = [p for p in (*(t.provenance.page for t in d.tables), *(s.provenance.page for s in d.sections)) if p]
    return f"第{min(pages)}–{max(pages)}页" if pages else "页码不明"


def with_others_named(first: Disclosure, others: Sequence[Disclosure]) -> Disclosure:
    """The first publication, with a note (读取提示) that the file holds the others too: read apart, none of
    them is checked here; `yusuan audit` checks each."""
    named = "；".join(f"{pages_of(o)}：{o.meta.organisation or '单位不明'} {o.meta.title or ''}".rstrip() for o in others)
    note = IngestIssue(
        code="ingest.several_publications", severity="warning", provenance=Provenance(file=first.source.file),
        message=(f"本文件包含 {len(others) + 1} 份预算公开文件，这里只读取并检查了第一份（{pages_of(first)}）；"
                 f"其余：{named}。请用 yusuan audit 逐份检查，或将文件拆分后分别上传。"))
    return replace(first, issues=(*first.issues, note))


def publications(raw: RawDocument) -> list[Disclosure]:
    """Each publication a file holds, in order, each recognised on its own pages; most files hold one."""
    whole = recognize(raw)
    starts = publication_starts(whole.tables, raw.lines)
    if not starts:
        return [whole]
    try:
        return [recognize(part) for part in split_pages(raw, starts)]
    except InputError:  # a part that is no publication on its own: the file is read as one
        return [whole]


def first_publication(raw: RawDocument) -> Disclosure:
    """The file's publication, or its first one with the others named (where one publication is read:
    ingest, batch, the web's upload, the health report)."""
    first, *others = publications(raw)
    return with_others_named(first, others) if others else first
