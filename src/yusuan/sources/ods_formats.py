"""The number format of every number cell of an .ods, and its merged cells, read from its content.xml
(calamine gives the values only).

A merged cell is a table-cell spanning columns and rows (table:number-columns-spanned/-rows-spanned).

A number cell names a cell style (its own, or its column's default); the cell style names a data style
(``number:number-style`` with its decimal places and grouping). The data style becomes the Excel-like
code the XLSX reader prints through (``#,##0.00``), so an .ods prints 72.40 where its page does. A cell
style without a data style is General. Where a cell's style cannot be followed (a common style kept in
styles.xml, a date or currency style), the workbook's formats are reported unknown (None).
"""
from __future__ import annotations

import zipfile
from xml.etree.ElementTree import iterparse

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DATA_STYLES = {f"{_NUMBER}number-style": "", f"{_NUMBER}percentage-style": "%"}
_NUMBERS = ("float", "percentage")
# A merged cell repeated more often than this is no title or header (a hostile file repeats one over a
# million empty rows and columns): it is not laid out.
_MAX_REPEATED_MERGE = 100

Formats = dict[str, dict[tuple[int, int], str]]
Merges = dict[str, list[tuple[tuple[int, int], tuple[int, int]]]]


def ods_formats(package: zipfile.ZipFile) -> tuple[Formats | None, Merges]:
    """Sheet name → (row, column) → number format code (None where some number cell's format is unknown),
    and sheet name → its merged ranges."""
    data: dict[str, str] = {}  # data style name → code
    cells: dict[str, str | None] = {}  # cell style name → its data style name
    out: Formats = {}
    merges: Merges = {}
    sheet: dict[tuple[int, int], str] = {}
    known = True
    row, defaults = 0, list[tuple[int, str | None]]()
    with package.open("content.xml") as content:
        for event, el in iterparse(content, events=("start", "end")):
            if event == "start" and el.tag == f"{_TABLE}table":
                name = el.get(f"{_TABLE}name", "")
                sheet, row, defaults = out.setdefault(name, {}), 0, []
                merged = merges.setdefault(name, [])
            elif event != "end":
                continue
            elif el.tag in _DATA_STYLES:
                data[el.get(f"{_STYLE}name", "")] = _code(el, _DATA_STYLES[el.tag])
            elif el.tag == f"{_STYLE}style" and el.get(f"{_STYLE}family") == "table-cell":
                cells[el.get(f"{_STYLE}name", "")] = el.get(f"{_STYLE}data-style-name")
            elif el.tag == f"{_TABLE}table-column":
                defaults.append((int(el.get(f"{_TABLE}number-columns-repeated", "1")), el.get(f"{_TABLE}default-cell-style-name")))
            elif el.tag == f"{_TABLE}table-row":
                repeat = int(el.get(f"{_TABLE}number-rows-repeated", "1"))
                known = _row(el, row, repeat, sheet, defaults, cells, data) and known
                merged += _spans(el, row, repeat)
                row += repeat
                el.clear()
    return (out if known else None), merges


def _spans(el, row: int, repeat: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    out, col = [], 0
    for cell in el:
        across = int(cell.get(f"{_TABLE}number-columns-spanned", "1"))
        down = int(cell.get(f"{_TABLE}number-rows-spanned", "1"))
        span = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
        if (across > 1 or down > 1) and repeat * span <= _MAX_REPEATED_MERGE:
            out += [((r, c), (r + down - 1, c + across - 1)) for r in range(row, row + repeat) for c in range(col, col + span)]
        col += span
    return out


def _code(style, suffix: str) -> str:
    number = style.find(f"{_NUMBER}number")
    if number is None:
        return "General"
    places = int(number.get(f"{_NUMBER}decimal-places", "0"))
    whole = "#,##0" if number.get(f"{_NUMBER}grouping") == "true" else "0"
    return whole + ("." + "0" * places if places else "") + suffix


def _row(el, row: int, repeat: int, sheet, defaults, cells, data) -> bool:
    """Record the row's number cells' codes; False where one cannot be followed."""
    col = 0
    for cell in el:
        span = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
        if cell.get(f"{_OFFICE}value-type") in _NUMBERS:
            style = cell.get(f"{_TABLE}style-name") or _column_default(defaults, col)
            if style is not None and style not in cells:
                return False
            data_style = cells.get(style) if style else None
            if data_style is not None and data_style not in data:
                return False
            code = data[data_style] if data_style else "General"
            for r in range(row, row + repeat):
                for c in range(col, col + span):
                    sheet[(r, c)] = code
        col += span
    return True


def _column_default(defaults: list[tuple[int, str | None]], col: int) -> str | None:
    at = 0
    for span, style in defaults:
        if col < at + span:
            return style
        at += span
    return None
