"""Charts: what each chart shows (pure data from the tables) and how it is drawn.

Four charts: 三公经费分布图 (the 三公 table's items), 支出功能分类 (the 支出总表's 类 rows),
基本支出与项目支出 (its total row), 与上年对比 (only where a table holds last year's figures in a
column keyed ``last_year``; the Shanxi tables print none, so the chart is skipped for them).
Static PNGs (matplotlib, Agg, Noto CJK) serve DOCX and PDF; ECharts options serve HTML.
"""
from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import Disclosure, RowRole, Table, TableKind

LAST_YEAR_KEYS = ("last_year", "previous_year")
NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


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
    items = [(k, v) for k, v in _leaf_items(t)] if t else []
    if not items or not any(v for _, v in items):
        return None
    return Chart("three_public", "三公经费分布图", "pie", *_unzip(items), t.unit.value)


def _expenditure(d: Disclosure) -> Table | None:
    return d.table(TableKind.EXPENDITURE_SUMMARY) or d.table(TableKind.GENERAL_EXPENDITURE)


def by_function(d: Disclosure) -> Chart | None:
    t = _expenditure(d)
    rows = [(r.label, r.number("total")) for r in t.rows if r.code and len(r.code) == 3] if t else []
    if not rows:
        return None
    return Chart("by_function", "支出按功能分类（类）", "bar", *_unzip(rows), t.unit.value)


def basic_project(d: Disclosure) -> Chart | None:
    t = _expenditure(d)
    total = t.total_row() if t else None
    if total is None or not (total.number("basic") or total.number("project")):
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


# -- drawing ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cjk_font_path() -> str:
    """A CJK font file: fontconfig's match for Noto Sans CJK SC, else the Debian package's path."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC:lang=zh-cn"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        if out and "CJK" in out:
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    return NOTO_CJK


def png(chart: Chart, dpi: int = 150) -> bytes:
    """The chart as a PNG image."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font = font_manager.FontProperties(fname=cjk_font_path())
    fig = Figure(figsize=(6.4, 3.6), dpi=dpi)
    ax = fig.add_subplot()
    if chart.kind == "pie":
        _pie(ax, chart, font)
    else:
        _bars(ax, chart, font)
    ax.set_title(chart.title, fontproperties=font, fontsize=13)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _pie(ax, chart: Chart, font) -> None:
    shown = [(k, v) for k, v in zip(chart.labels, chart.values) if v > 0]
    total = sum(v for _, v in shown)
    labels = [f"{k} {v}{chart.unit}（{v / total:.1%}）" for k, v in shown]
    wedges, _ = ax.pie([float(v) for _, v in shown], startangle=90, counterclock=False)
    ax.legend(wedges, labels, prop=font, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    ax.axis("equal")


def _bars(ax, chart: Chart, font) -> None:
    series = chart.series or (("", chart.values),)
    width = 0.8 / len(series)
    for i, (name, values) in enumerate(series):
        xs = [j + i * width for j in range(len(chart.labels))]
        bars = ax.bar(xs, [float(v) for v in values], width, label=name or None)
        ax.bar_label(bars, labels=[str(v) for v in values], fontsize=8)
    ax.set_xticks([j + width * (len(series) - 1) / 2 for j in range(len(chart.labels))])
    ax.set_xticklabels(chart.labels, fontproperties=font, fontsize=8, rotation=15)
    ax.set_ylabel(chart.unit, fontproperties=font)
    if chart.series:
        ax.legend(prop=font)
    ax.spines[["top", "right"]].set_visible(False)


def echarts_option(chart: Chart) -> dict:
    """The ECharts option for the HTML page (amounts as printed strings turned to numbers there)."""
    title = {"text": chart.title, "left": "center", "textStyle": {"fontSize": 14}}
    if chart.kind == "pie":
        data = [{"name": k, "value": str(v)} for k, v in zip(chart.labels, chart.values) if v > 0]
        return {"title": title, "tooltip": {"trigger": "item", "formatter": f"{{b}}：{{c}}{chart.unit}（{{d}}%）"},
                "legend": {"bottom": 0}, "series": [{"type": "pie", "radius": "60%", "data": data}]}
    series = chart.series or (("金额", chart.values),)
    return {
        "title": title, "tooltip": {"trigger": "axis"}, "legend": {"bottom": 0, "show": bool(chart.series)},
        "grid": {"left": 60, "right": 20, "bottom": 80, "containLabel": True},
        "xAxis": {"type": "category", "data": list(chart.labels), "axisLabel": {"interval": 0, "rotate": 20}},
        "yAxis": {"type": "value", "name": chart.unit},
        "series": [{"type": "bar", "name": n, "label": {"show": True, "position": "top"},
                    "data": [str(v) for v in vs]} for n, vs in series],
    }


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
