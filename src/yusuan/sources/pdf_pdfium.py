"""A page's characters and ruling lines, taken from PDFium (pypdfium2) — fast, C-speed parsing.

pdfminer (under pdfplumber) parses a content stream in Python at about a tenth of a second a
page; PDFium does it fifty times faster. This module gives what the layout needs, in pdfplumber's
coordinates (origin top left): characters with their boxes, and the horizontal and vertical edges
of every visible path, ready for pdfplumber's table algorithm.
"""
from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from . import pdf_calls as call
from .pdf_chars import Char  # noqa: F401 — where callers have found it
from .pdf_geometry import LETTER, MARGIN, declared_empty, page_box, text_extent, upright_turn
from .pdf_ink import IDENTITY as _IDENTITY
from .pdf_ink import clipped_segment, displayed_clip, is_glyph_outline
from .pdf_ink import compose as _compose
from .pdf_ink import object_matrix as _matrix

# Shapes drawn white on white (cell backgrounds in WPS exports) are not rules.
_WHITE = 250
_SEGMENT_LINE, _SEGMENT_MOVE = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
_TWO_FLOATS = struct.Struct("2f")
_TEXT, _PATH, _FORM = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM


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


def page_edges(page, view: View, limit: int) -> list[dict] | None:
    """Horizontal and vertical edges of the visible paths; None when the page has more than `limit`
    objects (table finding is then skipped, as too costly)."""
    walk = _Walk(view, limit)
    walk.objects(call.handle(page.raw), call.count_objects, call.get_object, _IDENTITY)
    return None if walk.count > limit else walk.edges


class _Walk:
    """One page's objects walked (forms entered) for the edges of their visible paths. Handles are
    addresses (pdf_calls); the ctypes cells PDFium writes into are made once per page."""

    def __init__(self, view: View, limit: int) -> None:
        self.view, self.limit = view, limit
        self.edges: list[dict] = []
        self.count = 0
        self.clips: dict = {}  # the page's clip boxes by path data (pdf_ink.displayed_clip)
        self._ints = [ctypes.c_int() for _ in range(2)]
        self._colour = [ctypes.c_uint() for _ in range(4)]
        self._xy = (ctypes.c_float * 2)()  # a segment's point, read in one unpack
        self._xy_address = ctypes.addressof(self._xy)
        self._int_refs = [ctypes.byref(v) for v in self._ints]
        self._colour_refs = [ctypes.byref(v) for v in self._colour]

    def objects(self, parent: int, count_fn, get_fn, matrix: tuple[float, ...]) -> None:
        # every object of the page passes here (WPS writes one text object per character): locals only
        count, limit, object_type = self.count, self.limit, call.object_type
        for i in range(count_fn(parent)):
            count += 1
            if count > limit:
                break
            obj = get_fn(parent, i)
            kind = object_type(obj)
            if kind == _TEXT:
                continue
            if kind == _FORM:
                self.count = count
                self.objects(obj, call.form_count, call.form_object, _compose(matrix, _matrix(obj)))
                count = self.count
                if count > limit:
                    break
            elif kind == _PATH and self._visible(obj) and not is_glyph_outline(obj):
                clip = displayed_clip(obj, matrix, self.view, self.clips)
                self.edges.extend(self._path_edges(obj, _compose(matrix, _matrix(obj)), clip))
        self.count = count

    def _visible(self, obj: int) -> bool:
        if not call.draw_mode(obj, *self._int_refs):
            return True
        fill, stroke = (v.value for v in self._ints)
        return bool(stroke and self._inked(obj, call.stroke_color)) or bool(fill and self._inked(obj, call.fill_color))

    def _inked(self, obj: int, get_color) -> bool:
        if not get_color(obj, *self._colour_refs):
            return True
        r, g, b, a = (v.value for v in self._colour)
        return a > 0 and min(r, g, b) < _WHITE

    def _path_edges(self, obj: int, m: tuple[float, ...], clip=None) -> list[dict]:
        """Straight horizontal and vertical segments of a path, in page coordinates (top-left origin),
        cut to the object's clip box (`clip`, displayed)."""
        start = prev = None
        edges: list[dict] = []
        where, unpack = self._xy_address, _TWO_FLOATS.unpack_from
        xy = self._xy
        a, b, c, d, e, f = m
        view = self.view
        upright, left, top = view.rotation == 0, view.x0, view.y1
        point_of, get_segment, get_point, get_type = view.point, call.get_segment, call.segment_xy, call.segment_type
        is_closed = call.segment_close
        for k in range(call.count_segments(obj)):
            segment = get_segment(obj, k)
            get_point(segment, where, where + 4)
            px, py = unpack(xy)
            if upright:  # View.point, inline (same operations in the same order)
                point = (a * px + c * py + e - left, top - (b * px + d * py + f))
            else:
                point = point_of(a * px + c * py + e, b * px + d * py + f)
            kind = get_type(segment)
            if kind == _SEGMENT_MOVE:
                start = prev = point
                continue
            if kind == _SEGMENT_LINE and prev is not None:
                edges += _edge(prev, point, clip)
            prev = point
            if is_closed(segment) and start is not None:
                edges += _edge(point, start, clip)
                prev = start
        return edges


def _edge(p: tuple[float, float], q: tuple[float, float], clip=None) -> list[dict]:
    if clip is not None:
        shown = clipped_segment(p, q, clip)
        if shown is None:
            return []
        p, q = shown
    if q < p:  # sorted((p, q)), written out
        p, q = q, p
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 0.1:
        return [{"orientation": "h", "x0": x0, "x1": x1, "top": y0, "bottom": y0, "width": x1 - x0, "height": 0, "doctop": y0,
                 "object_type": "line"}]
    if abs(x0 - x1) < 0.1:
        top, bottom = min(y0, y1), max(y0, y1)
        return [{"orientation": "v", "x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0, "doctop": top,
                 "height": bottom - top, "object_type": "line"}]
    return []
