"""A table continued over a page that prints its header again (as Word and LibreOffice Writer repeat a
table's heading rows): the repeated header is no part of the row above it, and the rest of a row the
page break cut, printed under that header, finishes the row (LibreOffice Writer's PDF of the built book:
``三、国有资本经营预算`` read as ``三、国有资本经营预算收入``, the header's 收入 band joined onto it)."""
from __future__ import annotations

from yusuan.recognize.claims import Context
from yusuan.recognize.tables import recognize_tables
from yusuan.sources.raw import RawLine

BAND = ("收入", "", "支出", "", "", "")
HEADER = ("项目", "本年", "项目", "合计", "当年预算安排", "上年结转安排")


def lines(*pages: list[tuple[str, ...]]) -> list[RawLine]:
    out: list[RawLine] = []
    for page, cells_list in enumerate(pages, start=1):
        for cells in cells_list:
            out.append(RawLine(cells=cells, line=len(out) + 1, page=page, is_row=len(cells) > 1))
    return out


def labels(*pages: list[tuple[str, ...]]) -> list[tuple[str | None, str]]:
    raw = lines(*pages)
    (table,) = recognize_tables(raw, Context("split.pdf")).items
    return [(r.side, r.label) for r in table.rows]


def test_the_header_repeated_over_a_page_is_not_joined_onto_the_last_row():
    got = labels(
        [("2025年预算收支总表",), ("部门名称：某局", "单位：万元"), BAND, HEADER,
         ("一、一般公共预算", "10.00", "一、一般公共服务支出", "10.00", "10.00", ""),
         ("三、国有资本经营预算", "", "三、国防支出", "", "", "")],
        [BAND, HEADER, ("四、财政专户管理资金", "", "八、社会保障和就业支出", "", "", ""),
         ("本年收入合计", "10.00", "本年支出合计", "10.00", "10.00", "")],
    )
    assert ("income", "三、国有资本经营预算") in got and ("expenditure", "三、国防支出") in got
    assert ("income", "四、财政专户管理资金") in got


def test_the_rest_of_a_cut_row_under_the_repeated_header_finishes_the_row():
    got = labels(
        [("2025年预算收支总表",), ("部门名称：某局", "单位：万元"), BAND, HEADER,
         ("一、一般公共预算", "10.00", "八、社会保障和就", "10.00", "10.00", "")],
        [BAND, HEADER, ("", "", "业支出", "", "", ""),
         ("本年收入合计", "10.00", "本年支出合计", "10.00", "10.00", "")],
    )
    assert ("expenditure", "八、社会保障和就业支出") in got
    assert ("expenditure", "业支出") not in got


CODED = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")


def coded(rest: str) -> list[tuple[str | None, str]]:
    raw = lines(
        [("2025年一般公共预算支出预算表",), ("部门名称：某局", "单位：万元"), CODED,
         ("合计", "", "0.30", "0.30", ""), ("210", "卫生健康支出", "0.30", "0.30", ""),
         ("21007", "计划生育事务", "0.30", "0.30", ""), ("2100799", "其他计划生育事务", "0.30", "0.30", "")],
        [CODED, ("", rest, "", "", "")],
    )
    (table,) = recognize_tables(raw, Context("split.pdf")).items
    return [(r.code, r.label) for r in table.rows]


def test_a_coded_row_cut_by_the_page_is_finished_when_the_catalogue_names_it_so():
    got = coded("支出")
    assert ("2100799", "其他计划生育事务支出") in got and (None, "支出") not in got


def test_words_that_do_not_finish_the_catalogue_name_stay_a_row_of_their_own():
    assert (None, "其他支出") in coded("其他支出")
