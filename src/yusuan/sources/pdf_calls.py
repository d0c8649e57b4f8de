"""PDFium calls made once per character or per path segment, bound with plain addresses.

pypdfium2.raw wraps every handle in a typed ctypes pointer: each call converts its arguments and
builds a new pointer object for what it returns. On the reader's hot paths (every character, every
segment of every drawn line) that conversion costs more than PDFium's work, so the same C functions
are bound here with untyped addresses (ints) in and out. Handles are only passed on, never
dereferenced in Python.
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

_P, _I, _F = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
_FP = ctypes.POINTER(ctypes.c_float)


def _bind(function, result, *arguments):
    """The same C function, called with `arguments` and giving `result` (void* as int)."""
    return ctypes.CFUNCTYPE(result, *arguments)(ctypes.cast(function, _P).value)


def handle(pointer) -> int:
    """A pypdfium2 handle as the address the bound calls take (0 for NULL)."""
    return ctypes.cast(pointer, _P).value or 0


def as_object(address: int):
    """An address back as pypdfium2's page object handle (for the calls not bound here)."""
    return ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)


# characters
is_generated = _bind(pdfium_c.FPDFText_IsGenerated, _I, _P, _I)
unicode_of = _bind(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _P, _I)
loose_box = _bind(pdfium_c.FPDFText_GetLooseCharBox, _I, _P, _I, _P)  # FS_RECTF* as an address
char_origin = _bind(pdfium_c.FPDFText_GetCharOrigin, _I, _P, _I, _P, _P)  # double* x, double* y as addresses
text_object = _bind(pdfium_c.FPDFText_GetTextObject, _P, _P, _I)
# page objects
count_objects = _bind(pdfium_c.FPDFPage_CountObjects, _I, _P)
get_object = _bind(pdfium_c.FPDFPage_GetObject, _P, _P, _I)
form_count = _bind(pdfium_c.FPDFFormObj_CountObjects, _I, _P)
form_object = _bind(pdfium_c.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
object_type = _bind(pdfium_c.FPDFPageObj_GetType, _I, _P)
clip_path = _bind(pdfium_c.FPDFPageObj_GetClipPath, _P, _P)
clip_paths = _bind(pdfium_c.FPDFClipPath_CountPaths, _I, _P)
clip_segment = _bind(pdfium_c.FPDFClipPath_GetPathSegment, _P, _P, _I, _I)
# paths
count_segments = _bind(pdfium_c.FPDFPath_CountSegments, _I, _P)
get_segment = _bind(pdfium_c.FPDFPath_GetPathSegment, _P, _P, _I)
segment_point = _bind(pdfium_c.FPDFPathSegment_GetPoint, _I, _P, _FP, _FP)
segment_xy = _bind(pdfium_c.FPDFPathSegment_GetPoint, _I, _P, _P, _P)  # float* x, float* y as addresses
segment_type = _bind(pdfium_c.FPDFPathSegment_GetType, _I, _P)
segment_close = _bind(pdfium_c.FPDFPathSegment_GetClose, _I, _P)
clip_segments = _bind(pdfium_c.FPDFClipPath_CountPathSegments, _I, _P, _I)
object_matrix = _bind(pdfium_c.FPDFPageObj_GetMatrix, _I, _P, ctypes.POINTER(pdfium_c.FS_MATRIX))
object_bounds = _bind(pdfium_c.FPDFPageObj_GetBounds, _I, _P, _FP, _FP, _FP, _FP)
draw_mode = _bind(pdfium_c.FPDFPath_GetDrawMode, _I, _P, ctypes.POINTER(_I), ctypes.POINTER(_I))
_UP = ctypes.POINTER(ctypes.c_uint)
stroke_color = _bind(pdfium_c.FPDFPageObj_GetStrokeColor, _I, _P, _UP, _UP, _UP, _UP)
fill_color = _bind(pdfium_c.FPDFPageObj_GetFillColor, _I, _P, _UP, _UP, _UP, _UP)
char_angle = _bind(pdfium_c.FPDFText_GetCharAngle, _F, _P, _I)
