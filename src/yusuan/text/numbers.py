"""Printed numbers both ways: read exactly (``4,411.49``, ``4411. 49``, ``500,000``, ``-``, ``—``) and
written for people (every message, report, page and workbook goes through `number`, `rounded`, `bound`).

Writing never goes through the decimal context's 28 digits: a 45-digit amount from a hostile file
is rounded and printed exactly, not refused with InvalidOperation nor silently cut.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from ..model.money import Amount, MoneyUnit
from .folding import nfkc

# Digits with optional thousands commas and a decimal part; the extraction sometimes puts a
# space after the decimal point (``4411. 49``) or around commas.
_NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$")
_DASHES = {"-", "—", "–", "－", "——", "/"}


def clean_number_text(text: str) -> str:
    return re.sub(r"\s+", "", nfkc(text)).replace("，", ",")


def is_amount_text(text: str) -> bool:
    """Whether a cell reads as a printed amount (a dash counts: it prints a zero)."""
    t = clean_number_text(text)
    return bool(t) and (t in _DASHES or bool(_NUMBER.match(t)))


def parse_amount(text: str, unit: MoneyUnit) -> Amount | None:
    """The exact amount a cell prints, or None if it is empty or not a number.

    A dash prints a zero (0 places). ``12.`` counts 0 places.
    """
    t = clean_number_text(text)
    if not t:
        return None
    if t in _DASHES:
        return Amount(Decimal(0), unit, 0)
    if not _NUMBER.match(t):
        return None
    digits = t.replace(",", "")
    if digits.endswith("."):
        digits = digits[:-1]
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        return None
    places = len(digits.split(".")[1]) if "." in digits else 0
    return Amount(value, unit, places)


_PERCENT = re.compile(r"^[-+]?\d+(\.\d+)?%$")


def parse_decimal(text: str) -> Decimal | None:
    """A plain decimal (counts, areas), commas allowed; None if not a number."""
    t = clean_number_text(text)
    if not _NUMBER.match(t):
        return None
    return Decimal(t.replace(",", "").rstrip("."))


def rounded(value: Decimal, places: int, *, pad: bool = False) -> Decimal:
    """`value` rounded half up to `places` decimals when it has more (42.212801 → 42.21), at any size;
    with `pad`, also written to exactly `places` decimals (5 → 5.00)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or (-exponent <= places and not pad):
        return value  # NaN and infinities have no places; a value within its places is as printed
    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def bound(value: Decimal) -> Decimal:
    """A computed bound or difference for people: at most four decimals (0.0127910… → 0.0128), never
    rounded to zero (0.00001 stays). The JSON keeps the exact value."""
    shown = rounded(value, 4)
    return shown if shown else value


def trimmed(value: Decimal) -> Decimal:
    """`value` without trailing zeros (0.0150 → 0.015), exactly at any size (1E+2 is written 100)."""
    if not value.is_finite() or not value:
        return value
    with localcontext() as context:
        context.prec = max(context.prec, len(value.as_tuple().digits))
        return value.normalize()


def number(value: Decimal | None, *, signed: bool = False, grouped: bool = True) -> str:
    """A Decimal as the tables print it: thousands separators (unless not `grouped`), its own places,
    never an exponent; "" for None; with `signed`, a + before a positive value (a change)."""
    if value is None:
        return ""
    text = format(value, ",f" if grouped else "f")
    return f"+{text}" if signed and value > 0 else text
