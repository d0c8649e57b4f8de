"""DOCX: the whole publication, its tables read back by the project's DOCX reader unchanged."""
from __future__ import annotations

import pytest

from render_compare import assert_same_tables, assert_same_target_funding_and_dates
from yusuan.ingest import read_disclosure
from yusuan.render.docx import write_docx


@pytest.fixture(scope="module")
def document(reference, render_dir):
    return write_docx(reference, render_dir / "reference.docx")


@pytest.fixture(scope="module")
def read_back(document):
    return read_disclosure(document)


def test_round_trip_gives_the_same_numbers_table_by_table(reference, read_back):
    assert_same_tables(reference, read_back)


def test_narrative_targets_and_glossary_read_back(reference, read_back):
    assert [s.title for s in read_back.sections] == [s.title for s in reference.sections]
    assert [t.project_name for t in read_back.targets] == [t.project_name for t in reference.targets]
    assert [g.term for g in read_back.glossary] == [g.term for g in reference.glossary]
    assert not [i for i in read_back.issues if i.code in ("ingest.unplaced_line", "ingest.contents_not_found")]


def test_target_funding_and_filling_date_read_back(reference, read_back):
    """pt14's 财政拨款 … 债券(债务) lines and every form's 填报日期 survive the round trip."""
    assert_same_target_funding_and_dates(reference, read_back)


def test_headers_repeat_on_each_page_and_the_three_public_chart_is_placed(document):
    import docx

    doc = docx.Document(str(document))
    first = doc.tables[1]  # 收入总表
    assert first.rows[0]._tr.trPr is not None and first.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    assert first.cell(0, 0).text == "项目" and first.cell(1, 1).text == "科目名称"
    assert len(doc.inline_shapes) == 1  # the text names one figure: 三公经费分布图
    landscape = [s for s in doc.sections if s.orientation == 1]
    assert landscape, "wide tables print in landscape sections"


def test_no_table_row_breaks_over_a_page(document):
    """Word and Writer split a tall row by default: the rest of its name, alone at the top of the next
    page, reads as a row of its own (LibreOffice Writer's PDF of the built book had seven such rows)."""
    import docx

    doc = docx.Document(str(document))
    for table in doc.tables:
        for row in table.rows:
            assert row._tr.trPr is not None and "cantSplit" in row._tr.trPr.xml


def test_a4_like_the_pdf_and_contents_name_every_table_and_the_appendix(reference, document, read_back):
    import docx
    from docx.shared import Mm

    doc = docx.Document(str(document))
    for section in doc.sections:  # portrait A4, or the same page turned for a wide table
        assert {round(section.page_width / Mm(1)), round(section.page_height / Mm(1))} == {210, 297}
    assert round(doc.sections[0].page_width / Mm(1)) == 210 and round(doc.sections[0].left_margin / Mm(1)) == 15
    listed = [e.title.replace(" ", "") for e in read_back.contents]
    assert all(t.title.replace(" ", "") in listed for t in reference.tables)
    assert listed[-1] == "附件：项目支出绩效目标"
