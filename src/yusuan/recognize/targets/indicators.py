"""The indicator tree of a form: rows read, 一级/二级指标 carried down, Indicators made.

Merged cells print a label once, on the first row of its group, so an empty label is carried
down from the rows above; a new 一级指标 starts its 二级 afresh. Where the 一级 label is missing
and the printed 二级指标 belongs to another 一级 (``社会效益`` after ``产出指标``), the 一级 is
taken from the framework and the inference reported. An empty 年度 二级 on a row that prints
the 实施期 one takes it (the two columns share the tree).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Indicator, IngestIssue
from ...sources.raw import RawLine
from ..claims import Context
from .grid import GridColumns, Pair, RowReading, read_by_columns
from .sequence import read_by_sequence
from .vocabulary import family


@dataclass
class IndicatorReader:
    """Reads one form's indicator rows in order (state: the labels carried down)."""

    ctx: Context
    target_id: str
    columns: GridColumns | None = None
    level1: str = ""
    period_level2: str = ""
    year_level2: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    issues: list[IngestIssue] = field(default_factory=list)

    def read(self, line: RawLine, cells: tuple[str, ...]) -> None:
        reading = read_by_columns(cells, self.columns) if self.columns else None
        if reading is None:
            reading = read_by_sequence(cells, self.columns.year[0] if self.columns and self.columns.year else None)
        if reading.by_sequence:
            self._issue("ingest.target_shifted_row", "指标行单元格错位，已按指标标签和顺序读取。", line, "info")
        if reading.unplaced:
            self._issue(
                "ingest.target_unplaced_cell", f"指标行中有内容未能归入指标：{'、'.join(reading.unplaced)}", line,
            )
        self._carry(reading, line)
        self._emit("period", self.period_level2, reading.period, line)
        self._emit("year", self.year_level2, reading.year, line)

    def _carry(self, reading: RowReading, line: RawLine) -> None:
        if reading.level1:
            if reading.level1 != self.level1:
                self.period_level2 = self.year_level2 = ""
            self.level1 = reading.level1
        elif reading.period_level2 and family(reading.period_level2) not in ("", self.level1):
            self.level1 = family(reading.period_level2)
            self._issue(
                "ingest.target_inferred_level1",
                f"一级指标未印出，按二级指标“{reading.period_level2}”推定为“{self.level1}”。", line, "info",
            )
        if reading.period_level2:
            self.period_level2 = reading.period_level2
        if reading.year_level2 or reading.period_level2:
            self.year_level2 = reading.year_level2 or reading.period_level2

    def _emit(self, scope: str, level2: str, pair: Pair | None, line: RawLine) -> None:
        if pair is None:
            return
        name, value = pair
        self.indicators.append(Indicator(
            scope=scope, level1=self.level1, level2=level2, name=name, value=value,
            provenance=self.ctx.at(line, table=self.target_id, column=scope),
        ))
        if not name:
            self._issue("ingest.target_unnamed_indicator", "指标值没有对应的三级指标名称。", line, "info")
        if not self.level1 or not level2:
            missing = "一级指标" if not self.level1 else "二级指标"
            self._issue("ingest.target_missing_level", f"该指标的{missing}未印出，上方也无可沿用的{missing}。", line, "info")

    def _issue(self, code: str, message: str, line: RawLine, severity: str = "warning") -> None:
        if any(i.code == code and i.provenance.line == line.line for i in self.issues[-4:]):
            return  # once per line, not once per column
        self.issues.append(self.ctx.issue(code, message, line, severity))
