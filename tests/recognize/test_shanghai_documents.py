"""The five Shanghai corpus PDFs: every table found and typed, units per table, the 2024/2025 pair."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.ingest import read_disclosure
from yusuan.model import Level, MoneyUnit, TableKind
from yusuan.templates import SHANGHAI_9

PDFS = Path(__file__).resolve().parents[2] / "samples" / "pdf"
NAMES = sorted(p.stem for p in PDFS.glob("*.pdf"))


@pytest.fixture(scope="module")
def documents():
    return {name: read_disclosure(PDFS / f"{name}.pdf") for name in NAMES}


def test_the_corpus_is_the_five_putuo_pdfs():
    assert len(NAMES) == 5


@pytest.mark.parametrize("name", NAMES)
def test_all_nine_tables_found_in_order_and_read_with_their_own_unit(documents, name):
    d = documents[name]
    assert d.meta.template == "shanghai-9"
    assert [t.kind for t in d.tables] == list(SHANGHAI_9.tables)
    for t in d.tables:
        assert t.unit is (MoneyUnit.WAN_YUAN if t.kind is TableKind.THREE_PUBLIC_AND_RUNNING else MoneyUnit.YUAN)
        assert t.total_row() is not None, t.title
    # nothing of a table is left unplaced: no table issue at all
    assert [i.code for i in d.issues if i.code.startswith(("ingest.table", "ingest.cell", "ingest.row", "ingest.code"))] == []


@pytest.mark.parametrize("name", NAMES)
def test_every_coded_row_carries_a_seven_five_or_three_digit_code_or_the_printed_misprint(documents, name):
    for t in documents[name].tables:
        for r in t.rows:
            assert r.code is None or r.code.isdigit() or r.code == "7 11 02", (t.title, r.code, r.label)


def test_wanli_2024_and_2025_are_one_department_in_two_years(documents):
    a, b = documents["putuo-wanli-2024-dept-budget"].meta, documents["putuo-wanli-2025-dept-budget"].meta
    assert a.organisation == b.organisation == "上海市普陀区人民政府万里街道办事处"
    assert (a.year, b.year) == (2024, 2025)
    assert a.level is b.level is Level.DEPARTMENT


def test_department_and_unit_variants_of_one_office(documents):
    dept, unit = documents["putuo-govoffice-2025-dept-budget"], documents["putuo-govoffice-2025-unit-budget"]
    assert dept.meta.organisation == unit.meta.organisation == "上海市普陀区人民政府办公室"
    assert (dept.meta.level, unit.meta.level) == (Level.DEPARTMENT, Level.UNIT)
    assert [t.entity for t in unit.tables] == ["上海市普陀区人民政府办公室"] * 9


def test_the_2024_tables_printed_without_a_year_in_the_title_are_typed(documents):
    three = documents["putuo-wanli-2024-dept-budget"].table(TableKind.THREE_PUBLIC_AND_RUNNING)
    assert three.title == "部门“三公”经费和机关运行经费预算表"
    assert three.total_row().amount("agency_running").value == Decimal("443.18")
