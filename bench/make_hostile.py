"""The hostile inputs of issue 19 that need no file (hostile README "Also measured"), made on demand:

  python bench/make_hostile.py DIR   →  DIR/rows_1048576.xlsx  (one sheet, 1,048,576 rows of data)
                                        DIR/book_1e6_rows/      (the bundled book, lines.csv at 10⁶ rows)
Then: bench/bench_hostile.sh DIR  (its "extra" runs pick them up).
"""
from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def rows_xlsx(path: Path, rows: int = 1_048_576) -> None:
    """An openpyxl workbook whose one sheet is rewritten to hold `rows` rows (streamed, never held)."""
    import io

    from openpyxl import Workbook

    book, plain = Workbook(), io.BytesIO()
    book.active.title = "表1"
    book.save(plain)
    source = zipfile.ZipFile(plain)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info, source.read(info))
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(f"<worksheet {_NS}><dimension ref=\"A1:A{rows}\"/><sheetData>".encode())
            for r in range(1, rows + 1):
                f.write(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'.encode())
            f.write(b"</sheetData></worksheet>")


def big_book(folder: Path, rows: int = 1_000_000) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(SAMPLE, folder)
    lines = (folder / "lines.csv").read_text(encoding="utf-8").splitlines()
    with (folder / "lines.csv").open("w", encoding="utf-8") as f:
        f.write(lines[0] + "\n")
        for i in range(rows):
            f.write(lines[1 + i % (len(lines) - 1)] + "\n")


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rows_xlsx(out / "rows_1048576.xlsx")
    big_book(out / "book_1e6_rows")
