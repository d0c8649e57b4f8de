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


def test_a_blank_page_is_called_blank_not_scanned():
    """A page with neither text nor image (a leftover empty page after the 目录, reviewers ask to delete
    it) is reported as blank; a page painting an image stays 'scanned'."""
    data = build_pdf([text(72, 500, "Budget 2025 income and expenditure summary"), b"0 0 m 100 0 l S\n",
                      image_page()], image=True)
    raw = read_pdf(Path("blank.pdf"), data=data)
    assert [(n.code, n.page) for n in raw.notes] == [("read.blank_page", 2), ("read.page_without_text", 3)]
    assert "空白页" in raw.notes[0].message and "扫描" not in raw.notes[0].message


def test_a_blank_page_is_a_page_too_many_not_a_scan():
    data = build_pdf([text(72, 500, "Budget 2025 contents"), b"", text(72, 500, "Budget 2025 duties")])
    raw = read_pdf(Path("blank.pdf"), data=data)
    assert [(n.code, n.page) for n in raw.notes] == [("read.blank_page", 2)]


def test_text_drawn_off_the_page_is_reported_once_per_page():
    # A4 landscape is 595 points high: a baseline at 700 is above the top edge
    data = build_pdf([text(72, 500, "Budget 2025 duties") + text(72, 700, "cut off one") + text(72, 650, "cut off two")])
    raw = read_pdf(Path("off.pdf"), data=data)
    (note,) = raw.notes
    # drawn wholly above the top edge: never printed, so left out of the text and named in the note
    assert (note.code, note.page) == ("read.cell_text_off_page", 1) and "画在页面之外" in note.message  # no sentence: labels
    assert "cut off one" not in " ".join(ln.text for ln in raw.lines)


def test_putuo_justice_blank_page_and_duties_run_off_the_page():
    """The duties text box is cut by its clip at page 4's foot ((八) shows a sliver, (九) (十) nothing)
    and drawn again whole on page 5, clipped to show (八)–(十) only: each duty is read once, where it
    prints, and both pages say what their clip hides."""
    pdf = Path(__file__).resolve().parents[2] / "samples" / "checklists" / "putuo-justice-2026-dept-budget.pdf"
    raw = read_pdf(pdf)
    assert [(n.code, n.page) for n in raw.notes] == [
        ("read.blank_page", 3), ("read.text_clipped", 4), ("read.text_off_page", 5), ("read.text_clipped", 5)]
    duties = [(ln.page, ln.cells[0][:3]) for ln in raw.lines if ln.page in (4, 5) and ln.cells
              and ln.cells[0].startswith("（")]
    assert duties == [(4, "（一）"), (4, "（二）"), (4, "（三）"), (4, "（四）"), (4, "（五）"), (4, "（六）"),
                      (4, "（七）"), (5, "（八）"), (5, "（九）"), (5, "（十）")]
    assert "被裁剪区域遮住（如“（八）负责本系统警车管理工作" in raw.notes[1].message


def test_blanks_hidden_by_a_clip_hide_nothing():
    """西安 生态环境局 2022 p.51 clips 17 full-width spaces of a cell: nothing a reader misses, no note;
    a clipped header (西安 气象局 2022 p.29: “部门预算支出经济科目” cut by its cell) is one."""
    from yusuan.sources.pdf_notes import clipped_notes

    notes = clipped_notes({51: "　" * 17, 29: "部门编码政府预目编码 "})
    assert [(n.code, n.page) for n in notes] == [("read.cell_text_clipped", 29)] and "有 10 个字" in notes[0].message


def test_a_paragraph_cut_is_a_fact_a_tables_labels_cut_a_reading_note():
    """普陀 司法局 p.4 clips its duties (reviewers: 部分文字未正常显示) — the printed page's own fault; 西安
    应急管理局 2019 p.35's merged 年度绩效指标 cell spans two pages, its label drawn off both: a table's
    label, said as a reading note (read.cell_text_off_page)."""
    from yusuan.audit.runner import PRINTED_PAGE_FACTS
    from yusuan.sources.pdf_notes import clipped_notes, off_page_notes

    (duties,) = clipped_notes({4: "（八）负责本系统警车管理工作。按规定权限负责本系统国有资产"})
    (label,) = off_page_notes((), {35: (842.0, 595.0)}, {35: "年度绩效指标"})
    assert duties.code in PRINTED_PAGE_FACTS and label.code == "read.cell_text_off_page" not in PRINTED_PAGE_FACTS


def test_a_hidden_copy_of_printed_text_hides_nothing():
    """重庆 规划局 2026 p.18 prints 227,955.11 and holds a clipped second “11”: nothing is missing."""
    from yusuan.sources.pdf_notes import clipped_notes
    from yusuan.sources.raw import RawLine

    printed = (RawLine(cells=("(一)一般公共预算资金", "227,955.11"), page=18, line=1),)
    assert clipped_notes({18: "11"}, printed) == []
    assert [n.page for n in clipped_notes({18: "（八）负责本系统警车管理工作"}, printed)] == [18]
