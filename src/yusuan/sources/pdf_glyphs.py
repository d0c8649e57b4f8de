"""Characters as printed, whichever program wrote the PDF: the font box PDFium leaves out for some
characters, and the clip path that hides others (sources/pdf_ink.py for clip boxes)."""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

from .pdf_ink import IDENTITY, SLACK, Box, address, compose, displayed_clip, intersection, object_matrix


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
    """The displayed clip box of each character's text object, read when a character asks (the
    reader asks inline, sources/pdf_chars.py: `boxes` by object address, else `box`; `outside` when
    a character lies outside that box). A page's
    own objects keep their clip in page space; an object inside a form keeps it in the form's space,
    and the form's own clip hides it too. So before a character is called hidden, the page's forms
    are walked (once, and only then: hidden text is rare) to find whether its object is in one. A
    page with more objects than `limit` is not looked into (its text all counts as shown)."""

    def __init__(self, page, view, limit: int = 50_000) -> None:
        self.view = view
        self._page = page
        self._limit = limit
        self.boxes: dict[int | None, Box | None] = {}
        self.known: dict = {}  # clip boxes by path data (displayed_clip; the reader looks here first)
        self._forms_walked = False
        self.off = False

    def box(self, key: int) -> Box | None:
        """The clip box of the text object at address `key`, in page space (None: not clipped)."""
        if key in self.boxes:
            return self.boxes[key]
        box = self.boxes[key] = displayed_clip(key, IDENTITY, self.view, self.known)
        return box

    def outside(self, key: int, x0: float, top: float, x1: float, bottom: float) -> bool:
        """For a character found outside its object's own clip (`box`): whether it is hidden, once the
        object is known to lie in a form or not (whose space its clip is in, and whose clip holds it)."""
        if not self._forms_walked:  # the box may be in a form's space: look, then ask again
            self._walk_forms()
            box = self.boxes[key]
            if box is None or _inside(box, (x0 + x1) / 2, (top + bottom) / 2):
                return False
        return not self.off

    def _walk_forms(self) -> None:
        self._forms_walked = True
        count = pdfium_c.FPDFPage_CountObjects(self._page)
        self._seen = count
        if count > self._limit:
            self.off = True
            return
        for k in range(count):
            obj = pdfium_c.FPDFPage_GetObject(self._page, k)
            if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
                self._walk(obj, IDENTITY, None)

    def _walk(self, form, matrix, outer: Box | None) -> None:
        """The text objects inside a form (and the forms inside it), with the clips that hold them."""
        inner = compose(matrix, object_matrix(form))
        outer = _within(outer, displayed_clip(form, matrix, self.view))
        for k in range(pdfium_c.FPDFFormObj_CountObjects(form)):
            self._seen += 1
            if self._seen > self._limit:
                self.off = True
                return
            obj = pdfium_c.FPDFFormObj_GetObject(form, k)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                self.boxes[address(obj)] = _within(outer, displayed_clip(obj, inner, self.view, self.known))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                self._walk(obj, inner, outer)


def _inside(box: Box, x: float, y: float) -> bool:
    return box[0] - SLACK <= x <= box[2] + SLACK and box[1] - SLACK <= y <= box[3] + SLACK



def _within(outer: Box | None, inner: Box | None) -> Box | None:
    if outer is None or inner is None:
        return inner if outer is None else outer
    return intersection(outer, inner)

