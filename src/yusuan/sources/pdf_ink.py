"""What a page object really puts on paper, whichever program wrote the PDF.

Two producers can print the same page with different drawing instructions, and the reader must see
the same page in both:
- a clip path hides what lies outside it: a spreadsheet exported with a print area (WPS 表格, Excel)
  keeps the cells beyond the area in the file, clipped away; pdftocairo drops such rules altogether.
  What lies outside its object's clip is not read (rules cut to the clip, characters left out);
- glyph outlines drawn as paths (pdftocairo strokes the outline of "fake bold" text, which it
  cannot express as text) are letters, not table rules.

Boxes are (least x, least y, greatest x, greatest y): in PDF user space as PDFium gives them, or on
the displayed page once turned by the page's View.
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# A glyph is at most this big (pt) both ways; a table rule or frame is longer in one direction.
GLYPH_SIZE = 30.0
# A rectangle (a cell, a frame) has a move, four lines and perhaps a close; a glyph outline more.
_RECT_SEGMENTS = 6
# Clip boxes are compared with this slack (pt): a rule drawn on the clip's edge is inside it.
SLACK = 0.5


def clip_box(obj) -> Box | None:
    """The box the object's clip path leaves visible (the intersection of its paths' bounding boxes:
    exact for rectangles, larger than the region for other shapes, so nothing visible is lost), or
    None when the object is not clipped. An empty clip gives an empty box."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box: Box | None = None
    x, y = ctypes.c_float(), ctypes.c_float()
    for p in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for k in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, p)):
            segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, p, k)
            if segment and pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                xs.append(x.value)
                ys.append(y.value)
        if xs:
            path = (min(xs), min(ys), max(xs), max(ys))
            box = path if box is None else _intersection(box, path)
    return box


def displayed_clip(obj, matrix: tuple[float, ...], view) -> Box | None:
    """The clip box on the displayed page (x0, top, x1, bottom), `matrix` being the enclosing forms'
    (an object's clip is kept in the space it was drawn in)."""
    box = clip_box(obj)
    if box is None:
        return None
    if box[0] > box[2] or box[1] > box[3]:
        return (1.0, 1.0, 0.0, 0.0)  # nothing shows
    a, b, c, d, e, f = matrix
    xs, ys = zip(*((a * x + c * y + e, b * x + d * y + f) for x in box[0::2] for y in box[1::2]))
    return view.box(min(xs), min(ys), max(xs), max(ys))


def _intersection(a: Box, b: Box) -> Box:
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def shows(box: Box | None, x: float, y: float) -> bool:
    """Whether the point lies inside the clip box (no clip: everywhere)."""
    return box is None or (box[0] - SLACK <= x <= box[2] + SLACK and box[1] - SLACK <= y <= box[3] + SLACK)


def clipped_segment(p: tuple[float, float], q: tuple[float, float], box: Box | None):
    """The part of a horizontal or vertical segment inside the clip box (both in one space), or None."""
    if box is None:
        return p, q
    (x0, y0), (x1, y1) = p, q
    lo_x, lo_y, hi_x, hi_y = box[0] - SLACK, box[1] - SLACK, box[2] + SLACK, box[3] + SLACK
    if abs(y0 - y1) < 0.1:
        if not lo_y <= y0 <= hi_y:
            return None
        a, b = max(min(x0, x1), lo_x), min(max(x0, x1), hi_x)
        return ((a, y0), (b, y1)) if a < b else None
    if abs(x0 - x1) < 0.1:
        if not lo_x <= x0 <= hi_x:
            return None
        a, b = max(min(y0, y1), lo_y), min(max(y0, y1), hi_y)
        return ((x0, a), (x1, b)) if a < b else None
    return p, q


def is_glyph_outline(obj) -> bool:
    """A small path of many segments with curves: a letter's outline (or an icon), not a rule."""
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count <= _RECT_SEGMENTS:
        return False
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return False
    if right.value - left.value > GLYPH_SIZE or top.value - bottom.value > GLYPH_SIZE:
        return False
    return any(pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj, k))
               == pdfium_c.FPDF_SEGMENT_BEZIERTO for k in range(count))


def font_box(textpage, i: int, loose: Box) -> Box:
    """A character's box from its font's ascent and descent, as PDFium's loose box is, also where
    PDFium falls back to the glyph's ink box: a character taken from an /ActualText span (Chromium
    writes one for each glyph shared by two code points, 一 and the radical ⼀) has no char code, so
    its "loose" box is the ink of 一, a hairline 4 pt under the line's top. Such a box no longer
    starts at the character's origin, which is how it is told apart.

    `loose` is PDFium's box (left, bottom, right, top), user space; unrotated text only."""
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y)):
        return loose
    left, bottom, right, top = loose
    if abs(left - x.value) < 0.01:
        return loose
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(textpage, i, ctypes.byref(m)) or abs(m.b) > 1e-6 or abs(m.c) > 1e-6:
        return loose
    obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    size = pdfium_c.FPDFText_GetFontSize(textpage, i)
    ascent, descent = ctypes.c_float(), ctypes.c_float()
    if not font or not pdfium_c.FPDFFont_GetAscent(font, ctypes.c_float(size), ctypes.byref(ascent)) or \
            not pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(descent)) or \
            ascent.value == descent.value:
        return loose
    ys = (y.value + ascent.value * m.d, y.value + descent.value * m.d)
    return min(left, x.value), min(bottom, *ys), right, max(top, *ys)


class TextClips:
    """The displayed clip box of every text object on a page, through the forms that hold it: an
    object inside a form keeps its clip in the form's space (a cover drawn as one XObject), and the
    form's own clip hides it too. Pages with more objects than `limit` are not looked into (their
    text all counts as shown)."""

    def __init__(self, page, view, limit: int = 50_000) -> None:
        self.view = view
        self._boxes: dict[int | None, Box | None] = {}
        self._count = 0
        self._limit = limit
        self._walk(page, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, IDENTITY, None)

    def _walk(self, parent, count_fn, get_fn, matrix, outer: Box | None) -> None:
        for k in range(count_fn(parent)):
            self._count += 1
            if self._count > self._limit:
                self._boxes.clear()
                return
            obj = get_fn(parent, k)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                self._boxes[ctypes.cast(obj, ctypes.c_void_p).value] = _within(outer, displayed_clip(obj, matrix, self.view))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                inner = compose(matrix, object_matrix(obj))
                self._walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, inner,
                           _within(outer, displayed_clip(obj, matrix, self.view)))

    def hides(self, textpage, i: int, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Whether the character's centre (displayed box) lies outside its object's clip."""
        if not self._boxes:
            return False
        obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
        box = self._boxes.get(ctypes.cast(obj, ctypes.c_void_p).value) if obj else None
        return not shows(box, (x0 + x1) / 2, (top + bottom) / 2)


def _within(outer: Box | None, inner: Box | None) -> Box | None:
    if outer is None or inner is None:
        return inner if outer is None else outer
    return _intersection(outer, inner)


def object_matrix(obj) -> tuple[float, ...]:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def compose(outer: tuple[float, ...], inner: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)

