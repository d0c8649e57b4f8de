"""A folder book saved by Excel or Notepad on Chinese Windows: CSV and book.yaml in GBK or UTF-16
read as the same book; a file in no known encoding is refused, naming its sheet (issue 11, defect 5)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from yusuan.author import BookError, load_book
from yusuan.author.sheets import SHEETS

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"


@pytest.fixture
def book(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "book"))


def resave(path: Path, encoding: str) -> None:
    path.write_bytes(path.read_text(encoding="utf-8-sig").encode(encoding))


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_csv_sheets_in_the_encodings_windows_writes_read_as_the_same_book(book, encoding):
    expected = load_book(SAMPLE)
    for spec in SHEETS:
        if not spec.keyvalue and (book / spec.file).is_file():
            resave(book / spec.file, encoding)
    read = load_book(book)
    assert read.department == expected.department
    assert [(ln.unit, ln.function_code, ln.amount) for ln in read.lines] == \
        [(ln.unit, ln.function_code, ln.amount) for ln in expected.lines]
    assert [t.indicators for t in read.targets] == [t.indicators for t in expected.targets]


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_book_yaml_in_gbk_or_utf16_reads(book, encoding):
    resave(book / "book.yaml", encoding)
    assert load_book(book).texts == load_book(SAMPLE).texts


def test_csv_in_no_known_encoding_is_refused_naming_its_sheet(book):
    spec = next(s for s in SHEETS if s.file == "targets.csv")
    # bytes that are neither UTF-8 (\xc3 then a line end), nor GB18030 (\x81 then a space), nor UTF-16
    (book / "targets.csv").write_bytes(b"\x81 " + "单位名称,项目名称".encode("utf-8") + b"\xc3\n")
    with pytest.raises(BookError) as caught:
        load_book(book)
    problem = str(caught.value.problems[0])
    assert spec.name in problem and "targets.csv" in problem and "编码无法识别" in problem


def test_book_yaml_that_is_a_list_is_refused_in_chinese(book):
    (book / "book.yaml").write_text("- 一\n- 二\n", encoding="utf-8")
    with pytest.raises(BookError) as caught:
        load_book(book)
    assert "book.yaml" in str(caught.value.problems[0])
