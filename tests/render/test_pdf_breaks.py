"""PDF page breaks: a table's total row never stands alone at the top of a page."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "audit"))

from builders import K, disclosure, item, table, total  # noqa: E402

from yusuan.render.pdf import write_pdf  # noqa: E402


def _texts(path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as doc:
        return [p.extract_text() or "" for p in doc.pages]


def _pdf(tmp_path, items: int) -> list[str]:
    rows = [item(f"2080{i:03d}", f"项目{i:03d}", "1.00") for i in range(items)] + [total("合计", f"{items}.00")]
    d = disclosure(table(K.INCOME_SUMMARY, "total", rows, title="2025年预算收入总表"))
    return _texts(write_pdf(d, tmp_path / f"t{items}.pdf"))


def test_a_total_row_is_never_alone_on_a_page(tmp_path):
    # how many item rows fill the table's first page
    first = next(t for t in _pdf(tmp_path, 120) if "2025年预算收入总表" in t and "项目000" in t)
    fits = sum(1 for line in first.splitlines() if line.startswith("2080"))
    assert 10 < fits < 120
    pages = [t for t in _pdf(tmp_path, fits) if "项目" in t or "合计" in t]  # exactly a page of items, then 合计
    last = pages[-1]
    assert "合计" in last and sum(1 for line in last.splitlines() if line.startswith("2080")) >= 1
