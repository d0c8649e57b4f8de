"""The 目录: every entry of the reference with its page, and where the contents end."""
from __future__ import annotations

from prose_builders import CTX, lines

from yusuan.recognize.claims import Context
from yusuan.recognize.prose import recognize_contents
from yusuan.sources.raw import RawLine

REFERENCE_CONTENTS = [
    ("第一部分 概况", 1), ("一、本部门职责", 1), ("二、机构设置情况", 1),
    ("第二部分 2025年部门预算报表", 2),
    ("表一2025年预算收支总表", 2), ("表二2025年预算收入总表", 4), ("表三2025年预算支出总表", 6),
    ("表四2025年财政拨款收支总表", 7), ("表五2025年一般公共预算支出预算表（不含上年结转）", 9),
    ("表六2025年一般公共预算安排基本支出分经济科目表（不含上年结转）", 10),
    ("表七2025年政府性基金预算收入表（不含上年结转）", 12),
    ("表八2025年政府性基金预算支出表（不含上年结转）", 13),
    ("表九2025年国有资本经营预算收支预算表（不含上年结转）", 14),
    ("表十2025年财政拨款安排“三公”经费支出预算表", 14),
    ("表十一2025年财政拨款安排机关运行经费预算表", 15),
    ("表十二2025年项目支出预算表（本年预算）", 16), ("表十三2025年项目支出预算表（上年结转）", 18),
    ("第三部分 2025年度部门预算情况说明", 19),
    ("一、部门预算收支数据变动情况及原因", 19), ("二、收入预算情况说明", 19), ("三、支出预算情况说明", 19),
    ("四、财政拨款收支预算总体情况说明", 19), ("五、一般公共预算支出情况说明", 19),
    ("六、一般公共预算基本支出情况说明", 20), ("七、“三公”经费增减变动原因说明", 20),
    ("八、机关运行经费增减变动原因说明", 21),
    ("九、政府采购情况", 21), ("十、绩效管理情况", 21), ("十一、国有资产占有使用情况", 72),
    ("十二、其他说明", 72), ("（一）政府购买服务指导性目录", 72), ("（二）其他", 72),
    ("第四部分 名词解释", 74),
]


def test_reference_contents_every_entry_with_its_page(reference_raw):
    claim = recognize_contents(reference_raw.lines, Context(reference_raw.file))
    assert [(e.title, e.page) for e in claim.items] == REFERENCE_CONTENTS
    assert claim.items[0].provenance.line == 9
    assert claim.items[-1].provenance.line == 42  # 第四部分 名词解释.....<TAB>74, after a blank line


def test_reference_contents_claims_heading_and_entries_only(reference_raw):
    claim = recognize_contents(reference_raw.lines, Context(reference_raw.file))
    assert claim.consumed == frozenset({7, *range(9, 35), *range(36, 43)})
    assert 44 not in claim.consumed  # 第一部分 概况 in the body is a heading, not an entry
    assert not claim.issues


def test_contents_end_where_the_body_repeats_a_title():
    doc = lines("目 录", "第一部分 概况\t1", "一、本部门职责\t1", "", "第一部分 概况", "一、本部门职责")
    claim = recognize_contents(doc, CTX)
    assert [e.title for e in claim.items] == ["第一部分 概况", "一、本部门职责"]
    assert claim.consumed == frozenset({1, 2, 3})


def test_contents_with_dot_leaders_and_no_page_numbers():
    # Shanghai contents: leaders but no page numbers, all on the 目录 page.
    doc = lines("目 录", "一、部门主要职能 ……………………", "五、部门预算表 …………", "1. 2025年部门财务收支预算总表", page=2)
    claim = recognize_contents(doc, CTX)
    assert [(e.title, e.page) for e in claim.items] == [
        ("一、部门主要职能", None), ("五、部门预算表", None), ("1. 2025年部门财务收支预算总表", None),
    ]


def test_no_contents_heading_claims_nothing():
    claim = recognize_contents(lines("第一部分 概况", "一、本部门职责"), CTX)
    assert claim.items == () and claim.consumed == frozenset()


def test_page_number_footer_of_the_contents_page_is_furniture_not_an_entry():
    # a PDF's 目录 page: every line on it may be an entry, but not its own footer `第 2 页`
    doc = lines("目录", "第一部分 概况.........", "第二部分 2025年部门预算报表......", "", "第 2 页", page=2)
    doc.append(RawLine(("第一部分 概况",), 6, page=3))
    claim = recognize_contents(doc, CTX)
    assert [e.title for e in claim.items] == ["第一部分 概况", "第二部分 2025年部门预算报表"]
    assert claim.consumed == frozenset({1, 2, 3, 5})


def test_lone_page_number_in_text_contents_is_claimed_and_the_entries_go_on():
    doc = lines("目 录", "第一部分 概况\t1", "2", "", "第二部分 部门预算报表\t3", "第一部分 概况")
    claim = recognize_contents(doc, CTX)
    assert [(e.title, e.page) for e in claim.items] == [("第一部分 概况", 1), ("第二部分 部门预算报表", 3)]
    assert claim.consumed == frozenset({1, 2, 3, 5})
