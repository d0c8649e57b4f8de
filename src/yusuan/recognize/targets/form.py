"""Reading one 项目支出绩效目标表 region into a PerformanceTarget.

The form's parts come in a fixed order (title, year, head, 项目资金, texts, 总体目标, indicator
grid, footer); each line is recognised by its labels, and a line without labels is placed by
the part it sits in (a name line right after the title, a text row after the funding block, a
goal after the 实施期目标 heading). Page furniture inside the form is taken as such, not read.
Every line of the region is used or reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import IngestIssue, MoneyUnit, TextField
from ...sources.raw import RawLine
from ..claims import Context
from ..numbers import is_amount_text
from . import head as hd
from .funding import money_unit
from .grid import grid_columns, kind
from .indicators import IndicatorReader
from .regions import filled_on, is_date_only, is_footer
from .vocabulary import (
    PERIOD_GOAL_LABELS, TEXT_LABELS, YEAR_GOAL_LABELS, YEAR_LINE, fold, funding_key, is_label_fragment, opens_funding,
    text_label,
)


@dataclass
class FormReader:
    """State while reading one region's lines in order."""

    ctx: Context
    target_id: str
    part: str = "head"  # head, funding, texts, goals, grid, footer
    year_label: str = ""
    unit: MoneyUnit = MoneyUnit.YUAN
    funding_lines: list[RawLine] = field(default_factory=list)
    texts: list[TextField] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)
    goal_year_column: int | None = None
    issues: list[IngestIssue] = field(default_factory=list)
    head: hd.HeadReader = field(init=False)
    grid: IndicatorReader = field(init=False)
    placements: dict[int, str] = field(default_factory=dict)  # line → the part that took it
    furniture: frozenset[int] = frozenset()  # page numbers and running lines inside the form
    filled_on: str | None = None  # 填报日期: None until the footer is read, "" if printed empty
    footer: RawLine | None = None

    def __post_init__(self) -> None:
        self.head = hd.HeadReader(self.ctx)
        self.grid = IndicatorReader(self.ctx, self.target_id)

    def feed(self, line: RawLine) -> None:
        """Read one line of the region; remember which part of the form took it."""
        cells = tuple(self._clean(c, line) for c in line.cells)
        filled = tuple(c.strip() for c in cells if c.strip())
        if line.line in self.furniture:
            self.placements[line.line] = "furniture"
        elif filled:
            self.placements[line.line] = self._footer(line) if self.part == "footer" else self._place(line, cells, filled)

    def _footer(self, line: RawLine) -> str:
        """A footer line: 负责人 … 填报日期, or the date alone when it wrapped onto the next line."""
        printed = filled_on(line)
        if printed is not None:
            self.filled_on, self.footer = printed, line
        elif not self.filled_on and is_date_only(line):
            self.filled_on = line.filled[0]
        return "footer"

    def finish(self) -> None:
        """After the last line: a 填报日期 printed empty is reported."""
        if self.footer is not None and not self.filled_on:
            self._issue("ingest.target_empty_field", "“填报日期”一栏为空。", self.footer, "info")

    def _place(self, line: RawLine, cells: tuple[str, ...], filled: tuple[str, ...]) -> str:
        if self.head.take_awaited(line, filled):
            return "head"
        first = fold(filled[0])
        columns = grid_columns(cells)
        if is_footer(line):
            self.part = "footer"
            return self._footer(line)
        if self.part == "head" and not self.year_label and len(filled) == 1 and YEAR_LINE.match(first):
            self.year_label = first.strip("()")
            return "year"
        if columns:
            self.grid.columns, self.part = columns, "grid"
            return "grid_header"
        if self.part == "grid" or (self.part == "goals" and kind(filled[0]) == "l1"):
            self.part = "grid"
            self.grid.read(line, cells)
            return "indicator"
        if opens_funding(first):
            self.part, self.unit = "funding", money_unit(filled[0])
            self.funding_lines.append(line)
            return "funding"
        if text_label(filled[0]):
            self.part = "texts"
            self._text(text_label(filled[0]), filled[1:], line, inferred=False)
            return "text"
        if hd.is_goal_header(filled):
            self.part, self.goal_year_column = "goals", hd.goal_header_year_column(cells)
            return "goal_header"
        if first == "总体目标":
            self._goal(line, cells, labelled=True)
            return "goal"
        if first in PERIOD_GOAL_LABELS:
            self._add_goal("period", "".join(filled[1:]), line)
            return "goal"
        if first in YEAR_GOAL_LABELS:  # the older Shanghai form: the year's goal alone
            self._add_goal("year", "".join(filled[1:]), line)
            return "goal"
        if hd.is_head_line(filled):
            self.head.read(line, filled)
            return "head"
        if self.part == "funding" and self._is_funding_line(filled):
            self.funding_lines.append(line)
            return "funding"
        return self._orphan(line, cells, filled)

    def _clean(self, cell: str, line: RawLine) -> str:
        """A cell less the HTML the extraction left in it (``社会效益 <td>…</td>``)."""
        if "<td" not in cell:
            return cell
        self._issue("ingest.target_html_remnant", f"单元格含有HTML残留，已去除：{cell.strip()}", line, "info")
        return cell.split("<td", 1)[0]

    @staticmethod
    def _is_funding_line(filled: tuple[str, ...]) -> bool:
        return any(funding_key(c) or is_amount_text(c) for c in filled) or all(is_label_fragment(c) for c in filled)

    def _orphan(self, line: RawLine, cells: tuple[str, ...], filled: tuple[str, ...]) -> str:
        """A line without labels: placed by the part of the form it sits in, or reported."""
        if self.part == "head" and not self.head.values and len(filled) == 1:
            self.head.unlabelled_name(line, filled[0])
            return "head"
        if self.part in ("funding", "texts") and len(filled) == 1 and self._next_text_label():
            self._text(self._next_text_label(), filled, line, inferred=True)
            return "text"
        if self.part == "goals":
            self._goal(line, cells, labelled=False)
            return "goal"
        self._issue("ingest.target_unplaced_line", "此行位于绩效目标表内，但未能归入任何栏目。", line)
        return "unplaced"

    def _next_text_label(self) -> str:
        seen = {t.label for t in self.texts}
        return next((label for label in TEXT_LABELS if label not in seen), "")

    def _text(self, label: str, texts: tuple[str, ...], line: RawLine, inferred: bool) -> None:
        self.texts.append(TextField(label, "".join(texts), self.ctx.at(line, table=self.target_id)))
        if inferred:
            self._issue("ingest.target_inferred_label", f"此行未印标签，按表格顺序归入“{label}”。", line, "info")

    def _goal(self, line: RawLine, cells: tuple[str, ...], labelled: bool) -> None:
        found = hd.goal_cells(cells, labelled)
        if len(found) == 1:
            column, text = found[0]
            scope = "year" if self.goal_year_column is not None and column >= self.goal_year_column else "period"
            self._add_goal(scope, text, line)
            where = "年度目标" if scope == "year" else "实施期目标"
            self._issue("ingest.target_single_goal", f"总体目标只印出一栏，按所在列归入{where}。", line, "info")
        elif found:
            self._add_goal("period", found[0][1], line)
            self._add_goal("year", found[1][1], line)
            for _, extra in found[2:]:
                self._issue("ingest.target_unplaced_cell", f"总体目标行有多余内容：{extra}", line)
        if not labelled:
            self._issue("ingest.target_inferred_label", "总体目标未印标签，按表格顺序识别。", line, "info")

    def _add_goal(self, scope: str, text: str, line: RawLine) -> None:
        if self.goals.get(scope):  # a second goal line continues the first rather than replacing it
            self._issue("ingest.target_goal_continued", "总体目标另起一行，已接在前文之后。", line, "info")
        self.goals[scope] = self.goals.get(scope, "") + text

    def _issue(self, code: str, message: str, line: RawLine, severity: str = "warning") -> None:
        self.issues.append(self.ctx.issue(code, message, line, severity))

