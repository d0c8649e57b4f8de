"""Narrative sections: the reference's section tree, the heading rule, and nothing left unplaced."""
from __future__ import annotations

from pathlib import Path

import pytest
from prose_builders import CTX, lines

from yusuan.recognize.pipeline import debug_stages
from yusuan.recognize.prose import recognize_prose
from yusuan.recognize.prose.headings import Heading, chinese_number, parse_heading
from yusuan.sources.detect import read_source

SHANGHAI_PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "putuo-wanli-2025-dept-budget.pdf"

PART_THREE = [
    ("s3", "2025年度部门预算情况说明"),
    ("s3.1", "部门预算收支数据变动情况及原因"),
    ("s3.2", "收入预算情况说明"),
    ("s3.3", "支出预算情况说明"),
    ("s3.4", "财政拨款收支预算总体情况说明"),
    ("s3.5", "一般公共预算支出情况说明"),
    ("s3.5.1", "一般公共预算当年支出规模变化情况"),
    ("s3.5.2", "一般公共预算当年支出结构情况"),
    ("s3.6", "一般公共预算基本支出情况说明"),
    ("s3.7", "“三公”经费增减变动原因说明"),
    ("s3.8", "机关运行经费增减变动原因说明"),
    ("s3.9", "政府采购情况"),
    ("s3.10", "绩效管理情况"),
    ("s3.10.1", "整体绩效目标"),
    ("s3.10.2", "项目绩效目标"),
    ("s3.11", "国有资产占有使用情况"),
    ("s3.11.1", "车辆情况"),
    ("s3.11.2", "房屋情况"),
    ("s3.11.3", "其他国有资产占有使用情况"),
    ("s3.12", "其他说明"),
    ("s3.12.1", "政府购买服务指导性目录"),
    ("s3.12.2", "其他"),
]


@pytest.fixture(scope="module")
def stages(reference_raw):
    return debug_stages(reference_raw)


@pytest.fixture(scope="module")
def sections(stages):
    return {s.id: s for s in stages.prose.items[0].sections}


def test_part_three_section_tree(sections):
    assert [(i, s.title) for i, s in sections.items() if s.part == "第三部分"] == PART_THREE


def test_section_levels_and_numbers_as_printed(sections):
    assert (sections["s3.5"].level, sections["s3.5"].number) == (2, "五")
    assert (sections["s3.5.1"].level, sections["s3.5.1"].number) == (3, "(一)")  # printed half-width
    assert (sections["s3.12.1"].level, sections["s3.12.1"].number) == (3, "（一）")
    assert (sections["s3.11.1"].level, sections["s3.11.1"].number) == (4, "1")
    assert (sections["s3"].level, sections["s3"].number, sections["s3"].provenance.line) == (1, "", 535)


def test_parts_cover_and_part_one(sections):
    assert list(sections)[:5] == ["cover", "s1", "s1.1", "s1.2", "s2"]
    assert [p.text for p in sections["cover"].paragraphs] == ["阳泉市民政局", "2025年度部门预算公开"]
    assert (sections["s1"].title, sections["s2"].title, sections["s4"].title) == (
        "概况", "2025年部门预算报表", "名词解释")
    assert sections["s1.2"].title == "机构设置情况"


def test_the_twelve_duties_are_paragraphs_of_the_duties_section(sections):
    duties = sections["s1.1"]
    assert duties.title == "本部门职责"
    assert len(duties.paragraphs) == 12
    assert duties.paragraphs[0].text.startswith("（一）组织实施民政事业的法律、法规和方针、政策。")
    assert duties.paragraphs[-1].text == "（十二）完成市委、市政府交办的其它任务。"
    assert [p.provenance.line for p in duties.paragraphs] == list(range(48, 71, 2))


def test_chart_caption_and_attachment_note_are_paragraphs(sections):
    assert "三公经费分布图" in [p.text for p in sections["s3.7"].paragraphs]
    assert "（项目绩效目标表公开情况见附件）" in [p.text for p in sections["s3.10.2"].paragraphs]


def test_glossary_entries_stay_paragraphs_of_the_glossary_part(sections):
    # 六、财政专户管理资金： is short and numbered, but inside 名词解释 it is an entry, not a heading.
    assert not [i for i in sections if i.startswith("s4.")]
    assert "六、财政专户管理资金：" in [p.text for p in sections["s4"].paragraphs]


def test_every_line_handed_to_prose_is_placed_or_reported(stages, reference_raw):
    prose_input = {ln.line for ln in reference_raw.lines} - stages.contents.consumed \
        - stages.targets.consumed - stages.tables.consumed
    non_blank = {ln.line for ln in reference_raw.lines if ln.line in prose_input and not ln.is_blank}
    placed = {p.provenance.line for s in stages.prose.items[0].sections for p in s.paragraphs}
    headings = {s.provenance.line for s in stages.prose.items[0].sections if s.id != "cover"}
    assert non_blank <= stages.prose.consumed
    assert non_blank == placed | headings
    assert stages.leftover == ()


def test_table_rows_left_in_prose_are_kept_and_reported_once_per_run():
    # 续表 (a caption line) is a paragraph; the rows under it, if no table took them, are kept and reported.
    doc = lines("十二、其他说明", "续表", "代码\t一级目录\t二级目录", "A1501\t\t公共信息服务", "", "正文。")
    claim = recognize_prose(doc, CTX)
    (section,) = claim.items[0].sections
    assert [p.text for p in section.paragraphs] == ["续表", "代码\t一级目录\t二级目录", "A1501\t\t公共信息服务", "正文。"]
    (issue,) = claim.issues
    assert (issue.code, issue.provenance.line) == ("ingest.table_rows_in_prose", 3)
    assert "共2行" in issue.message


def test_heading_versus_numbered_paragraph():
    assert parse_heading("一、本部门职责") == Heading(2, "一", 1, "本部门职责")
    assert parse_heading("(一) 一般公共预算当年支出规模变化情况") == Heading(3, "(一)", 1, "一般公共预算当年支出规模变化情况")
    assert parse_heading("1、车辆情况：") == Heading(4, "1", 1, "车辆情况")
    assert parse_heading("第三部分 2025年度部门预算情况说明") == Heading(1, "第三部分", 3, "2025年度部门预算情况说明")
    # A sentence is a paragraph even when numbered.
    assert parse_heading("（十）承担各类民政信息建设和管理工作。") is None
    assert parse_heading("（一）因公出国（境）费839万元，与2024年预算持平。") is None
    assert parse_heading("六、财政专户管理资金：", numbered_allowed=False) is None
    # Unnumbered short lines are paragraphs, except the known top-level titles.
    assert parse_heading("三公经费分布图") is None
    assert parse_heading("其他相关情况说明") == Heading(1, "", None, "其他相关情况说明")
    assert parse_heading("1.5万元") is None


def test_chinese_numbers():
    assert [chinese_number(t) for t in ("一", "十", "十二", "二十一", "九十九", "部分")] == [1, 10, 12, 21, 99, None]


def test_repeated_heading_number_gets_a_distinct_id():
    doc = lines("其他相关情况说明", "一、政府采购预算情况", "正文。", "一、项目概述", "正文。")
    claim = recognize_prose(doc, CTX)
    assert [s.id for s in claim.items[0].sections] == ["s1", "s1.1", "s1.1-2"]
    assert [i.code for i in claim.issues] == ["ingest.duplicate_heading_number"]


def test_shanghai_pdf_narrative_headings():
    raw = read_source(SHANGHAI_PDF)
    found = {s.title: s for s in debug_stages(raw).prose.items[0].sections}
    assert found["名词解释"].level == 1
    assert found["2025年部门预算编制说明"].level == 1
    other = found["其他相关情况说明"]
    assert [s.title for s in found.values() if s.id.startswith(other.id + ".")] == [
        "2025年“三公”经费预算情况说明", "机关运行经费预算", "政府采购预算情况", "绩效目标设置情况",
        "国有资产占有使用情况",
    ]
    assert found["项目经费情况说明"].level == 1


def test_reference_disclosure_leaves_no_line_unplaced(reference):
    assert not [i for i in reference.issues if i.code == "ingest.unplaced_line"]
    assert reference.section("s3.9").title == "政府采购情况"
    assert len(reference.contents) == 33 and len(reference.glossary) == 12


def test_a_list_begun_in_a_paragraph_goes_on_as_paragraphs_not_headings():
    doc = lines("上海市普陀区司法局机构设置", "具体包括：1.普陀区司法局本部", "2.普陀区法律援助中心", "3.普陀区公证处",
                "其他相关情况说明", "1、车辆情况：", "共有车辆3辆。", "2、房屋情况", "共有房屋2处。")
    sections = recognize_prose(doc, CTX).items[0].sections
    assert [(s.id, s.title) for s in sections] == [("s1", "上海市普陀区司法局机构设置"), ("s2", "其他相关情况说明"),
                                                   ("s2.1", "车辆情况"), ("s2.2", "房屋情况")]
    assert [p.text for p in sections[0].paragraphs] == ["具体包括：1.普陀区司法局本部", "2.普陀区法律援助中心", "3.普陀区公证处"]


def test_putuo_justice_organisation_lists_its_second_unit_not_an_empty_heading():
    """Found by hand: 司法局's 机构设置 was marked 否 because “2.普陀区法律援助中心” read as a heading with
    nothing under it (complete.empty_sections)."""
    from yusuan.audit.runner import audit
    from yusuan.ingest import read_disclosure

    pdf = Path(__file__).resolve().parents[2] / "samples" / "checklists" / "putuo-justice-2026-dept-budget.pdf"
    d = read_disclosure(pdf)
    (org,) = [s for s in d.sections if s.title.endswith("机构设置")]
    assert org.paragraphs[-1].text == "2.普陀区法律援助中心"
    assert not [s for s in d.sections if "法律援助中心" in s.title]
    assert audit(d, only={"complete.empty_sections"}).findings == ()


def test_a_list_printed_one_item_a_line_is_paragraphs_not_empty_headings():
    """江苏省高院 / 省检察院: （一）机关内设机构 then 1、办公室 2、组织人事处 … one a line, and a lone
    1、江苏省法官培训学院 before （三）. Headings with text under them stay headings."""
    doc = lines("三、部门机构设置和所属单位情况", "（一）机关内设机构", "1、办公室", "2、组织人事处", "3、法官管理处",
                "（二）下属差额拨款事业单位", "1、江苏省法官培训学院", "（三）派出机构",
                "四、部门收支预算编制的相关依据", "1、人员支出", "按编制人数核定。", "2、商品和服务支出", "按定额核定。")
    sections = recognize_prose(doc, CTX).items[0].sections
    assert [(s.id, s.title, len(s.paragraphs)) for s in sections] == [
        ("s3", "部门机构设置和所属单位情况", 0), ("s3.1", "机关内设机构", 3), ("s3.2", "下属差额拨款事业单位", 1),
        ("s3.3", "派出机构", 0), ("s4", "部门收支预算编制的相关依据", 0), ("s4.1", "人员支出", 1),
        ("s4.2", "商品和服务支出", 1)]
    assert [p.text for p in sections[1].paragraphs] == ["1、办公室", "2、组织人事处", "3、法官管理处"]


def test_a_list_of_names_after_its_lead_in_is_paragraphs_not_empty_headings():
    """gd-gz-7ca93e6d p5–6: “预算单位24个，具体包括：” then （一）广州市第一人民医院 … one a line. Headings after a
    lead-in that have text under them, and headings not led in, stay headings."""
    doc = lines("三、部门预算构成", "本部门预算为汇总预算。预算单位3个，具体包括：", "（一）广州市第一人民医院",
                "（二）广州医科大学附属中医医院", "（三）广州市红十字会医院", "四、部门预算情况", "主要情况如下：",
                "（一）收入预算", "收入预算3万元。", "（二）支出预算", "支出预算3万元。", "五、其他", "（一）车辆", "（二）房屋")
    sections = recognize_prose(doc, CTX).items[0].sections
    assert [(s.id, s.title, len(s.paragraphs)) for s in sections] == [
        ("s3", "部门预算构成", 4), ("s4", "部门预算情况", 1), ("s4.1", "收入预算", 1), ("s4.2", "支出预算", 1),
        ("s5", "其他", 0), ("s5.1", "车辆", 0), ("s5.2", "房屋", 0)]
    assert sections[0].paragraphs[-1].text == "（三）广州市红十字会医院"


def test_jiangsu_high_court_organisation_list_gives_no_empty_heading_warnings():
    """省高院 2018 printed its 27 内设机构 one a line: 27 complete.empty_sections warnings before, none of them real."""
    from yusuan.audit.runner import audit
    from yusuan.ingest import read_disclosure

    pdf = Path(__file__).resolve().parents[2] / "samples" / "jiangsu" / "js-high-court-2018-dept-budget-full-9bb83b.pdf"
    found = audit(read_disclosure(pdf), only={"complete.empty_sections"}).findings
    assert not [f for f in found if "办公室" in f.message or "审判" in f.message or "学院" in f.message]
