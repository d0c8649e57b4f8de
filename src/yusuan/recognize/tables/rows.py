"""Data lines to draft rows: code, label and the printed values, one row per side of a line.

Wrapped labels (``二十二、国有资本经营 预算支出``) are squashed. A cell that no column can take is
reported with its line; nothing is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Amount, ColumnKind, IngestIssue, MoneyUnit
from ...sources.normalize import fold, squash
from ...sources.raw import RawLine
from ..claims import Context
from ..numbers import parse_amount
from .headers import GridColumn, Layout, is_column_numbers
from .templates import CODE, EXPENDITURE, INCOME, LABEL

_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class DraftValue:
    column: str
    text: str
    amount: Amount | None


@dataclass(frozen=True)
class DraftRow:
    side: str | None
    label: str
    code: str | None
    values: tuple[DraftValue, ...]
    line: RawLine

    def text(self, column: str) -> str:
        return next((v.text for v in self.values if v.column == column), "")


def _cell(line: RawLine, index: int) -> str:
    return line.cells[index].strip() if index < len(line.cells) else ""


def _folded(line: RawLine) -> list[str]:
    cells = [fold(c) for c in line.cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _is_repeated_header(line: RawLine, layout: Layout) -> bool:
    """A header printed again after a page break (or the column-number row) is not data."""
    return is_column_numbers(line) or any(_folded(line) == _folded(h) for h in layout.header)


class RowReader:
    """Reads the data lines of one table (its layout and unit fixed) into draft rows and issues."""

    def __init__(self, layout: Layout, unit: MoneyUnit | None, two_sided: bool, ctx: Context) -> None:
        self.layout, self.unit, self.ctx = layout, unit, ctx
        self.sides = (INCOME, EXPENDITURE) if two_sided else (None,)
        self.issues: list[IngestIssue] = []

    def read(self, lines: tuple[RawLine, ...]) -> list[DraftRow]:
        rows: list[DraftRow] = []
        for line in lines:
            if _is_repeated_header(line, self.layout):
                continue
            self._report_unplaced(line)
            for side in self.sides:
                row = self._row(line, [c for c in self.layout.columns if c.key and c.side == side], side)
                if row:
                    rows.append(row)
        return rows

    def _report_unplaced(self, line: RawLine) -> None:
        placed = {c.index for c in self.layout.columns if c.key and (c.side in self.sides)}
        for i, cell in enumerate(line.cells):
            if cell.strip() and i not in placed:
                self.issues.append(self.ctx.issue(
                    "ingest.cell_unplaced", f"第{i + 1}列的内容“{cell.strip()}”无法对应到表头的任何一列。", line,
                ))

    def _row(self, line: RawLine, columns: list[GridColumn], side: str | None) -> DraftRow | None:
        label = code = ""
        values = []
        for col in columns:
            text = _cell(line, col.index)
            if not text:
                continue
            if col.key == LABEL:
                label = squash(text)
            elif col.key == CODE:
                code = text
            else:
                values.append(self._value(col, text, line))
        real_code, label = self._code(code, label, line)
        if not (label or real_code or values):
            return None
        if not (label or real_code):
            self.issues.append(self.ctx.issue("ingest.row_unlabelled", "此行有数值但没有项目名称或编码。", line))
        return DraftRow(side, label, real_code, tuple(values), line)

    def _code(self, text: str, label: str, line: RawLine) -> tuple[str | None, str]:
        """(code, label): a code cell holding words (合计) is the label when the label cell is empty."""
        folded = fold(text)
        if not folded or _DIGITS.match(folded):
            return folded or None, label
        if label:
            self.issues.append(self.ctx.issue("ingest.code_not_code", f"科目编码栏的内容“{text}”不是编码。", line))
        return None, squash(text) + label

    def _value(self, col: GridColumn, text: str, line: RawLine) -> DraftValue:
        if col.kind is ColumnKind.TEXT or self.unit is None:
            return DraftValue(col.key, squash(text), None)  # text wraps like labels do
        amount = parse_amount(text, self.unit)
        if amount is None:
            self.issues.append(self.ctx.issue(
                "ingest.not_a_number", f"金额栏“{col.label}”的内容“{text}”不是数字。", line,
            ))
        return DraftValue(col.key, text, amount)
