"""The labelled cells above the funding block: 项目名称, 主管部门及代码, 实施单位, 项目属性, 项目期.

A label's value is the next filled cell of its line that is not itself a label. Cells before the
first label are orphans; a ``064-阳泉市民政局`` orphan is the department whose label the extraction
lost. Pure functions: the form reader decides what to do with what is returned.
"""
from __future__ import annotations

from dataclasses import dataclass

from .vocabulary import DEPARTMENT, fold, head_key


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
