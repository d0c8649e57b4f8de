"""Hostile folder books (issue 19): a YAML alias bomb in a field and a CSV of a million rows are refused
in Chinese before they are expanded or held."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from yusuan.author import BookError, load_book
from yusuan.author import folder_book

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"
LAUGHS = "".join(f"{b}: &{b} [" + ",".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi"))


@pytest.fixture
def book(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "book"))


def problems(folder: Path) -> list[str]:
    with pytest.raises(BookError) as err:
        load_book(folder)
    return [str(p) for p in err.value.problems]


def test_alias_bomb_in_a_field_is_refused_before_it_is_expanded(book):
    """9 lines of aliases would be 9⁹ strings (the hostile b01b book: > 2 GiB in 20 s)."""
    text = (book / "book.yaml").read_text(encoding="utf-8")
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + LAUGHS
    (book / "book.yaml").write_text(bomb + text.replace("部门名称:", "内设机构: *i\n  部门名称:", 1), encoding="utf-8")
    assert any("别名" in p and "已拒绝读取" in p for p in problems(book))


def test_a_few_aliases_still_read(book):
    text = (book / "book.yaml").read_text(encoding="utf-8")
    (book / "book.yaml").write_text("x: &name 阳泉市民政局\n" + text.replace("部门名称: 阳泉市民政局", "部门名称: *name"),
                                    encoding="utf-8")
    assert load_book(book).department.name == "阳泉市民政局"


def test_csv_with_more_rows_than_a_book_has_is_refused(book, monkeypatch):
    monkeypatch.setattr(folder_book, "MAX_CSV_ROWS", 200)
    lines = (book / "lines.csv").read_text(encoding="utf-8").splitlines()
    (book / "lines.csv").write_text("\n".join([lines[0], *(lines[1:] * 2)]) + "\n", encoding="utf-8")
    assert len(lines) - 1 <= 200 < 2 * (len(lines) - 1)
    assert any("超过 200 行" in p for p in problems(book))


def test_csv_larger_than_the_bound_is_refused_unread(book, monkeypatch):
    monkeypatch.setattr(folder_book, "MAX_CSV_BYTES", 1024)
    assert any("超过上限" in p and "不像一张编制簿的表" in p for p in problems(book))
