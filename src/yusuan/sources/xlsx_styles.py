"""What calamine does not tell: each numeric cell's number format, read from the package's XML.

Excel stores a number as a float and shows it through a format (``0.00``, ``#,##0``); a reader must
print what Excel shows, not ``str(float)``. This module maps sheet name → {(row, col): format code}
for numeric cells, streaming the sheet XML so a large sheet costs little memory.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import iterparse, parse

from .xlsx_strings import cell_text_size, is_uncached_formula, shared_string_lengths

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]+)(\d+)")
# A budget sheet has hundreds of rows; one with more than this many rows holding values is not one.
MAX_ROWS = 100_000

# Built-in number formats (ECMA-376 §18.8.30) that matter for amounts; dates come typed from calamine.
BUILTIN = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
    48: "##0.0E+0", 49: "@",
}


@dataclass(frozen=True)
class SheetXml:
    """What the reader needs from a sheet's XML: numeric cells' format codes by (row, col), 0-based,
    and the extent of the cells holding a value (rows, columns: the last one's number), which
    calamine turns into a dense grid — a cell at row 10⁹ would make it allocate without bound."""

    formats: dict[tuple[int, int], str]
    rows: int = 0
    cols: int = 0
    text: int = 0  # characters of the cells' strings (a shared string counts once per cell using it)
    uncached: tuple[tuple[int, int], ...] = ()  # formulas saved without their value (row, col)
    filled_rows: int = 0  # rows holding at least one value, counted up to MAX_ROWS + 1


def sheet_formats(package: zipfile.ZipFile) -> dict[str, SheetXml]:
    """For every worksheet, by name: its numeric cells' format codes and its extent."""
    formats = _style_formats(package)
    strings = shared_string_lengths(package)
    out = {}
    for name, path in _sheet_paths(package).items():
        out[name] = _cell_formats(package, path, formats, strings) if path in package.namelist() else SheetXml({})
    return out


def _sheet_paths(package: zipfile.ZipFile) -> dict[str, str]:
    with package.open("xl/workbook.xml") as f:
        book = parse(f).getroot()
    targets = {}
    if "xl/_rels/workbook.xml.rels" in package.namelist():
        with package.open("xl/_rels/workbook.xml.rels") as f:
            for rel in parse(f).getroot().iter(_PKG_REL + "Relationship"):
                target = rel.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
                targets[rel.get("Id", "")] = path
    return {s.get("name", ""): targets.get(s.get(_REL + "id", ""), "") for s in book.iter(_MAIN + "sheet")}


def _style_formats(package: zipfile.ZipFile) -> list[str]:
    """Format code per cell style index (cellXfs order)."""
    if "xl/styles.xml" not in package.namelist():
        return []
    with package.open("xl/styles.xml") as f:
        root = parse(f).getroot()
    custom = {int(n.get("numFmtId", "")): n.get("formatCode", "") for n in root.iter(_MAIN + "numFmt")}
    xfs = root.find(_MAIN + "cellXfs")
    codes = []
    for xf in xfs.iter(_MAIN + "xf") if xfs is not None else ():
        fid = int(xf.get("numFmtId", "0"))
        codes.append(custom.get(fid) or BUILTIN.get(fid, "General"))
    return codes


def _cell_formats(package: zipfile.ZipFile, path: str, formats: list[str], strings: list[int]) -> SheetXml:
    """One streaming pass over the sheet; it stops after MAX_ROWS + 1 rows holding values (the reader
    refuses such a sheet anyway), and drops each row once seen so memory stays flat."""
    out: dict[tuple[int, int], str] = {}
    row, col = -1, -1
    last_row = last_col = -1
    text, filled, row_filled = 0, 0, False
    uncached: list[tuple[int, int]] = []
    data = None
    with package.open(path) as f:
        for event, el in iterparse(f, events=("start", "end")):
            if el.tag == _MAIN + "row":
                if event == "start":
                    row, col, row_filled = (int(el.get("r")) - 1 if el.get("r", "").isdigit() else row + 1), -1, False
                    continue
                filled += row_filled
                if data is not None:
                    data.clear()  # the cleared rows would otherwise stay children of <sheetData>
                if filled > MAX_ROWS:
                    break
                continue
            if el.tag == _MAIN + "sheetData":
                if event == "start":
                    data = el
                    continue
                break
            if el.tag != _MAIN + "c":
                continue
            if event == "start":  # the reference is read at the start: children may not be parsed yet
                row, col = _position(el.get("r"), row, col)
                continue
            if len(el):  # a value (<v>, <is>) or a formula: calamine keeps the cell
                last_row, last_col, row_filled = max(last_row, row), max(last_col, col), True
            text += cell_text_size(el, strings)
            if is_uncached_formula(el):
                uncached.append((row, col))
            style = el.get("s")
            if style and el.get("t", "n") == "n" and 0 <= int(style) < len(formats):
                out[(row, col)] = formats[int(style)]
            el.clear()
    return SheetXml(out, last_row + 1, last_col + 1, text, tuple(uncached), filled)


def _position(ref: str | None, row: int, col: int) -> tuple[int, int]:
    """0-based (row, col) of a cell from its reference (``C3``), or the next one when it has none."""
    match = _REF.fullmatch(ref or "")
    if not match:
        return row, col + 1
    letters, digits = match.groups()
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return int(digits) - 1, number - 1
