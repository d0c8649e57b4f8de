"""PDF (WeasyPrint): the publication from the HTML templates in print mode.

A4 pages with the page number in the footer, the contents with page numbers (CSS
``target-counter``), each table on a new page (wide ones landscape) with its header rows repeated
on every page it runs over (``thead``), static PNG charts. Fonts: Debian's Noto CJK (fonts-noto-cjk),
found by fontconfig; WeasyPrint needs Pango (libpango-1.0-0, libpangoft2-1.0-0).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Disclosure
from .files import write_atomic
from .html import publication_html
from .registry import Renderer


def pdf_bytes(d: Disclosure) -> bytes:
    from weasyprint import HTML

    return HTML(string=publication_html(d, mode="print"), base_url=".").write_pdf()


def write_pdf(d: Disclosure, path: Path) -> Path:
    return write_atomic(path, pdf_bytes(d))


RENDERER = Renderer("pdf", ".pdf", write_pdf, "印刷版（PDF）")
