"""A page's characters and ruling lines, taken from PDFium (pypdfium2) — fast, C-speed parsing.

pdfminer (under pdfplumber) parses a content stream in Python at about a tenth of a second a
page; PDFium does it fifty times faster. This module gives what the layout needs, in pdfplumber's
coordinates (origin top left): characters with their boxes, and the horizontal and vertical edges
of every visible path, ready for pdfplumber's table algorithm.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from .pdf_geometry import LETTER, MARGIN, declared_empty, page_box, text_extent, upright_turn
from .pdf_glyphs import TextClips, font_box
from .pdf_ink import IDENTITY as _IDENTITY
from .pdf_ink import clipped_segment, displayed_clip, is_glyph_outline
from .pdf_ink import compose as _compose
from .pdf_ink import object_matrix as _matrix

# Shapes drawn white on white (cell backgrounds in WPS exports) are not rules.
_WHITE = 250
_SEGMENT_LINE, _SEGMENT_MOVE = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
# What an undecodable character of the text layer reads as (U+FFFD REPLACEMENT CHARACTER).
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    clipped: bool = False  # outside its text object's clip path: in the file, not on the page

    @property
    def size(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class View:
    """The page as displayed: PDF user space (origin bottom left) moved to the crop box's top left
    and turned by the page's /Rotate (clockwise), so a landscape page stored as a rotated portrait
    one reads left to right like any other."""

    x0: float
    y1: float
    width: float  # unrotated
    height: float  # unrotated
    rotation: int = 0

    @classmethod
    def of(cls, page, textpage=None) -> "View":
        """The page's view; with its text, the box and turn are repaired where the file gets them wrong
        (an inverted or empty box, a /Rotate that leaves the text sideways or upside down)."""
        left, bottom, right, top = page_box(page)
        if textpage is not None and (right - left, top - bottom) == LETTER and declared_empty(page):
            # no box given: PDFium assumes Letter; the text the file draws past it is not thereby off the page
            text_right, text_top = text_extent(textpage)
            right, top = max(right, text_right + MARGIN), max(top, text_top + MARGIN)
        turn = page.get_rotation() % 360
        return cls(left, top, right - left, top - bottom, upright_turn(textpage, turn) if textpage is not None else turn)

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) as displayed."""
        return (self.height, self.width) if self.rotation in (90, 270) else (self.width, self.height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) on the displayed page."""
        ux, ut = x - self.x0, self.y1 - y
        if self.rotation == 90:
            return self.height - ut, ux
        if self.rotation == 180:
            return self.width - ux, self.height - ut
        if self.rotation == 270:
            return ut, self.width - ux
        return ux, ut

    def shows(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Whether a displayed box lies (at least partly) on the page: text placed beyond the crop box
        is not printed, whatever the text layer holds (a table pasted past the page's foot); the PDF
        reader leaves such text out and reports it (sources/pdf_notes.py)."""
        w, h = (self.height, self.width) if self.rotation in (90, 270) else (self.width, self.height)
        return x1 > 0 and x0 < w and bottom > 0 and top < h

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page."""
        (ax, at), (bx, bt) = self.point(left, top), self.point(right, bottom)
        return min(ax, bx), min(at, bt), max(ax, bx), max(at, bt)


def page_chars(textpage, view: View, page) -> list[Char]:
    """The printed characters (PDFium's generated spaces and line ends left out), loose font boxes,
    each marked if its clip path hides it.

    PDFium gives UTF-16 units: a surrogate pair (a CJK Extension B ideograph …) becomes one
    character; a lone surrogate (a damaged or lying ToUnicode map) becomes U+FFFD, which the
    reader reports, so no text with an unencodable character leaves this module."""
    out: list[Char] = []
    clips = TextClips(page.raw, view)
    high: Char | None = None  # a high surrogate waiting for its low half
    for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        # PDFium generates only spaces and line ends (asked of spaces alone: one call a character less)
        generated = code == 32 and pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1
        if code < 32 or code in (0xFFFE, 0xFFFF) or generated:
            continue
        char = _char(textpage, i, code, view, clips, out[-1] if out else None)
        if high is not None and 0xDC00 <= code <= 0xDFFF:
            pair = 0x10000 + ((ord(high.text) - 0xD800) << 10) + (code - 0xDC00)
            out.append(Char(chr(pair), min(high.x0, char.x0), max(high.x1, char.x1), min(high.top, char.top),
                            max(high.bottom, char.bottom), high.clipped))
            high = None
            continue
        if high is not None:
            out.append(_replaced(high))
            high = None
        if 0xD800 <= code <= 0xDBFF:
            high = char
        else:
            out.append(_replaced(char) if 0xDC00 <= code <= 0xDFFF or code > 0x10FFFF else char)
    if high is not None:
        out.append(_replaced(high))
    return out


def _char(textpage, i: int, code: int, view: View, clips: TextClips, prev: Char | None) -> Char:
    rect = pdfium_c.FS_RECTF()
    loose = bool(pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(rect)))
    if not loose:
        left, bottom, right, top = (ctypes.c_double() for _ in range(4))
        pdfium_c.FPDFText_GetCharBox(textpage.raw, i, *(ctypes.byref(v) for v in (left, right, bottom, top)))
        rect.left, rect.right, rect.bottom, rect.top = left.value, right.value, bottom.value, top.value
    box = (rect.left, rect.bottom, rect.right, rect.top)
    x0, top_, x1, bottom_ = view.box(*box)
    # a box on the band of the character before it is a font box; any other may be ink (pdf_glyphs.font_box)
    if loose and (prev is None or abs(prev.top - top_) > 0.01 or abs(prev.bottom - bottom_) > 0.01):
        fixed = font_box(textpage.raw, i, box)
        if fixed != box:
            x0, top_, x1, bottom_ = view.box(*fixed)
    return Char(chr(min(code, 0x10FFFF)), x0, x1, top_, bottom_, clips.hides(textpage.raw, i, x0, top_, x1, bottom_))


def _replaced(char: Char) -> Char:
    return Char(REPLACEMENT, char.x0, char.x1, char.top, char.bottom, char.clipped)


def page_edges(page, view: View, limit: int) -> list[dict] | None:
    """Horizontal and vertical edges of the visible paths; None when the page has more than `limit`
    objects (table finding is then skipped, as too costly)."""
    edges: list[dict] = []
    count = [0]
    _walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, _IDENTITY, view, edges, count,
          limit, {})
    return None if count[0] > limit else edges


def _walk(parent, count_fn, get_fn, matrix, view, edges, count, limit, clips: dict) -> None:
    """`clips`: the page's clip boxes by path data (pdf_ink.displayed_clip)."""
    for i in range(count_fn(parent)):
        count[0] += 1
        if count[0] > limit:
            return
        obj = get_fn(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = _compose(matrix, _matrix(obj))
            _walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, inner, view, edges,
                  count, limit, clips)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and _visible(obj) and not is_glyph_outline(obj):
            clip = displayed_clip(obj, matrix, view, clips)
            edges.extend(_path_edges(obj, _compose(matrix, _matrix(obj)), view, clip))


def _visible(obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return True
    return bool(stroke.value and _inked(obj, pdfium_c.FPDFPageObj_GetStrokeColor)) or bool(
        fill.value and _inked(obj, pdfium_c.FPDFPageObj_GetFillColor))


def _inked(obj, get_color) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not get_color(obj, *(ctypes.byref(v) for v in (r, g, b, a))):
        return True
    return a.value > 0 and min(r.value, g.value, b.value) < _WHITE


def _path_edges(obj, m: tuple[float, ...], view: View, clip=None) -> list[dict]:
    """Straight horizontal and vertical segments of a path, in page coordinates (top-left origin),
    cut to the object's clip box (`clip`, displayed)."""
    start = prev = None
    edges = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = view.point(m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == _SEGMENT_MOVE:
            start = prev = point
            continue
        if kind == _SEGMENT_LINE and prev is not None:
            edges += _edge(prev, point, clip)
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            edges += _edge(point, start, clip)
            prev = start
    return edges


def _edge(p: tuple[float, float], q: tuple[float, float], clip=None) -> list[dict]:
    shown = clipped_segment(p, q, clip)
    if shown is None:
        return []
    (x0, y0), (x1, y1) = sorted(shown)
    if abs(y0 - y1) < 0.1:
        return [{"orientation": "h", "x0": x0, "x1": x1, "top": y0, "bottom": y0, "width": x1 - x0, "height": 0, "doctop": y0,
                 "object_type": "line"}]
    if abs(x0 - x1) < 0.1:
        top, bottom = min(y0, y1), max(y0, y1)
        return [{"orientation": "v", "x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0, "doctop": top,
                 "height": bottom - top, "object_type": "line"}]
    return []
