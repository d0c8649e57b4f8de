"""Table titles in any numbering style: alone on a line, after their numbering (``公开01表：…``,
``一、…``, ``3.…``), beside a caption cell (``公开12表 | 政府采购预算表``) or wrapped over two lines
(``…支出预算`` / ``表``); and the caption printed above a title (``预算公开表1``, ``公开01表``)."""
from __future__ import annotations

import re

from ...text.folding import fold, squash
from ...sources.raw import RawLine
from ..claims import Lines
from . import templates as tp
from .furniture import is_page_number


def is_caption(line: RawLine | None) -> bool:
    return line is not None and len(line.filled) == 1 and bool(re.match(tp.CAPTION, fold(line.filled[0])))


def _title_shaped(text: str) -> bool:
    folded = re.sub(tp.CAPTION_PREFIX, "", fold(text))
    if not folded or len(folded) > tp.TITLE_MAX_CHARS or not re.search(tp.TITLE_SHAPE, folded):
        return False
    return not any(re.search(p, folded) for p in tp.NOT_TABLES)


def title_text(line: RawLine) -> str | None:
    """The title a line prints, or None if it is not shaped like a table title. The numbering may
    stand before it (``公开01表：收支预算总表``) or in a cell of its own (``公开12表 | 政府采购预算表``)."""
    if not any("表" in c for c in line.cells):  # cheap: most lines are not titles
        return None
    filled = line.filled
    if len(filled) == 2 and re.match(tp.CAPTION, fold(filled[0])):
        filled = filled[1:]
    if len(filled) != 1 or not _title_shaped(filled[0]):
        return None
    return squash(filled[0])


_QUALIFIER = re.compile(r"^[(（](按|不含|含|功能|经济|本年|上年)[^()（）]{0,20}[)）]$")


def _qualifier_after(lines: Lines, i: int) -> RawLine | None:
    """A bracketed qualifier printed under its title (``（按经济分类科目分）``): the title's last part."""
    nxt = next((lines[k] for k in range(i + 1, min(i + 3, len(lines))) if not lines[k].is_blank), None)
    if nxt is None or len(nxt.filled) != 1 or not _QUALIFIER.match(fold(nxt.filled[0])):
        return None
    return nxt


def _closes(head: str, tail: str) -> bool:
    """The tail closes a bracket the head opened after 表 (``…明细表（按支出功能分类科`` / ``目-不含上年结转）``)."""
    h = fold(head)
    return bool(re.search(r"表[(][^()]*$", h)) and bool(re.match(r"^[^()]*[)]$", fold(tail)))


# A head line ending in the middle of an enumeration: whatever follows is the rest of the title.
_JOINERS = ("、", ",", "和", "及", "与")


def title_at(lines: Lines, i: int, titles: list[str | None]) -> tuple[str, tuple[RawLine, ...]] | None:
    """The title starting at line i and the further lines it is wrapped over (``…支出预算`` / ``表``)."""
    one = titles[i]
    if one is not None:
        qualifier = _qualifier_after(lines, i)
        return (squash(one + qualifier.filled[0]), (qualifier,)) if qualifier else (one, ())
    ln = lines[i]
    if ln.is_row or len(ln.cells) != 1 or not ln.cells[0].strip() or re.match(tp.CAPTION, fold(ln.cells[0])):
        return None
    nxt = next((k for k in range(i + 1, min(i + 3, len(lines))) if not lines[k].is_blank), None)
    if nxt is None or lines[nxt].is_row or len(lines[nxt].filled) != 1:
        return None
    head, tail = ln.filled[0], lines[nxt].filled[0]
    if "表" not in tail and not _closes(head, tail):
        return None
    joined = squash(head + tail)
    cut = fold(head).rstrip().endswith(_JOINERS)  # 西安: "…拨款“三公”经费、" / "会议费、培训费表（不含上年结转）"
    if ((cut or len(re.sub(r"^[^()（）]*[)）]$|[(（][^()（）]*[)）]$", "", fold(tail))) <= tp.TITLE_TAIL_MAX_CHARS)
            and not re.search(tp.SENTENCE_MARKS, head)
            and not fold(tail).startswith("续表") and not is_page_number(ln) and not is_caption(lines[nxt])
            and _title_shaped(joined)):
        return joined, (lines[nxt],)
    return None


def ends_a_form_title(lines: Lines, i: int) -> bool:
    """Whether line i (``目标表``, ``标表``, ``表``) is only the tail of the line above, the two a title of a
    form this recogniser does not read (泉州: “…_科技兴警绩效” / “目标表”, a 绩效目标表): no table's title."""
    ln = lines[i]
    before = next((lines[k] for k in range(i - 1, max(i - 3, -1), -1) if not lines[k].is_blank), None)
    if before is None or before.is_row or ln.is_row or len(before.filled) != 1 or len(ln.filled) != 1:
        return False
    head, tail = before.filled[0], ln.filled[0]
    if len(fold(tail)) > tp.TITLE_TAIL_MAX_CHARS or re.search(tp.SENTENCE_MARKS, head):
        return False
    joined = fold(head + tail)
    return any(re.search(p, joined) for p in tp.NOT_TABLES) and not any(re.search(p, fold(tail)) for p in tp.NOT_TABLES)
