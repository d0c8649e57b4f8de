"""Budget books the fuzz run of issue 11 broke: each is now a book problem in Chinese, never a crash."""
from __future__ import annotations

import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.author import BookError, load_book
from yusuan.author.cells import to_money
from yusuan.errors import InputError

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples"


@pytest.mark.parametrize("typed", ["9" * 400, "1e308", "-1E+20", 1e300])
def test_an_absurdly_large_amount_is_a_problem_not_a_crash(typed):
    with pytest.raises(ValueError, match="过大"):
        to_money(typed)
    assert to_money("999999999999999.99") == Decimal("999999999999999.99")  # the largest accepted


def test_a_huge_amount_in_a_folder_book_names_its_cell(tmp_path):
    book = Path(shutil.copytree(SAMPLES / "yangquan-2025", tmp_path / "book"))
    lines = (book / "income.csv").read_text(encoding="utf-8").splitlines()
    head, first = lines[0].split(","), lines[1].split(",")
    first[head.index("金额（元）")] = "9" * 400
    (book / "income.csv").write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(BookError) as caught:
        load_book(book)
    assert any("过大" in str(p) and "金额（元）" in str(p) for p in caught.value.problems)


def rezip(data: bytes, change) -> bytes:
    """The package with `change(name, content)` applied to every member."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, change(info.filename, source.read(info)))
    return out.getvalue()


def test_a_workbook_sheet_with_a_damaged_cell_reference_is_refused_naming_the_sheet(tmp_path):
    def damage(name: str, xml: bytes) -> bytes:  # every sheet's cell A2 given the row number 2.5
        return xml.replace(b'<c r="A2"', b'<c r="A2.5"', 1) if "worksheets/" in name else xml

    path = tmp_path / "book.xlsx"
    path.write_bytes(rezip((SAMPLES / "yangquan-2025.xlsx").read_bytes(), damage))
    with pytest.raises(BookError) as caught:
        load_book(path)
    assert "工作表已损坏" in str(caught.value.problems[0])


def test_a_workbook_with_a_broken_member_is_a_corrupt_file(tmp_path):
    data = bytearray((SAMPLES / "yangquan-2025.xlsx").read_bytes())
    info = max(zipfile.ZipFile(io.BytesIO(bytes(data))).infolist(), key=lambda i: i.compress_size)
    data[info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)] = 0x07  # invalid deflate block
    path = tmp_path / "book.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        load_book(path)
    assert caught.value.code == "input.zip_corrupt" and "已损坏" in caught.value.message


def test_a_workbook_sheet_reaching_row_a_million_is_refused_without_reading_every_row(tmp_path):
    def damage(name: str, xml: bytes) -> bytes:
        far = b'<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        return xml.replace(b"</sheetData>", far, 1) if name == "xl/worksheets/sheet2.xml" else xml

    path = tmp_path / "book.xlsx"
    path.write_bytes(rezip((SAMPLES / "yangquan-2025.xlsx").read_bytes(), damage))
    with pytest.raises(BookError) as caught:
        load_book(path)
    assert "超过 20000 行" in str(caught.value.problems[0])


def test_ordinals_beyond_ninety_nine_do_not_fail():
    from yusuan.author.text import ordinal

    assert (ordinal(12), ordinal(99), ordinal(100), ordinal(250)) == ("十二", "九十九", "100", "250")
