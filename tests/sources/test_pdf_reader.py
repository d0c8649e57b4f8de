"""The PDF reader on the five Shanghai disclosures in samples/pdf/ and on tiny PDFs made here.

Expected rows were checked against the rendered pages (pdftoppm -r 80), not against the reader.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from pdf_builders import build_pdf, ruled_table, text

from yusuan.sources.detect import read_source
from yusuan.sources.pdf import PdfSettings, read_pdf
from yusuan.sources.pdf_columns import align_rows
from yusuan.sources.pdf_text import Word, join_wrapped, paragraphs, to_text_line, unradical

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pdf"
GOVOFFICE = SAMPLES / "putuo-govoffice-2025-dept-budget.pdf"
WELFARE = SAMPLES / "putuo-welfare-home-2024-unit-budget.pdf"
WANLI_2025 = SAMPLES / "putuo-wanli-2025-dept-budget.pdf"


@pytest.fixture(scope="module")
def govoffice():
    return read_source(GOVOFFICE)


@pytest.fixture(scope="module")
def welfare():
    return read_source(WELFARE)


def rows_on(doc, page):
    return [line.cells for line in doc.lines if line.page == page and line.is_row]


def texts_on(doc, page):
    return [line.cells[0] for line in doc.lines if line.page == page and len(line.cells) == 1]


@pytest.mark.parametrize("name, pages", [
    ("putuo-govoffice-2025-dept-budget.pdf", 22),
    ("putuo-govoffice-2025-unit-budget.pdf", 21),
    ("putuo-wanli-2024-dept-budget.pdf", 33),
    ("putuo-wanli-2025-dept-budget.pdf", 31),
    ("putuo-welfare-home-2024-unit-budget.pdf", 16),
])
def test_each_corpus_pdf_reads_into_numbered_lines_on_every_page(name, pages):
    doc = read_source(SAMPLES / name)
    assert (doc.format, doc.pages) == ("pdf", pages)
    assert [line.line for line in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert {line.page for line in doc.lines} == set(range(1, pages + 1))
    assert sum(line.is_row for line in doc.lines) > 100  # nine tables, read as rows
    assert not doc.lines[0].is_blank and not doc.lines[-1].is_blank
    assert all(len(line.bboxes) == len(line.cells) for line in doc.lines if line.cells)


def test_financial_summary_rows_with_spanned_header_and_amounts_as_printed(govoffice):
    rows = rows_on(govoffice, 8)
    assert rows[0] == ("编制部门：上海市普陀区人民政府办公室", "单位：元")
    assert rows[1:5] == [
        ("本年收入", "", "本年支出", ""),
        ("项目", "预算数", "项目", "预算数"),
        ("一、财政拨款收入", "91,016,775.35", "一、一般公共服务支出", "82,096,797.42"),
        ("1. 一般公共预算资金", "91,016,775.35", "二、社会保障和就业支出", "4,213,779.28"),
    ]
    assert rows[-1] == ("收入总计", "91,016,775.35", "支出总计", "91,016,775.35")
    assert "2025年部门财务收支预算总表" in texts_on(govoffice, 8)


def test_function_code_split_over_three_columns_and_wrapped_header(govoffice):
    rows = rows_on(govoffice, 9)
    assert ("功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入",
            "事业单位经营收入", "其他收入") in rows
    assert ("类", "款", "项", "", "", "", "", "", "") in rows
    assert ("208", "05", "01", "行政单位离退休", "1,554,220.00", "1,554,220.00", "", "", "") in rows
    assert ("201", "", "", "一般公共服务支出", "82,096,797.42", "82,096,797.42", "", "", "") in rows


def test_table_continuing_on_next_page_starts_there_without_a_header(govoffice):
    rows = rows_on(govoffice, 10)
    assert rows[0] == ("210", "", "", "卫生健康支出", "1,097,073.43", "1,097,073.43", "", "", "")
    assert rows[-1] == ("合计", "", "", "", "91,016,775.35", "91,016,775.35", "", "", "")
    first_on_10 = next(line for line in govoffice.lines if line.page == 10)
    assert govoffice.lines[first_on_10.line - 2].is_blank  # a blank line at the page break


def test_printed_mistake_is_kept_as_printed(welfare):
    # 支出预算总表: the 类 cell of 事业单位医疗 is printed as "7" (should be 210): read, never fixed.
    assert ("7", "11", "02", "事业单位医疗", "503,724", "503,724", "") in rows_on(welfare, 9)


def test_two_level_header_cells_sit_in_the_first_row_they_span(welfare):
    rows = rows_on(welfare, 7)
    assert rows[1:5] == [
        ("本年收入", "", "本年支出", "", "", "", ""),
        ("项目", "预算数", "项目", "预算数", "", "", ""),
        ("", "", "", "合计", "基本支出", "", "项目支出"),
        ("", "", "", "", "人员经费", "公用经费", ""),
    ]
    assert rows[-1] == ("收入总计", "12,121,164", "支出总计", "12,121,164", "7,380,214", "2,120,950", "2,620,000")


def test_invisible_cell_backgrounds_do_not_pull_the_title_into_the_table(welfare):
    assert "2024年预算单位财政拨款收支预算总表" in texts_on(welfare, 10)
    assert rows_on(welfare, 10)[0] == ("编制单位：上海市普陀区社会福利院", "单位：元")


def test_three_public_expenses_table_in_wan_yuan():
    rows = rows_on(read_pdf(WANLI_2025), 29)
    assert rows[0] == ("编制部门：上海市普陀区人民政府万里街道办事处", "单位:万元")
    assert rows[-1] == ("37.91", "0", "1.35", "36.56", "15", "21.56", "464.64")


def test_narrative_lines_join_into_paragraphs_and_contents_lines_stay_apart(govoffice):
    page21 = texts_on(govoffice, 21)
    assert ("（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元，与2024年预算持平；"
            "公务用车运行费0万元，与2024年预算持平。") in page21
    contents = texts_on(read_pdf(WANLI_2025), 2)
    assert contents[1].startswith("一、部门主要职能") and contents[2].startswith("二、部门机构设置")


@pytest.mark.parametrize("rotated", [False, True], ids=["landscape", "portrait-turned-90"])
def test_generated_ruled_table_with_span_wrap_and_empty_row(rotated):
    page = text(60, 540, "Budget 2025", 18) + ruled_table(60, 500, [40, 30, 30, 200, 100], [
        ["Code", None, None, "Name", "Total"],
        ["208", "05", "01", "Retired\nstaff", "4,411.49"],
        ["", "", "", "", ""],
        ["Sum", None, None, None, "4,411.49"],
    ], height=26)
    doc = read_pdf(Path("made.pdf"), data=build_pdf([page, text(60, 500, "Second page")], rotated=rotated))
    assert [(line.page, line.cells) for line in doc.lines] == [
        (1, ("Budget 2025",)),
        (1, ()),
        (1, ("Code", "", "", "Name", "Total")),
        (1, ("208", "05", "01", "Retired staff", "4,411.49")),
        (1, ("Sum", "", "", "", "4,411.49")),
        (1, ()),
        (2, ("Second page",)),
    ]
    assert doc.lines[3].bboxes[1] is not None and doc.lines[2].bboxes[1] is None


def test_row_broken_by_the_page_keeps_both_halves_and_the_second_says_it_was_cut():
    """Word draws no rule at the foot of page 1 nor over page 2 when a row breaks across pages
    (江苏省高院 2017: 信息网络及软件购 | 置更新). Both halves are cells; the half opening page 2 is
    marked as cut off from the row above, so recognition can join it back."""
    widths = [60, 160, 80]
    page1 = ruled_table(60, 500, widths, [["Code", "Name", "Total"], ["30227", "Software bought and", "606.00"]],
                        height=26, open_bottom=True)
    page2 = ruled_table(60, 500, widths, [["", "upgraded", ""], ["30229", "Welfare", "110.00"]],
                        height=26, open_top=3)
    doc = read_pdf(Path("made.pdf"), data=build_pdf([page1, page2]))
    assert [(line.page, line.cells, line.cut_above) for line in doc.lines if line.is_row] == [
        (1, ("Code", "Name", "Total"), False),
        (1, ("30227", "Software bought and", "606.00"), False),
        (2, ("", "upgraded", ""), True),
        (2, ("30229", "Welfare", "110.00"), False),
    ]


def test_header_cells_left_open_at_the_top_of_a_continued_table_are_read():
    """江苏省高院 2018 财政拨款收支总表, page 11: 项目名称 | 金额 of the income side stand under no rule
    (theirs is the foot of page 10), beside a ruled 支出用途. Their words used to vanish: inside the
    table's frame, in no cell."""
    page = ruled_table(60, 500, [100, 80, 100, 80], [
        ["Item", "Amount", "Use", None],
        ["Public budget", "33,172.15", "Basic", "18,570.82"],
    ], height=26, open_top=2)
    doc = read_pdf(Path("made.pdf"), data=build_pdf([page]))
    assert [line.cells for line in doc.lines if line.is_row] == [
        ("Item", "Amount", "Use", ""),
        ("Public budget", "33,172.15", "Basic", "18,570.82"),
    ]


def test_words_in_a_table_frame_but_in_no_cell_are_read_as_text():
    """A cell whose left rule is missing is no cell at all for the table finder; its words are kept
    as a line of text rather than dropped."""
    rules = b"0.5 w\n" + b"".join(b"%d %d m %d %d l S\n" % r for r in [
        (60, 500, 300, 500), (60, 474, 300, 474), (60, 448, 300, 448),  # three horizontal rules
        (60, 500, 60, 474), (160, 500, 160, 448), (300, 500, 300, 448),  # the left rule stops half-way
    ])
    page = rules + text(63, 478, "Top left", 10) + text(163, 478, "Top right", 10) \
        + text(63, 452, "Orphan", 10) + text(163, 452, "Bottom right", 10)
    doc = read_pdf(Path("made.pdf"), data=build_pdf([page]))
    assert any("Orphan" in cell for line in doc.lines for cell in line.cells)


def test_page_too_busy_for_table_finding_reads_as_aligned_rows():
    doc = read_pdf(GOVOFFICE, settings=PdfSettings(max_page_objects=1))
    assert ("收入总计", "91,016,775.35", "支出总计", "91,016,775.35") in rows_on(doc, 8)
    assert ("2. 政府性基金", "", "三、卫生健康支出", "1,097,073.43") in rows_on(doc, 8)  # empty cell kept
    assert ("201", "03", "政府办公厅（室）及相关机构事务", "82,096,797.42", "82,096,797.42") in rows_on(doc, 9)


def word(text, x0, top, size=12.0):
    return Word(text, x0, x0 + size * len(text) * 0.5, top, top + size, size)


def test_aligned_words_split_into_cells_and_neighbouring_amounts_apart():
    line = to_text_line([word("201", 60, 100), word("03", 100, 100), word("1,202.95", 200, 100),
                         word("1,202.95", 252, 100)])
    assert line.cells == ("201", "03", "1,202.95", "1,202.95")
    assert to_text_line([word("1.", 60, 100), word("2025", 76, 100)]).cells == ("1. 2025",)


def test_unruled_rows_aligned_into_columns_with_empty_cells_kept():
    rows = [[("一、财政拨款收入", 60), ("4,411.49", 200), ("一、一般公共服务支出", 300), ("1.47", 500)],
            [("二、政府性基金预算", 60), ("913.75", 210)],
            [("三、国有资本经营预算", 60), ("三、国防支出", 300)],
            [("收入总计", 60), ("4,411.49", 200), ("支出总计", 300), ("4,411.49", 480)]]
    lines = [to_text_line([word(t, x, 100 + 20 * i, 10) for t, x in row]) for i, row in enumerate(rows)]
    [grid] = align_rows([to_text_line([word("说明", 60, 60)])] + lines)[1:]
    assert [row.cells for row in grid.rows] == [
        ("一、财政拨款收入", "4,411.49", "一、一般公共服务支出", "1.47"),
        ("二、政府性基金预算", "913.75", "", ""),
        ("三、国有资本经营预算", "", "三、国防支出", ""),
        ("收入总计", "4,411.49", "支出总计", "4,411.49"),
    ]
    assert grid.rows[1].boxes[2] is None


def test_indented_line_starts_a_new_paragraph():
    lines = [to_text_line([w]) for w in (word("收" * 100, 84, 100), word("入" * 40, 60, 114),
                                         word("支" * 100, 84, 128), word("出" * 10, 60, 142))]
    assert [p.cells[0] for p in paragraphs(lines)] == ["收" * 100 + "入" * 40, "支" * 100 + "出" * 10]


def test_a_numbered_line_after_a_sentence_run_to_the_margin_starts_a_paragraph():
    # fj-qz-09bdaf86.pdf page 22: “…公务用车使用情况基本保持稳定。” runs to the margin, then the heading
    # “七、预算绩效目标情况” flush left at the usual line spacing (it was read as the paragraph's last line)
    lines = [to_text_line([w]) for w in (word("收" * 99 + "。", 60, 100), word("七、预算绩效目标情况", 60, 114),
                                         word("支" * 100, 60, 128), word("一、出" * 3, 60, 142))]
    assert [p.cells[0] for p in paragraphs(lines)] == ["收" * 99 + "。", "七、预算绩效目标情况", "支" * 100 + "一、出" * 3]


def test_radicals_are_mapped_and_full_width_text_kept():
    assert unradical("⽀出⼀般 ⻔户（室）１２") == "支出一般 门户（室）１２"
    assert join_wrapped(["事业单位", "经营收入"]) == "事业单位经营收入"
    assert join_wrapped(["Retired", "staff"]) == "Retired staff"
