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
    `crop`, only that region (widened by `margin` points, kept on the page) is returned."""
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
            try:
                image = doc[page - 1].render(scale=scale).to_pil().convert("RGB")
            except pdfium.PdfiumError as exc:
                raise InputError(f"第 {page} 页已损坏，无法显示。", code="input.corrupt") from exc
        finally:
            doc.close()
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle([x0 * scale - 3, top * scale - 3, x1 * scale + 3, bottom * scale + 3],
                       outline=(220, 0, 0), width=3)
    if crop is not None:
        x0, top, x1, bottom = crop
        image = image.crop((max(0, int((x0 - margin) * scale)), max(0, int((top - margin) * scale)),
                            min(image.width, int((x1 + margin) * scale)),
                            min(image.height, int((bottom + margin) * scale))))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return PageImage(out.getvalue(), page, count, image.width, image.height)
