"""Text outside ruled tables: words → lines → cells and paragraphs.

Pure functions over plain word records, so the rules can be tested without a PDF. A line whose
words stand far apart (an unruled table row, ``编制部门：…      单位：元``) becomes several cells; a
narrative line that runs to the right margin and is followed by a line that is not indented is
one paragraph with it (Chinese paragraphs start with an indent of two characters).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.folding import nfkc
from .raw import BBox

# Gap between words, in font sizes, that separates two cells of an aligned (unruled) row.
CELL_GAP = 1.2
# Words closer than this (points) belong to one word run; a wider gap prints as a space. Not 3.0:
# letters set 3 pt apart (a quarter em at 12 pt) are common, and a threshold right on them would
# let each producer's rounding decide (公开06 表 / 公开06表).
WORD_GAP = 3.1
_RADICAL = re.compile(r"[\u2e80-\u2fdf]")
_ASCII_WORD = re.compile(r"[A-Za-z]")
# A printed amount (91,016,775.35 / 0 / 12.5): two of them side by side are two columns.
_AMOUNT = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
# A contents line: dot leaders, then perhaps a page number. It fills the width but ends its entry.
_LEADERS = re.compile(r"(…{2,}|\.{4,}|·{4,}|．{4,})\s*\d*$")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    body: float = 0.0  # its characters' usual height (0: as size); see TextLine.body


@dataclass(frozen=True)
class TextLine:
    """One printed line outside any table: its cells (one for a plain line) and their boxes.
    size: its tallest word's box height; body: its characters' usual height, which says whether two
    lines are set in one type whatever their odd glyphs (a comma whose ink runs below the font's
    descent in Noto CJK, digits from a font with taller boxes)."""

    cells: tuple[str, ...]
    boxes: tuple[BBox, ...]
    size: float
    body: float = 0.0

    @property
    def x0(self) -> float:
        return self.boxes[0][0]

    @property
    def x1(self) -> float:
        return self.boxes[-1][2]

    @property
    def top(self) -> float:
        return min(b[1] for b in self.boxes)

    @property
    def bottom(self) -> float:
        return max(b[3] for b in self.boxes)


def unradical(text: str) -> str:
    """Map CJK radicals (⽀ ⼀ ⻔), an extraction artefact, to their ideographs; keep all else as printed."""
    return _RADICAL.sub(lambda m: nfkc(m.group()), text)


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of a wrapped cell or paragraph: no space, except between two Latin words."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]):
            out += " "
        out += part
    return out


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Words on the same baseline, top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(word.top - lines[-1][0].top) <= 0.5 * max(word.size, 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def to_text_line(words: list[Word]) -> TextLine:
    """Split a line's words into cells where the gap is wide (an aligned row) or between two amounts.

    Unruled tables get no column alignment across rows: a row's empty cells are not kept."""
    size = max(w.size for w in words) or 10.0
    cells: list[list[Word]] = [[words[0]]]
    for prev, word in zip(words, words[1:]):
        gap = word.x0 - prev.x1
        if gap > CELL_GAP * size or (gap > WORD_GAP and _amounts(prev, word)):
            cells.append([word])
        else:
            cells[-1].append(word)
    texts, boxes = [], []
    for cell in cells:
        text = cell[0].text
        for prev, word in zip(cell, cell[1:]):
            text += (" " if word.x0 - prev.x1 > WORD_GAP else "") + word.text
        texts.append(unradical(text))
        boxes.append((cell[0].x0, min(w.top for w in cell), cell[-1].x1, max(w.bottom for w in cell)))
    return TextLine(tuple(texts), tuple(boxes), size, _body(words))


def _body(words: list[Word]) -> float:
    """The words' usual character height, each word counting for its characters."""
    heights = sorted((w.body or w.size, len(w.text)) for w in words)
    half, seen = sum(n for _, n in heights) / 2, 0
    for height, n in heights:
        seen += n
        if seen >= half:
            return height
    return heights[-1][0]


def _amounts(a: Word, b: Word) -> bool:
    return bool(_AMOUNT.fullmatch(a.text) and _AMOUNT.fullmatch(b.text))


_ITEM_START = re.compile(r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))")


# A sentence's end at a line's end (a closing quote or bracket may follow it).
_SENTENCE_END = re.compile(r"[。！？!?]\s*[”’」』）)]*\s*$")


def line_spacing(lines: list[TextLine]) -> float:
    """The page's usual gap between consecutive text lines (0 when tight): a document set with wide
    line spacing (Word's 1.5 or double) wraps its paragraphs with gaps a tight one keeps for blank lines."""
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:])
                  if len(a.cells) == 1 and len(b.cells) == 1 and b.top > a.bottom)
    return gaps[len(gaps) // 2] if len(gaps) >= 5 else 0.0


def continues(prev: TextLine, line: TextLine, left: float, right: float, spacing: float = 0.0) -> bool:
    """Whether `line` carries on the paragraph `prev` ends: prev ran to the margin, line not indented."""
    if len(prev.cells) > 1 or len(line.cells) > 1 or _LEADERS.search(prev.cells[0]):
        return False
    if abs((prev.body or prev.size) - (line.body or line.size)) > 0.5:
        return False
    gap = line.top - prev.bottom
    if _ITEM_START.match(line.cells[0]) and (gap >= 0.8 * line.size or _SENTENCE_END.search(prev.cells[0])):
        # a numbered line (七、 / 2. / （三）) starts an item of its own after widely spaced lines, or after a line
        # that ends its sentence where the margin ends (泉州 “…基本保持稳定。” then the heading “七、预算绩效目标情况”
        # flush left, which read as the paragraph's next line)
        return False
    return (
        gap < max(0.8 * line.size, 1.25 * spacing)
        and prev.x0 <= left + 3 * prev.size  # starts at the margin or indented, not set to the right
        and prev.x1 >= right - 3 * prev.size
        and line.x0 <= left + 0.5 * line.size
    )


def paragraphs(lines: list[TextLine], spacing: float = 0.0) -> list[TextLine]:
    """Join wrapped narrative lines into paragraphs (one cell each); rows stay as they are."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    out: list[list[TextLine]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        if continues(prev, line, left, right, spacing):
            out[-1].append(line)
        else:
            out.append([line])
    return [_merge(group) for group in out]


def _merge(group: list[TextLine]) -> TextLine:
    if len(group) == 1:
        return group[0]
    text = join_wrapped([g.cells[0] for g in group])
    box = (min(g.x0 for g in group), group[0].top, max(g.x1 for g in group), group[-1].bottom)
    return TextLine((text,), (box,), group[0].size, group[0].body)


def starts_block(prev: TextLine, line: TextLine, spacing: float = 0.0) -> bool:
    """A vertical gap wider than a line's height (and than the page's usual line spacing) separates
    two blocks (a blank line in the text form)."""
    return line.top - prev.bottom > max(1.2 * max(prev.size, line.size), 1.5 * spacing)
