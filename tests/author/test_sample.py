"""The bundled sample book compiles to the reference publication, number for number, except where
the publication contradicts itself; every such difference is listed here with its reason."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.audit.runner import audit
from yusuan.author import build_disclosure
from yusuan.model import TableKind as K

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples"

# (table kind, row label, column) → (printed in the reference, compiled, why)
DIFFERENCES = {
    # The basic items add to 1099.44 (938.81 人员 + 160.63 公用) while the table prints 1099.45
    # (938.80 + 160.64): the exact 元 amounts that round to every printed item and total leave
    # the largest-remainder rule to move a cent in these rows so that items add up to their class.
    (K.GENERAL_BASIC_ECONOMIC, "取暖费", "operating"): ("60.53", "60.54"),
    (K.GENERAL_BASIC_ECONOMIC, "取暖费", "total"): ("60.53", "60.54"),
    (K.GENERAL_BASIC_ECONOMIC, "基本工资", "personnel"): ("174.20", "174.19"),
    (K.GENERAL_BASIC_ECONOMIC, "基本工资", "total"): ("174.20", "174.19"),
    (K.GENERAL_BASIC_ECONOMIC, "对个人和家庭的补助", "personnel"): ("115.01", "115.02"),
    (K.GENERAL_BASIC_ECONOMIC, "对个人和家庭的补助", "total"): ("115.01", "115.02"),
    (K.GENERAL_BASIC_ECONOMIC, "工资福利支出", "personnel"): ("823.79", "823.78"),
}
# Not table cells: the narrative and forms where the reference contradicts itself.
TEXT_DIFFERENCES = (
    "机关运行经费下降率：印“下降(增长)0.001%”，0.04÷40.72 应为0.10%，编制结果写“下降0.10%”",
    "绩效目标项目数和金额：印“45个、2,545.59万元、占100%”，编制结果按公开的绩效目标表计数并计算占比",
    "绩效目标表“院内水电气经费”“养老公益苑建设项目偿还贷款本息”：年度资金与项目支出表不符，编制结果按项目支出表",
    "重复公开的绩效目标表（救助站未成年人保护…）只编一张",
    "机构设置所列单位名称与表中单位名称不一致，编制结果统一用表中名称",
)


@pytest.fixture(scope="module", params=["yangquan-2025", "yangquan-2025.xlsx"])
def compiled(request):
    return build_disclosure(SAMPLES / request.param)


def _cells(t):
    return {(r.side, r.label, r.code, v.column, n): v.text for n, r in enumerate(t.rows) for v in r.values
            if v.amount is not None}


def _by_key(t):
    out = {}
    for r in t.rows:
        for v in r.values:
            if v.amount is not None:
                out.setdefault((r.side, r.label, r.code, v.column), []).append(v.amount.value)
    return out


def test_every_table_matches_the_reference_except_listed_differences(reference, compiled):
    found = {}
    for ref in reference.tables:
        if ref.kind is K.GENERIC:
            continue
        ours = compiled.table(ref.kind)
        a, b = _by_key(ref), _by_key(ours)
        assert set(a) == set(b), (ref.kind, set(a) ^ set(b))
        for key in a:
            if sorted(a[key]) != sorted(b[key]):
                found[(ref.kind, key[1], key[3])] = (str(a[key][0]), str(b[key][0]))
    assert found == DIFFERENCES


def test_the_compiled_sample_has_no_audit_error(compiled):
    report = audit(compiled)
    assert [f.message for f in report.errors] == []


def test_the_reference_itself_has_the_errors_the_differences_explain(reference):
    rules = {f.rule for f in audit(reference).errors}
    assert {"narrative.change_quoted", "target.amount_matches_project", "target.coverage_claim"} <= rules
    assert len(TEXT_DIFFERENCES) == 5


def test_narrative_states_the_reference_figures(compiled):
    s1 = compiled.section("s3.1").text
    assert "预算收入总计4,411.49万元" in s1 and "比上年增加934.33万元，增长26.87%" in s1
    assert "占68.20%" in compiled.section("s3.2").text
    assert "比上年增加330.11万元，增长12.32%" in compiled.section("s3.5.1").text
    assert "比2024年预算40.72万元减少0.04万元，下降0.10%" in compiled.section("s3.8").text
    assert compiled.procurement.total.value == Decimal("700.00")
