"""Organisation rules: 机构设置 against the unit names in the tables and against its own counts."""
from __future__ import annotations

from dataclasses import replace

from builders import K, disclosure, group, item, organisation, section, table, total
from test_rules_narrative import run

from yusuan.audit import Severity

LISTED = ("阳泉市民政局机关", "阳泉市社会福利院", "阳泉市救助管理站", "阳泉市民政局事务中心")
PROJECTS = table(K.PROJECTS, "total", [
    total("阳泉市民政局", "30.00"), group("阳泉市民政局", "10.00"), item("访贫问寒专项经费", "10.00"),
    group("阳泉市社会福利院", "10.00"), item("明天计划", "10.00"),
    group("阳泉市救助管理站", "10.00"), item("救助人员生活费", "10.00")], id="t12")
RUNNING = table(K.AGENCY_RUNNING, "total", [
    total("部门合计", "40.68"), item("阳泉市民政局", "27.56"), item("阳泉市城乡居民最低生活保障管理中心", "13.12")], id="t11")


def doc(*tables, units=LISTED, sections=()):
    return disclosure(*tables, organisation=organisation(*units), sections=tuple(sections))


def test_table_units_listed_in_organisation_with_the_city_and_jiguan_variants():
    assert run("org.table_units_listed", doc(PROJECTS)) == ()


def test_a_table_unit_missing_from_organisation_and_a_similar_name():
    found = run("org.table_units_listed", doc(PROJECTS, RUNNING))
    assert [f.severity for f in found] == [Severity.WARNING] and "最低生活保障管理中心" in found[0].message
    renamed = table(K.PROJECTS, "total", [total("合计", "1.00"), group("阳泉市民政事务中心", "1.00"), item("地名标志牌", "1.00")])
    (f,) = run("org.table_units_listed", doc(renamed))
    assert "名称不一致" in f.message and "阳泉市民政局事务中心" in f.message


def test_listed_unit_absent_from_every_table_is_information():
    (f,) = run("org.listed_units_in_tables", doc(PROJECTS))
    assert f.severity is Severity.INFO and "事务中心" in f.message
    assert run("org.listed_units_in_tables", doc(PROJECTS, units=LISTED[:3])) == ()


def test_stated_counts_against_the_names_listed():
    o = replace(organisation(*LISTED), stated_unit_count=5, offices=("办公室", "财务科"), stated_office_count=2)
    (f,) = run("org.stated_counts", disclosure(organisation=o))
    assert f.actual == 5 and f.expected == 4
    assert run("org.stated_counts", disclosure(organisation=replace(o, stated_unit_count=4))) == ()


TEXT = "本部门2025年所属阳泉市民政局、阳泉市城乡居民最低生活保障管理中心2家行政、参公单位机关运行经费财政拨款预算40.68万元。"


def test_running_cost_units_agree_with_the_table():
    assert run("org.running_cost_units", doc(RUNNING, sections=(section("s3.8", "机关运行经费增减变动原因说明", TEXT),))) == ()


def test_running_cost_units_misspelt_and_miscounted():
    text = TEXT.replace("管理中心2家", "管理心3家")
    found = run("org.running_cost_units", doc(RUNNING, sections=(section("s3.8", "机关运行经费增减变动原因说明", text),)))
    assert len(found) == 2 and any("3家" in f.message for f in found) and any("写法不一致" in f.message for f in found)


def test_stated_count_of_subordinates_with_the_head_office_listed_too():
    o = replace(organisation("上海市普陀区人民政府办公室本部", "上海市普陀区交流服务中心"), stated_unit_count=1)
    assert run("org.stated_counts", disclosure(organisation=o)) == ()
    assert run("org.stated_counts", disclosure(organisation=replace(o, stated_unit_count=3))) != ()
