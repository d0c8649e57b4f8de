"""Where the tables are: a title line, the caption above it, 部门名称/单位 lines, the grid, notes.

A table starts only at a title line (one filled cell, shaped like a table title). Its grid runs
over blank lines (page breaks) until the next title or the next line that is neither a grid row
nor a note. A title that fits no template still opens a table (generic) if a grid follows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import MoneyUnit
from ...text.folding import fold, squash
from ...sources.raw import RawLine
from ..claims import Lines
from . import templates as tp
from .continuations import is_continued_mark, join_continuations, mark_continues, restated_title
from .fragments import is_fragment, merge_fragments, widen
from .furniture import page_furniture
from .templates import TableTemplate, TemplateSet
from .titles import ends_a_form_title, is_caption as _is_caption, title_at as _title_at, title_text
from .units import is_unit_line, table_unit

ENTITY_TAIL_MAX_CHARS = 12
_WRAPPED_UNIT = r"(?:金额)?单位[:：]万$"


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
    name: str = ""  # the title as printed, numbering kept (``公开01表：收支预算总表``), lines joined
    title_more: tuple[RawLine, ...] = ()  # the rest of a title wrapped over lines
    unit_lines: tuple[RawLine, ...] = ()  # a ``单位：万元`` line printed above the title
    fragments: tuple[RawLine, ...] = ()  # pieces of wrapped header cells, joined into the header row

    @property
    def title_text(self) -> str:
        return self.name or squash(self.title.filled[-1])

    @property
    def lines(self) -> tuple[RawLine, ...]:
        head = (self.caption,) if self.caption else ()
        return (*self.unit_lines, *head, self.title, *self.title_more, *self.preamble, *self.grid, *self.notes,
                *self.furniture, *self.fragments)


def _joined(line: RawLine) -> str:
    return squash("".join(line.cells))


def _preamble(line: RawLine) -> tuple[str | None, MoneyUnit | None] | None:
    """(entity, unit) if the line is a 部门名称 / 单位 line, else None."""
    text = _joined(line)
    ent = re.match(tp.ENTITY, text)
    if ent and not ent.group(1):
        ent = None
    unit = re.search(tp.UNIT, text)
    if not unit and re.search(_WRAPPED_UNIT, text):  # ``单位：万`` / ``元``: the unit wrapped in a narrow cell
        return (ent.group(1) if ent else None), MoneyUnit.WAN_YUAN
    if not ent and not unit:
        return None
    if unit and not ent and unit.start() != 0:
        return None
    return (ent.group(1) if ent else None), (tp.UNITS_BY_TEXT[unit.group(1)] if unit else None)


def _row_follows(lines: Lines, i: int) -> bool:
    nxt = next((ln for ln in lines[i + 1:i + 4] if not ln.is_blank), None)
    return nxt is not None and nxt.is_row


def _total_word(line: RawLine) -> bool:
    return len(line.filled) == 1 and fold(line.filled[0]) in tp.DEFAULT_TOTALS


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


def _continues_entity(line: RawLine, preamble: list[RawLine]) -> bool:
    """The rest of a 部门 name wrapped onto a line of its own (``部门名称：江苏省人大`` … ``常委会办公厅``),
    not a piece of a wrapped header cell (``科目``)."""
    return (not line.is_row and len(line.filled) == 1 and len(line.filled[0]) <= ENTITY_TAIL_MAX_CHARS
            and not re.search(tp.HEADER_WORDS, line.filled[0])
            and any((p := _preamble(ln)) and p[0] for ln in preamble))


def _ends_wrapped_unit(line: RawLine, preamble: list[RawLine]) -> bool:
    """The ``元`` of a ``单位：万`` wrapped onto the next line."""
    return (bool(preamble) and len(line.filled) == 1 and squash(line.filled[0]) == "元"
            and bool(re.search(_WRAPPED_UNIT, _joined(preamble[-1]))))


def _entity(preamble: tuple[RawLine, ...]) -> str | None:
    """The entity the preamble names, its wrapped rest joined on."""
    name = None
    for ln in preamble:
        read = _preamble(ln)
        if read and read[0] and name is None:
            name = read[0]
        elif read is None and name is not None and squash(ln.filled[0]) != "元":  # not a wrapped unit's tail
            name += squash(ln.filled[0])
    return name


@dataclass
class _Scan:
    """What follows a title, sorted while reading: 部门名称/单位 lines, grid rows, notes, page furniture."""

    preamble: list[RawLine] = field(default_factory=list)
    grid: list[RawLine] = field(default_factory=list)
    notes: list[RawLine] = field(default_factory=list)
    furniture: list[RawLine] = field(default_factory=list)
    fragments: list[RawLine] = field(default_factory=list)
    caption: RawLine | None = None  # a caption printed under the title (收入决算表 / 公开02表)
    end: int = 0  # the index where the table ends


def _scan(lines: Lines, start: int, furniture: frozenset[int], titles: list[str | None]) -> _Scan:
    """The lines after the title at `start` that belong to its table."""
    out = _Scan()
    i = start + 1
    while i < len(lines):
        ln = lines[i]
        if ln.is_blank:
            i += 1
            continue
        # a title printed on every page of its table is page furniture, but never another table's title
        # (西安 sn-xa-1d514d70: the 专项业务经费表's title, printed on its 7 pages, ends the 政府性基金收支表)
        here, head = titles[i], titles[start]
        other = here is not None and head is not None and not restated_title(here, head)
        if out.grid and not other and (ln.line in furniture
                                       or (is_continued_mark(ln) and mark_continues(lines, i, out.grid))):
            out.furniture.append(ln)
        elif _is_caption(ln) and not (out.grid or out.preamble or out.notes or out.caption):
            out.caption = ln  # the number printed under the title, not the next table's
        elif titles[i] is not None or _is_caption(ln):
            break
        elif not out.grid and not out.notes and (_preamble(ln) is not None or _continues_entity(ln, out.preamble)
                                                 or _ends_wrapped_unit(ln, out.preamble)):
            out.preamble.append(ln)
        elif _is_note(ln) or (out.notes and not ln.is_row and _note_follows(lines, i)):
            out.notes.append(ln)
        elif not out.grid and not out.notes and _heads_grid(lines, i):
            out.grid.append(ln)
        elif (ln.is_row or (out.grid and _total_word(ln))) and not out.notes and _preamble(ln) is None:
            out.grid.append(ln)  # a lone 合计 under the header is the (empty) table's total row
        elif out.grid and is_fragment(ln) and _row_follows(lines, i) and (len(out.grid) > 1 or ln.page != out.grid[0].page):
            # a one-cell row read as a paragraph (``事业收入`` or a header row opening the next page)
            out.grid.append(ln)  # kept as a paragraph: the row reader places it by its box
        elif len(out.grid) <= 1 and is_fragment(ln) and not _is_note(ln):
            out.fragments.append(ln)  # a header cell wrapped around the header row
        else:
            break
        i += 1
    if out.fragments and out.grid:
        out.grid[0] = merge_fragments(out.grid[0], out.fragments)
    out.grid = widen(out.grid)
    last = max((x.line for x in out.grid + out.notes), default=0)
    while out.furniture and out.furniture[-1].line > last:  # after the table's last line: not the table's
        i = lines.index(out.furniture.pop())
    out.end = i
    return out


def _before(lines: Lines, last_end: int, i: int) -> tuple[RawLine | None, tuple[RawLine, ...]]:
    """The caption above a title, and a unit line above it (or above its caption), if printed."""
    above = [ln for ln in lines[last_end:i] if not ln.is_blank][-2:]
    caption = above[-1] if above and _is_caption(above[-1]) else None
    rest = above[:-1] if caption else above
    units = tuple(ln for ln in rest[-1:] if is_unit_line(ln))
    return caption, units


def _typed_title(folded: str, sets: tuple[TemplateSet, ...]) -> tuple[TemplateSet, TableTemplate] | None:
    """The profile and template a title names. A regional profile adds aliases to the national set; it
    cannot take a title the national set gives a kind the region does not print (基本支出 by 功能)."""
    found = tp.template_for_title(folded, sets)
    national = next((s for s in sets if s.name == tp.NATIONAL_SET), None)
    if found is None or national is None or found[0] is national:
        return found
    nat = tp.template_for_title(folded, (national,))
    if nat and nat[1].kind is not found[1].kind and all(t.kind is not nat[1].kind for t in found[0].templates):
        return nat
    return found


def _listed(lines: Lines, i: int) -> bool:
    """A title printed beside its number in a list of such lines: the rows of a contents table."""
    def numbered(ln: RawLine | None) -> bool:
        return ln is not None and len(ln.filled) >= 2 and _is_caption_text(ln.filled[0])

    near = [next((ln for ln in lines[k::step] if not ln.is_blank), None) if 0 <= k < len(lines) else None
            for k, step in ((i - 1, -1), (i + 1, 1))]
    return numbered(lines[i]) and any(numbered(ln) for ln in near)


def _is_caption_text(text: str) -> bool:
    return bool(re.match(tp.CAPTION, fold(text)))


def find_regions(lines: Lines, sets: tuple[TemplateSet, ...] = tp.TEMPLATE_SETS) -> list[Region]:
    """Every table region in reading order, a table printed over several pages as one."""
    regions: list[Region] = []
    titles = [title_text(ln) for ln in lines]
    sets = tp.rank_sets([fold(t) for t in titles if t], sets)
    furniture = page_furniture(lines)
    i, last_end = 0, 0
    while i < len(lines):
        titled = _title_at(lines, i, titles)
        if titled is None or ends_a_form_title(lines, i):
            i += 1
            continue
        title, more = titled
        scan = _scan(lines, lines.index(more[-1]) if more else i, furniture, titles)
        preamble, grid, notes, end = scan.preamble, scan.grid, scan.notes, scan.end
        found = _typed_title(fold(title), sets)
        if len(grid) < (1 if found else 2):
            i += 1
            continue
        if _listed(lines, i):
            i += 1  # a row of a contents table (表9 | …收支表 | 是 | 不涉及), not a table's title
            continue
        caption, unit_lines = _before(lines, last_end, i)
        caption = caption or scan.caption
        if len(lines[i].filled) == 2:  # ``公开12表 | 政府采购预算表``: the caption shares the title's line
            caption = lines[i]
        unit = table_unit([p[1] for p in map(_preamble, preamble) if p], title, tuple(grid), unit_lines)
        regions.append(Region(
            title=lines[i], template_set=found[0] if found else None, template=found[1] if found else None,
            caption=caption, entity=_entity(tuple(preamble)), unit=unit,
            grid=tuple(grid), notes=tuple(notes), preamble=tuple(preamble), furniture=tuple(scan.furniture),
            name=title, title_more=more, unit_lines=unit_lines, fragments=tuple(scan.fragments),
        ))
        i = last_end = end
    return join_continuations(regions, lines, furniture)
