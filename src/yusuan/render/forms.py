"""A 项目支出绩效目标表 laid out as a grid of spanning cells (8 columns, as the forms print).

Shared by DOCX and HTML/PDF so every format prints the same form. Indicators of 实施期 and 年度
stand side by side, paired by the source line they were read from (else in order); a 一级/二级
indicator name is printed where it changes, as the forms do.

Funding sources printed under other labels (``财政拨款`` … ``债券(债务)``) follow the standard rows
as the reference prints them: the 实施期 amount, the label once in the 年度 label column, the 年度
amount. A form that printed only such lines (no 资金总额) prints no empty standard rows. The
``负责人 … 填报日期`` footer below the grid carries the 填报日期 when one was printed.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from ..model import Amount, Funding, Indicator, PerformanceTarget
from .amounts import amount_text
from .headers import HeaderCell as Cell

WIDTH = 8
FUNDING_ROWS = (
    ("total", "实施期资金总额：", "年度资金总额："),
    ("central", "其中：中央财政资金", "其中：中央财政资金"),
    ("provincial", "省级财政资金", "省级财政资金"),
    ("local", "市县（区）财政资金", "市县（区）财政资金"),
    ("self_raised", "单位自筹", "单位自筹"),
    ("other", "其他资金", "其他资金"),
)
# Column widths (%): labels, then 实施期 and 年度 side by side.
WIDTHS = (6, 8, 9, 20, 12, 17, 16, 12)
FOOTER = ("负责人：", "经办人：", "联系电话：", "填报日期：")
INDICATOR_HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值")


@dataclass(frozen=True)
class Form:
    title: str
    subtitle: str
    rows: int
    cells: tuple[Cell, ...]
    label_cells: frozenset[tuple[int, int]]  # (row, col) of cells that are labels, for styling
    footer: tuple[str, ...] = ()  # 负责人 … 填报日期 cells below the grid; () when no date was printed


def _money(a: Amount | None) -> str:
    return amount_text(a, comma=a.places == 0) if a else ""


def _amounts(f: Funding) -> tuple[Amount | None, ...]:
    return (f.total, *(a for _, a in f.sources()), *(line.amount for line in f.lines))


def _unit(t: PerformanceTarget) -> str:
    printed = [a for a in (*_amounts(t.funding_period), *_amounts(t.funding_year)) if a is not None]
    return printed[0].unit.value if printed else "元"


def _funding_rows(t: PerformanceTarget) -> list[tuple[str, str, str, str]]:
    """(实施期 label, amount, 年度 label, amount) per printed funding row."""
    p, y = t.funding_period, t.funding_year
    lines_only = (p.lines or y.lines) and all(a is None for f in (p, y) for a in _amounts(f)[:6])
    rows = [] if lines_only else [
        (pl, _money(getattr(p, key)), yl, _money(getattr(y, key))) for key, pl, yl in FUNDING_ROWS]
    in_year = {line.label: line for line in y.lines}
    for line in p.lines:  # a label in both columns is printed once, between the two amounts
        both = in_year.pop(line.label, None)
        rows.append(("", _money(line.amount), line.label, _money(both.amount)) if both
                    else (line.label, _money(line.amount), "", ""))
    # Only in 年度: no printed layout tells it apart from a 实施期 line; the reader takes it as 实施期's.
    rows += [("", "", line.label, _money(line.amount)) for line in in_year.values()]
    return rows


def _pairs(t: PerformanceTarget) -> list[tuple[Indicator | None, Indicator | None]]:
    period, year = t.indicators_for("period"), t.indicators_for("year")
    if all(i.provenance.line is not None for i in (*period, *year)):
        lines = sorted({ln for i in (*period, *year) if (ln := i.provenance.line) is not None})
        by = {(i.scope, i.provenance.line): i for i in (*period, *year)}
        if len(by) == len(period) + len(year):
            return [(by.get(("period", ln)), by.get(("year", ln))) for ln in lines]
    return list(zip_longest(period, year))


class _Grid:
    """The cells put row by row; `put` and `next` return the grid so a printed row reads as one line."""

    def __init__(self) -> None:
        self.row = 0
        self.cells: list[Cell] = []
        self.labels: set[tuple[int, int]] = set()

    def put(self, col: int, text: str, colspan: int = 1, rowspan: int = 1, label: bool = False) -> _Grid:
        self.cells.append(Cell(self.row, col, text, rowspan, colspan))
        if label:
            self.labels.add((self.row, col))
        return self

    def next(self) -> _Grid:
        self.row += 1
        return self


def form(t: PerformanceTarget) -> Form:
    g = _Grid()
    g.put(0, "项目名称", 3, label=True), g.put(3, t.project_name, 5), g.next()
    dept = "-".join(p for p in (t.department_code, t.competent_department) if p)
    g.put(0, "主管部门及代码", 3, label=True), g.put(3, dept, 2), g.put(5, "实施单位", label=True)
    g.put(6, t.implementing_unit, 2), g.next()
    g.put(0, "项目属性", 3, label=True), g.put(3, t.attribute, 2), g.put(5, "项目期", label=True)
    g.put(6, t.period, 2), g.next()
    funding = _funding_rows(t)
    g.put(0, f"项目资金（{_unit(t)}）", 3, rowspan=len(funding), label=True)
    for p_label, p_money, y_label, y_money in funding:
        g.put(3, p_label, label=True), g.put(4, p_money)
        g.put(5, y_label, label=True), g.put(6, y_money, 2), g.next()
    for field in t.texts:
        g.put(0, field.label, 3, label=True), g.put(3, field.text, 5), g.next()
    g.put(0, "", 3, label=True), g.put(3, "实施期目标", 2, label=True), g.put(5, "年度目标", 3, label=True), g.next()
    g.put(0, "总体目标", 3, label=True), g.put(3, t.goal_period, 2), g.put(5, t.goal_year, 3), g.next()
    _indicators(g, t)
    cells = tuple(sorted(g.cells, key=lambda c: (c.row, c.col)))  # printed order within a row
    footer = (*FOOTER[:-1], FOOTER[-1] + t.filled_on) if t.filled_on else ()
    subtitle = f"（{t.year_label}）" if t.year_label else ""
    return Form(t.title, subtitle, g.row, cells, frozenset(g.labels), footer)


def _indicators(g: _Grid, t: PerformanceTarget) -> None:
    pairs = _pairs(t)
    for col, text in enumerate(INDICATOR_HEADER):
        if col:
            g.put(col, text, label=True)
    g.put(0, INDICATOR_HEADER[0], rowspan=len(pairs) + 1, label=True)
    g.next()
    last: tuple[str, str, str] = ("", "", "")
    for p, y in pairs:
        first = p or y
        level1 = first.level1 if first and first.level1 != last[0] else ""
        g.put(1, level1)
        g.put(2, p.level2 if p and (p.level2 != last[1] or level1) else "")
        g.put(3, p.name if p else ""), g.put(4, p.value if p else "")
        g.put(5, y.level2 if y and (y.level2 != last[2] or level1) else "")
        g.put(6, y.name if y else ""), g.put(7, y.value if y else "")
        last = (first.level1 if first else last[0], p.level2 if p else last[1], y.level2 if y else last[2])
        g.next()
