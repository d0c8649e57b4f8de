"""Paragraphs as written, not as the pages cut them.

A PDF prints a paragraph over a page break: its last line at the foot of one page, then the page
number and the next page's running header, then the rest. The reader gives the two halves as two
lines; read as two paragraphs, a sentence looks unfinished (``…提请、衔接解放军和武警部队参与`` /
``应急救援工作。``) and a bracket unclosed. Within a page, a paragraph whose first line is indented
more than the reader allows comes as that line, then the rest (重庆: ``（一）收入预算：2026 年年初
预算数 168,441.81 万元，其`` / ``中：一般公共预算拨款…``). `carries_on` tells when a line is the rest
of the paragraph before it; page furniture between the two is stepped over by the caller.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ...model import Paragraph
from ...sources.raw import RawLine
from ...text.folding import fold
from ..tables.furniture import RUNNING_MIN_PAGES, is_page_number

# The paragraph ended: a stop, a colon or semicolon (a list follows), a closing mark after the stop.
ENDED = re.compile(r"[。！？!?；;：:…]\s*[”’」』）)】]*\s*$")
# A line that starts an item of its own, never the rest of a sentence: a heading or list number,
# 一是/二是, a note. A code in brackets (``（2079903）20000 万元``, sn-xa-abb39910 p9) is no item number.
ITEM_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、.．]|[（(]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[)）]"
    r"|\d{1,2}\s*[、.．](?!\d)|[①-⑳]|[一二三四五六七八九十]+是|注\s*[：:]|附\s*[表件])")
# The first half of a word ending in 一 (统一, 唯一, 之一 …) at a line's end: the 一、 opening the next line
# finishes the word (js-sz-ac8160cd p5 ``…构建集中统`` / ``一、全面覆盖、权威高效的审计监督体系。``), no item.
CUT_BEFORE_ONE = re.compile(r"(?:统|唯|之|同|单|合|划|归|专|逐|万)\s*$")
ONE_AFTER_CUT = re.compile(r"^\s*一\s*[、，,]")
ONE_LINE = 1.8  # a box this many character sizes high (or less) holds one printed line
NEAR = 3.0  # characters of slack when a line is said to run to the right margin (ragged: punctuation, Latin)
WIDE_SLACK = 16.0  # points, for a box of several lines (whose characters' size its width does not tell)
MIN_CHARS = 20  # a printed line of narrative holds more: a shorter text is a title, a label or a name
INDENT_SLACK = 6.0  # points: well under a first-line indent (two characters of 10.5 pt text or more)


SENTENCE_MARK = re.compile(r"[。，,；;！？]")


def furniture(lines: Iterable[RawLine]) -> frozenset[int]:
    """The page numbers and running headers or footers among narrative lines: a one-cell text without
    sentence marks standing first or last on at least RUNNING_MIN_PAGES pages, where it so stands.
    The first printing of a running text is left out: it is the document's title (the cover's)."""
    by_page: dict[int, list[RawLine]] = defaultdict(list)
    for ln in lines:
        if ln.page is not None and not ln.is_blank:
            by_page[ln.page].append(ln)
    edges = [ln for found in by_page.values() for ln in {found[0].line: found[0], found[-1].line: found[-1]}.values()
             if not ln.is_row and len(ln.filled) == 1]
    pages: dict[str, set[int]] = defaultdict(set)
    for ln in edges:
        pages[fold(ln.filled[0])].add(ln.page or 0)
    running = {t for t, p in pages.items() if len(p) >= RUNNING_MIN_PAGES and not SENTENCE_MARK.search(t)}
    out, first = set(), set()
    for ln in sorted(edges, key=lambda x: x.line):
        text = fold(ln.filled[0])
        if is_page_number(ln) or (text in running and text in first):
            out.add(ln.line)
        first.add(text)
    return frozenset(out)


def _box(line: RawLine) -> tuple[float, float, float, float] | None:
    boxes = [b for b in line.bboxes or () if b]
    if len(boxes) != 1:
        return None
    return boxes[0]


def _char_size(line: RawLine) -> float:
    """The size of one character, from the width of a line printed on one line (a half-width
    character counts half): what a line's box says when the box holds one line."""
    box = _box(line)
    if box is None:
        return 0.0
    text = line.text.strip()
    chars = sum(1.0 if ord(c) > 0x2e7f else 0.5 for c in text if not c.isspace())
    return (box[2] - box[0]) / chars if chars else 0.0


class Margins:
    """Each page's left and right text margins, from the one-cell lines printed on it; a page with
    too few lines takes the widest margins of the document."""

    def __init__(self, lines: Iterable[RawLine]) -> None:
        edges: dict[int, list[tuple[float, float]]] = defaultdict(list)
        for ln in lines:
            box = _box(ln)
            if box is not None and ln.page is not None and not ln.is_row and not ln.is_blank:
                edges[ln.page].append((box[0], box[2]))
        self.pages = {p: (min(a for a, _ in e), max(b for _, b in e)) for p, e in edges.items() if len(e) >= 2}
        every = [x for e in edges.values() for x in e]
        self.widest = (min(a for a, _ in every), max(b for _, b in every)) if every else None

    def of(self, page: int | None) -> tuple[float, float] | None:
        return self.pages.get(page, self.widest) if page is not None else None


def carries_on(text: str, last: RawLine, line: RawLine, margins: Margins, *, adjacent: bool) -> bool:
    """Whether `line` is the rest of the paragraph `text` whose last printed part is `last`.

    adjacent: nothing but blank lines and page furniture stands between them in the source.
    The paragraph did not end, is longer than a title or a label, and ran to the right margin; then
    `line` is the next page's first line, or on the same page (no blank line between) it starts at the
    left margin or left of where `last` began, not indented as a new paragraph is.
    """
    if not adjacent or last.is_row or line.is_row or "\t" in text or "\t" in line.text:
        return False
    if len(text.strip()) < MIN_CHARS or ENDED.search(text) or _opens_item(text, line.text):
        return False
    box, next_box = _box(last), _box(line)
    right, left = margins.of(last.page), margins.of(line.page)
    if box is None or next_box is None or right is None or left is None or last.page is None or line.page is None:
        return False
    size = _char_size(last)
    single = size > 0 and box[3] - box[1] <= ONE_LINE * size
    if box[2] < right[1] - (NEAR * size if single else WIDE_SLACK):
        return False  # a short last line: the paragraph (or a title) ends there
    if line.page == last.page + 1:
        return True
    # not indented: at the left margin, or left of where `last` began (its indented first line)
    starts = max(left[0] + INDENT_SLACK, box[0] - INDENT_SLACK)
    return line.page == last.page and line.line == last.line + 1 and next_box[0] <= starts


def _opens_item(text: str, line: str) -> bool:
    """Whether `line` opens an item of its own after `text`: not when its 一、 is the end of a word."""
    return ITEM_START.match(line) is not None and not (CUT_BEFORE_ONE.search(text) and ONE_AFTER_CUT.match(line))


def joined(paragraph: Paragraph, rest: Paragraph) -> Paragraph:
    """A paragraph and its rest as one: no space between, except between two Latin words; the rest's
    lines keep their own page and line (`Paragraph.continued`)."""
    a, b = paragraph.text.rstrip(), rest.text.strip()
    space = a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha()
    start = len(a) + space
    lead = len(rest.text) - len(rest.text.lstrip())  # offsets into rest.text count its stripped lead
    later = tuple((start + max(o - lead, 0), p) for o, p in rest.continued)
    return Paragraph(a + (" " if space else "") + b, paragraph.provenance,
                     (*paragraph.continued, (start, rest.provenance), *later))
