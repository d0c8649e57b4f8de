"""Budget units listed as a table inside the text (序号 | 单位名称 | 拟变动情况) are read as the list they are.

西安 2022 and 泉州 2026 print the units their budget covers as a small table under “…共有 61 个，包括：” or
“…单位详细情况见下表:”; read as text, no unit was known, so neither the stated count nor the units' tables
could be checked against the list.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.model import Paragraph, Provenance, Section
from yusuan.recognize.prose.organisation import read_organisation
from yusuan.recognize.prose.unit_table import tabled_names

CITIES = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"
P = Provenance(file="a.pdf", page=7)


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(t, P) for t in texts)


def test_the_names_under_the_head_in_the_order_of_their_numbers_a_wrapped_name_joined():
    rows = paragraphs("序号\t单位名称\t拟变动情况", "1\t西安市生态环境局（本级）\t无", "2\t西安市环境监理处\t西安市生态环境保护综合执法支队",
                      "3\t西安市环境保护局碑林分局机动车排气污\t西安市生态环境保护综合执法支队碑", "\t染监督管理所\t林大队",
                      "序号\t单位名称\t拟变动情况", "4\t西安市环境监测站\t无", "五、部门预算收支说明")
    assert tabled_names(rows, 0) == ["西安市生态环境局（本级）", "西安市环境监理处", "西安市环境保护局碑林分局机动车排气污染监督管理所",
                                     "西安市环境监测站"]


def test_text_after_a_colon_is_no_table_of_units():
    assert tabled_names(paragraphs("一是加强预算管理。", "二是……"), 0) == []


def test_the_count_and_the_table_are_one_statement():
    section = Section(id="s3", part="", number="三", level=2, title="部门预算单位构成", provenance=P, paragraphs=paragraphs(
        "纳入本部门 2022 年部门预算编制范围的二级预算单位共有 3 个，包括：", "序号\t单位名称\t拟变动情况",
        "1\t西安市住房和城乡建设局 (机关)\t", "2\t西安市散装水泥发展服务中心\t", "3\t西安市城建档案馆\t"))
    o = read_organisation((section,))
    assert o is not None and [u.name for u in o.units][1:] == ["西安市散装水泥发展服务中心", "西安市城建档案馆"]
    assert o.stated_unit_count == 3


@pytest.mark.skipif(not CITIES.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize("name, count, first, last", [
    # p7–9: 61 units, the table running over two pages
    ("sn-xa-1d514d70.pdf", 61, "西安市生态环境局（本级）", "西安市环境保护局高陵分局机动车排气污染监督管理所"),
    # p16–18: the head printed again over units 14–20 on p18
    ("sn-xa-05218864.pdf", 20, "西安市住房和城乡建设局(机关)", "西安市房屋租赁服务中心"),
    # p21–22 “共有 15 个”: the department's （机关） and its 15 units (another 西安 file counts its 机关 among them)
    ("sn-xa-1cf1891a.pdf", 16, "西安市自然资源和规划局（机关）", "西安市自然资源和规划信息中心"),
    # p13 “二级预算单位共有 0 个，包括：” over one row, the department's own “…部门本级(机关)”
    ("sn-xa-81d0a923.pdf", 1, "西安市人民政府国有资产监督管理委员会部门本级(机关)", "西安市人民政府国有资产监督管理委员会部门本级(机关)"),
    # p8 “…7个下属单位，其中：列入 2026年部门预算编制范围的单位详细情况见下表:” — 本级 and its 7 units
    ("fj-qz-568290e6.pdf", 8, "泉州市公安局（本级）", "泉州市公安局经济技术开发区分局"),
])
def test_the_units_of_a_real_table_in_the_text(name, count, first, last):
    d = read_disclosure(CITIES / name)
    names = [u.name for u in d.organisation.units]
    assert (len(names), names[0], names[-1]) == (count, first, last)
    # the count stated beside the list agrees with it, the department's own 本级/（机关） row counted or not
    assert [f.message for f in audit(d).findings if f.rule == "org.stated_counts"] == []
