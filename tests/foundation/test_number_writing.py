"""One writer of figures for people (yusuan.text.numbers), used by the audit's messages, the reports,
the comparison and the web pages: exact at any size (a 45-digit amount from a hostile file is written
in full, never refused with InvalidOperation nor cut to the decimal context's 28 digits)."""
from decimal import Decimal

from yusuan.audit import Finding, Severity
from yusuan.audit.compare import gap, money, small
from yusuan.report.compare_report import shown
from yusuan.report.describe import figures
from yusuan.text.numbers import bound, number, rounded, trimmed
from yusuan.web.formatting import printed

BIG = "123456789012345678901234567890123456789012345"  # 45 digits


def test_rounding_half_up_at_the_printed_places_at_any_size():
    assert rounded(Decimal("42.212801"), 2) == Decimal("42.21")
    assert rounded(Decimal("0.125"), 2) == Decimal("0.13")  # half up, as the tables round
    assert rounded(Decimal("5"), 2) == Decimal("5")
    assert str(rounded(Decimal("5"), 2, pad=True)) == "5.00"
    assert rounded(Decimal(BIG + ".126"), 2) == Decimal(BIG + ".13")
    assert str(rounded(Decimal(BIG), 2, pad=True)) == BIG + ".00"


def test_a_bound_has_four_places_and_is_never_zero():
    assert bound(Decimal("0.012791")) == Decimal("0.0128")
    assert bound(Decimal("0.00001")) == Decimal("0.00001")
    assert bound(Decimal(BIG + ".123456")) == Decimal(BIG + ".1235")
    assert trimmed(Decimal(BIG + "0.0150")) == Decimal(BIG + "0.015")
    assert number(trimmed(Decimal("100.00")), grouped=False) == "100"


def test_number_groups_thousands_and_signs_changes():
    assert number(Decimal("4411.49")) == "4,411.49"
    assert number(Decimal("30.5"), signed=True) == "+30.5"
    assert number(Decimal("-30.5"), signed=True) == "-30.5"
    assert number(None) == ""
    assert number(Decimal(BIG), grouped=False) == BIG


def test_every_writer_takes_a_45_digit_value():
    big = Decimal(BIG + ".126")
    assert money(big) == BIG + ".13"
    assert small(big) == BIG + ".126"
    assert gap(big) == BIG + ".13"
    assert printed(big, "元") == "≈" + number(Decimal(BIG + ".13"))
    assert shown(big) == number(Decimal(BIG + ".13"))
    assert shown(Decimal(BIG), signed=True) == "+" + number(Decimal(BIG)) + ".00"


def test_a_finding_on_45_digit_amounts_is_described_in_full():
    big = Decimal(BIG + ".126")
    finding = Finding(rule="arith.total", severity=Severity.ERROR, locations=(), message="合计不符",
                      expected=big, actual=Decimal("1.12"), difference=Decimal("1.12") - big,
                      tolerance=Decimal("0.005"), unit="元")
    text = figures(finding)
    assert number(Decimal(BIG + ".13")) in text, text
