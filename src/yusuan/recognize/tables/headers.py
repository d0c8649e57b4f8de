"""Header rows: where they end, each column's header path, and what each column means.

Header rows are read from the top of the grid until every column has a meaning in the template
or a row reads as data (an amount, a code, an enumerated label, 合计 in the first cell). The
column-number row (``1 2 3 4 5``) is a header wherever it stands at the top.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import ColumnKind
from ...text.folding import fold, squash
from ...sources.raw import RawLine
from ..numbers import is_amount_text
from . import templates as tp
from .templates import LABEL, TableTemplate

MAX_HEADER_ROWS = 5
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")  # 类 款 项: 3, 5 or 7 digits
_YEAR = re.compile(r"^(19|20)\d{2}$")  # a header may print a bare year; it is not data
_COLUMN_MARKS = {"栏次", "甲", "乙", "丙", "丁", "**", "*"}
# A top header naming a pane of columns printed again beside the year's own: an earlier year's figures
# (2025年预算数 beside 2026年预算数, 上年) or the change between them (增减变化情况).
_PANE_YEAR = re.compile(r"^((?:19|20)\d{2})年")
_PANE_LAST_YEAR = re.compile(r"^上年(预算|决算|执行)?数?$")  # not 上年结转: carried-over money, this year's
_PANE_BUDGET = re.compile(r"^(年初|全年|调整)?预算数$")
_ACTUAL = frozenset({"决算数"})
_PANE_CHANGE = re.compile(r"^(增减|变化|比上年|增长)")
_ENUMERATED = re.compile(r"^([一二三四五六七八九十]+、|[①-⑳]|\(?[0-9]+[)）.、])")


@dataclass(frozen=True)
class GridColumn:
    """A grid column: its position, what it means (`key`, "" if nothing) and its printed header path."""

    index: int
    key: str
    label: str
    kind: ColumnKind = ColumnKind.AMOUNT
    side: str | None = None


@dataclass(frozen=True)
class Layout:
    columns: tuple[GridColumn, ...]
    header: tuple[RawLine, ...]  # header rows, the column-number row included

    def complete(self) -> bool:
        """Every column has a meaning (an unheaded column read as the name's continuation may still
        get a header from a lower row, so it does not end the header)."""
        return all(c.key and c.label for c in self.columns)


def is_column_numbers(line: RawLine) -> bool:
    """The column-number row: ``1 2 3 4 5 6 7`` (perhaps after 栏次 or 甲 乙), numbered 1, 2, 3 … in order.
    A mark makes a shorter row one too: a two-sided 决算 总表 numbers its sides ``栏次 1 | 栏次 2``, and
    西安 prints ``** ** ** **`` under a header whose columns it does not number."""
    filled = [fold(c) for c in line.cells if c.strip()]
    numbers = [c for c in filled if c not in _COLUMN_MARKS]
    if numbers != [str(i) for i in range(1, len(numbers) + 1)]:
        return False
    return len(numbers) >= 3 or (len(numbers) < len(filled) and len(filled) >= 2)


def reads_as_data(line: RawLine, template: TableTemplate | None) -> bool:
    cells = [fold(c) for c in line.cells]
    totals = template.totals if template else tp.DEFAULT_TOTALS
    if cells and cells[0] in totals:
        # 合计 heads a header row too (Shanghai's 三公 table: 合计 | 因公出国(境)费 | …), where the other
        # cells are words; a total row prints figures or nothing.
        return not any(c and not is_amount_text(c) for c in cells[1:])
    return any((is_amount_text(c) and not _YEAR.match(c)) or _CODE.match(c) or _ENUMERATED.match(c)
               for c in cells if c)


def _last_filled(line: RawLine) -> int:
    return max((i + 1 for i, c in enumerate(line.cells) if c.strip()), default=0)


def header_paths(rows: list[RawLine], width: int) -> list[list[str]]:
    """Each column's header path, top to bottom. An empty cell under a spanning header inherits
    the header on its left when a lower header row has text in that column (merged cells print
    their text once, in the first column of the span)."""
    grid = [[squash(c) for c in r.cells] + [""] * (width - len(r.cells)) for r in rows]
    paths: list[list[str]] = [[] for _ in range(width)]
    for r, cells in enumerate(grid):
        filled = list(cells[:width])
        before = [list(p) for p in paths]
        for c in range(1, width):
            below = any(grid[k][c] for k in range(r + 1, len(grid)))
            if not filled[c] and below and filled[c - 1] and before[c] == before[c - 1]:
                filled[c] = filled[c - 1]
        for c in range(width):
            if filled[c]:
                paths[c].append(filled[c])
    return paths


def _side(path: list[str]) -> str | None:
    label = "/".join(fold(p) for p in path)
    return next((side for side, p in tp.SIDE_PATTERNS if re.search(p, label)), None) if path else None


def _continues_label(out: list[GridColumn], side: str | None) -> bool:
    """An unheaded column right of the name column (on its side) continues the name: the header
    ``项目名称`` is merged over both, the rows print ``一般公共预算资金 | 小计``."""
    return bool(out) and out[-1].side == side and (out[-1].key == LABEL or tp.is_label_part(out[-1].key))


def _panes(paths: list[list[str]]) -> list[str]:
    """Each column's pane: "" for this year's figures, ``last_year_`` for an earlier year's, ``change_``
    for the differences; the latest year a header prints is this year's."""
    years = [int(m.group(1)) if path and (m := _PANE_YEAR.match(fold(path[0]))) else None for path in paths]
    latest = max((y for y in years if y), default=None)
    tops = {fold(path[0]) for path in paths if path}
    out = []
    for path, year in zip(paths, years):
        top = fold(path[0]) if path else ""
        if year and latest and year < latest or _PANE_LAST_YEAR.match(top):
            out.append("last_year_")
        elif _PANE_BUDGET.match(top) and len(path) > 1 and tops & _ACTUAL:
            out.append("budget_")  # a 决算 table's 预算数 pane beside its 决算数 pane
        elif _PANE_CHANGE.match(top) and len(path) > 1:
            out.append("change_")
        else:
            out.append("")
    return out


def _meaning(label: str, pane: str) -> str:
    """The folded header path a spec is matched against: a pane's own top header dropped."""
    folded = fold(label)
    if not pane:
        return folded
    return folded.split("/", 1)[1] if "/" in folded else _PANE_YEAR.sub("", folded)


def map_columns(template: TableTemplate | None, paths: list[list[str]]) -> tuple[GridColumn, ...]:
    """Each column's meaning by its header path: the first unused spec whose pattern matches (per
    pane: an earlier year's columns are named ``last_year_<key>``, the changes ``change_<key>``)."""
    used: set[tuple[str, str | None]] = set()
    out = []
    for i, (path, pane) in enumerate(zip(paths, _panes(paths))):
        label = "/".join(path)
        side = _side(path) if template and template.two_sided else None
        spec = None
        if template and path:
            meaning = _meaning(label, pane)
            spec = next((s for s in template.columns if s.side == side and (pane + s.key, side) not in used
                         and re.search(s.pattern, meaning)), None)
        if spec:
            key = spec.key if spec.key in (*tp.CODE_PARTS, LABEL) or tp.is_label_part(spec.key) else pane + spec.key
            used.add((key, side))
            out.append(GridColumn(i, key, label, spec.kind, side))
        elif template and template.text_columns and path and re.search(template.text_columns, fold(label)):
            out.append(GridColumn(i, f"text{i + 1}", label, ColumnKind.TEXT, side))
        elif template and not path and _continues_label(out, side):
            out.append(GridColumn(i, f"{tp.LABEL_PART_PREFIX}{i + 1}", "", ColumnKind.TEXT, side))
        else:
            out.append(GridColumn(i, "", label, ColumnKind.AMOUNT, side))
    return tuple(out)


def read_header(grid: tuple[RawLine, ...], template: TableTemplate | None) -> tuple[Layout, int]:
    """The layout and the index of the first data row. A generic table has one header row."""
    rows: list[RawLine] = []
    layout = Layout((), ())
    width = max((_last_filled(r) for r in grid), default=0)  # a header must cover every printed column
    i = 0
    while i < len(grid):
        line = grid[i]
        if not is_column_numbers(line):
            done = layout.complete() and rows
            if done or reads_as_data(line, template) or len(rows) >= MAX_HEADER_ROWS:
                break
            if template is None and rows:
                break
            rows.append(line)
        layout = Layout(map_columns(template, header_paths(rows, width)), (*layout.header, line))
        i += 1
    return layout, i
