"""Document metadata: title, organisation, level, stage, year, template, region."""
from __future__ import annotations

import re
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
    # One table printing a year is the document's only evidence (a Jiangsu tables-only file dates
    # only its 2018年政府采购预算表); two titles disagreeing as often decide nothing.
    assert detect_meta(doc, tables(K.INCOME_SUMMARY, title="2025年预算收入总表"), CTX).year == 2025
    split = tables(K.INCOME_SUMMARY, title="2025年预算收入总表") + tables(K.PROJECTS, title="2024年项目支出表")
    assert detect_meta(doc, split, CTX).year is None


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


@pytest.mark.parametrize(
    ("cover", "title", "organisation"),
    [
        # The title wrapped over two cover lines, the name before or inside it.
        (("江苏省人大常委会办公厅2018年度部门", "预算公开"), "江苏省人大常委会办公厅2018年度部门预算公开", "江苏省人大常委会办公厅"),
        (("2018 年度江苏省高级", "人民法院预算公开", "2018 年 2 月 24 日"), "2018 年度江苏省高级人民法院预算公开", "江苏省高级人民法院"),
        # A name line wrapped, the title on its own line.
        (("上海市普陀区规划和自然", "资源局", "2024 年度部门决算"), "2024 年度部门决算", "上海市普陀区规划和自然资源局"),
        # A printer's line and a province-level title: the labelled 部 门 line names the department.
        (("江苏省2018年度", "省级部门预算公开报表", "部 门:中共江苏省委办公厅", "江苏省财政厅印制"),
         "江苏省2018年度省级部门预算公开报表", "中共江苏省委办公厅"),
    ],
)
def test_cover_title_and_name_in_unseen_shapes(cover, title, organisation):
    meta = detect_meta(lines(*cover, "目 录", "第一部分 部门概况"), (), CTX)
    assert (meta.title, meta.organisation) == (title, organisation)
    assert meta.year == int(re.search(r"\d{4}", title).group())
    assert meta.region in ("江苏", "上海")


def test_table_titles_and_headings_are_never_the_organisation():
    # A tables-only file: the title line is a table's, the page header names the department.
    doc = lines("公开01表", "收支预算总表", "部门：江苏省政协办公厅\t单位：万元", "收入\t\t支出")
    meta = detect_meta(doc, tables(K.INCOME_EXPENDITURE_SUMMARY, title="2018年政府采购预算表"), CTX)
    assert (meta.organisation, meta.year, meta.title) == ("江苏省政协办公厅", 2018, "")
    # No label and no name anywhere: nothing is made up from a heading.
    bare = lines("收支预算总表", "第一部分 部门概况", "一、主要职能")
    assert detect_meta(bare, (), CTX).organisation == ""


def test_final_accounts_told_by_table_titles_without_a_title():
    doc = lines("收入支出决算总表", "部门：上海市普陀区司法局\t单位：万元")
    final = tables(K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, title="2024年度收入支出决算总表")
    assert detect_meta(doc, final, CTX).stage is Stage.FINAL_ACCOUNTS


@pytest.mark.parametrize(
    ("cover", "organisation", "year", "level", "stage"),
    [
        (("广州市番禺区教育局2024年部门预算",), "广州市番禺区教育局", 2024, Level.DEPARTMENT, Stage.BUDGET),
        (("2023年度成都市武侯区人民医院单位决算",), "成都市武侯区人民医院", 2023, Level.UNIT, Stage.FINAL_ACCOUNTS),
        (("中共安吉县委宣传部2025年部门预算公开",), "中共安吉县委宣传部", 2025, Level.DEPARTMENT, Stage.BUDGET),
        (("内蒙古自治区林业和草原局2022年度部门决算",), "内蒙古自治区林业和草原局", 2022, Level.DEPARTMENT,
         Stage.FINAL_ACCOUNTS),
        # A place alone before the year names no organisation: the label line does.
        (("长沙市2025年市级部门预算", "预算主管部门：长沙市民政局"), "长沙市民政局", 2025, Level.DEPARTMENT, Stage.BUDGET),
    ],
)
def test_titles_of_other_provinces_cities_and_counties(cover, organisation, year, level, stage):
    meta = detect_meta(lines(*cover, "目 录", "一、部门主要职能"), (), CTX)
    assert (meta.organisation, meta.year, meta.level, meta.stage) == (organisation, year, level, stage)


def test_region_from_the_province_printed():
    assert detect_meta(lines("内蒙古自治区林业和草原局2022年度部门决算"), (), CTX).region == "内蒙古"
    assert detect_meta(lines("江苏省人民检察院", "2018年部门预算"), (), CTX).region == "江苏"
    assert detect_meta(lines("广州市番禺区教育局2024年部门预算"), (), CTX).region is None  # a city alone: not guessed


@pytest.mark.parametrize(
    ("cover", "organisation", "level"),
    [
        # A scope mark after the name (the department's own body, or it with its units) is not the name.
        (("2026 年度", "深圳市财政局（本级）", "单位预算"), "深圳市财政局", Level.UNIT),
        (("无锡市教育局(本级)2026年度单位预算公开",), "无锡市教育局", Level.UNIT),
        (("西安市审计局（汇总）", "2026年部门预算公开说明"), "西安市审计局", Level.DEPARTMENT),
        # A unit under a department keeps its whole name; a title over four lines.
        (("2026 年度", "泉州市市场监管综合监测", "与技术保障中心", "单位预算"), "泉州市市场监管综合监测与技术保障中心",
         Level.UNIT),
        # 中共 names: whole, or wrapped with the place on the line before the title.
        (("中共西安市委宣传部 2021 年部门综合预算",), "中共西安市委宣传部", Level.DEPARTMENT),
        (("中共上海市普陀区委", "社会工作部 2024 年度", "部门决算"), "中共上海市普陀区委社会工作部", Level.DEPARTMENT),
        # Xi'an's 部门综合预算 is the department's budget; a 单位综合预算 a unit's.
        (("2022年西安市民政局部门综合预算",), "西安市民政局", Level.DEPARTMENT),
        (("西安市社会福利院", "2022 年单位综合预算"), "西安市社会福利院", Level.UNIT),
        # An attachment's number before the title's name.
        (("附件1：西安市城市管理局2026年部门综合预算",), "西安市城市管理局", Level.DEPARTMENT),
    ],
)
def test_scope_marks_units_and_wrapped_names_on_covers(cover, organisation, level):
    meta = detect_meta(lines(*cover, "目 录", "第一部分 部门概况"), (), CTX)
    assert (meta.organisation, meta.level) == (organisation, level)


def test_labels_scope_marked_or_naming_the_department_of_a_unit():
    # Page headers with a scope mark give the name without it.
    doc = lines("2026年部门预算公开说明", "目 录", "部门名称：西安市财政局（汇总）", "部门名称：西安市财政局（汇总）")
    assert detect_meta(doc, (), CTX).organisation == "西安市财政局"
    # A unit's tables may label its department more often than itself: the title names the unit.
    unit = lines("2026年度上海市住房和城乡建设管理委员会人才开发评价中心单位预算", "目 录",
                 *["主管部门：上海市住房和城乡建设管理委员会"] * 3, "单位名称：上海市住房和城乡建设管理委员会人才开发评价中心")
    assert detect_meta(unit, (), CTX).organisation == "上海市住房和城乡建设管理委员会人才开发评价中心"


def test_year_from_the_cover_and_headers_not_from_a_project_line():
    # No title on the cover; a project line quotes next year's book before any header prints the year.
    doc = lines("西安市财政局", "目 录", "一、部门概况", "印制《2027年预算编制手册》等资料，共计 600 册。",
                "西安市财政局2026年部门预算", "收支总表", "西安市财政局2026年部门预算")
    assert detect_meta(doc, (), CTX).year == 2026
    # Only a sentence states the year: the phrase printed most wins over one quoted title.
    prose = lines("西安市财政局", "一、部门概况", "印制《2027年预算编制手册》等资料，共计 600 册。",
                  "2026年部门预算收入合计 100 万元，2026年部门预算支出合计 100 万元。")
    assert detect_meta(prose, (), CTX).year == 2026
