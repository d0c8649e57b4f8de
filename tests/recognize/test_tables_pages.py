"""A table printed over several pages is one table (issue 17): its title or header printed again on
the next page, a 续表 mark, or nothing at all, the rows of every page are read into the table they
continue, each keeping its own page. Pages are written out as lists of lines, cells as `a|b|c`."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.audit.runner import audit
from yusuan.model import (
    ColumnKind,
    Disclosure,
    DocumentMeta,
    Level,
    RowRole,
    SourceInfo,
    Stage,
    TableKind,
)
from yusuan.recognize.claims import Context
from yusuan.recognize.pipeline import recognize
from yusuan.recognize.tables import recognize_tables
from yusuan.recognize.tables.continuations import restated_title
from yusuan.sources.detect import read_source
from yusuan.sources.raw import RawLine

CTX = Context("pages.pdf")
TITLE = "2025年一般公共预算支出预算表"
HEADER = "科目编码|科目名称|合计|基本支出|项目支出"


def pages(*printed: list[str], first: int = 1, x: tuple[float, ...] = (40, 120, 300, 400, 500)) -> list[RawLine]:
    """Raw lines of consecutive pages (a row's cells standing at `x`), a blank line after each page."""
    out: list[RawLine] = []
    for p, page in enumerate(printed, start=first):
        for text in (*page, ""):
            cells = tuple(text.split("|")) if text else ()
            row = len(cells) > 1
            boxes = tuple((x[i], 0.0, x[i] + 50, 10.0) for i in range(len(cells))) if row else (
                ((200.0, 0.0, 400.0, 10.0),) if cells else None)
            out.append(RawLine(cells, len(out) + 1, p, row, boxes))
    return out


def tables(*printed: list[str], **kw):
    return recognize_tables(pages(*printed, **kw), CTX)


def rows_of(t):
    return [(r.provenance.page, r.code, r.label, r.number("total")) for r in t.rows]


PAGE_1 = [TITLE, "单位：万元", HEADER, "|合计|1402.81|0|1402.81", "213|农林水支出|1402.81|0|1402.81",
          "21301|农业农村|1402.81|0|1402.81", "2130101|行政运行|477.81|0|477.81"]
ROWS_2 = ["2130104|事业运行|626.55|0|626.55", "2130199|其他农业农村支出|298.45|0|298.45"]


def test_title_and_header_printed_again_on_the_next_page_is_one_table():
    claim = tables(PAGE_1, [TITLE, "单位：万元", HEADER, *ROWS_2])
    (t,) = claim.items
    assert t.kind is TableKind.GENERAL_EXPENDITURE
    assert rows_of(t)[-3:] == [(1, "2130101", "行政运行", Decimal("477.81")),
                               (2, "2130104", "事业运行", Decimal("626.55")),
                               (2, "2130199", "其他农业农村支出", Decimal("298.45"))]
    assert {ln.line for ln in pages(PAGE_1, [TITLE, "单位：万元", HEADER, *ROWS_2]) if ln.cells} <= claim.consumed


def test_title_printed_again_without_the_header_is_one_table():
    (t,) = tables(PAGE_1, [TITLE, "单位：万元", *ROWS_2]).items
    assert [r.code for r in t.rows if r.provenance.page == 2] == ["2130104", "2130199"]


def test_a_continued_mark_joins_the_next_page_with_or_without_the_header():
    for mark in ("续表", "续表1", f"{TITLE}（续）", f"续表：{TITLE}", "表5（续）", "（续表）"):
        for head in ([HEADER], []):
            claim = tables(PAGE_1, [mark, *head, *ROWS_2])
            assert len(claim.items) == 1, (mark, head, [t.title for t in claim.items])
            assert [r.code for r in claim.items[0].rows if r.provenance.page == 2] == ["2130104", "2130199"]


def test_a_continued_mark_over_another_header_does_not_continue_the_table_above():
    # the reference's 政府购买服务指导性目录 goes on under ``续表`` after the last table (read back from XLSX)
    claim = tables(PAGE_1, ["续表", "代码|一级目录|二级目录|三级目录|四级目录", "A1501|||公共信息服务|"])
    assert [r.code for r in claim.items[0].rows][-1] == "2130101" and len(claim.items) == 2


def test_the_class_sums_over_the_page_break():
    # 477.81 + 626.55 + 298.45 = 1,402.81: read as two tables, page 1 alone gave "应为477.81，实为1402.81".
    lines = pages(PAGE_1, [TITLE, "单位：万元", HEADER, *ROWS_2])
    meta = DocumentMeta(title="", organisation="", level=Level.DEPARTMENT, stage=Stage.BUDGET, year=2025,
                        template="shanxi-13")
    d = Disclosure(meta=meta, source=SourceInfo(file="pages.pdf", format="pdf", sha256="0" * 64, size=0),
                   tables=recognize_tables(lines, CTX).items)
    report = audit(d, only={"arith.class_sum", "arith.section_sum", "arith.total_of_classes"})
    assert report.findings == (), [f.message for f in report.findings]  # not even 读取存疑


def test_a_table_of_its_own_under_the_same_title_is_not_joined():
    # one table per unit, each with its own 合计; the same title on a page further on; another unit
    second = [TITLE, "单位：万元", HEADER, "|合计|925.00|0|925.00", "213|农林水支出|925.00|0|925.00"]
    assert len(tables(PAGE_1, second).items) == 2
    assert len(tables(PAGE_1, ["第二部分"], [TITLE, "单位：万元", HEADER, *ROWS_2]).items) == 2
    assert len(tables(PAGE_1, [TITLE, "单位：元", HEADER, *ROWS_2]).items) == 2


def test_other_columns_on_the_next_page_are_another_table():
    lines = pages(PAGE_1) + pages([TITLE, "单位：万元", HEADER, *ROWS_2], first=2, x=(40, 160, 330, 430, 530))
    assert len(recognize_tables([RawLine(ln.cells, k, ln.page, ln.is_row, ln.bboxes) for k, ln in enumerate(lines, 1)],
                                CTX).items) == 2


def test_restated_titles():
    assert restated_title("续表", TITLE) and restated_title("续表2", TITLE)
    assert restated_title(f"{TITLE}(续)", TITLE) and restated_title(f"续表：{TITLE}", TITLE)
    assert not restated_title("2025年政府性基金预算支出表", TITLE)
    assert not restated_title("2025年政府性基金预算支出表（续）", TITLE)


# 长沙职业教育基地综合协调办公室 2026年部门预算 (cities/hn-cs-74cd21a2.pdf) p15–16: the 财政拨款收支总体情况表
# restates title, 单位名称 line and header on p16, where its last rows and both 总计 stand.
HN_TITLE = "2026年财政拨款收支总体情况表"
HN_HEAD = [HN_TITLE, "单位名称：长沙职业教育基地综合协调办公室|单位：万元", "收 入||支 出||||",
           "项目|金 额|项目|合计|一般公共预算|政府性基金预算|国有资本经营预算"]
HN_X = (34, 214, 305, 487, 578, 657, 736)


def test_changsha_fiscal_summary_keeps_its_totals_printed_on_the_next_page():
    p15 = [*HN_HEAD, "一、本年收入|656.73|一、本年支出|656.73|656.73||", "1、一般公共预算拨款收入|656.73|1、一般公共服务支出||||",
           "||4、教育支出|656.73|656.73||", "||21、灾害防治及应急管理支出||||"]
    p16 = [*HN_HEAD, "||22、其他支出||||", "二、上年结转||二、结转下年||||", "收 入 总 计|656.73|支 出 总 计|656.73|656.73||",
           "注：本表反映部门财政拨款的总收支情况。"]
    (t,) = tables(p15, p16, first=15, x=HN_X).items
    assert t.kind is TableKind.FISCAL_SUMMARY
    totals = [(r.provenance.page, r.side, r.label) for r in t.rows if r.role is RowRole.TOTAL]
    assert totals == [(16, "income", "收入总计"), (16, "expenditure", "支出总计")]
    assert t.notes == ("注：本表反映部门财政拨款的总收支情况。",)


# 西安市住房和城乡建设局 2022年部门综合预算 (cities/sn-xa-05218864.pdf) p51–52: 表10 printed again, head and all,
# on each page of the 专项业务经费支出表; 西安市城建档案馆's 专用项目 runs on from p51 to p52.
XA_HEAD = ["表10", "2022年部门综合预算专项业务经费支出表（不含上年结转）", "单位：元", "单位编码|单位（项目）名称|项目金额|项目简介"]
XA_X = (56, 164, 374, 542)


def test_xian_special_project_table_restating_its_head_on_each_page_is_one_table():
    p51 = [*XA_HEAD, "|合计|2154843264.00|", "253001|西安市住房和城乡建设局|31591304.00|",
           "253003|西安市城建档案馆|5329960.00|", "|专用项目|5329960.00|"]
    p52 = [*XA_HEAD, "|其他履职尽责专项业务费|5329960.00|", "|办公设备购置|391484.00|",
           "|城建档案的接收、保管、利用、编研和电子化管理|3932176.00|", "|综合管理费|1006300.00|"]
    claim = tables(p51, p52, first=51, x=XA_X)
    (t,) = claim.items
    # (untyped until a profile knows the table: the name may stand under a column of its own)
    assert [(r.provenance.page, r.label or r.text("col2")) for r in t.rows][-5:] == [
        (51, "专用项目"), (52, "其他履职尽责专项业务费"), (52, "办公设备购置"),
        (52, "城建档案的接收、保管、利用、编研和电子化管理"), (52, "综合管理费")]
    assert sum(1 for ln in pages(p51, p52, first=51, x=XA_X) if ln.cells and ln.line not in claim.consumed) == 0


def test_one_misread_cell_on_a_later_page_does_not_make_a_column_of_figures_text():
    # 西安 (cities/sn-xa-3f525e76.pdf p52): ``支 2947399.16`` — the end of a wrapped name run into the figure.
    head = ["2022年部门综合预算一般公共预算基本支出明细表（按功能科目分）", "金额单位：元", "功能科目编码|功能科目名称|合计|人员经费支出|公用经费支出"]
    p51 = [*head, *(f"20{k:03d}|科目{k}|{k}00.00|{k}00.00|0" for k in range(10, 30))]
    p52 = [*head, "2080505|机关事业单位基本养老保险缴费|支 2947399.16|2947399.16|0", "2080506|机关事业单位职业年金缴费支出|1473699.61|1473699.61|0"]
    claim = tables(p51, p52, first=51)
    (t,) = claim.items
    figures = [r.amount("total") for r in t.rows]  # 合计: where the name ran into the figure
    assert figures[-1] is not None and figures[-1].value == Decimal("1473699.61") and figures[-2] is None
    assert [i.text.split("\t")[2] for i in claim.issues if i.code == "ingest.not_a_number"] == ["支 2947399.16"]


# 广州市规划和自然资源局 2026年部门预算 (cities/gd-gz-2cbc7738.pdf) p69–70: the 部门预算项目支出及其他支出预算表
# prints its two header rows again on each page, no title; its figures are amounts on every page.
GZ_HEADER = ["支出项目类别（资金使用单位）|总计|财政拨款||||财政专户拨款|其他资金|绩效目标",
             "||合计|一般公共预算|政府性基金预算|国有资本经营预算|||"]


def test_guangzhou_project_table_with_its_header_printed_on_each_page_keeps_its_figures():
    p69 = [*GZ_HEADER, "广州市海洋预报配套能力建设配套资金|302.50|302.50|0.00|302.50|0.00|0.00|0.00|通过系统开展预警报数据采集",
           "综合业务保障经费|28.35|28.35|28.35|0.00|0.00|0.00|0.00|1.通过招聘，缓解当下中心人手不足问题"]
    p70 = [*GZ_HEADER, "历年结余职工福利基金|20.00|0.00|0.00|0.00|0.00|0.00|20.00|通过为干部职工提供工作餐",
           "广州市规划和自然资源局2026年信息化运维项目|898.54|898.54|898.54|0.00|0.00|0.00|0.00|通过对信息系统的维护和更新"]
    (t,) = tables(["部门预算项目支出及其他支出预算表", "单位：万元", *p69], p70, first=68,
                  x=(42, 171, 231, 290, 350, 410, 473, 511, 548)).items
    total = t.columns[0]  # 总计 (the second header row is not yet known as one: read as an unnamed row)
    assert total.label == "总计" and total.kind is ColumnKind.AMOUNT
    assert [(r.provenance.page, r.number(total.key)) for r in t.rows if r.label] == [
        (68, Decimal("302.50")), (68, Decimal("28.35")), (69, Decimal("20.00")), (69, Decimal("898.54"))]


CITIES = Path("/work/shared/corpus/cities")


def test_xian_pdf_long_tables_are_one_table_each():
    """The real file, where the corpus is at hand: the 专项业务经费支出表 printed six times (p51–56) and the
    政府采购预算表 three times (p58–60) are one table each, every row on its own page."""
    path = CITIES / "sn-xa-05218864.pdf"
    if not path.exists():
        pytest.skip("corpus not at hand")
    d = recognize(read_source(path))
    special = [t for t in d.tables if "专项业务经费支出表" in t.title]
    procurement = [t for t in d.tables if "政府采购" in t.title]
    assert len(special) == 1 and len(procurement) == 1
    assert sorted({r.provenance.page for r in special[0].rows}) == [51, 52, 53, 54, 55, 56]
    assert len(special[0].rows) == 5 * 28 + 10
    # 43 + 43 + 35 lines under the header; the second header line (类 | 款 …) is the header the national
    # procurement table knows, its copies on p59–60 the restated header
    assert sorted({r.provenance.page for r in procurement[0].rows}) == [58, 59, 60]
    assert len(procurement[0].rows) == 43 + 42 + 34 - 1 and not any(r.label == "类" for r in procurement[0].rows)
