"""Printed numbers to exact amounts: ``4,411.49``, ``4411. 49``, ``500,000``, ``-``, ``—``."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..model.money import Amount, MoneyUnit
from ..sources.normalize import nfkc

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
