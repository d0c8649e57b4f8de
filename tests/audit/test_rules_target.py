"""Target rules: each 项目支出绩效目标表 against itself, the project tables and the text's claims."""
from __future__ import annotations

from decimal import Decimal

from builders import FILE, K, disclosure, group, item, section, table, total
from test_rules_narrative import run

from yusuan.audit import Severity
from yusuan.model import Funding, MoneyUnit, PerformanceTarget, Provenance
from yusuan.recognize.numbers import parse_amount

Y = MoneyUnit.YUAN


def funding(total_: str, *sources: str) -> Funding:
    """Funding as printed in 元: total, then 中央, 省级, 市县, 自筹, 其他 ("" = empty)."""
    amounts = [parse_amount(x, Y) if x else None for x in (total_, *sources)]
    names = ("total",) + Funding.SOURCES
    return Funding(**dict(zip(names, amounts)), provenance=Provenance(file=FILE, line=700))


def form(id: str, name: str, unit: str, year: str, period: str | None = None, line: int = 600) -> PerformanceTarget:
    """A form whose money is all 市县（区）财政资金."""
    period = period or year
    return PerformanceTarget(id=id, title="项目支出绩效目标表", project_name=name,
                             funding_period=funding(period, "0", "0", period, "0"),
                             funding_year=funding(year, "0", "0", year, "0"),
                             provenance=Provenance(file=FILE, line=line), implementing_unit=unit,
                             competent_department="阳泉市民政局", department_code="064")


PROJECTS = table(K.PROJECTS, "total general_public", [
    total("阳泉市民政局", "39.60", "39.60"),
    group("阳泉市救助管理站", "31.92", "31.92"),
    item("救助站机构运转经费", "7.00", "7.00"), item("救助站机构运转经费", "23.00", "23.00"),
    item("遗属补助", "1.92", "1.92"),
    group("阳泉市社会福利院", "7.68", "7.68"),
    item("遗属补贴", "0.11", "0.11"), item("遗属补助", "0.89", "0.89"),
    item("院内水电气经费", "4.00", "4.00"), item("聘用人员工资及社保缴费", "2.68", "2.68")], id="t12")


def doc(*targets, tables=(PROJECTS,), sections=()):
    return disclosure(*tables, targets=tuple(targets), sections=tuple(sections))


# --- target.funding_sources_sum / year_within_period ---------------------------------------------

def test_sources_adding_up_are_silent_and_a_short_source_is_an_error():
    good = form("pt01", "遗属补助", "阳泉市救助管理站", "19240")
    assert run("target.funding_sources_sum", doc(good)) == ()
    bad = PerformanceTarget(**{**good.__dict__, "funding_year": funding("408000", "216000", "182000", "0", "0")})
    (f,) = run("target.funding_sources_sum", doc(bad))
    assert f.severity is Severity.ERROR and f.locations[0].target == "pt01" and f.difference == Decimal("10000")


def test_year_above_period_is_an_error():
    assert run("target.year_within_period", doc(form("pt01", "救助人员生活费", "阳泉市救助管理站", "104000", "201680"))) == ()
    (f,) = run("target.year_within_period", doc(form("pt01", "救助人员生活费", "阳泉市救助管理站", "201680", "104000")))
    assert "年度资金总额201680元超过实施期" in f.message


# --- target.amount_matches_project ------------------------------------------------------------------

def test_a_form_matches_two_rows_of_one_project_and_a_rounded_yuan_amount():
    d = doc(form("pt01", "救助站机构运转经费", "阳泉市救助管理站", "300000"),
            form("pt02", "遗属补助", "阳泉市救助管理站", "19240"))
    assert run("target.amount_matches_project", d) == ()


def test_a_form_matches_rows_with_a_similar_name_in_its_own_unit():
    assert run("target.amount_matches_project", doc(form("pt01", "遗属补助", "阳泉市社会福利院", "10000"))) == ()


def test_a_form_whose_year_amount_differs_is_an_error_saying_how_sure_the_match_is():
    (f,) = run("target.amount_matches_project", doc(form("pt08", "院内水电气经费", "阳泉市社会福利院", "205000")))
    assert f.severity is Severity.ERROR and f.expected == Decimal("4.00") and f.actual == Decimal("20.5")
    assert "名称完全相同" in f.message and f.locations[0].target == "pt08" and f.locations[1].table == "t12"


def test_a_form_matched_only_in_another_unit_is_a_warning():
    (f,) = run("target.amount_matches_project", doc(form("pt01", "院内水电气经费", "阳泉市救助管理站", "205000")))
    assert f.severity is Severity.WARNING and "匹配不确定" in f.message


# --- target.form_without_project / project_without_form / duplicate_form ------------------------------

def test_form_without_project():
    assert run("target.form_without_project", doc(form("pt01", "遗属补助", "阳泉市救助管理站", "19240"))) == ()
    (f,) = run("target.form_without_project", doc(form("pt01", "智慧养老服务平台运营费", "阳泉市民政局", "197600")))
    assert f.locations[0].target == "pt01"


def test_project_without_form_lists_what_lacks_a_form():
    forms = [form("pt01", "救助站机构运转经费", "阳泉市救助管理站", "300000"), form("pt02", "遗属补助", "阳泉市救助管理站", "19240"),
             form("pt03", "遗属补助", "阳泉市社会福利院", "10000"), form("pt04", "院内水电气经费", "阳泉市社会福利院", "40000")]
    (f,) = run("target.project_without_form", doc(*forms))
    assert "聘用人员工资及社保缴费" in f.message and f.severity is Severity.WARNING
    more = table(K.PROJECTS, "total general_public", [total("合计", "2.68"), group("阳泉市社会福利院", "2.68"),
                                                       item("聘用人员工资及社保缴费", "2.68")], id="t13")
    assert run("target.project_without_form", doc(*forms, form("pt05", "聘用人员工资及社保缴费", "阳泉市社会福利院", "26800"),
                                                  tables=(PROJECTS,))) == ()
    assert more.rows  # the carry-over variant is covered by the reference mutations


def test_duplicate_form():
    a = form("pt01", "救助站机构运转经费", "阳泉市救助管理站", "300000", line=607)
    b = form("pt02", "救助站机构运转经费", "阳泉市救助管理站", "300000", line=650)
    (f,) = run("target.duplicate_form", doc(a, b))
    assert [x.target for x in f.locations] == ["pt02", "pt01"]
    assert run("target.duplicate_form", doc(a, form("pt02", "救助站机构运转经费", "阳泉市救助管理站", "200000"))) == ()


# --- claims of the text --------------------------------------------------------------------------------

def claims(n="2", amount="31.92", split=("1", "30.00", "1", "1.92"), share="100"):
    text = (f"2025年阳泉市民政局纳入绩效目标管理的二级项目{n}个，共计金额{amount}万元。"
            f"其中：其他运转类项目{split[0]}个，涉及金额{split[1]}万元；特定目标类项目{split[2]}个，涉及金额{split[3]}万元。"
            f"公开项目绩效目标{n}个，涉及项目金额{amount}万元，占部门（单位）项目支出总额的{share}%。")
    return section("s3.10.2", "项目绩效目标", text, level=4)


FORMS = (form("pt01", "救助站机构运转经费", "阳泉市救助管理站", "300000"), form("pt02", "遗属补助", "阳泉市救助管理站", "19200"))
WHOLE = table(K.PROJECTS, "total general_public", [total("合计", "31.92", "31.92")], id="t12")


def test_stated_count_and_amount_agree_with_the_forms():
    d = doc(*FORMS, sections=(claims(),))
    assert run("target.stated_count", d) == () and run("target.stated_amount", d) == ()


def test_stated_count_counts_a_duplicate_once():
    d = doc(*FORMS, form("pt03", "遗属补助", "阳泉市救助管理站", "19200"), sections=(claims(n="3"),))
    found = run("target.stated_count", d)
    assert len(found) == 2 and all(f.severity is Severity.WARNING and f.expected == 2 for f in found)


def test_stated_amount_below_the_forms_is_an_error():
    found = run("target.stated_amount", doc(*FORMS, sections=(claims(amount="30.00", split=("1", "28.08", "1", "1.92")),)))
    assert {f.severity for f in found} == {Severity.ERROR} and found[0].expected == Decimal("31.92")


def test_stated_split_adds_up_and_reports_a_wrong_count():
    assert run("target.stated_split", doc(*FORMS, sections=(claims(),))) == ()
    found = run("target.stated_split", doc(*FORMS, sections=(claims(split=("2", "30.00", "1", "1.92")),)))
    assert {f.unit for f in found} == {"个"}


def test_coverage_claim_of_100_percent_against_the_project_table():
    assert run("target.coverage_claim", doc(*FORMS, tables=(WHOLE,), sections=(claims(),))) == ()
    (f,) = run("target.coverage_claim", doc(*FORMS, tables=(WHOLE,), sections=(claims(amount="28.00", split=("1", "26.08", "1", "1.92")),)))
    assert f.severity is Severity.ERROR and f.expected == Decimal("87.72")
