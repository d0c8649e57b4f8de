"""Judging stated figures: a sentence's amount against a table cell, a share or a change recomputed.

Rounding is never an error: a stated share printed with p decimals is exact to ±0.5·10^-p, and the
amounts it is computed from carry their own rounding, which is added to the tolerance.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

from ...model import Amount, MoneyUnit, Row, Table
from ..catalog import NotApplicable
from ..compare import check_equal, check_sum, fmt, judge
from ..findings import Finding, Location, Severity
from .figures import StatedAmount, StatedShare
from .narrative import SectionFigures, find_section
from .sentences import Sentence

HUNDRED = Decimal(100)
WAN = MoneyUnit.WAN_YUAN


def at(s: Sentence, offset: int | None = None, **extra: object) -> Location:
    """Where a sentence is: the line it begins on (or, given the offset of the words a finding quotes, the
    line printing them: a sentence may run on over a page break), its section, the sentence itself."""
    where = s.provenance if offset is None else s.provenance_at(offset)
    return Location.of_provenance(where, section=s.section or None, sentence=s.short, **extra)


def printed_offset(text: str, words: str) -> int:
    """Where `words` are printed in `text`, white space and marks between their characters allowed
    (a name matched folded: ``医疗卫生与计划 生育支出``); 0 when they are not found as such."""
    chars = [re.escape(c) for c in words if c.isalnum()]
    found = re.search(r"[\s\W_]*".join(chars), text) if chars else None
    return found.start() if found else 0


MAX_MATCHES_PER_SENTENCE = 5  # a sentence of one character repeated 64,000 times is one problem, not 16,000


def matches_in_text(d, rule: str, pattern, severity: Severity, message):
    """A finding at every sentence for each different match of `pattern` (at most a few per sentence);
    message(match) says what is wrong."""
    from .sentences import sentences

    for s in sentences(d):
        seen: set[str] = set()
        for m in pattern.finditer(s.text):
            if m.group(0) not in seen:
                seen.add(m.group(0))
                yield Finding(rule, severity, message(m), (at(s, m.start()),))
            if len(seen) >= MAX_MATCHES_PER_SENTENCE:
                break


def need_section(d, *words: str) -> SectionFigures:
    sf = find_section(d, *words)
    if sf is None:
        raise NotApplicable(f"说明中没有“{''.join(words)}”一节")
    return sf


def quoted(a: StatedAmount) -> str:
    return f"“{a.label}{a.text.strip()}”"


def against_cell(rule: str, stated: StatedAmount, table: Table, row: Row, column: str, what: str,
                 beyond: Severity = Severity.ERROR) -> Finding | None:
    """A stated amount against the cell that prints the same figure (empty cell = 0). A table printing no
    such column (西安's 财政拨款收支总表 has no 一般公共预算 column) has nothing to compare: None."""
    if not any(c.key == column and (c.side is None or c.side == row.side) for c in table.columns):
        return None
    cell = row.amount(column) or Amount(Decimal(0), table.unit, stated.amount.places)
    subject = f"说明中{quoted(stated)}应与{what}一致"
    return check_equal(rule, expected=cell, actual=stated.amount, unit=WAN, subject=subject,
                       locations=(at(stated.sentence, stated.start), Location.of_value(table, row, column)), beyond=beyond)


def against_amount(rule: str, stated: StatedAmount, expected: Amount, what: str,
                   where: Sequence[Location] = (), beyond: Severity = Severity.ERROR) -> Finding | None:
    subject = f"说明中{quoted(stated)}应与{what}一致"
    return check_equal(rule, expected=expected, actual=stated.amount, unit=WAN, subject=subject,
                       locations=(at(stated.sentence, stated.start), *where), beyond=beyond)


def parts_sum(rule: str, total: StatedAmount, parts: Sequence[StatedAmount], what: str) -> Finding | None:
    """A stated total against the sum of stated parts."""
    names = "、".join(p.label for p in parts)
    subject = f"说明中{quoted(total)}应等于{names}之和（{what}）"
    return check_sum(rule, total=total.amount, parts=[p.amount for p in parts], unit=WAN, subject=subject,
                     locations=(at(total.sentence, total.start),))


def ratio_tolerance(places: int, part: Amount, whole: Amount) -> Decimal:
    """How far a printed percentage may be from part/whole of printed amounts: its own half unit
    plus what the amounts' rounding moves the ratio."""
    own = Decimal(5).scaleb(-(places + 1))
    w = whole.to(WAN)
    if w == 0:
        return own
    p = part.to(WAN)
    moved = HUNDRED * (part.tolerance * part.unit.in_yuan / WAN.in_yuan / abs(w)
                       + abs(p) * whole.tolerance * whole.unit.in_yuan / WAN.in_yuan / (w * w))
    return own + moved


def percent(part: Decimal, whole: Decimal, places: int) -> Decimal:
    q = Decimal(1).scaleb(-places)
    return (part / whole * HUNDRED).quantize(q, rounding=ROUND_HALF_UP)


def check_percent(rule: str, *, stated: Decimal, places: int, part: Amount, whole: Amount, subject: str,
                  locations: Sequence[Location], beyond: Severity = Severity.ERROR) -> Finding | None:
    """A printed percentage against part/whole: silent when it is the correctly rounded ratio,
    INFO when rounding of the amounts explains the difference, else `beyond`."""
    w = whole.to(WAN)
    if w == 0:
        return None
    exact = part.to(WAN) / w * HUNDRED
    if percent(part.to(WAN), w, places) == stated:
        return None
    tol = ratio_tolerance(places, part, whole)
    diff = stated - exact
    if abs(diff) <= tol:
        sev, tail = Severity.INFO, f"，在四舍五入容差±{fmt(tol.quantize(Decimal('0.0001')))}%以内，属尾差。"
    else:
        sev, tail = beyond, "。"
    shown = percent(part.to(WAN), w, max(places, 2))
    msg = (f"{subject}：按{fmt(part.value)}{part.unit.value}÷{fmt(whole.value)}{whole.unit.value}计算应为"
           f"{fmt(shown)}%，说明写为{fmt(stated)}%{tail}")
    return Finding(rule=rule, severity=sev, message=msg, locations=tuple(locations), expected=shown,
                   actual=stated, difference=stated - shown, tolerance=tol, unit="%")


def check_share(rule: str, share: StatedShare, whole: Amount | None = None, what: str = "") -> Finding | None:
    """A stated 占 x% against its amount over its whole (the head amount unless given)."""
    if share.of is None:
        return None
    whole = whole or (share.base.amount if share.base else None)
    if whole is None:
        return None
    name = what or (share.base.label if share.base else "")
    subject = f"说明中“{share.of.label}占{fmt(share.value)}%”（占{name}的比重）"
    return check_percent(rule, stated=share.value, places=share.places, part=share.of.amount, whole=whole,
                         subject=subject, locations=(at(share.sentence, share.start),))


__all__ = ["against_amount", "against_cell", "at", "check_percent", "check_share", "judge", "matches_in_text", "need_section",
           "parts_sum", "percent", "printed_offset", "quoted", "ratio_tolerance"]
