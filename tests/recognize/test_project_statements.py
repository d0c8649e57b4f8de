"""项目经费情况说明 (Shanghai 部门预算, part 七): each project's seven parts and its year's amount."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from prose_builders import CTX, lines

from yusuan.ingest import read_disclosure
from yusuan.model import MoneyUnit
from yusuan.recognize.prose.sections import build_sections
from yusuan.recognize.prose.statements import annual_amount, read_statements
from yusuan.serialize import dumps, loads

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"
W = MoneyUnit.WAN_YUAN


@pytest.fixture(scope="module")
def justice():
    return read_disclosure(PDF.parent / "checklists" / "putuo-justice-2026-dept-budget.pdf")


def test_putuo_justice_2026_statement_read_part_by_part(justice):
    (s,) = justice.project_statements
    assert s.name == "人民调解" and s.missing == ()
    assert s.overview.startswith("人民调解承担着化解社会矛盾") and s.basis.startswith("《关于完善本市人民调解")
    assert s.implementer == "上海市普陀区司法局" and s.period == "2025年1月1日-2025年12月31日"
    assert s.plan.startswith("1.与区人民调解协会签订") and s.target.startswith("通过政府购买区人民调解协会服务")
    assert (s.budget_text, s.annual_amount.value, s.annual_amount.unit) == ("795万元", Decimal("795"), W)
    assert s.provenance.page == 23 and s.budget_provenance.page == 23


@pytest.mark.parametrize(("name", "project", "amount"), [
    ("putuo-govoffice-2025-dept-budget", "区政府督查及建议提案工作业务经费", None),  # 按时拨付资金: no figure
    ("putuo-wanli-2024-dept-budget", "", Decimal("632.20")),  # four quarters of 158.05万元
    ("putuo-wanli-2025-dept-budget", "", Decimal("60")),  # four quarters of 15万元
])
def test_statements_of_the_other_putuo_publications(name, project, amount):
    (s,) = read_disclosure(PDF / f"{name}.pdf").project_statements
    assert s.name == project
    assert (s.annual_amount.value if s.annual_amount else None) == amount
    assert s.missing == ()  # 万里 2024 prints 七、绩效目标 glued to the end of 六's last line: still read
    assert s.target and s.implementer


def test_statement_survives_the_json_round_trip(justice):
    assert loads(dumps(justice)).project_statements == justice.project_statements


@pytest.mark.parametrize(("text", "expected"), [
    ("795万元", ("795", W, 0)),
    ("全年预算安排120.5万元，其中第一季度30万元。", ("120.5", W, 1)),
    ("第一季度用款计划158.05万元，第二季度用款计划158.05万元，第三季度用款计划158.05万元，第四季度用款计划158.05万元。",
     ("632.20", W, 2)),
    ("1月至6月拨付300000元，7月至12月拨付200000元", ("500000", MoneyUnit.YUAN, 0)),
    ("结合重点工作推进情况，按合同条款按时拨付资金。", None),
    ("项目总投资5000万元，本年安排800万元。", None),  # two figures, neither the year's by its words: not guessed
])
def test_annual_amount_as_stated(text, expected):
    a = annual_amount(text)
    assert (None if a is None else (str(a.value), a.unit, a.places)) == (
        None if expected is None else (str(Decimal(expected[0])), expected[1], expected[2]))


def test_two_projects_under_one_heading_inline():
    doc = lines(
        "七、项目经费情况说明",
        "（一）社区养老服务补贴项目",
        "1、项目概述", "为辖区老年人提供助餐、助浴服务。",
        "2、立项依据", "《上海市养老服务条例》。",
        "3、年度预算安排", "全年安排120万元。",
        "（二）垃圾分类宣传项目",
        "1、项目概述", "开展垃圾分类宣传。",
        "2、年度预算安排", "第一季度10万元，第二季度10万元。",
    )
    sections = build_sections(doc, CTX).sections
    found = read_statements(sections)
    assert [(s.name, s.annual_amount.value if s.annual_amount else None) for s in found] == [
        ("社区养老服务补贴项目", Decimal("120")), ("垃圾分类宣传项目", Decimal("20"))]
    assert found[1].missing == ("立项依据", "实施主体", "实施方案", "实施周期", "绩效目标")
