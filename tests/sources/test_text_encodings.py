"""Text disclosures in UTF-16 (as Notepad's "Unicode" saves them): the byte-order mark or the
encoding the user names is honoured before any binary check (issue 11, defect 16)."""
from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.sources.detect import read_source
from yusuan.sources.text import read_text

TEXT = "2025年部门收支预算总表\n项目\t预算数\n收入总计\t4,411.49\n"
CELLS = [("2025年部门收支预算总表",), ("项目", "预算数"), ("收入总计", "4,411.49")]


def cells(raw) -> list[tuple[str, ...]]:
    return [line.cells for line in raw.lines]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_in_a_unicode_encoding_reads_without_being_told(encoding):
    data = TEXT.encode(encoding)
    assert cells(read_text(Path("u.txt"), data=data)) == CELLS


@pytest.mark.parametrize("given", ["utf-16-le", "UTF-16LE"])
def test_named_utf16_encoding_is_honoured_before_the_binary_check(tmp_path, given):
    path = tmp_path / "u.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))  # no byte-order mark: zero bytes everywhere
    assert cells(read_source(path, encoding=given)) == CELLS


def test_reference_in_utf16_reads_like_the_utf8_one(reference_path, reference_raw):
    raw = read_text(reference_path, data=reference_path.read_text(encoding="utf-8").encode("utf-16"))
    assert cells(raw) == cells(reference_raw)


def test_binary_file_is_still_binary_under_a_named_encoding():
    with pytest.raises(InputError) as caught:
        read_text(Path("b.txt"), data=bytes(range(256)) * 8, encoding="latin-1")
    assert caught.value.code == "input.binary" and "二进制" in caught.value.message


def test_utf16_mark_with_an_odd_tail_is_an_encoding_error_in_chinese():
    with pytest.raises(InputError) as caught:
        read_text(Path("b.txt"), data=TEXT.encode("utf-16") + b"\x00\xd8")  # ends on a lone surrogate
    assert caught.value.code == "input.encoding" and "UTF-16" in caught.value.message


def test_utf8_file_cut_inside_its_last_character_reads_without_it_and_says_so():
    """Cut after two bytes of "元", the bytes also decode as GB18030: no --encoding gbk advice."""
    from pathlib import Path

    from yusuan.sources.text import read_text

    data = b"Total\t100\t" + "元".encode()[:2]
    data.decode("gb18030")  # what made the reader advise --encoding gbk
    raw = read_text(Path("cut.txt"), data=data)
    assert raw.lines[-1].cells == ("Total", "100", "")
    assert [n.code for n in raw.notes] == ["read.truncated"] and "e5" in raw.notes[0].message
