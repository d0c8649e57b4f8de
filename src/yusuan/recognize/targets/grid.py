"""One indicator row of a form, read into labels and (三级指标, 指标值) pairs per column.

A row is read by the columns of its form's header row (``一级指标 二级指标 三级指标 指标值
二级指标 三级指标 指标值``) when its cells sit where the header says. The extraction often
shifts cells (a missing label pulls a row left, a merged cell pushes the 年度 half right); such
a row is read by sequence instead: labels are known words, the texts between them are
name/value pairs, the 年度 half starts at its 二级指标 label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.folding import squash
from .vocabulary import PERFORMANCE_LABEL, fold, is_level1, level2_key

Pair = tuple[str, str]  # (三级指标, 指标值)
VALUE_HEADINGS = {"目标值": "指标值"}  # 泉州 heads the values 目标值


@dataclass(frozen=True)
class GridColumns:
    """Cell positions from the header row; year positions None when the header has one half."""

    level1: int
    period: tuple[int, int, int]  # 二级, 三级, 指标值
    year: tuple[int, int, int] | None

    @property
    def named(self) -> set[int]:
        return {self.level1, *self.period, *(self.year or ())}


@dataclass(frozen=True)
class RowReading:
    """What a row prints: "" for an empty label, None for a half with nothing in it."""

    level1: str = ""
    period_level2: str = ""
    year_level2: str = ""
    period: Pair | None = None
    year: Pair | None = None
    by_sequence: bool = False
    unplaced: tuple[str, ...] = ()


def grid_columns(cells: tuple[str, ...]) -> GridColumns | None:
    """The columns a header row names, or None if it is not a header row."""
    if not any("一级指标" in c for c in cells):  # cheap test first: most lines are not headers
        return None
    where: dict[str, list[int]] = {}
    for i, cell in enumerate(cells):
        where.setdefault(VALUE_HEADINGS.get(fold(cell), fold(cell)), []).append(i)
    try:
        first = (where["二级指标"][0], where["三级指标"][0], where["指标值"][0])
        level1 = where["一级指标"][0]
    except KeyError:
        return None
    second = None
    if all(len(where[k]) > 1 for k in ("二级指标", "三级指标", "指标值")):
        second = (where["二级指标"][1], where["三级指标"][1], where["指标值"][1])
    return GridColumns(level1, first, second)


_TARGET_VALUE = re.compile(r"^[≥≤<>=＞＜]|%$")


def make_pair(name: str, value: str) -> Pair:
    """(三级指标, 指标值); a target value printed under 三级 with 指标值 empty moves to 指标值."""
    if not value and _TARGET_VALUE.search(name.strip()):
        return "", name.strip()
    return squash(name), value.strip()


def kind(text: str) -> str:
    """``l1``, ``l2`` or ``text``: what a cell of the grid is."""
    return "l1" if is_level1(text) else "l2" if level2_key(text) else "text"


def mirrors(a: str, b: str) -> bool:
    """Whether `b` repeats the 三级指标 `a` (the 年度 column prints it again, often cut short)."""
    a, b = fold(a), fold(b)
    return bool(a and b) and (a.startswith(b) or b.startswith(a)) and min(len(a), len(b)) >= 2


def read_by_columns(cells: tuple[str, ...], cols: GridColumns) -> RowReading | None:
    """The row read by position, or None if its cells do not sit where the header says."""
    def at(i: int) -> str:
        return cells[i].strip() if i < len(cells) else ""

    for i, cell in enumerate(cells):
        text = cell.strip()
        if text and i not in cols.named and not (i < cols.level1 and fold(text) == PERFORMANCE_LABEL):
            return None
    if at(cols.level1) and not is_level1(at(cols.level1), at(cols.period[0])):
        return None
    halves = [cols.period] + ([cols.year] if cols.year else [])
    for l2, name, value in halves:
        if at(l2) and kind(at(l2)) != "l2":
            return None
        # a label word under 三级 is a shifted label unless the half prints its own 二级
        # (``服务对象满意度`` is also a 三级指标 name); under 指标值 it always is
        if at(value) and kind(at(value)) != "text":
            return None
        if at(name) and kind(at(name)) == "l1" or (not at(l2) and kind(at(name)) == "l2"):
            return None
    if cols.year and not at(cols.year[1]) and mirrors(at(cols.period[1]), at(cols.year[2])):
        return None  # the 年度 name slid into the value column

    def pair(half: tuple[int, int, int] | None) -> Pair | None:
        if half is None or not (at(half[1]) or at(half[2])):
            return None
        return make_pair(at(half[1]), at(half[2]))

    return RowReading(
        level1=at(cols.level1), period_level2=at(cols.period[0]),
        year_level2=at(cols.year[0]) if cols.year else "", period=pair(cols.period), year=pair(cols.year),
    )
