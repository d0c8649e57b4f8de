"""Data lines to draft rows: code, label and the printed values, one row per side of a line.

Wrapped labels (``二十二、国有资本经营 预算支出``) are squashed. A cell that no column can take is
reported with its line; nothing is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import Amount, ColumnKind, IngestIssue, MoneyUnit
from ...text.folding import fold, squash
from ...sources.raw import BBox, RawLine
from ..claims import Context
from ..numbers import parse_amount
from ...reference.codes import parse_code
from .headers import GridColumn, Layout
from .placement import aligned, column_spans, header_keys, is_repeated_header
from .templates import CODE_PARTS, LABEL, SIDES, is_label_part

_DIGITS = re.compile(r"^\d+$")
_BRACKETED_CODE = re.compile(r"^[\[［【](\d{3}(?:\d{2}){0,2})[\]］】]\s*(.+)$")


@dataclass(frozen=True)
class DraftValue:
    column: str
    text: str
    amount: Amount | None
    bbox: BBox | None = None  # the printed cell on its page, where the reader knows it


@dataclass(frozen=True)
class DraftRow:
    side: str | None
    label: str
    code: str | None
    values: tuple[DraftValue, ...]
    line: RawLine

    def text(self, column: str) -> str:
        return next((v.text for v in self.values if v.column == column), "")


def _box(line: RawLine, index: int) -> BBox | None:
    box = line.bboxes[index] if line.bboxes and index < len(line.bboxes) else None
    return tuple(round(x, 1) for x in box) if box else None  # type: ignore[return-value]


def _cell(line: RawLine, index: int) -> str:
    return line.cells[index].strip() if index < len(line.cells) else ""


class RowReader:
    """Reads the data lines of one table (its layout and unit fixed) into draft rows and issues."""

    def __init__(self, layout: Layout, unit: MoneyUnit | None, two_sided: bool, ctx: Context) -> None:
        self.layout, self.unit, self.ctx = layout, unit, ctx
        # Sides in printing order, as the header placed the columns (收入 | 支出, or 收入 | 功能分类 | 支出用途).
        self.sides = tuple(s for s in SIDES if any(c.side == s for c in layout.columns)) if two_sided else (None,)
        self.issues: list[IngestIssue] = []
        # A table without a name column (Shanghai's 三公 table: one row of figures) has unlabelled rows.
        self.labelled = any(c.key == LABEL for c in layout.columns)
        self.header = header_keys(layout)
        self.spans = column_spans(layout)
        self._class: str | None = None  # the 类 of the last coded row, for a 款 printed by its own digits

    def read(self, lines: tuple[RawLine, ...]) -> list[DraftRow]:
        rows: list[DraftRow] = []
        for line in lines:
            line = aligned(line, self.layout, self.spans)
            if is_repeated_header(line, self.header):
                continue
            self._report_unplaced(line)
            sided = [self._row(line, [c for c in self.layout.columns if c.key and c.side == s], s) for s in self.sides]
            for row in _merged_labels(sided, self._spanning(line), self.sides):
                if row and not (row.label or row.code) and self.labelled:
                    self.issues.append(self.ctx.issue("ingest.row_unlabelled", "此行有数值但没有项目名称或编码。", line))
                if row:
                    rows.append(row)
        return rows

    def _spanning(self, line: RawLine) -> list[bool]:
        """Per side (but the last): whether the line's name cell on that side is merged over the next
        side's columns (its box reaches past where the next side starts)."""
        out = []
        for side, after in zip(self.sides, self.sides[1:]):
            name = next((c.index for c in self.layout.columns if c.side == side and c.key == LABEL), None)
            start = min((self.spans[c.index][0] for c in self.layout.columns  # type: ignore[index]
                         if c.side == after and self.spans[c.index]), default=None)
            box = line.bboxes[name] if line.bboxes and name is not None and name < len(line.bboxes) else None
            out.append(bool(box and start is not None and box[2] > start + 1))
        return out

    def _report_unplaced(self, line: RawLine) -> None:
        placed = {c.index for c in self.layout.columns if c.key and (c.side in self.sides)}
        for i, cell in enumerate(line.cells):
            if cell.strip() and i not in placed:
                self.issues.append(self.ctx.issue(
                    "ingest.cell_unplaced", f"第{i + 1}列的内容“{cell.strip()}”无法对应到表头的任何一列。", line,
                ))

    def _row(self, line: RawLine, columns: list[GridColumn], side: str | None) -> DraftRow | None:
        label, code = "", []
        values = []
        for col in columns:
            text = _cell(line, col.index)
            if not text:
                continue
            if col.key == LABEL:
                label = squash(text)
            elif col.key in CODE_PARTS:
                code.append(text)
            elif is_label_part(col.key) and not label:
                label = squash(text)  # the row is named in a lower level of the name columns
            else:
                values.append(self._value(col, text, line))
        real_code, label = self._code(code, label, line)
        real_code, unit_code = self._expand(real_code)
        if unit_code:  # a budget unit's code where the classification codes stand (西安 125001): kept as text
            values.append(DraftValue("unit_code", unit_code, None))
        if not (label or real_code or values):
            return None
        return DraftRow(side, label, real_code, tuple(values), line)


    def _expand(self, code: str | None) -> tuple[str | None, str]:
        """(classification code, unit code): a 款 printed by its own two digits under its 类 (西安 ``05`` under
        208, 长沙 ``| 03 |`` in the 款 column) is that 类's 款; six digits are a budget unit's code."""
        if not code or not code.isdigit():
            return code, ""
        if len(code) == 6:
            return None, code
        if len(code) == 2 and self._class:
            code = self._class + code
        if len(code) in (3, 5, 7):
            self._class = code[:3]
        return code, ""

    def _code(self, parts: list[str], label: str, line: RawLine) -> tuple[str | None, str]:
        """(code, label) from the code cell(s). Words in the first code cell (合计) are the label when the
        label cell is empty. Split codes are joined (``208 05 01`` → 2080501); a code that does not
        join (``7 11 02``, a misprint) is kept as printed, for the audit's code rules to report."""
        folded = [fold(p) for p in parts]
        if not folded:
            bracketed = _BRACKETED_CODE.match(label)  # ``[201]一般公共服务支出``: the code printed in the name cell
            return (bracketed.group(1), bracketed.group(2)) if bracketed else (None, label)
        if not _DIGITS.match(folded[0]):
            if label:
                self.issues.append(self.ctx.issue("ingest.code_not_code", f"科目编码栏的内容“{parts[0]}”不是编码。", line))
            return None, squash(parts[0]) + label
        if len(folded) == 1:
            return folded[0], label
        try:
            return parse_code(*folded), label
        except ValueError:
            return " ".join(folded), label

    def _value(self, col: GridColumn, text: str, line: RawLine) -> DraftValue:
        if col.kind is ColumnKind.TEXT or self.unit is None:
            return DraftValue(col.key, squash(text), None, _box(line, col.index))  # text wraps like labels do
        amount = parse_amount(text, self.unit)
        if amount is None:
            self.issues.append(self.ctx.issue(
                "ingest.not_a_number", f"金额栏“{col.label}”的内容“{text}”不是数字。", line,
            ))
        return DraftValue(col.key, text, amount, _box(line, col.index))


def _merged_labels(rows: list[DraftRow | None], spanning: list[bool], sides: tuple) -> list[DraftRow | None]:
    """A name printed in a cell merged over the next side's name column (``支出合计`` over 功能分类
    and 支出用途, its amount under 支出用途) names that side's row: one row, not two. Known by the
    cell's box where the page gives it, else by the name standing alone beside unnamed figures."""
    out = list(rows)
    for i in range(len(out) - 1):
        named, figures = out[i], out[i + 1]
        if not (named and named.label and not named.values and not named.code):
            continue
        if figures and not figures.label and not figures.code and figures.values:
            out[i], out[i + 1] = None, replace(figures, label=named.label)
        elif figures is None and spanning[i]:
            out[i], out[i + 1] = None, replace(named, side=sides[i + 1])
    return out

