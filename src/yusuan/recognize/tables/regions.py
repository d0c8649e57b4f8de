"""Where the tables are: a title line, the caption above it, 部门名称/单位 lines, the grid, notes.

A table starts only at a title line (one filled cell, shaped like a table title). Its grid runs
over blank lines (page breaks) until the next title or the next line that is neither a grid row
nor a note. A title that fits no template still opens a table (generic) if a grid follows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import MoneyUnit
from ...sources.normalize import fold, squash
from ...sources.raw import RawLine
from ..claims import Lines
from . import templates as tp
from .furniture import page_furniture
from .templates import TableTemplate, TemplateSet


@dataclass(frozen=True)
class Region:
    """The lines of one table, sorted out. template None: a grid under a title that fits no template."""

    title: RawLine
    template_set: TemplateSet | None
    template: TableTemplate | None
    caption: RawLine | None
    entity: str | None
    unit: MoneyUnit | None
    grid: tuple[RawLine, ...]
    notes: tuple[RawLine, ...]
    preamble: tuple[RawLine, ...]  # the 部门名称 / 单位 lines
    furniture: tuple[RawLine, ...] = ()  # page numbers, running headers stepped over inside the grid

    @property
    def lines(self) -> tuple[RawLine, ...]:
        head = (self.caption,) if self.caption else ()
        return (*head, self.title, *self.preamble, *self.grid, *self.notes, *self.furniture)


def title_text(line: RawLine) -> str | None:
    """The title a line prints, or None if it is not shaped like a table title."""
    filled = line.filled
    if len(filled) != 1:
        return None
    folded = fold(filled[0])
    if len(folded) > tp.TITLE_MAX_CHARS or not re.search(tp.TITLE_SHAPE, folded):
        return None
    if any(re.search(p, folded) for p in tp.NOT_TABLES):
        return None
    return squash(filled[0])


def _joined(line: RawLine) -> str:
    return squash("".join(line.cells))


def _preamble(line: RawLine) -> tuple[str | None, MoneyUnit | None] | None:
    """(entity, unit) if the line is a 部门名称 / 单位 line, else None."""
    text = _joined(line)
    ent = re.match(tp.ENTITY, text)
    unit = re.search(tp.UNIT, text)
    if not ent and not unit:
        return None
    if unit and not ent and unit.start() != 0:
        return None
    return (ent.group(1) if ent else None), (tp.UNITS_BY_TEXT[unit.group(1)] if unit else None)


def _is_caption(line: RawLine | None) -> bool:
    return line is not None and len(line.filled) == 1 and bool(re.match(tp.CAPTION, fold(line.filled[0])))


def _is_note(line: RawLine) -> bool:
    return bool(re.match(tp.NOTE, _joined(line)))


def _note_follows(lines: Lines, i: int) -> bool:
    """A line between two notes belongs to them (a template's instruction left in: ``无…的，仍保留该表格式，
    并在本表下方作下述说明：`` between ``注：`` and ``说明：…故本表无数据``)."""
    after = next((ln for ln in lines[i + 1:i + 4] if not ln.is_blank), None)
    return after is not None and _is_note(after)


def _heads_grid(lines: Lines, i: int) -> bool:
    """A one-cell line right above the grid is its top header (财政拨款“三公”经费 spanning every column)."""
    after = next((ln for ln in lines[i + 1:i + 4] if not ln.is_blank), None)
    return len(lines[i].filled) == 1 and after is not None and after.is_row


@dataclass
class _Scan:
    """What follows a title, sorted while reading: 部门名称/单位 lines, grid rows, notes, page furniture."""

    preamble: list[RawLine] = field(default_factory=list)
    grid: list[RawLine] = field(default_factory=list)
    notes: list[RawLine] = field(default_factory=list)
    furniture: list[RawLine] = field(default_factory=list)
    end: int = 0  # the index where the table ends


def _scan(lines: Lines, start: int, furniture: frozenset[int]) -> _Scan:
    """The lines after the title at `start` that belong to its table."""
    out = _Scan()
    i = start + 1
    while i < len(lines):
        ln = lines[i]
        if ln.is_blank:
            i += 1
            continue
        if out.grid and ln.line in furniture:
            out.furniture.append(ln)
        elif title_text(ln) is not None or _is_caption(ln):
            break
        elif not out.grid and not out.notes and _preamble(ln) is not None:
            out.preamble.append(ln)
        elif _is_note(ln) or (out.notes and not ln.is_row and _note_follows(lines, i)):
            out.notes.append(ln)
        elif not out.grid and not out.notes and _heads_grid(lines, i):
            out.grid.append(ln)
        elif ln.is_row and not out.notes and _preamble(ln) is None:
            out.grid.append(ln)
        else:
            break
        i += 1
    last = max((x.line for x in out.grid + out.notes), default=0)
    while out.furniture and out.furniture[-1].line > last:  # after the table's last line: not the table's
        i = lines.index(out.furniture.pop())
    out.end = i
    return out


def find_regions(lines: Lines, sets: tuple[TemplateSet, ...] = tp.TEMPLATE_SETS) -> list[Region]:
    """Every table region in reading order."""
    regions: list[Region] = []
    sets = tp.rank_sets([fold(t) for ln in lines if (t := title_text(ln))], sets)
    furniture = page_furniture(lines)
    i, last_end = 0, 0
    while i < len(lines):
        title = title_text(lines[i])
        if title is None:
            i += 1
            continue
        scan = _scan(lines, i, furniture)
        preamble, grid, notes, end = scan.preamble, scan.grid, scan.notes, scan.end
        found = tp.template_for_title(fold(title), sets)
        if len(grid) < (1 if found else 2):
            i += 1
            continue
        prev = next((ln for ln in reversed(lines[last_end:i]) if not ln.is_blank), None)
        read = [p for p in map(_preamble, preamble) if p]
        entity = next((e for e, _ in read if e), None)
        unit = next((u for _, u in read if u), None)
        regions.append(Region(
            title=lines[i], template_set=found[0] if found else None, template=found[1] if found else None,
            caption=prev if _is_caption(prev) else None, entity=entity, unit=unit,
            grid=tuple(grid), notes=tuple(notes), preamble=tuple(preamble), furniture=tuple(scan.furniture),
        ))
        i = last_end = end
    return regions
