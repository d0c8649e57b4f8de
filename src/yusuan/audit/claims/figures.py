"""Stated figures: the amounts, shares, changes and counts a sentence prints, with their meaning.

Each figure keeps the exact printed text, its Decimal value and printed places (so a rule can
tolerate the rounding of what was printed), its position in the sentence and the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...model import Amount, MoneyUnit
from .sentences import Sentence
from .subjects import subject_key


@dataclass(frozen=True)
class StatedAmount:
    """An amount in the text: ``预算收入总计4,411.49万元``.

    subject: the words before it in its clause, as printed (``预算收入总计``); key: the
    canonical subject (``收入总计``) or None. role: ``stated`` (a figure of the budget),
    ``previous`` (last year's amount quoted in a comparison: ``比2024年预算40.72万元``) or
    ``reason`` (inside a 主要原因是… explanation). start/end: its span in the sentence.
    """

    text: str
    amount: Amount
    subject: str
    key: str | None
    sentence: Sentence
    start: int
    end: int
    role: str = "stated"

    @property
    def value(self) -> Decimal:
        return self.amount.value

    @property
    def label(self) -> str:
        """The subject as a reader names it: the key, else the printed subject."""
        return self.key or self.subject


@dataclass(frozen=True)
class StatedShare:
    """A share: ``占68.20%``. of: the amount it is the share of (the amount before it);
    base: the whole it is a share of (the head amount of the enumeration), when found;
    base_text: the whole named in the text (``占部门（单位）项目支出总额的100%``)."""

    text: str
    value: Decimal
    places: int
    sentence: Sentence
    start: int
    end: int
    of: StatedAmount | None = None
    base: StatedAmount | None = None
    base_text: str = ""

    @property
    def tolerance(self) -> Decimal:
        return Decimal(5).scaleb(-(self.places + 1))


@dataclass(frozen=True)
class StatedChange:
    """A year-on-year change: ``比上年增加934.33万元``, ``增长26.87%``, ``与上年预算数相同``.

    kind: ``amount`` (万元/元), ``percent`` or ``same`` (no change: 相同/持平).
    direction: the direction words as printed (``增加``, ``下降(增长)``); sign: +1, -1, 0, or
    None when the words are an unresolved template alternative.
    value: the printed figure (always positive as printed), None for ``same``.
    of: the current amount that changed; previous: last year's amount when quoted.
    base_year: what it compares with as printed (``上年``, ``2024年``).
    """

    text: str
    kind: str
    direction: str
    sign: int | None
    value: Decimal | None
    places: int
    unit: str
    sentence: Sentence
    start: int
    end: int
    of: StatedAmount | None = None
    previous: StatedAmount | None = None
    base_year: str = ""

    @property
    def signed(self) -> Decimal | None:
        if self.kind == "same":
            return Decimal(0)
        if self.value is None or self.sign is None:
            return None
        return self.value * self.sign

    @property
    def tolerance(self) -> Decimal:
        return Decimal(5).scaleb(-(self.places + 1))


@dataclass(frozen=True)
class StatedCount:
    """A count: ``6个科室``, ``下属预算单位5个``, ``二级项目45个``, ``10辆``.

    noun: what is counted — the words after the measure word if any (``科室``), else the
    words before the number (``下属预算单位``); measure: the measure word (个, 辆, 家 …).
    """

    text: str
    count: int
    measure: str
    noun: str
    before: str
    after: str
    sentence: Sentence
    start: int
    end: int


@dataclass(frozen=True)
class Figures:
    """Everything stated in one sentence."""

    sentence: Sentence
    amounts: tuple[StatedAmount, ...] = ()
    shares: tuple[StatedShare, ...] = ()
    changes: tuple[StatedChange, ...] = ()
    counts: tuple[StatedCount, ...] = ()

    def amount(self, key: str) -> StatedAmount | None:
        """The first stated (not previous, not reason) amount with this subject key."""
        return next((a for a in self.amounts if a.key == key and a.role == "stated"), None)


def make_amount(number: str, unit_text: str) -> Amount:
    from ...text.numbers import parse_amount

    unit = MoneyUnit.YUAN if unit_text == "元" else MoneyUnit.WAN_YUAN
    parsed = parse_amount(number, unit)
    assert parsed is not None, number
    if unit_text == "亿元":  # 1亿 = 10000万, exact; printed places grow by 4
        return Amount(parsed.value * 10000, MoneyUnit.WAN_YUAN, parsed.places - 4)
    return parsed


# “涉及一般公共预算支出1639.34万元”: the money the matters just listed involve (three projects
# evaluated), a part of the named figure, never the figure itself.
_INVOLVES = re.compile(r"^(共|合计|累计)?涉及")


def subject_of(sub: str) -> tuple[str, str | None]:
    s = sub.strip()
    return s, None if _INVOLVES.match(s) else subject_key(s)
