"""Reading the Shanghai narrative's fixed sentences (no rule here; shared by narrative_shanghai_*).

Shanghai disclosures state their figures in set phrases, one paragraph per fact:
``“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”科目1788.77万元``,
``2023年当年预算执行数为15.00万元，2024年预算安排30.00万元，比2023年预算执行数增加100.00%``,
``公务接待费1.35万元``, ``政府采购预算4821.20万元，其中：政府采购货物预算57.43万元、…``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator

from ...model import Amount, Disclosure, MoneyUnit, Paragraph, Section
from ...sources.normalize import fold, squash
from ..compare import fmt, judge
from ..findings import Finding, Location, Severity

WAN = MoneyUnit.WAN_YUAN
NUMBER = r"(\d[\d,]*(?:\.\d+)?)"


@dataclass(frozen=True)
class Said:
    """A paragraph of the narrative and the section it stands in."""

    section: Section
    paragraph: Paragraph

    @property
    def text(self) -> str:
        return squash(self.paragraph.text)  # as printed: （） and ， kept full width

    def at(self, match: re.Match | None = None) -> Location:
        quoted = match.group(0) if match else self.paragraph.text
        return Location.of_provenance(self.paragraph.provenance, section=self.section.id,
                                      sentence=quoted if len(quoted) <= 60 else quoted[:59] + "…")


def paragraphs(d: Disclosure, *title_words: str) -> Iterator[Said]:
    """The paragraphs of the sections whose title holds all the words (every section if none)."""
    for s in d.sections:
        title = fold(s.title)
        if all(fold(w) in title for w in title_words):
            yield from (Said(s, p) for p in s.paragraphs)


def wan(text: str) -> Amount:
    """A 万元 figure as printed (``1,788.77`` → 1788.77, 2 places)."""
    t = text.replace(",", "")
    return Amount(Decimal(t), WAN, len(t.split(".")[1]) if "." in t else 0)


def round_as(table: Amount, stated: Amount) -> Decimal:
    """The table figure in the stated figure's unit, rounded half up to its printed places."""
    return table.to(stated.unit).quantize(Decimal(1).scaleb(-stated.places), rounding=ROUND_HALF_UP)


def rounds_to(table: Amount, stated: Amount) -> bool:
    """The table figure rounded as the narrative prints it (元 → 万元) is the stated one."""
    return round_as(table, stated) == stated.value


def stated_vs_table(rule: str, stated: Amount, table: Amount | None, subject: str,
                    locations: tuple[Location, ...], beyond: Severity = Severity.ERROR) -> Finding | None:
    """A narrative 万元 figure against the table's figure (元 or 万元): silent when it is the table's
    figure correctly rounded; within both printings' rounding → 尾差 (info); else `beyond`."""
    table = table or Amount(Decimal(0), stated.unit, 0)
    if rounds_to(table, stated):
        return None
    tolerance = stated.tolerance + table.tolerance * table.unit.in_yuan / stated.unit.in_yuan
    return judge(rule, expected=table.to(stated.unit), actual=stated.value, tolerance=tolerance, unit=stated.unit,
                 subject=subject, locations=locations, beyond=beyond)

