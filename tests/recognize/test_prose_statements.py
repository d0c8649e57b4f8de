"""What the narrative states: organisation, glossary, 政府采购 and 国有资产, read exactly as printed."""
from __future__ import annotations

from decimal import Decimal

import pytest
from prose_builders import CTX, lines

from yusuan.model import Amount, MoneyUnit
from yusuan.recognize.pipeline import debug_stages
from yusuan.recognize.prose import recognize_prose

W = MoneyUnit.WAN_YUAN


@pytest.fixture(scope="module")
def prose(reference_raw):
    return debug_stages(reference_raw).prose


def test_organisation_offices_and_units_with_stated_counts(prose):
    org = prose.items[0].organisation
    assert org.offices == (
        "办公室", "社会救助和社会捐助科", "儿童福利和规划财务科", "老龄工作和养老服务科",
        "社会组织和区划地名科", "社会事务和慈善促进科",
    )
    assert [u.name for u in org.units] == [
        "阳泉市民政局机关", "阳泉市社会福利院", "阳泉市救助管理站", "阳泉市社会救助家庭经济状况核对中心",
        "阳泉市民政局事务中心",
    ]
    assert (org.stated_office_count, org.stated_unit_count) == (6, 5)
    assert org.provenance.line == 72 and org.units[0].provenance.line == 74


def test_unit_kind_from_the_agency_running_sentence(prose):
    # 所属阳泉市民政局、阳泉市城乡居民最低生活保障管理心2家行政、参公单位: the first is 阳泉市民政局机关;
    # the second (printed 管理心, 中 missing) is in no list, so it is reported, not guessed.
    kinds = {u.name: u.kind for u in prose.items[0].organisation.units}
    assert kinds["阳泉市民政局机关"] == "行政/参公"
    assert kinds["阳泉市社会福利院"] is None
    (issue,) = [i for i in prose.issues if i.code == "ingest.unit_not_listed"]
    assert "阳泉市城乡居民最低生活保障管理心" in issue.message and issue.provenance.line == 589


def test_glossary_terms_in_order_with_continued_definition(prose):
    glossary = prose.items[0].glossary
    assert [g.term for g in glossary] == [
        "基本支出", "项目支出", "“三公”经费", "机关运行经费", "政府购买服务", "财政专户管理资金", "单位资金",
        "上年结转", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政拨款",
    ]
    special = glossary[5]
    assert special.definition.startswith("专指教育收费，包括目前在财政专户管理的高中以上学费")
    assert special.provenance.line == 2230
    assert glossary[-1].definition == "包含一般公共预算、政府性基金预算、国有资本经营预算。"


def test_procurement_as_printed(prose):
    p = prose.items[0].procurement
    assert (p.total, p.goods, p.works, p.services) == (
        Amount(Decimal("700.00"), W, 2), Amount(Decimal("67.29"), W, 2),
        Amount(Decimal("23.00"), W, 2), Amount(Decimal("609.71"), W, 2),
    )
    assert p.provenance.line == 593


def test_assets_vehicles_office_area_equipment(prose):
    a = prose.items[0].assets
    assert a.as_of == "2025年3月27日"
    assert (a.vehicles_quota, a.vehicles_actual) == (10, 10)
    vehicles = {v.label: v.count for v in a.vehicles}
    assert vehicles["其他公务用车"] == Decimal(10) and vehicles["领导用车"] == Decimal(0)
    assert len(vehicles) == 7 and sum(vehicles.values()) == 10
    assert a.office_area_m2 == Decimal("430.2")
    assert [(e.label, e.count, e.unit) for e in a.equipment] == [
        ("价值50万元（原值）以上的通用设备", Decimal(0), "台（套）"),
        ("价值100万元（原值）以上的通用设备", Decimal(0), "台（套）"),
    ]
    assert a.equipment[0].provenance.line == 2168 and a.provenance.line == 2160


def test_shanghai_holdings_ignore_planned_purchases():
    doc = lines(
        "其他相关情况说明",
        "五、国有资产占有使用情况",
        "截至2024年8月31日，上海市普陀区人民政府万里街道办事处（部门）共有车辆8辆，其中：部级领导干部用车0辆、"
        "其他用车8辆；单价100万元（含）以上设备（不含车辆）0台（套）。",
        "2025年部门预算安排购置车辆1辆，其中：其他用车1辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。",
    )
    a = recognize_prose(doc, CTX).items[0].assets
    assert (a.as_of, a.vehicles_quota, a.vehicles_actual) == ("2024年8月31日", None, 8)
    assert [(v.label, v.count) for v in a.vehicles] == [("部级领导干部用车", 0), ("其他用车", 8)]
    assert [(e.label, e.count) for e in a.equipment] == [("单价100万元（含）以上设备（不含车辆）", 0)]


def test_procurement_wrapped_over_lines_and_whole_yuan_places():
    doc = lines(
        "三、政府采购预算情况",
        "2025年本部门政府采购预算34万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算",
        "34万元。",
    )
    p = recognize_prose(doc, CTX).items[0].procurement
    assert (p.total, p.services) == (Amount(Decimal(34), W, 0), Amount(Decimal(34), W, 0))
    assert p.goods == Amount(Decimal(0), W, 0)


def test_no_procurement_section_means_none():
    assert recognize_prose(lines("九、政府采购情况", "本年度无政府采购预算。"), CTX).items[0].procurement is None


def test_shanghai_offices_listed_as_numbered_paragraphs():
    doc = lines(
        "上海市普陀区人民政府办公室机构设置",
        "上海市普陀区人民政府办公室设3个内设机构，包括：",
        "（一）秘书科（联络科）。组织、协调和管理区政府系统的全区性大型活动。承担机要、办文等职责，协助区府办领",
        "导协调处理机关日常行政事务。",
        "（二）组织人事科。承担机关党建、组织人事、财务管理、资产管理等职责。",
        "（三）督查科。负责区政府系统目标管理。",
    )
    org = recognize_prose(doc, CTX).items[0].organisation
    assert org.offices == ("秘书科（联络科）", "组织人事科", "督查科")
    assert org.stated_office_count == 3 and org.units == ()


def test_shanghai_units_with_kind_printed_before_the_name():
    doc = lines(
        "上海市普陀区人民政府办公室机构设置",
        "本部门中，行政单位1家，事业单位1家，具体包括（列示至基层预算单位）：",
        "1.上海市普陀区人民政府办公室本部。",
        "2.下属事业单位上海市普陀区交流服务中心不单列预算，并入本部。",
    )
    org = recognize_prose(doc, CTX).items[0].organisation
    assert [(u.name, u.kind) for u in org.units] == [
        ("上海市普陀区人民政府办公室本部", None), ("上海市普陀区交流服务中心", "事业"),
    ]
