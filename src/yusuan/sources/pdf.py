"""PDF reader: PDFium (pypdfium2) to open, triage and take each page's characters and ruling lines;
pdfplumber's table algorithm to find the ruled tables in those lines.

Output is the text form's shape: a table row is one line with its cells in column order (spanned
and empty cells ""), a paragraph is one line with one cell, blank lines between blocks and at page
breaks. Text is kept as printed, except CJK radicals (an extraction artefact) mapped to ideographs.
A damaged page is skipped and reported as a read note; the others are read as usual.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .pdf_chars import REPLACEMENT, has_text, page_chars, page_codes
from .pdf_contents import MAX_PAGE_CONTENT, oversized_pages
from .pdf_notes import clipped_notes, off_page_notes, untexted_notes
from .pdf_page import Blank, Grid, read_page
from .pdf_overprint import without_overprints
from .pdf_pdfium import View, page_edges
from .pdf_triage import open_pdf, page_count, verdict
from .raw import RawDocument, RawLine, ReadNote


@dataclass(frozen=True)
class PdfSettings:
    """Bounds that keep a hostile or mistaken file from taking the machine.

    max_pages: more pages than this is refused (a disclosure has tens of pages, a few hundred at most).
    max_seconds: reading stops with an error after this long.
    max_page_objects: a page with more drawn objects than this is read as text only
        (table finding grows faster than linearly with the number of rules).
    max_page_chars: a page with more characters than this is refused (a dense page has 5,000).
    max_page_content: a page whose content streams inflate past this many bytes is not loaded
        (reported as too large): PDFium would hold it whole in memory.
    """

    max_pages: int = 300
    max_seconds: float = 300.0
    max_page_objects: int = 50_000
    max_page_chars: int = 100_000
    max_page_content: int = MAX_PAGE_CONTENT

    def __post_init__(self) -> None:
        if min(self.max_pages, self.max_page_objects, self.max_page_chars, self.max_page_content) < 1 or self.max_seconds <= 0:
            raise ValueError("PdfSettings bounds must be positive")


def read_pdf(path: Path, *, data: bytes | None = None, settings: PdfSettings = PdfSettings()) -> RawDocument:
    """Read a PDF disclosure into raw lines (pages 1-based, lines numbered over the whole document)."""
    data = path.read_bytes() if data is None else data
    doc = open_pdf(data)
    try:
        count = page_count(doc, settings.max_pages)
        too_large = tuple(sorted(oversized_pages(data, settings.max_page_content)))
        lines = _Lines()
        notes: list[ReadNote] = []
        sizes: dict[int, tuple[float, float]] = {}
        unseen: dict[int, str] = {}  # page → text drawn wholly outside it (left out, reported)
        clipped: dict[int, str] = {}  # page → text its clip path hides (left out, reported)
        looks: list[bool | None] = []  # per page: carries text; None when PDFium could not load it
        started = time.monotonic()
        for number in range(1, count + 1):
            if time.monotonic() - started > settings.max_seconds:
                raise InputError(
                    f"读取 PDF 超时（已用 {settings.max_seconds:.0f} 秒，读到第 {number} 页），文件可能异常复杂。",
                    code="input.pdf_timeout",
                )
            lines.blank(number)
            if number in too_large:
                notes.append(_too_large_note(number, settings.max_page_content))
                looks.append(False)
                continue
            page = _read(doc, number, settings, sizes, unseen, clipped)
            looks.append(None if page is None else page.has_text)
            notes += _notes(number, page)
            for item in page.items if page else ():
                lines.add(item, number)
        info = verdict(looks, too_large)
        # a damaged page is reported as damaged, not looked at again for blank or scanned
        looked = tuple(has_text is not False or i in too_large for i, has_text in enumerate(looks, start=1))
        notes += untexted_notes(doc, looked)
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
        notes=tuple(sorted((*notes, *off_page_notes(read, sizes, unseen), *clipped_notes(clipped, read)),
                           key=lambda n: n.page or 0)),
    )


# A page with fewer characters of text than this has no text layer (blank, or a scan).
_MIN_TEXT = 5


@dataclass(frozen=True)
class _Page:
    items: list
    replaced: int  # characters the text layer could not encode, read as U+FFFD
    has_text: bool  # a few characters at least (else: blank, or a scan)


def _too_large_note(number: int, limit: int) -> ReadNote:
    return ReadNote("read.page_too_large",
                    f"PDF 第 {number} 页的内容解压后超过上限 {limit // 1048576} MB，"
                    "疑似“压缩炸弹”或已损坏，未读取该页。", number)


def _notes(number: int, page: _Page | None) -> list[ReadNote]:
    """What the reader must say about a page it read: damaged, or with unreadable characters."""
    if page is None:
        return [ReadNote("read.page_damaged", f"PDF 第 {number} 页已损坏，无法解析，其内容未能读取。", number)]
    if page.replaced:
        return [ReadNote("read.bad_characters",
                         f"PDF 第 {number} 页有 {page.replaced} 个字符的编码无效（文字层已损坏），已显示为“{REPLACEMENT}”。",
                         number)]
    return []


def _read(doc, number: int, settings: PdfSettings, sizes: dict[int, tuple[float, float]],
          unseen: dict[int, str], clipped: dict[int, str]) -> _Page | None:
    """One page's items (None when the page is damaged); the page is closed afterwards so memory
    stays bounded by one page. Text outside the page or outside its clip path is left out and
    named in `unseen` / `clipped`."""
    import pypdfium2 as pdfium

    try:
        page = doc[number - 1]
    except pdfium.PdfiumError:
        return None
    try:
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        page.close()
        return None
    try:
        codes = page_codes(textpage)
        if len(codes[0]) > settings.max_page_chars:
            raise InputError(
                f"PDF 第 {number} 页有 {len(codes[0])} 个字符，超过上限 {settings.max_page_chars}，"
                "不像预算公开文件的页面。",
                code="input.pdf_page_too_dense",
            )
        view = View.of(page, textpage)
        sizes[number] = view.size
        chars = without_overprints(page_chars(textpage, view, page, codes[0]))
        width, height = view.size  # View.shows, inline
        on_page = [c for c in chars if c.x1 > 0 and c.x0 < width and c.bottom > 0 and c.top < height]
        if len(on_page) < len(chars):
            unseen[number] = "".join(c.text for c in chars if not view.shows(c.x0, c.top, c.x1, c.bottom))
        shown = [c for c in on_page if not c.clipped]
        if len(shown) < len(on_page):
            clipped[number] = "".join(c.text for c in on_page if c.clipped)
        edges = page_edges(page, view, settings.max_page_objects)
        return _Page(read_page(shown, edges), [c.text for c in shown].count(REPLACEMENT),
                     has_text(textpage, codes, _MIN_TEXT))
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
                self._append(row.cells, page, len(row.cells) > 1, row.boxes, row.cut_above)
            self.blank(page)
        else:
            self._append(item.cells, page, len(item.cells) > 1, item.boxes)

    def _append(self, cells, page, is_row, boxes, cut_above=False) -> None:
        self._out.append(RawLine(cells=cells, line=len(self._out) + 1, page=page, is_row=is_row, bboxes=boxes,
                                 cut_above=cut_above))

    def done(self) -> tuple[RawLine, ...]:
        out = self._out[:-1] if self._out and self._out[-1].is_blank else self._out
        return tuple(out)
