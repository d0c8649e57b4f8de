"""Drawing the charts: static PNGs (matplotlib, Agg backend, Debian's Noto CJK font) for DOCX and
PDF, ECharts options for the HTML page. What a chart shows is decided in charts.py."""
from __future__ import annotations

import io
import subprocess
from functools import lru_cache

from .charts import Chart

NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


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
