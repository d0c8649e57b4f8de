"""PDF reader: PDFium (pypdfium2) to open, triage and take each page's characters and ruling lines;
pdfplumber's table algorithm to find the ruled tables in those lines.

Output is the text form's shape: a table row is one line with its cells in column order (spanned
and empty cells ""), a paragraph is one line with one cell, blank lines between blocks and at page
breaks. Text is kept as printed, except CJK radicals (an extraction artefact) mapped to ideographs.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .pdf_notes import off_page_notes, page_size, untexted_notes
from .pdf_page import Blank, Grid, read_page
from .pdf_pdfium import View, page_chars, page_edges
from .pdf_triage import open_pdf, triage
from .raw import RawDocument, RawLine


@dataclass(frozen=True)
class PdfSettings:
    """Bounds that keep a hostile or mistaken file from taking the machine.

    max_pages: more pages than this is refused (a disclosure has tens of pages, a few hundred at most).
    max_seconds: reading stops with an error after this long.
    max_page_objects: a page with more drawn objects than this is read as text only
        (table finding grows faster than linearly with the number of rules).
    max_page_chars: a page with more characters than this is refused (a dense page has 5,000).
    """

    max_pages: int = 300
    max_seconds: float = 300.0
    max_page_objects: int = 50_000
    max_page_chars: int = 100_000

    def __post_init__(self) -> None:
        if min(self.max_pages, self.max_page_objects, self.max_page_chars) < 1 or self.max_seconds <= 0:
            raise ValueError("PdfSettings bounds must be positive")


def read_pdf(path: Path, *, data: bytes | None = None, settings: PdfSettings = PdfSettings()) -> RawDocument:
    """Read a PDF disclosure into raw lines (pages 1-based, lines numbered over the whole document)."""
    data = path.read_bytes() if data is None else data
    doc = open_pdf(data)
    try:
        info = triage(doc, max_pages=settings.max_pages)
        lines = _Lines()
        sizes: dict[int, tuple[float, float]] = {}
        unseen: dict[int, str] = {}  # page → text drawn wholly outside it (left out, reported)
        started = time.monotonic()
        for number in range(1, info.pages + 1):
            if time.monotonic() - started > settings.max_seconds:
                raise InputError(
                    f"读取 PDF 超时（已用 {settings.max_seconds:.0f} 秒，读到第 {number} 页），文件可能异常复杂。",
                    code="input.pdf_timeout",
                )
            lines.blank(number)
            for item in _read(doc, number, settings, sizes, unseen):
                lines.add(item, number)
        blank_or_scanned = untexted_notes(doc, info.text_pages)
    finally:
        doc.close()
    read = lines.done()
    return RawDocument(
        file=path.name,
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=read,
        pages=info.pages,
        notes=(*blank_or_scanned, *off_page_notes(read, sizes, unseen)),
    )


def _read(doc, number: int, settings: PdfSettings, sizes: dict[int, tuple[float, float]],
          unseen: dict[int, str]) -> list:
    """One page's items; the page is closed afterwards so memory stays bounded by one page."""
    import pypdfium2 as pdfium

    try:
        page = doc[number - 1]
        textpage = page.get_textpage()
    except pdfium.PdfiumError as exc:
        raise InputError(f"PDF 文件已损坏，第 {number} 页无法解析。", code="input.pdf_corrupt", detail=str(exc)) from exc
    try:
        if textpage.count_chars() > settings.max_page_chars:
            raise InputError(
                f"PDF 第 {number} 页有 {textpage.count_chars()} 个字符，超过上限 {settings.max_page_chars}，"
                "不像预算公开文件的页面。",
                code="input.pdf_page_too_dense",
            )
        view = View.of(page)
        sizes[number] = page_size(page)
        chars = page_chars(textpage, view)
        shown = [c for c in chars if view.shows(c.x0, c.top, c.x1, c.bottom)]
        if len(shown) < len(chars):
            unseen[number] = "".join(c.text for c in chars if not view.shows(c.x0, c.top, c.x1, c.bottom))
            chars = shown
        edges = page_edges(page, view, settings.max_page_objects)
        return read_page(chars, edges)
    finally:
        textpage.close()
        page.close()


class _Lines:
    """Collects RawLines with running numbers; blank lines never doubled nor leading."""

    def __init__(self) -> None:
        self._out: list[RawLine] = []

    def blank(self, page: int) -> None:
        if self._out and not self._out[-1].is_blank:
            self._out.append(RawLine(cells=(), line=len(self._out) + 1, page=page))

    def add(self, item, page: int) -> None:
        if isinstance(item, Blank):
            self.blank(page)
        elif isinstance(item, Grid):
            self.blank(page)
            for row in item.rows:
                self._append(row.cells, page, len(row.cells) > 1, row.boxes)
            self.blank(page)
        else:
            self._append(item.cells, page, len(item.cells) > 1, item.boxes)

    def _append(self, cells, page, is_row, boxes) -> None:
        self._out.append(RawLine(cells=cells, line=len(self._out) + 1, page=page, is_row=is_row, bboxes=boxes))

    def done(self) -> tuple[RawLine, ...]:
        out = self._out[:-1] if self._out and self._out[-1].is_blank else self._out
        return tuple(out)
