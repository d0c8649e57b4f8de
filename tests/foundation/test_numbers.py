"""Printed numbers become exact amounts with their places — never floats."""
from decimal import Decimal

import pytest

from yusuan.model import Amount, MoneyUnit, rounding_tolerance
from yusuan.recognize.numbers import is_amount_text, parse_amount

WAN = MoneyUnit.WAN_YUAN


@pytest.mark.parametrize(
    "printed, value, places",
    [
        ("4411.49", "4411.49", 2),
        ("4411. 49", "4411.49", 2),  # the extraction's space after the point
        ("4,411.49", "4411.49", 2),
        ("500,000", "500000", 0),
        ("300000", "300000", 0),
        ("0.30", "0.30", 2),
        ("１２.５０", "12.50", 2),  # full-width digits
        ("-12.30", "-12.30", 2),
        ("—", "0", 0),
        ("-", "0", 0),
    ],
)
def test_printed_amounts_are_exact(printed, value, places):
    a = parse_amount(printed, WAN)
    assert a == Amount(Decimal(value), WAN, places)
    assert isinstance(a.value, Decimal)


@pytest.mark.parametrize("text", ["", "  ", "合计", "2025年", "≥90%", "1.2.3", "12,34"])
def test_non_amounts_are_not_read_as_amounts(text):
    assert parse_amount(text, WAN) is None


def test_a_code_looks_like_a_number_but_the_recogniser_decides_by_column():
    # 2080201 parses as a number: telling codes from amounts is the table recogniser's job.
    assert is_amount_text("2080201")


def test_tolerance_is_half_the_last_printed_place():
    assert parse_amount("4411.49", WAN).tolerance == Decimal("0.005")
    assert parse_amount("500,000", MoneyUnit.YUAN).tolerance == Decimal("0.5")
    parts = [parse_amount(x, WAN) for x in ("1.47", "2895.74", "39.06")]
    assert rounding_tolerance(parts) == Decimal("0.015")


def test_conversion_between_units_is_exact():
    assert parse_amount("4411.49", WAN).to(MoneyUnit.YUAN) == Decimal("44114900")
    assert parse_amount("19,240", MoneyUnit.YUAN).to(WAN) == Decimal("1.924")
