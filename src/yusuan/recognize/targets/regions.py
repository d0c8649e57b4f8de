"""Where each 绩效目标表 lies in the lines: from its title to its footer.

A form ends at its 负责人/填报日期 footer (with the date when it wrapped onto the next line). A
form printed without a footer ends at its last grid row before the next title or before the
first paragraph line that follows its indicator grid (the narrative after the last form).
Page furniture (``第 32 页``, a lone ``32``, a running footer) does not end a form continued on
the next page: the form steps over it and claims it as furniture, not content.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...sources.raw import RawLine
from ..claims import Lines
from ..tables.furniture import page_furniture
from .vocabulary import FOOTER_DATE, PROJECT_TITLE, TITLE, YEAR_LINE, fold

# A line that opens a numbered item or a sentence's mark: no first half of a title.
OPENS_ITEM = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.](?!\d))")
SENTENCE_MARKS = re.compile(r"[。，；：,;:！？]")


@dataclass(frozen=True)
class Region:
    """One form's lines, title first, blank lines included; a title printed on two lines (泉州 “…科技兴警绩效” /
    “目标表”) takes the first `title_lines` lines, and `title` is their text as one line."""

    lines: tuple[RawLine, ...]
    furniture: frozenset[int] = frozenset()  # page numbers, running headers/footers stepped over
    title_lines: int = 1

    @property
    def title(self) -> RawLine:
        first = self.lines[0]
        if self.title_lines == 1:
            return first
        text = "".join(ln.filled[0] for ln in self.lines[:self.title_lines] if ln.filled)
        return replace(first, cells=(text,), bboxes=first.bboxes[:1] if first.bboxes else first.bboxes)


def is_title(line: RawLine) -> bool:
    if "目标表" not in line.text:  # cheap test first: it runs on every line of the document
        return False
    cells = line.filled
    return len(cells) == 1 and len(cells[0]) < 60 and bool(TITLE.search(fold(cells[0])))


def _title_at(lines: Lines, i: int) -> int:
    """How many lines the form title at `i` takes (0: none starts there). Besides the titles `is_title` knows,
    a line naming one project's form (泉州 “知创大厦泉州知识产权馆建设费用项目绩效目标表”), printed whole or
    wrapped onto the next line (“301008_泉州市公安局台商投资区分局_科技兴警绩效” / “目标表”), is a title where a
    form's grid follows it."""
    first = lines[i]
    if len(first.filled) != 1 or first.is_row:
        return 0
    if i + 1 < len(lines) and _wraps(first, lines[i + 1]):
        text = fold(first.filled[0] + lines[i + 1].filled[0])
        if len(text) < 60 and PROJECT_TITLE.search(text) and _grid_follows(lines, i + 2):
            return 2
    if is_title(first):
        return 1
    text = fold(first.filled[0])
    return 1 if len(text) < 60 and PROJECT_TITLE.search(text) and _grid_follows(lines, i + 1) else 0


def _wraps(first: RawLine, second: RawLine) -> bool:
    """Whether `second` is the rest of a title `first` began: the next line, one cell, `first` no title or
    heading of its own (“1.项目支出绩效目标表”) and no sentence."""
    if second.line != first.line + 1 or len(second.filled) != 1 or second.is_row:
        return False
    text = fold(first.filled[0])
    return not text.endswith("表") and not OPENS_ITEM.match(text) and not SENTENCE_MARKS.search(text)


def _grid_follows(lines: Lines, i: int) -> bool:
    after = next((ln for ln in lines[i:] if not ln.is_blank), None)
    return after is not None and after.is_row


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
    titled = {i: n for i in range(len(lines)) if (n := _title_at(lines, i))}
    starts = [i for i in titled if not any(0 < i - j < titled[j] for j in titled)]
    # a title with no grid row before the next one names the forms that follow (泉州 “1.项目支出绩效目标表”)
    starts = [i for i, nxt in zip(starts, starts[1:] + [None])
              if nxt is None or any(ln.is_row for ln in lines[i:nxt])]
    if not starts:
        return ()
    furniture = frozenset(n for n in page_furniture(lines) if n not in _form_lines(lines, starts))
    regions = []
    for n, start in enumerate(starts):
        bound = starts[n + 1] if n + 1 < len(starts) else len(lines)
        found = tuple(lines[start:max(_end(lines, start, bound, furniture), start + titled[start] - 1) + 1])
        regions.append(Region(found, furniture & {ln.line for ln in found}, titled[start]))
    return tuple(regions)


def _form_lines(lines: Lines, starts: list[int]) -> set[int]:
    """Titles and year lines: printed on every form, they may look like a running header; they are not."""
    return {lines[i].line for i in starts} | {
        ln.line for ln in lines if len(ln.filled) == 1 and YEAR_LINE.match(fold(ln.filled[0]))}
