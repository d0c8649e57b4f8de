"""Damaged inputs the fuzz campaign of issue 11 found crashing the readers, one focused case per defect.

Each file is made here at test time from a small, valid one; the crash folder itself is replayed by
tests/regressions/test_crash_folder.py.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.sources.docx import read_docx
from yusuan.sources.ooxml import open_package
from yusuan.sources.xlsx import read_xlsx


def refused(read, *args, code: str, **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        read(*args, **kwargs)
    assert caught.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    return caught.value


# -- defect 2: a compressed member whose deflate stream is broken (zlib.error) -----------------------


def with_broken_deflate(member: str) -> bytes:
    """An Office-like package whose `member` starts with an invalid deflate block type."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(member, "".join(f"<row r='{i}'><c>{i * 7919 % 10007}</c></row>" for i in range(300)))
    data = bytearray(out.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(member)
    start = info.header_offset + 30 + len(member.encode()) + len(info.extra)
    data[start] = 0x07  # BFINAL=1, BTYPE=11: "invalid block type"
    return bytes(data)


@pytest.mark.parametrize("read, member", [(read_docx, "word/document.xml"), (read_xlsx, "xl/worksheets/sheet1.xml")])
def test_member_with_a_broken_deflate_stream_is_corrupt(read, member):
    error = refused(read, Path("damaged"), data=with_broken_deflate(member), code="input.zip_corrupt")
    assert member in error.message


def test_package_check_names_the_member_it_cannot_inflate():
    error = refused(open_package, with_broken_deflate("xl/styles.xml"), "Excel(XLSX)", code="input.zip_corrupt")
    assert "xl/styles.xml" in error.message and "已损坏" in error.message
