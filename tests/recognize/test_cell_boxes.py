"""Every printed amount of a PDF table keeps its cell's box on the page, and every line its box, so
a finding's place can be drawn on the page (web) or cut out (checklist); text sources have none."""
from pathlib import Path

import pytest

from yusuan.model import TableKind
from yusuan.recognize.pipeline import recognize
from yusuan.sources.detect import read_source

WANLI = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "putuo-wanli-2025-dept-budget.pdf"


@pytest.fixture(scope="module")
def wanli():
    return recognize(read_source(WANLI))


def test_each_amount_of_a_pdf_table_has_its_cell_box_inside_its_row(wanli):
    t = wanli.table(TableKind.INCOME_SUMMARY)
    values = [v for r in t.rows for v in r.values if v.amount is not None]
    assert values and all(v.provenance.bbox for v in values)
    for r in t.rows:
        x0, top, x1, bottom = r.provenance.bbox
        boxes = [v.provenance.bbox for v in r.values if v.amount is not None]
        assert all(x0 <= b[0] < b[2] <= x1 and top <= b[1] < b[3] <= bottom for b in boxes), r.label
        assert len({b[0] for b in boxes}) == len(boxes), "cells of one row stand side by side"
    total = t.total_row()
    assert total.value("total").provenance.bbox[0] < total.value("fiscal").provenance.bbox[0]


def test_narrative_lines_have_boxes_on_their_page(wanli):
    paragraphs = [p for s in wanli.sections for p in s.paragraphs]
    assert paragraphs and all(p.provenance.bbox and p.provenance.page for p in paragraphs)


def test_text_sources_have_no_boxes(reference):
    assert all(v.provenance.bbox is None for t in reference.tables for r in t.rows for v in r.values)
