"""Document metadata: title, organisation, level, stage, year, template, region."""
from __future__ import annotations

from pathlib import Path

import pytest
from prose_builders import CTX, lines

from yusuan.model import Level, MoneyUnit, Provenance, Stage, Table, TableKind as K
from yusuan.recognize.prose import detect_meta
from yusuan.templates import SHANGHAI_9, SHANXI_13

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def tables(*kinds: K, title: str = "") -> tuple[Table, ...]:
    return tuple(
        Table(id=f"t{i:02d}", kind=k, title=title or k.title_zh, unit=MoneyUnit.WAN_YUAN, columns=(), rows=(),
              provenance=Provenance(file="inline.txt"))
        for i, k in enumerate(kinds, start=1)
    )


def test_reference_meta_with_the_shanxi_tables(reference_raw):
    meta = detect_meta(reference_raw.lines, tables(*SHANXI_13.tables), CTX)
    assert (meta.title, meta.organisation, meta.year) == ("2025年度部门预算公开", "阳泉市民政局", 2025)
    assert (meta.level, meta.stage) == (Level.DEPARTMENT, Stage.BUDGET)
    assert (meta.template, meta.region) == ("shanxi-13", "山西")


def test_reference_meta_through_the_pipeline(reference):
    assert (reference.meta.organisation, reference.meta.template, reference.meta.year) == (
        "阳泉市民政局", "shanxi-13", 2025)


def test_template_shanghai_and_generic():
    doc = lines("上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区人民政府办公室")
    assert detect_meta(doc, tables(*SHANGHAI_9.tables), CTX).template == "shanghai-9"
    assert detect_meta(doc, tables(K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY), CTX).template == "generic"
    assert detect_meta(doc, (), CTX).template == "generic"
    # One Shanxi-only kind among unrecognised tables does not make a Shanxi document.
    assert detect_meta(doc, tables(*[K.GENERIC] * 8, K.AGENCY_RUNNING), CTX).template == "generic"


def test_unit_budget_title_gives_unit_level():
    doc = lines("上海市普陀区社会福利院2024年单位预算", "预算单位：上海市普陀区社会福利院")
    meta = detect_meta(doc, (), CTX)
    assert (meta.level, meta.year, meta.organisation, meta.region) == (
        Level.UNIT, 2024, "上海市普陀区社会福利院", "上海")


def test_final_accounts_title_gives_final_accounts_stage():
    doc = lines("阳泉市民政局", "", "2024年度部门决算公开")
    meta = detect_meta(doc, (), CTX)
    assert (meta.stage, meta.level, meta.year, meta.title) == (
        Stage.FINAL_ACCOUNTS, Level.DEPARTMENT, 2024, "2024年度部门决算公开")
    assert meta.organisation == "阳泉市民政局"  # no label, no table: the cover's name line


def test_year_from_tables_when_the_title_has_none():
    doc = lines("阳泉市民政局", "部门预算公开")
    assert detect_meta(doc, tables(K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, title="2025年预算收入总表"), CTX).year == 2025
    assert detect_meta(doc, tables(K.INCOME_SUMMARY, title="2025年预算收入总表"), CTX).year is None


@pytest.mark.parametrize(
    ("name", "level", "year"),
    [("putuo-govoffice-2025-dept-budget.pdf", Level.DEPARTMENT, 2025),
     ("putuo-govoffice-2025-unit-budget.pdf", Level.UNIT, 2025)],
)
def test_shanghai_pdf_covers(name, level, year):
    from yusuan.sources.detect import read_source

    raw = read_source(SAMPLES / "pdf" / name)
    meta = detect_meta(raw.lines, (), CTX)
    assert (meta.level, meta.year, meta.organisation, meta.region) == (
        level, year, "上海市普陀区人民政府办公室", "上海")
