"""机构设置 as 广州, 重庆 and 西安 print it: the offices listed with 分别是 are no budget units, several lists
of units in one paragraph, the last name closing with a count, a list cut by a page break."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from yusuan.ingest import read_disclosure
from yusuan.model import Paragraph, Provenance, Section
from yusuan.recognize.prose.organisation import read_organisation

CORPUS = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"


def org(*paragraphs: str):
    prov = Provenance(file="t.pdf", line=1)
    return read_organisation((Section("s1.2", "第一部分", "二", 2, "部门机构设置",
                                      tuple(Paragraph(p, prov) for p in paragraphs), prov),))


# gd-gz-2d05a3c6.pdf (广州市民政局) pages 1-2, as read (the page number between the two halves of a sentence)
GZ_CIVIL = (
    "局本级设13个内设处室及机关党委，内设机构分别是办公室（保密工作办公室）、宣传和政策法规处、审批管理处、"
    "科技和计划财务处、社会救助处、区划地名处、社会事务处（市婚姻登记管理处）、养老服务处、儿童福利处、"
    "慈善事业促进处、社会组织登记发展处、执法监督处、人事处；此外，纳入局本级编制",
    "- 2 -",
    "预算的还有驻市民政局纪检监察组综合室。",
    "下属18个预算单位，分别是：广州市老龄工作委员会办公室、广州市殡葬管理处、广州市救助管理站、"
    "广州市未成年人救助保护中心、广州市救助管理站市区分站、广州市接收社会捐赠工作站、"
    "广州市家庭经济核对和养老服务指导中心、广州市银河烈士陵园管理处、广州市民政发展研究中心、广州市老人院、"
    "广州市民政局精神病院、广州市社会福利院、广州市东升医院、广州市慈善服务中心（广州市慈善医院）、"
    "广州市福利彩票发行中心、广州市殡葬服务中心、广州市民政局房屋管理所、广州市受助人员安置中心。",
)


def test_the_offices_listed_with_fenbieshi_are_not_the_budget_units():
    o = org(*GZ_CIVIL)
    names = [u.name for u in o.units]
    assert len(names) == 18 == o.stated_unit_count
    assert names[0] == "广州市老龄工作委员会办公室" and "人事处" not in names and "此外" not in names


def test_offices_alone_list_no_unit():
    # gd-gz-5bcab7a3.pdf (广州市气象局): only its 6 处室; 本单位's 内设机构 (珠海 工务中心) likewise
    assert org("局本级内设处室6个，分别是办公室、观测预报处、计划财务处、人事教育处、应急减灾处、政策法规处。").units == ()
    assert org("本单位设立6个内设机构,分别为:综合部、交通市政一部、交通市政二部、水务工程部、造价合约部、安全质量管理部。").units == ()


def test_several_lists_of_units_and_a_last_name_closing_with_a_count():
    # gd-gz-3cdc0ad0.pdf (广州市司法局) page 2: 3 prisons, 7 rehabilitation centres, 3 参公 units, … and one more
    o = org("下属共有3所监狱，分别是广东省广州花都监狱、广东省广州女子监狱、广东省广州新华监狱；7个强制隔离戒毒所，"
            "分别是广州市女子强制隔离戒毒所、广州市潭岗强制隔离戒毒所；3个参照公务员法管理事业单位，分别是广州市法律援助处、"
            "广州市公职律师事务所、广州市全面依法治市研究中心，以及1个法制教育管理所等17个二级预算单位。")
    names = [u.name for u in o.units]
    assert names[:3] == ["广东省广州花都监狱", "广东省广州女子监狱", "广东省广州新华监狱"]
    assert names[-1] == "法制教育管理所" and len(names) == 9


def test_two_names_joined_by_he_are_two_units():
    # gd-gz-14641e5b.pdf (广州市科学技术局): “下属2个预算单位，分别是A和B。”
    o = org("下属2个预算单位，分别是广州市科学技术发展战略研究院和广州市科技项目评审中心。")
    assert [u.name for u in o.units] == ["广州市科学技术发展战略研究院", "广州市科技项目评审中心"]
    assert o.stated_unit_count == 2
    assert [u.name for u in org("下属1个预算单位，分别是无锡市人力资源和社会保障综合服务中心。").units] == [
        "无锡市人力资源和社会保障综合服务中心"]


def test_a_list_a_page_break_cut_is_marked_and_its_count_not_compared():
    # cq-ed11c309.pdf (重庆市水利局) pages 3-4: 12 units, the list broken after the second by the page number
    o = org("下属 12 个二级预算单位，分别是重庆市农村水利水电中心、重庆市水文监测总站（市水质监测", "— 4 —",
            "中心）、重庆水利电力职业技术学院、重庆市水利信息中心和重庆市三峡库区工作服务中心。")
    assert o.units_cut and o.stated_unit_count is None
    # sn-xa-49e9fb54.pdf (西安市民政局) page 2: 11 处室, the list broken after the eighth
    o = org("西安市民政局内设 11 个处室，分别为：办公室、组织人事处、规划财务处、社会组织管理局（行政审批处）、社会救助处、"
            "基层政权建设和社区治理处、区划地名勘界处、养老服务和慈善", "事业促进处、社会事务处、儿童福利和社会工作处、机关党委（纪委）。")
    assert o.stated_office_count is None and o.units == ()


def test_an_office_with_other_offices_in_brackets_is_one_office():
    # sh-a4d829c2.pdf (上海交通职业技术学院) page 3: 30 内设机构, two of them with two names in brackets
    o = org("上海交通职业技术学院单位设30个内设机构，包括：党委办公室（党委宣传部）、纪检监察室、组织人事处（统战部、党委教"
            "师工作部）、办公室、党委学生工作部（学生处、党委武装部）、招生就业处。")
    assert o.offices == ("党委办公室（党委宣传部）", "纪检监察室", "组织人事处（统战部、党委教师工作部）", "办公室",
                         "党委学生工作部（学生处、党委武装部）", "招生就业处")


def test_two_numbered_offices_read_as_one_paragraph_are_two():
    # putuo-govoffice-2025-unit-budget.pdf page 4: 10 内设机构 numbered （一）…（十）; the last two read as one paragraph
    o = org("上海市普陀区人民政府办公室设10个内设机构，包括：",
            "（一）秘书科（联络科）。组织、协调和管理区政府系统的全区性大型活动。",
            "（二）组织人事科。承担机关党建、组织人事、财务管理、资产管理等职责。",
            "（三）对口支援科。拟订本区东西部协作和对口支援工作的规划和计划。（四）区域合作科。拟订本区国内区域合作交流的规划和计划，"
            "并组织实施。")
    assert o.offices == ("秘书科（联络科）", "组织人事科", "对口支援科", "区域合作科")


def parts(*sections: tuple[str, tuple[str, ...]]):
    prov = Provenance(file="t.pdf", line=1)
    return read_organisation(tuple(Section(f"s1.{i}", "第一部分", "", 2, title, tuple(Paragraph(p, prov) for p in paras), prov)
                                   for i, (title, paras) in enumerate(sections, start=2)))


# gd-gz-7ca93e6d.pdf (广州市卫生健康委员会) page 5: the offices under 部门机构设置, the units under 部门预算构成
GZ_HEALTH = (
    ("部门机构设置", ("委本级内设处室24个，分别是办公室、财务处、政策法规处。此外，委本级还设有机关党委。",)),
    ("部门预算构成", ("本部门预算为汇总预算，包括：委本级预算，以及纳入编制范围的下属单位预算和广州医科大学附属医院预算。"
                      "预算单位24个，具体包括：", "（一）广州市第一人民医院", "（二）广州医科大学附属中医医院",
                      "（三）广州市卫生健康委员会（本级）")),
)


def test_units_listed_under_the_budgets_composition_are_the_units():
    o = parts(*GZ_HEALTH)
    assert [u.name for u in o.units] == ["广州市第一人民医院", "广州医科大学附属中医医院", "广州市卫生健康委员会（本级）"]
    assert o.stated_unit_count == 24  # 24 stated, 3 transcribed here: the count is the page's
    o = parts(("部门机构设置", GZ_CIVIL), ("部门预算构成", ("本部门预算为汇总预算，下属单位具体包括：广州市老人院。",)))
    assert len(o.units) == 18  # the 机构设置 section's own list stands


def test_who_manages_a_listed_unit_is_no_part_of_its_name():
    # gd-gz-dc62faaa.pdf (广州市商务局) page 3, 部门预算构成
    o = parts(("部门预算构成", ("本部门预算为汇总预算，包括：局本级预算，以及纳入编制范围的下属单位预算。下属单位具体包括："
                                "我局管理的直属单位广州商务会展促进服务中心、广州市商贸发展服务中心，市投资发展委员会办公室管理的"
                                "直属单位广州市国际投资促进中心。",)))
    assert [u.name for u in o.units] == ["广州商务会展促进服务中心", "广州市商贸发展服务中心", "广州市国际投资促进中心"]


@pytest.mark.skipif(not (CORPUS / "gd-gz-7ca93e6d.pdf").is_file(), reason="shared corpus not present")
def test_the_real_page_lists_its_24_units():
    o = read_disclosure(CORPUS / "gd-gz-7ca93e6d.pdf").organisation
    assert len(o.units) == 24 == o.stated_unit_count
    assert o.units[-1].name == "广州市卫生健康委员会（本级）" and o.units[-1].provenance.page == 5
