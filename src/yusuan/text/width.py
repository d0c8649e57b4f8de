"""How many lines a text wraps to in a spreadsheet column (CJK characters count double).

Spreadsheet programs do not grow a row that a generated file leaves at the default height (LibreOffice
Calc prints only the last wrapped line of such a cell; the others are lost from its PDF), so every
writer of a workbook sets the height of a row whose text wraps.
"""
from __future__ import annotations

import math
import unicodedata


def text_lines(text: str, width: int) -> int:
    """How many printed lines a text takes in a column `width` characters wide (CJK count double)."""
    usable = max(1, width - 1)
    return sum(max(1, math.ceil(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in para) / usable))
               for para in text.split("\n"))
