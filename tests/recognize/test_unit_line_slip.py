"""A unit line with its 单位 mistyped still states the unit.

西安 生态环境局 2022 (cities/sn-xa-1d514d70.pdf, p54 表12 政府采购预算表) prints its unit as “金位：元”.
Read as “no unit printed”, the table fell back to its profile's 万元 and every amount was 10,000 times
too large (合计 156,113,208.00 元 read as 156,113,208.00 万元).
"""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.model import MoneyUnit
from yusuan.recognize.tables.units import is_unit_line
from yusuan.sources.raw import RawLine

CITIES = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"


def _line(text: str) -> RawLine:
    return RawLine(cells=(text,), line=1, page=1)


@pytest.mark.parametrize("text", ["单位：元", "金额单位：万元", "金位：元", "单位:万元"])
def test_a_unit_line_is_known_with_or_without_a_slip_in_its_first_character(text):
    assert is_unit_line(_line(text))


@pytest.mark.parametrize("text", ["单位：西安市生态环境局", "金额：元", "位：元", "说明：单位为元的表"])
def test_other_lines_are_no_unit_lines(text):
    assert not is_unit_line(_line(text))


@pytest.mark.skipif(not CITIES.is_dir(), reason="shared corpus not present")
def test_the_xian_procurement_table_printed_in_yuan_is_read_in_yuan():
    from yusuan.ingest import read_disclosure

    d = read_disclosure(CITIES / "sn-xa-1d514d70.pdf")
    table = next(t for t in d.tables if "政府采购" in t.title)
    assert table.unit is MoneyUnit.YUAN
    amounts = [v.amount.value for r in table.rows for v in r.values if v.amount]
    assert Decimal("156113208.00") in amounts
    assert all(v.amount.unit is MoneyUnit.YUAN for r in table.rows for v in r.values if v.amount)
    assert "ingest.table_unit_missing" not in [i.code for i in d.issues]
