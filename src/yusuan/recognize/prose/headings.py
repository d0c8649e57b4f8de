"""Which narrative lines are headings, and of what level and number.

The rule, kept as data below: a heading is a line that starts with a heading number
(第N部分, 一、, （一）, 1、/1.) followed by a short title without sentence punctuation
(a trailing colon is allowed: ``1、车辆情况：``). A numbered line that reads as a sentence
(``（一）组织实施……。``) is a numbered paragraph, not a heading. Shanghai documents print their
top-level headings without numbers (``名词解释``, ``其他相关情况说明``); those few titles are
listed in `UNNUMBERED_PARTS`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CHINESE_NUMERALS = "零一二三四五六七八九十百"
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}

# Level, pattern (groups: number, title); tried in order.
_NUMBERED: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^(第[一二三四五六七八九十]+部分)\s*(.*)$")),
    (2, re.compile(r"^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$")),
    (3, re.compile(r"^([（(]\s*[一二三四五六七八九十]+\s*[）)])\s*(.+)$")),
    (4, re.compile(r"^(\d{1,2})\s*[、.．](?!\d)\s*(.+)$")),
)

# Top-level titles printed without a number (Shanghai): the whole line must match.
UNNUMBERED_PARTS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^.{0,40}(主要职能|机构设置)$",
        r"^名词解释$",
        r"^(?:\d{4}年度?)?(部门|单位)(预算|决算)编制说明$",
        r"^其他相关情况说明$",
        r"^.{0,40}(?:项目|专项)经费情况说明$",  # 科技创新专项经费情况说明: a project named without 项目
    )
)

# Sentence punctuation: a title containing any of these is a sentence, not a heading.
SENTENCE_MARKS = re.compile(r"[。；;，,！!？?]|[：:].")
MAX_TITLE_CHARS = 40


@dataclass(frozen=True)
class Heading:
    """A heading line: its level (1 part … 4), number as printed, ordinal and title.

    ordinal: the number's value (五 → 5, （一） → 1, 第三部分 → 3); None for an unnumbered part.
    title: the text after the number, a trailing colon removed.
    """

    level: int
    number: str
    ordinal: int | None
    title: str


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21; None if not a Chinese numeral up to 99."""
    if not text or any(c not in CHINESE_NUMERALS for c in text):
        return None
    if "十" not in text:
        return _DIGIT.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    value = (_DIGIT.get(tens, 0) if tens else 1) * 10
    return value + (_DIGIT.get(units, 0) if units else 0)


def _ordinal(level: int, number: str) -> int | None:
    if level == 4:
        return int(number)
    digits = re.sub(r"[第部分（）()\s]", "", number)
    return chinese_number(digits)


def _is_title(title: str) -> bool:
    return 0 < len(title) <= MAX_TITLE_CHARS and not SENTENCE_MARKS.search(title)


def parse_heading(text: str, *, numbered_allowed: bool = True) -> Heading | None:
    """The heading a line prints, or None if it is a paragraph.

    numbered_allowed=False: only part headings count (inside 名词解释 the numbered lines are
    glossary entries, ``六、财政专户管理资金：`` included; a numbered line whose title is a part's,
    ``四、部门预算编制说明``, is that part).
    """
    line = text.strip()
    for level, pattern in _NUMBERED:
        m = pattern.match(line)
        if not m:
            continue
        number, title = m.group(1), m.group(2).strip()
        if level == 1:
            return Heading(1, number, _ordinal(1, number), title.rstrip("：:"))
        if numbered_allowed and _is_title(title):
            return Heading(level, number, _ordinal(level, number), title.rstrip("：:"))
        if level == 2 and any(p.match(title) for p in UNNUMBERED_PARTS):
            # 名词解释's entries are numbered too, but ``四、部门预算编制说明`` after them is the next part
            # printed with its number from the 目录 (万里街道 2023), not a glossary entry
            return Heading(1, number, _ordinal(2, number), title)
        return None
    if any(p.match(line) for p in UNNUMBERED_PARTS):
        return Heading(1, "", None, line)
    return None
