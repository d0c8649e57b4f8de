"""Cross-document rules on real pairs: a department and its unit (普陀区人民政府办公室 2025, 普陀区司法局
2026), one organisation in two years (万里街道 2024/2025; five Jiangsu departments 2017/2018), and a 决算
with the 预算 of its year. Each rule is silent where the figures agree (the arithmetic is written out)
and fires on the real pair or on the real one with one planted change."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from builders import edit, table, total

from yusuan.audit import Severity, audit
from yusuan.audit.cross import cross_check, partner_rules
from yusuan.audit.partners import Partners, find_partners, organisation_id
from yusuan.ingest import read_disclosure
from yusuan.model import Column, Stage, TableKind as K
from yusuan.recognize.join import group_parts, join_parts

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDF, CHECKLISTS = SAMPLES / "pdf", SAMPLES / "checklists"


def run(d, partners, rule):
    """The rule's outcome and findings (all severities) with these partners."""
    report = audit(d, only={rule}, partners=partners)
    return report.outcomes[0].status, report.findings


@pytest.fixture(scope="module")
def govoffice():
    return read_disclosure(PDF / "putuo-govoffice-2025-dept-budget.pdf"), read_disclosure(PDF / "putuo-govoffice-2025-unit-budget.pdf")


@pytest.fixture(scope="module")
def justice():
    return (read_disclosure(CHECKLISTS / "putuo-justice-2026-dept-budget.pdf"),
            read_disclosure(CHECKLISTS / "putuo-justice-2026-unit-budget.pdf"))


@pytest.fixture(scope="module")
def wanli():
    return read_disclosure(PDF / "putuo-wanli-2024-dept-budget.pdf"), read_disclosure(PDF / "putuo-wanli-2025-dept-budget.pdf")


@pytest.fixture(scope="module")
def jiangsu(jiangsu_docs):
    """The Jiangsu publications, halves (说明 and tables files) joined: {(organisation id, year): Disclosure}."""
    pubs = [join_parts(g) for g in group_parts(list(jiangsu_docs.values()))]
    return {(organisation_id(d.meta.organisation), d.meta.year): d for d in pubs}


# -- partners ---------------------------------------------------------------------------------------


def test_one_organisation_key_survives_the_renamed_party_office(jiangsu_docs, jiangsu):
    assert organisation_id("中共江苏省委办公厅") == organisation_id("江苏省委办公厅") == \
        organisation_id("中国共产党江苏省委员会办公厅")
    assert organisation_id("江苏省政协办公厅") != organisation_id("江苏省委办公厅")
    t2017, t2018 = jiangsu_docs["party-office-2017-tables"], jiangsu_docs["party-office-2018-tables"]
    assert (t2017.meta.organisation, t2018.meta.organisation) == ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅")
    assert find_partners(t2018, list(jiangsu_docs.values())).previous in (t2017, jiangsu_docs["party-office-2017-narrative"])
    d2018 = jiangsu[(organisation_id("江苏省委办公厅"), 2018)]
    found = find_partners(d2018, list(jiangsu.values()))
    assert found.previous is jiangsu[(organisation_id("中共江苏省委办公厅"), 2017)]
    assert not found.units and found.department is None and found.budget is None


def test_department_and_its_own_unit_publication_are_partners(govoffice):
    dep, unit = govoffice
    assert find_partners(dep, [unit]).units == (unit,)
    assert find_partners(unit, [dep]).department is dep
    assert not find_partners(dep, [dep])  # never its own partner


# -- 部门 vs 单位 -------------------------------------------------------------------------------------


def test_units_listed_but_not_published_are_named_and_sums_not_checked(justice):
    """司法局's 机构设置 lists 1.普陀区司法局本部 and 2.普陀区法律援助中心; only the 本部 publishes a 单位预算.
    The department's 收入总计 96,282,213.44 元 is not the 本部's 86,959,408.34 元 (the 9,322,805.10 元
    between is the 法律援助中心's, not published): not judged."""
    dep, unit = justice
    assert [u.name for u in dep.organisation.units] == ["普陀区司法局本部", "普陀区法律援助中心"]  # 具体包括：1.… / 2.…
    p = Partners(units=(unit,))
    status, found = run(dep, p, "across.units_published")
    assert status == "ran" and [f.severity for f in found] == [Severity.INFO]
    assert "普陀区法律援助中心" in found[0].message and found[0].locations[0].page == 6
    assert run(dep, p, "across.unit_table_sums")[0] == "not_applicable"
    assert run(dep, p, "across.unit_three_public")[0] == "not_applicable"
    assert run(dep, Partners(), "across.units_published")[0] == "not_applicable"


def test_department_totals_equal_its_only_unit_and_a_planted_change_is_found(govoffice):
    """区府办 lists its 本部 and 交流服务中心 (不单列预算，并入本部): the 本部's 单位预算 is the whole.
    收入总表 合计 91,016,775.35 = 91,016,775.35; 支出总表 基本支出 24,606,775.35 = 24,606,775.35 …"""
    dep, unit = govoffice
    p = Partners(units=(unit,))
    assert run(dep, p, "across.units_published") == ("ran", ())
    status, found = run(dep, p, "across.unit_table_sums")
    assert status == "ran" and found == ()
    planted = edit(unit, K.EXPENDITURE_SUMMARY, "合计", "basic", "24,606,785.35")
    found = run(dep, Partners(units=(planted,)), "across.unit_table_sums")[1]
    assert [(f.severity, f.expected, f.actual, f.difference) for f in found] == [
        (Severity.ERROR, D("24606785.35"), D("24606775.35"), D("-10.00"))]
    here, there = found[0].locations
    assert (here.file, here.page, here.table_kind, here.column) == ("putuo-govoffice-2025-dept-budget.pdf", here.page,
                                                                    "expenditure_summary", "basic")
    assert there.file == "putuo-govoffice-2025-unit-budget.pdf" and there.row_label == "合计"


def test_three_public_and_running_costs_equal_the_units_and_a_planted_change_is_found(govoffice):
    """三公 合计 867.50 = 867.50, 因公出国（境）费 839.00 = 839.00, 公务接待费 28.50 = 28.50,
    机关运行经费 213.28 = 213.28 (万元)."""
    dep, unit = govoffice
    assert run(dep, Partners(units=(unit,)), "across.unit_three_public") == ("ran", ())
    planted = edit(unit, K.THREE_PUBLIC_AND_RUNNING, "", "reception", "18.50")
    found = run(dep, Partners(units=(planted,)), "across.unit_three_public")[1]
    assert [(f.expected, f.actual) for f in found] == [(D("18.50"), D("28.50"))]  # 公务接待费 28.50 ≠ 18.50
    assert "公务接待费" in found[0].message and found[0].severity is Severity.ERROR


# -- this year vs last year --------------------------------------------------------------------------


def test_last_year_claims_agree_with_last_years_tables_and_a_planted_change_is_found(wanli):
    """万里 2025: “三公”经费37.91万元，比2024年预算减少10万元 → 2024: 37.91 + 10 = 47.91 = 2024 表 合计 47.91;
    公务用车购置费 15 + 10 = 25 = 2024 表 25; 支出预算 18,976.76 − 3,355.65 = 15,621.11 ≈ 2024 表
    156,211,123 元 = 15,621.1123 万元 (within the rounding of the 说明's two decimals: a 尾差)."""
    y2024, y2025 = wanli
    status, found = run(y2025, Partners(previous=y2024), "across.last_year_claims")
    assert status == "ran" and {f.severity for f in found} == {Severity.INFO}
    planted = edit(y2024, K.THREE_PUBLIC_AND_RUNNING, "", "total", "57.91")
    found = [f for f in run(y2025, Partners(previous=planted), "across.last_year_claims")[1] if f.severity is not Severity.INFO]
    assert [(f.severity, f.expected, f.actual) for f in found] == [(Severity.WARNING, D("57.91"), D("47.91"))]
    assert [loc.file for loc in found[0].locations] == ["putuo-wanli-2025-dept-budget.pdf", "putuo-wanli-2024-dept-budget.pdf"]


def test_jiangsu_last_year_claims_agree_but_the_procuratorates_total_does_not(jiangsu):
    """省委办公厅 2018: 24,458.43 − 3,608.98 = 20,849.45 = 2017 支出合计 20,849.45; 行政运行 8,072.29 −
    1,965.30 = 6,106.99 = 2017 表 6,106.99 — silent. 省人民检察院 2018: “一般公共预算财政拨款支出预算
    21,940.96万元，与上年相比增加3,958.98万元” → 2017: 21,940.96 − 3,958.98 = 17,981.98, but the 2017
    一般公共预算支出预算表 合计 printed 17,981.68 (0.30 万元 apart): a true finding."""
    pubs = list(jiangsu.values())
    for name in ("江苏省委办公厅", "江苏省人大常委会办公厅", "江苏省高级人民法院"):
        d = jiangsu[(organisation_id(name), 2018)]
        status, found = run(d, find_partners(d, pubs), "across.last_year_claims")
        assert status == "ran" and not [f for f in found if f.severity is not Severity.INFO], name
    d = jiangsu[(organisation_id("江苏省人民检察院"), 2018)]
    found = run(d, find_partners(d, pubs), "across.last_year_claims")[1]
    assert [(f.severity, f.expected, f.actual, f.difference) for f in found] == [
        (Severity.WARNING, D("17981.68"), D("17981.98"), D("0.30"))]


def test_last_year_column_equals_last_years_figure_and_a_planted_change_is_found(wanli):
    """The 2025 收支总表 given a 上年预算数 column carrying what 2024 printed (收入总计 156,211,123 元):
    silent; printed 156,211,132 instead, a warning."""
    y2024, y2025 = wanli
    t = y2025.table(K.INCOME_EXPENDITURE_SUMMARY)

    def with_last_year(text):
        t2 = replace(t, columns=(*t.columns, Column("last_year", "上年预算数", side="income")))
        d = replace(y2025, tables=tuple(t2 if x is t else x for x in y2025.tables))
        return edit(d, K.INCOME_EXPENDITURE_SUMMARY, "收入总计", "last_year", text, side="income")

    assert run(with_last_year("156,211,123"), Partners(previous=y2024), "across.last_year_columns") == ("ran", ())
    found = run(with_last_year("156,211,132"), Partners(previous=y2024), "across.last_year_columns")[1]
    assert [(f.severity, f.expected, f.actual) for f in found] == [(Severity.WARNING, D("156211123"), D("156211132"))]
    assert run(y2025, Partners(previous=y2024), "across.last_year_columns")[0] == "not_applicable"


# -- 决算 vs 预算 ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def planning():
    """规划和自然资源局 2024 决算, and the 2024 预算 as its 年初预算数 say it was published. The corpus holds
    no 预算 of this organisation: the partner is built from the 决算's own figures (each 项 of the
    一般公共预算支出表 at the “年初预算为” its 说明 states; the “三公” 预算数 2.85 万元 公务接待费)."""
    from yusuan.audit.final_kit import item_row
    from yusuan.audit.rules.final_item_statements import _statements

    final = read_disclosure(SAMPLES / "final" / "putuo-planning-2024-final.pdf")
    budget = replace(final, meta=replace(final.meta, stage=Stage.BUDGET),
                     source=replace(final.source, file="规划和自然资源局2024年预算.pdf", sha256="b" * 64))
    for _s, st, before in _statements(final):
        t = budget.table(K.GENERAL_EXPENDITURE)
        r = item_row(t, before) if "（项）" in before[-60:] else t.total_row()
        if r is None:
            continue  # a statement whose 项 the table does not name (final.item_statements reports it)
        budget = edit(budget, K.GENERAL_EXPENDITURE, r.code or r.label, "total", str(st.budget.value))
    three = table(K.THREE_PUBLIC, "total abroad reception vehicles vehicle_purchase vehicle_running",
                  [total("合计", "2.85", "0.00", "2.85", "0.00", "0.00", "0.00")], id="t99")
    budget = replace(budget, tables=tuple(t for t in budget.tables if t.kind is not K.THREE_PUBLIC) + (three,))
    return final, budget


def test_final_initial_budget_equals_the_budget_and_a_planted_change_is_found(planning):
    """城乡社区管理事务（款）行政运行（项）: 年初预算为1,115.48万元 = 预算 1,115.48; planted 1,125.48 →
    error, and the rate 97.97% ≠ 1,092.80 ÷ 1,125.48 = 97.10%."""
    final, budget = planning
    status, found = run(final, Partners(budget=budget), "across.final_initial_budget")
    assert status == "ran" and found == ()
    code = next(r.code for r in budget.table(K.GENERAL_EXPENDITURE).rows if r.code and r.code.startswith("21201")
                and r.label == "行政运行")
    planted = edit(budget, K.GENERAL_EXPENDITURE, code, "total", "1125.48")
    found = run(final, Partners(budget=planted), "across.final_initial_budget")[1]
    assert [(f.expected, f.actual, f.unit) for f in found] == [(D("1125.48"), D("1115.48"), "万元"), (D("97.10"), D("97.97"), "%")]
    here, there = found[0].locations
    assert here.section is not None and (there.code, there.column) == (code, "total")  # the 说明, the 预算's cell


def test_a_budget_that_differs_without_an_explained_adjustment_is_a_warning(planning):
    """The 决算's 三公 预算数 公务接待费 2.85 万元 against a 预算 printing 3.00: the 说明 says nothing of 调整."""
    final, budget = planning
    assert run(final, Partners(budget=budget), "across.final_adjustment_explained") == ("ran", ())
    planted = edit(budget, K.THREE_PUBLIC, "合计", "reception", "3.00")
    found = run(final, Partners(budget=planted), "across.final_adjustment_explained")[1]
    assert [f.severity for f in found] == [Severity.WARNING] and "3.00万元" in found[0].message
    assert run(final, Partners(), "across.final_adjustment_explained")[0] == "not_applicable"


# -- the API the web page calls -------------------------------------------------------------------------


def test_cross_check_finds_partners_itself_and_reports_only_the_partner_rules(govoffice, wanli):
    results = cross_check([*govoffice, *wanli])
    by_file = {r.disclosure.source.file: r for r in results}
    assert set(by_file) == {"putuo-govoffice-2025-dept-budget.pdf", "putuo-govoffice-2025-unit-budget.pdf",
                            "putuo-wanli-2025-dept-budget.pdf"}
    assert by_file["putuo-wanli-2025-dept-budget.pdf"].partners.previous is wanli[0]
    assert {o.rule for r in results for o in r.report.outcomes} <= partner_rules()


def test_a_unit_the_org_tree_places_under_the_department_is_its_partner():
    from yusuan.audit.partners import Publication, belongs
    from yusuan.orgs import in_tree, parse_rows

    dep = Publication("dep.pdf", "上海市普陀区司法局", 2026, "department", "budget", ("普陀区司法局本部",), "上海")
    unit = Publication("unit.pdf", "上海市普陀区公证处", 2026, "unit", "budget", (), "上海")
    tree = parse_rows([["部门", "单位"], ["上海市普陀区司法局", "上海市普陀区公证处"]])
    assert belongs(unit, dep) is None  # not in its 机构设置
    assert belongs(unit, dep, in_tree(tree)) == "listed"
    assert belongs(replace(unit, year=2025), dep, in_tree(tree)) is None  # another year: no partner
    assert belongs(replace(unit, region="江苏"), dep, in_tree(tree)) is None  # another region: no partner


def test_a_location_in_the_partner_names_its_file_in_the_report(govoffice):
    from yusuan.report.describe import Names, place

    dep, unit = govoffice
    planted = edit(unit, K.EXPENDITURE_SUMMARY, "合计", "basic", "24,606,785.35")
    (f,) = run(dep, Partners(units=(planted,)), "across.unit_table_sums")[1]
    mine, theirs = (place(loc, Names.of(dep)) for loc in f.locations)
    assert mine == "《2025年部门支出预算总表》“合计”行“支出预算/基本支出”列（第12页 第152行）"
    assert theirs == "〔putuo-govoffice-2025-unit-budget.pdf〕《2025年预算单位支出预算总表》“合计”行（第12页 第167行）"


def test_reconciliation_table_lays_the_department_beside_its_units(govoffice, justice):
    """区府办: every line's difference is 0 (收入总表 合计 91,016,775.35 − 91,016,775.35). 司法局 with only its
    本部: 收入总计 96,282,213.44 − 86,959,408.34 = 9,322,805.10 元 (the 法律援助中心, not published)."""
    from yusuan.audit.reconcile import reconcile

    table = reconcile(govoffice[0], [govoffice[1]])
    assert len(table.lines) == 23 and {line.difference for line in table.lines} == {0, None}  # None: 公务用车 printed empty
    income = next(x for x in table.lines if x.table_kind == "income_summary" and x.column == "收入预算合计")
    assert (income.department, income.units, income.unit) == (D("91016775.35"), (D("91016775.35"),), "元")
    assert [loc.file for loc in income.locations] == ["putuo-govoffice-2025-dept-budget.pdf", "putuo-govoffice-2025-unit-budget.pdf"]
    assert {x.row_label for x in table.lines if x.table_kind == "three_public_and_running"} >= {"“三公”经费合计", "机关运行经费"}
    gap = next(x for x in reconcile(*justice[:1], [justice[1]]).lines if x.row_label == "收入总计")
    assert gap.difference == D("9322805.10")


def test_reports_mark_and_place_a_cross_document_finding_only_in_their_own_document(govoffice, tmp_path):
    """The planted 基本支出 finding points at the department's t03 and the unit's t03: the department's HTML
    page marks only its own cell; its checklist files it under its own 支出总表 row."""
    from yusuan.audit.findings import at_home, home_files
    from yusuan.report.html_marks import cell_id, mark_findings

    dep, unit = govoffice
    planted = edit(unit, K.EXPENDITURE_SUMMARY, "合计", "basic", "24,606,785.35")
    report = audit(dep, only={"across.unit_table_sums"}, partners=Partners(units=(planted,)))
    (f,) = report.findings
    assert at_home(f, home_files(dep)).locations == f.locations[:1]
    marks = mark_findings(report, dep, [f])
    here = f.locations[0]
    assert marks.links[1] == [cell_id(here.table, here.row, "basic"), None]


def test_a_list_of_subordinate_units_only_still_expects_the_departments_own_body(govoffice):
    """A 机构设置 naming only “下属事业单位上海市普陀区交流服务中心” (no 本部): the department is its own body
    and that unit, so the 本部's publication alone is not the whole — the sums are not checked."""
    from yusuan.audit.across_kit import expected_units
    from yusuan.model import BudgetUnit

    dep, unit = govoffice
    o = dep.organisation
    only_sub = replace(o, text="下属事业单位上海市普陀区交流服务中心。", units=(BudgetUnit("上海市普陀区交流服务中心", o.provenance),))
    d = replace(dep, organisation=only_sub)
    assert expected_units(d) == ["上海市普陀区人民政府办公室（本部）", "上海市普陀区交流服务中心"]
    found = run(d, Partners(units=(unit,)), "across.units_published")[1]
    assert [(f.severity, "交流服务中心" in f.message) for f in found] == [(Severity.INFO, True)]  # the 本部 is found
    assert run(d, Partners(units=(unit,)), "across.unit_table_sums")[0] == "not_applicable"
