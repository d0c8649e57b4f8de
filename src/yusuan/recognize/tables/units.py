"""A table's money unit, from wherever it is printed: its 单位 line (under or above the title), the
title itself (``…预算表（单位：万元）``), or a header cell (``金额（万元）``). Never guessed from the
figures: a table printing no unit is read in its profile's default unit and reported."""
from __future__ import annotations

import re

from ...model import MoneyUnit
from ...text.folding import squash
from ...sources.raw import RawLine
from ..numbers import is_amount_text
from . import templates as tp

HEADER_ROWS_SEARCHED = 5  # the header rows above the first figure


def unit_in(text: str) -> MoneyUnit | None:
    """The unit a text states (``单位：万元``, ``（元）``), or None."""
    m = re.search(tp.UNIT_ASIDE, squash(text))
    return tp.UNITS_BY_TEXT[m.group(1) or m.group(2)] if m else None


def is_unit_line(line: RawLine) -> bool:
    """A line stating only the unit (``单位：万元``), wherever it stands."""
    text = squash("".join(line.cells))
    return bool(re.fullmatch(tp.UNIT, text))


def _header_rows(grid: tuple[RawLine, ...]) -> list[RawLine]:
    out = []
    for ln in grid[:HEADER_ROWS_SEARCHED]:
        if any(is_amount_text(c) for c in ln.cells if c.strip()):
            break
        out.append(ln)
    return out


def table_unit(preamble: list[MoneyUnit | None], title: str, grid: tuple[RawLine, ...],
               above: tuple[RawLine, ...]) -> MoneyUnit | None:
    """The unit of one table: its preamble's, else the title's, a header cell's, a unit line above."""
    for found in (
        next((u for u in preamble if u), None),
        unit_in(title),
        next((u for ln in _header_rows(grid) for c in ln.cells if (u := unit_in(c))), None),
        next((unit_in(ln.cells[0]) for ln in above if is_unit_line(ln)), None),
    ):
        if found:
            return found
    return None
