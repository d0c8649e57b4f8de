"""Page geometry as PDFium repairs it, and as the text shows it: the box a file gets wrong (corners
inverted, empty) and the turn that sets the text upright when a /Rotate would leave it sideways.

Hostile or careless files (issue 19, p05/p06) add /Rotate 90/180/270 to upright pages or write
MediaBox [842 595 0 0] or [0 0 0 0]; PDFium and poppler show such pages, so the reader reads them.
"""
from __future__ import annotations

import math

import pypdfium2.raw as pdfium_c

from . import pdf_calls as call

# PDFium's page when the file gives no usable box (CPDF_Page::UpdateDimensions): US Letter.
LETTER = (612.0, 792.0)
MARGIN = 36.0  # points around the text of a page without a box (loose glyph boxes reach past tight ones)


def page_box(page) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the crop box as PDFium uses it: corners in any order (an inverted
    box is the same rectangle), an empty crop box falling back to the media box, an empty media
    box to Letter."""
    for box in (page.get_cropbox(), page.get_mediabox()):
        left, right, bottom, top = sorted(box[0::2]) + sorted(box[1::2])
        if right - left > 0 and top - bottom > 0:
            return left, bottom, right, top
    return 0.0, 0.0, *LETTER


def declared_empty(page) -> bool:
    left, bottom, right, top = page.get_mediabox()
    return right == left or top == bottom


def text_extent(textpage) -> tuple[float, float]:
    """(rightmost, topmost) point of the page's characters in user space."""
    right = top = 0.0
    for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
        x0, _, x1, y1 = textpage.get_charbox(i)
        right, top = max(right, x1), max(top, y1)
    return right, top


def upright_turn(textpage, declared: int, sample: int = 200) -> int:
    """The turn (clockwise, as /Rotate) that sets the page's text upright: the declared one, unless most
    characters would then read sideways or upside down (a /Rotate added to an upright page)."""
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    if count == 0:
        return declared
    votes: dict[int, int] = {}
    turns: dict[float, int] = {}  # angle → turn: a page's characters share a few angles (asked for every page)
    tp, angle_of = call.handle(textpage.raw), call.char_angle
    for i in range(0, count, max(1, count // sample)):
        angle = angle_of(tp, i)
        if angle >= 0:  # PDFium's angle is clockwise in user space; the page turns the other way to right it
            turn = turns.get(angle)
            if turn is None:
                turn = turns[angle] = (360 - round(math.degrees(angle) / 90) * 90) % 360
            votes[turn] = votes.get(turn, 0) + 1
    best = max(votes, key=lambda turn: votes[turn], default=declared)
    return best if votes.get(best, 0) > 0.8 * sum(votes.values()) else declared
