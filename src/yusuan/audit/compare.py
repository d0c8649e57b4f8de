"""Comparing printed figures: rounding-aware, so a 尾差 is information, never an error.

A printed amount with p decimals is exact to ±h = 0.5·10^-p. A printed total compared with the
sum of its n printed parts may be off by at most the sum of their h (the hard bound; beyond it the
figures cannot all be roundings of consistent values: an ERROR). Roundings are independent, so in
practice the difference stays within h·√(3m) for m roundings (three standard deviations): within
that it is 尾差 (INFO); between that and the hard bound it is possible but unusual (WARNING, a
person should look). Two printings of one figure in the same format must agree exactly.
"""
from __future__ import annotations

from decimal import ROUND_UP, Decimal
from typing import Sequence

from ..model import Amount, MoneyUnit
from ..text.numbers import bound, number, rounded, trimmed
from .findings import Finding, Location, Severity

ZERO = Decimal(0)


def fmt(value: Decimal) -> str:
    """A figure for a message: thousands separators kept out, trailing zeros as printed."""
    return number(value, grouped=False)


def money(value: Decimal, places: int = 2) -> str:
    """A money figure for a message at the printed precision: tables print 元 and 万元 to two
    decimals, so a figure converted from 元 (42.212801万元) is shown as printed (42.21万元). The
    finding's fields keep the exact value."""
    return fmt(rounded(value, places))


def small(value: Decimal) -> str:
    """A computed bound or difference: at most four decimals (0.0035, not 0.003500000), never
    rounded to zero."""
    return fmt(bound(value))


def gap(value: Decimal) -> str:
    """A difference of money: at the printed precision (30.51, not 30.5068) when it is at least one
    printed step; a smaller one (a rounding, 0.0035) to four decimals, so that it does not read as 0."""
    return money(value) if abs(value) >= Decimal("0.01") else small(value)


def _room(value: Decimal) -> str:
    """A tolerance for a message, without trailing zeros (±0.03, ±0.015), four decimals at most."""
    return fmt(trimmed(bound(value)))


def _value(a: Amount | None, unit: MoneyUnit) -> Decimal:
    return a.to(unit) if a else ZERO


def _tol(a: Amount | None, unit: MoneyUnit) -> Decimal:
    # An empty cell is an exact zero; a printed figure is exact to half its last place.
    return a.tolerance * a.unit.in_yuan / unit.in_yuan if a else ZERO


def bounds(halves: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
    """(hard, likely) room for a difference made of these roundings (each ±h, zeros ignored).

    likely is h·√(3m), rounded up to the printed step (2h), and never above hard."""
    hs = [h for h in halves if h]
    hard = sum(hs, ZERO)
    if len(hs) <= 3:
        return hard, hard
    h = max(hs)
    step = 2 * h
    likely = ((h * Decimal(3 * len(hs)).sqrt()) / step).to_integral_value(rounding=ROUND_UP) * step
    return hard, min(hard, likely)


def judge(rule: str, *, expected: Decimal, actual: Decimal, tolerance: Decimal, unit: MoneyUnit,
          subject: str, locations: Sequence[Location], beyond: Severity = Severity.ERROR,
          because: str = "", likely: Decimal | None = None) -> Finding | None:
    """None when equal; INFO (尾差) within `likely` (default: tolerance); WARNING up to the hard
    `tolerance`; `beyond` past it.

    subject: what should hold, e.g. "《收入总表》合计行“合计”列应等于各类科目之和".
    """
    diff = actual - expected
    if diff == 0:
        return None
    likely = tolerance if likely is None else likely
    u = unit.value
    shown = money(expected) if money(expected) != money(actual) else small(expected)  # 0.8265 vs 0.83
    figures = f"应为{shown}{u}，实为{money(actual)}{u}，相差{gap(diff)}{u}"
    if abs(diff) <= likely:
        sev, tail = Severity.INFO, f"，在四舍五入容差±{_room(likely)}{u}以内，属尾差。"
    elif abs(diff) <= tolerance:
        sev = Severity.WARNING if beyond is not Severity.INFO else beyond
        tail = (f"，超出通常的尾差范围±{_room(likely)}{u}，但未超出四舍五入的理论上限±{_room(tolerance)}{u}，"
                f"可能是尾差，也可能有误，请核对。{because}")
    elif tolerance:
        sev, tail = beyond, f"，超出四舍五入容差±{_room(tolerance)}{u}。{because}"
    else:  # one figure printed twice alike: rounding cannot separate them
        sev, tail = beyond, f"；两处印刷的是同一数额，应完全一致。{because}"
    return Finding(rule=rule, severity=sev, message=f"{subject}：{figures}{tail}",
                   locations=tuple(locations), expected=expected, actual=actual, difference=diff,
                   tolerance=tolerance, unit=u)


def check_sum(rule: str, *, total: Amount | None, parts: Sequence[Amount | None], unit: MoneyUnit,
              subject: str, locations: Sequence[Location], beyond: Severity = Severity.ERROR,
              because: str = "", hidden: int = 0) -> Finding | None:
    """A printed total against the sum of its printed parts (empty reads as zero).

    hidden: further roundings behind the figures, when they are totals that two tables reach by
    different sums (see tablekit.hidden_roundings)."""
    printed = [_tol(a, unit) for a in (total, *parts)]
    hard, likely = bounds(printed + [max(printed, default=ZERO)] * hidden)
    expected = sum((_value(p, unit) for p in parts), ZERO)
    return judge(rule, expected=expected, actual=_value(total, unit), tolerance=hard, likely=likely, unit=unit,
                 subject=subject, locations=locations, beyond=beyond, because=because)


def check_equal(rule: str, *, expected: Amount | None, actual: Amount | None, unit: MoneyUnit,
                subject: str, locations: Sequence[Location], beyond: Severity = Severity.ERROR,
                because: str = "", hidden: int = 0) -> Finding | None:
    """Two printings of one figure (in two tables, or two places of one table): exact when printed
    alike and nothing hidden behind them; `hidden` as in check_sum."""
    alike = expected and actual and (expected.unit, expected.places) == (actual.unit, actual.places)
    printed = [] if alike and not hidden else [_tol(expected, unit), _tol(actual, unit)]
    h = max([_tol(expected, unit), _tol(actual, unit)])
    hard, likely = bounds(printed + [h] * hidden)
    return judge(rule, expected=_value(expected, unit), actual=_value(actual, unit), tolerance=hard, likely=likely,
                 unit=unit, subject=subject, locations=locations, beyond=beyond, because=because)
