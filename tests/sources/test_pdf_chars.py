"""The page's characters taken in bulk (sources/pdf_chars.py, issue 20) are the ones PDFium gives one
by one, and the page check made from them is the one made before from pypdfium2's page text.

The bulk text (one FPDFText_GetText call) is used only where it lines up with the characters; a page
of a damaged file where it does not (tests/regressions/crashes/p0274: a fuzzed object number, page 4
has 420 characters and 380 units of text) is read character by character, as before.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from yusuan.sources.pdf_chars import has_text, page_codes

ROOT = Path(__file__).resolve().parents[2]
PUTUO = ROOT / "samples" / "pdf" / "putuo-welfare-home-2024-unit-budget.pdf"
DAMAGED = ROOT / "tests" / "regressions" / "crashes" / "p0274_objnum_putuo-govoff.pdf"


def one_by_one(textpage) -> list[int]:
    return [pdfium_c.FPDFText_GetUnicode(textpage.raw, i) for i in range(textpage.count_chars())]


def pages(path: Path):
    """Each page's text page (pages PDFium cannot load are passed over: the reader reports them)."""
    doc = pdfium.PdfDocument(path)
    try:
        for index in range(len(doc)):
            try:
                textpage = doc[index].get_textpage()
            except pdfium.PdfiumError:
                continue
            yield textpage
            textpage.close()
    finally:
        doc.close()


def test_the_bulk_codes_are_pdfiums_character_by_character_on_every_page():
    for textpage in pages(PUTUO):
        codes, whole = page_codes(textpage)
        assert whole
        assert codes == one_by_one(textpage)


@pytest.mark.skipif(not DAMAGED.exists(), reason="regression input not present")
def test_a_page_whose_text_does_not_line_up_is_read_character_by_character():
    doc = pdfium.PdfDocument(DAMAGED)
    try:
        textpage = doc[3].get_textpage()
        codes, whole = page_codes(textpage)
        assert not whole
        assert codes == one_by_one(textpage)
        assert len(codes) > len(textpage.get_text_range())
    finally:
        doc.close()


def test_which_pages_carry_text_is_decided_as_from_pypdfium2s_page_text():
    for path in (PUTUO, DAMAGED):
        for textpage in pages(path):
            expected = len(textpage.get_text_range().strip()) >= 5
            assert has_text(textpage, page_codes(textpage), 5) == expected


def test_a_page_of_four_characters_carries_no_text():
    class FourLetters:  # stands for a text page whose text is four letters (a page number, a stray mark)
        def get_text_range(self):
            return " 12 3 "

    assert not has_text(FourLetters(), ([0x31, 0x32, 0x20, 0x33], True), 5)
