"""What calamine does not tell: each numeric cell's number format, read from the package's XML.

Excel stores a number as a float and shows it through a format (``0.00``, ``#,##0``); a reader must
print what Excel shows, not ``str(float)``. This module maps sheet name → {(row, col): format code}
for numeric cells, streaming the sheet XML so a large sheet costs little memory.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree.ElementTree import iterparse, parse

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]+)(\d+)")

# Built-in number formats (ECMA-376 §18.8.30) that matter for amounts; dates come typed from calamine.
BUILTIN = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
    48: "##0.0E+0", 49: "@",
}


def sheet_formats(package: zipfile.ZipFile) -> dict[str, dict[tuple[int, int], str]]:
    """For every worksheet, by name: the format code of each numeric cell that has a style (0-based)."""
    formats = _style_formats(package)
    out = {}
    for name, path in _sheet_paths(package).items():
        out[name] = _cell_formats(package, path, formats) if path in package.namelist() else {}
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
                targets[rel.get("Id")] = path
    return {s.get("name"): targets.get(s.get(_REL + "id"), "") for s in book.iter(_MAIN + "sheet")}


def _style_formats(package: zipfile.ZipFile) -> list[str]:
    """Format code per cell style index (cellXfs order)."""
    if "xl/styles.xml" not in package.namelist():
        return []
    with package.open("xl/styles.xml") as f:
        root = parse(f).getroot()
    custom = {int(n.get("numFmtId")): n.get("formatCode", "") for n in root.iter(_MAIN + "numFmt")}
    xfs = root.find(_MAIN + "cellXfs")
    codes = []
    for xf in xfs.iter(_MAIN + "xf") if xfs is not None else ():
        fid = int(xf.get("numFmtId", "0"))
        codes.append(custom.get(fid) or BUILTIN.get(fid, "General"))
    return codes


def _cell_formats(package: zipfile.ZipFile, path: str, formats: list[str]) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    row, col = -1, -1
    with package.open(path) as f:
        for event, el in iterparse(f, events=("start", "end")):
            if el.tag == _MAIN + "row":
                if event == "start":
                    row, col = (int(el.get("r")) - 1 if el.get("r", "").isdigit() else row + 1), -1
                else:
                    el.clear()
                continue
            if event == "end" and el.tag == _MAIN + "sheetData":
                break
            if event == "start" or el.tag != _MAIN + "c":
                continue
            row, col = _position(el.get("r"), row, col)
            style = el.get("s")
            if style and el.get("t", "n") == "n" and int(style) < len(formats):
                out[(row, col)] = formats[int(style)]
            el.clear()
    return out


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
