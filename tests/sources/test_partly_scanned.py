"""A PDF with some scanned pages: the text pages are read, each scanned page is reported."""
from pathlib import Path

from pdf_builders import build_pdf, image_page, text

from yusuan.recognize.pipeline import recognize
from yusuan.sources.pdf import read_pdf


def test_pages_without_text_become_read_notes():
    data = build_pdf([text(72, 500, "Budget 2025 income and expenditure summary"), image_page()], image=True)
    raw = read_pdf(Path("mixed.pdf"), data=data)
    assert [(n.code, n.page) for n in raw.notes] == [("read.page_without_text", 2)]
    assert "OCR" in raw.notes[0].message


def test_read_notes_reach_the_disclosure_as_ingest_issues(reference_raw):
    from dataclasses import replace

    from yusuan.sources.raw import ReadNote

    raw = replace(reference_raw, notes=(ReadNote("read.page_without_text", "第 3 页没有文字层", 3),))
    issues = [i for i in recognize(raw).issues if i.code == "read.page_without_text"]
    assert len(issues) == 1 and issues[0].provenance.page == 3 and issues[0].severity == "warning"
