"""Amounts as a renderer prints them: the printed places kept, never a digit lost."""
from __future__ import annotations

from decimal import Decimal

from ..model import Amount, Value


def grouped(value: Value) -> bool:
    """Whether the publication printed thousands separators (``4,411.49``) for this cell."""
    return "," in value.text or "，" in value.text


def amount_text(amount: Amount, comma: bool = False) -> str:
    """The amount at its printed places: ``4411.49``, ``500,000`` with `comma`."""
    return f"{amount.value:,.{amount.places}f}" if comma else f"{amount.value:.{amount.places}f}"


def cell_text(value: Value | None) -> str:
    """A cell's text as the publication should print it: an amount cleanly formatted
    (``4411. 49`` as extracted becomes ``4411.49``), any other text as read."""
    if value is None:
        return ""
    if value.amount is None:
        return value.text
    return amount_text(value.amount, grouped(value))


def exact_float(amount: Amount) -> float | None:
    """The double that prints back as exactly this amount, or None when no double does.

    A spreadsheet stores numbers as doubles; ``Decimal(repr(float(v))) == v`` guarantees that a
    reader printing the shortest round-trip form gets the printed amount back digit for digit.
    """
    number = float(amount.value)
    return number if Decimal(repr(number)) == amount.value else None


def number_format(amount: Amount, comma: bool) -> str:
    """The spreadsheet number format showing the printed places: ``0.00``, ``#,##0``."""
    integer = "#,##0" if comma else "0"
    return integer + ("." + "0" * amount.places if amount.places else "")
