"""Where each 绩效目标表 lies in the lines: from its title to its footer.

A form ends at its 负责人/填报日期 footer (with the date when it wrapped onto the next line). A
form printed without a footer ends at its last grid row before the next title or before the
first paragraph line that follows its indicator grid (the narrative after the last form).
Page furniture (``第 32 页``, a lone ``32``, a running footer) does not end a form continued on
the next page: the form steps over it and claims it as furniture, not content.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...sources.raw import RawLine
from ..claims import Lines
from ..tables.furniture import page_furniture
from .vocabulary import FOOTER_DATE, TITLE, YEAR_LINE, fold


@dataclass(frozen=True)
class Region:
    """One form's lines, title first, blank lines included."""

    lines: tuple[RawLine, ...]
    furniture: frozenset[int] = frozenset()  # page numbers, running headers/footers stepped over

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


def filled_on(line: RawLine) -> str | None:
    """The 填报日期 a footer line prints: "" when its cell is empty, None when the label is not printed."""
    cells = line.filled
    for i, cell in enumerate(cells):
        key = fold(cell)
        if key.startswith("填报日期"):
            rest = key.removeprefix("填报日期").lstrip(":")
            return rest or (cells[i + 1] if i + 1 < len(cells) else "")
    return None


def is_date_only(line: RawLine) -> bool:
    cells = line.filled
    return bool(cells) and all(FOOTER_DATE.match(c) for c in cells)


def _is_grid_header(line: RawLine) -> bool:
    if "一级指标" not in line.text:
        return False
    folded = {fold(c) for c in line.filled}
    return "一级指标" in folded and ("三级指标" in folded or "二级指标" in folded)


def _end(lines: Lines, start: int, bound: int, furniture: frozenset[int]) -> int:
    """Index of a form's last line, searching from its title at `start` up to `bound`."""
    in_grid = False
    last_row = start
    for i in range(start + 1, bound):
        line = lines[i]
        if is_footer(line):
            while i + 1 < bound and is_date_only(lines[i + 1]):
                i += 1
            return i
        if line.is_blank or line.line in furniture:
            continue
        if in_grid and not line.is_row:
            return last_row
        in_grid = in_grid or _is_grid_header(line)
        last_row = i
    return last_row


def find_regions(lines: Lines) -> tuple[Region, ...]:
    """Every form in reading order."""
    starts = [i for i, line in enumerate(lines) if is_title(line)]
    if not starts:
        return ()
    furniture = frozenset(n for n in page_furniture(lines) if n not in _form_lines(lines, starts))
    regions = []
    for n, start in enumerate(starts):
        bound = starts[n + 1] if n + 1 < len(starts) else len(lines)
        found = tuple(lines[start:_end(lines, start, bound, furniture) + 1])
        regions.append(Region(found, furniture & {ln.line for ln in found}))
    return tuple(regions)


def _form_lines(lines: Lines, starts: list[int]) -> set[int]:
    """Titles and year lines: printed on every form, they may look like a running header; they are not."""
    return {lines[i].line for i in starts} | {
        ln.line for ln in lines if len(ln.filled) == 1 and YEAR_LINE.match(fold(ln.filled[0]))}
