"""The size of a sheet's text and its formulas without values, read from the package's XML.

Excel stores a string once (xl/sharedStrings.xml) and lets any number of cells point at it; calamine
gives each cell its own copy. A 2 MB string used by 5,000 cells is 10 GB of text from a 30 KB file,
so the text each sheet would become is counted first, from the strings' lengths alone.

A formula saved without its value (written by a program, never opened in Excel) has no number to
show: calamine reads it as an empty cell, which the checks would take for a zero.
"""
from __future__ import annotations

import zipfile
from xml.etree.ElementTree import iterparse

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SST = "xl/sharedStrings.xml"


def shared_string_lengths(package: zipfile.ZipFile) -> list[int]:
    """Characters of each shared string, in index order; the strings themselves are not kept."""
    if _SST not in package.namelist():
        return []
    lengths: list[int] = []
    size = 0
    with package.open(_SST) as f:
        for event, el in iterparse(f, events=("start", "end")):
            if event == "start":
                if el.tag == _MAIN + "si":
                    size = 0
                continue
            if el.tag == _MAIN + "t":
                size += len(el.text or "")
                el.clear()
            elif el.tag == _MAIN + "si":
                lengths.append(size)
                el.clear()
    return lengths


def cell_text_size(cell, strings: list[int]) -> int:
    """Characters the cell's string holds: its shared string's length, or its inline text's."""
    kind = cell.get("t")
    if kind == "s":
        value = (cell.findtext(_MAIN + "v") or "").strip()
        return strings[int(value)] if value.isdigit() and int(value) < len(strings) else 0
    if kind == "inlineStr":
        return sum(len(t.text or "") for t in cell.iter(_MAIN + "t"))
    return 0


def is_uncached_formula(cell) -> bool:
    """A cell holding a formula whose value was never saved (no <v>, or an empty one)."""
    if cell.find(_MAIN + "f") is None:
        return False
    return not (cell.findtext(_MAIN + "v") or "").strip() and cell.find(_MAIN + "is") is None
