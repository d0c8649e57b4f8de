"""Comparing printed figures: rounding-aware, so a 尾差 is information, never an error.

A printed amount with p decimals is exact to ±0.5·10^-p. A printed total compared with the sum of
its n printed parts may be off by the parts' tolerances plus its own; two printings of the same
figure in the same format must agree exactly.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from ..model import Amount, MoneyUnit
from .findings import Finding, Location, Severity

ZERO = Decimal(0)


def fmt(value: Decimal) -> str:
    """A figure for a message: thousands separators kept out, trailing zeros as printed."""
    return f"{value:f}"


def _value(a: Amount | None, unit: MoneyUnit) -> Decimal:
    return a.to(unit) if a else ZERO


def _tol(a: Amount | None, unit: MoneyUnit) -> Decimal:
    # An empty cell is an exact zero; a printed figure is exact to half its last place.
    return a.tolerance * a.unit.in_yuan / unit.in_yuan if a else ZERO


def sum_tolerance(total: Amount | None, parts: Sequence[Amount | None], unit: MoneyUnit) -> Decimal:
    return _tol(total, unit) + sum((_tol(p, unit) for p in parts), ZERO)


def equal_tolerance(a: Amount | None, b: Amount | None, unit: MoneyUnit) -> Decimal:
    """Same figure printed twice: exact if printed alike, else both tolerances."""
    if a and b and (a.unit, a.places) == (b.unit, b.places):
        return ZERO
    return _tol(a, unit) + _tol(b, unit)


def judge(rule: str, *, expected: Decimal, actual: Decimal, tolerance: Decimal, unit: MoneyUnit,
          subject: str, locations: Sequence[Location], beyond: Severity = Severity.ERROR,
          because: str = "") -> Finding | None:
    """None when equal; INFO (尾差) within tolerance; `beyond` otherwise.

    subject: what should hold, e.g. "《收入总表》合计行“合计”列应等于各类科目之和".
    """
    diff = actual - expected
    if diff == 0:
        return None
    u = unit.value
    figures = f"应为{fmt(expected)}{u}，实为{fmt(actual)}{u}，相差{fmt(diff)}{u}"
    if abs(diff) <= tolerance:
        sev, tail = Severity.INFO, f"，在四舍五入容差±{fmt(tolerance)}{u}以内，属尾差。"
    elif tolerance:
        sev, tail = beyond, f"，超出四舍五入容差±{fmt(tolerance)}{u}。{because}"
    else:  # one figure printed twice alike: rounding cannot separate them
        sev, tail = beyond, f"；两处印刷的是同一数额，应完全一致。{because}"
    return Finding(rule=rule, severity=sev, message=f"{subject}：{figures}{tail}",
                   locations=tuple(locations), expected=expected, actual=actual, difference=diff,
                   tolerance=tolerance, unit=u)


def check_sum(rule: str, *, total: Amount | None, parts: Sequence[Amount | None], unit: MoneyUnit,
              subject: str, locations: Sequence[Location], beyond: Severity = Severity.ERROR,
              because: str = "", slack: Decimal = ZERO) -> Finding | None:
    """A printed total against the sum of its printed parts (empty reads as zero).

    slack: further rounding room when the figures are themselves totals summed by different
    paths in different tables (see tablekit.slack)."""
    expected = sum((_value(p, unit) for p in parts), ZERO)
    return judge(rule, expected=expected, actual=_value(total, unit),
                 tolerance=sum_tolerance(total, parts, unit) + slack, unit=unit, subject=subject,
                 locations=locations, beyond=beyond, because=because)


def check_equal(rule: str, *, expected: Amount | None, actual: Amount | None, unit: MoneyUnit,
                subject: str, locations: Sequence[Location], beyond: Severity = Severity.ERROR,
                because: str = "", slack: Decimal = ZERO) -> Finding | None:
    """Two printings of one figure (in two tables, or two places of one table); `slack` as in check_sum."""
    return judge(rule, expected=_value(expected, unit), actual=_value(actual, unit),
                 tolerance=equal_tolerance(expected, actual, unit) + slack, unit=unit, subject=subject,
                 locations=locations, beyond=beyond, because=because)
