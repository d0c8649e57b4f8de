"""Authoring: a department's budget book compiled into a complete, consistent Disclosure.

`build_disclosure(path)` reads a book (an .xlsx workbook or a folder with book.yaml and CSV
files), checks it, and compiles it; any problem raises `BookError` and nothing is produced.
`write_book_template(path)` writes the empty workbook finance staff fill in.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Disclosure
from .book import Book
from .cells import BookError, Problem, Record

__all__ = ["Book", "BookError", "Problem", "build_disclosure", "load_book", "write_book_template"]


def _read_sheets(path: Path) -> dict[str, list[Record]]:
    if path.is_dir():
        from .folder_book import read_folder

        return read_folder(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .xlsx_book import read_workbook

        return read_workbook(path)
    raise BookError([Problem(_where(path), "预算编制簿应为 .xlsx 工作簿或包含 book.yaml 的文件夹")])


def _where(path: Path):
    from .book import Where

    return Where(str(path))


def load_book(path: str | Path) -> Book:
    """Read and check a book; raises BookError with every problem found (Chinese, with places)."""
    from .parse import parse_records
    from .validate import check_book

    path = Path(path)
    if not path.exists():
        raise BookError([Problem(_where(path), "找不到预算编制簿")])
    book = parse_records(_read_sheets(path))
    problems = check_book(book)
    if problems:
        raise BookError(problems)
    return book


def build_disclosure(book_path: str | Path) -> Disclosure:
    """The disclosure compiled from a book; raises BookError (no output) for any problem."""
    from .compile import compile_book

    path = Path(book_path)
    book = load_book(path)
    return compile_book(book, path.name, _digest(path))


def _digest(path: Path) -> bytes:
    if path.is_file():
        return path.read_bytes()
    return b"".join(p.read_bytes() for p in sorted(path.iterdir()) if p.is_file())


def write_book_template(path: str | Path) -> Path:
    """Write the empty XLSX book (instructions, one sheet per part, validation lists)."""
    from .xlsx_book import write_template

    return write_template(Path(path))
