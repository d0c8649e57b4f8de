"""PDF (WeasyPrint): the publication from the HTML templates in print mode.

A4 pages with the page number in the footer, the contents with page numbers (CSS
``target-counter``), each table on a new page (wide ones landscape) with its header rows repeated
on every page it runs over (``thead``), static PNG charts. Fonts: Debian's Noto CJK (fonts-noto-cjk),
found by fontconfig; WeasyPrint needs Pango (libpango-1.0-0, libpangoft2-1.0-0).

Speed (bench/bench_render.py): the HTML is made here, the layout runs in a forked child with the
garbage collector off (isolated.py), and WeasyPrint's user-agent sheet is used without its rules
for every element's ``::marker``/``::footnote-*``/``::note-*`` pseudo-elements, which this
publication never shows but whose styles WeasyPrint would otherwise compute for all ~10,000
elements.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..model import Disclosure
from ..files import write_atomic
from .html import publication_html
from .isolated import isolated
from .registry import Renderer

# Rules of html5_ua.css that match every element; ``::marker`` is kept for list items.
_UNIVERSAL_PSEUDO = re.compile(r"^::(footnote-call|footnote-marker|note-call|note-marker|note-callback) \{[^}]*\}\n", re.M)


def user_agent_css(ua: str) -> str:
    """WeasyPrint's user-agent sheet without the per-element pseudo-element rules."""
    return _UNIVERSAL_PSEUDO.sub("", ua.replace("\n::marker {", "\nli::marker {"))


@lru_cache(maxsize=1)
def _document_class():
    from weasyprint import CSS, HTML
    from weasyprint.html import UA, UA_COUNTER_STYLE

    sheet = CSS(string=user_agent_css(UA), counter_style=UA_COUNTER_STYLE)

    class PublicationHTML(HTML):
        def _ua_stylesheets(self, *args, **kwargs):  # WeasyPrint's hook for its default sheets
            return [sheet]

    return PublicationHTML


def _print(html: str) -> bytes:
    return _document_class()(string=html, base_url=".").write_pdf()


def pdf_bytes(d: Disclosure) -> bytes:
    _document_class()  # built once in this process, inherited by every child
    return isolated(_print, publication_html(d, mode="print"))


def write_pdf(d: Disclosure, path: Path) -> Path:
    return write_atomic(path, pdf_bytes(d))


RENDERER = Renderer("pdf", ".pdf", write_pdf, "印刷版（PDF）")
