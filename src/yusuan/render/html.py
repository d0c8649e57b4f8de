"""HTML: the publication as one page with a navigation pane and interactive ECharts charts.

The page is self-contained by default: CSS and the project's vendored ECharts
(``web/static/vendor/echarts-5.6.0.min.js``) are inlined, so the file opens offline, anywhere,
with no CDN. `html_page(d, echarts_src="…")` references a script path instead, for pages written
next to a served copy of the library. The same templates, in ``print`` mode, feed the PDF.
"""
from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from ..model import Disclosure, RowRole
from .chart_draw import echarts_option, png
from .document import ChartBlock, Publication, TargetBlock, publication
from ..files import write_atomic
from .forms import WIDTHS, form
from .grid import PrintedTable
from .headers import HeaderCell
from .registry import Renderer

TEMPLATES = Path(__file__).parent / "templates"
ECHARTS = Path(__file__).resolve().parent.parent / "web" / "static" / "vendor" / "echarts-5.6.0.min.js"


def _rows(cells: tuple[HeaderCell, ...], count: int) -> list[list[HeaderCell]]:
    rows: list[list[HeaderCell]] = [[] for _ in range(count)]
    for c in cells:
        rows[c.row].append(c)
    return rows


# Relative column widths by what a column holds (fixed layout: fast to print, stable on screen).
WEIGHTS = {"code": 1.0, "label": 3.2, "amount": 1.25, "text": 2.2}


def col_widths(pt: PrintedTable) -> list[str]:
    weights = [WEIGHTS[c.kind] for c in pt.columns]
    return [f"{100 * w / sum(weights):.2f}" for w in weights]


def header_rows(pt: PrintedTable) -> list[list[HeaderCell]]:
    return _rows(pt.header, pt.depth)


# Body lines a table may have to be set tighter so that it fits one page (portrait A4 holds about 30
# at the normal size, 45 tight); and how many lines stay with the totals at a table's foot.
COMPACT_LINES = range(26, 46)
KEEP_WITH_TOTAL = 5
_TOTALS = (RowRole.TOTAL, RowRole.SUBTOTAL)


def compact(pt: PrintedTable) -> bool:
    return len(pt.lines) in COMPACT_LINES


def keep_with_total(pt: PrintedTable) -> frozenset[int]:
    """Lines that must not start a page: when one of the last three lines is a total, the last
    KEEP_WITH_TOTAL lines but the first, so a page never carries the totals with a row or none above."""
    n = len(pt.lines)
    if n <= 1 or not any(line.role in _TOTALS for line in pt.lines[-3:]):
        return frozenset()
    return frozenset(range(max(1, n - KEEP_WITH_TOTAL + 1), n))


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(header_rows=header_rows, col_widths=col_widths, compact=compact, keep_with_total=keep_with_total,
                       form_widths=WIDTHS, form_rows=lambda f: _rows(f.cells, f.rows))
    return env


@lru_cache(maxsize=2)
def _text(name: str) -> str:
    path = ECHARTS if name == "echarts" else TEMPLATES / name
    return path.read_text(encoding="utf-8")


def _images(pub: Publication) -> dict[str, str]:
    """PNG charts as data URIs, for the printed (PDF) form; only those the text places."""
    placed = {b.chart.id for b in pub.body if isinstance(b, ChartBlock)}
    return {c.id: "data:image/png;base64," + base64.b64encode(png(c)).decode() for c in pub.charts if c.id in placed}


def publication_html(d: Disclosure, mode: str = "web", echarts_src: str | None = None,
                     pub: Publication | None = None, front: bool = True) -> str:
    """The page's HTML. mode ``web``: navigation and ECharts; ``print``: cover, contents with page
    numbers, static PNG charts, print CSS (for WeasyPrint). `pub` and `front` let the PDF lay out
    a part of the publication (a chunk of target forms without cover and contents)."""
    pub = pub or publication(d)
    css = _text("common.css") + _text("web.css" if mode == "web" else "print.css")
    web = mode == "web"
    return _env().get_template("publication.html").render(
        pub=pub, mode=mode, css=css, front=front,
        forms={b.anchor: form(b.target) for b in pub.body if isinstance(b, TargetBlock)},
        images={} if web else _images(pub),
        chart_options={c.id: echarts_option(c) for c in pub.charts} if web else {},
        echarts_src=echarts_src, echarts_js=_text("echarts") if web and not echarts_src and pub.charts else "",
    )


def write_html(d: Disclosure, path: Path) -> Path:
    return write_atomic(path, publication_html(d).encode("utf-8"))


RENDERER = Renderer("html", ".html", write_html, "网页（HTML，含导航与图表）")
