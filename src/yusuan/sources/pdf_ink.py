"""What a page object really puts on paper, whichever program wrote the PDF (characters:
sources/pdf_glyphs.py).

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

from . import pdf_calls as call

Box = tuple[float, float, float, float]
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# A glyph is at most this big (pt) both ways (a cover's title is set up to an inch); a table rule or
# frame is longer in one direction.
GLYPH_SIZE = 72.0
# A rectangle (a cell, a frame) has a move, four lines and perhaps a close; a glyph outline more.
_RECT_SEGMENTS = 6
# Clip boxes are compared with this slack (pt): a rule drawn on the clip's edge is inside it.
SLACK = 0.5


def clip_box(obj) -> Box | None:
    """The box the object's clip path leaves visible (the intersection of its paths' bounding boxes:
    exact for rectangles, larger than the region for other shapes, so nothing visible is lost), or
    None when the object is not clipped. An empty clip gives an empty box."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    return _box_of(clip) if clip else None


def _box_of(clip) -> Box | None:
    box: Box | None = None
    x, y = ctypes.c_float(), ctypes.c_float()
    xref, yref = ctypes.byref(x), ctypes.byref(y)
    for p in range(call.clip_paths(clip)):
        xs, ys = [], []
        for k in range(call.clip_segments(clip, p)):
            segment = call.clip_segment(clip, p, k)
            if segment and call.segment_point(segment, xref, yref):
                xs.append(x.value)
                ys.append(y.value)
        if xs:
            path = (min(xs), min(ys), max(xs), max(ys))
            box = path if box is None else intersection(box, path)
    return box


def displayed_clip(obj, matrix: tuple[float, ...], view, known: dict | None = None) -> Box | None:
    """The clip box on the displayed page (x0, top, x1, bottom), `matrix` being the enclosing forms'
    (an object's clip is kept in the space it was drawn in). `obj`: a handle or its address.

    Objects drawn under one clip share its path data (a WPS cell's characters, one object each), so
    `known` keeps boxes by where that data lies: read once, not per object."""
    clip = call.clip_path(obj)
    if not clip:
        return None
    key = None
    if known is not None:
        # a clip's paths pile up with each W operator; objects drawn after the same one share the
        # last path's data, and with it the paths before it: the last path's first point names it
        last = call.clip_paths(clip) - 1
        key = (matrix, last, call.clip_segment(clip, last, 0))
        if key in known:
            return known[key]
    box = _box_of(clip)
    if box is not None:
        if box[0] > box[2] or box[1] > box[3]:
            box = (1.0, 1.0, 0.0, 0.0)  # nothing shows
        else:
            a, b, c, d, e, f = matrix
            xs, ys = zip(*((a * x + c * y + e, b * x + d * y + f) for x in box[0::2] for y in box[1::2]))
            box = view.box(min(xs), min(ys), max(xs), max(ys))
    if known is not None:
        known[key] = box
    return box


def intersection(a: Box, b: Box) -> Box:
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


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
    """Letters' outlines (or icons), not rules: a path of many segments with curves whose every
    subpath (a move and what follows) is glyph-sized. pdftocairo draws a fake-bold title's outlines
    as one stroked path across the line, or a glyph's with a stray move far below it: the object's
    box is then large, each glyph's is not. `obj`: a handle or its address."""
    count = call.count_segments(obj)
    if count <= _RECT_SEGMENTS:
        return False
    a, b, c, d, _, _ = object_matrix(obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    xref, yref = ctypes.byref(x), ctypes.byref(y)
    curved = False
    box: list[float] = []  # the current subpath's least and greatest x and y, in path space
    for k in range(count):
        segment = call.get_segment(obj, k)
        kind = call.segment_type(segment)
        call.segment_point(segment, xref, yref)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not box:
            if box and not _glyph_sized(box, a, b, c, d):
                return False
            box = [x.value, y.value, x.value, y.value]
            continue
        curved = curved or kind == pdfium_c.FPDF_SEGMENT_BEZIERTO
        box[0], box[1] = min(box[0], x.value), min(box[1], y.value)
        box[2], box[3] = max(box[2], x.value), max(box[3], y.value)
    return curved and _glyph_sized(box, a, b, c, d)


def _glyph_sized(box: list[float], a: float, b: float, c: float, d: float) -> bool:
    w, h = box[2] - box[0], box[3] - box[1]  # turned and scaled by the object's matrix: its extent on the page
    return abs(a) * w + abs(c) * h <= GLYPH_SIZE and abs(b) * w + abs(d) * h <= GLYPH_SIZE


def address(pointer) -> int | None:
    """What a PDFium handle points to (None for NULL): equal handles, one object."""
    return ctypes.addressof(pointer.contents) if pointer else None


def object_matrix(obj) -> tuple[float, ...]:
    """`obj`: a handle or its address."""
    m = pdfium_c.FS_MATRIX()
    if not call.object_matrix(obj, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def compose(outer: tuple[float, ...], inner: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
