"""Real mistakes in the corpus PDFs that the table rules find — regression tests named after the case."""
from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.audit import Severity, audit, default_catalog
from yusuan.model import TableKind as K

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"
TABLE_FAMILIES = ("arith", "cross", "complete", "code")


def table_audit(name):
    from yusuan.recognize.pipeline import recognize
    from yusuan.sources.detect import read_source

    path = PDF / name
    # bundled (samples/README.md): a missing file is a broken checkout, not a reason to skip
    assert path.exists(), f"samples/pdf/{name} is missing"
    d = recognize(read_source(path))
    return audit(d, only={r.id for r in default_catalog() if r.family in TABLE_FAMILIES})


def test_welfare_home_2024_prints_code_7_11_02_for_2101102():
    # The 支出预算总表 prints 类 “7” where 210 belongs (the rendered page shows it so).
    rep = table_audit("putuo-welfare-home-2024-unit-budget.pdf")
    bad = [f for f in rep.by_rule("code.valid_format") if f.locations[0].row_label == "事业单位医疗"]
    assert bad and all(f.severity is Severity.ERROR for f in bad)
    assert {f.locations[0].table_kind for f in bad} == {K.EXPENDITURE_SUMMARY.value, K.GENERAL_EXPENDITURE.value}


def test_welfare_home_2024_uses_the_retired_class_name_of_210():
    rep = table_audit("putuo-welfare-home-2024-unit-budget.pdf")
    (f, *_) = rep.by_rule("code.summary_class_lines")
    assert "医疗卫生与计划生育支出" in f.message and "卫生健康支出" in f.message
    # … and the class is still compared by its code, not reported as missing
    assert not rep.by_rule("cross.summary_classes_vs_expenditure")


def test_wanli_2024_notes_an_empty_three_public_table_that_prints_figures():
    rep = table_audit("putuo-wanli-2024-dept-budget.pdf")
    (f,) = rep.by_rule("complete.empty_table_note")
    assert f.locations[0].table_kind == K.THREE_PUBLIC_AND_RUNNING.value and "前后矛盾" in f.message


@pytest.mark.parametrize("name", ["putuo-govoffice-2025-dept-budget.pdf", "putuo-wanli-2025-dept-budget.pdf"])
def test_consistent_shanghai_documents_have_no_table_errors(name):
    rep = table_audit(name)
    assert [f.message for f in rep.errors] == []
    assert not [o for o in rep.outcomes if o.status == "crashed"]
