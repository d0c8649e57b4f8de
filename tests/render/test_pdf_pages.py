"""The printed sample (阳泉市民政局 2025, built from the bundled book), page by page as pypdf reads it:
the two 收支总表 end on the page they start on (their totals never land on a page of their own), and
every page a 绩效目标表 runs on to names the form and its project (续表) at its top."""
from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.author import build_disclosure
from yusuan.render.pdf import write_pdf

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"
FORM_TITLE = "预算部门（单位）项目支出绩效目标表"


@pytest.fixture(scope="module")
def sample():
    return build_disclosure(SAMPLE)


@pytest.fixture(scope="module")
def pages(sample, render_dir) -> list[list[str]]:
    from pypdf import PdfReader

    path = write_pdf(sample, render_dir / "sample-pages.pdf")
    return [(p.extract_text() or "").splitlines() for p in PdfReader(path).pages]


def _page_of(pages, start: int, test) -> int:
    return next(i for i in range(start, len(pages)) if any(test(line) for line in pages[i]))


@pytest.mark.parametrize("title", ["2025年预算收支总表", "2025年财政拨款收支总表"])
def test_a_summary_tables_totals_are_on_the_page_it_starts_on(pages, title):
    starts = _page_of(pages, 2, lambda line: line == title)  # page 2 is the contents
    ends = _page_of(pages, starts, lambda line: line.startswith("收入总计"))
    assert starts == ends, f"{title}：第{starts + 1}页起，收入总计在第{ends + 1}页：{pages[ends]}"


def test_every_page_a_form_runs_on_to_names_it_at_the_top(sample, pages):
    first = _page_of(pages, 2, lambda line: line.startswith("附件：项目支出绩效目标"))
    names = iter(t.project_name for t in sample.targets)
    current, continued = None, 0
    for i in range(first, len(pages)):
        starts = [line for line in pages[i] if line == FORM_TITLE]
        if pages[i][0] in (FORM_TITLE, "附件：项目支出绩效目标"):
            for _ in starts:
                current = next(names)
            continue
        continued += 1
        assert f"续表：{FORM_TITLE}（{current}）" in pages[i], f"第{i + 1}页：{pages[i][:3]}"
        for _ in starts:  # a form that starts lower on the page
            current = next(names)
    assert continued >= 5  # the sample's long forms do run over


def test_which_tables_are_set_tight_and_which_rows_stay_with_the_totals(sample):
    from yusuan.model import TableKind as K
    from yusuan.render.grid import layout
    from yusuan.render.html import compact, keep_with_total

    summary = layout(sample.table(K.INCOME_EXPENDITURE_SUMMARY))  # 33 lines, totals at the foot
    assert compact(summary) and keep_with_total(summary) == frozenset(range(29, 33))
    projects = layout(sample.table(K.PROJECTS))  # 66 lines, 合计 on top: breaks where it must
    assert not compact(projects) and keep_with_total(projects) == frozenset()
