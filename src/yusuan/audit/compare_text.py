"""The narratives of two publications, paragraph by paragraph: which paragraphs were changed, added
or removed (difflib over the paragraphs, compared with white space and full/half-width forms folded),
and within a changed paragraph which characters. Paragraphs in the same place that have less than half
their characters in common are one removed and one added, not an edit."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Disclosure
from ..text.folding import fold


@dataclass(frozen=True)
class TextChange:
    """One paragraph changed (a and b), removed (b None) or added (a None); `section` is its heading."""

    section: str
    a: str | None
    b: str | None

    @property
    def kind(self) -> str:
        return "修改" if self.a is not None and self.b is not None else "删除" if self.b is None else "新增"


def paragraphs(d: Disclosure) -> list[tuple[str, str]]:
    """(section title, paragraph) in reading order; empty paragraphs left out."""
    return [(s.title, p.text.strip()) for s in d.sections for p in s.paragraphs if p.text.strip()]


def text_changes(a: Disclosure, b: Disclosure) -> tuple[TextChange, ...]:
    pa, pb = paragraphs(a), paragraphs(b)
    matcher = SequenceMatcher(None, [fold(t) for _, t in pa], [fold(t) for _, t in pb], autojunk=False)
    out: list[TextChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = pa[i1:i2], pb[j1:j2]
        for k in range(max(len(olds), len(news))):
            old, new = (olds[k] if k < len(olds) else None), (news[k] if k < len(news) else None)
            if old and new and not alike(old[1], new[1]):  # rewritten, not edited: one removed, one added
                out += [TextChange(old[0], old[1], None), TextChange(new[0], None, new[1])]
            elif old or new:
                out.append(TextChange((new or old)[0], old[1] if old else None, new[1] if new else None))  # type: ignore[index]
    return tuple(out)


def alike(a: str, b: str) -> bool:
    """Whether b is an edit of a (at least half the characters in common), not a new paragraph."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.5


_TOKEN = re.compile(r"[0-9][0-9,.]*%?|[A-Za-z]+|.", re.S)


def spans(a: str, b: str) -> list[tuple[str, str]]:
    """A changed paragraph as (op, text) pieces: ("=", same), ("-", only in a), ("+", only in b); a
    figure (15,621.11, 21.48%) changes as a whole, Chinese character by character."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(ta[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(ta[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(tb[j1:j2])))
    return out
