"""The Chinese wording of computed figures: amounts, shares and year-over-year changes.

Shares and rates are computed from the *printed* figures (what a reader can recompute), rounded
half-up to two decimals, as the audit recomputes them.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def money(value: Decimal, unit: str = "万元") -> str:
    """``4,411.49万元``; zero is written ``0万元`` as the publications do."""
    if value == 0:
        return f"0{unit}"
    return f"{value:,.2f}{unit}"


def percent(part: Decimal, whole: Decimal) -> str:
    """``68.20%`` of a whole; ``0%`` when the part is zero or the whole is."""
    if whole == 0 or part == 0:
        return "0%"
    return f"{(part / whole * HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)}%"


def share(part: Decimal, whole: Decimal, unit: str = "万元") -> str:
    """``3,008.67万元，占68.20%``; no share of a whole that prints as zero."""
    return f"{money(part, unit)}，占{percent(part, whole)}" if whole else money(part, unit)


def change(current: Decimal, previous: Decimal, unit: str = "万元") -> str:
    """``比上年增加934.33万元，增长26.87%`` / ``比上年减少…，下降…`` / ``与上年持平``."""
    diff = current - previous
    if diff == 0:
        return "与上年持平"
    verb, rate_verb = ("增加", "增长") if diff > 0 else ("减少", "下降")
    text = f"比上年{verb}{money(abs(diff), unit)}"
    if previous:
        text += f"，{rate_verb}{percent(abs(diff), previous)}"
    return text


def item_change(current: Decimal, previous: Decimal, unit: str = "万元") -> str:
    """The 三公 wording: ``与上年相比预算数增加0.80万元`` or ``与上年预算数相同``."""
    diff = current - previous
    if diff == 0:
        return "与上年预算数相同"
    return f"与上年相比预算数{'增加' if diff > 0 else '减少'}{money(abs(diff), unit)}"


def ordinal(n: int) -> str:
    """Chinese numerals for headings and table rows: 1 → 一, 12 → 十二, 25 → 二十五."""
    digits = "零一二三四五六七八九"
    if not 0 <= n < 100:  # a glossary of 100 terms or more: numbered in Arabic digits from there
        return str(n)
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
