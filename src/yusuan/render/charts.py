"""Charts: what each chart shows (pure data from the tables) and how it is drawn.

Four charts: 三公经费分布图 (the 三公 table's items), 支出功能分类 (the 支出总表's 类 rows),
基本支出与项目支出 (its total row), 与上年对比 (only where a table holds last year's figures in a
column keyed ``last_year``; the Shanxi tables print none, so the chart is skipped for them).
Drawing (PNG for DOCX/PDF, ECharts options for HTML) is in chart_draw.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Disclosure, RowRole, Table, TableKind

LAST_YEAR_KEYS = ("last_year", "previous_year")


@dataclass(frozen=True)
class Chart:
    """id: stable (``three_public``); kind: ``pie`` or ``bar``; values in `unit`, exact."""

    id: str
    title: str
    kind: str
    labels: tuple[str, ...]
    values: tuple[Decimal, ...]
    unit: str
    series: tuple[tuple[str, tuple[Decimal, ...]], ...] = ()  # a grouped bar chart's named series


def _leaf_items(t: Table) -> list[tuple[str, Decimal]]:
    """The 三公 items without the group that sums the two 公务用车 items."""
    return [(re.sub(r"^[①-⑳]", "", r.label), r.number("total")) for r in t.rows if r.role is RowRole.ITEM]


def three_public(d: Disclosure) -> Chart | None:
    t = d.table(TableKind.THREE_PUBLIC)
    items = _leaf_items(t) if t else []
    if t is None or not items or not any(v for _, v in items):
        return None
    return Chart("three_public", "三公经费分布图", "pie", *_unzip(items), t.unit.value)


def _expenditure(d: Disclosure) -> Table | None:
    return d.table(TableKind.EXPENDITURE_SUMMARY) or d.table(TableKind.GENERAL_EXPENDITURE)


def by_function(d: Disclosure) -> Chart | None:
    t = _expenditure(d)
    rows = [(r.label, r.number("total")) for r in t.rows if r.code and len(r.code) == 3] if t else []
    if t is None or not rows:
        return None
    return Chart("by_function", "支出按功能分类（类）", "bar", *_unzip(rows), t.unit.value)


def basic_project(d: Disclosure) -> Chart | None:
    t = _expenditure(d)
    total = t.total_row() if t else None
    if t is None or total is None or not (total.number("basic") or total.number("project")):
        return None
    values = (total.number("basic"), total.number("project"))
    return Chart("basic_project", "基本支出与项目支出", "pie", ("基本支出", "项目支出"), values, t.unit.value)


def year_over_year(d: Disclosure) -> Chart | None:
    t = _expenditure(d)
    key = next((k for k in LAST_YEAR_KEYS if t and t.column(k)), None) if t else None
    if t is None or key is None:
        return None
    rows = [r for r in t.rows if r.code and len(r.code) == 3]
    labels = tuple(r.label for r in rows)
    series = (("上年", tuple(r.number(key) for r in rows)), ("本年", tuple(r.number("total") for r in rows)))
    return Chart("year_over_year", "与上年对比", "bar", labels, series[1][1], t.unit.value, series)


CHARTS = (three_public, by_function, basic_project, year_over_year)


def charts(d: Disclosure) -> tuple[Chart, ...]:
    """Every chart the disclosure has data for, in a fixed order."""
    return tuple(c for make in CHARTS if (c := make(d)) is not None)


def _unzip(pairs: list[tuple[str, Decimal]]) -> tuple[tuple[str, ...], tuple[Decimal, ...]]:
    return tuple(k for k, _ in pairs), tuple(v for _, v in pairs)


# A paragraph that names a chart (the publication prints the caption where the figure stands).
MENTIONS = (
    ("three_public", r"三公经费.{0,4}(分布|结构|构成)?图"),
    ("by_function", r"功能分类.{0,6}图|支出结构.{0,4}图"),
    ("basic_project", r"基本支出.{0,6}项目支出.{0,6}图"),
    ("year_over_year", r"(上年|对比|比较).{0,6}图"),
)


def mentioned(text: str) -> str | None:
    """The chart id a short caption paragraph names, or None."""
    if len(text) > 30:
        return None
    return next((cid for cid, pattern in MENTIONS if re.search(pattern, text)), None)
