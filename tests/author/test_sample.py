"""The bundled sample book (阳泉市民政局 2025) compiles to its publication number for number,
except where the publication contradicts itself; each such difference is listed here with why."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.audit.runner import audit
from yusuan.author import build_disclosure
from yusuan.model import TableKind as K

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples"

# kind → (cells only the reference prints, cells only the compiled version prints); a cell is
# (row label, code, column, printed amount). Every entry follows from a contradiction in print:
#   a. 社会保障和就业支出 基本支出 prints 986.52 while its 款 add up to 986.53 (380.94 + 239.98 +
#      259.60 + 106.01): one 款 must give a cent — 社会福利/社会福利事业单位 (259.60 → 259.59) and,
#      since 合计 = 基本 + 项目, their 合计 in the three function tables.
#   b. The basic economic table prints 人员经费 938.80, but its items add to 938.81, and
#      对个人和家庭的补助 115.01 while its items add to 115.02 (28.55 + 86.17 + 0.30); 公用经费 prints
#      160.64 while its items add to 160.63: one item (水费) takes the cent.
#   c. 阳泉市社会福利院 prints 954.37 (一般公共预算 471.97) in 项目支出表（本年） while its projects
#      add to 954.36 (471.96). The publication prints no 绩效目标表 for 聘用人员工资及社保缴费, which could
#      take the cent; the sample gives every project its form (yangquan_forms.py), and a project with a
#      form prints its own rounding, so the unit's row and the department's take it (954.36, 2822.96).
_FUNCTION = (("社会福利", "20810"), ("社会福利事业单位", "2081005"))
DIFFERENCES = {
    K.INCOME_SUMMARY: (
        {(n, c, col, v) for n, c in _FUNCTION for col in ("general_public", "total")
         for v in (("1816.50",) if c == "20810" else ("814.48",))},
        {(n, c, col, v) for n, c in _FUNCTION for col in ("general_public", "total")
         for v in (("1816.49",) if c == "20810" else ("814.47",))},
    ),
    **{kind: (
        {("社会福利", "20810", "basic", "259.60"), ("社会福利", "20810", "total", "1816.50"),
         ("社会福利事业单位", "2081005", "basic", "259.60"), ("社会福利事业单位", "2081005", "total", "814.48")},
        {("社会福利", "20810", "basic", "259.59"), ("社会福利", "20810", "total", "1816.49"),
         ("社会福利事业单位", "2081005", "basic", "259.59"), ("社会福利事业单位", "2081005", "total", "814.47")},
    ) for kind in (K.EXPENDITURE_SUMMARY, K.GENERAL_EXPENDITURE)},
    K.GENERAL_BASIC_ECONOMIC: (
        {("合计", None, "personnel", "938.80"), ("对个人和家庭的补助", None, "personnel", "115.01"),
         ("对个人和家庭的补助", None, "total", "115.01"), ("水费", None, "operating", "0.07"), ("水费", None, "total", "0.07")},
        {("合计", None, "personnel", "938.81"), ("对个人和家庭的补助", None, "personnel", "115.02"),
         ("对个人和家庭的补助", None, "total", "115.02"), ("水费", None, "operating", "0.08"), ("水费", None, "total", "0.08")},
    ),
    K.PROJECTS: (
        {("阳泉市民政局", None, "general_public", "1909.22"), ("阳泉市民政局", None, "total", "2822.97"),
         ("阳泉市社会福利院", None, "general_public", "471.97"), ("阳泉市社会福利院", None, "total", "954.37")},
        {("阳泉市民政局", None, "general_public", "1909.21"), ("阳泉市民政局", None, "total", "2822.96"),
         ("阳泉市社会福利院", None, "general_public", "471.96"), ("阳泉市社会福利院", None, "total", "954.36")},
    ),
}
# The forms' 年度资金 the book had to change to agree with the project tables (元: printed → book).
FORM_DIFFERENCES = {
    "院内水电气经费": (Decimal("205000"), Decimal("200000")),  # table: 4.00 + 16.00 万元
    "遗属补助": (Decimal("10000"), Decimal("8900")),  # 福利院: the table prints 0.11 as “遗属补贴”, a row of its own
    "养老公益苑建设项目偿还贷款本息": (Decimal("422128.01"), Decimal("382100")),  # table: 38.21 万元
    "阳泉市社会福利院东北部挡墙边坡加固治理项目尾款": (None, Decimal("201900")),  # the text form's funding is unreadable
    "各项工作经费": (None, Decimal("250000")),  # likewise
}


@pytest.fixture(scope="module", params=["yangquan-2025", "yangquan-2025.xlsx"])
def compiled(request):
    return build_disclosure(SAMPLES / request.param)


def _cells(t) -> Counter:
    return Counter((r.label, r.code, v.column, v.text.replace(" ", "")) for r in t.rows for v in r.values
                   if v.amount is not None)


def test_every_table_matches_the_reference_except_the_listed_contradictions(reference, compiled):
    found = {}
    for ref in reference.tables:
        if ref.kind is K.GENERIC:
            continue
        ours = compiled.table(ref.kind)
        a, b = _cells(ref), _cells(ours)
        if a != b:
            found[ref.kind] = (set((a - b).elements()), set((b - a).elements()))
    assert found == DIFFERENCES


def test_the_compiled_sample_has_no_audit_error(compiled):
    assert [f.message for f in audit(compiled).errors] == []


def test_the_reference_itself_has_the_errors_the_differences_explain(reference):
    rules = {f.rule for f in audit(reference).errors}
    assert {"narrative.change_quoted", "target.amount_matches_project", "target.coverage_claim",
            "wording.template_alternative"} <= rules


def test_forms_keep_their_printed_year_funding_except_the_listed_ones(reference, compiled):
    ours = {(t.implementing_unit, t.project_name): t.funding_year.total.value for t in compiled.targets}
    assert len(compiled.targets) == 51  # 44 printed, one printed twice; 8 added (yangquan_forms.py)
    changed = {}
    for form in reference.targets:
        printed = form.funding_year.total.value if form.funding_year.total else None
        mine = next((v for (u, n), v in ours.items() if u == form.implementing_unit and n == form.project_name), None)
        if mine is not None and mine != printed:
            changed[form.project_name] = (printed, mine)
    assert changed == FORM_DIFFERENCES


def test_the_sample_builds_without_a_warning(compiled):
    """The publication's own warnings are fixed in the sample: the reasons state their unit (0.38万元),
    every current-year project has its form, and the 三公 table's note states what projects pay."""
    assert [f"{f.rule}: {f.message}" for f in audit(compiled).warnings] == []
    assert compiled.table(K.THREE_PUBLIC).notes == ("注：公务用车运行维护费含项目支出安排0.50万元。",)


def test_narrative_restates_the_reference_figures(compiled):
    s1 = compiled.section("s3.1").text
    assert "预算收入总计4,411.49万元，其中：本年收入3,922.42万元，上年结转489.07万元，比上年增加934.33万元，增长26.87%" in s1
    assert "一般公共预算拨款收入3,008.67万元，占68.20%" in compiled.section("s3.2").text
    assert "基本支出1,099.45万元，占24.92%；项目支出3,312.04万元，占75.08%" in compiled.section("s3.3").text
    assert "比上年增加330.11万元，增长12.32%" in compiled.section("s3.5.1").text
    assert "“三公”经费预算19.30万元，比2024年增加1.18万元" in compiled.section("s3.7").text
    # the reference printed “下降(增长)0.001%”: 0.04 ÷ 40.72 is 0.10%
    assert "比2024年预算40.72万元减少0.04万元，下降0.10%" in compiled.section("s3.8").text
    assert compiled.procurement.total.value == Decimal("700.00")
    assert compiled.assets.office_area_m2 == Decimal("430.2")
