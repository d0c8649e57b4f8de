"""The publication's order: as printed for a document read from a file; for a compiled one,
tables under the 报表 part and the target forms as the closing appendix."""
from __future__ import annotations

from dataclasses import replace

from yusuan.render.document import TARGETS_APPENDIX, ChartBlock, Heading, Para, TableBlock, TargetBlock, publication


def _kinds(pub):
    return [type(b).__name__ for b in pub.body]


def test_read_publication_keeps_its_printed_order(reference):
    pub = publication(reference)
    texts = [b.text for b in pub.body if isinstance(b, Heading)]
    assert texts[:3] == ["第一部分 概况", "一、本部门职责", "二、机构设置情况"]
    first_table = _kinds(pub).index("TableBlock")
    assert pub.body[first_table - 1].text == "第二部分 2025年部门预算报表"
    assert pub.cover == ("阳泉市民政局", "2025年度部门预算公开")
    caption = next(i for i, b in enumerate(pub.body) if isinstance(b, Para) and b.text == "三公经费分布图")
    assert isinstance(pub.body[caption + 1], ChartBlock)


def test_target_forms_close_the_publication_as_its_appendix(reference):
    pub = publication(reference)
    forms = [i for i, b in enumerate(pub.body) if isinstance(b, TargetBlock)]
    assert len(forms) == 44 and forms[-1] == len(pub.body) - 1
    assert pub.body[forms[0] - 1] == Heading(1, TARGETS_APPENDIX, "targets")
    # the contents name the appendix (last) and every table, one level below the parts
    assert pub.contents[-1] == Heading(1, TARGETS_APPENDIX, "targets")
    assert [h.text for h in pub.contents if h.level == 3] == [t.title for t in reference.tables]


def test_compiled_disclosure_places_tables_after_the_report_part_heading(reference):
    compiled = replace(reference, source=replace(reference.source, format="book"))
    pub = publication(compiled)
    first_table = _kinds(pub).index("TableBlock")
    assert pub.body[first_table - 1].text == "第二部分 2025年部门预算报表"
    tables = [b for b in pub.body if isinstance(b, TableBlock)]
    assert [t.anchor for t in tables] == [t.id for t in reference.tables]


def test_compiled_disclosure_without_a_report_part_puts_tables_after_the_first_part(reference):
    sections = tuple(s for s in reference.sections if "报表" not in s.title)
    compiled = replace(reference, sections=sections, source=replace(reference.source, format="book"))
    body = publication(compiled).body
    first_table = _kinds(publication(compiled)).index("TableBlock")
    assert body[first_table - 1].text.startswith("民政局机关设置6个科室")  # the last paragraph of 第一部分
    assert body[first_table + len(reference.tables)].text == "第三部分 2025年度部门预算情况说明"
