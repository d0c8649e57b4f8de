"""What a 决算's narrative states besides its figures: the budget each one is measured against.

``年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.61%。决算数小于预算数的主要原因：…``
Per item: the budget (预算数), the actual (决算数), the completion rate (完成率), the direction word
(大于/小于/等于/持平) and whether a reason follows. `item_statements` reads them sentence by
sentence within one paragraph (the statement of one 项 runs over several sentences).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import accumulate

from ...model import Amount, Provenance
from ..findings import Location
from .figures import Figures, make_amount
from .sentences import Sentence

# A subject that names the budget a 决算 figure is measured against: 年初预算为 / 预算数为 / 全年预算.
BUDGET_SUBJECT = re.compile(r"(年初|全年|调整)?预算(数)?(为|是|安排)?$")
_NUM = r"(?P<{0}>\d[\d,]*(?:\.\d+)?)\s*(?P<{0}_unit>万元|元)"
_BUDGET = re.compile(r"(?:年初|全年|调整)?预算(?:数)?(?:为|是)?\s*" + _NUM.format("budget"))
_ACTUAL = re.compile(r"决算(?:数)?(?:为|是)?\s*" + _NUM.format("actual"))
_RATE = re.compile(r"完成(?:年初|全年|调整)?预算(?:数)?的\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]")
_DIRECTION = re.compile(r"决算数?\s*(?P<dir>大于|小于|等于|同|与|高于|低于|超过)\s*(?:年初|全年|调整)?预算数?\s*(?P<tail>持平)?")
_REASON = re.compile(r"(主要)?原因")


def budget_roles(f: Figures) -> Figures:
    """The sentence's amounts with 年初预算为… amounts re-roled ``budget``."""
    amounts = tuple(replace(a, role="budget") if a.role == "stated" and BUDGET_SUBJECT.search(a.subject) else a
                    for a in f.amounts)
    return replace(f, amounts=amounts)


@dataclass(frozen=True)
class ItemStatement:
    """One item's budget-vs-actual statement (None where the text does not say it).

    direction: -1 (小于/低于), +1 (大于/高于/超过), 0 (等于/持平), None if not stated.
    """

    sentence: Sentence  # where the budget is stated
    budget: Amount | None
    actual: Amount | None
    rate: Decimal | None
    rate_places: int
    direction: int | None
    direction_text: str
    reason: bool
    text: str  # the whole statement, for messages
    # where the actual, the rate and the direction words are printed (the statement may run on over a
    # page break), by name: ("actual", the sentence printing it, its offset there) …
    printed: tuple[tuple[str, Sentence, int], ...] = ()

    def printed_at(self, what: str) -> Provenance:
        """Where the named part is printed; where the statement begins if it is not stated."""
        return next((s.provenance_at(i) for name, s, i in self.printed if name == what), self.sentence.provenance)

    def offset_of(self, what: str) -> int:
        """The named part's offset in the statement's first sentence, 0 if it is printed in another."""
        return next((i for name, s, i in self.printed if name == what and s is self.sentence), 0)


def _direction(m: re.Match | None) -> tuple[int | None, str]:
    if m is None:
        return None, ""
    word = m.group("dir")
    if m.group("tail") or word in ("等于",):
        return 0, m.group(0)
    if word in ("大于", "高于", "超过"):
        return 1, m.group(0)
    if word in ("小于", "低于"):
        return -1, m.group(0)
    return None, m.group(0)


def item_statements(paragraph: tuple[Sentence, ...]) -> list[ItemStatement]:
    """Each budget-vs-actual statement in a paragraph's sentences: one starts at a 预算为… amount and
    runs until the next one."""
    text = "".join(s.text for s in paragraph)
    begins = list(accumulate((len(s.text) for s in paragraph[:-1]), initial=0))  # each sentence's offset in `text`
    starts = [m for m in _BUDGET.finditer(text)]
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        part = text[m.start():end]
        actual = _ACTUAL.search(part)
        rate = _RATE.search(part)
        said = _DIRECTION.search(part)
        direction, word = _direction(said)
        after = part[said.end():] if word and said else part[actual.end():] if actual else ""
        at = next((s for s in paragraph if m.group("budget") in s.text), paragraph[0])
        out.append(ItemStatement(
            sentence=at,
            budget=make_amount(m.group("budget"), m.group("budget_unit")),
            actual=make_amount(actual.group("actual"), actual.group("actual_unit")) if actual else None,
            rate=Decimal(rate.group("rate")) if rate else None,
            rate_places=len(rate.group("rate").partition(".")[2]) if rate else 0,
            direction=direction, direction_text=word,
            reason=bool(_REASON.search(after)) and len(after.strip("。：: ")) > 4,
            text=part,
            printed=tuple((name, *_printed(paragraph, begins, m.start() + found.start()))
                          for name, found in (("actual", actual), ("rate", rate), ("direction", said)) if found),
        ))
    return out


def _printed(paragraph: tuple[Sentence, ...], begins: list[int], offset: int) -> tuple[Sentence, int]:
    """The sentence printing the character at `offset` of the sentences joined, and its offset there."""
    i = bisect_right(begins, offset) - 1
    return paragraph[i], offset - begins[i]


def printed(st: ItemStatement, what: str) -> Location:
    """A finding's place: the statement (named by the sentence it begins in), at the line printing its
    `what` (actual, rate, direction), which may be on the next page."""
    from .checks import at

    p = st.printed_at(what)
    return replace(at(st.sentence), page=p.page, line=p.line)
