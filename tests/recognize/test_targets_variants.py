"""Target forms in the shapes other publications print.

No corpus document holds the older Shanghai 项目绩效目标表 (the five Putuo PDFs and the 2026
司法局 ones print 项目经费情况说明 instead), so its reader is built from an inline form written in
that shape: 项目性质/项目类别 labels, 项目资金（万元） with 年度资金总额 only, one 年度绩效目标 and one
half of indicators. The 财政拨款 variant is the reference's pt14.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from yusuan.audit import Severity, audit
from yusuan.audit.claims.projects import year_amount
from yusuan.model import MoneyUnit
from yusuan.recognize.claims import Context
from yusuan.recognize.targets import recognize_targets
from yusuan.sources.text import read_text

OLDER_SHANGHAI = """\
项目绩效目标表
项目名称\t人民调解经费\t\t
主管部门\t上海市普陀区司法局\t项目实施单位\t上海市普陀区司法局
项目性质\t经常性项目\t项目类别\t延续项目
项目期限\t2020年1月1日-2020年12月31日\t\t
项目资金（万元）\t年度资金总额\t795.00\t
\t其中：财政拨款\t795.00\t
\t其他资金\t0.00\t
年度绩效目标\t通过政府购买服务，完善人民调解经费保障体系。\t\t
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t调解案件数\t≥3000件
\t效益指标\t社会效益指标\t调解成功率\t≥95%
\t满意度指标\t服务对象满意度指标\t当事人满意度\t≥90%
"""


def _recognize(text: str):
    return recognize_targets(read_text(Path("inline.txt"), data=text.encode("utf-8")).lines, Context("inline.txt"))


def test_older_shanghai_form_reads_as_a_target_form():
    claim = _recognize(OLDER_SHANGHAI)
    (t,) = claim.items
    assert (t.title, t.project_name, t.competent_department, t.implementing_unit) == (
        "项目绩效目标表", "人民调解经费", "上海市普陀区司法局", "上海市普陀区司法局")
    assert (t.attribute, t.category, t.period) == ("经常性项目", "延续项目", "2020年1月1日-2020年12月31日")
    year = t.funding_year
    assert (year.total.value, year.total.unit, year.other.value) == (Decimal("795.00"), MoneyUnit.WAN_YUAN, Decimal("0.00"))
    assert [(ln.label, ln.amount.value) for ln in year.lines] == [("其中：财政拨款", Decimal("795.00"))]
    assert t.funding_period.total is None and not t.funding_period.lines  # no 实施期 column at all
    assert (t.goal_year, t.goal_period) == ("通过政府购买服务，完善人民调解经费保障体系。", "")
    assert [(i.scope, i.level1, i.name, i.value) for i in t.indicators] == [
        ("year", "产出指标", "调解案件数", "≥3000件"), ("year", "效益指标", "调解成功率", "≥95%"),
        ("year", "满意度指标", "当事人满意度", "≥90%")]
    assert claim.issues == ()  # every line placed, nothing reported missing


def test_prose_naming_the_forms_is_not_a_form():
    assert _recognize("七、绩效目标\n详见单位的项目绩效目标表\n").items == ()


def test_the_financial_appropriation_variant_is_read_with_its_annual_amount(reference):
    # pt14: `项目资金(元)¦¦201943.3¦财政拨款¦201943.3`, the splits on the lines below, no 资金总额 label
    pt14 = next(t for t in reference.targets if t.id == "pt14")
    assert pt14.funding_year.total is None
    assert (pt14.funding_year.amount.value, pt14.funding_year.amount.unit) == (Decimal("201943.3"), MoneyUnit.YUAN)
    assert year_amount(pt14) == Decimal("20.19433")
    # … and so checked against the project table instead of being reported as unreadable
    found = [f for f in audit(reference, only={"target.amount_matches_project"}).findings
             if f.locations and f.locations[0].target == "pt14"]
    assert not [f for f in found if "未能读出" in f.message]
    assert all(f.severity is not Severity.ERROR for f in found)
