"""PDF reader: pypdfium2 to triage (encrypted, scanned, page count), pdfplumber for tables and words.

Output is the text form's shape: a table row is one line with its cells in column order (spanned
and empty cells ""), a paragraph is one line with one cell, blank lines between blocks and at page
breaks. Text is kept as printed, except CJK radicals (an extraction artefact) mapped to ideographs.
"""
from __future__ import annotations

import hashlib
import io
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .pdf_page import Blank, Grid, read_page
from .pdf_triage import triage
from .raw import RawDocument, RawLine


@dataclass(frozen=True)
class PdfSettings:
    """Bounds that keep a hostile or mistaken file from taking the machine.

    max_pages: more pages than this is refused (a disclosure has tens of pages, a few hundred at most).
    max_seconds: reading stops with an error after this long.
    max_page_objects: a page with more characters and drawn shapes than this is read as text only
        (table finding grows faster than linearly with the number of shapes).
    """

    max_pages: int = 300
    max_seconds: float = 300.0
    max_page_objects: int = 50_000

    def __post_init__(self) -> None:
        if self.max_pages < 1 or self.max_seconds <= 0 or self.max_page_objects < 1:
            raise ValueError("PdfSettings bounds must be positive")


def read_pdf(path: Path, *, data: bytes | None = None, settings: PdfSettings = PdfSettings()) -> RawDocument:
    """Read a PDF disclosure into raw lines (pages 1-based, lines numbered over the whole document)."""
    data = path.read_bytes() if data is None else data
    info = triage(data, max_pages=settings.max_pages)
    lines = _Lines()
    started = time.monotonic()
    with _opened(data) as pdf:
        for number in range(1, info.pages + 1):
            if time.monotonic() - started > settings.max_seconds:
                raise InputError(
                    f"读取 PDF 超时（已用 {settings.max_seconds:.0f} 秒，读到第 {number} 页），文件可能异常复杂。",
                    code="input.pdf_timeout",
                )
            lines.blank(number)
            for item in _read(pdf, number, settings):
                lines.add(item, number)
    return RawDocument(
        file=path.name,
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=lines.done(),
        pages=info.pages,
    )


def _opened(data: bytes):
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise _corrupt(exc) from exc


def _read(pdf, number: int, settings: PdfSettings) -> list:
    """One page's items; the page's parsed objects are freed afterwards to bound memory."""
    try:
        page = pdf.pages[number - 1]
        try:
            return read_page(page, find_tables=_objects(page) <= settings.max_page_objects)
        finally:
            page.close()
    except InputError:
        raise
    except Exception as exc:  # pdfminer parses lazily: a damaged page fails here, with any error type
        raise _corrupt(exc, number) from exc


def _corrupt(exc: Exception, page: int | None = None) -> InputError:
    where = f"第 {page} 页" if page else "文件结构"
    return InputError(f"PDF 文件已损坏，{where}无法解析。", code="input.pdf_corrupt", detail=repr(exc))


def _objects(page) -> int:
    return sum(len(page.objects.get(kind, ())) for kind in ("char", "rect", "line", "curve"))


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
