"""Where each 绩效目标表 lies in the lines: from its title to its footer.

A form ends at its 负责人/填报日期 footer (with the date when it wrapped onto the next line). A
form printed without a footer ends at its last grid row before the next title or before the
first paragraph line that follows its indicator grid (the narrative after the last form).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...sources.raw import RawLine
from ..claims import Lines
from .vocabulary import FOOTER_DATE, TITLE, fold


@dataclass(frozen=True)
class Region:
    """One form's lines, title first, blank lines included."""

    lines: tuple[RawLine, ...]

    @property
    def title(self) -> RawLine:
        return self.lines[0]


def is_title(line: RawLine) -> bool:
    if "目标表" not in line.text:  # cheap test first: it runs on every line of the document
        return False
    cells = line.filled
    return len(cells) == 1 and len(cells[0]) < 60 and bool(TITLE.search(fold(cells[0])))


def is_footer(line: RawLine) -> bool:
    if "负责人" not in line.text:
        return False
    cells = line.filled
    return bool(cells) and fold(cells[0]).startswith("负责人")


def _is_date_only(line: RawLine) -> bool:
    cells = line.filled
    return bool(cells) and all(FOOTER_DATE.match(c) for c in cells)


def _is_grid_header(line: RawLine) -> bool:
    if "一级指标" not in line.text:
        return False
    folded = {fold(c) for c in line.filled}
    return "一级指标" in folded and ("三级指标" in folded or "二级指标" in folded)


def _end(lines: Lines, start: int, bound: int) -> int:
    """Index of a form's last line, searching from its title at `start` up to `bound`."""
    in_grid = False
    last_row = start
    for i in range(start + 1, bound):
        line = lines[i]
        if is_footer(line):
            while i + 1 < bound and _is_date_only(lines[i + 1]):
                i += 1
            return i
        if line.is_blank:
            continue
        if in_grid and not line.is_row:
            return last_row
        in_grid = in_grid or _is_grid_header(line)
        last_row = i
    return last_row


def find_regions(lines: Lines) -> tuple[Region, ...]:
    """Every form in reading order."""
    starts = [i for i, line in enumerate(lines) if is_title(line)]
    regions = []
    for n, start in enumerate(starts):
        bound = starts[n + 1] if n + 1 < len(starts) else len(lines)
        regions.append(Region(tuple(lines[start:_end(lines, start, bound) + 1])))
    return tuple(regions)
