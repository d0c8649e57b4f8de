"""Shared reading for the ``final.*`` rules: a 决算's sections by their standard titles, its tables'
named rows (本年收入合计, 年初结转和结余 …) and item names matched to function-table rows."""
from __future__ import annotations

import re

from ..model import Disclosure, Row, Table
from ..text.folding import fold
from .claims import SectionFigures, section_figures
from .stage import require_final

IN, EX = "income", "expenditure"
_CLASS_NAME = re.compile(r"([^（()）：:，,、；;。\s\d]+?)[（(]类[）)]")
_ITEM_NAME = re.compile(r"([^（()）：:，,、；;。\s\d]+?)[（(]项[）)]")


def final_section(d: Disclosure, title: str) -> SectionFigures | None:
    """The 决算 section whose title is `title` (numbering and the words 说明/情况 aside)."""
    require_final(d)
    want = _plain(title)
    for s in d.sections:
        if _plain(s.title) == want:
            return section_figures(s, final=True)
    return None


def _plain(title: str) -> str:
    t = fold(title)
    t = re.sub(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])", "", t)
    return re.sub(r"(情况)?说明$|情况$|[。.]$", "", t)


def row_named(t: Table, *labels: str, side: str | None = None) -> Row | None:
    """The first row whose label (ordinal such as 一、 removed) is one of `labels`."""
    want = {fold(x) for x in labels}
    for r in t.rows:
        if (side is None or r.side == side) and re.sub(r"^[一二三四五六七八九十]+、", "", fold(r.label)) in want:
            return r
    return None


_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


def code_of(t: Table, r: Row) -> str:
    """The row's function code, also where the reader left it in a column of its own (国家信访局's 决算 tables print
    科目代码 and 科目名称 under one 项目 heading: ``2014001 | 行政运行``, the code read into the 项目/科目代码 column)."""
    if r.code:
        return r.code
    coded = {c.key for c in t.columns if "代码" in c.label or "编码" in c.label}
    return next((v.text.strip() for v in r.values if v.column in coded and _CODE.match(v.text.strip())), "")


def class_row(t: Table, text: str) -> Row | None:
    """The 类 row of a function table named by ``…支出（类）`` at the end of `text`."""
    m = next(reversed(list(_CLASS_NAME.finditer(text))), None)  # the last one
    if m is None:
        return None
    name = fold(m.group(1))
    return next((r for r in t.rows if len(code_of(t, r)) == 3 and fold(r.label) == name), None)


def item_row(t: Table, text: str) -> Row | None:
    """The 项 row named by ``类（类）款（款）项（项）`` in `text`: the 项 name under the named 类 (its code
    starts with the class's), else the only 项 of that name."""
    names = _ITEM_NAME.findall(text)
    if not names:
        return None
    name = fold(names[-1])
    rows = [r for r in t.rows if len(code_of(t, r)) == 7 and fold(r.label) == name]
    cls = class_row(t, text.split("（类）")[0] + "（类）") if "（类）" in text else None
    if cls is not None:
        rows = [r for r in rows if code_of(t, r).startswith(code_of(t, cls))] or rows
    return rows[0] if len(rows) == 1 or cls is not None and rows else None
