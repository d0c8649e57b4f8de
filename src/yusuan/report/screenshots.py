"""问题截图: the printed place of a finding, cut from its PDF page, for the checklist.

Findings point at source lines (Location.line, as RawLine.line); the PDF reader knows each line's
cell boxes. A finding's picture is the region of its lines on the page of its first located line,
each line boxed in red; a finding that names only a page (a blank page) gets the page, small.
Text and office files have no pages to draw: their findings get no picture.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..audit import Finding
from ..sources.page_image import Box, render_page
from ..sources.raw import RawDocument

SCALE = 2.0  # pixels per point: crisp when the picture is shrunk into a cell
PAGE_SCALE = 0.5  # a whole page, as a thumbnail
GAP = 8  # pixels between stacked pictures
MARGIN = 40  # pixels left of each picture for its number


@dataclass(frozen=True)
class PageSource:
    """A PDF and where its lines are printed: line → (page, box around the line's cells)."""

    pdf: bytes
    lines: dict[int, tuple[int, Box]] = field(default_factory=dict)

    @classmethod
    def of(cls, raw: RawDocument, pdf: bytes) -> "PageSource":
        lines = {}
        for ln in raw.lines:
            boxes = [b for b in ln.bboxes or () if b is not None]
            if ln.page and boxes:
                lines[ln.line] = (ln.page, (min(b[0] for b in boxes), min(b[1] for b in boxes),
                                            max(b[2] for b in boxes), max(b[3] for b in boxes)))
        return cls(pdf, lines)

    @classmethod
    def read(cls, path: Path, data: bytes | None = None) -> "PageSource | None":
        """The source of a PDF file (or of its bytes, as uploaded); None for other formats (no pages)."""
        if path.suffix.lower() != ".pdf" or (data is None and not path.is_file()):
            return None
        from ..sources.detect import read_source

        data = path.read_bytes() if data is None else data
        return cls.of(read_source(path, data=data), data)


def shot(source: PageSource, f: Finding) -> bytes | None:
    """The PNG of the finding's printed place, or None when it points at no page."""
    located = [source.lines[loc.line] for loc in f.locations if loc.line in source.lines]
    if located:
        page = located[0][0]
        boxes = tuple(box for p, box in located if p == page)
        crop = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        try:
            return render_page(source.pdf, page, scale=SCALE, boxes=boxes, crop=_on_page(crop)).png
        except ValueError:  # the region lies off the page (text printed outside it): show the page
            return render_page(source.pdf, page, scale=PAGE_SCALE).png
    named = next((loc.page for loc in f.locations if loc.page), None)
    return render_page(source.pdf, named, scale=PAGE_SCALE).png if named else None


def _on_page(crop: Box) -> Box:
    """A region reaching above the page (text drawn off it) is cut at the page's top; one wholly
    off the page cannot be drawn."""
    x0, top, x1, bottom = crop
    if bottom <= 0:
        raise ValueError("region above the page")
    return x0, max(0.0, top), x1, bottom


def stacked(pictures: Sequence[bytes], width: int, height: int) -> tuple[bytes, int, int]:
    """The pictures one under another, numbered as the problems are, shrunk to fit width × height
    pixels. Returns (PNG, width, height)."""
    from PIL import Image, ImageDraw

    images = [Image.open(io.BytesIO(p)).convert("RGB") for p in pictures]
    w = max(i.width for i in images) + MARGIN
    h = sum(i.height for i in images) + GAP * (len(images) - 1)
    sheet = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(sheet)
    y = 0
    for n, image in enumerate(images, 1):
        sheet.paste(image, (MARGIN, y))
        draw.rectangle([0, y, MARGIN - 6, y + 30], fill=(220, 0, 0))
        draw.text((8, y + 4), str(n), fill="white", font_size=22)
        y += image.height + GAP
    ratio = min(1.0, width / w, height / h)
    if ratio < 1.0:
        sheet = sheet.resize((max(1, int(w * ratio)), max(1, int(h * ratio))), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    sheet.save(out, format="PNG")
    return out.getvalue(), sheet.width, sheet.height
