"""问题截图: the printed place of a finding, cut from its PDF page at print resolution, for the checklist.

Findings point at source lines (Location.line, as RawLine.line); the PDF reader knows each line's
cell boxes. A finding's picture is the band of its lines across the page's printed width (the row
whole, not only the cells), each line boxed in red, with the table's title and column heads above it
(`heads`: the header lines of each table) — joined to the row when the heads are close above it on the
same page, else drawn above it as a strip of their own. Pictures are drawn at 220 dpi, so an A4 page's
printed width is about 1,450 pixels (a landscape table's 2,300): sharp in print and when zoomed, shown
smaller in the cell; never narrower than 1,100 pixels. They are stored with 16 colours (text, rules,
the red boxes), a third of the bytes of full colour. A finding that
names only a page (a blank page) gets the page, at least 1,000 pixels wide. Text and office files have
no pages to draw: their findings get no picture.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Mapping, Sequence

from ..audit import Finding
from ..sources.page_image import Box, render_page
from ..sources.raw import RawDocument

SCALE = 220 / 72  # pixels per point: print resolution (220 dpi: an A4 page's text ≈ 1,450 pixels wide)
MIN_WIDTH = 1100  # pixels: a narrow band (a short line alone on its page) is widened to this
PAGE_SCALE = 1.75  # a whole page: an A4 page 1,041 pixels wide
HEAD_REACH = 160.0  # points: heads closer than this above the row are drawn with it in one picture
MARGIN = 10.0  # points around a band
GAP = 8  # pixels between stacked pictures
NUMBER = 40  # pixels left of each stacked picture for its number


@dataclass(frozen=True)
class PageSource:
    """A PDF and where its lines are printed: line → (page, box around the line's cells); `created`,
    the file's own creation date where its properties give one."""

    pdf: bytes
    lines: dict[int, tuple[int, Box]] = field(default_factory=dict)
    created: date | None = None

    @classmethod
    def of(cls, raw: RawDocument, pdf: bytes) -> "PageSource":
        lines = {}
        for ln in raw.lines:
            boxes = [b for b in ln.bboxes or () if b is not None]
            if ln.page and boxes:
                lines[ln.line] = (ln.page, (min(b[0] for b in boxes), min(b[1] for b in boxes),
                                            max(b[2] for b in boxes), max(b[3] for b in boxes)))
        return cls(pdf, lines, _created(pdf))

    @classmethod
    def read(cls, path: Path, data: bytes | None = None) -> "PageSource | None":
        """The source of a PDF file (or of its bytes, as uploaded); None for other formats (no pages)."""
        if path.suffix.lower() != ".pdf" or (data is None and not path.is_file()):
            return None
        from ..sources.detect import read_source

        data = path.read_bytes() if data is None else data
        return cls.of(read_source(path, data=data), data)

    def band(self, page: int) -> tuple[float, float]:
        """The printed width of a page: from the leftmost to the rightmost text on it, widened about its
        middle to MIN_WIDTH pixels where the text is narrow."""
        boxes = [b for p, b in self.lines.values() if p == page]
        x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        short = MIN_WIDTH / SCALE - 2 * MARGIN - (x1 - x0)
        return (max(0.0, x0 - short / 2), x1 + short / 2) if short > 0 else (x0, x1)


def _created(pdf: bytes) -> date | None:
    """The CreationDate of the PDF's properties (D:20260309101250+08'00'), None when absent or unreadable."""
    import pypdfium2 as pdfium

    from ..sources.detect import _PDF_LOCK

    with _PDF_LOCK:
        try:
            doc = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError:
            return None
        try:
            stamp = doc.get_metadata_dict().get("CreationDate", "")
        finally:
            doc.close()
    digits = stamp.removeprefix("D:")[:8]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])) if digits.isdigit() and len(digits) == 8 else None
    except ValueError:
        return None


def shot(source: PageSource, f: Finding, heads: Mapping[str, Sequence[int]] | None = None) -> bytes | None:
    """The PNG of the finding's printed place, or None when it points at no page."""
    located = [(loc, source.lines[loc.line]) for loc in f.locations if loc.line in source.lines]
    if not located:
        named = next((loc.page for loc in f.locations if loc.page), None)
        return render_page(source.pdf, named, scale=PAGE_SCALE).png if named else None
    page = located[0][1][0]
    boxes = tuple(box for _, (p, box) in located if p == page)
    x0, x1 = source.band(page)
    top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
    head_lines = sorted({n for loc, _ in located if loc.table for n in (heads or {}).get(loc.table, ())})
    head = [source.lines[n] for n in head_lines if n in source.lines]
    near = [b for p, b in head if p == page and b[3] <= top and top - b[3] <= HEAD_REACH]
    try:
        if near:
            return _png_of(_region(source, page, (x0, min(b[1] for b in near), x1, bottom), boxes))
        row = _region(source, page, (x0, top, x1, bottom), boxes)
        if not head:
            return _png_of(row)
        hp = head[0][0]
        hx0, hx1 = source.band(hp)
        strip = [b for p, b in head if p == hp]
        heads_only = (hx0, min(b[1] for b in strip), hx1, max(b[3] for b in strip))  # no part of the row below
        return joined([_region(source, hp, heads_only, (), margin=2.0), row])
    except ValueError:  # the region lies off the page (text printed outside it): show the page
        return render_page(source.pdf, page, scale=PAGE_SCALE).png


def _png_of(png: bytes) -> bytes:
    from PIL import Image

    return _png(Image.open(io.BytesIO(png)).convert("RGB"))


def _region(source: PageSource, page: int, crop: Box, boxes: tuple[Box, ...], margin: float = MARGIN) -> bytes:
    return render_page(source.pdf, page, scale=SCALE, boxes=boxes, crop=_on_page(crop), margin=margin).png


def _on_page(crop: Box) -> Box:
    """A region reaching above the page (text drawn off it) is cut at the page's top; one wholly
    off the page cannot be drawn."""
    x0, top, x1, bottom = crop
    if bottom <= 0:
        raise ValueError("region above the page")
    return x0, max(0.0, top), x1, bottom


def joined(pictures: Sequence[bytes]) -> bytes:
    """Pictures one under another, a grey rule between them (a table's heads above a row far below)."""
    from PIL import Image, ImageDraw

    images = [Image.open(io.BytesIO(p)).convert("RGB") for p in pictures]
    sheet = Image.new("RGB", (max(i.width for i in images), sum(i.height for i in images) + GAP * (len(images) - 1)),
                      "white")
    y = 0
    for n, image in enumerate(images):
        if n:
            ImageDraw.Draw(sheet).line([(0, y - GAP // 2), (sheet.width, y - GAP // 2)], fill=(150, 150, 150), width=3)
        sheet.paste(image, (0, y))
        y += image.height + GAP
    return _png(sheet)


def stacked(pictures: Sequence[bytes]) -> tuple[bytes, int, int]:
    """The pictures one under another, numbered as the problems are, at their own resolution (the
    workbook shows them smaller). Returns (PNG, width, height)."""
    from PIL import Image, ImageDraw

    images = [Image.open(io.BytesIO(p)).convert("RGB") for p in pictures]
    mark = max(NUMBER, max(i.width for i in images) // 30)  # the number stays readable when shown smaller
    w = max(i.width for i in images) + mark
    h = sum(i.height for i in images) + GAP * (len(images) - 1)
    sheet = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(sheet)
    y = 0
    for n, image in enumerate(images, 1):
        sheet.paste(image, (mark, y))
        draw.rectangle([0, y, mark - 6, y + mark - 6], fill=(220, 0, 0))
        draw.text((mark // 5, y + mark // 10), str(n), fill="white", font_size=int(mark * 0.6))
        y += image.height + GAP
    return _png(sheet), sheet.width, sheet.height


def _png(image) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    image.quantize(16, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
    return out.getvalue()
