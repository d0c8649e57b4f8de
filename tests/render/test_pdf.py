"""PDF: A4 pages with page numbers, contents with page numbers, headers repeated on every page;
its tables read back by the project's PDF reader."""
from __future__ import annotations

import pytest

from render_compare import assert_same_tables, assert_same_target_funding_and_dates
from yusuan.ingest import read_disclosure
from yusuan.render.pdf import write_pdf

@pytest.fixture(scope="module")
def pdf(reference, render_dir):
    return write_pdf(reference, render_dir / "reference.pdf")


@pytest.fixture(scope="module")
def pages(pdf):
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return [(p.width, p.height, p.extract_text() or "") for p in doc.pages]


@pytest.fixture(scope="module")
def read_back(pdf):
    return read_disclosure(pdf)


def test_a4_pages_numbered_in_the_footer_and_wide_tables_landscape(pages):
    sizes = {(round(w), round(h)) for w, h, _ in pages}
    assert sizes == {(595, 842), (842, 595)}
    assert "页" not in pages[0][2]  # the cover carries no number
    assert all(f"第 {i + 1} 页" in text for i, (_, _, text) in enumerate(pages) if i)


def test_contents_print_the_page_of_each_part(pages):
    contents = pages[1][2]
    part_two = next(i for i, (_, _, t) in enumerate(pages) if i > 1 and "第二部分 2025年部门预算报表" in t)
    assert "第二部分 2025年部门预算报表" in contents
    assert any(line.startswith("第二部分") and line.rstrip().endswith(str(part_two + 1)) for line in contents.splitlines())


def test_a_table_running_over_pages_repeats_its_header_under_a_continued_label(pages):
    title = "2025年项目支出预算表（本年预算）"
    start = next(i for i, (_, _, t) in enumerate(pages) if i > 1 and title in t)  # after the contents
    assert "续表" not in pages[start][2]
    following = pages[start + 1][2]
    assert "2025年财政拨款" in following and following.count(title) == 1 and f"续表：{title}" in following
    # a page after the last table page carries no label
    assert not [t for _, _, t in pages if "续表：" in t and "绩效目标" in t.split("续表：")[1][:12]]


def test_round_trip_gives_the_same_numbers_table_by_table(reference, read_back):
    assert_same_tables(reference, read_back)


def test_narrative_and_target_forms_read_back(reference, read_back):
    assert [s.title for s in read_back.sections] == [s.title for s in reference.sections]
    assert [t.project_name for t in read_back.targets] == [t.project_name for t in reference.targets]
    assert_same_target_funding_and_dates(reference, read_back)


def test_no_row_of_a_form_continued_over_a_page_is_left_out(reference, read_back):
    """A form running over a page steps over the page number (``第 33 页``) and reads on."""
    assert not [i for i in read_back.issues if i.code in ("ingest.table_rows_in_prose", "ingest.target_unplaced_line")]
    for want, got in zip(reference.targets, read_back.targets):
        assert len(got.indicators) == len(want.indicators), want.id


def test_contents_entries_are_all_found(reference, read_back):
    """The 目录 page's own footer ``第 2 页`` is page furniture, not an entry."""
    assert not [i for i in read_back.issues if i.code == "ingest.contents_not_found"]
    titles = [e.title.replace(" ", "") for e in read_back.contents]
    assert titles[0] == "第一部分概况" and titles[-2:] == ["第四部分名词解释", "附件：项目支出绩效目标"]
    # every table is named where it stands: the thirteen under their part, the 续表 of 其他说明 there
    tables = [t.title.replace(" ", "") for t in reference.tables]
    part_two = titles.index("第二部分2025年部门预算报表")
    assert titles[part_two + 1:part_two + 14] == tables[:13]
    assert titles.index(tables[13]) == titles.index("十二、其他说明") + 1
    assert not [t for t in titles if t.startswith("第") and t.endswith("页")]
