"""Chinese text folded to a terminal's width: lines break between any two characters, as Chinese is set,
except inside a run of Latin letters and digits (503,724元, 2101102, 18.50) and never before closing
punctuation (，。：”）…) or after opening punctuation (“（《). Rich's own wrapping breaks only at
spaces, so a long Chinese sentence after a code jumps to the next line whole; this does not."""
from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

_UNBROKEN = re.compile(r"[0-9A-Za-z.,%+\-±/_:×]+")
_NO_LINE_START = set("，。、；：？！”’）》」』】〕…%,.;:!?)]")
_NO_LINE_END = set("“‘（《「『【〔([")


def _breaks(text: str) -> list[bool]:
    """Whether a line may break before each character."""
    allowed = [True] * len(text)
    for m in _UNBROKEN.finditer(text):
        for i in range(m.start() + 1, m.end()):
            allowed[i] = False
    for i, ch in enumerate(text):
        if ch in _NO_LINE_START or (i and text[i - 1] in _NO_LINE_END):
            allowed[i] = False
    return allowed


def fold(text: Text, width: int) -> list[Text]:
    """`text` (one paragraph, styles kept) as lines of at most `width` cells."""
    plain = text.plain
    if width < 4 or cell_len(plain) <= width:
        return [text]
    allowed = _breaks(plain)
    offsets: list[int] = []
    start, used = 0, 0
    for i, ch in enumerate(plain):
        w = cell_len(ch)
        if used + w > width and i > start:
            cut = next((j for j in range(i, start, -1) if allowed[j]), i)  # the last allowed break
            offsets.append(cut)
            start = cut
            used = cell_len(plain[start:i])
        used += w
    lines = []
    for line in text.divide(offsets):
        line.rstrip()
        lead = len(line.plain) - len(line.plain.lstrip(" "))
        if line.plain.strip():
            lines.append(line[lead:] if lead else line)
    return lines


def hanging(first: Text, body: list[Text], indent: int, width: int) -> Text:
    """`first` (a mark, a number) at column `indent`, each paragraph of `body` beside and below it, every
    folded line starting at the column after `first`: a hanging indent."""
    hang = indent + cell_len(first.plain)
    out = Text(" " * indent)
    out.append_text(first)
    for n, line in enumerate(x for para in body for x in fold(para, width - hang)):
        if n:
            out.append("\n" + " " * hang)
        out.append_text(line)
    return out
