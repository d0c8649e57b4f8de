"""Hostile PDFs (issues 17, 19): a page whose content inflates past any reasonable size is reported and
left unloaded; page geometry that PDFium repairs (rotation, inverted or empty boxes) reads as shown."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from pdf_builders import _serialise, text

from yusuan.sources.pdf import PdfSettings, read_pdf
from yusuan.sources.pdf_contents import oversized_pages


def pages_pdf(streams: list[bytes], *, flate: tuple[bool, ...] = (), boxes: tuple[bytes, ...] = ()) -> bytes:
    """One page per stream (Helvetica /F1); flate[i]: store stream i deflated; boxes[i]: its MediaBox and
    any other page keys (default A4 landscape)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for i, stream in enumerate(streams):
        packed = zlib.compress(stream, 9) if i < len(flate) and flate[i] else stream
        keys = b" /Filter /FlateDecode" if i < len(flate) and flate[i] else b""
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(packed), keys, packed))
        box = boxes[i] if i < len(boxes) else b"/MediaBox [0 0 842 595]"
        objects.append(b"<< /Type /Page /Parent 2 0 R %s /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (box, len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return _serialise(objects)


def inflating_page(size: int) -> bytes:
    """Page content of `size` bytes that deflates to almost nothing (a comment line of spaces)."""
    return text(72, 500, "Inflating page") + b"%" + b" " * size + b"\n"


def test_page_whose_content_inflates_past_the_bound_is_reported_and_not_loaded():
    data = pages_pdf([inflating_page(3 << 20), text(72, 500, "Second page of text")], flate=(True, False))
    assert len(data) < 20_000
    raw = read_pdf(Path("bomb.pdf"), data=data, settings=PdfSettings(max_page_content=1 << 20))
    assert [(line.page, line.cells) for line in raw.lines if line.cells] == [(2, ("Second page of text",))]
    assert [(n.code, n.page) for n in raw.notes] == [("read.page_too_large", 1)]
    assert "解压后超过上限 1 MB" in raw.notes[0].message


def test_content_size_is_counted_through_nested_deflate_layers_and_stops_early():
    stream = zlib.compress(zlib.compress(b" " * (8 << 20)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 3 0 R >>"]
    found = oversized_pages(_serialise(objects), limit=1 << 20)
    assert list(found) == [1] and found[1] <= (1 << 20) + (1 << 20)


def test_pdf_whose_only_page_is_too_large_is_refused_in_chinese():
    from yusuan.errors import InputError

    data = pages_pdf([inflating_page(3 << 20)], flate=(True,))
    try:
        read_pdf(Path("bomb.pdf"), data=data, settings=PdfSettings(max_page_content=1 << 20))
    except InputError as exc:
        assert exc.code == "input.pdf_page_too_large" and "压缩炸弹" in exc.message and exc.exit_code == 2
    else:
        raise AssertionError("refused expected")


# -- page geometry the file gets wrong, as PDFium repairs it (p05, p06, p13) -------------------------

TITLE, ROW = text(72, 500, "Income summary of the department"), text(72, 470, "Total 1,234.56")


def lines_of(data: bytes) -> list[tuple[str, ...]]:
    return [line.cells for line in read_pdf(Path("geometry.pdf"), data=data).lines if line.cells]


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_rotate_added_to_an_upright_page_is_undone_so_the_text_reads(turn):
    """The hostile p05 turns upright pages by /Rotate 90/180/270 (180 alone was refused)."""
    upright = lines_of(pages_pdf([TITLE + ROW]))
    assert lines_of(pages_pdf([TITLE + ROW], boxes=(b"/MediaBox [0 0 842 595] /Rotate %d" % turn,))) == upright


def test_landscape_page_stored_turned_still_reads_by_its_rotate():
    from pdf_builders import build_pdf

    assert lines_of(build_pdf([TITLE + ROW], rotated=True)) == lines_of(pages_pdf([TITLE + ROW]))


@pytest.mark.parametrize("box", [b"/MediaBox [842 595 0 0]", b"/MediaBox [0 0 0 0]"])
def test_inverted_or_empty_media_box_reads_like_the_plain_page(box):
    """PDFium takes an inverted box as the same rectangle and an empty one as Letter (p06); text past
    Letter's 612 points of a page that gave no box is not taken for text off the page."""
    far = text(640, 440, "Far right")
    raw = read_pdf(Path("box.pdf"), data=pages_pdf([TITLE + ROW + far], boxes=(box,)))
    assert [line.cells for line in raw.lines if line.cells] == lines_of(pages_pdf([TITLE + ROW + far]))
    assert raw.notes == ()


def test_junk_before_the_pdf_header_is_still_a_pdf():
    from yusuan.sources.detect import read_source

    """As the hostile p13: 900 bytes of junk before %PDF, and junk after %%EOF (no end marker last)."""
    pdf = pages_pdf([TITLE + ROW])
    data = b"\0" * 900 + pdf + bytes(range(256)) * 16
    assert [line.cells for line in read_source(Path("junk.pdf"), data=data).lines if line.cells] == lines_of(pdf)


def test_text_quoting_a_pdf_header_is_still_text():
    from yusuan.sources.detect import sniff

    assert sniff("收入总表说明：附件格式为 %PDF-1.4。\n".encode()) == "txt"
