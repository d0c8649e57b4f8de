"""The labelled cells above the funding block: 项目名称, 主管部门及代码, 实施单位, 项目属性, 项目期.

A label's value is the next filled cell of its line that is not itself a label. Cells before the
first label are orphans; a ``064-阳泉市民政局`` orphan is the department whose label the extraction
lost. `HeadReader` keeps the values of one form and reports empty, repeated and stray cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import IngestIssue
from ...sources.raw import RawLine
from ..claims import Context
from .vocabulary import DEPARTMENT, PERIOD_VALUE, fold, head_key

FIELD_ZH = {"name": "项目名称", "department": "主管部门及代码", "unit": "实施单位", "attribute": "项目属性", "period": "项目期",
           "category": "项目类别"}


@dataclass(frozen=True)
class HeadLine:
    """What one head line prints: label → value ("" when the label's cell is empty)."""

    values: tuple[tuple[str, str], ...]
    orphans: tuple[str, ...]

    @property
    def empty_labels(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.values if not v)


def is_head_line(filled: tuple[str, ...]) -> bool:
    return any(head_key(c) for c in filled) or any(DEPARTMENT.match(fold(c)) for c in filled[:1])


def read_head_line(filled: tuple[str, ...]) -> HeadLine:
    values: list[tuple[str, str]] = []
    orphans: list[str] = []
    for text in filled:
        key = head_key(text)
        if key:
            values.append((key, ""))
        elif values and not values[-1][1]:
            values[-1] = (values[-1][0], text)
        else:
            orphans.append(text)
    return HeadLine(tuple(values), tuple(orphans))


def split_department(text: str) -> tuple[str, str]:
    """(code, name) of ``064-阳泉市民政局``; ("", text) when no code is printed."""
    m = DEPARTMENT.match(text.strip())
    return (m.group(1), m.group(2).strip()) if m else ("", text.strip())


def goal_cells(cells: tuple[str, ...], labelled: bool) -> list[tuple[int, str]]:
    """The 总体目标 texts of a row with their column, the label cell left out."""
    found = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
    return found[1:] if labelled else found


def goal_header_year_column(cells: tuple[str, ...]) -> int | None:
    """Column of the 年度目标 heading (printed ``绩效目标`` once) in the 实施期目标 row."""
    for i, cell in enumerate(cells):
        if fold(cell) in ("年度目标", "绩效目标"):
            return i
    return None


def is_goal_header(filled: tuple[str, ...]) -> bool:
    return any(fold(c) == "实施期目标" for c in filled)


@dataclass
class HeadReader:
    """The head values of one form while its lines are read (key → printed value)."""

    ctx: Context
    values: dict[str, str] = field(default_factory=dict)
    awaiting: tuple[str, RawLine] | None = None  # a label whose value the next line prints
    issues: list[IngestIssue] = field(default_factory=list)

    def read(self, line: RawLine, filled: tuple[str, ...]) -> None:
        parsed = read_head_line(filled)
        for key, value in parsed.values:
            if value:
                self._set(key, value, line)
            elif key == "period":  # `项目日期` with `99年` alone on the line below
                self.awaiting = (key, line)
            else:
                self.values.setdefault(key, "")
                self._issue("ingest.target_empty_field", f"“{FIELD_ZH[key]}”一栏为空。", line, "info")
        for orphan in parsed.orphans:
            self._orphan(orphan, filled, parsed, line)

    def _orphan(self, orphan: str, filled: tuple[str, ...], parsed: HeadLine, line: RawLine) -> None:
        """A head cell no label on its line claims: placed by its printed shape, or reported."""
        coded = bool(split_department(orphan)[0])
        if orphan == filled[0] and "department" not in self.values and coded:
            self.values["department"] = orphan
            self._issue("ingest.target_inferred_label", "主管部门及代码未印标签，按“代码-名称”格式识别。", line, "info")
        elif coded and parsed.values and parsed.values[-1][0] == "attribute" and self.values.get("attribute"):
            # `项目属性¦201-一般公共服务¦101-民政`: the attribute printed as two coded classes
            self.values["attribute"] += f" {orphan}"
        elif PERIOD_VALUE.match(fold(orphan)) and not self.values.get("period") and "attribute" in dict(parsed.values):
            self.values["period"] = orphan
            self._issue("ingest.target_inferred_label", f"项目期未印标签，按“{orphan}”格式识别。", line, "info")
        else:
            self._issue("ingest.target_unplaced_cell", f"表头中有内容未能归入任何栏目：{orphan}", line, "warning")

    def take_awaited(self, line: RawLine, filled: tuple[str, ...]) -> bool:
        """Whether `line` is the value an empty label on the line above waited for."""
        awaiting, self.awaiting = self.awaiting, None
        if awaiting and len(filled) == 1 and not is_head_line(filled):
            self._set(awaiting[0], filled[0], line)
            return True
        if awaiting:
            self._issue("ingest.target_empty_field", f"“{FIELD_ZH[awaiting[0]]}”一栏为空。", awaiting[1], "info")
        return False

    def unlabelled_name(self, line: RawLine, text: str) -> None:
        self.values["name"] = text
        self._issue("ingest.target_inferred_label", "项目名称未印标签，取表头第一行为项目名称。", line, "info")

    def _set(self, key: str, value: str, line: RawLine) -> None:
        """A head value; a second, different value for the same label is reported, not kept."""
        old = self.values.get(key)
        if old and old != value:
            self._issue("ingest.target_unplaced_cell", f"“{FIELD_ZH[key]}”重复出现，未采用：{value}", line, "warning")
        elif not old:
            self.values[key] = value

    def _issue(self, code: str, message: str, line: RawLine, severity: str) -> None:
        self.issues.append(self.ctx.issue(code, message, line, severity))
