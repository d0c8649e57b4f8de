"""A page's printed characters from PDFium's text page, taken in bulk: the whole text in one call,
then one box call per character, with nothing built per character but the Char itself.

PDFium's boxes are in PDF user space; each Char is on the displayed page (pdf_pdfium.View).
"""
from __future__ import annotations

import ctypes
import math
import struct
from array import array
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from . import pdf_calls as call
from .pdf_glyphs import TextClips, font_box
from .pdf_ink import IDENTITY, SLACK

# What an undecodable character of the text layer reads as (U+FFFD REPLACEMENT CHARACTER).
REPLACEMENT = "\ufffd"
# What PDFium's page text holds where a character has no usable code (its own code is asked then).
_NO_CODE = 0xFFFE
# A page whose text clearly has enough characters is not asked again (the edges of PDFium's text may
# differ from the characters' by a few generated ones).
_MARGIN = 16
# A clip box not asked for yet (None is an answer: not clipped).
_UNKNOWN: Any = ()
_FOUR_FLOATS = struct.Struct("4f")


class Char(NamedTuple):
    """One printed character and its box on the displayed page. A tuple, not a dataclass: a page has
    thousands and building each one is on the reader's hottest path."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    clipped: bool = False  # outside its text object's clip path: in the file, not on the page

    @property
    def size(self) -> float:
        return self.bottom - self.top


def page_codes(textpage) -> tuple[list[int], bool]:
    """Each character's UTF-16 code, by index: PDFium's page text in one call (and True). Where that
    text does not line up with the characters (a damaged page) each character is asked (and False);
    where it holds no code for one, that one is asked."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return [], True
    buffer = (ctypes.c_ushort * (2 * count + 2))()  # room to spare: PDFium's text may hold more units
    if pdfium_c.FPDFText_GetText(raw, 0, count, buffer) != count + 1:
        tp = call.handle(raw)
        return [call.unicode_of(tp, i) for i in range(count)], False
    codes = buffer[:count]
    if _NO_CODE in codes:
        tp = call.handle(raw)
        codes = [call.unicode_of(tp, i) if code == _NO_CODE else code for i, code in enumerate(codes)]
    return codes, True


def has_text(textpage, codes: tuple[list[int], bool], least: int) -> bool:
    """Whether the page's text (pypdfium2's get_text_range, stripped) has `least` characters or more;
    answered from the codes already taken when they clearly have, else asked of PDFium as before."""
    units, whole = codes
    if whole and len(units) >= least + _MARGIN:
        text = array("H", (u for u in units if u <= 0xFFFF)).tobytes().decode("utf-16-le", "ignore")
        if len(text.strip()) >= least + _MARGIN:
            return True
    return len(textpage.get_text_range().strip()) >= least


def page_chars(textpage, view, page, codes: list[int] | None = None) -> list[Char]:
    """The printed characters (PDFium's generated spaces and line ends left out), loose font boxes,
    each marked if its clip path hides it.

    PDFium gives UTF-16 units: a surrogate pair (a CJK Extension B ideograph …) becomes one
    character; a lone surrogate (a damaged or lying ToUnicode map) becomes U+FFFD, which the
    reader reports, so no text with an unencodable character leaves this module.

    This loop runs for every character of every page: PDFium is asked through plain addresses
    (pdf_calls), boxes are read from one buffer in one unpack, min/max are comparisons written out
    (with the same result as min/max), and each Char is built as a tuple directly."""
    codes = page_codes(textpage)[0] if codes is None else codes
    out: list[Char] = []
    if not codes:
        return out
    raw, tp = textpage.raw, call.handle(textpage.raw)
    clips = TextClips(page.raw, view)
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    where, unpack = ctypes.addressof(rect), _FOUR_FLOATS.unpack_from
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    origin_refs = ctypes.addressof(origin_x), ctypes.addressof(origin_y)
    upright, left_edge, top_edge = view.rotation == 0, view.x0, view.y1
    band_top = band_bottom = math.inf  # the top and bottom of the character before (none yet: any band differs)
    boxes, known, slack, off = clips.boxes, clips.known, SLACK, clips.off
    clip_path, clip_paths, clip_segment = call.clip_path, call.clip_paths, call.clip_segment
    loose_box, is_generated, text_object, char_origin = call.loose_box, call.is_generated, call.text_object, call.char_origin
    new, append = tuple.__new__, out.append
    high: Char | None = None  # a high surrogate waiting for its low half
    for i, code in enumerate(codes):
        # PDFium generates only spaces and line ends (asked of spaces alone: one call a character less)
        if code <= 32:
            if code < 32 or is_generated(tp, i) == 1:
                continue
        elif code == 0xFFFE or code == 0xFFFF or 0x7F <= code <= 0x9F:
            continue  # no character, or a control one (DEL, C1): a text layer can map a space glyph to one
        elif code == 0xAD:
            code = 0x2D  # a soft hyphen that is drawn is a hyphen (pdftocairo maps "- 1 -" footers' hyphens so)
        loose = loose_box(tp, i, where)
        if loose:
            left, up, right, down = unpack(rect)
            box = (left, down, right, up)
        else:
            box = _tight_box(raw, i)
        if upright:  # View.box, inline (min and max written out): most pages are not turned
            ax, at, bx, bt = box[0] - left_edge, top_edge - box[3], box[2] - left_edge, top_edge - box[1]
            x0, x1 = (bx, ax) if bx < ax else (ax, bx if bx > ax else ax)
            top, bottom = (bt, at) if bt < at else (at, bt if bt > at else at)
        else:
            x0, top, x1, bottom = view.box(*box)
        # a box on the band of the character before it is a font box; any other may be ink (pdf_glyphs.font_box,
        # asked only when the box does not start at the character's origin, as it does in the usual case)
        if loose and (abs(band_top - top) > 0.01 or abs(band_bottom - bottom) > 0.01):
            if char_origin(tp, i, *origin_refs) and not abs(box[0] - origin_x.value) < 0.01:
                fixed = font_box(raw, i, box)
                if fixed != box:
                    x0, top, x1, bottom = view.box(*fixed)
        # TextClips.hides, inline: the object's clip box, asked of PDFium once per object
        hidden = False
        key = None if off else text_object(tp, i)
        if key:
            clip = boxes.get(key, _UNKNOWN)
            if clip is _UNKNOWN:  # pdf_ink.displayed_clip's look-up by path data, inline: one object a character (WPS)
                path = clip_path(key)
                if path:
                    last = clip_paths(path) - 1
                    clip = known.get((IDENTITY, last, clip_segment(path, last, 0)), _UNKNOWN)
                if not path:
                    clip = boxes[key] = None
                elif clip is _UNKNOWN:
                    clip = clips.box(key)
                else:
                    boxes[key] = clip
            if clip is not None:
                x, y = (x0 + x1) / 2, (top + bottom) / 2
                if not (clip[0] - slack <= x <= clip[2] + slack and clip[1] - slack <= y <= clip[3] + slack):
                    hidden = clips.outside(key, x0, top, x1, bottom)
                    off = clips.off
        if high is None and (code < 0xD800 or 0xDFFF < code <= 0x10FFFF):  # the usual character
            append(new(Char, (chr(code), x0, x1, top, bottom, hidden)))
            band_top, band_bottom = top, bottom
            continue
        char = Char(chr(min(code, 0x10FFFF)), x0, x1, top, bottom, hidden)
        if high is not None and 0xDC00 <= code <= 0xDFFF:
            pair = 0x10000 + ((ord(high.text) - 0xD800) << 10) + (code - 0xDC00)
            out.append(Char(chr(pair), min(high.x0, char.x0), max(high.x1, char.x1), min(high.top, char.top),
                            max(high.bottom, char.bottom), high.clipped))
            high = None
        else:
            if high is not None:
                out.append(_replaced(high))
                high = None
            if 0xD800 <= code <= 0xDBFF:
                high = char
            else:
                out.append(_replaced(char) if 0xDC00 <= code <= 0xDFFF or code > 0x10FFFF else char)
        band_top, band_bottom = (out[-1].top, out[-1].bottom) if out else (math.inf, math.inf)
    if high is not None:
        out.append(_replaced(high))
    return out


def _tight_box(raw, i: int) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(raw, i, *(ctypes.byref(v) for v in (left, right, bottom, top)))
    rect = pdfium_c.FS_RECTF(left.value, top.value, right.value, bottom.value)  # kept as floats, as the loose box
    return rect.left, rect.bottom, rect.right, rect.top


def _replaced(char: Char) -> Char:
    return char._replace(text=REPLACEMENT)
