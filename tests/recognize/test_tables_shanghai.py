"""Shanghai's table shapes, and the generic fallback by header meaning, in small inline documents.

Cells are written `a|b|c` (tabs in the file). Rows are as the Shanghai PDFs print them: codes over
类 款 项 columns, tables continued over pages with their header printed again, the 三公 table in 万元.
"""
from __future__ import annotations

from decimal import Decimal

from yusuan.model import MoneyUnit, RowRole, TableKind
from test_tables_inline import only, read  # the inline-document helpers of the Shanxi shapes

from yusuan.recognize.tables.headers import GridColumn, Layout
from yusuan.recognize.tables.rows import aligned
from yusuan.sources.raw import RawLine

HEAD = ("项目||||一般公共预算支出||", "功能分类科目编码|||功能分类科目名称|合计|基本支出|项目支出", "类|款|项||||")


def test_codes_over_three_columns_are_one_code_and_continued_pages_one_table():
    claim = read(
        "2025年部门一般公共预算支出功能分类预算表", "编制部门：上海市普陀区人民政府万里街道办事处|单位：元", "", *HEAD,
        "208|||社会保障和就业支出|16,091,895|13,755,695|2,336,200",
        "208|05||行政事业单位养老支出|7,589,473|7,589,473|0",
        "", *HEAD,  # the next page prints the header again
        "208|05|01|行政单位离退休|259,320|259,320|0",
        "合计||||189,767,551|101,341,746|88,425,805",
    )
    t = only(claim)
    assert t.kind is TableKind.GENERAL_EXPENDITURE and t.unit is MoneyUnit.YUAN
    assert [(r.role, r.code, r.label) for r in t.rows] == [
        (RowRole.GROUP, "208", "社会保障和就业支出"), (RowRole.GROUP, "20805", "行政事业单位养老支出"),
        (RowRole.ITEM, "2080501", "行政单位离退休"), (RowRole.TOTAL, None, "合计"),
    ]
    assert t.rows[2].number("total") == Decimal("259320")
    assert [c.key for c in t.columns] == ["total", "basic", "project"]
    assert claim.issues == ()


def test_one_digit_economic_section_is_zero_padded_and_a_misprinted_class_kept_as_printed():
    eco = only(read(
        "2024年部门一般公共预算基本支出部门预算经济分类预算表", "编制部门：某街道办事处|单位：元",
        "项目|||一般公共预算基本支出||", "部门预算经济分类科目编码||经济分类科目名称|合计|人员经费|公用经费", "类|款||||",
        "301||工资福利支出|100|100|", "301|2|津贴补贴|100|100|", "合计|||100|100|",
    ))
    assert [r.code for r in eco.rows] == ["301", "30102", None]
    t = only(read("2024年预算单位支出预算总表", "单位：元", "项目||||支出预算||",
                  "功能分类科目编码|||功能分类科目名称|合计|基本支出|项目支出", "类|款|项||||",
                  "7|11|02|事业单位医疗|503,724|503,724|"))
    assert t.rows[0].code == "7 11 02"  # the page prints 7 for 210: the audit's code rules report it


def test_the_three_public_table_is_one_row_in_wan_yuan_among_yuan_tables():
    claim = read(
        "2025年部门“三公”经费和机关运行经费预算表", "编制部门：上海市普陀区人民政府万里街道办事处|单位:万元", "",
        "“三公”经费预算数||||||机关运行经费预算数",
        "合计|因公出国(境)费|公务接待费|公务用车购置及运行费|||", "|||小计|购置费|运行费|",
        "37.91|0|1.35|36.56|15|21.56|464.64",
    )
    t = only(claim)
    assert t.kind is TableKind.THREE_PUBLIC_AND_RUNNING and t.unit is MoneyUnit.WAN_YUAN
    (row,) = t.rows
    assert row.role is RowRole.TOTAL and row.label == ""
    assert {v.column: v.amount.value for v in row.values} == {
        "total": Decimal("37.91"), "abroad": Decimal("0"), "reception": Decimal("1.35"), "vehicles": Decimal("36.56"),
        "vehicle_purchase": Decimal("15"), "vehicle_running": Decimal("21.56"), "agency_running": Decimal("464.64"),
    }
    assert row.amount("agency_running").to(MoneyUnit.YUAN) == Decimal("4646400")
    assert claim.issues == ()


def test_summary_income_lines_numbered_under_a_heading_are_its_parts():
    t = only(read(
        "2025年部门财务收支预算总表", "编制部门：某街道办事处|单位：元", "本年收入||本年支出|", "项目|预算数|项目|预算数",
        "一、财政拨款收入|300|一、一般公共服务支出|300", "1. 一般公共预算资金|300|二、公共安全支出|",
        "2. 政府性基金||三、教育支出|", "二、事业收入|||", "收入总计|300|支出总计|300",
    ))
    assert t.kind is TableKind.INCOME_EXPENDITURE_SUMMARY
    income = [(r.role, r.label) for r in t.rows if r.side == "income"]
    assert income[:3] == [(RowRole.GROUP, "一、财政拨款收入"), (RowRole.ITEM, "1.一般公共预算资金"),
                          (RowRole.ITEM, "2.政府性基金")]
    assert income[-1] == (RowRole.TOTAL, "收入总计")
    assert all(r.role is RowRole.ITEM for r in t.rows if r.side == "expenditure" and r.label.startswith("一"))


def test_a_total_row_read_with_fewer_cells_is_put_under_its_columns_by_position():
    header = RawLine(("类", "款", "项", "名称", "合计", "基本支出", "项目支出"), 1, 1, True,
                     tuple((x, 0.0, x + 10, 5.0) for x in (0, 10, 20, 30, 40, 50, 60)))
    layout = Layout(tuple(GridColumn(i, k, k) for i, k in enumerate(
        ("code", "code_kuan", "code_xiang", "label", "total", "basic", "project"))), (header,))
    short = RawLine(("合计", "189,767,551", "101,341,746", "88,425,805"), 2, 2, True,
                    ((0.0, 0, 40, 5), (40.0, 0, 50, 5), (50.0, 0, 60, 5), (60.0, 0, 70, 5)))
    assert aligned(short, layout).cells == ("合计", "", "", "", "189,767,551", "101,341,746", "88,425,805")
    assert aligned(short, layout).bboxes == ((0.0, 0, 40, 5), None, None, None, (40.0, 0, 50, 5), (50.0, 0, 60, 5),
                                             (60.0, 0, 70, 5)), "each cell keeps its box where it is put"


def test_a_core_table_under_an_unknown_title_is_recognised_by_its_headers():
    claim = read(
        "2025年部门预算支出情况表", "单位：万元",
        "科目编码|科目名称|合计|基本支出|项目支出", "201|一般公共服务支出|14.70|14.70|", "合计||14.70|14.70|",
    )
    t = only(claim)
    assert t.kind is TableKind.EXPENDITURE_SUMMARY and t.unit is MoneyUnit.WAN_YUAN
    assert [(r.role, r.code) for r in t.rows] == [(RowRole.ITEM, "201"), (RowRole.TOTAL, None)]
    assert [i.code for i in claim.issues] == ["ingest.table_by_header"]


def test_header_meaning_tells_the_general_budget_table_and_the_economic_table():
    gen = only(read("2025年一般公共预算情况表", "单位：元", *HEAD, "201|||一般公共服务支出|10|10|", "合计||||10|10|"))
    assert gen.kind is TableKind.GENERAL_EXPENDITURE
    eco = only(read("2025年基本支出情况表", "单位：元", "科目编码|科目名称|合计|人员经费|公用经费", "301|工资福利支出|10|10|"))
    assert eco.kind is TableKind.GENERAL_BASIC_ECONOMIC
    assert [c.key for c in eco.columns] == ["total", "personnel", "operating"]


def test_a_table_whose_headers_mean_nothing_known_stays_generic_and_is_reported():
    claim = read("2025年政府购买服务预算表", "单位：元", "项目名称|购买内容|金额", "保洁|物业|10,000", "安保|物业|20,000")
    t = only(claim)
    assert t.kind is TableKind.GENERIC
    assert [i.code for i in claim.issues] == ["ingest.table_generic"]


def _page(lines: list[tuple[str, ...]], page: int, start: int) -> list[RawLine]:
    return [RawLine(cells, start + i, page, len(cells) > 1) for i, cells in enumerate(lines)]


def test_page_numbers_and_running_headers_inside_a_continued_table_are_stepped_over():
    from yusuan.recognize.claims import Context
    from yusuan.recognize.tables import read_tables

    head = [tuple(h.split("|")) for h in HEAD]
    pages = [
        [("上海市普陀区2025年区级部门预算",), ("2025年部门一般公共预算支出功能分类预算表",), ("单位：元",), *head,
         ("208", "", "", "社会保障和就业支出", "300", "300", ""), ("- 1 -",)],
        [("上海市普陀区2025年区级部门预算",), *head, ("208", "05", "", "行政事业单位养老支出", "300", "300", ""),
         ("第2页",)],
        [("上海市普陀区2025年区级部门预算",), ("合计", "", "", "", "300", "300", ""), ("3",)],
        [("上海市普陀区2025年区级部门预算",), ("其他相关情况说明",)],
    ]
    lines, n = [], 1
    for number, page in enumerate(pages, start=1):
        lines += _page(page, number, n)
        n += len(page)
    claim = read_tables(lines, Context("inline.pdf"))
    t = only(claim)
    assert [(r.role, r.code, r.label) for r in t.rows] == [
        (RowRole.GROUP, "208", "社会保障和就业支出"), (RowRole.ITEM, "20805", "行政事业单位养老支出"),
        (RowRole.TOTAL, None, "合计"),
    ]
    texts = {ln.text for ln in lines if ln.line in claim.consumed}
    assert {"- 1 -", "第2页", "上海市普陀区2025年区级部门预算"} <= texts
    assert "3" not in texts and "其他相关情况说明" not in texts  # after the table's last row: not the table's


def test_a_table_printing_no_unit_is_read_in_its_own_usual_unit_and_reported():
    claim = read(
        "2025年部门“三公”经费和机关运行经费预算表", "编制部门：某街道办事处",
        "“三公”经费预算数||||||机关运行经费预算数",
        "合计|因公出国(境)费|公务接待费|公务用车购置及运行费|||", "|||小计|购置费|运行费|",
        "37.91|0|1.35|36.56|15|21.56|464.64",
        "2025年部门支出预算总表", "编制部门：某街道办事处",
        *HEAD, "合计||||300|300|",
        "2025年部门国有资本经营预算支出功能分类预算表", "编制部门：某街道办事处|单位：元",  # a title only Shanghai prints
        *HEAD, "合计||||||",
    )
    three, spending, _ = claim.items
    assert (three.unit, spending.unit) == (MoneyUnit.WAN_YUAN, MoneyUnit.YUAN)  # never 元 for the 三公 table
    assert [i.code for i in claim.issues] == ["ingest.table_unit_missing", "ingest.table_unit_missing"]
    assert "万元" in claim.issues[0].message
