"""One page, one reading, whichever program made the PDF (issue 17).

The same disclosure re-made by pdftocairo, and the bundled budget book printed by Chromium, read back
like their originals. Both files are made here at test time (pdftocairo ≈1 s, Chromium ≈8 s); the
tests skip only where the program is not installed (CI installs both: .ci/apt-packages).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from yusuan.sources.pdf import read_pdf
from yusuan.sources.pdf_open_ends import close_open_ends
from yusuan.sources.pdf_pdfium import View, page_edges

ROOT = Path(__file__).resolve().parents[2]
NPC_2018 = ROOT / "samples" / "jiangsu" / "js-npc-office-2018-dept-budget-full-f113bb.pdf"
CITIES = ROOT / "samples" / "cities"
YANGQUAN_BOOK = ROOT / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"


def lines_of(path: Path) -> list[tuple]:
    return [(line.page, line.cells) for line in read_pdf(path).lines]


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="pdftocairo (poppler-utils) not installed")
def test_the_jiangsu_disclosure_re_made_by_pdftocairo_reads_line_for_line_like_the_original(tmp_path):
    # pdftocairo strokes the outline of fake-bold text as paths (read as tiny tables before) and
    # drops the rule the original hides under its clip (the 金额 column of 公开08表 was lost)
    remade = tmp_path / "cairo.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(NPC_2018), str(remade)], check=True, timeout=60)
    original = lines_of(NPC_2018)
    assert lines_of(remade) == original
    assert (14, ("30101", "基本工资", "1,186.73")) in original


def page_lines(path: Path, page: int | None = None) -> list[tuple]:
    """One page's lines (all of a one-page file's), without the blank lines around them."""
    lines = [line.cells for line in read_pdf(path).lines if page is None or line.page == page]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def remade_page(path: Path, page: int, out: Path) -> Path:
    subprocess.run(["pdftocairo", "-pdf", "-f", str(page), "-l", str(page), str(path), str(out)], check=True, timeout=60)
    return out


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="pdftocairo (poppler-utils) not installed")
@pytest.mark.parametrize("name, page, title", [
    ("gd-gz-31f741e2.pdf", 11, "一般公共预算支出情况表（按功能分类科目）"),
    ("fj-qz-09bdaf86.pdf", 10, "三、支出预算总表"),
    ("sh-c9ea3a0d.pdf", 1, "上海市2026年市级单位预算"),  # a cover's title, set in 36 pt
])
def test_fake_bold_titles_stroked_as_one_path_of_glyphs_are_not_table_rules(tmp_path, name, page, title):
    # pdftocairo strokes a bold title's outlines as ONE path across the line (广州), or a glyph's with
    # a stray move far below it (泉州): the object's box is wide or tall, each glyph's is small. Read
    # as rules they made a table of the title (("", "共", "", "预", …)) and a column of its header
    original = page_lines(CITIES / name, page)
    assert (title,) in original
    assert page_lines(remade_page(CITIES / name, page, tmp_path / "page.pdf")) == original


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="pdftocairo (poppler-utils) not installed")
def test_a_space_glyph_the_text_layer_maps_to_a_control_character_is_not_printed_text(tmp_path):
    # the 目录 page's title font has no ToUnicode: pdftocairo writes one mapping its glyphs beside the
    # space to DEL (U+007F), which was read as text ("目\x7f \x7f 录": no 目录 heading)
    name = CITIES / "fj-qz-09bdaf86.pdf"
    assert ("目 录",) in page_lines(name, 2)
    assert ("目 录",) in page_lines(remade_page(name, 2, tmp_path / "page.pdf"))


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="pdftocairo (poppler-utils) not installed")
def test_a_space_the_text_layer_puts_before_a_decimal_point_is_not_in_the_amount(tmp_path):
    # the original kerns "25180591" and ".33" apart (PDFium generates a space there, left out); pdftocairo's
    # text layer holds a real one: the 收支总表's total read "25180591 .33", not an amount
    page = ROOT / "samples" / "producers" / "sn-xa-81d0a923-page24.pdf"
    original = page_lines(page)
    assert ("1", "一、部门预算", "25180591.33", "一、部门预算", "25180591.33", "一、部门预算", "25180591.33",
            "一、部门预算", "25180591.33") in original
    assert page_lines(remade_page(page, 1, tmp_path / "page.pdf")) == original


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="pdftocairo (poppler-utils) not installed")
def test_a_drawn_soft_hyphen_reads_as_the_hyphen_it_prints(tmp_path):
    # pdftocairo's text layer maps the page number's hyphens ("- 10-") to U+00AD, an invisible character
    page = ROOT / "samples" / "producers" / "sn-xa-1d514d70-page10.pdf"
    original = page_lines(page)
    assert original[-1] == ("- 10-",)
    assert page_lines(remade_page(page, 1, tmp_path / "page.pdf")) == original


def test_a_rule_outside_its_clip_path_is_not_a_rule():
    # 公开08表 (page 14): the table's right rule lies just outside the spreadsheet's print area
    doc = pdfium.PdfDocument(NPC_2018)
    try:
        page = doc[13]
        edges = page_edges(page, View.of(page), 50_000)
    finally:
        doc.close()
    vertical = sorted({round(e["x0"]) for e in edges if e["orientation"] == "v"})
    assert vertical == [79, 236, 392]
    assert max(e["x1"] for e in edges if e["orientation"] == "h") < 548


def h(x0, x1, y):
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def v(x, top, bottom):
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def added_sides(edges):
    closed, _ = close_open_ends(edges)
    return sorted((e["x0"], e["top"], e["bottom"]) for e in closed[len(edges):] if e["orientation"] == "v")


def test_rows_whose_rules_end_open_at_one_side_are_closed_there_and_only_there():
    rows = [h(10, 300, y) for y in (0, 20, 40)]
    assert added_sides(rows + [v(10, 0, 40), v(100, 0, 40)]) == [(300, 0, 20), (300, 20, 40)]
    # a frame drawn a little outside the table's own rules, a title's underline and a footer's
    frame = [h(5, 305, 0), h(5, 305, 60)] + [h(10, 300, y) for y in (20, 40)]
    assert added_sides(frame + [v(10, 0, 60), v(100, 0, 60), v(300, 0, 60)]) == []
    assert added_sides([h(10, 300, 0), h(10, 300, 500)]) == []


@pytest.fixture(scope="module")
def printed_book(tmp_path_factory):
    """The bundled budget book, written as HTML by yusuan and printed to PDF by headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium not installed")
    from yusuan.author import build_disclosure
    from yusuan.render import render

    out = tmp_path_factory.mktemp("chromium")
    book = build_disclosure(YANGQUAN_BOOK)
    html = next(p for p in render(book, ["html"], out) if Path(p).suffix == ".html")
    pdf = out / "book.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    Path(html).resolve().as_uri()], check=True, timeout=120, capture_output=True)
    return book, read_pdf(pdf)


def test_chromium_print_reads_characters_in_printed_order_not_stream_order(printed_book):
    # Chromium writes 一 (shared with the radical ⼀) through /ActualText: PDFium gives it the ink's
    # hairline box, which sorted it below its line (、般公共预算一 一)
    _, raw = printed_book
    rows = [line.cells for line in raw.lines if line.page == 3 and line.is_row]
    assert ("一、一般公共预算", "3008.67", "一、一般公共服务支出", "1.47", "1.47", "") in rows
    text = "".join(c for line in raw.lines for c in line.cells)
    assert "、般" not in text and "一 一" not in text


def test_chromium_print_joins_wrapped_paragraphs_and_audits_like_the_book(printed_book):
    from yusuan.audit.runner import audit
    from yusuan.recognize.pipeline import recognize

    book, raw = printed_book
    # a comma whose ink runs below the font's descent no longer makes its line look bigger type
    assert any(line.cells[0].startswith("阳泉市民政局设置6个内设机构") and line.cells[0].endswith("阳泉市民政事务中心。")
               for line in raw.lines if len(line.cells) == 1)
    assert len(audit(recognize(raw)).errors) == 0 == len(audit(book).errors)
