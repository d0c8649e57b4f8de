"""A printed page as a picture: PDF pages drawn by PDFium (pypdfium2) to PNG, with boxes marked.

Reviewers want to see the page beside a finding (web) and a cropped picture of the place in the
checklist's 问题截图 column. Boxes are in the reader's coordinates (points, origin top left of the
displayed page, as `Provenance.bbox`), so a finding's cell box can be drawn as it is.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from ..errors import InputError
from .detect import _PDF_LOCK
from .pdf_contents import oversized_pages
from .pdf_geometry import upright_turn

# Longest side of a page picture in pixels: an A4 page at the web's largest zoom (3x) is 2,526.
MAX_SIDE = 4000

Box = tuple[float, float, float, float]  # (x0, top, x1, bottom) in points


@dataclass(frozen=True)
class PageImage:
    png: bytes
    page: int  # 1-based
    pages: int  # pages in the document
    width: int  # pixels
    height: int


def render_page(pdf: bytes, page: int, *, scale: float = 1.5, boxes: tuple[Box, ...] = (),
                crop: Box | None = None, margin: float = 24.0) -> PageImage:
    """Page `page` (1-based) as PNG at `scale` pixels per point, each box outlined in red; with
    `crop`, only that region (widened by `margin` points, kept on the page) is drawn and returned.

    Whatever the page's size (PDF allows 14,400 points a side, and a user unit multiplies that), the
    picture is at most MAX_SIDE pixels a side: the scale is lowered to fit, so a huge page costs a
    bounded bitmap, not gigabytes."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    with _PDF_LOCK:  # PDFium is not thread-safe
        try:
            doc = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise InputError("PDF 文件已损坏，无法显示页面。", code="input.corrupt") from exc
        try:
            count = len(doc)
            if not 1 <= page <= count:
                raise InputError(f"页码 {page} 超出范围（共 {count} 页）。", code="input.page_range")
            if oversized_pages(pdf, only=page):
                raise InputError(f"第 {page} 页的内容解压后过大（疑似“压缩炸弹”），不予显示。",
                                 code="input.pdf_page_too_large")
            try:
                image, scale, (left, top) = _draw(doc[page - 1], scale, crop, margin)
            except pdfium.PdfiumError as exc:
                raise InputError(f"第 {page} 页已损坏，无法显示。", code="input.corrupt") from exc
        finally:
            doc.close()
    draw = ImageDraw.Draw(image)
    for x0, top_, x1, bottom in boxes:
        draw.rectangle([(x0 - left) * scale - 3, (top_ - top) * scale - 3, (x1 - left) * scale + 3,
                        (bottom - top) * scale + 3], outline=(220, 0, 0), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return PageImage(out.getvalue(), page, count, image.width, image.height)


def _draw(pdf_page, scale: float, crop: Box | None, margin: float):
    """(picture, the scale used, the region's top-left in points): the page, or only the region around
    `crop`, drawn at `scale` lowered so that no side exceeds MAX_SIDE pixels."""
    turn = _reader_turn(pdf_page)
    width, height = pdf_page.get_size()  # as displayed (PDFium turns it by /Rotate)
    if turn in (90, 270):
        width, height = height, width
    left, top, right, bottom = 0.0, 0.0, width, height
    if crop is not None:
        x0, top_, x1, bottom_ = crop
        left, top = min(max(0.0, x0 - margin), width), min(max(0.0, top_ - margin), height)
        right, bottom = max(min(width, x1 + margin), left + 1), max(min(height, bottom_ + margin), top + 1)
    # The cap comes last: a floor on the scale would undo it on a page of 10⁹ points (PDFium accepts one).
    scale = min(max(scale, 1e-3), MAX_SIDE / max(right - left, bottom - top, 1.0))
    bitmap = pdf_page.render(scale=scale, rotation=turn, crop=(left, height - bottom, width - right, top))
    return bitmap.to_pil().convert("RGB"), scale, (left, top)


def _reader_turn(pdf_page) -> int:
    """The turn to add to the page's /Rotate so the picture is upright as the reader read the page
    (pdf_pdfium.upright_turn): the reader's boxes then fall on their text."""
    textpage = pdf_page.get_textpage()
    try:
        declared = pdf_page.get_rotation() % 360
        return (upright_turn(textpage, declared) - declared) % 360
    finally:
        textpage.close()
