"""Pages drawn to PNG for the reviewer: whole page, boxed finding, cropped region, bad requests."""
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.sources.page_image import render_page

PDF = Path(__file__).parents[2] / "samples" / "pdf" / "putuo-wanli-2025-dept-budget.pdf"


def test_whole_page_is_a_png_of_the_page_size():
    image = render_page(PDF.read_bytes(), 1, scale=1.0)
    assert image.png.startswith(b"\x89PNG") and image.pages == 31
    assert 500 < max(image.width, image.height) < 900  # an A4 page is 595 x 842 points


def test_crop_keeps_the_region_and_marks_the_box_in_red():
    from io import BytesIO

    from PIL import Image

    box = (100.0, 200.0, 200.0, 220.0)
    image = render_page(PDF.read_bytes(), 3, scale=2.0, boxes=(box,), crop=box, margin=10)
    assert (image.width, image.height) == (240, 80)
    pixels = Image.open(BytesIO(image.png)).convert("RGB")
    assert pixels.getpixel((20 - 3, 40)) == (220, 0, 0)  # the left edge of the box


@pytest.mark.parametrize("page", [0, 32])
def test_page_out_of_range_is_a_chinese_error(page):
    with pytest.raises(InputError, match="超出范围"):
        render_page(PDF.read_bytes(), page)


def test_not_a_pdf_is_a_chinese_error():
    with pytest.raises(InputError, match="损坏"):
        render_page(b"%PDF-1.4 garbage", 1)


def huge_page_pdf() -> bytes:
    """One 14,400-point square page (the largest PDF allows) with a line of text near its top left."""
    from pdf_builders import text
    from test_hostile_pdf import pages_pdf

    return pages_pdf([text(72, 14300, "Top left of a huge page")], boxes=(b"/MediaBox [0 0 14400 14400]",))


def test_huge_page_is_drawn_no_larger_than_the_bound_whatever_the_scale():
    from yusuan.sources.page_image import MAX_SIDE

    image = render_page(huge_page_pdf(), 1, scale=3.0)
    assert image.width == image.height == MAX_SIDE


def test_page_far_past_the_pdf_size_limit_is_still_drawn_within_the_bound():
    """A MediaBox of 10⁹ points (found by bench/fuzz_readers.py, pdf:huge_media_box:2): PDFium takes it,
    and a lowest scale of 1/1000 would have asked for a bitmap of 10⁶ pixels a side (MemoryError)."""
    from pdf_builders import text
    from test_hostile_pdf import pages_pdf

    from yusuan.sources.page_image import MAX_SIDE

    data = pages_pdf([text(72, 500, "A page of a billion points")], boxes=(b"/MediaBox [0 0 1000000000 842]",))
    image = render_page(data, 1, scale=3.0)
    assert image.width == MAX_SIDE and 1 <= image.height <= MAX_SIDE


def test_region_of_a_huge_page_is_drawn_alone_at_full_scale():
    box = (72.0, 90.0, 272.0, 104.0)  # the text line, 100 points below the top
    image = render_page(huge_page_pdf(), 1, scale=2.0, boxes=(box,), crop=box, margin=10)
    assert (image.width, image.height) == (440, 68)


def test_page_whose_content_inflates_past_the_bound_is_not_drawn():
    from test_hostile_pdf import inflating_page, pages_pdf

    from yusuan.sources import pdf_contents

    data = pages_pdf([inflating_page(3 << 20)], flate=(True,))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdf_contents, "MAX_PAGE_CONTENT", 1 << 20)
        mp.setattr(pdf_contents.oversized_pages, "__defaults__", (1 << 20, None))
        with pytest.raises(InputError, match="压缩炸弹"):
            render_page(data, 1)
