"""DOCX reader (python-docx): paragraphs and tables in body order, in the text form's shape.

A table row is one line with a cell per grid column: a horizontally merged cell (gridSpan) keeps its
text in its first column and "" in the others; a vertically merged continuation (vMerge) is "".
Pages are counted from explicit page breaks (Word's own pagination is not stored in the file).
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

from ..errors import InputError
from .ooxml import open_package
from .pdf_text import join_wrapped
from .raw import RawDocument, RawLine

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, *, data: bytes | None = None) -> RawDocument:
    """Read a Word disclosure into raw lines."""
    data = path.read_bytes() if data is None else data
    body = _body(data)
    out = _Out()
    for element in _blocks(body):
        if element.tag == _W + "tbl":
            out.table(element)
        else:
            out.paragraph(element)
    return RawDocument(
        file=path.name,
        format="docx",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=out.done(),
        pages=out.page,
    )


def _body(data: bytes):
    import docx  # python-docx

    package = open_package(data, "Word(DOCX)")
    package.close()
    try:
        return docx.Document(io.BytesIO(data)).element.body
    except Exception as exc:  # python-docx fails on a damaged package with many error types
        raise InputError("Word(DOCX) 文件内容已损坏，无法读取。", code="input.docx_corrupt", detail=repr(exc)) from exc


def _blocks(parent):
    """Body-level paragraphs and tables in order, looking inside content controls (w:sdt)."""
    for child in parent.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(p) -> str:
    """A paragraph's text; a tab stays a tab (it separates aligned cells), a line break joins."""
    parts = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if node.tag == _W + "t":
            parts.append(node.text or "")
        elif node.tag == _W + "tab":
            parts.append("\t")
    return "".join(parts)


def _breaks(p) -> int:
    """Page breaks a paragraph carries: explicit breaks, page-break-before, a section ending here."""
    count = sum(1 for br in p.iter(_W + "br") if br.get(_W + "type") == "page")
    ppr = p.find(_W + "pPr")
    if ppr is not None:
        before = ppr.find(_W + "pageBreakBefore")
        if before is not None and before.get(_W + "val") not in ("0", "false"):
            count += 1
        if ppr.find(_W + "sectPr") is not None:
            count += 1
    return count


def _row_cells(tr) -> tuple[str, ...]:
    cells: list[str] = []
    trpr = tr.find(_W + "trPr")
    cells += [""] * _int(trpr, "gridBefore")
    for tc in tr.iterchildren(_W + "tc"):
        tcpr = tc.find(_W + "tcPr")
        vmerge = tcpr.find(_W + "vMerge") if tcpr is not None else None
        continued = vmerge is not None and vmerge.get(_W + "val") in (None, "continue")
        text = "" if continued else join_wrapped([_paragraph_text(p) for p in tc.iter(_W + "p")])
        cells.append(text.replace("\t", " ").strip())
        cells += [""] * (max(_int(tcpr, "gridSpan"), 1) - 1)
    cells += [""] * _int(trpr, "gridAfter")
    return tuple(cells)


# Word tables have at most 63 columns: a span or skip beyond that is damage, and must not make the
# reader build a row of a billion empty cells (fuzz case docx:member_numbers:310568).
MAX_GRID_COLUMNS = 63


def _int(props, name: str) -> int:
    """A cell-grid count (gridSpan, gridBefore, gridAfter), 0 when absent or unreadable, at most 63."""
    node = props.find(_W + name) if props is not None else None
    try:
        value = int(node.get(_W + "val")) if node is not None else 0
    except (TypeError, ValueError):
        return 0
    return min(max(value, 0), MAX_GRID_COLUMNS)


class _Out:
    def __init__(self) -> None:
        self.lines: list[RawLine] = []
        self.page = 1

    def paragraph(self, p) -> None:
        cells = tuple(c.strip() for c in _paragraph_text(p).strip().split("\t"))
        cells = tuple(c for c in cells if c) if len(cells) > 1 else cells
        if any(cells):
            self._add(cells, is_row=len(cells) > 1)
        else:
            self.blank()
        self.page += _breaks(p)

    def table(self, tbl) -> None:
        self.blank()
        for tr in tbl.iterchildren(_W + "tr"):
            cells = _row_cells(tr)
            if any(cells):
                self._add(cells, is_row=True)
            for p in tr.iter(_W + "p"):
                self.page += _breaks(p)
        self.blank()

    def blank(self) -> None:
        if self.lines and not self.lines[-1].is_blank:
            self.lines.append(RawLine(cells=(), line=len(self.lines) + 1, page=self.page))

    def _add(self, cells: tuple[str, ...], *, is_row: bool) -> None:
        self.lines.append(RawLine(cells=cells, line=len(self.lines) + 1, page=self.page, is_row=is_row))

    def done(self) -> tuple[RawLine, ...]:
        return tuple(self.lines[:-1] if self.lines and self.lines[-1].is_blank else self.lines)
