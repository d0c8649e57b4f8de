"""Page furniture: lone page numbers, running headers or footers and 续表 labels, which a table
continuing over a page break must step over (they are not rows, and they do not end the table)."""
from __future__ import annotations

import re
from collections import defaultdict

from ...text.folding import fold
from ...sources.raw import RawLine
from ..claims import Lines

# ``12`` ``- 12 -`` ``第12页`` ``第 12 页 共 30 页`` ``12/30``
PAGE_NUMBER = re.compile(r"^(?:[-—–]?\d{1,4}[-—–]?|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?|\d{1,4}/\d{1,4})$")
# ``续表：2025年项目支出预算表`` over a table's continuation (as yusuan's PDF prints it)
CONTINUED = re.compile(r"^续表[：:].+")
RUNNING_MIN_PAGES = 3  # a one-cell text at the top or bottom of this many pages is a running header/footer


def is_page_number(line: RawLine) -> bool:
    if line.is_row or len(line.cells) != 1 or len(line.cells[0]) > 20:
        return False
    return bool(PAGE_NUMBER.match(fold(line.cells[0])))


def _page_edges(lines: Lines) -> dict[str, set[int]]:
    """One-cell texts standing first or last on a page, with the pages they stand on."""
    by_page: dict[int, list[RawLine]] = defaultdict(list)
    for ln in lines:
        if ln.page is not None and not ln.is_blank:
            by_page[ln.page].append(ln)
    edges: dict[str, set[int]] = defaultdict(set)
    for page, found in by_page.items():
        for ln in (found[0], found[-1]):
            if len(ln.filled) == 1 and not ln.is_row:
                edges[fold(ln.filled[0])].add(page)
    return edges


def page_furniture(lines: Lines) -> frozenset[int]:
    """The line numbers of page numbers and running headers/footers (pages known: PDF, DOCX)."""
    running = {text for text, pages in _page_edges(lines).items() if len(pages) >= RUNNING_MIN_PAGES}
    return frozenset(ln.line for ln in lines if not ln.is_row and (
        is_page_number(ln) or (running and len(ln.filled) == 1 and fold(ln.filled[0]) in running)
        or _continued(ln)))


def _continued(line: RawLine) -> bool:
    """``续表：title`` alone on its line (the cheap test first: most lines are not)."""
    return "续表" in line.text and len(line.filled) == 1 and bool(CONTINUED.match(fold(line.filled[0])))
