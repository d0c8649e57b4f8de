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


# 广州 (gd-gz-*.pdf): 机构设置 lists the units below the bureau, not the bureau (局本级) itself, and the
# project table (部门预算项目支出及其他支出预算表) heads its own projects with the bureau's name.
GZ_UNITS = ("广州市固体废物管理中心", "广州市环境保护宣传教育中心")


def gz(*rows, cut=False):
    d = doc(table(K.PROJECTS, "total", [total("合计", "31,302.96"), *rows], id="t12"), units=GZ_UNITS)
    return replace(d, meta=replace(d.meta, organisation="广州市生态环境局"),
                   organisation=replace(d.organisation, units_cut=cut))


def test_the_department_heading_its_own_projects_is_no_unlisted_unit():
    # gd-gz-d34a51d3.pdf page 34: 广州市生态环境局 6,822.96 over 其他运行经费 183.00 …
    d = gz(group("广州市生态环境局", "301.30"), item("其他运行经费", "183.00"), item("机构运行辅助经费", "118.30"))
    assert run("org.table_units_listed", d) == ()


def test_a_project_named_like_a_unit_is_no_unit_of_the_table():
    """gd-gz-d34a51d3.pdf page 46: the project “广州市生态环境科技协同创新中心” 13.40 (its 其他资金) was read as a
    group over the next projects (24.57 + 80.91 + 48.00 + 142.43 = 295.91, not 13.40): no unit of the table."""
    d = gz(group("广州市固体废物管理中心", "59.20"), item("广州市海洋生态环境年度指令性监测工作经费", "48.17"),
           item("广州市固体废物管理中心2026-2027年信息化运维项目", "11.03"),
           group("广州市生态环境科技协同创新中心", "13.40"),
           item("广州市生态环境局2024年全运会生态环境保障指挥平台项目", "24.57"),
           item("广州市生态环境局2025-2026年信息化运维项目", "80.91"),
           item("广州市生态环境局2025年全运会比赛场馆及驻地周边环境风险源监测管控和应急管理项目", "48.00"),
           item("广州市生态环境局2025年环境监管及业务深化整合项目", "142.43"))
    assert run("org.table_units_listed", d) == ()
    # a unit the list lacks whose projects add up to it is still reported
    (f,) = run("org.table_units_listed", gz(group("广州市生态环境科技协同创新中心", "13.40"), item("科技协同创新项目", "13.40")))
    assert "不在机构设置所列" in f.message


def test_a_list_cut_by_a_page_break_reports_no_missing_unit_but_a_misspelt_one():
    unlisted = group("广州市生态环境局南沙分局", "10.00"), item("执法经费", "10.00")
    assert run("org.table_units_listed", gz(*unlisted, cut=True)) == ()
    assert run("org.table_units_listed", gz(*unlisted))
    (f,) = run("org.table_units_listed", gz(group("广州市环境保护宣传教育中", "10.00"), item("宣传经费", "10.00"), cut=True))
    assert "名称不一致" in f.message


def test_office_counts_are_checked_where_no_unit_is_listed():
    o = replace(organisation(), offices=("办公室", "财务科"), stated_office_count=3)
    (f,) = run("org.stated_counts", disclosure(organisation=o))
    assert "内设科室3个" in f.message


def test_a_branch_named_under_the_bureaus_former_name_is_no_misprint_of_its_name():
    """gd-gz-f98cc444.pdf page 5: the unit “广州市水上市容环境卫生管理处（广州市城市管理综合执法局水上市容环境卫生
    分局）” names a branch under the bureau's former name; the bureau itself printed so would be a slip."""
    from test_rules_reviewer import said

    name = "广州市城市管理和综合执法局"
    unit = "下属7个预算单位，分别是：广州市城市管理监控指挥中心、广州市余泥渣土管理处、广州市水上市容环境卫生管理处（广州市城市管理综合执法局水上市容环境卫生分局）。"
    assert run("org.name_consistent", said(unit, organisation=name)) == ()
    assert run("org.name_consistent", said("广州市城市管理综合执法局2026年部门预算。", organisation=name))


def test_an_agency_running_table_by_expense_without_codes_names_no_unit():
    # Jiangsu prints its 机关运行经费表 by 经济科目 (30201 办公费 …); printed without the codes, the rows are
    # still expenses, not units missing from 机构设置
    by_expense = table(K.AGENCY_RUNNING, "total", [total("合计", "40.68"), item("办公费", "27.56"), item("公务接待费", "3.00"),
                                                    item("其他商品和服务支出", "10.12")], id="t11")
    assert run("org.table_units_listed", doc(by_expense)) == ()


def test_running_cost_units_with_he_inside_a_name_and_between_two_names():
    # “人力资源和社会保障局” is one unit; “…研究院和…评审中心” two (the 广州 way of closing a list)
    running = table(K.AGENCY_RUNNING, "total", [total("部门合计", "40.68"), item("无锡市人力资源和社会保障局", "27.56"),
                                                 item("无锡市人才服务中心", "13.12")], id="t11")
    text = "本部门2025年所属无锡市人力资源和社会保障局和无锡市人才服务中心2家行政、参公单位机关运行经费财政拨款预算40.68万元。"
    assert run("org.running_cost_units", doc(running, sections=(section("s3.8", "机关运行经费增减变动原因说明", text),))) == ()


def test_a_unit_under_one_of_its_names_or_with_its_city_short_of_its_shi_is_listed():
    # gd-gz-2cbc7738.pdf (广州市规划和自然资源局) pages 3 and 40: listed with its second name in brackets, the
    # table names it by that one; gd-gz-5bcab7a3.pdf (气象局) listed with two more names in half-width brackets;
    # gd-gz-485c0166.pdf (市场监督管理局) “广州市知识产权保护中心” listed, “广州知识产权保护中心” in the table
    listed = ("广州市人民政府征用土地办公室（广州市土地开发中心）",
              "广州市气象综合保障中心(广州市突发事件预警信息发布中心、广州市气象数据中心)", "广州市知识产权保护中心")
    projects = table(K.PROJECTS, "total", [
        total("合计", "3.00"), group("广州市土地开发中心", "1.00"), item("土地储备经费", "1.00"),
        group("广州市气象综合保障中心", "1.00"), item("气象业务经费", "1.00"),
        group("广州知识产权保护中心", "1.00"), item("专利快速审查经费", "1.00")])
    assert run("org.table_units_listed", doc(projects, units=listed)) == ()
    # a scope mark is no name: two bodies' （本级） are not one unit
    other = table(K.PROJECTS, "total", [total("合计", "1.00"), group("广州市商务局（本级）", "1.00"), item("会展经费", "1.00")])
    (f,) = run("org.table_units_listed", doc(other, units=("广州市卫生健康委员会（本级）",)))
    assert "广州市商务局（本级）" in f.message
